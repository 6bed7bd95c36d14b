"""Landings and landing locations into the batch, each function returning the primary key of
what it collected."""

from __future__ import annotations

from hangar.core.collect import Collector
from hangar.images.collect import image
from hangar.landings.models import Landing, LandingLocation, LandingType
from hangar.places.collect import celestial_body, location


def landing_location(c: Collector, data: dict, depth: int):
    row = c.scalars(LandingLocation, data)
    c.related(row, data, "celestial_body", lambda d, n: celestial_body(c, d, n), depth)
    # LL2 nests the location without its body: the landing location names it.
    body = row.get("celestial_body_id")
    c.related(row, data, "location", lambda d, n: location(c, d, n, body=body), depth)
    c.related(row, data, "image", lambda d, n: image(c, d, n), depth)
    c.add(LandingLocation, data["id"], row, depth)
    return data["id"]


def landing(c: Collector, data: dict | None, depth: int):
    if data is None:
        return None
    row = c.scalars(Landing, data)
    row["landing_location_id"] = landing_location(c, data["landing_location"], depth + 1)
    row["type_id"] = c.lookup(LandingType, data["type"], depth + 1)
    c.add(Landing, data["id"], row, depth)
    return data["id"]
