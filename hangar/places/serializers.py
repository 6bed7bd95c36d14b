"""Celestial bodies, locations and pads as every domain nests them. Columns are served as the
models type them (``hangar.core.serializers``); each serializer expects the queryset built for
it in ``hangar.places.queries``.

Bodies, locations and pads are shared within a response: a page of launches repeats the same
few pads, each with its location and body."""

from hangar.agencies.serializers import AgencyMini, AgencyNormal, Country
from hangar.core.fields import DurationField, ResourceUrlField, ResponseModeField
from hangar.core.serializers import SchemaSerializer, SharedSerializer
from hangar.images.serializers import Image
from hangar.places import models


class CelestialBodyType(SchemaSerializer):
    model = models.CelestialBodyType


class CelestialBodyMini(SharedSerializer):
    model = models.CelestialBody
    response_mode = ResponseModeField()


class CelestialBodyNormal(SharedSerializer):
    model = models.CelestialBody
    response_mode = ResponseModeField()
    type = CelestialBodyType(read_only=True)
    image = Image(read_only=True)


class CelestialBodyDetailed(CelestialBodyNormal):
    """The normal body with its launch and landing figures (stored columns)."""


class LocationSerializerNoCelestialBody(SharedSerializer):
    model = models.Location
    response_mode = ResponseModeField()
    url = ResourceUrlField("locations")
    country = Country(read_only=True, allow_null=True)
    image = Image(read_only=True, allow_null=True)


class CelestialBodyEndpointDetailed(CelestialBodyDetailed):
    locations = LocationSerializerNoCelestialBody(many=True, read_only=True, source="location_list")


class Location(LocationSerializerNoCelestialBody):
    celestial_body = CelestialBodyDetailed(read_only=True)


class PadSerializerNoLocation(SharedSerializer):
    model = models.Pad
    url = ResourceUrlField("pads")
    agencies = AgencyMini(many=True, read_only=True, source="agency_list")
    image = Image(read_only=True, allow_null=True)
    country = Country(read_only=True, allow_null=True)
    fastest_turnaround = DurationField(source="fastest_turnaround_s", allow_null=True)


class LocationSerializerWithPads(Location):
    pads = PadSerializerNoLocation(many=True, read_only=True, source="pad_list")


class Pad(PadSerializerNoLocation):
    agencies = AgencyNormal(many=True, read_only=True, source="agency_list")
    location = Location(read_only=True, allow_null=True)
