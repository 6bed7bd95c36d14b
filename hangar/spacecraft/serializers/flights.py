"""Spacecraft flights at every level (with and without their landing) and the docking events
they take part in."""

from hangar.core.fields import DurationField, ResourceUrlField, ResponseModeField
from hangar.core.serializers import SchemaSerializer
from hangar.landings.serializers import Landing
from hangar.launches.serializers.basic import LaunchMini
from hangar.payloads.serializers.payloads import PayloadFlightMini, PayloadFlightNormal
from hangar.people.serializers.crew import AstronautFlight
from hangar.spacecraft import models
from hangar.spacecraft.serializers.spacecraft import (
    FlightFields,
    SpacecraftDetailed,
    SpacecraftFlightNormal,
)
from hangar.spacecraft.serializers.stations import (
    DockingLocation,
    SpaceStationMini,
    SpaceStationNormal,
)


class SpacecraftFlightMini(FlightFields):
    launch = LaunchMini(read_only=True)
    landing = Landing(read_only=True, allow_null=True)
    duration = DurationField(source="duration_s", allow_null=True)
    turn_around_time = DurationField(source="turn_around_time_s", allow_null=True)


class DockingEventForChaserNormal(SchemaSerializer):
    model = models.DockingEvent
    url = ResourceUrlField("docking_events")
    docking_location = DockingLocation(read_only=True)
    space_station_target = SpaceStationNormal(read_only=True, allow_null=True)
    flight_vehicle_target = SpacecraftFlightNormal(read_only=True, allow_null=True)
    payload_flight_target = PayloadFlightNormal(read_only=True, allow_null=True)


class SpacecraftFlightDetailed(FlightFields):
    spacecraft = SpacecraftDetailed(read_only=True)
    landing = Landing(read_only=True, allow_null=True)
    duration = DurationField(source="duration_s", allow_null=True)
    turn_around_time = DurationField(source="turn_around_time_s", allow_null=True)
    response_mode = ResponseModeField()
    # The ordered crews, as ``hangar.people.queries.crew_prefetch`` loads them.
    launch_crew = AstronautFlight(many=True, read_only=True, source="launch_crew_list")
    onboard_crew = AstronautFlight(many=True, read_only=True, source="onboard_crew_list")
    landing_crew = AstronautFlight(many=True, read_only=True, source="landing_crew_list")
    docking_events = DockingEventForChaserNormal(
        many=True, read_only=True, source="docking_event_list"
    )


class SpacecraftFlightMiniSerializerNoLanding(FlightFields):
    launch = LaunchMini(read_only=True)
    duration = DurationField(source="duration_s", allow_null=True)
    turn_around_time = DurationField(source="turn_around_time_s", allow_null=True)


class SpacecraftFlightNormalSerializerNoLanding(FlightFields):
    duration = DurationField(source="duration_s", allow_null=True)
    turn_around_time = DurationField(source="turn_around_time_s", allow_null=True)
    response_mode = ResponseModeField()


class SpacecraftFlightDetailedSerializerNoLaunch(SpacecraftFlightDetailed):
    """The detailed flight nested in its launch's rocket: the same, without the launch."""

    launch = None


class SpacecraftFlightDetailedSerializerNoLanding(SpacecraftFlightDetailed):
    """The detailed flight nested in its own landing: the same, without the landing."""

    landing = None


class DockingEventEndpointNormal(SchemaSerializer):
    model = models.DockingEvent
    url = ResourceUrlField("docking_events")
    docking_location = DockingLocation(read_only=True)
    space_station_target = SpaceStationMini(read_only=True, allow_null=True)
    flight_vehicle_target = SpacecraftFlightMini(read_only=True, allow_null=True)
    payload_flight_target = PayloadFlightMini(read_only=True, allow_null=True)
    response_mode = ResponseModeField()
    flight_vehicle_chaser = SpacecraftFlightMini(read_only=True, allow_null=True)
    space_station_chaser = SpaceStationMini(read_only=True, allow_null=True)
    payload_flight_chaser = PayloadFlightMini(read_only=True, allow_null=True)


class DockingEventEndpointDetailed(DockingEventEndpointNormal):
    flight_vehicle_chaser = SpacecraftFlightNormal(read_only=True, allow_null=True)
    space_station_chaser = SpaceStationNormal(read_only=True, allow_null=True)
    payload_flight_chaser = PayloadFlightNormal(read_only=True, allow_null=True)
