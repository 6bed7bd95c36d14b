"""The figures of places: pads, locations, celestial bodies and landing locations.

- A pad's ``total_launch_count`` counts its launches whose ``net`` has passed,
  ``orbital_launch_attempt_count`` the same without the suborbital ones; its
  ``fastest_turnaround_s`` is the smallest gap between two of those launches.
- A location's ``total_launch_count`` is the sum over its pads. Its ``total_landing_count`` is
  the sum of the attempted landings of the landing locations at it (inferred: LL2 does not say).
- A landing location's figures count the landings at it whose outcome is known:
  ``successful_landings`` (success), ``failed_landings`` (failure) and ``attempted_landings``
  their sum, as in LL2's data (inferred).
- A celestial body's ``successful_launches`` and ``failed_launches`` count the launches from
  pads on it (Success; Failure or Partial Failure), ``total_attempted_launches`` their sum; its
  landing figures are the sums over its landing locations, ``total_attempted_landings`` the
  sum of successes and failures.

Imported or computed: each figure set (a pad's, a location's launches or landings, a body's
launches or landings, a landing location's) is computed once Hangar holds something it is
computed from (a launch of the pad, a landing at the landing location, a pad of the location
with a total) and that is at least as large as its recorded total (the launches of a pad, the
sum over a location's pads); it is kept as imported until then. A sum over pads and landing
locations adds their stored figures, imported or computed, so that it is never smaller than
what they hold.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from django.db.models import Count, Q, Sum

from hangar.landings.models import Landing, LandingLocation
from hangar.launches.models import Launch
from hangar.launches.stats.figures import FAILURES, SUBORBITAL, SUCCESS, fastest_turnaround
from hangar.launches.stats.parts import among, update_rows
from hangar.places.models import CelestialBody, Location, Pad


def store(model, ids, compute, checks: dict[str, str]) -> None:
    """Compute the figures of these ``model`` rows (every one for None) with
    ``compute(row) -> {field: value}`` and store each figure set whose total (``checks``: the
    field that decides -> the fields it decides for, space separated) is at least the recorded
    one; a total of None (Hangar holds nothing it is computed from) keeps the set as it is."""
    changed, fields = [], set()
    for part in among(model.objects.all(), "id", ids):
        for row in part:
            figures = compute(row)
            wrote = False
            for total, decided in checks.items():
                if figures[total] is None or figures[total] < (getattr(row, total) or 0):
                    continue
                for name in decided.split():
                    if getattr(row, name) != figures[name]:
                        setattr(row, name, figures[name])
                        fields.add(name)
                        wrote = True
            if wrote:
                changed.append(row)
    update_rows(model, sorted(fields), changed)


PAD_FIELDS = "total_launch_count orbital_launch_attempt_count fastest_turnaround_s"


def refresh_pads(ids, now: datetime) -> None:
    launches = defaultdict(list)
    for part in among(Launch.objects.all(), "pad_id", ids):
        for pad, net, orbit in part.values_list("pad_id", "net", "mission__orbit__name"):
            launches[pad].append((net, orbit != SUBORBITAL))

    def compute(pad):
        held = launches.get(pad.id)
        mine = [(net, orbital) for net, orbital in held or [] if net <= now]
        return {
            "total_launch_count": len(mine) if held else None,
            "orbital_launch_attempt_count": sum(1 for _, orbital in mine if orbital),
            "fastest_turnaround_s": fastest_turnaround((net for net, _ in mine), now),
        }

    store(
        Pad,
        ids,
        compute,
        {"total_launch_count": PAD_FIELDS},
    )


def sums(model, group: str, ids, **totals) -> dict[int, dict]:
    found: dict[int, dict] = defaultdict(dict)
    for part in among(model.objects.all(), group, ids):
        for row in part.values(group).annotate(**totals).order_by():
            found[row.pop(group)] = row
    return found


def refresh_locations(ids) -> None:
    pads = sums(Pad, "location_id", ids, launches=Sum("total_launch_count"))
    landings = sums(LandingLocation, "location_id", ids, landings=Sum("attempted_landings"))

    def compute(location):
        return {
            "total_launch_count": pads.get(location.id, {}).get("launches"),
            "total_landing_count": landings.get(location.id, {}).get("landings"),
        }

    store(
        Location,
        ids,
        compute,
        {"total_launch_count": "total_launch_count", "total_landing_count": "total_landing_count"},
    )


def refresh_landing_locations(ids) -> None:
    found = sums(
        Landing,
        "landing_location_id",
        ids,
        successful=Count("id", filter=Q(attempt=True, success=True)),
        failed=Count("id", filter=Q(attempt=True, success=False)),
    )

    def compute(place):
        mine = found.get(place.id)
        successful, failed = (mine["successful"], mine["failed"]) if mine else (0, 0)
        return {
            "attempted_landings": successful + failed if mine else None,
            "successful_landings": successful,
            "failed_landings": failed,
        }

    store(
        LandingLocation,
        ids,
        compute,
        {"attempted_landings": "attempted_landings successful_landings failed_landings"},
    )


def refresh_bodies(ids) -> None:
    launches = sums(
        Launch,
        "pad__location__celestial_body_id",
        ids,
        held=Count("id"),
        successful=Count("id", filter=Q(status_id=SUCCESS)),
        failed=Count("id", filter=Q(status_id__in=sorted(FAILURES))),
    )
    landings = sums(
        LandingLocation,
        "celestial_body_id",
        ids,
        successful=Sum("successful_landings"),
        failed=Sum("failed_landings"),
    )

    def compute(body):
        flown, landed = launches.get(body.id, {}), landings.get(body.id, {})
        successes, failures = flown.get("successful") or 0, flown.get("failed") or 0
        landed_ok, landed_failed = landed.get("successful"), landed.get("failed")
        held = landed_ok is not None or landed_failed is not None
        landed_ok, landed_failed = landed_ok or 0, landed_failed or 0
        return {
            "total_attempted_launches": successes + failures if flown else None,
            "successful_launches": successes,
            "failed_launches": failures,
            "total_attempted_landings": landed_ok + landed_failed if held else None,
            "successful_landings": landed_ok,
            "failed_landings": landed_failed,
        }

    store(
        CelestialBody,
        ids,
        compute,
        {
            "total_attempted_launches": "total_attempted_launches successful_launches "
            "failed_launches",
            "total_attempted_landings": "total_attempted_landings successful_landings "
            "failed_landings",
        },
    )
