"""How programs and mission patches are loaded, at each level, wherever they are nested.

Nested lists come in name order, then id, as LL2 serves them (a program's agencies are in name
order in real responses, whatever their ids). ``program_normal_prefetch(path, to_attr)`` loads
the programs of a many-to-many relation at ``path`` (a launch's or a configuration's
``program``) into a plain list, with everything ``ProgramNormal`` nests."""

from django.db.models import Prefetch, QuerySet

from hangar.agencies.models import Agency
from hangar.agencies.queries import agency_normal_joins, agency_normal_prefetches
from hangar.core.queries import at
from hangar.images.queries import image_joins, image_variants
from hangar.programs.models import MissionPatch, Program

NESTED_ORDER = ("name", "id")


def mission_patch_joins(path: str = "") -> list[str]:
    return [at(path, "agency__type")]


def mission_patches_normal() -> QuerySet[MissionPatch]:
    return MissionPatch.objects.select_related(*mission_patch_joins())


def program_mini_joins(path: str = "") -> list[str]:
    return image_joins(at(path, "image"))


def program_mini_prefetches(path: str = "") -> list:
    return [image_variants(at(path, "image"))]


def program_normal_joins(path: str = "") -> list[str]:
    return [*program_mini_joins(path), at(path, "type")]


def program_normal_prefetches(path: str = "") -> list:
    return [
        *program_mini_prefetches(path),
        Prefetch(
            at(path, "agencies"),
            queryset=Agency.objects.select_related("type").order_by(*NESTED_ORDER),
            to_attr="agency_list",
        ),
        Prefetch(
            at(path, "mission_patches"),
            queryset=mission_patches_normal().order_by(*NESTED_ORDER),
            to_attr="patch_list",
        ),
    ]


def programs_mini() -> QuerySet[Program]:
    return Program.objects.select_related(*program_mini_joins()).prefetch_related(
        *program_mini_prefetches()
    )


def programs_normal() -> QuerySet[Program]:
    return Program.objects.select_related(*program_normal_joins()).prefetch_related(
        *program_normal_prefetches()
    )


def program_normal_prefetch(path: str, to_attr: str) -> Prefetch:
    """The programs of the many-to-many relation at ``path``, as ``ProgramNormal`` nests them."""
    return Prefetch(path, queryset=programs_normal().order_by(*NESTED_ORDER), to_attr=to_attr)


def mission_patches_detailed() -> QuerySet[MissionPatch]:
    """The patch with its agency at the detailed level and the programs that show it."""
    return MissionPatch.objects.select_related(*agency_normal_joins("agency")).prefetch_related(
        *agency_normal_prefetches("agency"), program_normal_prefetch("programs", "program_list")
    )
