"""Astronaut statistics, as plain functions of the crews and spacewalks Hangar holds.

The definitions follow LL2's: an astronaut's flights are the launches that have happened
(``net`` <= now) with the astronaut in a launch crew, by ``net``; the landings are the spacecraft
flights with the astronaut in the landing crew, by ``mission_end`` (a landing counts once its
``mission_end`` has passed: inferred, a planned landing has not happened). Time in space pairs the
i-th flight with the i-th landing; a flight without a landing counts up to now. The astronaut is
in space when the last flight is later than the last landing, or when it has flights and no
landing. EVA time is the sum of the durations of the spacewalks that have begun.

``refresh_astronauts`` stores the results. The time in space of a flight without a landing grows
by the second: it is stored with the instant it was computed at (``stats_as_of``) and the number
of such flights (``open_flights``), and served as of the request. A planned launch, landing or
spacewalk that comes changes more than that: ``refresh_due`` stores those (every import and sync,
and ``hangar refresh``); until it has, a response computes them for the request without writing
(``as_of``). A read never writes.

Imported or computed: the figures an astronaut record gives are kept until Hangar holds its
crews: once it holds a launch-crew seat of the astronaut and at least as many flights as the
record counted, the flight figures are computed (``has_flight_data``, kept from then on); the
EVA figures once it holds at least as many of its spacewalks as the record counted.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from hangar.core.rows import update_rows
from hangar.ll2.durations import live_seconds, whole_seconds
from hangar.people.models import (
    Astronaut,
    LandingCrewMember,
    LaunchCrewMember,
    SpacewalkCrewMember,
)


@dataclass(frozen=True)
class SpacewalkTimes:
    start: datetime | None
    duration_s: int | None


@dataclass(frozen=True)
class AstronautStatistics:
    flights_count: int
    landings_count: int
    first_flight: datetime | None
    last_flight: datetime | None
    in_space: bool
    time_in_space: timedelta
    open_flights: int
    spacewalks_count: int
    eva_time_s: int
    due_at: datetime | None


def has_begun(instant: datetime | None, now: datetime) -> bool:
    return instant is not None and instant <= now


def time_in_space(
    flights: Sequence[datetime], landings: Sequence[datetime], now: datetime
) -> tuple[timedelta, int]:
    """The i-th flight (in launch order) ends at the i-th landing (in landing order), a flight
    without one at ``now``; the total, and how many flights have no landing. A landing that
    comes before its flight (inconsistent data) adds nothing."""
    total = timedelta(0)
    for index, launched in enumerate(flights):
        ended = landings[index] if index < len(landings) else now
        total += max(timedelta(0), ended - launched)
    return total, max(0, len(flights) - len(landings))


def astronaut_statistics(
    launches: Iterable[datetime | None],
    landings: Iterable[datetime | None],
    spacewalks: Iterable[SpacewalkTimes],
    now: datetime,
) -> AstronautStatistics:
    """``launches``: the ``net`` of each launch with the astronaut in a launch crew;
    ``landings``: the ``mission_end`` of each flight with it in the landing crew."""
    launches, landings, spacewalks = list(launches), list(landings), list(spacewalks)
    flown = sorted(net for net in launches if has_begun(net, now))
    landed = sorted(end for end in landings if has_begun(end, now))
    total, still_open = time_in_space(flown, landed, now)
    walked = [walk for walk in spacewalks if walk.start is None or walk.start <= now]
    coming = [net for net in launches if net is not None and net > now]
    coming += [end for end in landings if end is not None and end > now]
    coming += [walk.start for walk in spacewalks if walk.start is not None and walk.start > now]
    return AstronautStatistics(
        flights_count=len(flown),
        landings_count=len(landed),
        first_flight=flown[0] if flown else None,
        last_flight=flown[-1] if flown else None,
        in_space=bool(flown) and (not landed or flown[-1] > landed[-1]),
        time_in_space=total,
        open_flights=still_open,
        spacewalks_count=len(walked),
        eva_time_s=sum(walk.duration_s or 0 for walk in walked),
        due_at=min(coming, default=None),
    )


# --- reading the crews ------------------------------------------------------------------------


@dataclass
class Record:
    """What the statistics of one astronaut are computed from."""

    launches: dict  # launch id -> net
    landings: dict  # flight id -> mission end
    spacewalks: dict  # spacewalk id -> SpacewalkTimes


def crews_of(ids: Iterable[int]) -> dict[int, Record]:
    """The launches, landings and spacewalks of these astronauts, by astronaut id (a launch
    or spacewalk in which an astronaut holds two seats counts once)."""
    ids = sorted(set(ids))
    found: dict[int, Record] = defaultdict(lambda: Record({}, {}, {}))
    for start in range(0, len(ids), 2000):
        part = ids[start : start + 2000]
        for person, launch, net in LaunchCrewMember.objects.filter(
            seat__astronaut_id__in=part
        ).values_list("seat__astronaut_id", "flight__launch_id", "flight__launch__net"):
            found[person].launches[launch] = net
        for person, flight, end in LandingCrewMember.objects.filter(
            seat__astronaut_id__in=part
        ).values_list("seat__astronaut_id", "flight_id", "flight__mission_end"):
            found[person].landings[flight] = end
        for person, walk, begun, duration in SpacewalkCrewMember.objects.filter(
            seat__astronaut_id__in=part
        ).values_list(
            "seat__astronaut_id", "spacewalk_id", "spacewalk__start", "spacewalk__duration_s"
        ):
            found[person].spacewalks[walk] = SpacewalkTimes(begun, duration)
    return found


# --- storing ----------------------------------------------------------------------------------

STATISTICS = [
    "in_space",
    "time_in_space_s",
    "open_flights",
    "eva_time_s",
    "flights_count",
    "landings_count",
    "spacewalks_count",
    "first_flight",
    "last_flight",
    "stats_as_of",
    "stats_due_at",
    "has_flight_data",
]


def observable(person: Astronaut, now_epoch: int) -> tuple:
    """What a client could see of the statistics, now and later: unchanged, the row need not
    be written (a stored value merely rebased on a later instant is the same)."""
    return tuple(
        live_seconds(person.time_in_space_s, person.open_flights, person.stats_as_of, now_epoch)
        if name == "time_in_space_s"
        else getattr(person, name)
        for name in STATISTICS
        if name != "stats_as_of"
    )


def store_statistics(person: Astronaut, record: Record, now: datetime) -> None:
    now_epoch = int(now.timestamp())
    # An imported time in space still grows while the astronaut is up: rebase it on now.
    person.time_in_space_s = live_seconds(
        person.time_in_space_s, person.open_flights, person.stats_as_of, now_epoch
    )
    person.stats_as_of = now_epoch
    figures = astronaut_statistics(
        record.launches.values(), record.landings.values(), record.spacewalks.values(), now
    )
    person.stats_due_at = figures.due_at
    if record.launches and figures.flights_count >= (person.flights_count or 0):
        person.has_flight_data = True
    if person.has_flight_data:
        person.flights_count = figures.flights_count
        person.landings_count = figures.landings_count
        person.first_flight = figures.first_flight
        person.last_flight = figures.last_flight
        person.in_space = figures.in_space
        person.time_in_space_s = whole_seconds(figures.time_in_space)
        person.open_flights = figures.open_flights
    held_walks = bool(record.spacewalks) and (
        figures.spacewalks_count >= (person.spacewalks_count or 0)
    )
    if held_walks or (person.has_flight_data and person.eva_time_s is None):
        person.spacewalks_count = figures.spacewalks_count
        person.eva_time_s = figures.eva_time_s


def refresh_astronauts(ids: Iterable[int], now: datetime | None = None) -> None:
    """Recompute and store the statistics of these astronauts."""
    now = now or datetime.now(UTC)
    ids = sorted(set(ids) - {None})
    if not ids:
        return
    now_epoch = int(now.timestamp())
    # A part at a time, so that what is held does not grow with the number of astronauts.
    for start in range(0, len(ids), 2000):
        part = ids[start : start + 2000]
        records = crews_of(part)
        changed = []
        for person in Astronaut.objects.filter(id__in=part):
            before = observable(person, now_epoch)
            store_statistics(person, records.get(person.id) or Record({}, {}, {}), now)
            if observable(person, now_epoch) != before:
                changed.append(person)
        update_rows(Astronaut, STATISTICS, changed)


# --- keeping values true as time passes -------------------------------------------------------


def refresh_due(now: datetime | None = None) -> int:
    """Store the statistics of the astronauts whose planned launches, landings or spacewalks
    have come since they were computed; how many there were."""
    now = now or datetime.now(UTC)
    due = list(Astronaut.objects.filter(stats_due_at__lte=now).values_list("id", flat=True))
    refresh_astronauts(due, now)
    return len(due)


def is_stale(person: Astronaut, now_epoch: int) -> bool:
    """Whether a planned launch, landing or spacewalk of ``person`` has come since its
    statistics were stored (``refresh_due`` has not run since)."""
    due = person.stats_due_at
    return due is not None and due.timestamp() <= now_epoch


def as_of(person: Astronaut, now_epoch: int) -> Astronaut:
    """A copy of ``person`` with its statistics computed for ``now_epoch``, nothing written."""
    current = copy.copy(person)
    now = datetime.fromtimestamp(now_epoch, UTC)
    store_statistics(current, crews_of([person.id]).get(person.id) or Record({}, {}, {}), now)
    return current
