"""``events/``, ``events/upcoming/`` and ``events/previous/``: the windows of the three lists (the
24 hours upcoming keeps, ``hide_recent_previous``, detail views outside a window), every
documented filter, search and ordering against what the rows say, bad values, the levels'
shapes, and the import round trip."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from tests import event_factories as ef
from tests import factories as f
from tests import launch_factories as lf
from tests import models as m
from tests.test_launchers import all_ids, round_trip

EVENTS = "/2.3.0/events/"
UPCOMING = "/2.3.0/events/upcoming/"
PREVIOUS = "/2.3.0/events/previous/"
TYPES = "/2.3.0/config/event_types/"
NOW = datetime.fromisoformat("2030-06-15T12:00:00+00:00")


@pytest.fixture
def clock(monkeypatch):
    """The instant requests describe, frozen at ``NOW``."""
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    return NOW


# --- the windows --------------------------------------------------------------------------


@pytest.fixture
def dated(db, clock):
    """Events around ``NOW``: two days before, exactly a day before, an hour before, now, an
    hour after, and one without a date."""
    return {
        name: ef.event(None if offset is None else NOW + offset, name=name)
        for name, offset in [
            ("days ago", timedelta(days=-2)),
            ("a day ago", timedelta(hours=-24)),
            ("an hour ago", timedelta(hours=-1)),
            ("now", timedelta(0)),
            ("soon", timedelta(hours=1)),
            ("undated", None),
        ]
    }


def names(api, path: str, **params) -> list[str]:
    ids = all_ids(api, path, **params)
    by_id = dict(m.Event.objects.values_list("id", "name"))
    return [by_id[pk] for pk in ids]


def test_upcoming_keeps_the_last_24_hours_soonest_first(api, dated):
    assert names(api, UPCOMING) == ["a day ago", "an hour ago", "now", "soon"]


def test_hide_recent_previous_drops_the_last_24_hours(api, dated):
    assert names(api, UPCOMING, hide_recent_previous="true") == ["now", "soon"]
    assert names(api, UPCOMING, hide_recent_previous="false") == names(api, UPCOMING)


def test_previous_holds_what_is_dated_up_to_now_latest_first(api, dated):
    assert names(api, PREVIOUS) == ["now", "an hour ago", "a day ago", "days ago"]


def test_events_holds_them_all_by_date_undated_last(api, dated):
    assert names(api, EVENTS) == [
        "days ago",
        "a day ago",
        "an hour ago",
        "now",
        "soon",
        "undated",
    ]


def test_ties_in_date_are_broken_by_id(api, dated):
    twin = ef.event(NOW + timedelta(hours=1), name="soon too", id=1)
    assert all_ids(api, UPCOMING)[-2:] == [twin.pk, dated["soon"].pk]


@pytest.mark.parametrize(
    "path, name, status",
    [
        (UPCOMING, "days ago", 404),
        (UPCOMING, "a day ago", 200),
        (UPCOMING, "undated", 404),
        (PREVIOUS, "soon", 404),
        (PREVIOUS, "undated", 404),
        (PREVIOUS, "an hour ago", 200),
        (EVENTS, "undated", 200),
    ],
)
def test_a_detail_view_answers_from_its_list_window(api, dated, path, name, status):
    response = api.get(f"{path}{dated[name].pk}/", {"format": "json"})
    assert response.status_code == status
    if status == 200:
        assert response.json()["response_mode"] == "detailed"


# --- the catalog: filters, search, ordering -------------------------------------------------


@pytest.fixture(scope="module")
def catalog(django_db_setup, django_db_blocker):
    """Twelve rich events (six ahead, six behind), built once for the module in a transaction
    that is rolled back after its last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        launches = [lf.rich_launch(f.later(days=index + 1)) for index in range(3)]
        built = ef.event_catalog(6, {"planned": launches})
        # The events behind are spread over years, so that day, month and year tell them apart.
        for years, row in enumerate(built["events_previous"], start=1):
            row.date = row.last_updated = row.date - timedelta(days=400 * years)
            row.save(update_fields=["date", "last_updated"])
        events = [*built["events_upcoming"], *built["events_previous"]]
        yield {"events": sorted(events, key=lambda row: row.pk)}
        transaction.set_rollback(True)


@pytest.fixture
def served(catalog, db, api):
    return api


def expected(queryset, *ordering) -> list:
    """The ids ``events/`` answers for ``queryset``: by date (nulls last) unless ``ordering``
    says otherwise, ties by id."""
    ordering = ordering or (F("date").asc(nulls_last=True),)
    return list(queryset.order_by(*ordering, "id").values_list("id", flat=True))


def event(catalog, index: int) -> m.Event:
    return catalog["events"][index]


def instant(row: m.Event) -> str:
    return row.date.isoformat().replace("+00:00", "Z")


def agencies(catalog, *indexes) -> list[int]:
    return [event(catalog, i).agencies.get().pk for i in indexes]


def programs(catalog, *indexes) -> list[int]:
    return [event(catalog, i).program.get().pk for i in indexes]


def video(catalog, index: int) -> str:
    return m.VidURL.objects.get(event=event(catalog, index)).url


E = m.Event.objects
CASES = {
    "agency__ids": (
        lambda c: {"agency__ids": ",".join(map(str, agencies(c, 0, 1)))},
        lambda c: expected(E.filter(agencies__in=agencies(c, 0, 1)).distinct()),
    ),
    "date__gt": (
        lambda c: {"date__gt": instant(event(c, 3))},
        lambda c: expected(E.filter(date__gt=event(c, 3).date)),
    ),
    "date__gt__lt": (
        lambda c: {"date__gt__lt": instant(event(c, 3))},
        lambda c: expected(E.filter(date__lt=event(c, 3).date)),
    ),
    "date__lt": (
        lambda c: {"date__lt": instant(event(c, 3))},
        lambda c: expected(E.filter(date__lt=event(c, 3).date)),
    ),
    "date__gte": (
        lambda c: {"date__gte": instant(event(c, 3))},
        lambda c: expected(E.filter(date__gte=event(c, 3).date)),
    ),
    "date__lte": (
        lambda c: {"date__lte": instant(event(c, 3))},
        lambda c: expected(E.filter(date__lte=event(c, 3).date)),
    ),
    "day": (
        lambda c: {"day": f"{event(c, 2).date.day},{event(c, 9).date.day}"},
        lambda c: expected(E.filter(date__day__in=[event(c, 2).date.day, event(c, 9).date.day])),
    ),
    "month": (
        lambda c: {"month": event(c, 9).date.month},
        lambda c: expected(E.filter(date__month=event(c, 9).date.month)),
    ),
    "year": (
        lambda c: {"year": f"{event(c, 9).date.year},1999"},
        lambda c: expected(E.filter(date__year=event(c, 9).date.year)),
    ),
    "id": (
        lambda c: {"id": f"{event(c, 4).pk},{event(c, 1).pk}"},
        lambda c: expected(E.filter(pk__in=[event(c, 4).pk, event(c, 1).pk])),
    ),
    "last_updated__gte": (
        lambda c: {"last_updated__gte": instant(event(c, 8))},
        lambda c: expected(E.filter(last_updated__gte=event(c, 8).last_updated)),
    ),
    "last_updated__lte": (
        lambda c: {"last_updated__lte": instant(event(c, 8))},
        lambda c: expected(E.filter(last_updated__lte=event(c, 8).last_updated)),
    ),
    "program repeated": (
        lambda c: {"program": [str(p) for p in programs(c, 0, 5)]},
        lambda c: expected(E.filter(program__in=programs(c, 0, 5)).distinct()),
    ),
    "program comma-separated": (
        lambda c: {"program": ",".join(map(str, programs(c, 0, 5)))},
        lambda c: expected(E.filter(program__in=programs(c, 0, 5)).distinct()),
    ),
    "slug": (
        lambda c: {"slug": event(c, 6).slug},
        lambda c: [event(c, 6).pk],
    ),
    "type": (
        lambda c: {"type": 2},
        lambda c: expected(E.filter(type_id=2)),
    ),
    "type__ids": (
        lambda c: {"type__ids": "2,99"},
        lambda c: expected(E.filter(type_id__in=[2, 99])),
    ),
    "video_url": (
        lambda c: {"video_url": f"{video(c, 7)},{video(c, 10)}"},
        lambda c: expected(E.filter(pk__in=[event(c, 7).pk, event(c, 10).pk])),
    ),
    "search": (
        lambda c: {"search": event(c, 5).name.lower()},
        lambda c: expected(E.filter(name__icontains=event(c, 5).name)),
    ),
    "ordering -date": (
        lambda c: {"ordering": "-date"},
        lambda c: expected(E, F("date").desc(nulls_first=True)),
    ),
    "ordering last_updated": (
        lambda c: {"ordering": "last_updated"},
        lambda c: expected(E, F("last_updated").asc(nulls_last=True)),
    ),
    "ordering -last_updated": (
        lambda c: {"ordering": "-last_updated"},
        lambda c: expected(E, F("last_updated").desc(nulls_first=True)),
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_every_documented_filter_keeps_what_the_rows_say(served, catalog, case):
    params, answer = CASES[case]
    found = all_ids(served, EVENTS, **params(catalog))
    assert found == answer(catalog)
    assert 0 < len(found) < len(catalog["events"]) or case.startswith("ordering")


def test_the_filters_apply_within_a_window(served, catalog):
    """``type=2`` on previous: the events of that type dated up to now, latest first."""
    found = all_ids(served, PREVIOUS, type=2)
    assert found == expected(E.filter(type_id=2, date__lte=f.ago()), F("date").desc())


def test_an_event_with_two_matching_rows_is_listed_once(served, catalog):
    row = event(catalog, 0)
    second = f.agency()
    row.agencies.add(second)
    ids = f"{row.agencies.order_by('id').first().pk},{second.pk}"
    assert all_ids(served, EVENTS, agency__ids=ids).count(row.pk) == 1
    row.agencies.remove(second)


@pytest.mark.parametrize(
    "path, parameter, value",
    [
        (EVENTS, "date__gt", "yesterday"),
        (EVENTS, "date__lt", "soon"),
        (EVENTS, "type", "docking"),
        (EVENTS, "type", str(2**31)),
        (EVENTS, "agency__ids", "1,x"),
        (EVENTS, "year", "2020.5"),
        (PREVIOUS, "program", "apollo"),
        (UPCOMING, "hide_recent_previous", "maybe"),
        (UPCOMING, "mode", "everything"),
    ],
)
def test_a_malformed_value_is_a_400_naming_the_parameter(served, path, parameter, value):
    response = served.get(path, {parameter: value})
    assert response.status_code == 400
    assert list(response.json()) == [parameter]


def test_previous_offers_no_hide_recent_previous(served):
    response = served.get(PREVIOUS, {"hide_recent_previous": "maybe", "format": "json"})
    assert response.status_code == 200


# --- the levels ----------------------------------------------------------------------------


def test_each_level_nests_what_the_event_involves(served, catalog):
    row = event(catalog, 3)
    body = served.get(f"{EVENTS}{row.pk}/", {"format": "json"}).json()
    assert body["url"].startswith(f"http://testserver/2.3.0/events/{row.pk}/")
    assert body["duration"] == "PT1H"
    assert body["type"] == {"id": row.type_id, "name": row.type.name}
    assert [link["url"] for link in body["vid_urls"]] == [video(catalog, 3)]
    assert [update["comment"] for update in body["updates"]] == ["Confirmed."]
    assert [agency["id"] for agency in body["agencies"]] == agencies(catalog, 3)
    assert [launch["id"] for launch in body["launches"]] == [str(row.launches.get().pk)]
    assert [program["id"] for program in body["program"]] == programs(catalog, 3)
    listed = served.get(EVENTS, {"mode": "list", "id": row.pk, "format": "json"}).json()
    assert listed["results"][0]["response_mode"] == "list"
    assert "updates" not in listed["results"][0]
    normal = served.get(EVENTS, {"id": row.pk, "format": "json"}).json()["results"][0]
    assert normal["response_mode"] == "normal" and "agencies" not in normal


def test_event_types_search_and_ordering(served, catalog):
    body = served.get(TYPES, {"search": "spacew", "format": "json"}).json()
    assert [kind["id"] for kind in body["results"]] == [2]
    body = served.get(TYPES, {"ordering": "-name", "format": "json"}).json()
    assert [kind["id"] for kind in body["results"]][:2] == [2, 6]


# --- import ---------------------------------------------------------------------------------


def round_trip_catalog() -> None:
    launches = [lf.rich_launch(f.later(days=index + 1)) for index in range(2)]
    ef.event_catalog(2, {"planned": launches})


def test_events_round_trip_through_import(api, db):
    round_trip(api, [TYPES, EVENTS], round_trip_catalog)


def test_a_reimported_event_replaces_its_links_and_keeps_its_updates(api, db):
    from hangar.ingest.importer import import_documents

    row = ef.rich_event(f.later(days=1), {})
    body = api.get(f"{EVENTS}{row.pk}/", {"format": "json"}).json()
    body["vid_urls"] = body["vid_urls"][:0]
    body["info_urls"][0]["title"] = "Press kit"
    page = {"count": 1, "next": None, "previous": None, "results": [body]}
    import_documents([(EVENTS, {"request": f"GET {EVENTS}?mode=detailed", "response": page})])
    again = api.get(f"{EVENTS}{row.pk}/", {"format": "json"}).json()
    assert again["vid_urls"] == []
    assert [link["title"] for link in again["info_urls"]] == ["Press kit"]
    assert again["updates"] == body["updates"]


def test_a_quick_sync_asks_for_the_events_updated_since_the_last_one(db):
    from hangar.ingest.sync.plan import quick_plan, streams_of

    plan = quick_plan(NOW.timestamp(), NOW.timestamp(), docking_importable=False)
    (stream,) = [stream for stream in streams_of(plan) if stream.path == "events/"]
    assert stream.params == {"mode": "detailed", "last_updated__gte": "2030-06-14T12:00:00Z"}
