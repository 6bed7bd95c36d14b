"""Talking to the upstream: an hourly request budget, retries that do not give up on the
first hiccup of a public service, and limits that a hostile or broken one cannot get past.

The budget is a sliding window of the instants requests were sent, kept on disk (see
``checkpoint``), so that neither a rerun after a crash nor the next scheduled run overspends it.
A request is counted before it is sent: one that was sent but whose answer never came still
counted at the upstream. Clock and sleep are injectable so that tests can run the waits fast.

Every request has one deadline for the whole of it: connecting, the headers and the last byte
of the body. httpx's timeouts are per network operation, so an upstream that sends a byte a
second never trips them; the request therefore runs as a task on an event loop of its own,
cancelled when the deadline passes (``asyncio.timeout``), whatever phase it is in. The body is
read in network-sized pieces and refused as soon as it passes ``max_body``, decompressed
included: httpx's decoder inflates each piece whole, so one 64 KiB piece of a gzip bomb becomes
64 MiB at once, while ``zlib``'s ``max_length`` stops inflating at the limit. Only gzip is asked
for, so it is the one encoding to decode.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
import orjson

from hangar.ingest.sync.checkpoint import SyncState

USER_AGENT = "hangar-sync/0.1 (self-hosted Launch Library 2 mirror)"
LONGEST_NAP = 1.0  # sleep in slices so that a waiting progress bar counts down each second
MIB = 1024 * 1024
DEFAULT_TIMEOUT = 60.0  # seconds for a whole request
# LL2's largest answer, a page of 100 detailed launches, is a few MiB: far below this.
DEFAULT_MAX_BODY = 64 * MIB


@dataclass
class Clock:
    now: Callable[[], float] = time.time
    sleep: Callable[[float], None] = time.sleep


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5  # per request, for server errors, timeouts, dropped and malformed answers
    backoff: float = 5.0  # first delay; doubles with each failure
    max_backoff: float = 300.0
    throttled: int = 10  # 429 answers in a row before giving up


class UpstreamError(Exception):
    """The upstream cannot be read now; the message says which request and why."""


class UpstreamRefused(Exception):
    """The upstream answered what no retry makes acceptable (a body over the limit, an
    encoding not asked for); the message says which request and why. Never retried."""


class CorruptBody(Exception):
    """The body does not decompress; retried like a truncated answer."""


def size(n: int) -> str:
    return f"{n / MIB:g} MiB" if n >= MIB else f"{n} bytes"


async def read_body(response: httpx.Response, limit: int, shown: str) -> bytes:
    """The decoded body of ``response``, refused once it passes ``limit`` bytes."""
    too_big = f"GET {shown}: the answer is larger than the {size(limit)} allowed (--max-body-mb)"
    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    if encoding not in {"", "identity", "gzip"}:
        raise UpstreamRefused(
            f"GET {shown}: the answer is encoded as {encoding!r}; only gzip was asked for."
        )
    declared = response.headers.get("Content-Length", "").strip()
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding == "gzip" else None
    if inflate is None and declared.isdigit() and int(declared) > limit:
        raise UpstreamRefused(f"{too_big}: it announces {size(int(declared))}.")
    body = bytearray()
    async for piece in response.aiter_raw():
        while piece:
            if inflate is None:
                body += piece
                piece = b""
            else:
                try:
                    body += inflate.decompress(piece, limit - len(body) + 1)
                except zlib.error as error:
                    raise CorruptBody(f"gzip: {error}") from None
                piece = b"" if inflate.eof else inflate.unconsumed_tail
            if len(body) > limit:
                raise UpstreamRefused(f"{too_big}" + (" once decompressed." if inflate else "."))
    return bytes(body)


@dataclass
class Answer:
    status: int
    body: object
    url: str
    started: float
    finished: float


@dataclass
class Tally:
    """What the run spent, for the summary."""

    requests: int = 0
    waited: float = 0.0
    retries: Counter = field(default_factory=Counter)


class Budget:
    """At most ``limit`` requests in any ``window`` seconds. Also counts the requests spent
    on the plan in the checkpoint (``plan`` is its creation time), across runs."""

    def __init__(
        self, limit: int, window: float, state: SyncState, clock: Clock, plan: float
    ) -> None:
        if limit < 1:
            raise ValueError("The request budget must allow at least one request.")
        self.limit, self.window, self.state, self.clock = limit, window, state, clock
        ledger = state.load_ledger()
        self.stamps = self._recent(ledger["stamps"])
        self.plan = plan
        self.spent = ledger["spent"] if ledger["plan"] == plan else 0

    def _recent(self, stamps: list[float]) -> list[float]:
        horizon = self.clock.now() - self.window
        return sorted(stamp for stamp in stamps if stamp > horizon)

    def wait_time(self) -> float:
        self.stamps = self._recent(self.stamps)
        if len(self.stamps) < self.limit:
            return 0.0
        return max(0.0, self.stamps[-self.limit] + self.window - self.clock.now())

    def spend(self) -> None:
        self.stamps = [*self._recent(self.stamps), self.clock.now()]
        self.spent += 1
        self.state.save_ledger({"stamps": self.stamps, "plan": self.plan, "spent": self.spent})

    def seconds_for(self, requests: int, each: float = 0.0) -> float:
        """How long ``requests`` more requests take at best, one after the other, each taking
        ``each`` seconds to answer, budget waits included."""
        now, stamps = self.clock.now(), list(self._recent(self.stamps))
        finish = now
        for _ in range(requests):
            free = stamps[-self.limit] + self.window if len(stamps) >= self.limit else now
            at = max(finish, free)
            stamps.append(at)
            finish = at + each
        return finish - now


def retry_after(response: httpx.Response, default: float) -> float:
    """``Retry-After`` in seconds or as an HTTP date; ``default`` when absent or unreadable."""
    value = response.headers.get("Retry-After", "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return max(0.0, when.timestamp() - time.time())


class Upstream:
    """GET requests to one LL2 2.3.0 server, within the budget, retried when it makes sense."""

    def __init__(
        self,
        api_root: str,
        budget: Budget,
        *,
        token: str | None = None,
        clock: Clock | None = None,
        policy: RetryPolicy | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        max_body: int = DEFAULT_MAX_BODY,
        tally: Tally | None = None,
        note: Callable[[str], None] = lambda message: None,
        on_wait: Callable[[float], None] = lambda seconds: None,
    ) -> None:
        self.api_root = api_root
        self.budget = budget
        self.clock = clock or Clock()
        self.policy = policy or RetryPolicy()
        self.note = note
        self.on_wait = on_wait
        self.tally = tally or Tally()
        self.timeout, self.max_body = timeout, max_body
        headers = {
            "Accept": "application/json",
            "Accept-Encoding": "gzip",
            "User-Agent": USER_AGENT,
        }
        if token:
            headers["Authorization"] = f"Token {token}"
        # One loop for the life of the client, so that its connections are reused.
        self.loop = asyncio.Runner()
        self.http = httpx.AsyncClient(headers=headers, timeout=timeout, follow_redirects=False)

    def close(self) -> None:
        try:
            self.loop.run(self.http.aclose())
        finally:
            self.loop.close()

    async def fetch(self, url: str, params: dict, shown: str) -> tuple[httpx.Response, bytes]:
        """The response and its decoded body, within the deadline of the whole request."""
        async with asyncio.timeout(self.timeout):
            async with self.http.stream("GET", url, params=params) as response:
                return response, await read_body(response, self.max_body, shown)

    def wait_for_budget(self) -> None:
        while (wait := self.budget.wait_time()) > 0:
            self.on_wait(wait)
            nap = min(wait, LONGEST_NAP)
            self.clock.sleep(nap)
            self.tally.waited += nap
        self.on_wait(0.0)

    def sleep(self, seconds: float) -> None:
        self.clock.sleep(seconds)
        self.tally.waited += seconds

    def get(self, path: str, params: dict, check: Callable[[object], str | None]) -> Answer:
        """The decoded answer to ``GET <api root><path>``, or a 404 answer without a body.

        ``check`` says what is wrong with a decoded body (a list page without ``results``...);
        such an answer is retried like a truncated one, since both are what a connection cut
        short or an overloaded proxy delivers; so is one that misses the deadline. An answer
        over ``max_body`` raises ``UpstreamRefused`` at once: a retry would only fetch it
        again."""
        url = f"{self.api_root}{path}"
        shown = str(httpx.URL(url, params=params))
        failures, throttled = 0, 0
        while True:
            self.wait_for_budget()
            self.budget.spend()
            self.tally.requests += 1
            started = self.clock.now()
            try:
                response, body = self.loop.run(self.fetch(url, params, shown))
            except (TimeoutError, httpx.TimeoutException):
                problem = f"no complete answer within {self.timeout:g}s (--timeout)"
                kind = "timeout"
            except CorruptBody as error:
                problem, kind = f"malformed answer ({error})", "malformed"
            except httpx.TransportError as error:
                problem = f"connection failed ({type(error).__name__}: {error})"
                kind = "connection"
            else:
                status = response.status_code
                if status == 429:
                    throttled += 1
                    if throttled > self.policy.throttled:
                        raise UpstreamError(
                            f"GET {shown}: still 429 Too Many Requests after {throttled} tries."
                        )
                    wait = retry_after(response, self.policy.backoff)
                    self.tally.retries["429 Too Many Requests"] += 1
                    self.note(f"GET {shown}: 429 Too Many Requests; waiting {wait:g}s as asked.")
                    self.sleep(wait)
                    continue
                if status == 404:
                    return Answer(404, None, shown, started, self.clock.now())
                if status >= 500:
                    problem, kind = f"server error {status}", "server error"
                elif status != 200:
                    text = body[:300].decode("utf-8", "replace")
                    raise UpstreamError(f"GET {shown}: HTTP {status}: {text}")
                else:
                    decoded, problem = decode_page(body, check)
                    if problem is None:
                        return Answer(200, decoded, shown, started, self.clock.now())
                    kind = "malformed"
            failures += 1
            if failures >= self.policy.attempts:
                raise UpstreamError(f"GET {shown}: {problem}; gave up after {failures} attempts.")
            delay = min(self.policy.backoff * 2 ** (failures - 1), self.policy.max_backoff)
            self.tally.retries[kind] += 1
            self.note(f"GET {shown}: {problem}; retrying in {delay:g}s.")
            self.sleep(delay)


def decode_page(body: bytes, check: Callable[[object], str | None]) -> tuple[object, str | None]:
    """The decoded body of a 200 answer, or what is wrong with it."""
    try:
        decoded = orjson.loads(body)
    except orjson.JSONDecodeError as error:
        return None, f"malformed answer, not valid JSON ({error})"
    problem = check(decoded)
    return decoded, None if problem is None else f"malformed answer ({problem})"
