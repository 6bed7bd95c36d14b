"""The counts on each launch (``orbital_launch_attempt_count`` and its location, pad and agency
siblings, all-time and in the launch's year) and ``pad_turnaround_s``.

Each count of a launch is the number of launches of its scope (every orbital launch, or those of
its location, pad or launch service provider) whose ``net`` is at or before its own, the launch
included, whatever their status, the planned ones too; launches at the same ``net`` share one
value. A launch is orbital unless its mission's orbit is "Sub-Orbital" (a launch without a
mission or orbit counts as orbital); a suborbital launch has no orbital count. A launch's pad
turnaround is its ``net`` minus that of the latest earlier launch of its pad, 0 for the pad's
first.

Imported or computed, per scope: the counts of one scope (one pad, one agency, every orbital
launch) are computed once Hangar holds at least as many launches of it as the highest count any
of them carries, so a record that counts launches Hangar lacks keeps the values it came with;
the year counts and the pad turnaround follow the decision of their scope. Comparing with the
highest count, rather than launch by launch, lets a planned launch move past others without
freezing their counts. A scope that loses a launch (moved to another pad, made suborbital) holds
fewer launches than its highest stored count: its counts stay as they were until a new launch
makes the numbers meet again.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q

from hangar.launches.models import Launch
from hangar.launches.stats.figures import (
    SUBORBITAL,
    attempt_counts,
    turnarounds,
    yearly_attempt_counts,
)
from hangar.launches.stats.parts import update_rows

SCOPES = ("orbital", "location", "pad", "agency")
COUNT_FIELDS = [
    *(f"{scope}_launch_attempt_count" for scope in SCOPES),
    *(f"{scope}_launch_attempt_count_year" for scope in SCOPES),
]
FIELDS = [*COUNT_FIELDS, "pad_turnaround_s"]
SCOPE_COLUMNS = {
    "location": "pad__location_id",
    "pad": "pad_id",
    "agency": "launch_service_provider_id",
}


@dataclass
class LaunchRow:
    id: object
    net: datetime
    orbital: bool
    scope: dict  # scope name -> the id of its group (None: the launch has none)
    stored: dict  # field -> stored value


def launch_rows(groups: dict[str, set] | None) -> list[LaunchRow]:
    """The launches of these groups (every launch when ``groups`` is None), in one query."""
    query = Launch.objects.all()
    if groups is not None:
        wanted = Q(pk__in=[])
        for scope, column in SCOPE_COLUMNS.items():
            if groups.get(scope):
                wanted |= Q(**{f"{column}__in": sorted(groups[scope])})
        query = query.filter(wanted)
    columns = ["id", "net", "mission__orbit__name", *SCOPE_COLUMNS.values(), *FIELDS]
    rows = []
    for values in query.values_list(*columns).iterator(chunk_size=2000):
        record = dict(zip(columns, values, strict=True))
        rows.append(
            LaunchRow(
                id=record["id"],
                net=record["net"],
                orbital=record["mission__orbit__name"] != SUBORBITAL,
                scope={scope: record[column] for scope, column in SCOPE_COLUMNS.items()},
                stored={name: record[name] for name in FIELDS},
            )
        )
    return rows


def scope_counts(scope: str, members: list[LaunchRow]) -> dict[object, dict] | None:
    """The computed values of one group's launches, or None while Hangar holds fewer launches
    of it than the highest count they carry."""
    field = f"{scope}_launch_attempt_count"
    counted = [row for row in members if row.orbital] if scope == "orbital" else members
    highest = max((row.stored[field] or 0 for row in counted), default=0)
    if len(counted) < highest:
        return None
    keyed = [(row.id, row.net) for row in counted]
    total, yearly = attempt_counts(keyed), yearly_attempt_counts(keyed)
    values = {row.id: {field: None, f"{field}_year": None} for row in members}
    for key in total:
        values[key] = {field: total[key], f"{field}_year": yearly[key]}
    if scope == "pad":
        for key, gap in turnarounds(keyed).items():
            values[key]["pad_turnaround_s"] = gap
    return values


def refresh_counts(groups: dict[str, set] | None, orbital: bool) -> int:
    """Recompute and store the counts of the launches in these groups (scope -> group ids;
    None: every group), the orbital counts of every launch too if ``orbital``; how many
    launches changed."""
    rows = launch_rows(None if orbital or groups is None else groups)
    computed: dict[object, dict] = defaultdict(dict)
    for scope in SCOPES:
        if scope == "orbital":
            if not orbital:
                continue
            by_group = {None: rows}
        else:
            by_group = defaultdict(list)
            wanted = None if groups is None else groups.get(scope, set())
            for row in rows:
                key = row.scope[scope]
                if key is not None and (wanted is None or key in wanted):
                    by_group[key].append(row)
        for members in by_group.values():
            for key, values in (scope_counts(scope, members) or {}).items():
                computed[key].update(values)
    changed = []
    for row in rows:
        values = computed.get(row.id)
        if values and any(row.stored[name] != value for name, value in values.items()):
            changed.append(Launch(id=row.id, **{**row.stored, **values}))
    update_rows(Launch, FIELDS, changed)
    return len(changed)
