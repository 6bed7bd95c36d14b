"""``updates/``: news items about launches and programs, newest first."""

from django_filters import rest_framework as filters

from hangar.core.filters import DocumentedFilterSet, IdFilter, InstantFilter
from hangar.core.registry import Mode, Resource, register
from hangar.launches.collect import update
from hangar.launches.inputs import UpdateIn
from hangar.launches.models import Update
from hangar.launches.serializers.basic import Update as UpdateSerializer


class UpdateFilter(DocumentedFilterSet):
    created_on = InstantFilter(help_text="Updates created at this instant (ISO 8601).")
    launch = filters.UUIDFilter(field_name="launch_id", help_text="Id (UUID) of the launch.")
    launch__launch_service_provider = IdFilter(
        field_name="launch__launch_service_provider_id",
        help_text="Id of the agency that provides the update's launch.",
    )
    program = IdFilter(field_name="program_id", help_text="Id of the program.")


register(
    Resource(
        path="updates/",
        model=Update,
        modes={"normal": Mode(UpdateSerializer, Update.objects.all)},
        filterset=UpdateFilter,
        # The document names no searched field: the text of the update and its author.
        search_fields=("comment", "created_by"),
        ordering_fields=("created_on",),
        default_ordering=("-created_on",),
        input=UpdateIn,
        collect=update,
        rank=45,
    )
)
