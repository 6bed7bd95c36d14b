"""One queryset builder per resource and level: all the joins and prefetches a serializer of
``api/serializers.py`` needs, so that a page costs the same number of queries whatever its size.

Shared by the API views, the exporter and the tests (which pin the query counts).
"""

from __future__ import annotations

from django.db.models import F, Prefetch, QuerySet, Value

from hangar.catalog.models import (
    Agency,
    ImageVariant,
    Spacecraft,
    SpacecraftConfigFamily,
    SpacecraftFlight,
)


def image_joins(path: str) -> list[str]:
    """``select_related`` paths for an image and its license."""
    return [path, f"{path}__license"]


def image_variants(path: str) -> Prefetch:
    return Prefetch(f"{path}__variants", queryset=ImageVariant.objects.select_related("type"))


def agency_normal_joins(path: str) -> list[str]:
    return [
        f"{path}__type",
        *image_joins(f"{path}__image"),
        *image_joins(f"{path}__logo"),
        *image_joins(f"{path}__social_logo"),
    ]


def agency_normal_prefetches(path: str) -> list:
    return [
        f"{path}__countries",
        image_variants(f"{path}__image"),
        image_variants(f"{path}__logo"),
        image_variants(f"{path}__social_logo"),
    ]


def agencies_normal() -> QuerySet[Agency]:
    return (
        Agency.objects.select_related(
            "type", *image_joins("image"), *image_joins("logo"), *image_joins("social_logo")
        )
        .prefetch_related(
            "countries",
            image_variants("image"),
            image_variants("logo"),
            image_variants("social_logo"),
        )
        .order_by("id")
    )


def families_normal() -> QuerySet[SpacecraftConfigFamily]:
    return SpacecraftConfigFamily.objects.select_related("manufacturer__type", "parent").order_by(
        "id"
    )


def families_detailed() -> QuerySet[SpacecraftConfigFamily]:
    return (
        SpacecraftConfigFamily.objects.select_related(
            *agency_normal_joins("manufacturer"), "parent__manufacturer__type"
        )
        .prefetch_related(*agency_normal_prefetches("manufacturer"))
        .order_by("id")
    )


def config_normal_joins(path: str) -> list[str]:
    return [f"{path}__type", f"{path}__agency__type", *image_joins(f"{path}__image")]


def config_normal_prefetches(path: str) -> list:
    return [
        image_variants(f"{path}__image"),
        Prefetch(f"{path}__families", queryset=families_normal()),
    ]


def config_detailed_joins(path: str) -> list[str]:
    return [
        f"{path}__type",
        *agency_normal_joins(f"{path}__agency"),
        *image_joins(f"{path}__image"),
    ]


def config_detailed_prefetches(path: str) -> list:
    return [
        image_variants(f"{path}__image"),
        *agency_normal_prefetches(f"{path}__agency"),
        Prefetch(f"{path}__families", queryset=families_detailed()),
    ]


def flights_for_spacecraft() -> QuerySet[SpacecraftFlight]:
    """A spacecraft's own flights; their nested spacecraft is the parent object itself."""
    return SpacecraftFlight.objects.select_related(
        "launch", "landing__landing_location", "landing__type"
    ).order_by(F("launch__net").asc(nulls_last=True), "id")


def spacecraft_normal() -> QuerySet[Spacecraft]:
    return Spacecraft.objects.select_related(
        "status", *image_joins("image"), *config_normal_joins("spacecraft_config")
    ).prefetch_related(image_variants("image"), *config_normal_prefetches("spacecraft_config"))


def spacecraft_endpoint_detailed() -> QuerySet[Spacecraft]:
    """``SpacecraftEndpointDetailed``: the detailed configuration, and the flights, whose nested
    spacecraft are at the normal level (the configuration's normal joins are added for them)."""
    return Spacecraft.objects.select_related(
        "status",
        *image_joins("image"),
        *config_detailed_joins("spacecraft_config"),
    ).prefetch_related(
        image_variants("image"),
        *config_detailed_prefetches("spacecraft_config"),
        Prefetch("flights", queryset=flights_for_spacecraft()),
    )


def with_live_durations(queryset: QuerySet[Spacecraft], now_epoch: int) -> QuerySet[Spacecraft]:
    """Annotate the current time in space and time docked, for ordering: the stored value plus
    the seconds elapsed since, for each flight (docking) still open."""
    elapsed = Value(now_epoch) - F("stats_as_of")
    return queryset.annotate(
        time_in_space_live=F("time_in_space_s") + F("open_flights") * elapsed,
        time_docked_live=F("time_docked_s") + F("open_dockings") * elapsed,
    )
