"""The ``config/`` lookups of the launch domain, one row each."""

from dataclasses import replace

from hangar.core.lookups import collect_lookup, lookup
from hangar.core.registry import Mode, register
from hangar.launches import inputs, models
from hangar.launches.collect import orbit
from hangar.launches.serializers import basic

register(
    lookup(
        "config/launch_statuses/", models.LaunchStatus, basic.LaunchStatus, inputs.LaunchStatusIn
    ),
    lookup(
        "config/net_precisions/", models.NetPrecision, basic.NetPrecision, inputs.NetPrecisionIn
    ),
    lookup("config/mission_types/", models.MissionType, basic.MissionType, inputs.MissionTypeIn),
    # An orbit names its celestial body: joined, not read once per orbit.
    replace(
        lookup("config/orbits/", models.Orbit, basic.Orbit, inputs.OrbitIn, collect=orbit),
        modes={
            "normal": Mode(
                basic.Orbit, lambda: models.Orbit.objects.select_related("celestial_body")
            )
        },
    ),
    lookup("config/languages/", models.Language, basic.Language, inputs.LanguageIn),
    lookup("config/infourl_types/", models.InfoURLType, basic.InfoURLType, inputs.InfoURLTypeIn),
    lookup("config/vidurl_types/", models.VidURLType, basic.VidURLType, inputs.VidURLTypeIn),
    lookup(
        "config/first_stage_types/",
        models.FirstStageType,
        basic.FirstStageType,
        inputs.FirstStageTypeIn,
    ),
    lookup("config/notice_types/", models.NoticeType, basic.NoticeType, inputs.NoticeTypeIn),
    lookup(
        "config/road_closure_statuses/",
        models.RoadClosureStatus,
        basic.RoadClosureStatus,
        inputs.RoadClosureStatusIn,
    ),
    # Timeline event types have no name: they are searched and ordered by abbreviation.
    replace(
        lookup(
            "config/timeline_event_types/",
            models.TimelineEventType,
            basic.TimelineEventType,
            inputs.TimelineEventTypeIn,
            collect=collect_lookup(models.TimelineEventType),
        ),
        search_fields=("abbrev",),
        ordering_fields=("id", "abbrev"),
    ),
)
