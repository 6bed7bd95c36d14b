"""Spacecraft, their flights and landings."""

from rest_framework import serializers

from hangar.catalog.api.fields import (
    DocumentField,
    DurationField,
    LiveDurationField,
    ResourceUrlField,
    ResponseModeField,
    SharedSerializer,
)
from hangar.catalog.api.serializers.common import Image, LandingType, SpacecraftStatus
from hangar.catalog.api.serializers.configs import (
    SpacecraftConfigDetailed,
    SpacecraftConfigNormal,
)


class Landing(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    url = ResourceUrlField("landings")
    attempt = serializers.BooleanField(read_only=True)
    success = serializers.BooleanField(read_only=True, allow_null=True)
    description = serializers.CharField(read_only=True)
    downrange_distance = serializers.FloatField(read_only=True, allow_null=True)
    landing_location = DocumentField("LandingLocation", source="landing_location.document")
    type = LandingType(read_only=True)


class SpacecraftFields(SharedSerializer):
    """The fields every spacecraft level shares, in the schema's order; levels differ in
    ``response_mode`` and in how much of the configuration they nest."""

    response_mode = ResponseModeField("normal")
    id = serializers.IntegerField(read_only=True)
    url = ResourceUrlField("spacecraft")
    name = serializers.CharField(read_only=True)
    serial_number = serializers.CharField(read_only=True, allow_null=True)
    is_placeholder = serializers.BooleanField(read_only=True)
    image = Image(read_only=True, allow_null=True)
    in_space = serializers.BooleanField(read_only=True)
    time_in_space = LiveDurationField("time_in_space_s", "open_flights")
    time_docked = LiveDurationField("time_docked_s", "open_dockings")
    flights_count = serializers.IntegerField(read_only=True, allow_null=True)
    mission_ends_count = serializers.IntegerField(read_only=True, allow_null=True)
    status = SpacecraftStatus(read_only=True)
    description = serializers.CharField(read_only=True)
    spacecraft_config = SpacecraftConfigNormal(read_only=True)
    fastest_turnaround = DurationField(source="fastest_turnaround_s", allow_null=True)


class SpacecraftNormal(SpacecraftFields):
    pass


class SpacecraftDetailed(SpacecraftFields):
    # LL2 labels this level "normal" too (see the schema's default).
    spacecraft_config = SpacecraftConfigDetailed(read_only=True)


class FlightFields(serializers.Serializer):
    """What every flight level shares, in the schema's order."""

    id = serializers.IntegerField(read_only=True)
    url = ResourceUrlField("spacecraft_flights")
    destination = serializers.CharField(read_only=True, allow_null=True)
    mission_end = serializers.DateTimeField(read_only=True, allow_null=True)
    spacecraft = SpacecraftNormal(read_only=True)
    launch = DocumentField("LaunchNormal", source="launch.document")


class SpacecraftFlightNormal(FlightFields):
    landing = Landing(read_only=True, allow_null=True)
    duration = DurationField(source="duration_s", allow_null=True)
    turn_around_time = DurationField(source="turn_around_time_s", allow_null=True)
    response_mode = ResponseModeField("normal")


class SpacecraftEndpointDetailed(SpacecraftDetailed):
    response_mode = ResponseModeField("detailed")
    flights = SpacecraftFlightNormal(many=True, read_only=True, source="flight_list")
