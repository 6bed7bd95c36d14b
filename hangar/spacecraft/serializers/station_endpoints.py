"""The ``space_stations/`` endpoint at its two levels: a station with what it holds at the
instant of the request (active expeditions, the crew aboard, what is docked at each port).

Those lists and counts are not columns: the station queryset of ``hangar.spacecraft.queries``
computes them for the instant (``with_station_state``) into ``to_attr`` lists and annotations,
which these serializers read."""

from rest_framework import serializers

from hangar.core.fields import ResourceUrlField, ResponseModeField
from hangar.core.serializers import SchemaSerializer
from hangar.payloads.serializers.payloads import PayloadFlightNormal
from hangar.people.serializers.expeditions import ExpeditionMini
from hangar.spacecraft import models
from hangar.spacecraft.serializers.flights import DockingEventForChaserNormal
from hangar.spacecraft.serializers.spacecraft import FlightFields, SpacecraftDetailed
from hangar.spacecraft.serializers.stations import SpaceStationDetailed, SpaceStationNormal


class SpacecraftFlightForDockingEvent(FlightFields):
    spacecraft = SpacecraftDetailed(read_only=True)


class DockingEventDetailedSerializerForSpacestation(SchemaSerializer):
    """The docking in progress at a port: the target is the station itself, so only the chaser
    is named."""

    model = models.DockingEvent
    url = ResourceUrlField("docking_events")
    flight_vehicle_chaser = SpacecraftFlightForDockingEvent(read_only=True, allow_null=True)
    space_station_chaser = SpaceStationNormal(read_only=True, allow_null=True)
    payload_flight_chaser = PayloadFlightNormal(read_only=True, allow_null=True)


class CurrentlyDocked(DockingEventDetailedSerializerForSpacestation):
    """The docking in progress at a port at the instant of the request, or null for a free port
    (``docked_list`` holds the port's dockings in progress, earliest first)."""

    component = "DockingEventDetailedSerializerForSpacestation"

    def __init__(self) -> None:
        super().__init__(source="docked_list", read_only=True, allow_null=True)

    def get_attribute(self, instance):
        docked = instance.docked_list
        # Inferred: a port holds one vehicle; were two recorded as docked at once, the one
        # that docked last is the one there now.
        return docked[-1] if docked else None


class DockingLocationSerializerForSpacestation(SchemaSerializer):
    model = models.DockingLocation
    currently_docked = CurrentlyDocked()


class SpaceStationEndpoint(SpaceStationDetailed):
    response_mode = ResponseModeField()
    active_expeditions = ExpeditionMini(many=True, read_only=True, source="active_expedition_list")


class SpaceStationDetailedEndpoint(SpaceStationEndpoint):
    """``onboard_crew`` and ``docked_vehicles`` are the annotations of
    ``hangar.spacecraft.queries.with_station_state``: computed for the instant when Hangar holds
    the station's expeditions (docking events), else as imported; filters and ordering read the
    same annotations."""

    onboard_crew = serializers.IntegerField(
        source="onboard_crew_now", read_only=True, allow_null=True
    )
    docked_vehicles = serializers.IntegerField(
        source="docked_vehicles_now", read_only=True, allow_null=True
    )
    docking_location = DockingLocationSerializerForSpacestation(
        many=True, read_only=True, source="docking_location_list"
    )
    active_docking_events = DockingEventForChaserNormal(
        many=True, read_only=True, source="active_docking_event_list"
    )
