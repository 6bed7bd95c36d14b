"""Nothing nested is dropped: importing the detailed document of a station makes what it nests
(its docking ports, the dockings in progress, the chasing flights, their spacecraft and
launches) answer on their own endpoints."""

import json
from datetime import timedelta

import pytest

from hangar.ingest.importer import import_files
from hangar.ingest.write import write_order
from tests import contract
from tests import factories as f
from tests import launch_factories as lf
from tests.conftest import SPUTNIK_LAUNCH, sample

CHASER_KEYS = ("id", "url", "spacecraft", "launch")


def get(api, path: str) -> dict:
    response = api.get(path, {"format": "json"})
    assert response.status_code == 200, (path, response.content[:300])
    return response.json()


def iss_detailed(api) -> tuple[dict, dict]:
    """The detailed document of an ISS-shaped station, as Hangar serves it from its tables: two
    ports, each with a spacecraft docked, and the dockings in progress. Returns the document and
    the ids it nests."""
    template = sample(SPUTNIK_LAUNCH)["response"]
    lf.celestial_body(image=f.image())  # the pads' body, whose image is never null
    station = f.space_station(id=4, name="International Space Station")
    ports, events, flights = [], [], []
    for index, craft in enumerate(f.rich_spacecraft(2, flights=1)):
        port = f.docking_location(station, name=f"Harmony {index}")
        docked = f.ago(days=20 + index)
        flight = f.flight(craft, docked, launch=f.documented_launch(template, docked))
        events.append(
            f.docking_between(flight, port, docked + timedelta(hours=6), station=station).id
        )
        ports.append(port)
        flights.append(flight.id)
    document = get(api, "/2.3.0/space_stations/4/")
    for port, event, flight in zip(document["docking_location"], events, flights, strict=True):
        assert port["currently_docked"]["id"] == event
        assert port["currently_docked"]["flight_vehicle_chaser"]["id"] == flight
        assert set(port["currently_docked"]["flight_vehicle_chaser"]) == set(CHASER_KEYS)
    assert [e["id"] for e in document["active_docking_events"]] == sorted(events, reverse=True)
    ids = {"ports": [p.pk for p in ports], "events": events, "flights": flights}
    ids["spacecraft"] = [
        get(api, f"/2.3.0/spacecraft_flights/{n}/")["spacecraft"]["id"] for n in flights
    ]
    return document, ids


def chasers_by_id(station: dict) -> dict:
    station = json.loads(json.dumps(station))
    for port in station["docking_location"]:
        chaser = port["currently_docked"]["flight_vehicle_chaser"]
        port["currently_docked"]["flight_vehicle_chaser"] = chaser["id"]
    return station


@pytest.mark.django_db
def test_a_detailed_station_brings_its_dockings_flights_and_spacecraft(api, tmp_path):
    document, ids = iss_detailed(api)
    for model in reversed(write_order()):
        model.objects.all().delete()
    path = tmp_path / "iss.json"
    path.write_text(json.dumps(document), encoding="utf-8")

    report = import_files([path])

    assert "0 rejected" in report.lines()[0]
    # The station is served again as it was exported (its chasers named by id: the import
    # recomputes their statistics, which the factories left out).
    assert chasers_by_id(get(api, "/2.3.0/space_stations/4/")) == chasers_by_id(document)
    for event, port, flight, craft in zip(
        ids["events"], ids["ports"], ids["flights"], ids["spacecraft"], strict=True
    ):
        served = get(api, f"/2.3.0/docking_events/{event}/")
        contract.check_response(f"/2.3.0/docking_events/{event}/", served)
        assert served["docking_location"]["id"] == port
        assert served["space_station_target"]["id"] == 4
        assert served["flight_vehicle_chaser"]["id"] == flight
        for path in (
            f"/2.3.0/spacecraft_flights/{flight}/",
            f"/2.3.0/spacecraft/{craft}/",
            f"/2.3.0/config/docking_locations/{port}/",
        ):
            contract.check_response(path, get(api, path))
        assert get(api, f"/2.3.0/spacecraft_flights/{flight}/")["spacecraft"]["id"] == craft
