"""Durations as LL2 writes them (ISO 8601, ``P22DT14M5S``) and as Hangar keeps them (whole
seconds), converted in one place."""

from __future__ import annotations

from datetime import timedelta

import isodate

SECOND = timedelta(seconds=1)
LONGEST = 2**63  # what a 64-bit column holds


def whole_seconds(delta: timedelta | None) -> int | None:
    """Durations are served to the second, as LL2 serves them."""
    return None if delta is None else delta // SECOND


def format_seconds(seconds: int | None) -> str | None:
    """``P22DT14M5S`` for 1,945,045 seconds; None stays None."""
    if seconds is None:
        return None
    return isodate.duration_isoformat(timedelta(seconds=seconds))


def parse_seconds(text: object) -> int | None:
    """Whole seconds of an ISO 8601 duration in days and time; None when ``text`` is not one
    (a string that does not parse, years or months, a negative or overflowing value)."""
    if not isinstance(text, str):
        return None
    try:
        seconds = int(isodate.parse_duration(text).total_seconds())
    except (isodate.ISO8601Error, AttributeError, TypeError, OverflowError, ValueError):
        return None
    return seconds if 0 <= seconds < LONGEST else None


def live_seconds(base: int | None, rate: int, as_of: int, now_epoch: int) -> int | None:
    """A stored duration that grows by ``rate`` seconds per second since ``as_of`` (epoch
    seconds): the time in space of a spacecraft with ``rate`` flights still up."""
    if base is None:
        return None
    return base + rate * max(0, now_epoch - as_of)
