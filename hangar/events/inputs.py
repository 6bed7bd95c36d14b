"""Events as LL2 serves them (on their endpoints, or nested in spacewalks, stations and the
dashboard), at every level, validated. Columns are typed as the models type them
(``hangar.core.inputs.Record``); what is declared here is what nests, and the duration."""

from hangar.agencies.inputs import AgencyIn
from hangar.core.inputs import Duration, Integer, Lookup, Record, Text
from hangar.events import models
from hangar.images.inputs import ImageIn
from hangar.launches.inputs import InfoURLIn, LaunchIn, NetPrecisionIn, UpdateIn, VidURLIn
from hangar.people.inputs import AstronautIn
from hangar.people.inputs_expeditions import ExpeditionIn
from hangar.programs.inputs import ProgramIn
from hangar.spacecraft.inputs import SpaceStationIn


class EventTypeIn(Lookup):
    model = models.EventType


class EventIn(Record):
    """An event at any level; the mini level lacks its type, which an event the catalog does
    not hold yet cannot do without (the importer says so)."""

    model = models.Event
    components = (
        "EventMini",
        "EventNormal",
        "EventEndpointList",
        "EventEndpointNormal",
        "EventEndpointDetailed",
    )
    required_columns = ("name",)
    id = Integer(required=True)
    url = Text()
    info_urls = InfoURLIn(many=True, required=False)
    vid_urls = VidURLIn(many=True, required=False)
    image = ImageIn(allow_null=True, required=False)
    type = EventTypeIn(required=False)
    date_precision = NetPrecisionIn(allow_null=True, required=False)
    duration = Duration(allow_null=True, source="duration_s")
    updates = UpdateIn(many=True, required=False)
    agencies = AgencyIn(many=True, required=False)
    launches = LaunchIn(many=True, required=False)
    expeditions = ExpeditionIn(many=True, required=False)
    spacestations = SpaceStationIn(many=True, required=False)
    program = ProgramIn(many=True, allow_null=True, required=False)
    astronauts = AstronautIn(many=True, allow_null=True, required=False)
