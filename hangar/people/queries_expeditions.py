"""How expeditions and the spacewalks they list are loaded, at each level, wherever they are
nested (``path``), and the querysets of the ``expeditions/`` endpoint's modes.

Nested lists come into plain lists (``to_attr``): an expedition's mission patches
(``patch_list``, by id), its spacewalks (``spacewalk_list``, by start, then id) and its crew
(``crew_list``, in LL2's order); the orders of patches and spacewalks are inferred, LL2 does
not state them. The spacewalks endpoint's own levels, which nest events, are in
``queries_spacewalks``."""

from __future__ import annotations

from django.db.models import F, Prefetch, Q, QuerySet

from hangar.core.queries import at
from hangar.people.models import Expedition, ExpeditionCrewMember, Spacewalk
from hangar.people.queries import crew_prefetch
from hangar.programs.queries import mission_patches_normal
from hangar.spacecraft.queries import (
    station_detailed_prefetches,
    station_normal_joins,
    station_normal_prefetches,
)

SPACEWALK_ORDER = (F("start").asc(nulls_last=True), "id")


def patches_prefetch(path: str = "") -> Prefetch:
    return Prefetch(
        at(path, "mission_patches"),
        queryset=mission_patches_normal().order_by("id"),
        to_attr="patch_list",
    )


def spacewalks_list() -> QuerySet[Spacewalk]:
    """``SpacewalkList``: columns only."""
    return Spacewalk.objects.all()


def spacewalks_prefetch(path: str = "") -> Prefetch:
    return Prefetch(
        at(path, "spacewalks"),
        queryset=spacewalks_list().order_by(*SPACEWALK_ORDER),
        to_attr="spacewalk_list",
    )


def expedition_for_spacewalk_joins(path: str = "") -> list[str]:
    """``ExpeditionNormalSerializerForSpacewalk``: the normal station and the patches."""
    return station_normal_joins(at(path, "spacestation"))


def expedition_for_spacewalk_prefetches(path: str = "") -> list:
    return [*station_normal_prefetches(at(path, "spacestation")), patches_prefetch(path)]


def expedition_normal_joins(path: str = "") -> list[str]:
    return expedition_for_spacewalk_joins(path)


def expedition_normal_prefetches(path: str = "") -> list:
    return [
        *expedition_for_spacewalk_prefetches(path),
        spacewalks_prefetch(path),
    ]


def expeditions_normal() -> QuerySet[Expedition]:
    """``ExpeditionNormal``, the endpoint's default level and what events and patches nest."""
    return Expedition.objects.select_related(*expedition_normal_joins()).prefetch_related(
        *expedition_normal_prefetches()
    )


def expedition_normal_prefetch(path: str, to_attr: str) -> Prefetch:
    """The expeditions of the relation at ``path`` (a patch's, an event's), by start, then id,
    as ``ExpeditionNormal`` nests them."""
    return Prefetch(path, queryset=expeditions_normal().order_by("start", "id"), to_attr=to_attr)


def expeditions_detailed() -> QuerySet[Expedition]:
    """``ExpeditionDetailed``: the detailed station and the crew besides."""
    return Expedition.objects.select_related(
        *station_normal_joins("spacestation")
    ).prefetch_related(
        *station_detailed_prefetches("spacestation"),
        patches_prefetch(),
        spacewalks_prefetch(),
        crew_prefetch("crew_members", model=ExpeditionCrewMember),
    )


def active_at(queryset: QuerySet[Expedition], now) -> QuerySet[Expedition]:
    """The expeditions under way at ``now``: started, and not ended yet (or no end known)."""
    return queryset.filter(Q(end__isnull=True) | Q(end__gt=now), start__lte=now)
