"""``celestial_bodies/``: the bodies launches leave from and land on; the detailed level lists
each body's locations. Its launch and landing figures are stored columns."""

from hangar.core.registry import Mode, Resource, register
from hangar.places import queries
from hangar.places.collect import celestial_body
from hangar.places.inputs import CelestialBodyIn
from hangar.places.models import CelestialBody
from hangar.places.serializers import (
    CelestialBodyEndpointDetailed,
    CelestialBodyMini,
    CelestialBodyNormal,
)

register(
    Resource(
        path="celestial_bodies/",
        model=CelestialBody,
        modes={
            "list": Mode(CelestialBodyMini, queries.celestial_bodies_mini),
            "normal": Mode(CelestialBodyNormal, queries.celestial_bodies_normal),
            "detailed": Mode(
                CelestialBodyEndpointDetailed, queries.celestial_bodies_endpoint_detailed
            ),
        },
        search_fields=("name", "type__name"),
        ordering_fields=("id", "name"),
        input=CelestialBodyIn,
        collect=celestial_body,
        rank=41,
    )
)
