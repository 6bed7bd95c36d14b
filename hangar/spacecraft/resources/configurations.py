"""``spacecraft_configurations/``: the models of spacecraft, with their launch figures."""

from django_filters import rest_framework as filters

from hangar.core.filters import BooleanFilter, DocumentedFilterSet, IdFilter
from hangar.core.registry import Mode, Resource, register
from hangar.spacecraft import queries
from hangar.spacecraft.collect import spacecraft_config
from hangar.spacecraft.inputs import SpacecraftConfigIn
from hangar.spacecraft.models import SpacecraftConfig
from hangar.spacecraft.serializers.configs import SpacecraftConfigDetailed, SpacecraftConfigNormal


class SpacecraftConfigFilter(DocumentedFilterSet):
    agency = IdFilter(field_name="agency_id", help_text="Id of the agency that builds it.")
    human_rated = BooleanFilter(help_text="Configurations rated to carry humans.")
    in_use = BooleanFilter(help_text="Configurations still in use.")
    name = filters.CharFilter(help_text="Exact name of the configuration.")


register(
    Resource(
        path="spacecraft_configurations/",
        model=SpacecraftConfig,
        modes={
            "normal": Mode(SpacecraftConfigNormal, queries.spacecraft_configs_normal),
            "detailed": Mode(SpacecraftConfigDetailed, queries.spacecraft_configs_detailed),
        },
        filterset=SpacecraftConfigFilter,
        search_fields=("agency__abbrev", "agency__name", "name"),
        ordering_fields=("name",),
        input=SpacecraftConfigIn,
        collect=spacecraft_config,
        rank=20,
    )
)
