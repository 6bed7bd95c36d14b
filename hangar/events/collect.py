"""Events into the batch, with their links and updates (rows of the launch domain's tables that
point at the event) and the records they involve."""

from __future__ import annotations

from hangar.agencies.collect import agency
from hangar.core.collect import Collector
from hangar.events import models as m
from hangar.images.collect import image
from hangar.launches import models as launches
from hangar.launches.collect import launch, links
from hangar.people.collect import astronaut
from hangar.people.collect_expeditions import expedition
from hangar.programs.collect import program
from hangar.spacecraft.collect import space_station

# The event's many-to-many lists: (field of the record and of the model, collector).
RELATIONS = (
    ("agencies", agency),
    ("launches", launch),
    ("expeditions", expedition),
    ("spacestations", space_station),
    ("program", program),
    ("astronauts", astronaut),
)


def event(c: Collector, data: dict, depth: int):
    pk = data["id"]
    row = c.scalars(m.Event, data)
    c.related(row, data, "type", c.lookup_of(m.EventType), depth)
    c.related(row, data, "date_precision", c.lookup_of(launches.NetPrecision), depth)
    c.related(row, data, "image", lambda d, n: image(c, d, n), depth)
    for name, collect in RELATIONS:
        if name in data:
            # ``program`` and ``astronauts`` may be null in the document: no records.
            targets = [collect(c, item, depth + 1) for item in data[name] or []]
            c.relate(m.Event, name, pk, targets, depth)
    c.add(m.Event, pk, row, depth)
    for item in data.get("updates", []):
        c.add(
            launches.Update,
            item["id"],
            {**c.scalars(launches.Update, item), "event_id": pk},
            depth + 1,
        )
    for name, model in (("info_urls", launches.InfoURL), ("vid_urls", launches.VidURL)):
        if name in data:
            links(c, model, "event_id", pk, data[name], depth + 1)
    return pk
