"""The ``spacewalks/`` endpoint's ``normal`` and ``detailed`` levels, which nest the event a
spacewalk took part in: the events domain nests expeditions (and so spacewalks), so these live
apart from ``spacewalks.py``. Each expects the queryset of ``hangar.people.queries_spacewalks``
for its level (``program_list``: the programs, by name)."""

from hangar.events.serializers import EventMini, EventNormal
from hangar.people.serializers.expeditions import (
    ExpeditionMini,
    ExpeditionNormalSerializerForSpacewalk,
)
from hangar.people.serializers.spacewalks import SpacewalkNormal
from hangar.programs.serializers import ProgramMini, ProgramNormal
from hangar.spacecraft.serializers.flights import SpacecraftFlightDetailed
from hangar.spacecraft.serializers.spacecraft import SpacecraftFlightNormal
from hangar.spacecraft.serializers.stations import SpaceStationMini, SpaceStationNormal


class SpacewalkEndpointNormal(SpacewalkNormal):
    spacestation = SpaceStationMini(read_only=True, allow_null=True)
    expedition = ExpeditionMini(read_only=True, allow_null=True)
    spacecraft_flight = SpacecraftFlightNormal(read_only=True, allow_null=True)
    event = EventMini(read_only=True, allow_null=True)
    program = ProgramMini(many=True, read_only=True, source="program_list")


class SpacewalkEndpointDetailed(SpacewalkEndpointNormal):
    spacestation = SpaceStationNormal(read_only=True, allow_null=True)
    expedition = ExpeditionNormalSerializerForSpacewalk(read_only=True, allow_null=True)
    spacecraft_flight = SpacecraftFlightDetailed(read_only=True, allow_null=True)
    event = EventNormal(read_only=True, allow_null=True)
    program = ProgramNormal(many=True, read_only=True, source="program_list")
