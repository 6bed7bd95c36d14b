"""The columns Hangar computes (statistics, counts, the instants they hold at), which the admin
shows read-only: an edit to them would be overwritten by the next refresh. Read from the
domains' own lists of what their refreshes write, so that a new statistic is read-only here
as soon as a refresh stores it."""

from __future__ import annotations

from django.db.models import Model

from hangar.launches.stats import boosters, counts, groups, places
from hangar.people import stats as people_stats
from hangar.spacecraft import import_rules as spacecraft_rules
from hangar.spacecraft import stats as spacecraft_stats

# Written by the refreshes of places and celestial bodies, which name them inline.
PLACE_FIGURES = (
    "total_launch_count",
    "total_landing_count",
    "total_attempted_launches",
    "total_attempted_landings",
    "successful_launches",
    "failed_launches",
    "successful_landings",
    "failed_landings",
    "attempted_landings",
)
COMPUTED_NAMES = frozenset(
    {
        *spacecraft_stats.SPACECRAFT_STATISTICS,
        *spacecraft_stats.STAT_FIELDS,
        *spacecraft_rules.FLIGHT_STATISTICS,
        *spacecraft_rules.DOCKING_STATISTICS,
        "duration_s",
        "turn_around_time_s",
        *people_stats.STATISTICS,
        *groups.LAUNCH_FIELDS,
        *groups.LANDING_FIELDS,
        *groups.AGENCIES.fields,
        *groups.CONFIGS.fields,
        *groups.FAMILIES.fields,
        *counts.FIELDS,
        *boosters.BOOSTER_FIELDS,
        *boosters.STAGE_FIELDS,
        *places.PAD_FIELDS.split(),
        *PLACE_FIGURES,
    }
)


def computed_fields(model: type[Model]) -> tuple[str, ...]:
    """The columns of ``model`` that Hangar computes, in the model's order."""
    return tuple(
        field.name for field in model._meta.concrete_fields if field.name in COMPUTED_NAMES
    )
