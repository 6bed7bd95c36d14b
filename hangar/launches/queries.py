"""How launches are loaded up to the normal level, wherever they are nested (``path``): a
launch's own lists, a spacecraft flight's or a payload flight's launch, a first stage's
previous flight. The detailed launch, which nests other domains' flights, is loaded by
``detailed_queries``.

To-many relations are prefetched into plain lists: ``program_list``, a mission's
``agency_list``, ``info_url_list`` and ``vid_url_list``. Links keep LL2's order (``position``);
a mission's agencies come in name order, then id, like every nested agency list.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from hangar.agencies.queries import agencies_normal
from hangar.core.queries import at
from hangar.images.queries import image_joins, image_variants
from hangar.launchers.queries import launcher_config_list_joins, launcher_config_list_prefetches
from hangar.launches.models import InfoURL, Launch, VidURL
from hangar.places.queries import pad_joins, pad_prefetches
from hangar.programs.queries import program_normal_prefetch

NESTED_ORDER = ("name", "id")


def links_of(path: str) -> list[Prefetch]:
    """The info and video links of the launch or mission at ``path``."""
    return [
        Prefetch(
            at(path, "infourl_set"),
            queryset=InfoURL.objects.select_related("type", "language"),
            to_attr="info_url_list",
        ),
        Prefetch(
            at(path, "vidurl_set"),
            queryset=VidURL.objects.select_related("type", "language"),
            to_attr="vid_url_list",
        ),
    ]


def launch_mini_joins(path: str = "") -> list[str]:
    return [path] if path else []


def launch_basic_joins(path: str = "") -> list[str]:
    return [at(path, "status"), at(path, "net_precision"), *image_joins(at(path, "image"))]


def launch_basic_prefetches(path: str = "") -> list:
    return [image_variants(at(path, "image"))]


def mission_joins(path: str) -> list[str]:
    return [*image_joins(at(path, "image")), at(path, "orbit__celestial_body")]


def mission_prefetches(path: str) -> list:
    return [
        image_variants(at(path, "image")),
        Prefetch(
            at(path, "agencies"),
            queryset=agencies_normal().order_by(*NESTED_ORDER),
            to_attr="agency_list",
        ),
        *links_of(path),
    ]


def launch_normal_joins(path: str = "") -> list[str]:
    return [
        *launch_basic_joins(path),
        at(path, "launch_service_provider__type"),
        *launcher_config_list_joins(at(path, "rocket__configuration")),
        *mission_joins(at(path, "mission")),
        *pad_joins(at(path, "pad")),
    ]


def launch_normal_prefetches(path: str = "") -> list:
    return [
        *launch_basic_prefetches(path),
        *launcher_config_list_prefetches(at(path, "rocket__configuration")),
        *mission_prefetches(at(path, "mission")),
        *pad_prefetches(at(path, "pad")),
        program_normal_prefetch(at(path, "program"), "program_list"),
    ]


def launches_list() -> QuerySet[Launch]:
    return Launch.objects.select_related(*launch_basic_joins()).prefetch_related(
        *launch_basic_prefetches()
    )


def launches_normal() -> QuerySet[Launch]:
    return Launch.objects.select_related(*launch_normal_joins()).prefetch_related(
        *launch_normal_prefetches()
    )
