"""``astronauts/``: the statistics as plain functions (an astronaut still in space, a missing
landing, spacewalks, a birthday today, a deceased astronaut), the filters and orderings against
what Python picks from the same rows, the detailed lists, crews on spacecraft flights, imports
of crews, and Chris Hadfield as LL2 serves him in list mode."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from hangar.ingest.importer import import_documents, import_files
from hangar.people import stats
from hangar.people.serializers.crew import age
from tests import factories as f
from tests import models as m
from tests import people_factories as pf
from tests.conftest import DATA_DIR, sample
from tests.test_launches import same_documents, served

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)
HADFIELD = DATA_DIR / "astronaut-5-list-mode.json"


# --- statistics as plain functions --------------------------------------------------------------


def test_an_astronaut_still_in_space_counts_up_to_now():
    up = NOW - 10 * DAY
    figures = stats.astronaut_statistics([NOW - 100 * DAY, up], [NOW - 90 * DAY], [], NOW)
    assert figures.flights_count == 2
    assert figures.landings_count == 1
    assert figures.in_space
    assert figures.time_in_space == 10 * DAY + 10 * DAY
    assert figures.open_flights == 1
    assert (figures.first_flight, figures.last_flight) == (NOW - 100 * DAY, up)


def test_flights_pair_with_landings_in_order_and_an_unmatched_one_counts_to_now():
    """Three flights, the second one's landing missing: the i-th flight pairs with the i-th
    landing, so the last flight (which landed) is the one left counting to now."""
    launches = [NOW - 300 * DAY, NOW - 200 * DAY, NOW - 100 * DAY]
    landings = [NOW - 290 * DAY, NOW - 90 * DAY]
    figures = stats.astronaut_statistics(launches, landings, [], NOW)
    assert figures.time_in_space == 10 * DAY + 110 * DAY + 100 * DAY
    assert figures.open_flights == 1
    assert not figures.in_space  # the last landing follows the last launch


def test_flights_without_any_landing_mean_in_space_and_planned_ones_are_due():
    planned = NOW + 5 * DAY
    figures = stats.astronaut_statistics([NOW - DAY, planned], [None], [], NOW)
    assert figures.in_space
    assert figures.flights_count == 1
    assert figures.landings_count == 0
    assert figures.due_at == planned


def test_eva_time_sums_the_spacewalks_that_have_begun():
    walks = [
        stats.SpacewalkTimes(NOW - 50 * DAY, 7 * 3600 + 600),
        stats.SpacewalkTimes(NOW - 40 * DAY, 7 * 3600 + 2400),
        stats.SpacewalkTimes(NOW + 3 * DAY, None),
    ]
    figures = stats.astronaut_statistics([], [], walks, NOW)
    assert figures.spacewalks_count == 2
    assert figures.eva_time_s == 14 * 3600 + 50 * 60  # Hadfield's PT14H50M
    assert figures.due_at == NOW + 3 * DAY


def test_age_turns_on_the_birthday_and_stops_at_death():
    epoch = int(NOW.timestamp())
    born_today = SimpleNamespace(date_of_birth=date(1970, 6, 1), date_of_death=None)
    tomorrow = SimpleNamespace(date_of_birth=date(1970, 6, 2), date_of_death=None)
    deceased = SimpleNamespace(date_of_birth=date(1930, 8, 5), date_of_death=date(2012, 8, 4))
    unknown = SimpleNamespace(date_of_birth=None, date_of_death=None)
    assert age(born_today, epoch) == 56
    assert age(tomorrow, epoch) == 55
    assert age(deceased, epoch) == 81
    assert age(unknown, epoch) is None


# --- a small catalog ----------------------------------------------------------------------------


@pytest.fixture
def clock(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    return NOW


def fly(person, launched, landed=None, craft=None):
    """A flight of ``person`` launched at ``launched`` and landed at ``landed`` (or still up)."""
    flight = f.flight(craft or f.spacecraft(), launched, landed)
    one = pf.seat(person)
    pf.crew(flight, "launch", [one])
    if landed is not None:
        pf.crew(flight, "landing", [one])
    return flight


def walk(person, start, hours):
    row = m.Spacewalk.objects.create(
        id=f.next_id(), name="EVA", start=start, duration_s=hours * 3600
    )
    m.SpacewalkCrewMember.objects.create(spacewalk=row, seat=pf.seat(person), position=0)
    return row


@pytest.fixture
def catalog(db, clock):
    canada = f.country(id=2, name="Canada")
    m.Country.objects.filter(pk=2).update(nationality_name="Canadian")
    c = SimpleNamespace()
    c.csa = f.agency(name="Canadian Space Agency", abbrev="CSA")
    c.up = pf.astronaut(name="Up There", date_of_birth=date(1980, 6, 1), agency=c.csa)
    fly(c.up, NOW - 400 * DAY, NOW - 380 * DAY)
    fly(c.up, NOW - 30 * DAY)
    c.veteran = pf.astronaut(name="Veteran", date_of_birth=date(1959, 8, 29))
    c.veteran.nationality.set([canada])
    for start in (400, 300, 200):
        fly(c.veteran, NOW - start * 30 * DAY, NOW - start * 30 * DAY + 100 * DAY)
    walk(c.veteran, NOW - 200 * 30 * DAY + 10 * DAY, 7)
    c.gone = pf.astronaut(
        name="Gone", date_of_birth=date(1930, 8, 5), date_of_death=date(2012, 8, 4)
    )
    fly(c.gone, NOW - 20000 * DAY, NOW - 19990 * DAY)
    c.rookie = pf.astronaut(
        name="Rookie", date_of_birth=None, status=pf.astronaut_status(id=3, name="In Training")
    )
    fly(c.rookie, NOW + 10 * DAY)  # planned
    c.dog = pf.astronaut(name="Laika", type=pf.astronaut_type(id=5, name="Non-Human"))
    c.people = [c.up, c.veteran, c.gone, c.rookie, c.dog]
    stats.refresh_astronauts([p.pk for p in c.people], NOW)
    for person in c.people:
        person.refresh_from_db()
    return c


def names(api, **params) -> list[str]:
    response = api.get("/2.3.0/astronauts/", {"limit": 100, **params})
    assert response.status_code == 200, response.json()
    return [row["name"] for row in response.json()["results"]]


def test_the_stored_statistics(catalog):
    up, veteran = catalog.up, catalog.veteran
    assert (up.flights_count, up.landings_count, up.in_space) == (2, 1, True)
    assert up.time_in_space_s == int((20 * DAY + 30 * DAY).total_seconds())
    assert (veteran.flights_count, veteran.in_space, veteran.spacewalks_count) == (3, False, 1)
    assert veteran.eva_time_s == 7 * 3600
    assert catalog.rookie.flights_count == 0
    assert catalog.rookie.stats_due_at == NOW + 10 * DAY


def test_time_in_space_is_served_and_ordered_at_the_second(api, catalog, monkeypatch):
    later = NOW + timedelta(hours=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    body = api.get(f"/2.3.0/astronauts/{catalog.up.pk}/").json()
    assert body["time_in_space"] == "P50DT1H"
    assert body["in_space"] is True
    # Descending, an astronaut without a time in space comes first, as on PostgreSQL.
    expected = sorted(
        catalog.people,
        key=lambda p: (
            p.time_in_space_s is not None,
            -((p.time_in_space_s or 0) + p.open_flights * 3600),
            p.pk,
        ),
    )
    assert names(api, ordering="-time_in_space") == [p.name for p in expected]


def test_in_space_has_flown_and_is_human(api, catalog):
    assert names(api, in_space="true") == ["Up There"]
    assert "Up There" not in names(api, in_space="false")
    assert names(api, has_flown="false") == ["Rookie", "Laika"]
    assert names(api, is_human="false") == ["Laika"]
    assert "Laika" not in names(api, is_human="true")


@pytest.mark.parametrize(
    ("params", "pick"),
    [
        ({"age": 46}, lambda p, a: a == 46),
        ({"age__gte": 66}, lambda p, a: a is not None and a >= 66),
        ({"age__lt": 50}, lambda p, a: a is not None and a < 50),
        ({"flights_count__gte": 2}, lambda p, a: (p.flights_count or 0) >= 2),
        ({"landings_count": 1}, lambda p, a: p.landings_count == 1),
        (
            {"date_of_birth__lt": "1960-01-01"},
            lambda p, a: p.date_of_birth < date(1960, 1, 1) if p.date_of_birth else False,
        ),
        ({"date_of_death__gte": "2000-01-01"}, lambda p, a: p.date_of_death is not None),
        (
            {"last_flight__gte": (NOW - 40 * DAY).isoformat()},
            lambda p, a: p.last_flight is not None and p.last_flight >= NOW - 40 * DAY,
        ),
        ({"nationality": "canadian"}, lambda p, a: p.name == "Veteran"),
        ({"search": "CSA"}, lambda p, a: p.name == "Up There"),
        ({"search": "Canadian"}, lambda p, a: p.name in {"Up There", "Veteran"}),
        ({"status_ids": "3"}, lambda p, a: p.name == "Rookie"),
        ({"type__id": 5}, lambda p, a: p.name == "Laika"),
    ],
)
def test_filters_match_what_python_picks(api, catalog, params, pick):
    epoch = int(NOW.timestamp())
    expected = [p.name for p in catalog.people if pick(p, age(p, epoch))]
    assert names(api, **params) == expected


def test_agency_ids_and_ordering_by_age(api, catalog):
    assert names(api, agency_ids=f"{catalog.csa.pk},1") == ["Up There"]
    epoch = int(NOW.timestamp())
    aged = sorted(catalog.people, key=lambda p: (age(p, epoch) is None, age(p, epoch) or 0, p.pk))
    assert names(api, ordering="age") == [p.name for p in aged]


def test_bad_values_are_errors_naming_the_parameter(api, catalog):
    for name, value in [("age__gt", "old"), ("in_space", "maybe"), ("agency_ids", "x")]:
        response = api.get("/2.3.0/astronauts/", {name: value})
        assert response.status_code == 400
        assert name in response.json()


def test_the_detailed_astronaut_lists_flights_landings_and_spacewalks(api, catalog):
    body = api.get(f"/2.3.0/astronauts/{catalog.veteran.pk}/").json()
    assert body["response_mode"] == "detailed"
    assert body["flights_count"] == 3
    assert [launch["net"] for launch in body["flights"]] == sorted(
        launch["net"] for launch in body["flights"]
    )
    assert len(body["landings"]) == 3
    assert [w["duration"] for w in body["spacewalks"]] == ["PT7H"]
    assert body["spacewalks"][0]["crew"][0]["astronaut"]["name"] == "Veteran"
    planned = api.get(f"/2.3.0/astronauts/{catalog.rookie.pk}/").json()
    assert planned["flights"] == []  # not launched yet


def test_modes_and_the_default(api, catalog):
    assert api.get("/2.3.0/astronauts/").json()["results"][0]["response_mode"] == "normal"
    listed = api.get("/2.3.0/astronauts/?mode=list").json()["results"][0]
    assert listed["response_mode"] == "list"
    assert "flights_count" not in listed


def test_a_planned_launch_that_has_come_is_served_before_the_refresh(api, catalog, monkeypatch):
    after = NOW + 11 * DAY
    monkeypatch.setattr(timezone, "now", lambda: after)
    body = api.get(f"/2.3.0/astronauts/{catalog.rookie.pk}/").json()
    assert body["in_space"] is True
    assert body["flights_count"] == 1
    assert body["time_in_space"] == "P1D"
    assert stats.refresh_due(after) == 1


# --- crews on spacecraft flights ----------------------------------------------------------------


def test_a_detailed_flight_serves_its_crews_in_order(api, db, clock):
    flight = f.flight(f.spacecraft(), NOW - 5 * DAY)
    commander, pilot = pf.seat(role=pf.role(1, "Commander")), pf.seat(role=pf.role(2, "Pilot"))
    pf.crew(flight, "launch", [pilot, commander])
    pf.crew(flight, "onboard", [commander])
    body = api.get(f"/2.3.0/spacecraft_flights/{flight.pk}/").json()
    assert [s["id"] for s in body["launch_crew"]] == [pilot.pk, commander.pk]
    assert body["launch_crew"][0]["role"]["role"] == "Pilot"
    assert body["launch_crew"][0]["astronaut"]["response_mode"] == "list"
    assert [s["id"] for s in body["onboard_crew"]] == [commander.pk]
    assert body["landing_crew"] == []
    crewed = api.get("/2.3.0/launches/", {"is_crewed": "true", "mode": "list"}).json()
    assert [row["id"] for row in crewed["results"]] == [str(flight.launch_id)]


def test_an_imported_flight_brings_its_crews(api, db, clock):
    """A detailed flight as served is imported back: the seats, roles and astronauts are rows,
    the crews keep their order, and the astronaut's statistics are computed from them."""
    flight = f.flight(f.spacecraft(), NOW - 5 * DAY)
    first, second = pf.seat(), pf.seat(role=pf.role(2, "Pilot"))
    pf.crew(flight, "launch", [second, first])
    document = api.get(f"/2.3.0/spacecraft_flights/{flight.pk}/").json()
    m.LaunchCrewMember.objects.all().delete()
    m.AstronautFlight.objects.all().delete()
    import_documents([("flight", document)], now=NOW)
    assert list(
        m.LaunchCrewMember.objects.filter(flight=flight).values_list("seat_id", flat=True)
    ) == [second.pk, first.pk]
    person = m.Astronaut.objects.get(pk=second.astronaut_id)
    assert (person.flights_count, person.in_space) == (1, True)
    again = api.get(f"/2.3.0/spacecraft_flights/{flight.pk}/").json()
    seats = [(s["id"], s["role"], s["astronaut"]["name"]) for s in again["launch_crew"]]
    assert seats == [(s["id"], s["role"], s["astronaut"]["name"]) for s in document["launch_crew"]]
    assert again["launch_crew"][0]["astronaut"]["time_in_space"] == "P5D"  # computed now


# --- Chris Hadfield, as LL2 serves him --------------------------------------------------------


def test_hadfield_matches_ll2_in_list_mode(api, db, monkeypatch):
    """Imported from one object of a list page; his figures are kept as imported (Hangar holds
    none of his crews). The page was saved while he was 66."""
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 3, 1, tzinfo=UTC))
    import_files([HADFIELD])
    expected = served(sample(HADFIELD)["response"])
    body = api.get("/2.3.0/astronauts/?mode=list").json()
    assert body["count"] == 1
    same_documents(body["results"][0], expected)
    normal = api.get("/2.3.0/astronauts/5/?format=json").json()
    assert normal["time_in_space"] == "P165DT16H19M"
    assert normal["eva_time"] == "PT14H50M"


def test_the_data_quality_report_names_astronaut_figures_that_differ(catalog):
    """The upstream's figures against those computed from the crews held, as of the instant
    the page was fetched: a growing time in space within the fetch is no difference."""
    from hangar.ingest.verify import differences
    from hangar.ll2.durations import format_seconds

    up, veteran = catalog.up, catalog.veteran
    fetched = NOW.timestamp()
    growing = format_seconds(up.time_in_space_s + 5)
    delivered = [
        {"id": up.pk, "name": up.name, "flights_count": 2, "time_in_space": growing},
        {"id": veteran.pk, "name": veteran.name, "flights_count": 4, "eva_time": "PT7H"},
    ]
    page = {
        "request": "GET /2.3.0/astronauts/?limit=100&mode=detailed",
        "fetched": [fetched, fetched + 10],
        "response": {"count": 2, "next": None, "previous": None, "results": delivered},
    }
    lines = [difference.line() for difference in differences([page])]
    assert lines == [f"astronaut {veteran.pk} (Veteran): flights_count: ours 3, theirs 4"]
