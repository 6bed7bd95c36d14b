"""The upgrade step: launch documents an earlier Hangar stored are read into the tables once,
and a document that cannot be read changes nothing and says why."""

from datetime import UTC, datetime

import pytest
from django.utils import timezone

from hangar.ingest.upgrade import UpgradeRefused, upgrade_documents
from hangar.ingest.write import same
from tests import factories as f
from tests import models as m
from tests.conftest import DATA_DIR, SPUTNIK_LAUNCH, sample


def stored_sputnik() -> m.Launch:
    document = sample(SPUTNIK_LAUNCH)["response"]
    return f.launch(f.at("1957-10-04T19:28:34"), id=document["id"], document=document)


def test_a_stored_launch_document_is_read_into_the_tables(api, db):
    launch = stored_sputnik()
    assert upgrade_documents() == 1
    launch.refresh_from_db()
    assert launch.document == {}
    assert launch.pad.name == "1/5"
    assert launch.rocket.configuration.full_name == "Sputnik 8K74PS"
    assert m.PayloadFlight.objects.filter(launch=launch).count() == 1
    body = api.get(f"/2.3.0/launches/{launch.pk}/").json()
    assert body["mission"]["name"] == "Sputnik 1"
    assert upgrade_documents() == 0  # once


def test_a_document_that_cannot_be_read_changes_nothing(db):
    launch = stored_sputnik()
    broken = {**launch.document, "net": "yesterday"}
    m.Launch.objects.filter(pk=launch.pk).update(document=broken)
    with pytest.raises(UpgradeRefused, match="net"):
        upgrade_documents()
    launch.refresh_from_db()
    # Numbers compared by value: PostgreSQL's jsonb gives some floats back as integers.
    assert same(launch.document, broken)
    assert not m.Pad.objects.exists()


def stored_crews() -> tuple[m.SpacecraftFlight, list[dict]]:
    """A flight whose crews an earlier Hangar stored as the lists of seats LL2 serves."""
    flight = f.flight(f.spacecraft(), f.ago(days=3))
    seat = {
        "id": 901,
        "role": {"id": 1, "role": "Commander", "priority": 0},
        "astronaut": {
            "id": 77,
            "url": "https://ll.thespacedevs.com/2.3.0/astronauts/77/",
            "name": "Stored Astronaut",
            "status": {"id": 1, "name": "Active"},
            "agency": None,
            "image": None,
            "response_mode": "list",
            "type": {"id": 2, "name": "Government"},
            "in_space": True,
            "time_in_space": "P3D",
            "eva_time": "P0D",
            "nationality": [],
            "bio": "",
            "social_media_links": [],
        },
    }
    pilot = {**seat, "id": 902, "role": {"id": 2, "role": "Pilot", "priority": 1}}
    m.SpacecraftFlight.objects.filter(pk=flight.pk).update(
        legacy_launch_crew=[pilot, seat], legacy_landing_crew=[]
    )
    return flight, [pilot, seat]


def test_stored_crews_are_read_into_the_crew_tables(api, db):
    flight, _ = stored_crews()
    assert upgrade_documents() == 1
    flight.refresh_from_db()
    assert flight.legacy_launch_crew == []
    members = m.LaunchCrewMember.objects.filter(flight=flight)
    assert list(members.values_list("seat_id", flat=True)) == [902, 901]
    assert m.Astronaut.objects.get(pk=77).flights_count == 1
    body = api.get(f"/2.3.0/spacecraft_flights/{flight.pk}/").json()
    assert [seat["role"]["role"] for seat in body["launch_crew"]] == ["Pilot", "Commander"]
    assert upgrade_documents() == 0  # once


def test_a_stored_crew_that_cannot_be_read_changes_nothing(db):
    flight, seats = stored_crews()
    broken = [{**seats[0], "role": "pilot"}]
    m.SpacecraftFlight.objects.filter(pk=flight.pk).update(legacy_launch_crew=broken)
    with pytest.raises(UpgradeRefused, match="legacy_launch_crew"):
        upgrade_documents()
    flight.refresh_from_db()
    assert flight.legacy_launch_crew == broken
    assert not m.AstronautFlight.objects.exists()


STATIONS = DATA_DIR / "space-stations-list.json"


def test_stored_station_and_port_documents_are_read_into_the_tables(api, db, monkeypatch):
    """A station an earlier Hangar kept as the document LL2 served (the ISS of a real page)
    and a port kept as its ``DockingLocation`` document."""
    iss = sample(STATIONS)["response"]["results"][0]
    station = f.space_station(id=iss["id"], name=iss["name"], description="")
    m.SpaceStation.objects.filter(pk=station.pk).update(legacy_document=iss)
    mini = {key: iss[key] for key in ("id", "url", "name", "image")}
    port = {"id": 71, "name": "Harmony forward", "spacestation": mini}
    port.update(spacecraft=None, payload=None)
    m.DockingLocation.objects.create(id=71, name="Harmony forward", legacy_document=port)

    assert upgrade_documents() == 2

    station.refresh_from_db()
    assert station.legacy_document is None
    assert station.description == iss["description"]
    assert station.image.pk == iss["image"]["id"]
    assert sorted(station.owners.values_list("pk", flat=True)) == [16, 27, 37, 44, 63]
    assert m.Expedition.objects.get(pk=162).spacestation_id == station.pk
    stored = m.DockingLocation.objects.get(pk=71)
    assert stored.legacy_document is None
    assert stored.spacestation_id == station.pk
    monkeypatch.setattr(timezone, "now", lambda: datetime(2025, 5, 1, tzinfo=UTC))
    body = api.get(f"/2.3.0/space_stations/{station.pk}/").json()
    assert [e["id"] for e in body["active_expeditions"]] == [162]
    assert [p["id"] for p in body["docking_location"]] == [71]
    assert upgrade_documents() == 0  # once
