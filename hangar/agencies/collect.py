"""Agencies into the batch, wherever they are nested, even inside documents of other domains."""

from __future__ import annotations

import re
from collections.abc import Iterator

from hangar.agencies.inputs import AgencyIn
from hangar.agencies.models import Agency, AgencyType, Country
from hangar.core.collect import Collector
from hangar.images.collect import image

AGENCY_URL = re.compile(r"/agencies/\d+/")


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


def nested_agencies(document) -> Iterator[dict]:
    """Every object with an agency url, anywhere in a document of another domain."""
    if isinstance(document, dict):
        if isinstance(document.get("url"), str) and AGENCY_URL.search(document["url"]):
            yield document
        for value in document.values():
            yield from nested_agencies(value)
    elif isinstance(document, list):
        for item in document:
            yield from nested_agencies(item)


def documented_agencies(c: Collector, document, depth: int) -> None:
    """Agencies nested in a document of another domain (a launch's provider, an astronaut's
    agency): Hangar serves their urls, so it holds them too, as copies nested deeper than the
    document. A copy that does not validate stays in the document only."""
    for data in nested_agencies(document):
        nested = AgencyIn(data=data)
        if nested.is_valid():
            agency(c, nested.validated_data, depth + 1)
