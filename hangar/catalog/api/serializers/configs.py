"""Spacecraft configurations and their families."""

from rest_framework import serializers

from hangar.catalog.api.fields import (
    DurationField,
    ResourceUrlField,
    ResponseModeField,
    SharedSerializer,
)
from hangar.catalog.api.serializers.common import (
    AgencyMini,
    AgencyNormal,
    Image,
    SpacecraftConfigType,
)


class SpacecraftConfigFamilyMini(SharedSerializer):
    response_mode = ResponseModeField("list")
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)


class SpacecraftConfigFamilyNormal(SharedSerializer):
    response_mode = ResponseModeField("normal")
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    description = serializers.CharField(read_only=True)
    manufacturer = AgencyMini(read_only=True, allow_null=True)
    parent = SpacecraftConfigFamilyMini(read_only=True, allow_null=True)
    maiden_flight = serializers.DateField(read_only=True, allow_null=True)


class SpacecraftConfigFamilyDetailed(SharedSerializer):
    # LL2 labels this level "normal" (see the schema's default).
    response_mode = ResponseModeField("normal")
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    description = serializers.CharField(read_only=True)
    manufacturer = AgencyNormal(read_only=True, allow_null=True)
    parent = SpacecraftConfigFamilyNormal(read_only=True, allow_null=True)
    maiden_flight = serializers.DateField(read_only=True, allow_null=True)
    spacecraft_flown = serializers.IntegerField(read_only=True, allow_null=True)
    total_launch_count = serializers.IntegerField(read_only=True, allow_null=True)
    successful_launches = serializers.IntegerField(read_only=True, allow_null=True)
    failed_launches = serializers.IntegerField(read_only=True, allow_null=True)
    attempted_landings = serializers.IntegerField(read_only=True, allow_null=True)
    successful_landings = serializers.IntegerField(read_only=True, allow_null=True)
    failed_landings = serializers.IntegerField(read_only=True, allow_null=True)


class SpacecraftConfigNormal(SharedSerializer):
    response_mode = ResponseModeField("normal")
    id = serializers.IntegerField(read_only=True)
    url = ResourceUrlField("spacecraft_configurations")
    name = serializers.CharField(read_only=True)
    type = SpacecraftConfigType(read_only=True)
    agency = AgencyMini(read_only=True)
    family = SpacecraftConfigFamilyNormal(many=True, read_only=True, source="family_list")
    in_use = serializers.BooleanField(read_only=True)
    image = Image(read_only=True, allow_null=True)


class SpacecraftConfigDetailed(SpacecraftConfigNormal):
    """The normal fields, keeping their places, with the agency and families one level richer,
    then the detailed ones."""

    response_mode = ResponseModeField("detailed")
    agency = AgencyNormal(read_only=True)
    family = SpacecraftConfigFamilyDetailed(many=True, read_only=True, source="family_list")
    capability = serializers.CharField(read_only=True)
    history = serializers.CharField(read_only=True)
    details = serializers.CharField(read_only=True)
    maiden_flight = serializers.DateField(read_only=True, allow_null=True)
    height = serializers.FloatField(read_only=True, allow_null=True)
    diameter = serializers.FloatField(read_only=True, allow_null=True)
    human_rated = serializers.BooleanField(read_only=True)
    crew_capacity = serializers.IntegerField(read_only=True, allow_null=True)
    payload_capacity = serializers.IntegerField(read_only=True, allow_null=True)
    payload_return_capacity = serializers.IntegerField(read_only=True, allow_null=True)
    flight_life = serializers.CharField(read_only=True, allow_null=True)
    wiki_link = serializers.CharField(read_only=True)
    info_link = serializers.CharField(read_only=True)
    spacecraft_flown = serializers.IntegerField(read_only=True, allow_null=True)
    total_launch_count = serializers.IntegerField(read_only=True, allow_null=True)
    successful_launches = serializers.IntegerField(read_only=True, allow_null=True)
    failed_launches = serializers.IntegerField(read_only=True, allow_null=True)
    attempted_landings = serializers.IntegerField(read_only=True, allow_null=True)
    successful_landings = serializers.IntegerField(read_only=True, allow_null=True)
    failed_landings = serializers.IntegerField(read_only=True, allow_null=True)
    fastest_turnaround = DurationField(source="fastest_turnaround_s", allow_null=True)


class SpacecraftConfigFamilyEndpointDetailed(SpacecraftConfigFamilyDetailed):
    response_mode = ResponseModeField("detailed")
    spacecraft = SpacecraftConfigNormal(many=True, read_only=True, source="config_list")
