"""Response serializers, one per LL2 schema component and named after it.

Fields are declared in the schema's property order, which is the order clients see. Each
serializer expects the queryset built for it in ``queries.py``; none of them queries on its own.
"""

from rest_framework import serializers

from hangar.catalog.api.fields import (
    DocumentField,
    DurationField,
    LiveDurationField,
    ResourceUrlField,
    ResponseModeField,
)


class LookupSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)


class AgencyType(LookupSerializer):
    pass


class SpacecraftStatus(LookupSerializer):
    pass


class SpacecraftConfigType(LookupSerializer):
    pass


class ImageVariantType(LookupSerializer):
    pass


class LandingType(LookupSerializer):
    abbrev = serializers.CharField(read_only=True)
    description = serializers.CharField(read_only=True, allow_null=True)


class Country(LookupSerializer):
    alpha_2_code = serializers.CharField(read_only=True)
    alpha_3_code = serializers.CharField(read_only=True)
    nationality_name = serializers.CharField(read_only=True)
    nationality_name_composed = serializers.CharField(read_only=True)


class ImageLicense(LookupSerializer):
    priority = serializers.IntegerField(read_only=True)
    link = serializers.CharField(read_only=True, allow_null=True)


class ImageVariant(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    type = ImageVariantType(read_only=True)
    image_url = serializers.CharField(read_only=True)


class Image(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    image_url = serializers.CharField(read_only=True)
    thumbnail_url = serializers.CharField(read_only=True)
    credit = serializers.CharField(read_only=True, allow_null=True)
    license = ImageLicense(read_only=True)
    single_use = serializers.BooleanField(read_only=True)
    variants = ImageVariant(many=True, read_only=True, source="variants.all")


class AgencyMini(serializers.Serializer):
    response_mode = ResponseModeField("list")
    id = serializers.IntegerField(read_only=True)
    url = ResourceUrlField("agencies")
    name = serializers.CharField(read_only=True)
    abbrev = serializers.CharField(read_only=True)
    type = AgencyType(read_only=True, allow_null=True)


class AgencyNormal(serializers.Serializer):
    response_mode = ResponseModeField("normal")
    id = serializers.IntegerField(read_only=True)
    url = ResourceUrlField("agencies")
    name = serializers.CharField(read_only=True)
    abbrev = serializers.CharField(read_only=True)
    type = AgencyType(read_only=True, allow_null=True)
    featured = serializers.BooleanField(read_only=True)
    country = Country(many=True, read_only=True, source="countries.all")
    description = serializers.CharField(read_only=True, allow_null=True)
    administrator = serializers.CharField(read_only=True, allow_null=True)
    founding_year = serializers.IntegerField(read_only=True, allow_null=True)
    launchers = serializers.CharField(read_only=True)
    spacecraft = serializers.CharField(read_only=True)
    parent = serializers.CharField(read_only=True, allow_null=True)
    image = Image(read_only=True, allow_null=True)
    logo = Image(read_only=True, allow_null=True)
    social_logo = Image(read_only=True, allow_null=True)


class SpacecraftConfigFamilyMini(serializers.Serializer):
    response_mode = ResponseModeField("list")
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)


class SpacecraftConfigFamilyNormal(serializers.Serializer):
    response_mode = ResponseModeField("normal")
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    description = serializers.CharField(read_only=True)
    manufacturer = AgencyMini(read_only=True, allow_null=True)
    parent = SpacecraftConfigFamilyMini(read_only=True, allow_null=True)
    maiden_flight = serializers.DateField(read_only=True, allow_null=True)


class SpacecraftConfigFamilyDetailed(serializers.Serializer):
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


class SpacecraftConfigNormal(serializers.Serializer):
    response_mode = ResponseModeField("normal")
    id = serializers.IntegerField(read_only=True)
    url = ResourceUrlField("spacecraft_configurations")
    name = serializers.CharField(read_only=True)
    type = SpacecraftConfigType(read_only=True)
    agency = AgencyMini(read_only=True)
    family = SpacecraftConfigFamilyNormal(many=True, read_only=True, source="families.all")
    in_use = serializers.BooleanField(read_only=True)
    image = Image(read_only=True, allow_null=True)


class SpacecraftConfigDetailed(serializers.Serializer):
    response_mode = ResponseModeField("detailed")
    id = serializers.IntegerField(read_only=True)
    url = ResourceUrlField("spacecraft_configurations")
    name = serializers.CharField(read_only=True)
    type = SpacecraftConfigType(read_only=True)
    agency = AgencyNormal(read_only=True)
    family = SpacecraftConfigFamilyDetailed(many=True, read_only=True, source="families.all")
    in_use = serializers.BooleanField(read_only=True)
    image = Image(read_only=True, allow_null=True)
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


class Landing(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    url = ResourceUrlField("landings")
    attempt = serializers.BooleanField(read_only=True)
    success = serializers.BooleanField(read_only=True, allow_null=True)
    description = serializers.CharField(read_only=True)
    downrange_distance = serializers.FloatField(read_only=True, allow_null=True)
    landing_location = DocumentField("LandingLocation", source="landing_location.document")
    type = LandingType(read_only=True)


class SpacecraftFields(serializers.Serializer):
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


class SpacecraftFlightNormal(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    url = ResourceUrlField("spacecraft_flights")
    destination = serializers.CharField(read_only=True, allow_null=True)
    mission_end = serializers.DateTimeField(read_only=True, allow_null=True)
    spacecraft = SpacecraftNormal(read_only=True)
    launch = DocumentField("LaunchNormal", source="launch.document")
    landing = Landing(read_only=True, allow_null=True)
    duration = DurationField(source="duration_s", allow_null=True)
    turn_around_time = DurationField(source="turn_around_time_s", allow_null=True)
    response_mode = ResponseModeField("normal")


class SpacecraftEndpointDetailed(SpacecraftDetailed):
    response_mode = ResponseModeField("detailed")
    flights = SpacecraftFlightNormal(many=True, read_only=True, source="flights.all")
