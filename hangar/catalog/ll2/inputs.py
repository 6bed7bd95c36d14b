"""Validation of LL2 2.3.0 JSON as the API serves it, at every level of detail.

One input serializer per resource accepts any of its levels (``list``, ``normal``, ``detailed``):
``id`` and the fields a record cannot exist without are required, every other field is optional
and, when absent, leaves what Hangar already holds untouched. Types are strict (a string where a
number belongs is an error, not a conversion), and string lengths are those of the columns.
"""

from __future__ import annotations

import isodate
from rest_framework import serializers


class Text(serializers.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("allow_blank", True)
        kwargs.setdefault("trim_whitespace", False)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class Integer(serializers.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("min_value", -(2**31))
        kwargs.setdefault("max_value", 2**31 - 1)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class Number(serializers.FloatField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int | float):
            self.fail("invalid")
        return super().to_internal_value(data)


class Boolean(serializers.BooleanField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid")
        return data


class Instant(serializers.DateTimeField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_internal_value(self, value):
        if not isinstance(value, str):
            self.fail("invalid", format="YYYY-MM-DDThh:mm[:ss[.uuuuuu]]Z")
        return super().to_internal_value(value)


class Day(serializers.DateField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_internal_value(self, value):
        if not isinstance(value, str):
            self.fail("invalid", format="YYYY-MM-DD")
        return super().to_internal_value(value)


class Duration(serializers.Field):
    """An ISO 8601 duration (``P22DT14M5S``), kept as whole seconds."""

    default_error_messages = {"invalid": "Not an ISO 8601 duration in days and time: {value!r}."}

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        try:
            delta = isodate.parse_duration(data) if isinstance(data, str) else None
            seconds = int(delta.total_seconds())
        except (isodate.ISO8601Error, AttributeError, TypeError, OverflowError, ValueError):
            self.fail("invalid", value=data)
        if not 0 <= seconds < 2**63:
            self.fail("invalid", value=data)
        return seconds


def storable(document):
    """A document as the database can store it: no NUL character in any string or key
    (PostgreSQL refuses them)."""
    if isinstance(document, str):
        if "\x00" in document:
            raise serializers.ValidationError("Contains a NUL character, which cannot be stored.")
    elif isinstance(document, dict):
        for key, value in document.items():
            storable(key)
            storable(value)
    elif isinstance(document, list):
        for value in document:
            storable(value)
    return document


class Raw(serializers.Field):
    """A document of another domain (crews, social links, launchers): any JSON array."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, list):
            raise serializers.ValidationError("Expected a list.")
        return storable(data)


class Record(serializers.Serializer):
    """Keeps the raw document next to the validated fields, for resources stored as documents."""

    keep_document = False

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        if self.keep_document:
            value["document"] = storable(data)
        return value


class Lookup(Record):
    id = Integer(required=True)
    name = Text(max_length=255)


class AgencyTypeIn(Lookup):
    pass


class SpacecraftStatusIn(Lookup):
    name = Text(max_length=255, required=True)


class SpacecraftConfigTypeIn(Lookup):
    name = Text(max_length=255, required=True)


class ImageVariantTypeIn(Lookup):
    pass


class LaunchStatusIn(Lookup):
    abbrev = Text(max_length=255)
    description = Text(max_length=2048)


class LandingTypeIn(Lookup):
    abbrev = Text(max_length=255)
    description = Text(max_length=2048, allow_null=True)


class CountryIn(Lookup):
    alpha_2_code = Text(max_length=2)
    alpha_3_code = Text(max_length=3)
    nationality_name = Text(max_length=255)
    nationality_name_composed = Text(max_length=255)


class ImageLicenseIn(Lookup):
    priority = Integer()
    link = Text(max_length=200, allow_null=True)


class ImageVariantIn(Record):
    id = Integer(required=True)
    type = ImageVariantTypeIn(required=True)
    image_url = Text(max_length=1024, required=True)


class ImageIn(Record):
    id = Integer(required=True)
    name = Text(max_length=255, required=True)
    image_url = Text(max_length=1024, required=True)
    thumbnail_url = Text(max_length=1024, required=True)
    credit = Text(max_length=255, allow_null=True)
    license = ImageLicenseIn(required=True)
    single_use = Boolean()
    variants = ImageVariantIn(many=True, required=False)


class AgencyIn(Record):
    id = Integer(required=True)
    url = Text()
    name = Text(max_length=200, required=True)
    abbrev = Text(max_length=255)
    type = AgencyTypeIn(allow_null=True, required=False)
    featured = Boolean()
    country = CountryIn(many=True, required=False)
    description = Text(max_length=2048, allow_null=True)
    administrator = Text(max_length=200, allow_null=True)
    founding_year = Integer(allow_null=True)
    launchers = Text(max_length=500)
    spacecraft = Text(max_length=500)
    parent = Text(max_length=200, allow_null=True)
    image = ImageIn(allow_null=True, required=False)
    logo = ImageIn(allow_null=True, required=False)
    social_logo = ImageIn(allow_null=True, required=False)
    total_launch_count = Integer(allow_null=True)
    consecutive_successful_launches = Integer(allow_null=True)
    successful_launches = Integer(allow_null=True)
    failed_launches = Integer(allow_null=True)
    pending_launches = Integer(allow_null=True)
    consecutive_successful_landings = Integer(allow_null=True)
    successful_landings = Integer(allow_null=True)
    failed_landings = Integer(allow_null=True)
    attempted_landings = Integer(allow_null=True)
    successful_landings_spacecraft = Integer(allow_null=True)
    failed_landings_spacecraft = Integer(allow_null=True)
    attempted_landings_spacecraft = Integer(allow_null=True)
    successful_landings_payload = Integer(allow_null=True)
    failed_landings_payload = Integer(allow_null=True)
    attempted_landings_payload = Integer(allow_null=True)
    info_url = Text(max_length=200, allow_null=True)
    wiki_url = Text(max_length=200, allow_null=True)
    social_media_links = Raw()
    launcher_list = Raw()


class ConfigStatisticsIn(Record):
    spacecraft_flown = Integer(allow_null=True)
    total_launch_count = Integer(allow_null=True)
    successful_launches = Integer(allow_null=True)
    failed_launches = Integer(allow_null=True)
    attempted_landings = Integer(allow_null=True)
    successful_landings = Integer(allow_null=True)
    failed_landings = Integer(allow_null=True)


class SpacecraftConfigFamilyIn(ConfigStatisticsIn):
    id = Integer(required=True)
    name = Text(max_length=200, required=True)
    description = Text(max_length=2048)
    manufacturer = AgencyIn(allow_null=True, required=False)
    maiden_flight = Day(allow_null=True)

    def validate(self, attrs):
        parent = attrs.get("parent")
        if parent and parent["id"] == attrs["id"]:
            raise serializers.ValidationError({"parent": "A family cannot be its own parent."})
        return attrs


# A family's parent is a family (one level less detailed).
SpacecraftConfigFamilyIn._declared_fields["parent"] = SpacecraftConfigFamilyIn(
    allow_null=True, required=False
)


class SpacecraftConfigIn(ConfigStatisticsIn):
    id = Integer(required=True)
    url = Text()
    name = Text(max_length=200, required=True)
    type = SpacecraftConfigTypeIn(required=True)
    agency = AgencyIn(required=True)
    family = SpacecraftConfigFamilyIn(many=True, allow_null=True, required=False)
    in_use = Boolean()
    image = ImageIn(allow_null=True, required=False)
    capability = Text(max_length=2048)
    history = Text(max_length=1000)
    details = Text(max_length=1000)
    maiden_flight = Day(allow_null=True)
    height = Number(allow_null=True)
    diameter = Number(allow_null=True)
    human_rated = Boolean()
    crew_capacity = Integer(allow_null=True)
    payload_capacity = Integer(allow_null=True)
    payload_return_capacity = Integer(allow_null=True)
    flight_life = Text(max_length=2048, allow_null=True)
    wiki_link = Text(max_length=200)
    info_link = Text(max_length=200)
    fastest_turnaround = Duration(allow_null=True)


# An agency's detailed form lists the configurations it builds.
AgencyIn._declared_fields["spacecraft_list"] = SpacecraftConfigIn(many=True, required=False)


class LaunchIn(Record):
    """A launch of the launches domain: kept as its document, plus what Hangar computes from."""

    keep_document = True
    id = serializers.UUIDField(required=True)
    url = Text()
    name = Text(max_length=2048)
    net = Instant(allow_null=True)
    status = LaunchStatusIn(allow_null=True, required=False)


class LandingLocationIn(Record):
    keep_document = True
    id = Integer(required=True)
    name = Text(max_length=255)


class LandingIn(Record):
    id = Integer(required=True)
    url = Text()
    attempt = Boolean()
    success = Boolean(allow_null=True)
    description = Text(max_length=2048)
    downrange_distance = Number(allow_null=True)
    landing_location = LandingLocationIn(required=True)
    type = LandingTypeIn(required=True)


class SpacecraftIn(Record):
    id = Integer(required=True)
    url = Text()
    name = Text(max_length=255, required=True)
    serial_number = Text(max_length=255, allow_null=True)
    is_placeholder = Boolean()
    image = ImageIn(allow_null=True, required=False)
    in_space = Boolean()
    time_in_space = Duration(allow_null=True)
    time_docked = Duration(allow_null=True)
    flights_count = Integer(allow_null=True)
    mission_ends_count = Integer(allow_null=True)
    status = SpacecraftStatusIn(required=True)
    description = Text(max_length=2048)
    spacecraft_config = SpacecraftConfigIn(required=True)
    fastest_turnaround = Duration(allow_null=True)


class SpacecraftFlightIn(Record):
    id = Integer(required=True)
    url = Text()
    destination = Text(max_length=255, allow_null=True)
    mission_end = Instant(allow_null=True)
    spacecraft = SpacecraftIn(required=True)
    launch = LaunchIn(required=True)
    landing = LandingIn(allow_null=True, required=False)
    launch_crew = Raw()
    onboard_crew = Raw()
    landing_crew = Raw()


# A spacecraft's detailed form lists its flights, each naming the spacecraft again.
SpacecraftIn._declared_fields["flights"] = SpacecraftFlightIn(many=True, required=False)


class SpaceStationIn(Record):
    keep_document = True
    id = Integer(required=True)
    url = Text()
    name = Text(max_length=255, required=True)
    status = Lookup(required=False)
    type = Lookup(required=False)
    founded = Day(allow_null=True)
    owners = AgencyIn(many=True, allow_null=True, required=False)
    onboard_crew = Integer(allow_null=True)
    docked_vehicles = Integer(allow_null=True)
    volume = Integer(allow_null=True)


class DockingLocationIn(Record):
    keep_document = True
    id = Integer(required=True)
    name = Text(max_length=255, required=True)


class PayloadFlightIn(serializers.Field):
    """A payload flight (payloads domain): kept as its document."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, dict) or not isinstance(data.get("id"), int):
            raise serializers.ValidationError("Expected a payload flight object with an id.")
        return storable(data)


class DockingEventIn(Record):
    id = Integer(required=True)
    url = Text()
    docking = Instant(required=True)
    departure = Instant(allow_null=True)
    docking_location = DockingLocationIn(required=True)
    space_station_target = SpaceStationIn(allow_null=True, required=False)
    flight_vehicle_target = SpacecraftFlightIn(allow_null=True, required=False)
    payload_flight_target = PayloadFlightIn()
    flight_vehicle_chaser = SpacecraftFlightIn(allow_null=True, required=False)
    space_station_chaser = SpaceStationIn(allow_null=True, required=False)
    payload_flight_chaser = PayloadFlightIn()


# A flight's detailed form lists the dockings it made as the chaser.
SpacecraftFlightIn._declared_fields["docking_events"] = DockingEventIn(many=True, required=False)
