"""Space stations served from their tables: what a station holds at the instant of the request
(active expeditions, the crew aboard, what is docked at each port), the filters and ordering on
those counts, and a real LL2 page imported and served identically."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from hangar.ingest.importer import import_files
from tests import expedition_factories as ef
from tests import factories as f
from tests import launch_factories as lf
from tests import models as m
from tests import people_factories as pf
from tests.conftest import DATA_DIR, sample
from tests.test_launches import same_documents, served

NOW = datetime(2025, 5, 1, 12, tzinfo=UTC)


@pytest.fixture
def clock(monkeypatch):
    """Freeze the instant requests describe."""

    def freeze(instant: datetime) -> datetime:
        monkeypatch.setattr(timezone, "now", lambda: instant)
        return instant

    freeze(NOW)
    return freeze


def get(api, path: str, **params) -> dict:
    response = api.get(path, {"format": "json", **params})
    assert response.status_code == 200, response.content[:300]
    return response.json()


def ids(api, path: str, **params) -> list:
    return [record["id"] for record in get(api, path, **params)["results"]]


def a_flight(docked: datetime) -> m.SpacecraftFlight:
    return f.flight(f.spacecraft(), docked - timedelta(hours=6))


@pytest.fixture
def station(db, clock):
    """A station with an active and an ended expedition (one astronaut in both), a port whose
    vehicle departed and one with a vehicle still docked."""
    row = f.space_station(onboard_crew=99, docked_vehicles=99)
    both, first, second = pf.astronaut(), pf.astronaut(), pf.astronaut()
    ended = ef.expedition(
        row, crew=[pf.seat(both), pf.seat(first)], start=NOW - timedelta(days=200)
    )
    m.Expedition.objects.filter(pk=ended.pk).update(end=NOW - timedelta(days=10))
    # The same astronaut in two seats of the active crew is one person aboard.
    crew = [pf.seat(both), pf.seat(second), pf.seat(second)]
    active = ef.expedition(row, crew=crew, start=NOW - timedelta(days=10))
    free, busy = f.docking_location(row, name="Free"), f.docking_location(row, name="Busy")
    gone = NOW - timedelta(days=30)
    departed = f.docking_between(a_flight(gone), free, gone, NOW - timedelta(days=1), station=row)
    docked = f.docking_between(a_flight(NOW - timedelta(days=3)), busy, NOW - timedelta(days=3))
    m.DockingEvent.objects.filter(pk=docked.pk).update(space_station_target=row)
    return {"station": row, "active": active, "ended": ended, "departed": departed}, {
        "free": free,
        "busy": busy,
        "docked": docked,
    }


def test_a_station_serves_what_it_holds_at_the_instant(api, station):
    held, ports = station
    body = get(api, f"/2.3.0/space_stations/{held['station'].pk}/")
    assert [e["id"] for e in body["active_expeditions"]] == [held["active"].pk]
    assert body["onboard_crew"] == 2
    assert body["docked_vehicles"] == 1
    served_ports = {port["name"]: port for port in body["docking_location"]}
    assert served_ports["Free"]["currently_docked"] is None
    assert served_ports["Busy"]["currently_docked"]["id"] == ports["docked"].pk
    assert [e["id"] for e in body["active_docking_events"]] == [ports["docked"].pk]
    normal = get(api, "/2.3.0/space_stations/", mode="normal")["results"][0]
    assert [e["id"] for e in normal["active_expeditions"]] == [held["active"].pk]


def test_what_a_station_holds_follows_the_clock(api, station, clock):
    held, ports = station
    path = f"/2.3.0/space_stations/{held['station'].pk}/"
    clock(NOW - timedelta(days=20))  # the first expedition under way, the first vehicle docked
    body = get(api, path)
    assert [e["id"] for e in body["active_expeditions"]] == [held["ended"].pk]
    assert [e["id"] for e in body["active_docking_events"]] == [held["departed"].pk]
    assert (body["onboard_crew"], body["docked_vehicles"]) == (2, 1)
    clock(NOW - timedelta(days=1))  # departure is exclusive: gone at that very instant
    assert get(api, path)["docked_vehicles"] == 1
    assert get(api, path)["active_docking_events"][0]["id"] == ports["docked"].pk


def test_a_station_without_its_expeditions_or_dockings_keeps_the_imported_counts(api, db, clock):
    row = f.space_station(onboard_crew=3, docked_vehicles=4)
    ef.expedition(row, start=NOW - timedelta(days=5))  # no crew: says nothing of who is aboard
    body = get(api, f"/2.3.0/space_stations/{row.pk}/")
    assert (body["onboard_crew"], body["docked_vehicles"]) == (3, 4)
    assert get(api, "/2.3.0/space_stations/", onboard_crew=3)["count"] == 1


def test_filters_and_ordering_read_the_counts_at_the_instant(api, db, clock):
    """Two stations: the first has two vehicles docked, then none after they leave; the second
    keeps one."""
    busy, steady = f.space_station(name="Busy"), f.space_station(name="Steady")
    port, other = f.docking_location(busy), f.docking_location(steady)
    leave = NOW + timedelta(days=1)
    for docked in (NOW - timedelta(days=2), NOW - timedelta(days=1)):
        f.docking_between(a_flight(docked), port, docked, leave, station=busy)
    f.docking_between(a_flight(NOW), other, NOW - timedelta(days=3), station=steady)
    path = "/2.3.0/space_stations/"
    assert ids(api, path, ordering="-docked_vehicles") == [busy.pk, steady.pk]
    assert ids(api, path, docked_vehicles__gte=2) == [busy.pk]
    clock(leave)
    assert ids(api, path, ordering="-docked_vehicles") == [steady.pk, busy.pk]
    assert ids(api, path, docked_vehicles__gte=2) == []
    assert ids(api, path, docked_vehicles=0) == [busy.pk]
    assert get(api, f"{path}{busy.pk}/")["docked_vehicles"] == 0


def test_stations_filter_by_the_id_of_their_orbit(api, db, clock):
    earth = lf.celestial_body()
    m.Orbit.objects.create(id=8, name="Low Earth Orbit", abbrev="LEO", celestial_body=earth)
    low, high = f.space_station(), f.space_station(orbit="Geostationary Orbit")
    assert ids(api, "/2.3.0/space_stations/", orbit=8) == [low.pk]
    assert ids(api, "/2.3.0/space_stations/", orbit=9) == []
    assert high.pk not in ids(api, "/2.3.0/space_stations/", orbit=8)


def test_the_station_statuses_are_served(api, db):
    f.space_station()
    assert get(api, "/2.3.0/config/space_station_statuses/")["results"] == [
        {"id": 1, "name": "Active"}
    ]


def test_the_iss_and_tiangong_page_matches_ll2(api, db, clock):
    """A real page, normal mode: both stations with their owners and the expedition active
    when it was saved (both began in April 2025, neither has ended), and each owner's
    countries in LL2's order."""
    path = DATA_DIR / "space-stations-list.json"
    import_files([path])
    expected = served(sample(path)["response"]["results"])
    actual = api.get("/2.3.0/space_stations/").json()["results"]
    # ESA's 23 member states come back in LL2's order, which is not their ids'.
    same_documents(actual, expected)
