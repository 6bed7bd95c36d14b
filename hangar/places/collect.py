"""Celestial bodies, locations and pads into the batch: one function per record kind, each
returning the primary key of what it collected. A location nested in its body's detail (or in a
landing location, which names the body itself) lacks its body, and a pad nested in its
location's detail its location: the caller says which they are."""

from __future__ import annotations

from hangar.agencies.collect import agency
from hangar.agencies.models import Country
from hangar.core.collect import Collector
from hangar.images.collect import image
from hangar.places.models import CelestialBody, CelestialBodyType, Location, Pad


def celestial_body(c: Collector, data: dict | None, depth: int):
    if data is None:
        return None
    row = c.scalars(CelestialBody, data)
    c.related(row, data, "type", c.lookup_of(CelestialBodyType), depth)
    c.related(row, data, "image", lambda d, n: image(c, d, n), depth)
    c.add(CelestialBody, data["id"], row, depth)
    for nested in data.get("locations", []):
        location(c, nested, depth + 1, body=data["id"])
    return data["id"]


def location(c: Collector, data: dict | None, depth: int, body=None):
    if data is None:
        return None
    row = c.scalars(Location, data)
    c.related(row, data, "celestial_body", lambda d, n: celestial_body(c, d, n), depth)
    if body is not None and "celestial_body" not in data:
        row["celestial_body_id"] = body
    c.related(row, data, "country", c.lookup_of(Country), depth)
    c.related(row, data, "image", lambda d, n: image(c, d, n), depth)
    c.add(Location, data["id"], row, depth)
    for nested in data.get("pads", []):
        pad(c, nested, depth + 1, location_id=data["id"])
    return data["id"]


def pad(c: Collector, data: dict | None, depth: int, location_id=None):
    if data is None:
        return None
    row = c.scalars(Pad, data)
    c.related(row, data, "country", c.lookup_of(Country), depth)
    c.related(row, data, "image", lambda d, n: image(c, d, n), depth)
    c.related(row, data, "location", lambda d, n: location(c, d, n), depth)
    if location_id is not None:
        row["location_id"] = location_id
    if "agencies" in data:
        agencies = [agency(c, nested, depth + 1) for nested in data["agencies"]]
        c.relate(Pad, "agencies", data["id"], agencies, depth)
    c.add(Pad, data["id"], row, depth)
    return data["id"]
