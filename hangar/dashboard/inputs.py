"""The Starship dashboard as LL2 serves it, at any level, validated: the launches, events,
boosters and spacecraft it nests are read by their own domains' input serializers."""

from rest_framework import serializers

from hangar.core.inputs import Integer, Record
from hangar.dashboard import models
from hangar.dashboard.queries import STARSHIP
from hangar.events.inputs import EventIn
from hangar.launchers.inputs import LauncherIn
from hangar.launches.inputs import NoticeTypeIn, RoadClosureStatusIn, UpdateIn
from hangar.launches.record import LaunchRecordIn
from hangar.spacecraft.inputs import SpacecraftIn


class RoadClosureIn(Record):
    model = models.RoadClosure
    components = ("RoadClosure",)
    required_columns = ("title", "window_start", "window_end")
    id = Integer(required=True)
    status = RoadClosureStatusIn(required=True)


class NoticeIn(Record):
    model = models.Notice
    components = ("Notice",)
    required_columns = ("date", "url")
    id = Integer(required=True)
    type = NoticeTypeIn(required=True)


class LiveStreamIn(Record):
    model = models.LiveStream
    components = ("VidURLs",)
    required_columns = ("url",)


class LaunchAndEventsIn(serializers.Serializer):
    launches = LaunchRecordIn(many=True, required=True)
    events = EventIn(many=True, required=True)


class StarshipDashboardIn(serializers.Serializer):
    """The dashboard has no id of its own: it is program 1's page, so its record is keyed by
    the program (two dashboards in one document are refused, like any repeated record)."""

    id = serializers.HiddenField(default=STARSHIP)
    updates = UpdateIn(many=True, required=True)
    live_streams = LiveStreamIn(many=True, required=True)
    road_closures = RoadClosureIn(many=True, required=True)
    notices = NoticeIn(many=True, required=True)
    vehicles = LauncherIn(many=True, required=True)
    orbiters = SpacecraftIn(many=True, required=True)
    upcoming = LaunchAndEventsIn(required=True)
    previous = LaunchAndEventsIn(required=True)
