"""``space_stations/``: stations, kept as the upstream document plus the columns the endpoint
filters, searches and orders on."""

from hangar.core.filters import COMPARISONS, DocumentedFilterSet, IdFilter, IdListFilter
from hangar.core.registry import Mode, Resource, register
from hangar.spacecraft import queries
from hangar.spacecraft.collect import space_station
from hangar.spacecraft.inputs import SpaceStationIn
from hangar.spacecraft.models import SpaceStation
from hangar.spacecraft.serializers.stations import (
    SpaceStationDetailedEndpoint,
    SpaceStationEndpoint,
)


class SpaceStationFilter(DocumentedFilterSet):
    owners = IdListFilter(field_name="owners", distinct=True, help_text="Owner agency ids.")
    owner__ids = IdListFilter(
        field_name="owners", distinct=True, help_text="Owner agency ids, comma-separated."
    )
    status = IdFilter(field_name="status_id", help_text="Id of the station's status.")
    status__ids = IdListFilter(field_name="status_id", help_text="Status ids, comma-separated.")
    type = IdFilter(field_name="type_id", help_text="Id of the station's type.")

    class Meta:
        model = SpaceStation
        fields = {
            "id": ["exact"],
            "name": ["exact", "contains"],
            "onboard_crew": COMPARISONS,
            "docked_vehicles": COMPARISONS,
        }


register(
    Resource(
        path="space_stations/",
        model=SpaceStation,
        modes={
            "normal": Mode(SpaceStationEndpoint, queries.space_stations),
            "detailed": Mode(SpaceStationDetailedEndpoint, queries.space_stations),
        },
        filterset=SpaceStationFilter,
        search_fields=("name", "owners__abbrev", "owners__name"),
        ordering_fields=(
            "docked_vehicles",
            "founded",
            "id",
            "name",
            "onboard_crew",
            "status",
            "type",
            "volume",
        ),
        input=SpaceStationIn,
        collect=space_station,
        rank=50,
    )
)
