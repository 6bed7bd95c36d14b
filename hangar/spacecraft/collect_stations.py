"""The station as ``space_stations/`` serves it into the batch, with its active expeditions:
apart from ``collect.py`` because the people domain, whose expeditions nest stations, builds on
that module."""

from __future__ import annotations

from hangar.core.collect import Collector
from hangar.people.collect_expeditions import expedition
from hangar.spacecraft.collect import space_station


def space_station_endpoint(c: Collector, data: dict, depth: int):
    """A station of the endpoint; its active expeditions do not repeat it. Only what they say
    is kept (they name no crew): what is active at an instant is computed from their ``start``
    and ``end``, not from the list."""
    pk = space_station(c, data, depth)
    for nested in data.get("active_expeditions", []):
        expedition(c, nested, depth + 1, station=pk)
    return pk
