"""Factories of the dashboard domain's records: program 1 (Starship) with launches and events on
both sides of an instant, boosters and spacecraft that fly on them, updates, road closures,
notices and live streams."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests import event_factories as ef
from tests import factories as f
from tests import launch_factories as lf
from tests import models as m

STARSHIP = 1


def starship() -> m.Program:
    found = m.Program.objects.filter(id=STARSHIP).first()
    return found or lf.program(id=STARSHIP, name="Starship", image=f.image())


def road_closure_status(id: int = 1, name: str = "Closure Scheduled") -> m.RoadClosureStatus:
    return m.RoadClosureStatus.objects.get_or_create(id=id, defaults={"name": name})[0]


def notice_type(id: int = 1, name: str = "Notice to Mariners") -> m.NoticeType:
    return m.NoticeType.objects.get_or_create(id=id, defaults={"name": name})[0]


def road_closure(start: datetime, end: datetime, **fields) -> m.RoadClosure:
    pk = fields.pop("id", None) or f.next_id()
    fields.setdefault("title", f"Road closure {pk}")
    fields.setdefault("status", road_closure_status())
    fields.setdefault("program", starship())
    return m.RoadClosure.objects.create(id=pk, window_start=start, window_end=end, **fields)


def notice(date: datetime, **fields) -> m.Notice:
    pk = fields.pop("id", None) or f.next_id()
    fields.setdefault("type", notice_type())
    fields.setdefault("url", f"https://example.org/notice-{pk}.pdf")
    fields.setdefault("program", starship())
    return m.Notice.objects.create(id=pk, date=date, **fields)


def starship_launch(net: datetime) -> m.Launch:
    """A ``rich_launch`` (with a booster as its first stage) of program 1 and its own."""
    row = lf.rich_launch(net)
    row.program.add(starship())
    return row


def dashboard_catalog(number: int, built: dict, now: datetime | None = None) -> dict:
    """What the Starship dashboard shows, around ``now`` (the real instant by default), of the
    same small size whatever ``number``: the dashboard is one object, not a list to fill.

    Launches an hour ago (in both windows), a day and a week ahead, two and ten days behind;
    events a day and a week ahead, two days and a week behind; a spacecraft flying on a previous
    launch; two program updates; road closures that ended an hour ago, that end tomorrow and
    that start in two days; notices of yesterday, of the start of today and of tomorrow; two
    live streams. A launch and an event of another program are not shown."""
    now = now or datetime.now(UTC)
    lf.celestial_body(image=f.image())  # Earth, which every pad and landing site is on
    site = f.landing_location()
    if site.location_id is None:
        site.location = lf.location()
        site.save()
    program = starship()
    ahead = [starship_launch(now + timedelta(days=days)) for days in (1, 7)]
    recent = starship_launch(now - timedelta(hours=1))
    behind = [recent, *(starship_launch(now - timedelta(days=days)) for days in (2, 10))]
    lf.rich_launch(now + timedelta(days=2))  # another program's
    others = m.Program.objects.exclude(id=STARSHIP).order_by("id")[:1]
    events_ahead, events_behind = [], []
    for days in (1, 7):
        related = {"program": [program], "launches": [ahead[0]]}
        events_ahead.append(ef.rich_event(now + timedelta(days=days), related))
    for days in (2, 7):
        related = {"program": [program], "launches": [behind[1]]}
        events_behind.append(ef.rich_event(now - timedelta(days=days), related))
    ef.rich_event(now + timedelta(days=3), {"program": list(others)})
    craft = f.rich_spacecraft(1, flights=0)[0]
    flight = f.flight(craft, None, now - timedelta(days=1), with_landing=True, launch=behind[1])
    updates = [
        m.Update.objects.create(
            id=f.next_id(),
            program=program,
            comment=f"Starship update {index}",
            created_by="Hangar",
            created_on=now - timedelta(hours=index),
        )
        for index in (3, 5)
    ]
    closures = [
        road_closure(now - timedelta(days=1), now - timedelta(hours=1)),
        road_closure(now - timedelta(hours=2), now + timedelta(days=1)),
        road_closure(now + timedelta(days=2), now + timedelta(days=2, hours=8)),
    ]
    today = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    notices = [notice(today - timedelta(hours=12)), notice(today), notice(today + timedelta(1))]
    streams = [
        m.LiveStream.objects.create(
            program=program,
            position=position,
            title=f"Starbase live {position}",
            description="Around the clock",
            image="https://example.org/starbase.jpg",
            url=f"https://example.org/live-{position}",
        )
        for position in (0, 1)
    ]
    from hangar.spacecraft import stats

    stats.refresh_spacecraft([craft.pk])
    return {
        "starship": program,
        "starship_ahead": ahead,
        "starship_behind": behind,
        "starship_events_ahead": events_ahead,
        "starship_events_behind": events_behind,
        "starship_flight": flight,
        "starship_updates": updates,
        "road_closures": closures,
        "notices": notices,
        "live_streams": streams,
    }
