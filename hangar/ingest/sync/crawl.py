"""Fetching the streams of a plan into the checkpoint, page by page, refusing pages that
contradict each other.

Limit/offset pagination is only consistent while the upstream does not change under it: a
record added or removed between two page requests shifts every later offset, so one record is
served twice or not at all. A stream therefore keeps the ``count`` of its first page and
refuses a page that says otherwise, a record it has already seen, a ``next`` link that jumps,
and a last page that leaves the total short.

An upstream that never stops paging is stopped by the same ``count``: a list may take the pages
its first page's ``count`` needs at the size of that page, a tenth more and two, and no more
than ``max_pages`` in any case, refused on the first page when its ``count`` needs more. A
``next`` link is followed only on the upstream's own scheme, host and port: its query string
would otherwise be asked of the configured host in the name of another.

Each page is validated into the importer's batch as it arrives, before it is kept, and the
batch is emptied after it: a broken record stops the run before the rest of the budget is spent,
and nothing of the records is held. When the last page is in, the pages are read back from the
checkpoint one at a time and imported (validated again), a part at a time in one transaction.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit

from hangar.core.batch import Batch
from hangar.ingest import importer
from hangar.ingest.sync.checkpoint import SyncState
from hangar.ingest.sync.client import Upstream
from hangar.ingest.sync.endpoints import PAGE_SIZE, PAGES_PER_LIST
from hangar.ingest.sync.plan import Stream, came_down, streams_of
from hangar.ingest.sync.progress import Progress
from hangar.ll2.links import API_PREFIX
from hangar.spacecraft import models as m


class CrawlRefused(Exception):
    """The upstream sent something Hangar will not apply; ``lines`` name record and field."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__("\n".join(lines))


@dataclass
class StreamReport:
    stream: Stream
    pages: int = 0
    records: int = 0
    absent: bool = False


def request_line(path: str, params: dict) -> str:
    query = urlencode(sorted(params.items()))
    return f"GET {API_PREFIX}{path}" + (f"?{query}" if query else "")


def page_problem(body: object) -> str | None:
    if not isinstance(body, dict) or not isinstance(body.get("results"), list):
        return "expected a list page with a list of results"
    if isinstance(body.get("count"), bool) or not isinstance(body.get("count"), int):
        return "the page has no count"
    if body.get("next") is not None and not isinstance(body["next"], str):
        return "next is not a link"
    return None


def object_problem(body: object) -> str | None:
    return None if isinstance(body, dict) else "expected a single object"


def record_id(record: object):
    return record.get("id") if isinstance(record, dict) else None


def origin(url: str) -> str:
    """``scheme://host:port`` of ``url``, the port spelled out; ``ValueError`` if unreadable."""
    parts = urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme.lower())
    return f"{parts.scheme.lower()}://{(parts.hostname or '').lower()}:{port}"


class Crawler:
    def __init__(
        self,
        state: SyncState,
        upstream: Upstream,
        progress: Progress,
        estimate: dict,
        max_pages: int = PAGES_PER_LIST,
    ):
        self.state, self.upstream, self.progress = state, upstream, progress
        self.max_pages = max_pages
        self.estimate = estimate  # stream name -> pages it took last time
        # Pages are validated into the batch as they arrive, which is emptied after each: the
        # apply step reads them again from the checkpoint, a part at a time (``documents``).
        self.batch, self.records = Batch(), 0
        self.absorbed: list[tuple[Stream, int]] = []  # (stream, position) of each page, in order
        self.taken: set = set()  # (resource, id) of the records absorbed
        self.repeated = 0  # records two streams both returned, applied once

    def crawl(self, plan: dict) -> list[StreamReport]:
        for stream in streams_of(plan):
            done = self.state.pages(stream.name)
            self.progress.expect(stream.name, self.expected(stream, done), done=len(done))
        self.reports = reports = []
        index = 0
        while index < len(plan["streams"]):  # the plan grows when a quick refresh finds more
            stream = Stream(**plan["streams"][index])
            report = self.crawl_stream(stream)
            reports.append(report)
            if stream.name == "spacecraft-in-space" and not plan.get("followed_up"):
                pages = self.state.pages(stream.name)
                extra = came_down({record_id(r) for page in pages for r in results(page)})
                plan["streams"] += [asdict(s) for s in extra]
                plan["followed_up"] = True
                self.state.save_plan(plan)
                for follow in extra:
                    self.progress.expect(follow.name, 1)
            index += 1
        return reports

    def expected(self, stream: Stream, pages: list[dict]) -> int:
        if pages and pages[-1]["done"]:
            return len(pages)
        if pages and not stream.single:
            return max(len(pages), math.ceil(pages[0]["response"]["count"] / PAGE_SIZE))
        return self.estimate.get(stream.name, 1)

    def crawl_stream(self, stream: Stream) -> StreamReport:
        pages = self.state.pages(stream.name)
        report = StreamReport(stream, pages=len(pages))
        seen: dict = {}
        for position, page in enumerate(pages):
            report.absent = page["status"] == 404
            for record in results(page):
                seen[record_id(record)] = page["request"]
            self.absorb(stream, (page["request"], position), page.get("response"))
        report.records = len(seen)
        if pages and pages[-1]["done"]:
            return report
        allowed = None
        if pages:
            params, count = pages[-1]["then"], pages[0]["response"]["count"]
            allowed = self.allowed_pages(stream, pages[0]["request"], pages[0]["response"])
        elif stream.single:
            params, count = dict(stream.params), None
        else:
            params, count = {**stream.params, "limit": str(PAGE_SIZE), "offset": "0"}, None
        position = len(pages)
        while True:
            check = object_problem if stream.single else page_problem
            answer = self.upstream.get(stream.path, params, check)
            request = request_line(stream.path, params)
            saved = {"request": request, "url": answer.url, "status": answer.status}
            saved["fetched"] = [answer.started, answer.finished]
            if answer.status == 404:
                if position:
                    self.refuse(stream, [f"{request}: the list ended early (404) while crawled."])
                self.state.save_page(stream.name, position, {**saved, "done": True, "then": None})
                self.progress.page_done(answer.finished - answer.started)
                report.absent, report.pages = True, 1
                return report
            body = answer.body
            if stream.single:
                then = None
            else:
                count = body["count"] if count is None else count
                if position == 0:
                    allowed = self.allowed_pages(stream, request, body)
                    self.progress.expect(stream.name, max(1, math.ceil(count / PAGE_SIZE)))
                then = self.check_page(stream, request, body, count, seen, params)
                self.check_paging(stream, request, body, then, (position, allowed, count), seen)
                if then is not None and stream.until_known and self.any_known(body["results"]):
                    then = None
            self.absorb(stream, (request, position), body)
            page = {**saved, "response": body, "then": then, "done": then is None}
            self.state.save_page(stream.name, position, page)
            self.progress.page_done(answer.finished - answer.started)
            report.pages, report.records = position + 1, len(seen) if not stream.single else 1
            if then is None:
                return report
            params, position = then, position + 1

    def check_paging(self, stream, request, body, then, where, seen) -> None:
        """Refuse a list that pages past what its count allows, or ends short of its count;
        ``where`` is the page's position, the pages allowed and the announced count."""
        position, allowed, count = where
        if then is not None and position + 1 >= allowed:
            self.refuse(
                stream,
                [
                    f"{request}: next: {body['next']!r} would be page {position + 2}, "
                    f"past the {allowed} pages a list of {count} records may take; "
                    "the upstream does not stop paging."
                ],
            )
        if then is None and not self.stopped_early(stream, body) and len(seen) != count:
            self.refuse(
                stream,
                [
                    f"{request}: count: the upstream announced {count} records and "
                    f"delivered {len(seen)}; records were skipped."
                ],
            )

    def allowed_pages(self, stream: Stream, request: str, first: dict) -> int:
        """How many pages the list whose first page is ``first`` may take: what its ``count``
        needs at the size of that page, with a margin; refused if that is over ``max_pages``."""
        size = max(1, len(first["results"])) if first["next"] else PAGE_SIZE
        needed = math.ceil(first["count"] / size)
        if needed > self.max_pages:
            self.refuse(
                stream,
                [
                    f"{request}: count: {first['count']} records in pages of {size} would take "
                    f"{needed} pages, more than the {self.max_pages} a list may take "
                    "(--max-pages)."
                ],
            )
        return needed + needed // 10 + 2

    def check_page(self, stream, request, body, count, seen, params) -> dict | None:
        """The parameters of the next page, after checking this one against the pages before."""
        if body["count"] != count:
            self.refuse(
                stream,
                [
                    f"{request}: count: {body['count']} records, the first page said {count}; "
                    "the upstream changed during the crawl, so pages may repeat or skip records."
                ],
            )
        for index, record in enumerate(body["results"]):
            pk = record_id(record)
            if pk in seen:
                self.refuse(
                    stream,
                    [
                        f"{request}: results[{index}]: {stream.resource} {pk}: id: given again "
                        f"(already in {seen[pk]}); the page repeats a record."
                    ],
                )
            seen[pk] = request
        if not body["next"]:
            return None
        link = urlsplit(body["next"])
        then = dict(parse_qsl(link.query))
        then.pop("format", None)
        expected = int(params["offset"]) + len(body["results"])
        problem = None
        ours = origin(self.upstream.api_root)
        try:
            theirs = origin(body["next"]) if link.scheme or link.netloc else ours
        except ValueError:
            theirs = None
        if theirs != ours:
            problem = (
                f"next: {body['next']!r} is not on the upstream ({ours}); a link to another "
                "host or scheme is not followed"
            )
        elif not link.path.endswith(f"{API_PREFIX}{stream.path}"):
            problem = f"next: {body['next']!r} leaves {stream.path}"
        elif any(then.get(key) != value for key, value in stream.params.items()):
            problem = f"next: {body['next']!r} drops the parameters {stream.params}"
        elif then.get("offset") != str(expected):
            problem = (
                f"next: {body['next']!r} continues at offset {then.get('offset')}, not "
                f"{expected}; the pages would skip or repeat records"
            )
        if problem:
            self.refuse(stream, [f"{request}: {problem}."])
        return then

    def stopped_early(self, stream: Stream, body: dict) -> bool:
        return stream.until_known and bool(body["next"])

    def any_known(self, records: list) -> bool:
        """Newest first: past the first record Hangar has, every record is one it has."""
        ids = {record_id(record) for record in records}
        return m.Spacecraft.objects.filter(id__in=ids).exists()

    def absorb(self, stream: Stream, where: tuple[str, int], body: object) -> None:
        """Validate a page (``where``: its request and position), with the checks of ``hangar
        import``, and remember it for the apply step."""
        request, position = where
        kept = self.kept(stream, body, self.taken, count_repeats=True)
        if kept is None:
            return
        try:
            _, records = importer.collect(
                [(request, {"request": request, "response": kept})], self.batch
            )
        except importer.ImportRefused as refused:
            self.refuse(stream, refused.errors, discard=False)
        finally:
            self.batch.empty()
            self.batch.top_level.clear()
        self.taken.update(
            (stream.resource, record_id(record)) for record in results({"response": kept})
        )
        self.absorbed.append((stream, position))
        self.records += records

    def kept(
        self, stream: Stream, body: object, taken: set, count_repeats: bool = False
    ) -> object | None:
        """The page without the records an earlier stream of a quick refresh returned too (a
        new spacecraft already in space), which are taken once, as first returned: the importer
        refuses a record given twice. None for a page with nothing left."""
        if body is None:
            return None
        kept, repeated = [], 0
        for record in results({"response": body}):
            if (stream.resource, record_id(record)) in taken:
                repeated += 1
            else:
                kept.append(record)
        if count_repeats:
            self.repeated += repeated
        if isinstance(body, dict) and "results" in body:
            return {**body, "results": kept}
        return body if kept else None

    def documents(self) -> Iterator[tuple[str, dict]]:
        """The absorbed pages again, read one at a time from the checkpoint, as the importer
        takes them."""
        taken: set = set()
        for stream, position in self.absorbed:
            page = self.state.read_page(stream.name, position)
            kept = self.kept(stream, page.get("response"), taken)
            if kept is None:
                continue
            taken.update(
                (stream.resource, record_id(record)) for record in results({"response": kept})
            )
            yield page["request"], {"request": page["request"], "response": kept}

    def refuse(self, stream: Stream, lines: list[str], discard: bool = True) -> None:
        """Stop the run. Pages that contradict each other are dropped so that a rerun fetches
        the stream afresh; a page refused on its own was never kept, and the earlier ones are."""
        if discard:
            self.state.discard_stream(stream.name)
            lines = [*lines, f"The pages of {stream.label()} fetched so far were dropped."]
        raise CrawlRefused(lines)


def results(page: dict) -> list:
    body = page.get("response")
    if isinstance(body, dict) and isinstance(body.get("results"), list):
        return body["results"]
    return [body] if isinstance(body, dict) else []
