"""Landings as every domain nests them (a first stage's, a spacecraft flight's, a payload
flight's), their types and locations. Columns are served as the models type them
(``hangar.core.serializers``); each serializer expects the joins of
``hangar.landings.queries``. The ``landings/`` endpoint's own levels, which nest the flight or
stage that landed, are in ``resources/landings.py``."""

from hangar.core.fields import ResourceUrlField
from hangar.core.serializers import SchemaSerializer, SharedSerializer
from hangar.images.serializers import Image
from hangar.landings import models
from hangar.places.serializers import CelestialBodyNormal, LocationSerializerNoCelestialBody


class LandingType(SchemaSerializer):
    model = models.LandingType


class LandingLocation(SharedSerializer):
    """Shared within a response: a page of landings repeats the same few drone ships and
    zones."""

    model = models.LandingLocation
    location = LocationSerializerNoCelestialBody(read_only=True)
    image = Image(read_only=True, allow_null=True)
    celestial_body = CelestialBodyNormal(read_only=True)


class Landing(SchemaSerializer):
    model = models.Landing
    url = ResourceUrlField("landings")
    landing_location = LandingLocation(read_only=True)
    type = LandingType(read_only=True)
