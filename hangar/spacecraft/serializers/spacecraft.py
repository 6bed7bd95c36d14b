"""Spacecraft and their flights."""

from hangar.core.fields import (
    DurationField,
    LiveDurationField,
    ResourceUrlField,
    ResponseModeField,
)
from hangar.core.serializers import SchemaSerializer, SharedSerializer
from hangar.images.serializers import Image
from hangar.landings.serializers import Landing
from hangar.launches.serializers.basic import LaunchNormal
from hangar.spacecraft import models, stats
from hangar.spacecraft.serializers.configs import (
    SpacecraftConfigDetailed,
    SpacecraftConfigNormal,
)


class SpacecraftStatus(SchemaSerializer):
    model = models.SpacecraftStatus


class SpacecraftFields(SharedSerializer):
    """What every spacecraft level shares; levels differ in how much of the configuration they
    nest."""

    abstract = True
    model = models.Spacecraft
    response_mode = ResponseModeField()
    url = ResourceUrlField("spacecraft")
    image = Image(read_only=True, allow_null=True)
    time_in_space = LiveDurationField("time_in_space_s", "open_flights")
    time_docked = LiveDurationField("time_docked_s", "open_dockings")
    status = SpacecraftStatus(read_only=True)
    spacecraft_config = SpacecraftConfigNormal(read_only=True)
    fastest_turnaround = DurationField(source="fastest_turnaround_s", allow_null=True)

    def to_representation(self, instance):
        now_epoch = self.context.get("now_epoch")
        if now_epoch is not None and stats.is_stale(instance, now_epoch):
            # A planned flight began since the statistics were stored: computed once for this
            # response (however often it nests the spacecraft), stored by ``hangar refresh``.
            computed = self.context.setdefault("as_of", {})
            if instance.pk not in computed:
                computed[instance.pk] = stats.as_of(instance, now_epoch)
            instance = computed[instance.pk]
        return super().to_representation(instance)


class SpacecraftNormal(SpacecraftFields):
    pass


class SpacecraftDetailed(SpacecraftFields):
    spacecraft_config = SpacecraftConfigDetailed(read_only=True)


class FlightFields(SchemaSerializer):
    """What every flight level shares."""

    abstract = True
    model = models.SpacecraftFlight
    url = ResourceUrlField("spacecraft_flights")
    spacecraft = SpacecraftNormal(read_only=True)
    launch = LaunchNormal(read_only=True)


class SpacecraftFlightNormal(FlightFields):
    landing = Landing(read_only=True, allow_null=True)
    duration = DurationField(source="duration_s", allow_null=True)
    turn_around_time = DurationField(source="turn_around_time_s", allow_null=True)
    response_mode = ResponseModeField()


class SpacecraftEndpointDetailed(SpacecraftDetailed):
    flights = SpacecraftFlightNormal(many=True, read_only=True, source="flight_list")
