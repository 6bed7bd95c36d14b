"""A kept answer, and how a copy of it is served."""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass, field
from functools import lru_cache

from hangar.core.live import LiveBody

# Headers the cache writes itself for each copy, and those of one request only (its id).
OWN_HEADERS = frozenset(
    {"content-length", "etag", "cache-control", "content-encoding", "x-request-id"}
)
GZIP_AT_LEAST = 1024  # bytes; smaller bodies gain nothing
GZIP_LEVEL = 6


@dataclass
class Entry:
    """An answer: its headers, its body split at the durations that grow, an ETag, and until
    when (seconds since the epoch) it holds."""

    headers: list[tuple[str, str]]
    body: LiveBody
    etag: str
    expires: float
    # The gzipped body, made on the first request that asks for it (for a live body, per
    # second: ``(second, bytes)``).
    gzipped: tuple[int, bytes] | None = field(default=None, compare=False)
    # A live body as rendered for the last second served: ``(second, bytes)``.
    rendered: tuple[int, bytes] | None = field(default=None, compare=False)
    # What a copy is served as, per encoding, made once (for a live body, once a second).
    served: dict[str, Copy] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, headers, body: bytes, expires: float) -> Entry:
        kept = [(name, value) for name, value in headers if name.lower() not in OWN_HEADERS]
        if len(body) >= GZIP_AT_LEAST:
            kept = with_vary(kept, "Accept-Encoding")
        digest = hashlib.blake2b(body, digest_size=16).hexdigest()
        return cls(kept, LiveBody.split(body), digest, expires)

    @property
    def size(self) -> int:
        gzipped = len(self.gzipped[1]) if self.gzipped else 0
        return sum(len(part) for part in self.body.parts) + gzipped + 512

    def holds_at(self, now: float) -> bool:
        return now < self.expires

    def etag_at(self, second: int, encoding: str) -> str:
        """The ETag of the copy served at ``second``: a live body changes every second, and
        each encoding is a representation of its own."""
        tag = f"{self.etag}-{second}" if self.body.live else self.etag
        return f'"{tag}-gzip"' if encoding == "gzip" else f'"{tag}"'

    def content(self, second: int, encoding: str) -> bytes:
        if encoding != "gzip":
            return self.plain(second)
        if self.gzipped is None or (self.body.live and self.gzipped[0] != second):
            compressed = gzip.compress(self.plain(second), GZIP_LEVEL, mtime=0)
            self.gzipped = (second, compressed)
        return self.gzipped[1]

    def plain(self, second: int) -> bytes:
        if not self.body.live:
            return self.body.parts[0]
        rendered = self.rendered
        if rendered is None or rendered[0] != second:
            rendered = self.rendered = (second, self.body.render(second))
        return rendered[1]

    def copy(self, second: int, encoding: str, control: str) -> Copy:
        """The copy served at ``second`` in ``encoding`` with ``control`` as its
        ``Cache-Control``: its ETag, headers and body, worked out once and served as they are
        by every request that asks for the same (a hit does no more than look it up)."""
        when = second if self.body.live else 0
        copy = self.served.get(encoding)
        if copy is None or copy.second != when or copy.control != control:
            copy = self.served[encoding] = self.make_copy(when, second, encoding, control)
        return copy

    def make_copy(self, when: int, second: int, encoding: str, control: str) -> Copy:
        etag = self.etag_at(second, encoding)
        body = self.content(second, encoding)
        head = [*self.headers, ("ETag", etag), ("Cache-Control", control)]
        tail = [("Content-Encoding", "gzip")] if encoding == "gzip" else []
        tail.append(("Content-Length", str(len(body))))
        return Copy(when, control, etag, head, tail, [*head, *tail], body)

    def __post_init__(self) -> None:
        # Whether a client that accepts gzip gets it: only a body worth compressing.
        self.gzip_worth = sum(len(part) for part in self.body.parts) >= GZIP_AT_LEAST


@dataclass(frozen=True)
class Copy:
    """A copy of an entry as served: ``head`` is what a ``304`` carries, ``head`` and ``tail``
    together (``headers``) what a ``200`` carries with ``body``."""

    second: int  # the second it is for; 0 for an answer that holds whatever the second
    control: str
    etag: str
    head: list[tuple[str, str]]
    tail: list[tuple[str, str]]
    headers: list[tuple[str, str]]
    body: bytes


def with_vary(headers: list[tuple[str, str]], name: str) -> list[tuple[str, str]]:
    """``headers`` with ``name`` added to their ``Vary``."""
    for index, (header, value) in enumerate(headers):
        if header.lower() == "vary":
            headers = list(headers)
            headers[index] = (header, f"{value}, {name}")
            return headers
    return [*headers, ("Vary", name)]


@lru_cache(maxsize=256)
def accepts_gzip(header: str) -> bool:
    """Whether ``Accept-Encoding`` admits gzip (``gzip;q=0`` refuses it)."""
    for coding in header.split(","):
        name, _, params = coding.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            quality = params.strip()
            return not (quality.startswith("q=") and float_or_one(quality[2:]) == 0)
    return False


def float_or_one(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 1.0


def matches(if_none_match: str, etag: str) -> bool:
    """``If-None-Match`` against the ETag of a copy (weak comparison, as for a GET)."""
    if if_none_match.strip() == "*":
        return True
    tags = (tag.strip().removeprefix("W/") for tag in if_none_match.split(","))
    return etag in tags
