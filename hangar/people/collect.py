"""Astronauts and crews into the batch: one function per record kind, each returning the primary
key of what it collected. ``crew`` collects an ordered crew (a flight's launch crew, an
expedition's crew) and relates it in LL2's order. The endpoint's detailed record (flights,
landings, spacewalks) is collected in ``resources/astronauts.py``."""

from __future__ import annotations

from hangar.agencies.collect import agency
from hangar.agencies.models import Country
from hangar.core.collect import Collector
from hangar.images.collect import image
from hangar.people import models as m


def social_media(c: Collector, data: dict, depth: int):
    row = c.scalars(m.SocialMedia, data)
    c.related(row, data, "logo", lambda d, n: image(c, d, n), depth)
    c.add(m.SocialMedia, data["id"], row, depth)
    return data["id"]


def astronaut(c: Collector, data: dict, depth: int):
    row = c.scalars(m.Astronaut, data)
    c.related(row, data, "status", c.lookup_of(m.AstronautStatus), depth)
    c.related(row, data, "type", c.lookup_of(m.AstronautType), depth)
    c.related(row, data, "agency", lambda d, n: agency(c, d, n), depth)
    c.related(row, data, "image", lambda d, n: image(c, d, n), depth)
    if "nationality" in data:
        countries = [c.lookup(Country, country, depth + 1) for country in data["nationality"]]
        c.relate(m.Astronaut, "nationality", data["id"], countries, depth)
    c.add(m.Astronaut, data["id"], row, depth)
    for link in data.get("social_media_links", []):
        values = c.scalars(m.SocialMediaLink, link)
        values["astronaut_id"] = data["id"]
        values["social_media_id"] = social_media(c, link["social_media"], depth + 2)
        c.add(m.SocialMediaLink, link["id"], values, depth + 1)
    return data["id"]


def seat(c: Collector, data: dict, depth: int):
    """A seat (``AstronautFlight``): an astronaut in a role."""
    row = {
        "role_id": c.lookup(m.AstronautRole, data["role"], depth + 1),
        "astronaut_id": astronaut(c, data["astronaut"], depth + 1),
    }
    c.add(m.AstronautFlight, data["id"], row, depth)
    return data["id"]


def crew(c: Collector, model, name: str, pk, seats: list | None, depth: int) -> None:
    """The crew ``name`` of the ``model`` record ``pk`` (``SpacecraftFlight``,
    ``"launch_crew"``): its seats, related in the order given. ``None`` (a record that does not
    give the crew) leaves the crew held as it is."""
    if seats is None:
        return
    ids = [seat(c, data, depth + 1) for data in seats]
    c.relate(model, name, pk, ids, depth)
