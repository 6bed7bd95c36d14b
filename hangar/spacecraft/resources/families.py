"""``spacecraft_configuration_families/``: families of configurations (Dragon, Soyuz)."""

from django_filters import rest_framework as filters

from hangar.core.filters import DocumentedFilterSet, IdFilter
from hangar.core.registry import Mode, Resource, register
from hangar.spacecraft import queries
from hangar.spacecraft.collect import family
from hangar.spacecraft.inputs import SpacecraftConfigFamilyIn
from hangar.spacecraft.models import SpacecraftConfigFamily
from hangar.spacecraft.serializers.configs import (
    SpacecraftConfigFamilyEndpointDetailed,
    SpacecraftConfigFamilyMini,
    SpacecraftConfigFamilyNormal,
)


class SpacecraftConfigFamilyFilter(DocumentedFilterSet):
    manufacturer = IdFilter(field_name="manufacturer_id", help_text="Id of the manufacturer.")
    name = filters.CharFilter(help_text="Exact name of the family.")


register(
    Resource(
        path="spacecraft_configuration_families/",
        model=SpacecraftConfigFamily,
        modes={
            "list": Mode(SpacecraftConfigFamilyMini, queries.families_mini),
            "normal": Mode(SpacecraftConfigFamilyNormal, queries.families_normal),
            "detailed": Mode(
                SpacecraftConfigFamilyEndpointDetailed, queries.families_endpoint_detailed
            ),
        },
        filterset=SpacecraftConfigFamilyFilter,
        search_fields=("manufacturer__abbrev", "manufacturer__name", "name"),
        ordering_fields=("name",),
        input=SpacecraftConfigFamilyIn,
        collect=family,
        rank=25,
    )
)
