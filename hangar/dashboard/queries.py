"""What the Starship dashboard holds at an instant, built with a fixed number of queries whatever
the catalog's size: one (and the prefetches of its level) per list, and for launches and events
one for the ids of each window and one that loads both windows together.

The content is inferred from Space Launch Now's Starship page, which this endpoint feeds (LL2
does not document it). Starship is program 1:

- ``upcoming``: its launches whose ``net`` is at most a day ago and its events dated at most a
  day ago, soonest first (the window of ``launches/upcoming/``); ``previous``: those at or
  before now, latest first. A launch of the last day is in both, as in the launch lists.
- ``vehicles``: the boosters that flew or will fly as first stages of its launches, by id;
  ``orbiters``: the spacecraft whose flights are on its launches, by id.
- ``updates``: the newest of the program's own updates and its launches' updates.
- ``road_closures``: its closures whose window has not ended, by start; ``notices``: its
  notices dated from the start of today (UTC) on, by date; ``live_streams``: its streams in
  LL2's order.

Every list has an ``id`` tie-break. ``?limit=`` sets the length of every list (see
``sizes``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db.models import F, Q, QuerySet

from hangar.dashboard.models import LiveStream, Notice, RoadClosure
from hangar.events.models import Event
from hangar.launchers.queries import launchers_detailed
from hangar.launches.models import FirstStage, Launch, Update
from hangar.spacecraft.models import SpacecraftFlight
from hangar.spacecraft.queries import spacecraft_normal

STARSHIP = 1  # the program whose dashboard ``dashboard/starship/`` is
GRACE = timedelta(hours=24)  # an upcoming launch or event stays there for a day
MAX_LIMIT = 100  # LL2's largest page
# The length of each list without ``?limit=`` (inferred: ten launches and events each way and
# five updates, as the Starship page shows; the other lists are short and shown whole, up to
# the largest page).
DEFAULT_SIZES = {"launches": 10, "events": 10, "updates": 5}


@dataclass(frozen=True)
class LaunchesAndEvents:
    launches: list
    events: list


@dataclass(frozen=True)
class Dashboard:
    updates: list
    live_streams: list
    road_closures: list
    notices: list
    vehicles: list
    orbiters: list
    upcoming: LaunchesAndEvents
    previous: LaunchesAndEvents


def sizes(params: Mapping) -> Callable[[str], int]:
    """The length of each list: ``?limit=`` sets every one, at most 100; a limit that is not a
    positive whole number is ignored, as LL2's pagination ignores it."""
    try:
        limit = int(params.get("limit", ""))
    except ValueError:
        limit = 0
    if limit > 0:
        return lambda name: min(limit, MAX_LIMIT)
    return lambda name: DEFAULT_SIZES.get(name, MAX_LIMIT)


def in_order(queryset: QuerySet, *windows: list) -> list[list]:
    """The records of every window (lists of ids) loaded with one query, each window in its
    order."""
    wanted = {pk for window in windows for pk in window}
    loaded = {record.pk: record for record in queryset.filter(pk__in=wanted)} if wanted else {}
    return [[loaded[pk] for pk in window] for window in windows]


def launch_windows(now: datetime, size: int) -> tuple[list, list]:
    launches = Launch.objects.filter(program=STARSHIP)
    ahead = launches.filter(net__gte=now - GRACE).order_by("net", "name", "id")
    behind = launches.filter(net__lte=now).order_by(F("net").desc(), "id")
    return (
        list(ahead.values_list("id", flat=True)[:size]),
        list(behind.values_list("id", flat=True)[:size]),
    )


def event_windows(now: datetime, size: int) -> tuple[list, list]:
    events = Event.objects.filter(program=STARSHIP)
    ahead = events.filter(date__gte=now - GRACE).order_by("date", "id")
    behind = events.filter(date__lte=now).order_by(F("date").desc(), "id")
    return (
        list(ahead.values_list("id", flat=True)[:size]),
        list(behind.values_list("id", flat=True)[:size]),
    )


def updates(size: int) -> list:
    launches = Launch.objects.filter(program=STARSHIP).values("id")
    found = Update.objects.filter(Q(program=STARSHIP) | Q(launch__in=launches))
    return list(found.order_by(F("created_on").desc(nulls_last=True), "-id")[:size])


def vehicles(size: int) -> list:
    stages = FirstStage.objects.filter(rocket__launch__program=STARSHIP).values("launcher_id")
    boosters = launchers_detailed().filter(pk__in=stages)
    return list(boosters.order_by("id")[:size])


def orbiters(size: int) -> list:
    flights = SpacecraftFlight.objects.filter(launch__program=STARSHIP).values("spacecraft_id")
    return list(spacecraft_normal().filter(pk__in=flights).order_by("id")[:size])


def road_closures(now: datetime, size: int) -> list:
    closures = RoadClosure.objects.select_related("status")
    return list(
        closures.filter(program=STARSHIP, window_end__gte=now).order_by("window_start", "id")[:size]
    )


def notices(now: datetime, size: int) -> list:
    today = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    found = Notice.objects.select_related("type").filter(program=STARSHIP, date__gte=today)
    return list(found.order_by("date", "id")[:size])


def live_streams(size: int) -> list:
    return list(LiveStream.objects.filter(program=STARSHIP).order_by("position", "id")[:size])


def dashboard_builder(launches: Callable[[], QuerySet], events: Callable[[], QuerySet]):
    """The builder of one level, ``build(now, params)``: ``launches`` and ``events`` load them
    at that level."""

    def build(now: datetime, params: Mapping) -> Dashboard:
        size = sizes(params)
        launches_ahead, launches_behind = in_order(
            launches(), *launch_windows(now, size("launches"))
        )
        events_ahead, events_behind = in_order(events(), *event_windows(now, size("events")))
        return Dashboard(
            updates=updates(size("updates")),
            live_streams=live_streams(size("live_streams")),
            road_closures=road_closures(now, size("road_closures")),
            notices=notices(now, size("notices")),
            vehicles=vehicles(size("vehicles")),
            orbiters=orbiters(size("orbiters")),
            upcoming=LaunchesAndEvents(launches_ahead, events_ahead),
            previous=LaunchesAndEvents(launches_behind, events_behind),
        )

    return build
