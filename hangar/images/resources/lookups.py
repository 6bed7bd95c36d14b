"""The ``config/`` lookups of the images domain, one row each."""

from hangar.core.lookups import lookup
from hangar.core.registry import register
from hangar.images import inputs, models, serializers

register(
    lookup(
        "config/image_licenses/",
        models.ImageLicense,
        serializers.ImageLicense,
        inputs.ImageLicenseIn,
    ),
    lookup(
        "config/image_variant_types/",
        models.ImageVariantType,
        serializers.ImageVariantType,
        inputs.ImageVariantTypeIn,
    ),
)
