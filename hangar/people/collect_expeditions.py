"""Expeditions and spacewalks into the batch, wherever they are nested: on their endpoints, in a
station's active expeditions, in an event, in an astronaut's spacewalks.

A spacewalk's ``duration_s`` is computed from ``start`` and ``end`` where the record gives both,
else kept as imported. The event a spacewalk names is collected by the endpoint's collector
(``resources/spacewalks.py``): the events domain nests expeditions, so this module cannot
import it. A detailed mission patch's expeditions are not read: each expedition's own record
names its patches."""

from __future__ import annotations

from hangar.core.collect import Collector
from hangar.people.collect import crew
from hangar.people.models import Expedition, Spacewalk
from hangar.programs.collect import mission_patch, program
from hangar.spacecraft.collect import space_station, spacecraft_flight


def expedition(c: Collector, data: dict, depth: int, station=None):
    """An expedition; nested in its station (``station``, the station's id), it does not repeat
    the station."""
    row = c.scalars(Expedition, data)
    if station is not None:
        row["spacestation_id"] = station
    else:
        c.related(row, data, "spacestation", lambda d, n: space_station(c, d, n), depth)
    if "mission_patches" in data:
        patches = [mission_patch(c, patch, depth + 1) for patch in data["mission_patches"]]
        c.relate(Expedition, "mission_patches", data["id"], patches, depth)
    if "crew" in data:
        crew(c, Expedition, "crew", data["id"], data["crew"], depth)
    c.add(Expedition, data["id"], row, depth)
    for nested in data.get("spacewalks", []):
        # Inferred: the spacewalks an expedition lists were made during it.
        spacewalk(c, nested, depth + 1, expedition_id=data["id"])
    return data["id"]


def spacewalk(c: Collector, data: dict, depth: int, expedition_id=None):
    """A spacewalk at any level but its event (see the module); nested in its expedition
    (``expedition_id``), it does not repeat the expedition."""
    row = c.scalars(Spacewalk, data)
    if data.get("start") is not None and data.get("end") is not None:
        row["duration_s"] = int((data["end"] - data["start"]).total_seconds())
    c.related(row, data, "spacestation", lambda d, n: space_station(c, d, n), depth)
    # Inferred: an expedition nested without its station (``ExpeditionMini``) is aboard the
    # spacewalk's station.
    station = row.get("spacestation_id")
    c.related(
        row,
        data,
        "expedition",
        lambda d, n: expedition(c, d, n, station=None if "spacestation" in d else station),
        depth,
    )
    if expedition_id is not None:
        row["expedition_id"] = expedition_id
    c.related(row, data, "spacecraft_flight", lambda d, n: spacecraft_flight(c, d, n), depth)
    if "program" in data:
        programs = [program(c, nested, depth + 1) for nested in data["program"]]
        c.relate(Spacewalk, "program", data["id"], programs, depth)
    if "crew" in data:
        crew(c, Spacewalk, "crew", data["id"], data["crew"], depth)
    c.add(Spacewalk, data["id"], row, depth)
    return data["id"]
