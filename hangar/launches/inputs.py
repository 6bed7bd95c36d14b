"""Launches as LL2 serves them (on their own, or nested in flights, stages and events), at every
level, validated. Columns are typed as the models type them (``hangar.core.inputs.Record``);
what is declared here are nested records and durations. A launch's rocket is read here with its
configuration and first stages; the spacecraft and payloads it carries, which other domains
hold, are read by ``record.py``."""

from rest_framework import serializers

from hangar.agencies.inputs import AgencyIn
from hangar.core.inputs import Duration, Integer, Lookup, Record, Text
from hangar.images.inputs import ImageIn
from hangar.landings.inputs import LandingIn
from hangar.launchers.inputs import LauncherConfigIn, LauncherIn
from hangar.launches import models
from hangar.places.inputs import CelestialBodyIn, PadIn
from hangar.programs.inputs import MissionPatchIn, ProgramIn


class LaunchStatusIn(Lookup):
    model = models.LaunchStatus


class NetPrecisionIn(Lookup):
    model = models.NetPrecision


class MissionTypeIn(Lookup):
    model = models.MissionType


class LanguageIn(Lookup):
    model = models.Language


class InfoURLTypeIn(Lookup):
    model = models.InfoURLType


class VidURLTypeIn(Lookup):
    model = models.VidURLType


class FirstStageTypeIn(Lookup):
    model = models.FirstStageType


class TimelineEventTypeIn(Record):
    model = models.TimelineEventType
    required_columns = ("abbrev",)
    id = Integer(required=True)


class OrbitIn(Record):
    model = models.Orbit
    components = ("Orbit",)
    required_columns = ("name",)
    id = Integer(required=True)
    celestial_body = CelestialBodyIn(required=False)


class InfoURLIn(Record):
    model = models.InfoURL
    components = ("InfoURL",)
    required_columns = ("url",)
    type = InfoURLTypeIn(allow_null=True, required=False)
    language = LanguageIn(allow_null=True, required=False)


class VidURLIn(Record):
    model = models.VidURL
    components = ("VidURL",)
    required_columns = ("url",)
    type = VidURLTypeIn(allow_null=True, required=False)
    language = LanguageIn(allow_null=True, required=False)


class TimelineEventIn(Record):
    model = models.TimelineEvent
    components = ("TimelineEvent",)
    type = TimelineEventTypeIn(allow_null=True, required=False)


class UpdateIn(Record):
    model = models.Update
    components = ("Update",)
    required_columns = ("created_on",)
    id = Integer(required=True)


class MissionIn(Record):
    model = models.Mission
    components = ("Mission",)
    required_columns = ("name",)
    id = Integer(required=True)
    image = ImageIn(allow_null=True, required=False)
    orbit = OrbitIn(required=False)
    agencies = AgencyIn(many=True, required=False)
    info_urls = InfoURLIn(many=True, required=False)
    vid_urls = VidURLIn(many=True, required=False)


class FirstStageIn(Record):
    model = models.FirstStage
    components = ("FirstStageMini", "FirstStageNormal", "FirstStageDetailedSerializerNoLanding")
    id = Integer(required=True)
    launcher = LauncherIn(required=True)
    landing = LandingIn(allow_null=True, required=False)
    turn_around_time = Duration(allow_null=True, source="turn_around_time_s")

    def get_fields(self):
        fields = super().get_fields()
        # The booster's launch before this one, at the mini or normal level.
        fields["previous_flight"] = LaunchIn(allow_null=True, required=False)
        return fields


class RocketIn(Record):
    model = models.Rocket
    components = ("RocketNormal", "RocketDetailed")
    id = Integer(required=True)
    configuration = LauncherConfigIn(required=True)
    launcher_stage = FirstStageIn(many=True, required=False)


class LaunchIn(Record):
    model = models.Launch
    components = ("LaunchMini", "LaunchBasic", "LaunchNormal", "LaunchDetailed")
    required_columns = ("name",)
    id = serializers.UUIDField(required=True)
    url = Text()
    status = LaunchStatusIn(allow_null=True, required=False)
    net_precision = NetPrecisionIn(allow_null=True, required=False)
    image = ImageIn(allow_null=True, required=False)
    launch_service_provider = AgencyIn(allow_null=True, required=False)
    rocket = RocketIn(allow_null=True, required=False)
    mission = MissionIn(allow_null=True, required=False)
    pad = PadIn(allow_null=True, required=False)
    program = ProgramIn(many=True, allow_null=True, required=False)
    updates = UpdateIn(many=True, required=False)
    info_urls = InfoURLIn(many=True, required=False)
    vid_urls = VidURLIn(many=True, required=False)
    timeline = TimelineEventIn(many=True, required=False)
    pad_turnaround = Duration(allow_null=True, source="pad_turnaround_s")
    mission_patches = MissionPatchIn(many=True, required=False)


class NoticeTypeIn(Lookup):
    model = models.NoticeType


class RoadClosureStatusIn(Lookup):
    model = models.RoadClosureStatus
