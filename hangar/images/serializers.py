"""Images as every domain nests them. Columns are served as the models type them
(``hangar.core.serializers``)."""

from hangar.core.serializers import SchemaSerializer, SharedSerializer
from hangar.images import models


class ImageVariantType(SchemaSerializer):
    model = models.ImageVariantType


class ImageLicense(SchemaSerializer):
    model = models.ImageLicense


class ImageVariant(SchemaSerializer):
    model = models.ImageVariant
    type = ImageVariantType(read_only=True)


class Image(SharedSerializer):
    model = models.Image
    license = ImageLicense(read_only=True)
    variants = ImageVariant(many=True, read_only=True, source="variant_list")
