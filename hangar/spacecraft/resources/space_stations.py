"""``space_stations/``: stations, with what they hold at the instant of the request (their active
expeditions, the crew aboard, the vehicles docked at their ports; see
``hangar.spacecraft.queries_stations``)."""

from django.db.models import Subquery

from hangar.core.filters import LOOKUP_WORDS, DocumentedFilterSet, IdFilter, IdListFilter
from hangar.core.registry import Mode, Resource, register
from hangar.launches.models import Orbit
from hangar.spacecraft import queries_stations as queries
from hangar.spacecraft.collect_stations import space_station_endpoint
from hangar.spacecraft.inputs_stations import SpaceStationEndpointIn
from hangar.spacecraft.models import SpaceStation
from hangar.spacecraft.serializers.station_endpoints import (
    SpaceStationDetailedEndpoint,
    SpaceStationEndpoint,
)

# The counts the endpoint filters and orders on, by the annotation that holds their value at
# the instant of the request.
LIVE_COUNTS = {"onboard_crew": "onboard_crew_now", "docked_vehicles": "docked_vehicles_now"}


def live_count(name: str, lookup: str = "exact") -> IdFilter:
    """A filter on a count at the instant of the request (``LIVE_COUNTS``)."""
    return IdFilter(
        field_name=LIVE_COUNTS[name],
        lookup_expr=lookup,
        help_text=f"Stations whose {name.replace('_', ' ')} at this instant "
        f"{LOOKUP_WORDS[lookup]} the value.",
    )


class OrbitFilter(IdFilter):
    """LL2 filters by orbit id; a station names its orbit (``Low Earth Orbit``), so this matches
    the stations whose orbit is named as the orbit of that id is (inferred: LL2 keeps a station's
    orbit as a reference to its orbits table and serves its name)."""

    def filter(self, qs, value):
        if value is None:
            return qs
        return qs.filter(orbit__in=Subquery(Orbit.objects.filter(pk=value).values("name")))


class SpaceStationFilter(DocumentedFilterSet):
    onboard_crew = live_count("onboard_crew")
    onboard_crew__gt = live_count("onboard_crew", "gt")
    onboard_crew__gte = live_count("onboard_crew", "gte")
    onboard_crew__lt = live_count("onboard_crew", "lt")
    onboard_crew__lte = live_count("onboard_crew", "lte")
    docked_vehicles = live_count("docked_vehicles")
    docked_vehicles__gt = live_count("docked_vehicles", "gt")
    docked_vehicles__gte = live_count("docked_vehicles", "gte")
    docked_vehicles__lt = live_count("docked_vehicles", "lt")
    docked_vehicles__lte = live_count("docked_vehicles", "lte")
    orbit = OrbitFilter(help_text="Id of the orbit the station is in.")
    owners = IdListFilter(field_name="owners", distinct=True, help_text="Owner agency ids.")
    owner__ids = IdListFilter(
        field_name="owners", distinct=True, help_text="Owner agency ids, comma-separated."
    )
    status = IdFilter(field_name="status_id", help_text="Id of the station's status.")
    status__ids = IdListFilter(field_name="status_id", help_text="Status ids, comma-separated.")
    type = IdFilter(field_name="type_id", help_text="Id of the station's type.")

    class Meta:
        model = SpaceStation
        fields = {"id": ["exact"], "name": ["exact", "contains"]}


register(
    Resource(
        path="space_stations/",
        model=SpaceStation,
        modes={
            "normal": Mode(SpaceStationEndpoint, queries.space_stations, queries.at_instant_normal),
            "detailed": Mode(
                SpaceStationDetailedEndpoint, queries.space_stations, queries.at_instant_detailed
            ),
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
        ordering_columns=LIVE_COUNTS,
        annotate=queries.with_station_state,
        input=SpaceStationEndpointIn,
        collect=space_station_endpoint,
        rank=50,
    )
)
