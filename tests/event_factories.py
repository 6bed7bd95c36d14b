"""Factories of the events domain's records."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests import factories as f
from tests import models as m


def event_type(id: int = 1, name: str = "Docking") -> m.EventType:
    return m.EventType.objects.get_or_create(id=id, defaults={"name": name})[0]


def precision() -> m.NetPrecision:
    return m.NetPrecision.objects.get_or_create(id=0, defaults={"name": "Second", "abbrev": "SEC"})[
        0
    ]


def links(row: m.Event, url: str | None = None) -> None:
    """An info and a video link (with type and language) of an event; ``url`` is the video's."""
    language = m.Language.objects.get_or_create(id=1, defaults={"name": "English", "code": "en"})[0]
    info_type = m.InfoURLType.objects.get_or_create(id=1, defaults={"name": "Official"})[0]
    vid_type = m.VidURLType.objects.get_or_create(id=1, defaults={"name": "Official Webcast"})[0]
    m.InfoURL.objects.create(
        event=row, url=f"https://example.org/event-{row.pk}", type=info_type, language=language
    )
    m.VidURL.objects.create(
        event=row,
        url=url or f"https://example.org/event-{row.pk}/webcast",
        type=vid_type,
        language=language,
        live=True,
    )


def event(date: datetime | None = None, **fields) -> m.Event:
    """A bare event (no links, updates or relations) at ``date``."""
    pk = fields.pop("id", None) or f.next_id()
    fields.setdefault("name", f"Event {pk}")
    fields.setdefault("slug", f"event-{pk}")
    fields.setdefault("type", event_type())
    fields.setdefault("last_updated", date or f.ago())
    return m.Event.objects.create(id=pk, date=date, **fields)


def rich_event(date: datetime, related: dict, **fields) -> m.Event:
    """An event nesting every kind of object its levels serve: an image with a variant, a
    precision, links, an update and one record of each list in ``related`` (name of the
    relation -> records)."""
    row = event(
        date,
        image=f.image(variants=1),
        date_precision=precision(),
        duration_s=3600,
        location="Low Earth Orbit",
        **fields,
    )
    links(row)
    m.Update.objects.create(id=f.next_id(), event=row, comment="Confirmed.", created_on=date)
    for name, records in related.items():
        getattr(row, name).set(records)
    return row


def event_catalog(number: int, built: dict) -> dict:
    """``number`` events in the future and ``number`` in the past (so that
    ``events/upcoming/`` and ``events/previous/`` have full pages), each a ``rich_event``
    involving one of the catalog's agencies, planned launches and programs, and of its
    expeditions, stations and astronauts where it holds them. Their types alternate between
    the first two of ``number`` event types."""
    launches = built["planned"]
    agencies = [launch.launch_service_provider for launch in launches]
    programs = list(m.Program.objects.order_by("id")[:number])
    others = {
        "expeditions": built.get("expeditions") or [],
        "spacestations": built.get("stations") or [],
        "astronauts": built.get("astronauts") or [],
    }
    kinds = [event_type(), event_type(2, "Spacewalk")]
    for pk in range(3, number + 1):  # a full page of ``config/event_types/``
        event_type(pk, f"Event type {pk}")
    now = f.ago()
    upcoming, previous = [], []
    for index in range(2 * number):
        future = index < number
        offset = timedelta(days=index % number + 1, hours=index)
        pick = index % number
        related = {
            "agencies": [agencies[pick % len(agencies)]],
            "launches": [launches[pick % len(launches)]],
            "program": [programs[pick % len(programs)]],
            **{name: [rows[pick % len(rows)]] for name, rows in others.items() if rows},
        }
        row = rich_event(now + offset if future else now - offset, related, type=kinds[index % 2])
        (upcoming if future else previous).append(row)
    return {"events_upcoming": upcoming, "events_previous": previous}
