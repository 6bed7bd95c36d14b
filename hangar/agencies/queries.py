"""How agencies are loaded, at each level, wherever they are nested (``path``)."""

from django.db.models import Prefetch, QuerySet

from hangar.agencies.models import Agency, Country
from hangar.core.queries import at
from hangar.images.queries import image_joins, image_variants


def agency_normal_joins(path: str = "") -> list[str]:
    return [
        at(path, "type"),
        *image_joins(at(path, "image")),
        *image_joins(at(path, "logo")),
        *image_joins(at(path, "social_logo")),
    ]


def agency_normal_prefetches(path: str = "") -> list:
    return [
        Prefetch(at(path, "countries"), queryset=Country.objects.all(), to_attr="country_list"),
        image_variants(at(path, "image")),
        image_variants(at(path, "logo")),
        image_variants(at(path, "social_logo")),
    ]


def agencies_mini() -> QuerySet[Agency]:
    return Agency.objects.select_related("type")


def agencies_normal() -> QuerySet[Agency]:
    return Agency.objects.select_related(*agency_normal_joins()).prefetch_related(
        *agency_normal_prefetches()
    )
