"""Which requests a sync makes: a full refresh of every endpoint, or a quick one.

LL2 2.3.0 offers no "changed since" filter on any endpoint but ``launches/`` and ``events/``
(``last_updated__gte``), so no request can ask for exactly the other records that changed.
What changes from one day to the next is, however, easy to name with the filters the endpoints
do have, and a quick refresh asks only for that:

- ``spacecraft/?in_space=true``: spacecraft in space now, whose flights, mission ends,
  dockings and statistics are what moves;
- each spacecraft Hangar holds as in space that is no longer in that answer, by id: it came
  down since the last sync, and its record now carries the mission end;
- ``spacecraft/?ordering=-id``, until a page holds a spacecraft Hangar already has: the
  spacecraft added upstream since (usually one page);
- ``launches/?last_updated__gte=...`` from the last sync, less a day: the launches that changed,
  with everything they nest (usually one page);
- ``events/?last_updated__gte=...`` from the same instant: the events that changed, with the
  launches, expeditions, stations and astronauts they nest (usually one page);
- ``docking_events/?docking__gte=...`` from the oldest docking Hangar holds as still open (or
  the last sync, less a day, if none is), where this Hangar imports docking events.

The configurations, families and agencies nested in those records are refreshed with them. A
quick refresh misses corrections to records nothing above names, and a flight that went up and
came down between two syncs; the full refresh, which re-reads every endpoint, runs whenever the
last one is older than ``full_every`` (a week by default), and on demand.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta

from django.db.models import Min

from hangar.ingest.sync.endpoints import Endpoint, endpoints, importable
from hangar.spacecraft import models as m

DOCKING_MARGIN = timedelta(days=1)


@dataclass(frozen=True)
class Stream:
    """One run of requests: a list endpoint followed page by page, or one object."""

    name: str  # unique in the plan; names its page files
    path: str  # relative to /2.3.0/
    params: dict = field(default_factory=dict)  # besides limit and offset
    single: bool = False  # one object (``spacecraft/12/``, ``dashboard/starship/``), not a list
    until_known: bool = False  # stop at a page holding a record Hangar has

    @property
    def resource(self) -> str:
        return self.path.split("/", 1)[0] if self.single else self.path.rstrip("/")

    def label(self) -> str:
        query = "&".join(f"{key}={value}" for key, value in sorted(self.params.items()))
        return f"{self.path}?{query}" if query else self.path


def stream_for(endpoint: Endpoint) -> Stream:
    params = {"mode": endpoint.mode} if endpoint.mode else {}
    return Stream(endpoint.slug, endpoint.path, params, single=endpoint.single)


def full_plan(now: float, only: tuple[str, ...] = ()) -> dict:
    """Every endpoint of the table, or those named in ``only`` (a partial refresh, which
    does not count as the full one of the week)."""
    wanted = {path.strip("/") for path in only}
    unknown = wanted - {endpoint.resource for endpoint in endpoints()}
    if unknown:
        known = ", ".join(endpoint.path for endpoint in endpoints())
        raise ValueError(f"Not an endpoint Hangar syncs: {', '.join(sorted(unknown))}; {known}.")
    streams, notes = [], []
    for endpoint in endpoints():
        if wanted and endpoint.resource not in wanted:
            continue
        if importable(endpoint):
            streams.append(stream_for(endpoint))
        else:
            notes.append(
                f"{endpoint.label()}: skipped, this Hangar does not import "
                f"{endpoint.resource} records yet."
            )
    return new_plan("partial" if wanted else "full", streams, notes, now)


def quick_plan(now: float, last_sync: float, docking_importable: bool) -> dict:
    detailed = {"mode": "detailed"}
    streams = [
        Stream("spacecraft-in-space", "spacecraft/", {**detailed, "in_space": "true"}),
        Stream(
            "spacecraft-newest", "spacecraft/", {**detailed, "ordering": "-id"}, until_known=True
        ),
    ]
    # Launches and events have the one "changed since" filter: those updated since the last
    # sync (a margin before it), with the records they nest.
    updated = datetime.fromtimestamp(last_sync, UTC) - DOCKING_MARGIN
    changed = {"last_updated__gte": updated.strftime("%Y-%m-%dT%H:%M:%SZ")}
    streams.append(Stream("launches-updated", "launches/", {**detailed, **changed}))
    streams.append(Stream("events-updated", "events/", {**detailed, **changed}))
    if docking_importable:
        since = datetime.fromtimestamp(last_sync, UTC) - DOCKING_MARGIN
        oldest_open = m.DockingEvent.objects.filter(departure__isnull=True).aggregate(
            oldest=Min("docking")
        )["oldest"]
        if oldest_open is not None:
            since = min(since, oldest_open)
        params = {**detailed, "docking__gte": since.strftime("%Y-%m-%dT%H:%M:%SZ")}
        streams.append(Stream("docking-events-recent", "docking_events/", params))
    return new_plan("quick", streams, [], now)


def came_down(seen_in_space: set[int]) -> list[Stream]:
    """Spacecraft Hangar holds as in space that the upstream no longer lists there."""
    held = m.Spacecraft.objects.filter(in_space=True).values_list("id", flat=True)
    return [
        Stream(f"spacecraft-{pk}", f"spacecraft/{pk}/", single=True)
        for pk in sorted(set(held) - seen_in_space)
    ]


def choose_plan(
    history: dict, now: float, full: bool, full_every: float, only: tuple[str, ...] = ()
) -> dict:
    if only:
        return full_plan(now, only)
    last_full = history.get("last_full")
    if full or last_full is None or now - last_full >= full_every:
        return full_plan(now)
    if not m.Spacecraft.objects.exists():
        return full_plan(now)
    docking = importable(Endpoint("docking_events/", "detailed"))
    return quick_plan(now, history.get("last_sync", last_full), docking)


def new_plan(kind: str, streams: list[Stream], notes: list[str], now: float) -> dict:
    return {"kind": kind, "created": now, "streams": [asdict(s) for s in streams], "notes": notes}


def streams_of(plan: dict) -> list[Stream]:
    return [Stream(**stream) for stream in plan["streams"]]
