"""Boosters (``launchers/``) and their first stages: a booster's flights, first and last launch,
landings and fastest turnaround, and each stage's place in the booster's history.

``flights`` counts the launches that flew (status Success, Failure or Partial Failure);
``first_launch_date`` and ``last_launch_date`` are the earliest and latest ``net`` that has
passed; the landings and the fastest turnaround are taken over launches that have happened. A
stage's ``launcher_flight_number`` is its launch's position among the booster's launches in
``net`` order (planned ones included), ``previous_flight`` the booster's launch just before,
``turn_around_time_s`` the time between the two.

Imported or computed: a booster's figures, and the history of its stages, are computed once
Hangar holds a stage of it on a launch and at least as many of its flights as its recorded
``flights``; until then a booster known from a few of its launches keeps what it was imported
with, and so do its stages.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from hangar.launchers.models import Launcher
from hangar.launches.models import FirstStage
from hangar.launches.stats.figures import (
    OUTCOMES,
    StageFacts,
    booster_figures,
    booster_history,
)
from hangar.launches.stats.parts import among, update_rows

BOOSTER_FIELDS = [
    "flights",
    "first_launch_date",
    "last_launch_date",
    "attempted_landings",
    "successful_landings",
    "fastest_turnaround_s",
]
STAGE_FIELDS = [
    "launcher_flight_number",
    "previous_flight_id",
    "previous_flight_date",
    "turn_around_time_s",
]
STAGE_COLUMNS = [
    "id",
    "rocket__launch__id",
    "rocket__launch__net",
    "rocket__launch__status_id",
    "landing__attempt",
    "landing__success",
]


def stages_of(launcher_ids) -> tuple[dict[int, list[StageFacts]], dict[int, dict]]:
    """The stages flown by these boosters (on launches Hangar holds), and what each stage
    stores of its history."""
    by_booster: dict[int, list[StageFacts]] = defaultdict(list)
    stored: dict[int, dict] = {}
    query = FirstStage.objects.filter(rocket__launch__isnull=False)
    for part in among(query, "launcher_id", launcher_ids):
        for booster, *facts in part.values_list("launcher_id", *STAGE_COLUMNS, *STAGE_FIELDS):
            stage = StageFacts(*facts[: len(STAGE_COLUMNS)])
            by_booster[booster].append(stage)
            stored[stage.id] = dict(zip(STAGE_FIELDS, facts[len(STAGE_COLUMNS) :], strict=True))
    return by_booster, stored


def refresh_boosters(launcher_ids, now: datetime) -> None:
    """Recompute these boosters (every one for None) and their stages."""
    by_booster, stored = stages_of(launcher_ids)
    changed_boosters, changed_stages = [], []
    for part in among(Launcher.objects.all(), "id", launcher_ids):
        for booster in part:
            stages = by_booster.get(booster.id)
            if not stages:
                continue
            flown = sum(1 for stage in stages if stage.status_id in OUTCOMES)
            if flown < (booster.flights or 0):
                continue
            history = booster_history(stages)
            figures = booster_figures(stages, history, now)
            if any(getattr(booster, name) != value for name, value in figures.items()):
                for name, value in figures.items():
                    setattr(booster, name, value)
                changed_boosters.append(booster)
            for stage_id, place in history.items():
                values = {
                    "launcher_flight_number": place.launcher_flight_number,
                    "previous_flight_id": place.previous_flight_id,
                    "previous_flight_date": place.previous_flight_date,
                    "turn_around_time_s": place.turn_around_time_s,
                }
                if values != stored[stage_id]:
                    changed_stages.append(FirstStage(id=stage_id, **values))
    update_rows(Launcher, BOOSTER_FIELDS, changed_boosters)
    update_rows(FirstStage, STAGE_FIELDS, changed_stages)
