"""One queryset builder per resource and level of the places domain, with every join and
prefetch its serializer needs, so that a page costs the same number of queries whatever its
size.

To-many relations are prefetched into plain lists: a pad's ``agency_list``, a location's
``pad_list``, a body's ``location_list``, each in id order. The ``*_joins(path)`` and
``*_prefetches(path)`` helpers describe one nested object at ``path`` (``""`` for the resource
itself) so that other domains (a launch's pad, a landing location, an orbit's body) load it the
same way."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from hangar.agencies.queries import agencies_mini, agencies_normal
from hangar.core.queries import at
from hangar.images.queries import image_joins, image_variants
from hangar.places.models import CelestialBody, Location, Pad

# --- celestial bodies -----------------------------------------------------------------------


def celestial_body_joins(path: str = "") -> list[str]:
    """A body at the normal or detailed level (the detailed one adds only columns)."""
    return [at(path, "type"), *image_joins(at(path, "image"))]


def celestial_body_prefetches(path: str = "") -> list:
    return [image_variants(at(path, "image"))]


def celestial_bodies_mini() -> QuerySet[CelestialBody]:
    return CelestialBody.objects.all()


def celestial_bodies_normal() -> QuerySet[CelestialBody]:
    return CelestialBody.objects.select_related(*celestial_body_joins()).prefetch_related(
        *celestial_body_prefetches()
    )


def celestial_bodies_endpoint_detailed() -> QuerySet[CelestialBody]:
    """The detailed body and its locations, which do not repeat the body."""
    return celestial_bodies_normal().prefetch_related(
        Prefetch(
            "locations",
            queryset=locations_no_celestial_body().order_by("id"),
            to_attr="location_list",
        )
    )


# --- locations ------------------------------------------------------------------------------


def location_no_celestial_body_joins(path: str = "") -> list[str]:
    return [at(path, "country"), *image_joins(at(path, "image"))]


def location_no_celestial_body_prefetches(path: str = "") -> list:
    return [image_variants(at(path, "image"))]


def location_joins(path: str = "") -> list[str]:
    """A location with its detailed body (``Location``)."""
    return [
        *location_no_celestial_body_joins(path),
        *celestial_body_joins(at(path, "celestial_body")),
    ]


def location_prefetches(path: str = "") -> list:
    return [
        *location_no_celestial_body_prefetches(path),
        *celestial_body_prefetches(at(path, "celestial_body")),
    ]


def locations_no_celestial_body() -> QuerySet[Location]:
    return Location.objects.select_related(*location_no_celestial_body_joins()).prefetch_related(
        *location_no_celestial_body_prefetches()
    )


def locations_normal() -> QuerySet[Location]:
    return Location.objects.select_related(*location_joins()).prefetch_related(
        *location_prefetches()
    )


def locations_with_pads() -> QuerySet[Location]:
    """The location and its pads, which do not repeat the location."""
    return locations_normal().prefetch_related(
        Prefetch("pads", queryset=pads_no_location().order_by("id"), to_attr="pad_list")
    )


# --- pads -----------------------------------------------------------------------------------


def pad_no_location_joins(path: str = "") -> list[str]:
    return [at(path, "country"), *image_joins(at(path, "image"))]


def pad_no_location_prefetches(path: str = "") -> list:
    """``PadSerializerNoLocation``: its agencies at the list level."""
    return [
        image_variants(at(path, "image")),
        Prefetch(
            at(path, "agencies"), queryset=agencies_mini().order_by("id"), to_attr="agency_list"
        ),
    ]


def pad_joins(path: str = "") -> list[str]:
    """A pad with its location and the location's body (``Pad``)."""
    return [
        at(path, "country"),
        *image_joins(at(path, "image")),
        *location_joins(at(path, "location")),
    ]


def pad_prefetches(path: str = "") -> list:
    """``Pad``: its agencies at the normal level, its image's and its location's variants."""
    return [
        image_variants(at(path, "image")),
        Prefetch(
            at(path, "agencies"), queryset=agencies_normal().order_by("id"), to_attr="agency_list"
        ),
        *location_prefetches(at(path, "location")),
    ]


def pads_no_location() -> QuerySet[Pad]:
    return Pad.objects.select_related(*pad_no_location_joins()).prefetch_related(
        *pad_no_location_prefetches()
    )


def pads() -> QuerySet[Pad]:
    return Pad.objects.select_related(*pad_joins()).prefetch_related(*pad_prefetches())
