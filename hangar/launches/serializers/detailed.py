"""What only a launch's own detail carries: its rocket's first stages, spacecraft and payloads,
and the detailed launch itself."""

from hangar.agencies.serializers import AgencyDetailed
from hangar.core.fields import DurationField
from hangar.core.serializers import SchemaSerializer
from hangar.landings.serializers import Landing
from hangar.launchers.serializers import LauncherConfigDetailed, LauncherMini, LauncherNormal
from hangar.launches import models
from hangar.launches.serializers.basic import LaunchFields, LaunchMini, LaunchNormal
from hangar.payloads.serializers.flights import PayloadFlightSerializerNoLaunch
from hangar.programs.serializers import MissionPatch
from hangar.spacecraft.serializers.flights import SpacecraftFlightDetailedSerializerNoLaunch


class FirstStageFields(SchemaSerializer):
    abstract = True
    model = models.FirstStage
    launcher = LauncherNormal(read_only=True)
    # Never null in the document: a stage without a previous flight has flown for no time.
    turn_around_time = DurationField(source="turn_around_time_s", null_as=0)


class FirstStageMini(FirstStageFields):
    launcher = LauncherMini(read_only=True)


class FirstStageNormal(FirstStageFields):
    landing = Landing(read_only=True, allow_null=True)
    previous_flight = LaunchMini(read_only=True, allow_null=True)


class FirstStageNormalSerializerNoLanding(FirstStageFields):
    previous_flight = LaunchMini(read_only=True, allow_null=True)


class FirstStageDetailedSerializerNoLanding(FirstStageFields):
    previous_flight = LaunchNormal(read_only=True, allow_null=True)


class RocketDetailed(SchemaSerializer):
    model = models.Rocket
    configuration = LauncherConfigDetailed(read_only=True)
    launcher_stage = FirstStageNormal(many=True, read_only=True, source="stage_list")
    spacecraft_stage = SpacecraftFlightDetailedSerializerNoLaunch(
        many=True, read_only=True, source="launch.spacecraft_flight_list"
    )
    payloads = PayloadFlightSerializerNoLaunch(
        many=True, read_only=True, source="launch.payload_flight_list"
    )


class LaunchDetailed(LaunchFields):
    launch_service_provider = AgencyDetailed(read_only=True, allow_null=True)
    rocket = RocketDetailed(read_only=True, allow_null=True)
    mission_patches = MissionPatch(many=True, read_only=True, source="patch_list")
