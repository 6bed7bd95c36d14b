"""One queryset builder per resource and level of the launchers domain, with every join and
prefetch its serializer needs, so that a page costs the same number of queries whatever its
size.

To-many relations are prefetched into plain lists: a configuration's ``family_list`` and
``program_list``, a family's ``manufacturer_list``. Nested lists come in name order, then id,
as LL2 serves them (real responses list a family's manufacturers and a configuration's
families and programs by name). The ``*_joins(path)``/``*_prefetches(path)`` helpers describe
one nested object at ``path`` (``""`` for the resource itself) so that other domains (a launch's
rocket, a first stage's booster) load it the same way."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from hangar.agencies.queries import agencies_normal, agency_normal_joins, agency_normal_prefetches
from hangar.core.queries import at
from hangar.images.queries import image_joins, image_variants
from hangar.launchers.models import Launcher, LauncherConfig, LauncherConfigFamily
from hangar.programs.queries import program_normal_prefetch

NESTED_ORDER = ("name", "id")


def manufacturers(path: str) -> Prefetch:
    """A family's manufacturers, loaded for ``AgencyNormal`` and ``AgencyDetailed`` alike (the
    detailed level adds only columns)."""
    return Prefetch(
        at(path, "manufacturer"),
        queryset=agencies_normal().order_by(*NESTED_ORDER),
        to_attr="manufacturer_list",
    )


# --- families -------------------------------------------------------------------------------


def families_mini() -> QuerySet[LauncherConfigFamily]:
    return LauncherConfigFamily.objects.all()


def families_normal() -> QuerySet[LauncherConfigFamily]:
    return LauncherConfigFamily.objects.select_related("parent").prefetch_related(manufacturers(""))


def families_detailed() -> QuerySet[LauncherConfigFamily]:
    """The detailed family, and its parent at the normal level (with the parent's parent)."""
    return LauncherConfigFamily.objects.select_related("parent__parent").prefetch_related(
        manufacturers(""), manufacturers("parent")
    )


def families_at(path: str, families: QuerySet) -> Prefetch:
    """The families of the configuration at ``path``, loaded as ``families`` loads them."""
    return Prefetch(
        at(path, "families"), queryset=families.order_by(*NESTED_ORDER), to_attr="family_list"
    )


# --- configurations -------------------------------------------------------------------------


def launcher_config_list_joins(path: str = "") -> list[str]:
    return [path] if path else []


def launcher_config_list_prefetches(path: str = "") -> list:
    return [families_at(path, families_mini())]


def launcher_config_no_manufacturer_joins(path: str = "") -> list[str]:
    return [*launcher_config_list_joins(path), *image_joins(at(path, "image"))]


def launcher_config_no_manufacturer_prefetches(path: str, families: QuerySet) -> list:
    return [
        image_variants(at(path, "image")),
        program_normal_prefetch(at(path, "program"), "program_list"),
        families_at(path, families),
    ]


def launcher_config_normal_joins(path: str = "") -> list[str]:
    """Normal and detailed alike: the detailed manufacturer adds only columns."""
    return [
        *launcher_config_no_manufacturer_joins(path),
        *agency_normal_joins(at(path, "manufacturer")),
    ]


def launcher_config_normal_prefetches(path: str = "") -> list:
    return [
        *launcher_config_no_manufacturer_prefetches(path, families_normal()),
        *agency_normal_prefetches(at(path, "manufacturer")),
    ]


launcher_config_detailed_joins = launcher_config_normal_joins


def launcher_config_detailed_prefetches(path: str = "") -> list:
    return [
        *launcher_config_no_manufacturer_prefetches(path, families_detailed()),
        *agency_normal_prefetches(at(path, "manufacturer")),
    ]


def launcher_configs_list() -> QuerySet[LauncherConfig]:
    return LauncherConfig.objects.prefetch_related(*launcher_config_list_prefetches())


def launcher_configs_normal() -> QuerySet[LauncherConfig]:
    return LauncherConfig.objects.select_related(*launcher_config_normal_joins()).prefetch_related(
        *launcher_config_normal_prefetches()
    )


def launcher_configs_detailed() -> QuerySet[LauncherConfig]:
    return LauncherConfig.objects.select_related(
        *launcher_config_detailed_joins()
    ).prefetch_related(*launcher_config_detailed_prefetches())


def launcher_configs_detailed_no_manufacturer() -> QuerySet[LauncherConfig]:
    """The detailed configurations of one manufacturer, as its launcher list nests them."""
    return LauncherConfig.objects.select_related(
        *launcher_config_no_manufacturer_joins()
    ).prefetch_related(*launcher_config_no_manufacturer_prefetches("", families_detailed()))


# --- boosters -------------------------------------------------------------------------------


def launcher_mini_joins(path: str = "") -> list[str]:
    return [at(path, "status"), *image_joins(at(path, "image"))]


def launcher_mini_prefetches(path: str = "") -> list:
    return [image_variants(at(path, "image"))]


launcher_normal_joins = launcher_mini_joins
launcher_normal_prefetches = launcher_mini_prefetches


def launcher_detailed_joins(path: str = "") -> list[str]:
    return [
        *launcher_mini_joins(path),
        *launcher_config_list_joins(at(path, "launcher_config")),
    ]


def launcher_detailed_prefetches(path: str = "") -> list:
    return [
        *launcher_mini_prefetches(path),
        *launcher_config_list_prefetches(at(path, "launcher_config")),
    ]


def launchers_normal() -> QuerySet[Launcher]:
    """List and normal levels alike (the normal level adds only columns)."""
    return Launcher.objects.select_related(*launcher_mini_joins()).prefetch_related(
        *launcher_mini_prefetches()
    )


def launchers_detailed() -> QuerySet[Launcher]:
    return Launcher.objects.select_related(*launcher_detailed_joins()).prefetch_related(
        *launcher_detailed_prefetches()
    )
