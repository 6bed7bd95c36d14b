"""Events at every level, and as other records nest them (``EventMini``, ``EventNormal``).

Links and updates are rows of the launch domain's tables, read from the lists
``hangar.events.queries`` prefetches (``info_url_list``, ``vid_url_list``, ``update_list``); the
detailed level's relations likewise (``agency_list``, ``launch_list``, ``expedition_list``,
``station_list``, ``program_list``, ``astronaut_list``)."""

from hangar.agencies.serializers import AgencyMini
from hangar.core.fields import DurationField, ResourceUrlField, ResponseModeField
from hangar.core.serializers import SchemaSerializer
from hangar.events import models
from hangar.images.serializers import Image
from hangar.launches.serializers.basic import InfoURL, LaunchBasic, NetPrecision, Update, VidURL
from hangar.people.serializers.crew import AstronautNormal
from hangar.people.serializers.expeditions import ExpeditionNormal
from hangar.programs.serializers import ProgramNormal
from hangar.spacecraft.serializers.stations import SpaceStationNormal


class EventType(SchemaSerializer):
    model = models.EventType


class EventMini(SchemaSerializer):
    model = models.Event
    url = ResourceUrlField("events")
    info_urls = InfoURL(many=True, read_only=True, source="info_url_list")
    vid_urls = VidURL(many=True, read_only=True, source="vid_url_list")
    image = Image(read_only=True, allow_null=True)


class EventNormal(EventMini):
    type = EventType(read_only=True)
    date_precision = NetPrecision(read_only=True, allow_null=True)


class EventEndpointList(EventNormal):
    response_mode = ResponseModeField()
    duration = DurationField(source="duration_s", allow_null=True)


class EventEndpointNormal(EventEndpointList):
    updates = Update(many=True, read_only=True, source="update_list")


class EventEndpointDetailed(EventEndpointNormal):
    agencies = AgencyMini(many=True, read_only=True, source="agency_list")
    launches = LaunchBasic(many=True, read_only=True, source="launch_list")
    expeditions = ExpeditionNormal(many=True, read_only=True, source="expedition_list")
    spacestations = SpaceStationNormal(many=True, read_only=True, source="station_list")
    # Nullable in the document, but an event without programs has an empty list, as in LL2.
    program = ProgramNormal(many=True, read_only=True, source="program_list")
    astronauts = AstronautNormal(many=True, read_only=True, source="astronaut_list")
