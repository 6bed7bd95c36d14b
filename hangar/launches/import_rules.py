"""What an import must respect in the launch domain beyond upserting rows: figures Hangar
computes are not overwritten by imported ones, and the statistics of every record a batch
touches are recomputed (``stats``). Registered with the launch resources.

An imported figure set is written only while it counts more than Hangar holds, or Hangar holds
nothing of the record: a pad's launch figures when its ``total_launch_count`` is above the
launches of the pad that have happened in Hangar, a booster's when its ``flights`` is above the
flights Hangar holds, and so on (the totals ``stats`` decides with). Otherwise, and whenever the
record gives null, the stored figures stay. A launch's imported counts are written when it is
new, or when they are higher than the stored ones; ``stats`` then decides, scope by scope, which
to keep.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime

from django.db.models import Count, Q, Sum

from hangar.agencies.models import Agency
from hangar.core.registry import Refresh, WriteRule
from hangar.landings.models import Landing, LandingLocation
from hangar.launchers.models import Launcher, LauncherConfig, LauncherConfigFamily
from hangar.launches import stats
from hangar.launches.models import FirstStage, Launch, Mission, Orbit, Rocket
from hangar.launches.stats import boosters, counts, groups
from hangar.launches.stats.figures import FAILURES, OUTCOMES, SUCCESS
from hangar.launches.stats.parts import PART, among
from hangar.payloads.models import PayloadFlight
from hangar.places.models import CelestialBody, Location, Pad
from hangar.spacecraft.models import SpacecraftFlight

# --- keeping computed figures ---------------------------------------------------------------


def totals(query, group: str, pks, aggregate) -> dict:
    """``aggregate`` of the rows of ``query``, by ``group``, for these ids: the records of which
    Hangar holds something (an aggregate of None is nothing)."""
    found = {}
    for part in among(query, group, pks):
        for row in part.values(group).annotate(n=aggregate).order_by():
            if row["n"] is not None:
                found[row[group]] = row["n"]
    return found


def past_launches(path: str):
    def held(pks, now):
        return totals(Launch.objects.all(), path, pks, Count("id", filter=Q(net__lte=now)))

    return held


def sum_of(model, group: str, *columns: str):
    def held(pks, now):
        found: dict = defaultdict(int)
        for column in columns:
            for key, value in totals(model.objects.all(), group, pks, Sum(column)).items():
                found[key] += value
        return found

    return held


def body_launches(pks, now):
    outcome = Q(status_id=SUCCESS) | Q(status_id__in=sorted(FAILURES))
    path = "pad__location__celestial_body_id"
    return totals(Launch.objects.all(), path, pks, Count("id", filter=outcome))


def decided_landings(pks, now):
    decided = Q(attempt=True, success__isnull=False)
    return totals(Landing.objects.all(), "landing_location_id", pks, Count("id", filter=decided))


def booster_flights(pks, now):
    flown = Q(rocket__launch__status_id__in=sorted(OUTCOMES))
    stages = FirstStage.objects.filter(rocket__launch__isnull=False)
    return totals(stages, "launcher_id", pks, Count("id", filter=flown))


def keep_computed(*sets):
    """A ``prepare`` that drops each imported figure set ``(total, columns, held)`` whose
    ``total`` is null, or at most what Hangar holds (``held(pks, now) -> {pk: total}``, for
    the records of which it holds something)."""

    def prepare(rows: dict, existing: dict, batch, now_epoch: int) -> None:
        now = datetime.fromtimestamp(now_epoch, UTC)
        for total, columns, held in sets:
            given = [pk for pk, row in rows.items() if any(c in row for c in columns)]
            holds = held(given, now) if given else {}
            for pk in given:
                imported = rows[pk].get(total)
                if imported is None or (pk in holds and holds[pk] >= imported):
                    for column in columns:
                        rows[pk].pop(column, None)

    return prepare


def keep_higher_counts(rows: dict, existing: dict, batch, now_epoch: int) -> None:
    """A launch Hangar holds keeps its stored counts unless the record's are higher."""
    for pk, row in rows.items():
        current = existing.get(pk)
        if current is None:
            continue
        for column in counts.FIELDS:
            if column in row:
                held, imported = getattr(current, column), row[column]
                if imported is None or (held is not None and imported <= held):
                    row.pop(column)


def figure_rule(model, group, held) -> WriteRule:
    return WriteRule(model, keep_computed(("total_launch_count", group.fields, held)))


PAD = ["total_launch_count", "orbital_launch_attempt_count", "fastest_turnaround_s"]
BODY_LAUNCHES = ["total_attempted_launches", "successful_launches", "failed_launches"]
BODY_LANDINGS = ["total_attempted_landings", "successful_landings", "failed_landings"]
PLACE_LANDINGS = ["attempted_landings", "successful_landings", "failed_landings"]

WRITE_RULES = (
    WriteRule(Launch, keep_higher_counts),
    WriteRule(Pad, keep_computed(("total_launch_count", PAD, past_launches("pad_id")))),
    WriteRule(
        Location,
        keep_computed(
            ("total_launch_count", ["total_launch_count"], sum_of(Pad, "location_id", PAD[0])),
            (
                "total_landing_count",
                ["total_landing_count"],
                sum_of(LandingLocation, "location_id", "attempted_landings"),
            ),
        ),
    ),
    WriteRule(
        CelestialBody,
        keep_computed(
            ("total_attempted_launches", BODY_LAUNCHES, body_launches),
            (
                "total_attempted_landings",
                BODY_LANDINGS,
                sum_of(
                    LandingLocation, "celestial_body_id", "successful_landings", "failed_landings"
                ),
            ),
        ),
    ),
    WriteRule(
        LandingLocation, keep_computed(("attempted_landings", PLACE_LANDINGS, decided_landings))
    ),
    WriteRule(
        Launcher,
        keep_computed(("flights", boosters.BOOSTER_FIELDS, booster_flights)),
    ),
    figure_rule(LauncherConfig, groups.CONFIGS, past_launches(groups.CONFIGS.launches)),
    figure_rule(LauncherConfigFamily, groups.FAMILIES, past_launches(groups.FAMILIES.launches)),
    figure_rule(Agency, groups.AGENCIES, past_launches(groups.AGENCIES.launches)),
)


# --- what a batch touches -------------------------------------------------------------------


def touched_launches(batch) -> Q:
    """The launches a batch touches, directly or through what they nest."""
    landings = batch.ids(Landing)
    return (
        Q(id__in=batch.ids(Launch))
        | Q(mission_id__in=batch.ids(Mission))
        | Q(mission__orbit_id__in=batch.ids(Orbit))
        | Q(rocket_id__in=batch.ids(Rocket))
        | Q(rocket__launcher_stage__id__in=batch.ids(FirstStage))
        | Q(rocket__launcher_stage__landing_id__in=landings)
        | Q(spacecraft_flights__id__in=batch.ids(SpacecraftFlight))
        | Q(spacecraft_flights__landing_id__in=landings)
        | Q(payload_flights__id__in=batch.ids(PayloadFlight))
        | Q(payload_flights__landing_id__in=landings)
    )


LAUNCH_KEYS = {
    "pad": "pad_id",
    "location": "pad__location_id",
    "body": "pad__location__celestial_body_id",
    "agency": "launch_service_provider_id",
    "config": "rocket__configuration_id",
    "family": "rocket__configuration__families",
    "launcher": "rocket__launcher_stage__launcher_id",
    "landing_location": "rocket__launcher_stage__landing__landing_location_id",
}
OWN_KEYS = {
    "pad": Pad,
    "location": Location,
    "body": CelestialBody,
    "agency": Agency,
    "config": LauncherConfig,
    "family": LauncherConfigFamily,
    "launcher": Launcher,
    "landing_location": LandingLocation,
}
# What sums a record's figures, read when the batch is asked about (before and after writing,
# so that a pad moved to another location refreshes both).
PARENTS = {
    Pad: {"location": "location_id", "body": "location__celestial_body_id"},
    Location: {"body": "celestial_body_id"},
    LandingLocation: {"location": "location_id", "body": "celestial_body_id"},
    Landing: {"landing_location": "landing_location_id"},
    FirstStage: {"launcher": "launcher_id"},
}


COUNTED = {
    *OWN_KEYS.values(),
    *PARENTS,
    Launch,
    Mission,
    Orbit,
    Rocket,
    SpacecraftFlight,
    PayloadFlight,
}


def affected_records(batch) -> set:
    """Keys of the records whose statistics the batch may change (see ``stats``); every
    record for a batch too large to name them one by one."""
    if sum(len(batch.ids(model)) for model in COUNTED) > PART:
        return {stats.ALL}
    keys = {(kind, pk) for kind, model in OWN_KEYS.items() for pk in batch.ids(model)}
    if batch.ids(Launch) or batch.ids(Mission) or batch.ids(Orbit):
        keys.add(stats.ORBITAL)
    launches = Launch.objects.filter(touched_launches(batch))
    columns = list(LAUNCH_KEYS.values())
    for values in launches.values_list(*columns).distinct():
        keys |= {(kind, pk) for kind, pk in zip(LAUNCH_KEYS, values, strict=True)}
    for model, parents in PARENTS.items():
        ids = batch.ids(model)
        if ids:
            rows = model.objects.filter(id__in=ids).values_list(*parents.values())
            for values in rows:
                keys |= {(kind, pk) for kind, pk in zip(parents, values, strict=True)}
    configs = [pk for kind, pk in keys if kind == "config" and pk is not None]
    through = LauncherConfig.families.through.objects.filter(launcherconfig_id__in=configs)
    keys |= {("family", pk) for pk in through.values_list("launcherconfigfamily_id", flat=True)}
    for _, targets in batch.relations.get((LauncherConfig, "families"), {}).values():
        keys |= {("family", pk) for pk in targets}
    return {key for key in keys if key[1] is not None or key == stats.ORBITAL}


STATISTICS = Refresh("launches", affected_records, stats.refresh, due=stats.refresh_due)
