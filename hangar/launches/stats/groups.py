"""The figures of groups of launches: launcher configurations, their families, and agencies as
launch service providers.

``total_launch_count`` counts the launches whose ``net`` has passed; ``successful_launches``,
``failed_launches`` and ``pending_launches`` count statuses (Success; Failure or Partial
Failure; Go, TBD, Hold or TBC); ``consecutive_successful_launches`` runs newest first over the
launches that flew, until the first failure. Landing figures are those of the first stages of
the group's launches that have happened, newest first for ``consecutive_successful_landings``;
an agency's ``_spacecraft`` and ``_payload`` variants count the landings of the spacecraft and
payload flights of its launches the same way (inferred). A configuration's
``fastest_turnaround_s`` is the smallest gap between two of its launches.

A family's launches are those of its configurations. Its parent's are not added up: LL2 lists
a configuration in every family it belongs to, the parent too (Falcon 9 is in "Falcon 9" and in
"Falcon"), so a parent family counts the configurations listed in it, like any family.

Imported or computed: a group's figures are computed once Hangar holds a launch of it and at
least as many of its launches that have happened as its recorded ``total_launch_count``; until
then (a configuration known from a few of its launches, or none) it keeps what it was imported
with.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Model

from hangar.agencies.models import Agency
from hangar.launchers.models import LauncherConfig, LauncherConfigFamily
from hangar.launches.models import FirstStage, Launch
from hangar.launches.stats.figures import (
    LandingFacts,
    LaunchFacts,
    consecutive_successful_landings,
    fastest_turnaround,
    landing_figures,
    launch_figures,
)
from hangar.launches.stats.parts import among, update_rows
from hangar.payloads.models import PayloadFlight
from hangar.spacecraft.models import SpacecraftFlight

LAUNCH_FIELDS = [
    "total_launch_count",
    "successful_launches",
    "failed_launches",
    "pending_launches",
    "consecutive_successful_launches",
]
LANDING_FIELDS = [
    "attempted_landings",
    "successful_landings",
    "failed_landings",
    "consecutive_successful_landings",
]


@dataclass(frozen=True)
class Group:
    model: type[Model]
    launches: str  # from a launch to the group's id
    stages: str  # from a first stage to the group's id
    # Other landings counted apart: (suffix, model of the flight, its path to the group).
    other_landings: tuple = ()
    turnaround: bool = False

    @property
    def fields(self) -> list[str]:
        other = [
            f"{kind}_landings{suffix}"
            for suffix, _, _ in self.other_landings
            for kind in ("attempted", "successful", "failed")
        ]
        turnaround = ["fastest_turnaround_s"] if self.turnaround else []
        return [*LAUNCH_FIELDS, *LANDING_FIELDS, *other, *turnaround]


CONFIGS = Group(
    LauncherConfig, "rocket__configuration_id", "rocket__configuration_id", turnaround=True
)
FAMILIES = Group(
    LauncherConfigFamily, "rocket__configuration__families", "rocket__configuration__families"
)
AGENCIES = Group(
    Agency,
    "launch_service_provider_id",
    "rocket__launch__launch_service_provider_id",
    other_landings=(
        ("_spacecraft", SpacecraftFlight, "launch__launch_service_provider_id"),
        ("_payload", PayloadFlight, "launch__launch_service_provider_id"),
    ),
)


def landings_of(model, path: str, launch: str, ids, now) -> dict[int, list[LandingFacts]]:
    """The landings of ``model`` rows (first stages, flights) on launches that have happened,
    by the group ``path`` leads to; ``launch`` is the path from the row to its launch."""
    found: dict[int, list[LandingFacts]] = defaultdict(list)
    query = model.objects.filter(**{f"{launch}net__lte": now, "landing__isnull": False})
    columns = (path, f"{launch}net", "id", "landing__attempt", "landing__success")
    for part in among(query, path, ids):
        for key, *facts in part.values_list(*columns):
            found[key].append(LandingFacts(*facts))
    return found


def launches_of(group: Group, ids) -> dict[int, list[LaunchFacts]]:
    found: dict[int, list[LaunchFacts]] = defaultdict(list)
    for part in among(Launch.objects.all(), group.launches, ids):
        for key, *facts in part.values_list(group.launches, "id", "net", "status_id"):
            found[key].append(LaunchFacts(*facts))
    return found


def group_figures(group: Group, launches, landings, other, now) -> dict:
    figures = launch_figures(launches, now)
    figures.update(landing_figures(landings))
    figures["consecutive_successful_landings"] = consecutive_successful_landings(landings)
    for suffix, found in other.items():
        figures.update(landing_figures(found, suffix))
    if group.turnaround:
        figures["fastest_turnaround_s"] = fastest_turnaround((x.net for x in launches), now)
    return figures


def refresh_groups(group: Group, ids, now: datetime) -> None:
    """Recompute the figures of these records of ``group`` (every one for None)."""
    launches = launches_of(group, ids)
    landings = landings_of(FirstStage, group.stages, "rocket__launch__", ids, now)
    other = {
        suffix: landings_of(model, path, "launch__", ids, now)
        for suffix, model, path in group.other_landings
    }
    changed = []
    for part in among(group.model.objects.all(), "id", ids):
        for record in part:
            if record.id not in launches:
                continue
            figures = group_figures(
                group,
                launches[record.id],
                landings.get(record.id, []),
                {suffix: found.get(record.id, []) for suffix, found in other.items()},
                now,
            )
            if figures["total_launch_count"] < (record.total_launch_count or 0):
                continue
            if any(getattr(record, name) != value for name, value in figures.items()):
                for name, value in figures.items():
                    setattr(record, name, value)
                changed.append(record)
    update_rows(group.model, group.fields, changed)
