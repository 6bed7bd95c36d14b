"""The Starship dashboard at each level (``StarshipDashboardList``, ``...Normal``,
``...Detailed``), and the road closures, notices and live streams only it serves.

The levels differ only in how much of each launch and event they nest (``LaunchAndEvents*``);
the instance is the ``hangar.dashboard.queries.Dashboard`` its mode builds."""

from hangar.core.fields import ResponseModeField
from hangar.core.serializers import SchemaSerializer
from hangar.dashboard import models
from hangar.events.serializers import EventEndpointList, EventNormal
from hangar.launchers.serializers import LauncherDetailed
from hangar.launches.serializers.basic import (
    LaunchBasic,
    LaunchNormal,
    NoticeType,
    RoadClosureStatus,
    Update,
)
from hangar.launches.serializers.detailed import LaunchDetailed
from hangar.spacecraft.serializers.spacecraft import SpacecraftNormal


class RoadClosure(SchemaSerializer):
    model = models.RoadClosure
    status = RoadClosureStatus(read_only=True)


class Notice(SchemaSerializer):
    model = models.Notice
    type = NoticeType(read_only=True)


class VidURLs(SchemaSerializer):
    model = models.LiveStream


class LaunchAndEventsList(SchemaSerializer):
    launches = LaunchBasic(many=True, read_only=True)
    events = EventEndpointList(many=True, read_only=True)


class LaunchAndEventsNormal(SchemaSerializer):
    launches = LaunchNormal(many=True, read_only=True)
    events = EventNormal(many=True, read_only=True)


class LaunchAndEventsDetailed(SchemaSerializer):
    launches = LaunchDetailed(many=True, read_only=True)
    events = EventNormal(many=True, read_only=True)


class DashboardFields(SchemaSerializer):
    """What every level shares: everything but the launches and events."""

    abstract = True
    response_mode = ResponseModeField()
    updates = Update(many=True, read_only=True)
    live_streams = VidURLs(many=True, read_only=True)
    road_closures = RoadClosure(many=True, read_only=True)
    notices = Notice(many=True, read_only=True)
    vehicles = LauncherDetailed(many=True, read_only=True)
    orbiters = SpacecraftNormal(many=True, read_only=True)


class StarshipDashboardList(DashboardFields):
    upcoming = LaunchAndEventsList(read_only=True)
    previous = LaunchAndEventsList(read_only=True)


class StarshipDashboardNormal(DashboardFields):
    upcoming = LaunchAndEventsNormal(read_only=True)
    previous = LaunchAndEventsNormal(read_only=True)


class StarshipDashboardDetailed(DashboardFields):
    upcoming = LaunchAndEventsDetailed(read_only=True)
    previous = LaunchAndEventsDetailed(read_only=True)
