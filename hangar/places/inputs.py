"""Celestial bodies, locations and pads as LL2 serves them, validated. Columns are typed as the
models type them (``hangar.core.inputs.Record``); what is declared here is what nests, and a
pad's fastest turnaround kept in seconds.

A body's detailed form lists its locations, a location's its pads: each nested without its
parent, which the collector supplies (``hangar.places.collect``)."""

from hangar.agencies.inputs import AgencyIn, CountryIn
from hangar.core.inputs import Duration, Integer, Lookup, Record, Text
from hangar.images.inputs import ImageIn
from hangar.places import models


class CelestialBodyTypeIn(Lookup):
    model = models.CelestialBodyType
    required_columns = ("name",)


class CelestialBodyIn(Record):
    model = models.CelestialBody
    components = (
        "CelestialBodyMini",
        "CelestialBodyNormal",
        "CelestialBodyDetailed",
        "CelestialBodyEndpointDetailed",
    )
    required_columns = ("name",)
    id = Integer(required=True)
    type = CelestialBodyTypeIn(required=False)
    image = ImageIn(allow_null=True, required=False)

    def get_fields(self):
        fields = super().get_fields()
        # The detailed form lists the body's locations, which do not repeat the body.
        fields["locations"] = LocationIn(many=True, required=False)
        return fields


class LocationIn(Record):
    model = models.Location
    components = ("LocationSerializerNoCelestialBody", "Location", "LocationSerializerWithPads")
    required_columns = ("name",)
    id = Integer(required=True)
    url = Text()
    celestial_body = CelestialBodyIn(required=False)
    country = CountryIn(allow_null=True, required=False)
    image = ImageIn(allow_null=True, required=False)

    def get_fields(self):
        fields = super().get_fields()
        # The detailed form lists the location's pads, which do not repeat the location.
        fields["pads"] = PadIn(many=True, required=False)
        return fields


class PadIn(Record):
    model = models.Pad
    components = ("PadSerializerNoLocation", "Pad")
    required_columns = ("name",)
    id = Integer(required=True)
    url = Text()
    agencies = AgencyIn(many=True, required=False)
    image = ImageIn(allow_null=True, required=False)
    country = CountryIn(allow_null=True, required=False)
    fastest_turnaround = Duration(allow_null=True, source="fastest_turnaround_s")
    location = LocationIn(allow_null=True, required=False)
