"""How agencies are loaded, at each level, wherever they are nested (``path``)."""

from django.db.models import Prefetch, QuerySet

from hangar.agencies.models import Agency, AgencyCountry
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
        # The links, in LL2's order, each with its country.
        Prefetch(
            at(path, "country_links"),
            queryset=AgencyCountry.objects.select_related("country"),
            to_attr="country_link_list",
        ),
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
