"""Launches up to the normal level, their missions, links and lookups: what spacecraft flights,
first stages, payload flights and events nest."""

from hangar.agencies.serializers import AgencyDetailed, AgencyMini
from hangar.core.fields import DurationField, ResourceUrlField, ResponseModeField
from hangar.core.serializers import SchemaSerializer, SharedSerializer
from hangar.images.serializers import Image
from hangar.launchers.serializers import LauncherConfigList
from hangar.launches import models
from hangar.places.serializers import CelestialBodyMini, Pad
from hangar.programs.serializers import ProgramNormal


class LaunchStatus(SchemaSerializer):
    model = models.LaunchStatus


class NetPrecision(SchemaSerializer):
    model = models.NetPrecision


class MissionType(SchemaSerializer):
    model = models.MissionType


class Language(SchemaSerializer):
    model = models.Language


class InfoURLType(SchemaSerializer):
    model = models.InfoURLType


class VidURLType(SchemaSerializer):
    model = models.VidURLType


class FirstStageType(SchemaSerializer):
    model = models.FirstStageType


class TimelineEventType(SchemaSerializer):
    model = models.TimelineEventType


class InfoURL(SchemaSerializer):
    model = models.InfoURL
    type = InfoURLType(read_only=True, allow_null=True)
    language = Language(read_only=True, allow_null=True)


class VidURL(SchemaSerializer):
    model = models.VidURL
    type = VidURLType(read_only=True, allow_null=True)
    language = Language(read_only=True, allow_null=True)


class TimelineEvent(SchemaSerializer):
    model = models.TimelineEvent
    type = TimelineEventType(read_only=True, allow_null=True)


class Update(SchemaSerializer):
    model = models.Update


class Orbit(SharedSerializer):
    model = models.Orbit
    celestial_body = CelestialBodyMini(read_only=True)


class Mission(SharedSerializer):
    model = models.Mission
    image = Image(read_only=True, allow_null=True)
    orbit = Orbit(read_only=True)
    agencies = AgencyDetailed(many=True, read_only=True, source="agency_list")
    info_urls = InfoURL(many=True, read_only=True, source="info_url_list")
    vid_urls = VidURL(many=True, read_only=True, source="vid_url_list")


class LaunchMini(SchemaSerializer):
    model = models.Launch
    url = ResourceUrlField("launches")


class LaunchBasic(LaunchMini):
    response_mode = ResponseModeField()
    status = LaunchStatus(read_only=True, allow_null=True)
    net_precision = NetPrecision(read_only=True, allow_null=True)
    image = Image(read_only=True, allow_null=True)


class RocketNormal(SchemaSerializer):
    model = models.Rocket
    configuration = LauncherConfigList(read_only=True)


class LaunchNormal(LaunchBasic):
    launch_service_provider = AgencyMini(read_only=True, allow_null=True)
    rocket = RocketNormal(read_only=True, allow_null=True)
    mission = Mission(read_only=True, allow_null=True)
    pad = Pad(read_only=True, allow_null=True)
    program = ProgramNormal(many=True, read_only=True, source="program_list")


class LaunchFields(LaunchNormal):
    """What the detailed launch adds to the normal one, besides its provider and rocket."""

    abstract = True
    updates = Update(many=True, read_only=True, source="update_list")
    info_urls = InfoURL(many=True, read_only=True, source="info_url_list")
    vid_urls = VidURL(many=True, read_only=True, source="vid_url_list")
    timeline = TimelineEvent(many=True, read_only=True, source="timeline_list")
    pad_turnaround = DurationField(source="pad_turnaround_s", null_as=0)


class NoticeType(SchemaSerializer):
    model = models.NoticeType


class RoadClosureStatus(SchemaSerializer):
    model = models.RoadClosureStatus
