"""``launches/``, ``launches/upcoming/`` and ``launches/previous/``: one table of launches seen
through three windows.

``upcoming`` holds the launches of the last 24 hours and later, so that a launch stays there
for a day after liftoff and clients see its outcome without calling ``previous``
(``hide_recent_previous=true`` drops that day); ``previous`` holds those at or before now.
A launch of the last day is therefore in both. The window is by time, not by status. Each
list's ``{id}/`` answers from its window: a launch outside it is a 404."""

from datetime import timedelta

from hangar.core.registry import Mode, Resource, register
from hangar.launches.detailed_queries import launches_detailed
from hangar.launches.filters import LaunchFilter, UpcomingLaunchFilter
from hangar.launches.models import Launch
from hangar.launches.queries import launches_list, launches_normal
from hangar.launches.record import LaunchRecordIn, launch_record
from hangar.launches.serializers.basic import LaunchBasic, LaunchNormal
from hangar.launches.serializers.detailed import LaunchDetailed

GRACE = timedelta(hours=24)
MODES = {
    "list": Mode(LaunchBasic, launches_list),
    "normal": Mode(LaunchNormal, launches_normal),
    "detailed": Mode(LaunchDetailed, launches_detailed),
}
SEARCH_UPCOMING = (
    "launch_service_provider__name",
    "mission__name",
    "name",
    "pad__location__name",
    "pad__name",
    "rocket__configuration__manufacturer__abbrev",
    "rocket__configuration__manufacturer__name",
    "rocket__configuration__name",
    "spacecraft_flights__spacecraft__name",
)
# ``upcoming/`` does not search designators (they are given at launch); the others do.
SEARCH = ("launch_designator", *SEARCH_UPCOMING)
ORDERING = ("id", "last_updated", "name", "net")
UUID = r"[0-9a-fA-F-]{36}"


def upcoming(queryset, now):
    return queryset.filter(net__gte=now - GRACE)


def previous(queryset, now):
    return queryset.filter(net__lte=now)


register(
    Resource(
        path="launches/",
        model=Launch,
        modes=MODES,
        filterset=LaunchFilter,
        search_fields=SEARCH,
        ordering_fields=ORDERING,
        default_ordering=("net",),
        lookup_value_regex=UUID,
        input=LaunchRecordIn,
        collect=launch_record,
        rank=20,
    ),
    Resource(
        path="launches/upcoming/",
        model=Launch,
        modes=MODES,
        filterset=UpcomingLaunchFilter,
        search_fields=SEARCH_UPCOMING,
        ordering_fields=ORDERING,
        # Launches at one instant come in name order, as LL2 lists them.
        default_ordering=("net", "name"),
        scope=upcoming,
        lookup_value_regex=UUID,
        rank=21,
    ),
    Resource(
        path="launches/previous/",
        model=Launch,
        modes=MODES,
        filterset=LaunchFilter,
        search_fields=SEARCH,
        ordering_fields=ORDERING,
        default_ordering=("-net",),
        scope=previous,
        lookup_value_regex=UUID,
        rank=22,
    ),
)
