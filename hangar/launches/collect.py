"""Launches into the batch."""

from hangar.agencies.collect import documented_agencies
from hangar.core.collect import Collector
from hangar.launches.models import Launch, LaunchStatus


def launch(c: Collector, data: dict, depth: int):
    row = c.scalars(Launch, data)
    c.related(row, data, "status", c.lookup_of(LaunchStatus), depth)
    c.add(Launch, data["id"], row, depth)
    documented_agencies(c, data.get("document"), depth)
    return data["id"]
