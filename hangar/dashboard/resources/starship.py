"""``dashboard/starship/``: one object, not a list (the official document declares an array;
LL2 answers the object, ``hangar.ll2.corrections.ONE_OBJECT``), with what Space Launch Now's
Starship page shows: program 1's launches and events ahead and behind, its boosters and
spacecraft, updates, road closures, notices and live streams (``hangar.dashboard.queries`` says
which). ``?mode=`` sets the level of the launches and events (``normal`` by default, inferred);
``?limit=`` the length of every list."""

from hangar.core.registry import Mode, Resource, register
from hangar.dashboard.collect import starship_dashboard
from hangar.dashboard.inputs import StarshipDashboardIn
from hangar.dashboard.queries import dashboard_builder
from hangar.dashboard.serializers import (
    StarshipDashboardDetailed,
    StarshipDashboardList,
    StarshipDashboardNormal,
)
from hangar.events.queries import events_normal
from hangar.launches.detailed_queries import launches_detailed
from hangar.launches.queries import launches_list, launches_normal
from hangar.programs.models import Program

register(
    Resource(
        path="dashboard/starship/",
        model=Program,
        modes={
            "list": Mode(StarshipDashboardList, dashboard_builder(launches_list, events_normal)),
            "normal": Mode(
                StarshipDashboardNormal, dashboard_builder(launches_normal, events_normal)
            ),
            "detailed": Mode(
                StarshipDashboardDetailed, dashboard_builder(launches_detailed, events_normal)
            ),
        },
        listed=False,
        single=True,
        input=StarshipDashboardIn,
        collect=starship_dashboard,
        rank=90,
    )
)
