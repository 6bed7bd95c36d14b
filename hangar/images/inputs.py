"""Images as LL2 serves them, validated; columns are typed as the models type them."""

from hangar.core.inputs import Integer, Lookup, Record
from hangar.images import models


class ImageVariantTypeIn(Lookup):
    model = models.ImageVariantType


class ImageLicenseIn(Lookup):
    model = models.ImageLicense


class ImageVariantIn(Record):
    model = models.ImageVariant
    components = ("ImageVariant",)
    required_columns = ("image_url",)
    id = Integer(required=True)
    type = ImageVariantTypeIn(required=True)


class ImageIn(Record):
    model = models.Image
    components = ("Image",)
    required_columns = ("name", "image_url", "thumbnail_url")
    id = Integer(required=True)
    license = ImageLicenseIn(required=True)
    variants = ImageVariantIn(many=True, required=False)
