"""Images into the batch."""

from hangar.core.collect import Collector
from hangar.images.models import Image, ImageLicense, ImageVariant, ImageVariantType


def image(c: Collector, data: dict | None, depth: int):
    if data is None:
        return None
    row = c.scalars(Image, data)
    row["license_id"] = c.lookup(ImageLicense, data["license"], depth + 1)
    c.add(Image, data["id"], row, depth)
    for variant in data.get("variants", []):
        values = c.scalars(ImageVariant, variant)
        values["image_id"] = data["id"]
        values["type_id"] = c.lookup(ImageVariantType, variant["type"], depth + 2)
        c.add(ImageVariant, variant["id"], values, depth + 1)
    return data["id"]
