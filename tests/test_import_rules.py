"""How imports combine with what Hangar holds: statistics stay computed once they can be,
documents merge, landings move, and malformed values are refused with the record named."""

import copy
import json
import uuid

import isodate
import pytest

from hangar.ingest.importer import ImportRefused, import_files
from tests import models as m
from tests.conftest import SPACECRAFT_PAGE, sample

LL2 = "https://ll.thespacedevs.com/2.3.0"
BASE = sample(SPACECRAFT_PAGE)["response"]["results"][0]  # Progress MS-01, id 243
EARTH = {"id": 1, "name": "Earth", "type": {"id": 1, "name": "Planet"}}
LEO = {"orbit": {"id": 8, "name": "Low Earth Orbit", "abbrev": "LEO", "celestial_body": EARTH}}


def craft(pk=243, **changes):
    record = copy.deepcopy(BASE)
    record.update(id=pk, url=f"{LL2}/spacecraft/{pk}/", **changes)
    return record


def launch(pk, net, status=3, **document):
    launch_id = str(uuid.UUID(int=pk))
    return {
        "id": launch_id,
        "url": f"{LL2}/launches/{launch_id}/",
        "name": f"Launch {pk}",
        "net": net,
        "status": {"id": status, "name": f"Status {status}"},
        "last_updated": net,
        "window_start": net,
        "window_end": net,
        **document,
    }


def landing(pk, success=True):
    return {
        "id": pk,
        "url": f"{LL2}/landings/{pk}/",
        "attempt": True,
        "success": success,
        "description": "",
        "downrange_distance": None,
        "landing_location": {
            "id": 1,
            "name": "Kazakhstan",
            "celestial_body": EARTH,
        },
        "type": {"id": 1, "name": "Parachute", "abbrev": "P", "description": None},
    }


def flight(pk, net, end, spacecraft=None, landing_record=None, **launch_document):
    return {
        "id": pk,
        "url": f"{LL2}/spacecraft_flights/{pk}/",
        "destination": "ISS",
        "mission_end": end,
        "spacecraft": spacecraft or craft(),
        "launch": launch(pk, net, **launch_document),
        "landing": landing_record,
    }


@pytest.fixture
def write(tmp_path):
    def write_file(name, records):
        path = tmp_path / name
        path.write_text(json.dumps(records))
        return path

    return write_file


def refusal(path) -> str:
    with pytest.raises(ImportRefused) as refused:
        import_files([path])
    return "\n".join(refused.value.errors)


def two_flights(write, **second):
    return write(
        "flights.json",
        [
            flight(1, "2020-01-01T00:00:00Z", "2020-01-10T00:00:00Z", landing_record=landing(1)),
            flight(2, "2020-02-01T00:00:00Z", "2020-02-02T00:00:00Z", **second),
        ],
    )


def test_flights_moved_in_time_recompute_their_statistics(db, write):
    import_files([two_flights(write)])
    assert m.SpacecraftFlight.objects.get(id=2).turn_around_time_s == 22 * 86400
    moved = flight(2, "2020-01-20T00:00:00Z", "2020-02-02T00:00:00Z", status=4)
    import_files([write("moved.json", [moved["launch"]])])
    assert m.SpacecraftFlight.objects.get(id=2).duration_s == 13 * 86400
    assert m.SpacecraftFlight.objects.get(id=2).turn_around_time_s == 10 * 86400
    config = m.SpacecraftConfig.objects.get(id=33)
    assert (config.successful_launches, config.failed_launches) == (1, 1)


def test_a_landing_outcome_changes_the_configuration_figures(db, write):
    import_files([two_flights(write)])
    import_files([write("landing.json", [landing(1, success=False)])])
    config = m.SpacecraftConfig.objects.get(id=33)
    assert (config.successful_landings, config.failed_landings) == (0, 1)


def test_an_imported_configuration_does_not_overwrite_computed_figures(db, write, tmp_path):
    import_files([two_flights(write)])
    detailed = copy.deepcopy(BASE["spacecraft_config"])
    detailed.update(response_mode="detailed", total_launch_count=60, spacecraft_flown=60)
    config_file = write("config.json", [detailed])
    report = import_files([config_file])
    config = m.SpacecraftConfig.objects.get(id=33)
    assert (config.total_launch_count, config.spacecraft_flown) == (2, 1)
    assert report.counts.updated["spacecraft configurations"] == 0


def test_one_planned_flight_keeps_the_published_statistics(db, write):
    import_files([SPACECRAFT_PAGE])
    planned = flight(9, "2099-01-01T00:00:00Z", None, spacecraft=craft())
    import_files([write("planned.json", [planned])])
    spacecraft = m.Spacecraft.objects.get(id=243)
    published = int(isodate.parse_duration(BASE["time_in_space"]).total_seconds())
    assert (spacecraft.flights_count, spacecraft.time_in_space_s) == (1, published)


def test_a_newer_copy_of_a_launch_updates_what_it_says(db, write):
    rich = launch(2, "2020-02-01T00:00:00Z", slug="rich", mission={"id": 1, "name": "M", **LEO})
    import_files([two_flights(write), write("launch.json", [rich])])
    newer = flight(2, "2020-01-25T00:00:00Z", "2020-02-02T00:00:00Z")
    import_files([write("newer.json", [newer])])
    row = m.Launch.objects.get(id=uuid.UUID(int=2))
    assert row.net.isoformat() == "2020-01-25T00:00:00+00:00"
    assert (row.slug, row.mission_id, row.mission.name) == ("rich", 1, "M")


def test_a_landing_moved_to_another_flight_leaves_the_first(db, write):
    import_files([two_flights(write)])
    moved = flight(2, "2020-02-01T00:00:00Z", "2020-02-02T00:00:00Z", landing_record=landing(1))
    import_files([write("moved.json", [moved])])
    assert m.SpacecraftFlight.objects.get(id=1).landing_id is None
    assert m.SpacecraftFlight.objects.get(id=2).landing_id == 1


def test_one_landing_given_to_two_flights_is_refused(db, write):
    path = two_flights(write, landing_record=landing(1))
    message = refusal(path)
    assert "spacecraft flight 2: landing: landing 1 is also the landing of" in message
    assert not m.SpacecraftFlight.objects.exists()


def test_the_same_record_in_two_files_is_taken_from_the_later(db, write):
    first = write("a.json", [craft(name="Old name")])
    second = write("b.json", [craft(name="New name")])
    import_files([first, second])
    assert m.Spacecraft.objects.get(id=243).name == "New name"


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (craft(time_in_space="P9999999999D"), "spacecraft 243: time_in_space: Not an ISO 8601"),
        (craft(time_docked="-P1D"), "spacecraft 243: time_docked: Not an ISO 8601"),
        (
            flight(1, "2020-01-01T00:00:00Z", None, mission={"id": 1, "name": "a\x00b", **LEO}),
            "launch.mission.name: Null characters are not allowed",
        ),
    ],
)
def test_values_that_cannot_be_stored_are_refused(db, write, record, expected):
    assert expected in refusal(write("bad.json", [record]))
    assert not m.Spacecraft.objects.exists()


def test_a_family_that_is_its_own_parent_is_refused(db, write):
    family = copy.deepcopy(BASE["spacecraft_config"]["family"][0])
    family.update(parent={"id": family["id"], "name": family["name"]})
    family["url"] = f"{LL2}/spacecraft_configuration_families/{family['id']}/"
    assert "parent: A family cannot be its own parent." in refusal(write("f.json", [family]))
