"""What a space station holds at the instant of a request, for ``space_stations/``.

An expedition is active from its ``start`` (included) until its ``end`` (excluded, none: still
on); a docking is in progress from its ``docking`` until its ``departure`` alike. The counts
(``onboard_crew_now``, ``docked_vehicles_now``) are annotations, so that the endpoint's filters
and ordering read the very values it serves; the lists are prefetched into ``to_attr`` lists
(``active_expedition_list``, ``docking_location_list`` and each port's ``docked_list``,
``active_docking_event_list``), so that a page costs the same number of queries whatever its
size.

A count is computed when Hangar holds what it is computed from, else served as imported, as
spacecraft keep their imported statistics without their flights: ``onboard_crew`` when Hangar
holds the crew of at least one of the station's expeditions (an expedition nested in a station
comes without its crew, so holding only those says nothing of who is aboard),
``docked_vehicles`` when it holds at least one docking at the station.
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    When,
)
from django.db.models.functions import Coalesce

from hangar.images.queries import image_joins, image_variants
from hangar.launches.queries import launch_normal_joins, launch_normal_prefetches
from hangar.payloads.queries.payloads import payload_flight_normal_prefetches
from hangar.people.models import Expedition, ExpeditionCrewMember
from hangar.spacecraft.models import DockingEvent, DockingLocation, SpacecraftFlight, SpaceStation
from hangar.spacecraft.queries import (
    config_detailed_joins,
    config_detailed_prefetches,
    docking_events_for_chaser,
    station_detailed_prefetches,
    station_normal_joins,
    station_normal_prefetches,
)


def instant(now_epoch: int) -> datetime:
    return datetime.fromtimestamp(now_epoch, UTC)


def active(now: datetime, start: str, end: str) -> Q:
    """Begun at ``now`` and not yet over: ``start <= now`` and (no ``end`` or ``end > now``)."""
    return Q(**{f"{start}__lte": now}) & (Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gt": now}))


def space_stations() -> QuerySet[SpaceStation]:
    """Both levels of the endpoint: the detailed one adds only columns and the lists of
    ``at_instant_detailed``."""
    return SpaceStation.objects.select_related(*station_normal_joins()).prefetch_related(
        *station_detailed_prefetches()
    )


def with_station_state(queryset: QuerySet[SpaceStation], now_epoch: int) -> QuerySet:
    """The crew aboard and the vehicles docked at ``now_epoch`` (the ``annotate`` hook of the
    resource, shared by its filters, its ordering and the detailed level)."""
    now = instant(now_epoch)
    crew = (
        ExpeditionCrewMember.objects.filter(expedition__spacestation=OuterRef("pk"))
        .filter(active(now, "expedition__start", "expedition__end"))
        .order_by()
        .values("expedition__spacestation")
        .annotate(n=Count("seat__astronaut", distinct=True))
        .values("n")
    )
    docked = (
        DockingEvent.objects.filter(space_station_target=OuterRef("pk"))
        .filter(active(now, "docking", "departure"))
        .order_by()
        .values("space_station_target")
        .annotate(n=Count("id"))
        .values("n")
    )
    crew_held = Exists(ExpeditionCrewMember.objects.filter(expedition__spacestation=OuterRef("pk")))
    dockings_held = Exists(DockingEvent.objects.filter(space_station_target=OuterRef("pk")))
    return queryset.annotate(
        onboard_crew_now=Case(
            When(crew_held, then=Coalesce(Subquery(crew), 0)),
            default=F("onboard_crew"),
            output_field=IntegerField(),
        ),
        docked_vehicles_now=Case(
            When(dockings_held, then=Coalesce(Subquery(docked), 0)),
            default=F("docked_vehicles"),
            output_field=IntegerField(),
        ),
    )


def at_instant_normal(queryset: QuerySet[SpaceStation], now_epoch: int) -> QuerySet:
    """``SpaceStationEndpoint``: the active expeditions, earliest first."""
    now = instant(now_epoch)
    expeditions = Expedition.objects.filter(active(now, "start", "end")).order_by("start", "id")
    return queryset.prefetch_related(
        Prefetch("expeditions", queryset=expeditions, to_attr="active_expedition_list")
    )


def flights_for_docking_event() -> QuerySet[SpacecraftFlight]:
    """``SpacecraftFlightForDockingEvent``: the detailed spacecraft and the normal launch."""
    return SpacecraftFlight.objects.select_related(
        *launch_normal_joins("launch"),
        "spacecraft__status",
        *image_joins("spacecraft__image"),
        *config_detailed_joins("spacecraft__spacecraft_config"),
    ).prefetch_related(
        *launch_normal_prefetches("launch"),
        image_variants("spacecraft__image"),
        *config_detailed_prefetches("spacecraft__spacecraft_config"),
    )


def dockings_for_station() -> QuerySet[DockingEvent]:
    """``DockingEventDetailedSerializerForSpacestation``: a docking at the station, with its
    chaser (the target is the station itself)."""
    return (
        DockingEvent.objects.select_related(*station_normal_joins("space_station_chaser"))
        .prefetch_related(
            *station_normal_prefetches("space_station_chaser"),
            Prefetch("flight_vehicle_chaser", queryset=flights_for_docking_event()),
            *payload_flight_normal_prefetches("payload_flight_chaser"),
        )
        .order_by("docking", "id")
    )


def at_instant_detailed(queryset: QuerySet[SpaceStation], now_epoch: int) -> QuerySet:
    """``SpaceStationDetailedEndpoint``: the normal level's lists, every port of the station
    with the docking in progress there, and the dockings in progress at the station."""
    now = instant(now_epoch)
    docked_now = active(now, "docking", "departure")
    docked = dockings_for_station().filter(docked_now)
    ports = DockingLocation.objects.order_by("id").prefetch_related(
        Prefetch("events", queryset=docked, to_attr="docked_list")
    )
    return at_instant_normal(queryset, now_epoch).prefetch_related(
        Prefetch("docking_locations", queryset=ports, to_attr="docking_location_list"),
        Prefetch(
            "docking_events",
            queryset=docking_events_for_chaser().filter(docked_now),
            to_attr="active_docking_event_list",
        ),
    )
