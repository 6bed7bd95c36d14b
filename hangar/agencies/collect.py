"""Agencies into the batch, wherever they are nested."""

from __future__ import annotations

from hangar.agencies.models import Agency, AgencyType, Country
from hangar.core.collect import Collector
from hangar.images.collect import image


def agency(c: Collector, data: dict | None, depth: int):
    if data is None:
        return None
    row = c.scalars(Agency, data)
    c.related(row, data, "type", c.lookup_of(AgencyType), depth)
    for name in ("image", "logo", "social_logo"):
        c.related(row, data, name, lambda d, n: image(c, d, n), depth)
    if "country" in data:
        countries = [c.lookup(Country, country, depth + 1) for country in data["country"]]
        c.relate(Agency, "countries", data["id"], countries, depth)
    c.add(Agency, data["id"], row, depth)
    return data["id"]
