"""How events are loaded, at each level, wherever they are nested (``path``).

Links come in LL2's order (``position``), updates newest first, as a launch's do. The detailed
level's lists: agencies, programs and astronauts in name order, launches by ``net``, expeditions
by ``start``, stations by name, each with an ``id`` tie-break (inferred: LL2 does not say)."""

from __future__ import annotations

from django.db.models import F, Prefetch, QuerySet

from hangar.agencies.queries import agencies_mini
from hangar.core.queries import at
from hangar.events.models import Event
from hangar.images.queries import image_joins, image_variants
from hangar.launches.models import Update
from hangar.launches.queries import launches_list, links_of
from hangar.people.queries import astronauts_normal
from hangar.people.queries_expeditions import expedition_normal_prefetch
from hangar.programs.queries import program_normal_prefetch
from hangar.spacecraft.models import SpaceStation
from hangar.spacecraft.queries import station_normal_joins, station_normal_prefetches

NESTED_ORDER = ("name", "id")


def event_mini_joins(path: str = "") -> list[str]:
    return image_joins(at(path, "image"))


def event_mini_prefetches(path: str = "") -> list:
    return [image_variants(at(path, "image")), *links_of(path)]


def event_normal_joins(path: str = "") -> list[str]:
    return [*event_mini_joins(path), at(path, "type"), at(path, "date_precision")]


def event_normal_prefetches(path: str = "") -> list:
    return event_mini_prefetches(path)


def updates_of(path: str = "") -> Prefetch:
    return Prefetch(
        at(path, "updates"),
        Update.objects.order_by(F("created_on").desc(), "-id"),
        to_attr="update_list",
    )


def stations_normal() -> QuerySet[SpaceStation]:
    """``SpaceStationNormal``: its status, type and image."""
    return SpaceStation.objects.select_related(*station_normal_joins("")).prefetch_related(
        *station_normal_prefetches("")
    )


def event_detailed_prefetches(path: str = "") -> list:
    return [
        *event_normal_prefetches(path),
        updates_of(path),
        Prefetch(
            at(path, "agencies"), agencies_mini().order_by(*NESTED_ORDER), to_attr="agency_list"
        ),
        Prefetch(
            at(path, "launches"), launches_list().order_by("net", "id"), to_attr="launch_list"
        ),
        expedition_normal_prefetch(at(path, "expeditions"), "expedition_list"),
        Prefetch(
            at(path, "spacestations"),
            stations_normal().order_by(*NESTED_ORDER),
            to_attr="station_list",
        ),
        program_normal_prefetch(at(path, "program"), "program_list"),
        Prefetch(
            at(path, "astronauts"),
            astronauts_normal().order_by(*NESTED_ORDER),
            to_attr="astronaut_list",
        ),
    ]


def events_mini() -> QuerySet[Event]:
    return Event.objects.select_related(*event_mini_joins()).prefetch_related(
        *event_mini_prefetches()
    )


def events_normal() -> QuerySet[Event]:
    """``EventNormal`` and ``EventEndpointList``: the same rows, one adds the duration."""
    return Event.objects.select_related(*event_normal_joins()).prefetch_related(
        *event_normal_prefetches()
    )


def events_endpoint_normal() -> QuerySet[Event]:
    return events_normal().prefetch_related(updates_of())


def events_detailed() -> QuerySet[Event]:
    return Event.objects.select_related(*event_normal_joins()).prefetch_related(
        *event_detailed_prefetches()
    )
