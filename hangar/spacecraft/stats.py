"""Spacecraft statistics, as plain functions of flights and docking events.

The definitions follow LL2's published values: a flight counts once its launch ``net`` has passed;
time in space runs from the launch to the mission end (or to now, for a spacecraft still up);
time docked runs from docking to departure (or to now); a turnaround is the gap between one
flight's mission end and the next flight's launch.

``refresh_spacecraft`` stores the results. Values that grow by the second are not rewritten:
they are stored with the instant they were computed at and the rate at which they grow (see
``Spacecraft``), and served as of the request. A planned flight that launches changes more than a
rate (the flight counts, the spacecraft is in space): ``refresh_due`` stores those, run by every
import and sync and by ``hangar refresh`` (which ``hangar serve`` runs every minute); until it
has, a response computes them for the request without writing (``as_of``). A read never writes.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import pairwise

from django.db.models import Min

from hangar.core.rows import update_rows
from hangar.ll2.durations import live_seconds, whole_seconds
from hangar.spacecraft.models import (
    DockingEvent,
    Spacecraft,
    SpacecraftConfig,
    SpacecraftConfigFamily,
    SpacecraftFlight,
)

LAUNCH_SUCCESS = 3
LAUNCH_FAILURES = {4, 7}  # Failure, Partial Failure


@dataclass(frozen=True)
class FlightTimes:
    net: datetime | None
    mission_end: datetime | None


@dataclass(frozen=True)
class DockingTimes:
    docking: datetime
    departure: datetime | None


@dataclass(frozen=True)
class SpacecraftStatistics:
    flights_count: int
    mission_ends_count: int
    in_space: bool
    time_in_space: timedelta
    time_docked: timedelta
    fastest_turnaround: timedelta | None
    open_flights: int
    open_dockings: int
    due_at: datetime | None


def has_launched(flight: FlightTimes, now: datetime) -> bool:
    return flight.net is not None and flight.net <= now


def flight_duration(flight: FlightTimes) -> timedelta | None:
    if flight.net is None or flight.mission_end is None:
        return None
    return flight.mission_end - flight.net


def turnaround_times(flights: Sequence[FlightTimes]) -> list[timedelta | None]:
    """Turnaround of each flight, in the order given: its launch minus the previous flight's
    mission end, the flights taken in launch order; None for the first flight or when the
    previous flight has no mission end."""
    order = sorted(
        range(len(flights)), key=lambda i: (flights[i].net is None, flights[i].net or 0, i)
    )
    result: list[timedelta | None] = [None] * len(flights)
    for previous, current in pairwise(order):
        end, net = flights[previous].mission_end, flights[current].net
        if end is not None and net is not None:
            result[current] = net - end
    return result


def fastest_turnaround(flights: Sequence[FlightTimes], now: datetime) -> timedelta | None:
    """The shortest turnaround among flights that have launched."""
    times = [
        gap
        for flight, gap in zip(flights, turnaround_times(flights), strict=True)
        if gap is not None and has_launched(flight, now)
    ]
    return min(times, default=None)


def time_docked(dockings: Iterable[DockingTimes], now: datetime) -> tuple[timedelta, int]:
    """Total docked time up to now, and how many dockings are still open."""
    total, still_open = timedelta(0), 0
    for event in dockings:
        if event.docking > now:
            continue
        if event.departure is None:
            still_open += 1
        total += (event.departure or now) - event.docking
    return total, still_open


def spacecraft_statistics(
    flights: Sequence[FlightTimes], dockings: Iterable[DockingTimes], now: datetime
) -> SpacecraftStatistics:
    launched = [flight for flight in flights if has_launched(flight, now)]
    open_flights = sum(1 for flight in launched if flight.mission_end is None)
    in_space_time = sum(
        ((flight.mission_end or now) - flight.net for flight in launched), timedelta(0)
    )
    dockings = list(dockings)
    docked, open_dockings = time_docked(dockings, now)
    upcoming = [f.net for f in flights if f.net is not None and f.net > now]
    upcoming += [d.docking for d in dockings if d.docking > now]
    return SpacecraftStatistics(
        flights_count=len(launched),
        mission_ends_count=sum(1 for flight in launched if flight.mission_end is not None),
        in_space=open_flights > 0,
        time_in_space=in_space_time,
        time_docked=docked,
        fastest_turnaround=fastest_turnaround(flights, now),
        open_flights=open_flights,
        open_dockings=open_dockings,
        due_at=min(upcoming, default=None),
    )


@dataclass(frozen=True)
class ConfigFlight:
    """What a configuration's figures need of one flight of one of its spacecraft."""

    spacecraft_id: int
    net: datetime | None
    launch_status_id: int | None
    landing_attempt: bool | None
    landing_success: bool | None


def config_statistics(flights: Iterable[ConfigFlight], now: datetime) -> dict[str, int]:
    launched = [f for f in flights if f.net is not None and f.net <= now]
    attempted = [f for f in launched if f.landing_attempt]
    return {
        "spacecraft_flown": len({f.spacecraft_id for f in launched}),
        "total_launch_count": len(launched),
        "successful_launches": sum(1 for f in launched if f.launch_status_id == LAUNCH_SUCCESS),
        "failed_launches": sum(1 for f in launched if f.launch_status_id in LAUNCH_FAILURES),
        "attempted_landings": len(attempted),
        "successful_landings": sum(1 for f in attempted if f.landing_success is True),
        "failed_landings": sum(1 for f in attempted if f.landing_success is False),
    }


# --- storing -------------------------------------------------------------------------------


# Spacecraft whose statistics are computed at once: what a refresh holds does not grow with the
# number of spacecraft it recomputes (an import of a whole catalog).
REFRESH_PART = 2000


def refresh_spacecraft(spacecraft_ids: Iterable[int], now: datetime | None = None) -> None:
    """Recompute and store the statistics of these spacecraft, their flights, and the
    configurations and families they belong to."""
    now = now or datetime.now(UTC)
    ids = sorted(set(spacecraft_ids) - {None})
    configs = set()
    for start in range(0, len(ids), REFRESH_PART):
        configs |= refresh_spacecraft_part(ids[start : start + REFRESH_PART], now)
    refresh_configurations(configs - {None}, now)


def refresh_spacecraft_part(ids: list[int], now: datetime) -> set:
    """``refresh_spacecraft`` of a part of the spacecraft; their configurations."""
    now_epoch = int(now.timestamp())
    flights_by_craft, dockings_by_craft = flights_and_dockings(ids)
    changed_flights, changed_craft, configs = [], [], set()
    for craft in Spacecraft.objects.filter(id__in=ids):
        configs.add(craft.spacecraft_config_id)
        before = _observable(craft, now_epoch)
        flights = flights_by_craft.get(craft.id, [])
        times = [FlightTimes(f.launch.net, f.mission_end) for f in flights]
        changed_flights += _flight_durations(flights, times)
        _store_statistics(craft, times, dockings_by_craft.get(craft.id, []), now, now_epoch)
        if _observable(craft, now_epoch) != before:
            changed_craft.append(craft)
    update_rows(Spacecraft, SPACECRAFT_STATISTICS, changed_craft)
    update_rows(SpacecraftFlight, ["duration_s", "turn_around_time_s"], changed_flights)
    return configs


SPACECRAFT_STATISTICS = [
    "in_space",
    "time_in_space_s",
    "time_docked_s",
    "flights_count",
    "mission_ends_count",
    "fastest_turnaround_s",
    "open_flights",
    "open_dockings",
    "stats_as_of",
    "stats_due_at",
    "has_flight_data",
    "has_docking_data",
]


def flights_and_dockings(ids) -> tuple[dict[int, list], dict[int, list[DockingTimes]]]:
    """The flights (with their launches) and the docking times of these spacecraft."""
    flights_by_craft: dict[int, list[SpacecraftFlight]] = defaultdict(list)
    for flight in (
        SpacecraftFlight.objects.filter(spacecraft_id__in=ids)
        .select_related("launch")
        .order_by("id")
    ):
        flights_by_craft[flight.spacecraft_id].append(flight)
    dockings_by_craft: dict[int, list[DockingTimes]] = defaultdict(list)
    for craft_id, docking, departure in DockingEvent.objects.filter(
        flight_vehicle_chaser__spacecraft_id__in=ids
    ).values_list("flight_vehicle_chaser__spacecraft_id", "docking", "departure"):
        dockings_by_craft[craft_id].append(DockingTimes(docking, departure))
    return flights_by_craft, dockings_by_craft


def _flight_durations(flights: list, times: list[FlightTimes]) -> list:
    """Set each flight's duration and turnaround; the flights whose values changed."""
    changed = []
    for flight, facts, gap in zip(flights, times, turnaround_times(times), strict=True):
        duration, turnaround = whole_seconds(flight_duration(facts)), whole_seconds(gap)
        if (flight.duration_s, flight.turn_around_time_s) != (duration, turnaround):
            flight.duration_s, flight.turn_around_time_s = duration, turnaround
            changed.append(flight)
    return changed


def _observable(craft, now_epoch: int) -> tuple:
    """What a client could see of a spacecraft's statistics, now and later: unchanged, the row
    need not be written (a stored value merely rebased on a later instant is the same)."""
    return (
        craft.in_space,
        live_seconds(craft.time_in_space_s, craft.open_flights, craft.stats_as_of, now_epoch),
        live_seconds(craft.time_docked_s, craft.open_dockings, craft.stats_as_of, now_epoch),
        craft.flights_count,
        craft.mission_ends_count,
        craft.fastest_turnaround_s,
        craft.open_flights,
        craft.open_dockings,
        craft.stats_due_at,
        craft.has_flight_data,
        craft.has_docking_data,
    )


def _store_statistics(craft, times, dockings, now: datetime, now_epoch: int) -> None:
    # Values kept as imported still grow while the spacecraft is up: rebase them on now.
    craft.time_in_space_s = live_seconds(
        craft.time_in_space_s, craft.open_flights, craft.stats_as_of, now_epoch
    )
    craft.time_docked_s = live_seconds(
        craft.time_docked_s, craft.open_dockings, craft.stats_as_of, now_epoch
    )
    craft.stats_as_of = now_epoch
    stats = spacecraft_statistics(times, dockings, now)
    if times and stats.flights_count >= (craft.flights_count or 0):
        # Flights imported one by one: once Hangar holds at least as many launched flights as
        # the upstream counted, it holds them all and computes from them.
        craft.has_flight_data = True
    if craft.has_flight_data:
        craft.flights_count = stats.flights_count
        craft.mission_ends_count = stats.mission_ends_count
        craft.in_space = stats.in_space
        craft.time_in_space_s = whole_seconds(stats.time_in_space)
        craft.fastest_turnaround_s = whole_seconds(stats.fastest_turnaround)
        craft.open_flights = stats.open_flights
        craft.stats_due_at = stats.due_at
    if craft.has_docking_data or (dockings and craft.has_flight_data):
        craft.has_docking_data = True
        craft.time_docked_s = whole_seconds(stats.time_docked)
        craft.open_dockings = stats.open_dockings


def refresh_configurations(config_ids: Iterable[int], now: datetime | None = None) -> None:
    """Recompute the figures of these configurations and of their families, from the flights
    Hangar holds. Configurations (families) none of whose spacecraft has a flight in Hangar keep
    their imported figures."""
    now = now or datetime.now(UTC)
    ids = set(config_ids)
    if not ids:
        return
    by_config = flights_by_group("spacecraft__spacecraft_config_id", ids)
    turnaround = dict(
        SpacecraftConfig.objects.filter(id__in=by_config)
        .annotate(best=Min("spacecraft__fastest_turnaround_s"))
        .values_list("id", "best")
    )
    configs = list(SpacecraftConfig.objects.filter(id__in=by_config))
    store_group_statistics(configs, by_config, now)
    for config in configs:
        config.fastest_turnaround_s = turnaround.get(config.id)
    update_rows(SpacecraftConfig, [*STAT_FIELDS, "fastest_turnaround_s"], configs)

    family_ids = set(
        SpacecraftConfig.families.through.objects.filter(spacecraftconfig_id__in=ids).values_list(
            "spacecraftconfigfamily_id", flat=True
        )
    )
    by_family = flights_by_group("spacecraft__spacecraft_config__families", family_ids)
    families = list(SpacecraftConfigFamily.objects.filter(id__in=by_family))
    store_group_statistics(families, by_family, now)
    update_rows(SpacecraftConfigFamily, STAT_FIELDS, families)


def flights_by_group(group: str, group_ids: set) -> dict[int, list[ConfigFlight]]:
    """The flights of the spacecraft of each configuration (or family), by its id."""
    rows = SpacecraftFlight.objects.filter(**{f"{group}__in": group_ids}).values_list(
        group,
        "spacecraft_id",
        "launch__net",
        "launch__status_id",
        "landing__attempt",
        "landing__success",
    )
    grouped: dict[int, list[ConfigFlight]] = defaultdict(list)
    for group_id, *facts in rows:
        grouped[group_id].append(ConfigFlight(*facts))
    return grouped


def store_group_statistics(objects, flights: dict[int, list[ConfigFlight]], now) -> None:
    for obj in objects:
        for field, value in config_statistics(flights[obj.id], now).items():
            setattr(obj, field, value)


STAT_FIELDS = [
    "spacecraft_flown",
    "total_launch_count",
    "successful_launches",
    "failed_launches",
    "attempted_landings",
    "successful_landings",
    "failed_landings",
]


# --- keeping values true as time passes -----------------------------------------------------


def refresh_due(now: datetime | None = None) -> int:
    """Store the statistics of the spacecraft whose planned flights or dockings have begun since
    they were computed; how many there were. Run after every import and sync, and by
    ``hangar refresh``."""
    now = now or datetime.now(UTC)
    due = list(Spacecraft.objects.filter(stats_due_at__lte=now).values_list("id", flat=True))
    refresh_spacecraft(due, now)
    return len(due)


def is_stale(craft: Spacecraft, now_epoch: int) -> bool:
    """Whether a planned flight or docking of ``craft`` has begun since its statistics were
    stored (``refresh_due`` has not run since)."""
    due = craft.stats_due_at
    return due is not None and due.timestamp() <= now_epoch


def as_of(craft: Spacecraft, now_epoch: int) -> Spacecraft:
    """A copy of ``craft`` with its statistics computed for ``now_epoch``, nothing written."""
    flights, dockings = flights_and_dockings([craft.id])
    current = copy.copy(craft)
    times = [FlightTimes(f.launch.net, f.mission_end) for f in flights.get(craft.id, [])]
    now = datetime.fromtimestamp(now_epoch, UTC)
    _store_statistics(current, times, dockings.get(craft.id, []), now, now_epoch)
    return current
