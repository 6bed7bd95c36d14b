"""The ``config/`` lookups of the landings domain, one row each. A landing location nests its
location, body and image, so its lookup loads them with the landing location's own query."""

import dataclasses

from hangar.core.lookups import lookup
from hangar.core.registry import Mode, register
from hangar.landings import collect, inputs, models, queries, serializers

landing_locations = lookup(
    "config/landing_locations/",
    models.LandingLocation,
    serializers.LandingLocation,
    inputs.LandingLocationIn,
    collect=collect.landing_location,
)

register(
    lookup(
        "config/landing_types/",
        models.LandingType,
        serializers.LandingType,
        inputs.LandingTypeIn,
    ),
    dataclasses.replace(
        landing_locations,
        modes={"normal": Mode(serializers.LandingLocation, queries.landing_locations)},
    ),
)
