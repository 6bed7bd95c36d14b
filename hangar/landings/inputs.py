"""Landings, their types and locations as LL2 serves them, validated. Columns are typed as the
models type them (``hangar.core.inputs.Record``); what is declared here is what nests."""

from hangar.core.inputs import Integer, Lookup, Record, Text
from hangar.images.inputs import ImageIn
from hangar.landings import models
from hangar.places.inputs import CelestialBodyIn, LocationIn


class LandingTypeIn(Lookup):
    model = models.LandingType


class LandingLocationIn(Record):
    model = models.LandingLocation
    components = ("LandingLocation",)
    required_columns = ("name",)
    id = Integer(required=True)
    location = LocationIn(allow_null=True, required=False)
    image = ImageIn(allow_null=True, required=False)
    celestial_body = CelestialBodyIn(required=False)


class LandingIn(Record):
    model = models.Landing
    components = ("Landing",)
    id = Integer(required=True)
    url = Text()
    landing_location = LandingLocationIn(required=True)
    type = LandingTypeIn(required=True)
