"""Expeditions and spacewalks as LL2 serves them (on their endpoints, or nested in stations,
mission patches, events and astronauts), at every level, validated. Columns are typed as the
models type them (``hangar.core.inputs.Record``); what is declared here is what nests, and the
duration. The spacewalk of the endpoint, with its event, is in ``resources/spacewalks.py``: the
events domain nests expeditions."""

from hangar.core.inputs import Duration, Integer, Record, Text
from hangar.people import models
from hangar.people.inputs import AstronautFlightIn
from hangar.programs.inputs import MissionPatchIn, ProgramIn
from hangar.spacecraft.inputs import SpacecraftFlightIn, SpaceStationIn


class SpacewalkIn(Record):
    """A spacewalk at any level but the event it names."""

    model = models.Spacewalk
    components = (
        "SpacewalkList",
        "SpacewalkNormal",
        "SpacewalkEndpointNormal",
        "SpacewalkEndpointDetailed",
    )
    required_columns = ("name",)
    id = Integer(required=True)
    url = Text()
    duration = Duration(allow_null=True, source="duration_s")
    crew = AstronautFlightIn(many=True, required=False)
    spacestation = SpaceStationIn(allow_null=True, required=False)
    spacecraft_flight = SpacecraftFlightIn(allow_null=True, required=False)
    program = ProgramIn(many=True, required=False)

    def get_fields(self):
        fields = super().get_fields()
        # A spacewalk names its expedition, which lists its spacewalks (without expeditions).
        fields["expedition"] = ExpeditionIn(allow_null=True, required=False)
        return fields


class ExpeditionIn(Record):
    """An expedition at any level; the mini level (a station's active expeditions) lacks its
    station, which its parent gives."""

    model = models.Expedition
    components = (
        "ExpeditionMini",
        "ExpeditionNormal",
        "ExpeditionNormalSerializerForSpacewalk",
        "ExpeditionDetailed",
    )
    required_columns = ("name", "start")
    id = Integer(required=True)
    url = Text()
    spacestation = SpaceStationIn(required=False)
    mission_patches = MissionPatchIn(many=True, required=False)
    spacewalks = SpacewalkIn(many=True, required=False)
    crew = AstronautFlightIn(many=True, required=False)
