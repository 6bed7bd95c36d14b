"""Expeditions at every level: as a station lists its active ones (``ExpeditionMini``), as a
spacewalk, a mission patch or an event nests them, and as the ``expeditions/`` endpoint serves
them.

Nested lists are ``to_attr`` lists that ``hangar.people.queries_expeditions`` loads:
``patch_list`` (mission patches), ``spacewalk_list`` (spacewalks, by start) and ``crew_list``
(the ordered ``ExpeditionCrewMember`` rows)."""

from hangar.core.fields import ResourceUrlField, ResponseModeField
from hangar.core.serializers import SharedSerializer
from hangar.people import models
from hangar.people.serializers.crew import AstronautFlight
from hangar.people.serializers.spacewalks import SpacewalkList
from hangar.programs.serializers import MissionPatch
from hangar.spacecraft.serializers.stations import SpaceStationDetailed, SpaceStationNormal


class ExpeditionMini(SharedSerializer):
    model = models.Expedition
    url = ResourceUrlField("expeditions")


class ExpeditionNormalSerializerForSpacewalk(ExpeditionMini):
    """The expedition a detailed spacewalk belongs to: without its spacewalks, which would
    repeat the spacewalk."""

    spacestation = SpaceStationNormal(read_only=True)
    mission_patches = MissionPatch(many=True, read_only=True, source="patch_list")


class ExpeditionNormal(ExpeditionNormalSerializerForSpacewalk):
    response_mode = ResponseModeField()
    spacewalks = SpacewalkList(many=True, read_only=True, source="spacewalk_list")


class ExpeditionDetailed(ExpeditionNormal):
    spacestation = SpaceStationDetailed(read_only=True)
    crew = AstronautFlight(many=True, read_only=True, source="crew_list")
