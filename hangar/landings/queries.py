"""How landings, their types and locations are loaded wherever they are nested (``path``), so
that a first stage, a spacecraft flight and a payload flight load their landing the same way.
The ``landings/`` endpoint's builders, which nest the flight or stage that landed, are in
``resources/landings.py``."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from hangar.core.queries import at
from hangar.images.queries import image_joins, image_variants
from hangar.landings.models import LandingLocation
from hangar.places.queries import (
    celestial_body_joins,
    celestial_body_prefetches,
    location_no_celestial_body_joins,
    location_no_celestial_body_prefetches,
)


def landing_location_joins(path: str = "") -> list[str]:
    return [
        *location_no_celestial_body_joins(at(path, "location")),
        *image_joins(at(path, "image")),
        *celestial_body_joins(at(path, "celestial_body")),
    ]


def landing_location_prefetches(path: str = "") -> list:
    return [
        *location_no_celestial_body_prefetches(at(path, "location")),
        image_variants(at(path, "image")),
        *celestial_body_prefetches(at(path, "celestial_body")),
    ]


def landing_locations() -> QuerySet[LandingLocation]:
    return LandingLocation.objects.select_related(*landing_location_joins()).prefetch_related(
        *landing_location_prefetches()
    )


def landing_joins(path: str = "") -> list[str]:
    return [at(path, "type")]


def landing_prefetches(path: str = "") -> list:
    """The landing location in a query of its own, with its location, body and images: a few
    landing locations serve every landing of a page, and joining them into queries that already
    nest a flight and its spacecraft (a docking event nests two) would pass SQLite's limit of 64
    tables in a join."""
    return [Prefetch(at(path, "landing_location"), queryset=landing_locations())]
