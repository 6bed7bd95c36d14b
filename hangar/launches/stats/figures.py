"""The launch domain's statistics as plain functions of a few facts per launch or landing, with
no database: what ``counts``, ``vehicles``, ``places`` and ``agencies`` compute and store.

The definitions are LL2's (its 2.3.0 parameter texts, the Space Launch Now server it grew from,
real responses). Where LL2 does not say, a choice was made; each is marked *inferred*:

- A gap between launches is taken between distinct instants: launches at the same ``net`` share
  one turnaround (the previous launch is the latest one strictly earlier), as they share one
  count. A fastest turnaround is the smallest gap between consecutive launches that have
  happened (``net`` <= now), null with fewer than two (inferred).
- ``pending_launches`` counts statuses Go, TBD, Hold and TBC (inferred for TBC).
- A landing attempt whose outcome is still unknown (``success`` null) neither counts as a
  success nor breaks a run of successful landings (inferred).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import groupby, pairwise
from operator import itemgetter

SUCCESS = 3
FAILURES = frozenset({4, 7})  # Failure, Partial Failure
OUTCOMES = FAILURES | {SUCCESS}  # statuses of a launch that has flown: a booster's flights
PENDING = frozenset({1, 2, 5, 8})  # Go, TBD, Hold, TBC
SUBORBITAL = "Sub-Orbital"


def attempt_counts(launches: Iterable[tuple[Hashable, datetime]]) -> dict[Hashable, int]:
    """For each ``(key, net)``, how many of the launches have a ``net`` at or before its own:
    launches at the same instant share one value."""
    counts: dict[Hashable, int] = {}
    running = 0
    for _, same in groupby(sorted(launches, key=itemgetter(1)), key=itemgetter(1)):
        keys = [key for key, _ in same]
        running += len(keys)
        counts.update(dict.fromkeys(keys, running))
    return counts


def yearly_attempt_counts(launches: Iterable[tuple[Hashable, datetime]]) -> dict[Hashable, int]:
    """``attempt_counts`` restarted on 1 January (UTC) of each year."""
    launches = sorted(launches, key=lambda launch: launch[1].astimezone(UTC).year)
    counts: dict[Hashable, int] = {}
    for _, same in groupby(launches, key=lambda launch: launch[1].astimezone(UTC).year):
        counts.update(attempt_counts(same))
    return counts


def turnarounds(launches: Iterable[tuple[Hashable, datetime]]) -> dict[Hashable, int]:
    """Seconds from the latest strictly earlier launch to each launch; 0 for the first ones."""
    result: dict[Hashable, int] = {}
    previous: datetime | None = None
    for net, same in groupby(sorted(launches, key=itemgetter(1)), key=itemgetter(1)):
        gap = 0 if previous is None else whole_seconds(net - previous)
        result.update(dict.fromkeys((key for key, _ in same), gap))
        previous = net
    return result


def fastest_turnaround(nets: Iterable[datetime], now: datetime) -> int | None:
    """The smallest gap, in seconds, between consecutive distinct instants that have passed."""
    past = sorted({net for net in nets if net <= now})
    return min((whole_seconds(b - a) for a, b in pairwise(past)), default=None)


def whole_seconds(delta) -> int:
    return int(delta.total_seconds())


@dataclass(frozen=True)
class LaunchFacts:
    """What the figures of a configuration, family or agency need of one of its launches."""

    id: Hashable
    net: datetime
    status_id: int | None


@dataclass(frozen=True)
class LandingFacts:
    """One landing of a launch that has happened; ``order`` breaks ties of one ``net`` (two
    boosters of one launch)."""

    net: datetime
    order: Hashable
    attempt: bool | None
    success: bool | None


def launch_figures(launches: Sequence[LaunchFacts], now: datetime) -> dict[str, int]:
    """Totals of a group of launches (a configuration's, an agency's)."""
    flown = sorted(
        (launch for launch in launches if launch.status_id in OUTCOMES),
        key=lambda launch: (launch.net, str(launch.id)),
        reverse=True,
    )
    streak = 0
    for launch in flown:
        if launch.status_id != SUCCESS:
            break
        streak += 1
    return {
        "total_launch_count": sum(1 for launch in launches if launch.net <= now),
        "successful_launches": sum(1 for launch in launches if launch.status_id == SUCCESS),
        "failed_launches": sum(1 for launch in launches if launch.status_id in FAILURES),
        "pending_launches": sum(1 for launch in launches if launch.status_id in PENDING),
        "consecutive_successful_launches": streak,
    }


def landing_figures(landings: Iterable[LandingFacts], suffix: str = "") -> dict[str, int]:
    """Attempted, successful and failed landings, named with ``suffix`` (``_spacecraft``)."""
    attempted = [landing for landing in landings if landing.attempt]
    return {
        f"attempted_landings{suffix}": len(attempted),
        f"successful_landings{suffix}": sum(1 for x in attempted if x.success is True),
        f"failed_landings{suffix}": sum(1 for x in attempted if x.success is False),
    }


def consecutive_successful_landings(landings: Iterable[LandingFacts]) -> int:
    """Newest first, the successful attempts until the first failed one."""
    streak = 0
    for landing in sorted(landings, key=lambda x: (x.net, str(x.order)), reverse=True):
        if not landing.attempt or landing.success is None:
            continue
        if landing.success is False:
            break
        streak += 1
    return streak


@dataclass(frozen=True)
class StageFacts:
    """One first stage flown by a booster, on a launch at ``net``."""

    id: Hashable
    launch_id: Hashable
    net: datetime
    status_id: int | None
    landing_attempt: bool | None
    landing_success: bool | None


@dataclass(frozen=True)
class StageHistory:
    launcher_flight_number: int
    previous_flight_id: Hashable | None
    previous_flight_date: datetime | None
    turn_around_time_s: int | None


def booster_history(stages: Sequence[StageFacts]) -> dict[Hashable, StageHistory]:
    """Each stage's place in its booster's history: the launches in ``net`` order (then by
    id), every one counted, the planned ones too."""
    ordered = sorted(stages, key=lambda stage: (stage.net, str(stage.launch_id)))
    history = {}
    previous: StageFacts | None = None
    for number, stage in enumerate(ordered, start=1):
        history[stage.id] = StageHistory(
            launcher_flight_number=number,
            previous_flight_id=previous.launch_id if previous else None,
            previous_flight_date=previous.net if previous else None,
            turn_around_time_s=whole_seconds(stage.net - previous.net) if previous else None,
        )
        previous = stage
    return history


def booster_figures(
    stages: Sequence[StageFacts], history: dict[Hashable, StageHistory], now: datetime
) -> dict:
    """A booster's flights (launches that flew), its first and last launch, its landings and
    its fastest turnaround, over the launches that have happened."""
    past = [stage for stage in stages if stage.net <= now]
    landings = [
        LandingFacts(stage.net, stage.id, stage.landing_attempt, stage.landing_success)
        for stage in past
    ]
    gaps = [history[stage.id].turn_around_time_s for stage in past]
    figures = landing_figures(landings)
    return {
        "flights": sum(1 for stage in stages if stage.status_id in OUTCOMES),
        "first_launch_date": min((stage.net for stage in past), default=None),
        "last_launch_date": max((stage.net for stage in past), default=None),
        "attempted_landings": figures["attempted_landings"],
        "successful_landings": figures["successful_landings"],
        "fastest_turnaround_s": min((gap for gap in gaps if gap is not None), default=None),
    }
