"""The querysets of the ``spacewalks/`` endpoint's modes: a spacewalk with its crew (in LL2's
order), station, expedition, spacecraft flight, event and programs (by name, then id).

The flight, at either level, is loaded by its own query (``Prefetch`` on the foreign key): joined
to the spacewalk's other relations, a flight with its launch and spacecraft is more tables than
SQLite joins in one query."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from hangar.events.queries import (
    event_mini_joins,
    event_mini_prefetches,
    event_normal_joins,
    event_normal_prefetches,
)
from hangar.people.models import Spacewalk, SpacewalkCrewMember
from hangar.people.queries import crew_prefetch
from hangar.people.queries_expeditions import (
    expedition_for_spacewalk_joins,
    expedition_for_spacewalk_prefetches,
)
from hangar.programs.models import Program
from hangar.programs.queries import (
    NESTED_ORDER,
    program_mini_joins,
    program_mini_prefetches,
    program_normal_prefetch,
)
from hangar.spacecraft.queries import (
    spacecraft_flights_detailed,
    spacecraft_flights_normal,
    station_mini_joins,
    station_mini_prefetches,
    station_normal_joins,
    station_normal_prefetches,
)


def crew() -> Prefetch:
    return crew_prefetch("crew_members", model=SpacewalkCrewMember)


def programs_mini() -> Prefetch:
    programs = Program.objects.select_related(*program_mini_joins()).prefetch_related(
        *program_mini_prefetches()
    )
    return Prefetch("program", queryset=programs.order_by(*NESTED_ORDER), to_attr="program_list")


def spacewalks_endpoint_normal() -> QuerySet[Spacewalk]:
    """``SpacewalkEndpointNormal``: the station and the event at the mini level, the flight at
    the normal one, the expedition's columns."""
    return Spacewalk.objects.select_related(
        *station_mini_joins("spacestation"), "expedition", *event_mini_joins("event")
    ).prefetch_related(
        crew(),
        *station_mini_prefetches("spacestation"),
        *event_mini_prefetches("event"),
        Prefetch("spacecraft_flight", queryset=spacecraft_flights_normal()),
        programs_mini(),
    )


def spacewalks_endpoint_detailed() -> QuerySet[Spacewalk]:
    """``SpacewalkEndpointDetailed``: the station, the expedition (with its station and patches),
    the event and the programs at the normal level, the flight at the detailed one."""
    return Spacewalk.objects.select_related(
        *station_normal_joins("spacestation"),
        *expedition_for_spacewalk_joins("expedition"),
        *event_normal_joins("event"),
    ).prefetch_related(
        crew(),
        *station_normal_prefetches("spacestation"),
        *expedition_for_spacewalk_prefetches("expedition"),
        *event_normal_prefetches("event"),
        Prefetch("spacecraft_flight", queryset=spacecraft_flights_detailed()),
        program_normal_prefetch("program", "program_list"),
    )
