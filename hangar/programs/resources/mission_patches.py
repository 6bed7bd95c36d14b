"""``mission_patches/``: the patches of missions and programs, with the launches, expeditions
and programs that show them at the detailed level."""

from django.db.models import Prefetch, QuerySet

from hangar.agencies.serializers import AgencyDetailed
from hangar.core.filters import DocumentedFilterSet, IdFilter, IdListFilter
from hangar.core.registry import Mode, Resource, register
from hangar.launches.queries import launches_normal
from hangar.launches.serializers.basic import LaunchNormal
from hangar.people.queries_expeditions import expedition_normal_prefetch
from hangar.people.serializers.expeditions import ExpeditionNormal
from hangar.programs import queries
from hangar.programs.collect import mission_patch
from hangar.programs.inputs import MissionPatchIn
from hangar.programs.models import MissionPatch
from hangar.programs.serializers import MissionPatch as MissionPatchNormal
from hangar.programs.serializers import ProgramNormal


class MissionPatchDetailed(MissionPatchNormal):
    agency = AgencyDetailed(read_only=True, allow_null=True)
    launches = LaunchNormal(many=True, read_only=True, source="launch_list")
    expeditions = ExpeditionNormal(many=True, read_only=True, source="expedition_list")
    program = ProgramNormal(many=True, read_only=True, source="program_list")


def mission_patches_detailed() -> QuerySet[MissionPatch]:
    """The detailed patch, with the launches that wear it (by ``net``) and the expeditions
    (by ``start``) at the normal level."""
    return queries.mission_patches_detailed().prefetch_related(
        Prefetch(
            "launches", queryset=launches_normal().order_by("net", "id"), to_attr="launch_list"
        ),
        expedition_normal_prefetch("expeditions", "expedition_list"),
    )


class MissionPatchFilter(DocumentedFilterSet):
    id = IdFilter(help_text="Id of the mission patch.")
    agency__id = IdFilter(field_name="agency_id", help_text="Id of the patch's agency.")
    ids = IdListFilter(field_name="id", help_text="Mission patch ids, comma-separated.")

    class Meta:
        model = MissionPatch
        fields = {
            "name": ["exact", "contains"],
            "agency__name": ["exact", "contains"],
        }


register(
    Resource(
        path="mission_patches/",
        model=MissionPatch,
        modes={
            "normal": Mode(MissionPatchNormal, queries.mission_patches_normal),
            "detailed": Mode(MissionPatchDetailed, mission_patches_detailed),
        },
        filterset=MissionPatchFilter,
        search_fields=("agency__name", "name"),
        ordering_fields=("agency__name", "id", "name", "priority"),
        input=MissionPatchIn,
        collect=mission_patch,
        rank=36,
    )
)
