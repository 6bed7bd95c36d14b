"""The ``astronauts/`` endpoint's levels: ``list`` is ``AstronautDetailed`` (``crew.py``),
``normal`` adds the counts, ``detailed`` the flights, landings and spacewalks.

The detailed lists are gathered from the astronaut's seats (``seat_list``, loaded by
``hangar.people.queries.astronauts_endpoint_detailed``): each seat lists the flights it launched
and landed in and the spacewalks it made. An astronaut's flights are the launches that have
happened, by ``net``, each once; its landings the flights it landed in whose mission has ended,
by mission end; its spacewalks, those begun (or of unknown start), by start (then id)."""

from __future__ import annotations

from datetime import UTC, datetime

from hangar.launches.serializers.basic import LaunchNormal
from hangar.people.serializers.crew import AstronautDetailed
from hangar.people.serializers.spacewalks import SpacewalkNormal
from hangar.spacecraft.serializers.spacecraft import SpacecraftFlightNormal

FAR_FUTURE = datetime.max.replace(tzinfo=UTC)


class AstronautEndpointNormal(AstronautDetailed):
    """The list level with the counts, which are columns."""


def gathered(person, now: datetime) -> tuple[list, list, list]:
    """The flights (launches), landings (flights) and spacewalks of ``person``'s seats."""
    launches, landings, walks = {}, {}, {}
    for seat in person.seat_list:
        for flight in seat.launched_list:
            if flight.launch.net is not None and flight.launch.net <= now:
                launches[flight.launch_id] = flight.launch
        for flight in seat.landed_list:
            if flight.mission_end is not None and flight.mission_end <= now:
                landings[flight.pk] = flight
        for walk in seat.spacewalk_list:
            # As ``spacewalks_count`` counts them: those begun, or of unknown start.
            if walk.start is None or walk.start <= now:
                walks[walk.pk] = walk
    return (
        sorted(launches.values(), key=lambda launch: (launch.net, str(launch.pk))),
        sorted(landings.values(), key=lambda flight: (flight.mission_end, flight.pk)),
        sorted(walks.values(), key=lambda walk: (walk.start or FAR_FUTURE, walk.pk)),
    )


class AstronautEndpointDetailed(AstronautEndpointNormal):
    flights = LaunchNormal(many=True, read_only=True, source="flight_list")
    landings = SpacecraftFlightNormal(many=True, read_only=True, source="landing_list")
    spacewalks = SpacewalkNormal(many=True, read_only=True, source="spacewalk_list")

    def to_representation(self, instance):
        now = datetime.fromtimestamp(self.context["now_epoch"], UTC)
        instance.flight_list, instance.landing_list, instance.spacewalk_list = gathered(
            instance, now
        )
        return super().to_representation(instance)
