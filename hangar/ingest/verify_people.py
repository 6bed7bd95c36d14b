"""The astronauts' part of the data-quality report: the figures Hangar computes from the crews
and spacewalks it holds (``hangar.people.stats``), compared with those the upstream delivered,
as of the instant each page was fetched."""

from __future__ import annotations

from datetime import UTC, datetime

from hangar.ll2.durations import parse_seconds, whole_seconds
from hangar.people import stats
from hangar.people.models import Astronaut

FLIGHT_FIGURES = ["flights_count", "landings_count", "in_space", "time_in_space"]
SPACEWALK_FIGURES = ["spacewalks_count", "eva_time"]
ASTRONAUT_FIGURES = FLIGHT_FIGURES + SPACEWALK_FIGURES
DURATIONS = {"time_in_space", "eva_time"}
GROWING = {"time_in_space"}


def ours(figures: stats.AstronautStatistics, name: str):
    if name == "time_in_space":
        return whole_seconds(figures.time_in_space)
    if name == "eva_time":
        return figures.eva_time_s
    return getattr(figures, name)


def compare_astronauts(delivered: dict, difference) -> list:
    """``delivered``: astronaut id -> what the upstream said (``verify.Delivered``);
    ``difference(pk, name, field, ours, theirs)`` makes one line of the report."""
    records = stats.crews_of(delivered)
    found = []
    for person in Astronaut.objects.filter(id__in=delivered).order_by("id"):
        theirs, record = delivered[person.id], records.get(person.id)
        if record is None:
            continue
        early, late = (
            stats.astronaut_statistics(
                record.launches.values(),
                record.landings.values(),
                record.spacewalks.values(),
                datetime.fromtimestamp(moment, UTC),
            )
            for moment in theirs.window
        )
        names = FLIGHT_FIGURES if person.has_flight_data else []
        names = names + (SPACEWALK_FIGURES if record.spacewalks else [])
        for name in names:
            if name not in theirs.values:
                continue
            value = theirs.values[name]
            if name in DURATIONS:
                value = parse_seconds(value)
            low, high = ours(early, name), ours(late, name)
            if name in GROWING and None not in (low, high, value):
                same = low - 1 <= value <= high + 1
            else:
                same = value in (low, high)
            if not same:
                found.append(difference(person.id, person.name, name, low, value))
    return found
