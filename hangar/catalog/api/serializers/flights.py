"""Spacecraft flights at every level, the docking events they take part in, and landings."""

from rest_framework import serializers

from hangar.catalog.api.fields import (
    DocumentField,
    DurationField,
    OtherDomainField,
    ResourceUrlField,
    ResponseModeField,
)
from hangar.catalog.api.serializers.documents import DockingLocation
from hangar.catalog.api.serializers.spacecraft import (
    FlightFields,
    Landing,
    SpacecraftDetailed,
    SpacecraftFlightNormal,
)
from hangar.catalog.api.serializers.stations import SpaceStationMini, SpaceStationNormal


class SpacecraftFlightMini(FlightFields):
    launch = DocumentField("LaunchMini", source="launch.document")
    landing = Landing(read_only=True, allow_null=True)
    duration = DurationField(source="duration_s", allow_null=True)
    turn_around_time = DurationField(source="turn_around_time_s", allow_null=True)


class DockingEventForChaserNormal(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    url = ResourceUrlField("docking_events")
    docking = serializers.DateTimeField(read_only=True)
    departure = serializers.DateTimeField(read_only=True, allow_null=True)
    docking_location = DockingLocation(read_only=True)
    space_station_target = SpaceStationNormal(read_only=True, allow_null=True)
    flight_vehicle_target = SpacecraftFlightNormal(read_only=True, allow_null=True)
    payload_flight_target = DocumentField("PayloadFlightNormal", allow_null=True)


class SpacecraftFlightDetailed(FlightFields):
    spacecraft = SpacecraftDetailed(read_only=True)
    landing = Landing(read_only=True, allow_null=True)
    duration = DurationField(source="duration_s", allow_null=True)
    turn_around_time = DurationField(source="turn_around_time_s", allow_null=True)
    response_mode = ResponseModeField("detailed")
    launch_crew = DocumentField("AstronautFlight", many=True)
    onboard_crew = DocumentField("AstronautFlight", many=True)
    landing_crew = DocumentField("AstronautFlight", many=True)
    docking_events = DockingEventForChaserNormal(
        many=True, read_only=True, source="docking_event_list"
    )


class SpacecraftFlightMiniSerializerNoLanding(FlightFields):
    launch = DocumentField("LaunchMini", source="launch.document")
    duration = DurationField(source="duration_s", allow_null=True)
    turn_around_time = DurationField(source="turn_around_time_s", allow_null=True)


class SpacecraftFlightNormalSerializerNoLanding(FlightFields):
    duration = DurationField(source="duration_s", allow_null=True)
    turn_around_time = DurationField(source="turn_around_time_s", allow_null=True)
    response_mode = ResponseModeField("normal")


class SpacecraftFlightDetailedSerializerNoLanding(SpacecraftFlightDetailed):
    """The detailed flight nested in its own landing: the same, without the landing."""

    landing = None


class DockingEventEndpointNormal(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    url = ResourceUrlField("docking_events")
    docking = serializers.DateTimeField(read_only=True)
    departure = serializers.DateTimeField(read_only=True, allow_null=True)
    docking_location = DockingLocation(read_only=True)
    space_station_target = SpaceStationMini(read_only=True, allow_null=True)
    flight_vehicle_target = SpacecraftFlightMini(read_only=True, allow_null=True)
    payload_flight_target = DocumentField("PayloadFlightMini", allow_null=True)
    response_mode = ResponseModeField("normal")
    flight_vehicle_chaser = SpacecraftFlightMini(read_only=True, allow_null=True)
    space_station_chaser = SpaceStationMini(read_only=True, allow_null=True)
    payload_flight_chaser = DocumentField("PayloadFlightMini", allow_null=True)


class DockingEventEndpointDetailed(DockingEventEndpointNormal):
    response_mode = ResponseModeField("detailed")
    flight_vehicle_chaser = SpacecraftFlightNormal(read_only=True, allow_null=True)
    space_station_chaser = SpaceStationNormal(read_only=True, allow_null=True)
    payload_flight_chaser = DocumentField("PayloadFlightNormal", allow_null=True)


class LandingFields(Landing):
    response_mode = ResponseModeField("list")
    # First stages and payload flights belong to other domains: Hangar holds none.
    firststage = OtherDomainField()
    spacecraftflight = SpacecraftFlightMiniSerializerNoLanding(
        read_only=True, allow_null=True, source="spacecraft_flight"
    )
    payloadflight = OtherDomainField()


class LandingEndpointList(LandingFields):
    pass


class LandingEndpointNormal(LandingFields):
    response_mode = ResponseModeField("normal")
    spacecraftflight = SpacecraftFlightNormalSerializerNoLanding(
        read_only=True, allow_null=True, source="spacecraft_flight"
    )


class LandingEndpointDetailed(LandingFields):
    response_mode = ResponseModeField("detailed")
    spacecraftflight = SpacecraftFlightDetailedSerializerNoLanding(
        read_only=True, allow_null=True, source="spacecraft_flight"
    )
