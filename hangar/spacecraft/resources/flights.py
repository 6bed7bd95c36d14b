"""``spacecraft_flights/``: each flight of a spacecraft on a launch, with its crews and
dockings at the detailed level."""

from hangar.core.filters import DocumentedFilterSet, IdFilter
from hangar.core.registry import Mode, Resource, register
from hangar.spacecraft import queries
from hangar.spacecraft.collect import spacecraft_flight
from hangar.spacecraft.inputs import SpacecraftFlightIn
from hangar.spacecraft.models import SpacecraftFlight
from hangar.spacecraft.serializers.flights import SpacecraftFlightDetailed
from hangar.spacecraft.serializers.spacecraft import SpacecraftFlightNormal


class SpacecraftFlightFilter(DocumentedFilterSet):
    spacecraft = IdFilter(field_name="spacecraft_id", help_text="Id of the spacecraft.")


register(
    Resource(
        path="spacecraft_flights/",
        model=SpacecraftFlight,
        modes={
            "normal": Mode(SpacecraftFlightNormal, queries.spacecraft_flights_normal),
            "detailed": Mode(SpacecraftFlightDetailed, queries.spacecraft_flights_detailed),
        },
        filterset=SpacecraftFlightFilter,
        ordering_fields=("id",),
        input=SpacecraftFlightIn,
        collect=spacecraft_flight,
        rank=15,
    )
)
