"""Payloads and their flights into the batch, wherever they are nested (a docking event's target
or chaser, a launch's rocket, their own endpoints)."""

from __future__ import annotations

from hangar.agencies.collect import agency
from hangar.core.collect import Collector
from hangar.images.collect import image
from hangar.landings.collect import landing
from hangar.launches.collect import launch
from hangar.payloads.models import Payload, PayloadFlight, PayloadType
from hangar.programs.collect import program


def payload(c: Collector, data: dict, depth: int):
    row = c.scalars(Payload, data)
    row["type_id"] = c.lookup(PayloadType, data["type"], depth + 1)
    row["manufacturer_id"] = agency(c, data["manufacturer"], depth + 1)
    row["operator_id"] = agency(c, data["operator"], depth + 1)
    c.related(row, data, "image", lambda d, n: image(c, d, n), depth)
    if "program" in data:
        programs = [program(c, nested, depth + 1) for nested in data["program"]]
        c.relate(Payload, "program", data["id"], programs, depth)
    c.add(Payload, data["id"], row, depth)
    return data["id"]


def payload_flight(c: Collector, data: dict | None, depth: int, launch_id=None):
    """A payload flight; nested in its launch's rocket it does not repeat the launch, whose id
    is ``launch_id``."""
    if data is None:
        return None
    row = c.scalars(PayloadFlight, data)
    row["payload_id"] = payload(c, data["payload"], depth + 1)
    if launch_id is not None:
        row["launch_id"] = launch_id
    else:
        c.related(row, data, "launch", lambda d, n: launch(c, d, n), depth)
    c.related(row, data, "landing", lambda d, n: landing(c, d, n), depth)
    c.add(PayloadFlight, data["id"], row, depth)
    return data["id"]
