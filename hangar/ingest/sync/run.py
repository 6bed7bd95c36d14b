"""``hangar sync``: one run, from plan to summary.

A run fetches every page of its plan into the checkpoint first, validating each into one batch
as it arrives, and applies the batch only when every page is there, in one transaction: a reader
of the catalog sees the old catalog until the commit and the new one after, never a mix; a
refusal changes nothing and keeps the pages fetched before it for a retry. Applying a checkpoint
twice (a kill between the commit and its removal) is harmless, since the import is idempotent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

from hangar.ingest import verify
from hangar.ingest.importer import MAX_LISTED_ERRORS, ImportRefused, import_documents
from hangar.ingest.sync.checkpoint import SyncState, default_state_dir
from hangar.ingest.sync.client import (
    DEFAULT_TIMEOUT,
    MIB,
    Budget,
    Clock,
    RetryPolicy,
    Tally,
    Upstream,
    UpstreamError,
    UpstreamRefused,
)
from hangar.ingest.sync.crawl import Crawler, CrawlRefused, StreamReport
from hangar.ingest.sync.plan import choose_plan, streams_of
from hangar.ingest.sync.progress import Progress, human
from hangar.ll2.links import API_PREFIX

DEFAULT_UPSTREAM = "https://ll.thespacedevs.com"
WEEK = 7 * 24 * 3600.0
LISTED_DIFFERENCES = 20


class SyncFailed(Exception):
    """The run stopped; ``lines`` say why and what was kept. Nothing was applied. ``outcome``
    is ``refused`` (the upstream's data) or ``failed`` (the upstream could not be read)."""

    def __init__(self, lines: list[str], outcome: str = "refused") -> None:
        self.lines, self.outcome = lines, outcome
        super().__init__("\n".join(lines))


@dataclass
class SyncOptions:
    upstream: str = DEFAULT_UPSTREAM
    token: str | None = None
    budget: int = 15
    window: float = 3600.0
    full: bool = False
    full_every: float = WEEK
    only: tuple[str, ...] = ()
    restart: bool = False
    state_dir: Path | None = None
    timeout: float = DEFAULT_TIMEOUT  # seconds for each request as a whole
    max_body: int = field(default_factory=lambda: settings.HANGAR_SYNC_MAX_BODY_MB * MIB)
    max_pages: int = field(default_factory=lambda: settings.HANGAR_SYNC_MAX_PAGES)
    policy: RetryPolicy = field(default_factory=RetryPolicy)
    progress: bool | None = None
    clock: Clock = field(default_factory=Clock)


def api_root(upstream: str) -> str:
    """``https://host[/prefix]/2.3.0/`` from the server's base URL (with or without the
    version)."""
    url = upstream.strip().rstrip("/")
    if url.endswith(API_PREFIX.rstrip("/")):
        url = url[: -len(API_PREFIX.rstrip("/"))]
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc or parts.query:
        raise ValueError(f"Not an http(s) base URL: {upstream!r}.")
    return f"{url}{API_PREFIX}"


def run_sync(options: SyncOptions, note: Callable[[str], None]) -> list[str]:
    """Run one sync; the summary lines. Raises ``SyncFailed`` when it stops early."""
    root = api_root(options.upstream)
    state = SyncState(options.state_dir or default_state_dir(), root)
    with state.locked():
        try:
            lines = Run(options, state, note).go()
        except SyncFailed as failed:
            state.record_run(failed.outcome, datetime.now(UTC))
            raise
        except KeyboardInterrupt:
            state.record_run("interrupted", datetime.now(UTC))
            pages = state.page_count()
            raise KeyboardInterrupt(
                f"{kept(pages)}{'' if pages else ' (none)'}; run hangar sync again to resume "
                "from there"
            ) from None
        except Exception:
            state.record_run("error", datetime.now(UTC))
            raise
        state.record_run("success", datetime.now(UTC))
        return lines


class Run:
    def __init__(self, options: SyncOptions, state: SyncState, note) -> None:
        self.options, self.state, self.note, self.clock = options, state, note, options.clock
        self.tally = Tally()

    def go(self) -> list[str]:
        if self.options.restart:
            self.state.clear_checkpoint()
        history = self.state.load_history()
        plan = self.state.load_plan()
        lines = []
        if plan is None:
            options = self.options
            now = self.clock.now()
            plan = choose_plan(history, now, options.full, options.full_every, options.only)
            self.state.save_plan(plan)
        else:
            begun = human(self.clock.now() - plan["created"])
            done = self.state.page_count()
            lines.append(
                f"Resumed the {plan['kind']} refresh begun {begun} ago: "
                + ("1 page was" if done == 1 else f"{done} pages were")
                + " already fetched."
            )
            self.note(lines[-1])
        budget = Budget(
            self.options.budget, self.options.window, self.state, self.clock, plan["created"]
        )
        crawler = self.crawl(plan, budget, history)
        spent = self.spent_line(budget, crawler.reports)
        report = self.apply(crawler, budget)
        pages = [page for s in streams_of(plan) for page in self.state.pages(s.name)]
        found = verify.differences(pages)
        verify.write_report(self.state.quality_report, found)
        self.remember(history, plan, crawler.reports)
        self.state.clear_checkpoint()
        streams = self.stream_lines(plan, crawler.reports)
        if crawler.repeated:
            streams.append(
                f"{crawler.repeated} records came with two requests and were applied once."
            )
        return [
            f"Synced from {self.state.api_root} ({plan['kind']} refresh).",
            *lines,
            *(f"  {line}" for line in streams),
            spent,
            *report.lines(),
            *self.quality_lines(found),
        ]

    def apply(self, crawler: Crawler, budget: Budget):
        try:
            return import_documents(crawler.documents())
        except ImportRefused as refused:
            raise SyncFailed(
                [
                    "Sync refused: the upstream's records cannot be held as they are; nothing "
                    "was changed.",
                    *listed(refused.errors),
                    f"{kept(self.state.page_count()).capitalize()}: rerun once it is fixed.",
                    self.spent_line(budget, crawler.reports),
                ]
            ) from None

    def crawl(self, plan: dict, budget: Budget, history: dict) -> Crawler:
        progress = Progress(self.options.progress, budget, self.tally, self.note)
        upstream = Upstream(
            self.state.api_root,
            budget,
            token=self.options.token,
            clock=self.clock,
            policy=self.options.policy,
            timeout=self.options.timeout,
            max_body=self.options.max_body,
            tally=self.tally,
            note=progress.note,
            on_wait=progress.waiting,
        )
        estimate = history.get("pages", {})
        crawler = Crawler(self.state, upstream, progress, estimate, self.options.max_pages)
        try:
            crawler.crawl(plan)
            return crawler
        except UpstreamError as error:
            raise SyncFailed(
                [
                    f"Sync interrupted: {error}",
                    f"Nothing was applied; {kept(self.state.page_count())}: rerun to continue "
                    "from there.",
                    self.spent_line(budget, []),
                ],
                outcome="failed",
            ) from None
        except UpstreamRefused as refused:
            raise SyncFailed(
                [
                    f"Sync refused: {refused} Nothing was changed.",
                    f"{kept(self.state.page_count()).capitalize()}: rerun once it is fixed.",
                    self.spent_line(budget, []),
                ]
            ) from None
        except CrawlRefused as refused:
            raise SyncFailed(
                [
                    "Sync refused: the upstream sent pages Hangar does not accept; nothing was "
                    "changed.",
                    *listed(refused.lines),
                    f"Otherwise {kept(self.state.page_count())}: rerun to fetch the rest.",
                    self.spent_line(budget, []),
                ]
            ) from None
        finally:
            progress.close()
            upstream.close()

    def spent_line(self, budget: Budget, reports: list[StreamReport]) -> str:
        pages = sum(report.pages for report in reports)
        retries = ", ".join(f"{n} after {kind}" for kind, n in sorted(self.tally.retries.items()))
        return (
            (f"Pages: {pages}; requests: " if reports else "Requests: ")
            + f"{budget.spent} spent ({self.tally.requests} in this run"
            + (f"; retries: {retries}" if retries else "")
            + f"); waited {human(self.tally.waited)}."
        )

    def stream_lines(self, plan: dict, reports: list[StreamReport]) -> list[str]:
        lines = []
        for report in reports:
            label = report.stream.label()
            if report.absent and report.stream.single:
                lines.append(f"{label}: no longer served by the upstream (404); kept as it was.")
            elif report.absent:
                lines.append(f"{label}: not served by the upstream (404), skipped.")
            else:
                pages = "1 page" if report.pages == 1 else f"{report.pages} pages"
                lines.append(f"{label}: {pages}, {report.records} records.")
        return [*lines, *plan["notes"]]

    def quality_lines(self, found: list[verify.Difference]) -> list[str]:
        if not found:
            return ["Data quality: every statistic Hangar recomputes matches the upstream's."]
        shown = found[:LISTED_DIFFERENCES]
        lines = [
            f"Data quality: {len(found)} statistics differ from the upstream's "
            f"(full list: {self.state.quality_report}):",
            *(f"  {difference.line()}" for difference in shown),
        ]
        if len(found) > len(shown):
            lines.append(f"  ... and {len(found) - len(shown)} more.")
        return lines

    def remember(self, history: dict, plan: dict, reports: list[StreamReport]) -> None:
        if plan["kind"] != "partial":
            history["last_sync"] = plan["created"]
        if plan["kind"] == "full":
            history["last_full"] = plan["created"]
        pages = history.setdefault("pages", {})
        pages.update({r.stream.name: r.pages for r in reports if not r.stream.single})
        history["last_finished"] = datetime.now(UTC).isoformat()
        self.state.save_history(history)


def kept(pages: int) -> str:
    if pages == 1:
        return "the 1 page fetched so far is kept"
    return f"the {pages} pages fetched so far are kept"


def listed(errors: list[str]) -> list[str]:
    shown = [f"  {error}" for error in errors[:MAX_LISTED_ERRORS]]
    if len(errors) > MAX_LISTED_ERRORS:
        shown.append(f"  ... and {len(errors) - MAX_LISTED_ERRORS} more.")
    return shown
