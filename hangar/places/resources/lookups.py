"""The ``config/`` lookups of the places domain, one row each."""

from hangar.core.lookups import lookup
from hangar.core.registry import register
from hangar.places import inputs, models, serializers

register(
    lookup(
        "config/celestial_body_types/",
        models.CelestialBodyType,
        serializers.CelestialBodyType,
        inputs.CelestialBodyTypeIn,
    ),
)
