"""``docking_events/``: a chaser (a spacecraft flight, a station or a payload flight) docks with
a target."""

from hangar.core.filters import DocumentedFilterSet, IdFilter, InstantFilter
from hangar.core.registry import Mode, Resource, register
from hangar.spacecraft import queries
from hangar.spacecraft.collect import docking_event
from hangar.spacecraft.inputs import DockingEventIn
from hangar.spacecraft.models import DockingEvent
from hangar.spacecraft.serializers.flights import (
    DockingEventEndpointDetailed,
    DockingEventEndpointNormal,
)


class DockingEventFilter(DocumentedFilterSet):
    docking__gt = InstantFilter(
        field_name="docking", lookup_expr="gt", help_text="Docked after this instant."
    )
    docking__gte = InstantFilter(
        field_name="docking", lookup_expr="gte", help_text="Docked at or after this instant."
    )
    docking__lt = InstantFilter(
        field_name="docking", lookup_expr="lt", help_text="Docked before this instant."
    )
    docking__lte = InstantFilter(
        field_name="docking", lookup_expr="lte", help_text="Docked at or before this instant."
    )
    docking_location__id = IdFilter(
        field_name="docking_location_id", help_text="Id of the docking location."
    )
    flight_vehicle_chaser__id = IdFilter(
        field_name="flight_vehicle_chaser_id", help_text="Id of the chasing spacecraft flight."
    )
    space_station_target__id = IdFilter(
        field_name="space_station_target_id", help_text="Id of the target space station."
    )


register(
    Resource(
        path="docking_events/",
        model=DockingEvent,
        modes={
            "normal": Mode(DockingEventEndpointNormal, queries.docking_events),
            "detailed": Mode(DockingEventEndpointDetailed, queries.docking_events),
        },
        filterset=DockingEventFilter,
        search_fields=(
            "docking_location__name",
            "flight_vehicle_chaser__spacecraft__name",
            "flight_vehicle_target__spacecraft__name",
            "payload_flight_chaser__payload__name",
            "payload_flight_target__payload__name",
            "space_station_chaser__name",
            "space_station_target__name",
        ),
        ordering_fields=("departure", "docking"),
        input=DockingEventIn,
        collect=docking_event,
        rank=45,
    )
)
