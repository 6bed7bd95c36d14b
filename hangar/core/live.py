"""Durations that grow with time, carried through a rendered response as markers.

A cached response must show every growing duration (a spacecraft's time in space while it is
up) right to the second it is served, not as it was when the response was computed. So when a
response is computed for the response cache, each such duration is rendered as a marker that
says how to compute it (``base`` seconds at ``as_of``, growing by ``rate`` seconds per second)
instead of its value; the cache splits the body at the markers once, and fills in the values for
the instant of each request it serves (``LiveBody.render``). A duration that does not grow is
rendered as its value.

The marker is a JSON string starting with a NUL character, which JSON renders escaped
(``"\\u0000L...``); no value of the catalog holds one (the importer refuses NUL characters
in text).
"""

from __future__ import annotations

from dataclasses import dataclass

from hangar.ll2.durations import format_seconds, live_seconds

PREFIX = "\x00L"
RENDERED_PREFIX = b'"\\u0000L'


def marker(base: int, rate: int, as_of: int) -> str:
    """The string a growing duration is rendered as, for the cache to fill in."""
    return f"{PREFIX}{base}:{rate}:{as_of}"


@dataclass(frozen=True)
class LiveBody:
    """A rendered response split at its growing durations: ``parts`` around ``slots`` (one
    ``(base, rate, as_of)`` between each two parts)."""

    parts: tuple[bytes, ...]
    slots: tuple[tuple[int, int, int], ...]

    @classmethod
    def split(cls, body: bytes) -> LiveBody:
        pieces = body.split(RENDERED_PREFIX)
        if len(pieces) == 1:
            return cls((body,), ())
        parts, slots = [pieces[0]], []
        for piece in pieces[1:]:
            end = piece.index(b'"')
            base, rate, as_of = (int(number) for number in piece[:end].split(b":"))
            slots.append((base, rate, as_of))
            parts.append(piece[end + 1 :])
        return cls(tuple(parts), tuple(slots))

    @property
    def live(self) -> bool:
        return bool(self.slots)

    def render(self, now_epoch: int) -> bytes:
        if not self.slots:
            return self.parts[0]
        out = [self.parts[0]]
        for (base, rate, as_of), part in zip(self.slots, self.parts[1:], strict=True):
            value = format_seconds(live_seconds(base, rate, as_of, now_epoch))
            out.append(b'"%s"' % value.encode())
            out.append(part)
        return b"".join(out)
