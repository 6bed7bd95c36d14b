"""``spacecraft/``: spacecraft, with the statistics computed from their flights and dockings."""

from django_filters import rest_framework as filters

from hangar.core.filters import BooleanFilter, DocumentedFilterSet, IdFilter
from hangar.core.registry import Mode, Resource, register, registry
from hangar.spacecraft import import_rules, queries
from hangar.spacecraft.collect import spacecraft
from hangar.spacecraft.inputs import SpacecraftIn
from hangar.spacecraft.models import Spacecraft
from hangar.spacecraft.serializers.spacecraft import SpacecraftEndpointDetailed, SpacecraftNormal


class SpacecraftFilter(DocumentedFilterSet):
    in_space = BooleanFilter(help_text="Spacecraft in space now (true) or not (false).")
    is_placeholder = BooleanFilter(help_text="Placeholder records (true) or real ones (false).")
    name = filters.CharFilter(help_text="Exact name of the spacecraft, e.g. Endeavour.")
    spacecraft_config = IdFilter(
        field_name="spacecraft_config_id", help_text="Id of the spacecraft's configuration."
    )
    status = IdFilter(field_name="status_id", help_text="Id of the spacecraft's status.")


register(
    Resource(
        path="spacecraft/",
        model=Spacecraft,
        modes={
            "normal": Mode(SpacecraftNormal, queries.spacecraft_normal),
            "detailed": Mode(SpacecraftEndpointDetailed, queries.spacecraft_endpoint_detailed),
        },
        filterset=SpacecraftFilter,
        search_fields=("name", "spacecraft_config__name"),
        ordering_fields=(
            "flights_count",
            "id",
            "mission_ends_count",
            "time_docked",
            "time_in_space",
        ),
        # Durations that grow while a spacecraft is up are ordered by their value now.
        ordering_columns={"time_in_space": "time_in_space_live", "time_docked": "time_docked_live"},
        annotate=queries.with_live_durations,
        annotated_for_ordering_only=True,
        first_rows=queries.first_rows_by_live_durations,
        input=SpacecraftIn,
        collect=spacecraft,
        rank=10,
    )
)
for rule in import_rules.WRITE_RULES:
    registry.add_write_rule(rule)
registry.add_refresh(import_rules.STATISTICS)
