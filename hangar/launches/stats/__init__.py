"""The launch domain's statistics, computed from the launches Hangar holds and stored in the
columns of the records they describe, so that filtering and ordering by them is one query.

What each figure means is said where it is computed: ``counts`` (the counts on each launch and
its pad turnaround), ``boosters`` (boosters and their first stages), ``groups``
(configurations, families, agencies), ``places`` (pads, locations, celestial bodies, landing
locations); ``figures`` holds the plain functions they share.

Imported or computed: a figure imported from LL2 is kept only until Hangar holds what it is
computed from, so that no computed figure is ever worse than the imported one. Each record
kind decides it with the total that measures what Hangar holds of it: the figures are computed
once Hangar holds something they are computed from (a launch of the pad, a stage of the booster)
and its total (the pad's launches that have happened, the booster's flights) is at least the
recorded one. A record that counts launches Hangar lacks, or of which Hangar holds nothing,
keeps its imported figures (a configuration imported without figures is not given zeros). The
import keeps the computed figures too (``import_rules``). Without a column that records which
figures were computed, a computed total that should fall (a launch moved to another pad) is
taken for an imported one that counts more than Hangar holds: it stays until the next launch of
the record makes the numbers meet again.

Records are named by keys, ``(kind, id)``: ``("pad", 12)``, ``("config", 164)``; ``ORBITAL``
stands for the orbital counts of every launch and ``ALL`` for every record. ``refresh`` stores
the figures of the records named and of those that sum them (a pad's location, a location's
celestial body, a configuration's families). Figures of launches that have happened change when
a planned launch's ``net`` passes: ``refresh_due`` finds the records whose stored totals fall
behind the launches that have happened, for every import and sync and for ``hangar refresh``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from django.db.models import Count, F, Max, Q
from django.db.models.functions import Coalesce

from hangar.agencies.models import Agency
from hangar.landings.models import LandingLocation
from hangar.launchers.models import Launcher, LauncherConfig, LauncherConfigFamily
from hangar.launches.stats import boosters, counts, groups, places
from hangar.launches.stats.figures import OUTCOMES
from hangar.launches.stats.parts import PART, among
from hangar.places.models import Location, Pad

ALL = ("all", None)
ORBITAL = ("orbital", None)
KINDS = ("pad", "location", "agency", "launcher", "landing_location", "body", "config", "family")


def wanted(keys: set, kind: str) -> set | None:
    """The ids of ``kind`` the keys name; None for every one."""
    if ALL in keys:
        return None
    return {pk for name, pk in keys if name == kind}


def related(model, column: str, ids: set | None) -> set | None:
    """``column`` of these rows of ``model``: the records that sum them."""
    if ids is None:
        return None
    found = set()
    for part in among(model.objects.all(), "id", ids):
        found.update(part.values_list(column, flat=True))
    return found - {None}


def union(first: set | None, second: set | None) -> set | None:
    return None if first is None or second is None else first | second


def refresh(keys: Iterable, now: datetime | None = None, launch_counts: bool = True) -> None:
    """Recompute and store the statistics of the records ``keys`` name, and of the records
    that sum theirs."""
    now = now or datetime.now(UTC)
    keys = set(keys)
    ids = {kind: wanted(keys, kind) for kind in KINDS}
    orbital = ALL in keys or ORBITAL in keys
    scopes = {scope: ids[scope] for scope in ("pad", "location", "agency")}
    if launch_counts and (orbital or any(scopes.values())):
        large = any(group is None or len(group) > PART for group in scopes.values())
        counts.refresh_counts(None if large else scopes, orbital)
    boosters.refresh_boosters(ids["launcher"], now)
    places.refresh_landing_locations(ids["landing_location"])
    places.refresh_pads(ids["pad"], now)
    locations = union(
        ids["location"],
        union(
            related(Pad, "location_id", ids["pad"]),
            related(LandingLocation, "location_id", ids["landing_location"]),
        ),
    )
    places.refresh_locations(locations)
    bodies = union(
        ids["body"],
        union(
            related(Location, "celestial_body_id", locations),
            related(LandingLocation, "celestial_body_id", ids["landing_location"]),
        ),
    )
    places.refresh_bodies(bodies)
    groups.refresh_groups(groups.CONFIGS, ids["config"], now)
    families = None
    if ids["config"] is not None and ids["family"] is not None:
        through = LauncherConfig.families.through.objects.all()
        families = set(ids["family"])
        for part in among(through, "launcherconfig_id", ids["config"]):
            families.update(part.values_list("launcherconfigfamily_id", flat=True))
    groups.refresh_groups(groups.FAMILIES, families, now)
    groups.refresh_groups(groups.AGENCIES, ids["agency"], now)


def behind(model, launches: str, now: datetime):
    """Ids of ``model`` rows holding more launches that have happened (through ``launches``)
    than their stored total counts: a planned launch of theirs has flown since."""
    passed = Count(launches, filter=Q(**{f"{launches}__net__lte": now}))
    return (
        model.objects.annotate(passed=passed)
        .filter(passed__gt=Coalesce("total_launch_count", 0))
        .values_list("id", flat=True)
    )


def due_keys(now: datetime) -> set:
    keys = {("pad", pk) for pk in behind(Pad, "launches", now)}
    keys |= {("config", pk) for pk in behind(LauncherConfig, "rockets__launch", now)}
    keys |= {("family", pk) for pk in behind(LauncherConfigFamily, "configs__rockets__launch", now)}
    keys |= {("agency", pk) for pk in behind(Agency, "launches", now)}
    launch = "stages__rocket__launch"
    late = (
        Launcher.objects.annotate(
            latest=Max(f"{launch}__net", filter=Q(**{f"{launch}__net__lte": now})),
            flown=Count("stages", filter=Q(**{f"{launch}__status_id__in": sorted(OUTCOMES)})),
        )
        .filter(flown__gte=Coalesce("flights", 0))
        .filter(
            Q(last_launch_date__isnull=True, latest__isnull=False)
            | Q(latest__gt=F("last_launch_date"))
        )
    )
    return keys | {("launcher", pk) for pk in late.values_list("id", flat=True)}


def refresh_due(now: datetime | None = None) -> int:
    """Store the figures that planned launches which have flown since change; how many records
    were due."""
    now = now or datetime.now(UTC)
    keys = due_keys(now)
    if keys:
        refresh(keys, now, launch_counts=False)
    return len(keys)
