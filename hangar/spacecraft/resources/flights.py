"""``spacecraft_flights/``: each flight of a spacecraft on a launch, with its crews and
dockings at the detailed level."""

from hangar.core.filters import BooleanFilter, DocumentedFilterSet, IdFilter
from hangar.core.registry import Mode, Resource, register
from hangar.spacecraft import queries
from hangar.spacecraft.collect import spacecraft_flight
from hangar.spacecraft.inputs import SpacecraftFlightIn
from hangar.spacecraft.models import SpacecraftFlight
from hangar.spacecraft.serializers.flights import SpacecraftFlightDetailed
from hangar.spacecraft.serializers.spacecraft import SpacecraftFlightNormal


class SpacecraftFlightFilter(DocumentedFilterSet):
    spacecraft = IdFilter(field_name="spacecraft_id", help_text="Id of the spacecraft.")
    # Not in the official document, but LL2 honours them and clients send them: the flights up
    # now are ``spacecraft__in_space=true&mission_end__isnull=true``.
    spacecraft__in_space = BooleanFilter(
        field_name="spacecraft__in_space",
        help_text="Flights of spacecraft in space now (true) or not (false).",
    )
    mission_end__isnull = BooleanFilter(
        field_name="mission_end",
        lookup_expr="isnull",
        help_text="Flights whose mission has not ended (true) or has (false).",
    )


register(
    Resource(
        path="spacecraft_flights/",
        model=SpacecraftFlight,
        modes={
            "normal": Mode(SpacecraftFlightNormal, queries.spacecraft_flights_normal),
            "detailed": Mode(SpacecraftFlightDetailed, queries.spacecraft_flights_detailed),
        },
        filterset=SpacecraftFlightFilter,
        # ``mission_end`` is not in the official document, but LL2 orders by it and a watch
        # face asks for ``ordering=-mission_end`` (flights not ended first, then latest ended).
        ordering_fields=("id", "mission_end"),
        input=SpacecraftFlightIn,
        collect=spacecraft_flight,
        rank=15,
    )
)
