"""How an image nested at ``path`` is loaded: joined with its license, its variants prefetched
into ``variant_list``."""

from django.db.models import Prefetch

from hangar.images.models import ImageVariant


def image_joins(path: str) -> list[str]:
    """``select_related`` paths for an image and its license."""
    return [path, f"{path}__license"]


def image_variants(path: str) -> Prefetch:
    return Prefetch(
        f"{path}__variants",
        queryset=ImageVariant.objects.select_related("type"),
        to_attr="variant_list",
    )
