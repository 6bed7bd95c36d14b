"""``hangar import``: the bundled samples go in, a second import changes nothing, statistics are
kept or computed, and a refused import leaves the database exactly as it was."""

import copy
import io
import json
import uuid

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from hangar.ingest.importer import ImportRefused, import_documents, import_files
from tests import models as m
from tests.conftest import AGENCY_44, SPACECRAFT_PAGE, SPUTNIK_LAUNCH, sample

SAMPLES = [SPACECRAFT_PAGE, AGENCY_44, SPUTNIK_LAUNCH]
LL2 = "https://ll.thespacedevs.com/2.3.0"

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    """Every row of every catalog table, many-to-many tables included."""
    models = apps.get_app_config("catalog").get_models(include_auto_created=True)
    return {model._meta.db_table: list(model.objects.order_by("pk").values()) for model in models}


def write(tmp_path, payload, name: str = "input.json"):
    path = tmp_path / name
    path.write_text(json.dumps(payload), encoding="utf-8")
    return path


def page_with(change) -> dict:
    """The bundled spacecraft page with ``change`` applied to its results."""
    page = copy.deepcopy(sample(SPACECRAFT_PAGE))
    change(page["response"]["results"])
    return page


def totals(report) -> tuple[int, int, int]:
    counts = report.counts
    return (
        sum(counts.created.values()),
        sum(counts.updated.values()),
        sum(counts.unchanged.values()),
    )


@pytest.fixture
def imported():
    import_files(SAMPLES)
    return snapshot()


# --- the bundled samples -------------------------------------------------------------------


def test_importing_the_samples_creates_their_records():
    report = import_files(SAMPLES)
    assert report.records == 12  # ten spacecraft, one agency, one launch
    assert report.counts.created["spacecraft"] == 10
    assert m.Spacecraft.objects.count() == 10
    assert m.Agency.objects.filter(
        id=44, name="National Aeronautics and Space Administration"
    ).exists()
    assert m.SpacecraftConfig.objects.filter(id=13, name="North American X-15").exists()
    assert m.Launch.objects.filter(id="e3df2ecd-c239-472f-95e4-2b89b4f75800").exists()
    assert totals(report)[1:] == (0, 0)


def test_second_import_of_the_samples_changes_nothing(imported):
    report = import_files(SAMPLES)
    created, updated, unchanged = totals(report)
    assert (created, updated) == (0, 0)
    assert unchanged > 0
    assert snapshot() == imported


def test_reimport_with_one_changed_record_updates_only_that_record(imported, tmp_path):
    def rename(results):
        results[0]["name"] = "Progress MS-01 (renamed)"

    report = import_files([write(tmp_path, page_with(rename))])
    assert report.counts.updated == {"spacecraft": 1}
    assert totals(report)[0] == 0
    assert m.Spacecraft.objects.get(id=243).name == "Progress MS-01 (renamed)"


def test_spacecraft_imported_without_flights_keeps_its_imported_statistics(imported):
    craft = m.Spacecraft.objects.get(id=243)
    assert craft.has_flight_data is False
    assert (craft.flights_count, craft.mission_ends_count, craft.in_space) == (1, 1, False)
    assert craft.time_in_space_s == 194 * 86_400 + 22 * 3_600 + 18 * 60 + 21  # P194DT22H18M21S
    assert craft.time_docked_s == 192 * 86_400 + 13 * 3_600 + 21 * 60  # P192DT13H21M


def test_configuration_imported_keeps_its_published_turnaround(imported):
    x15 = m.SpacecraftConfig.objects.get(id=13)
    assert x15.fastest_turnaround_s == 22 * 86_400 + 14 * 60 + 5  # P22DT14M5S


# --- detailed spacecraft with flights ------------------------------------------------------


def flight_record(pk: int, spacecraft: dict, net: str, mission_end: str | None) -> dict:
    launch_id = str(uuid.UUID(int=pk))
    return {
        "id": pk,
        "url": f"{LL2}/spacecraft_flights/{pk}/",
        "destination": "International Space Station",
        "mission_end": mission_end,
        "spacecraft": spacecraft,
        "launch": {
            "id": launch_id,
            "url": f"{LL2}/launches/{launch_id}/",
            "name": f"Launch of flight {pk}",
            "net": net,
            "status": {"id": 3, "name": "Launch Successful", "abbrev": "Success"},
            "last_updated": net,
            "window_start": net,
            "window_end": net,
        },
        "landing": None,
    }


def detailed_spacecraft() -> dict:
    """A real spacecraft record in detailed form with two synthetic flights; its imported
    statistics (one flight, P194DT22H18M21S) do not match them on purpose."""
    record = copy.deepcopy(sample(SPACECRAFT_PAGE)["response"]["results"][0])
    nested = copy.deepcopy(record)
    record["response_mode"] = "detailed"
    record["flights"] = [
        flight_record(1, nested, "2020-01-01T00:00:00Z", "2020-01-11T00:00:00Z"),
        flight_record(2, nested, "2020-02-01T00:00:00Z", "2020-02-01T06:00:00Z"),
    ]
    return record


def test_spacecraft_imported_with_its_flights_gets_computed_statistics(tmp_path):
    import_files([write(tmp_path, detailed_spacecraft())])
    craft = m.Spacecraft.objects.get(id=243)
    assert craft.has_flight_data is True
    assert (craft.flights_count, craft.mission_ends_count, craft.in_space) == (2, 2, False)
    assert craft.time_in_space_s == 10 * 86_400 + 6 * 3_600
    assert craft.fastest_turnaround_s == 21 * 86_400
    flights = m.SpacecraftFlight.objects.order_by("id")
    assert [(x.duration_s, x.turn_around_time_s) for x in flights] == [
        (10 * 86_400, None),
        (6 * 3_600, 21 * 86_400),
    ]


def test_spacecraft_imported_with_its_flights_is_served_with_computed_values(api, tmp_path):
    import_files([write(tmp_path, detailed_spacecraft())])
    body = api.get("/2.3.0/spacecraft/243/").json()
    assert (body["time_in_space"], body["fastest_turnaround"]) == ("P10DT6H", "P21D")
    assert [flight["turn_around_time"] for flight in body["flights"]] == [None, "P21D"]


def test_flight_on_a_real_launch_is_served_with_the_launch_document(api, tmp_path):
    # The Sputnik document nests the Earth's mass, 5.972168e+24, which PostgreSQL's jsonb
    # gives back as an integer too large for 64 bits.
    record = detailed_spacecraft()
    record["flights"][0]["launch"] = sample(SPUTNIK_LAUNCH)["response"]
    path = write(tmp_path, record)
    import_files([path])
    response = api.get("/2.3.0/spacecraft/243/")
    assert response.status_code == 200
    launch = response.json()["flights"][0]["launch"]
    assert launch["name"] == "Sputnik 8K74PS | Sputnik 1"
    assert launch["pad"]["location"]["celestial_body"]["mass"] == 5.972168e24
    assert totals(import_files([path]))[:2] == (0, 0)


def test_second_import_of_a_detailed_spacecraft_changes_nothing(tmp_path):
    path = write(tmp_path, detailed_spacecraft())
    import_files([path])
    before = snapshot()
    assert totals(import_files([path]))[:2] == (0, 0)
    assert snapshot() == before


def test_later_normal_record_does_not_overwrite_computed_statistics(tmp_path):
    import_files([write(tmp_path, detailed_spacecraft())])
    import_files([SPACECRAFT_PAGE])
    craft = m.Spacecraft.objects.get(id=243)
    assert (craft.flights_count, craft.time_in_space_s) == (2, 10 * 86_400 + 6 * 3_600)


# --- refusals ------------------------------------------------------------------------------


def rename_first(results):
    # A valid change that must not be written either, since another record is refused.
    results[0]["name"] = "Should not be written"


REFUSALS = {
    "id is not a number": (
        lambda results: results[1].update(id="abc"),
        ["results[1]", "spacecraft abc", "id:", "valid integer"],
    ),
    "is_placeholder is not a boolean": (
        lambda results: results[1].update(is_placeholder="yes"),
        ["results[1]", "spacecraft 242", "is_placeholder:", "valid boolean"],
    ),
    "name is too long": (
        lambda results: results[1].update(name="x" * 256),
        ["results[1]", "spacecraft 242", "name:", "255 characters"],
    ),
    "nested field has the wrong type": (
        lambda results: results[1]["spacecraft_config"]["agency"].update(name=5),
        ["results[1]", "spacecraft 242", "spacecraft_config.agency.name:"],
    ),
    "url of version 2.2.0": (
        lambda results: results[1].update(url=f"{LL2}/spacecraft/242/".replace("2.3.0", "2.2.0")),
        ["results[1]", "url:", "2.2.0"],
    ),
    "record repeated on the page": (
        lambda results: results.append(copy.deepcopy(results[3])),
        ["results[10]", "spacecraft 240", "given twice", "results[3]"],
    ),
    "unknown resource": (
        lambda results: results[1].update(url=f"{LL2}/telescopes/1/"),
        ["results[1]", "'telescopes'"],
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_refused_import_names_record_and_field_and_changes_nothing(imported, tmp_path, case):
    change, expected = REFUSALS[case]

    def both(results):
        change(results)
        rename_first(results)

    path = write(tmp_path, page_with(both))
    with pytest.raises(ImportRefused) as refused:
        import_files([path])
    assert refused.value.rejected == 1
    (message,) = refused.value.errors
    assert message.startswith(f"{path}: ")
    for fragment in expected:
        assert fragment in message
    assert snapshot() == imported


def test_truncated_json_is_refused_and_changes_nothing(imported, tmp_path):
    path = tmp_path / "truncated.json"
    path.write_text(SPACECRAFT_PAGE.read_text(encoding="utf-8")[:500], encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        import_files([SPUTNIK_LAUNCH, path])
    (message,) = refused.value.errors
    assert message.startswith(f"{path}: not valid JSON: ")
    assert snapshot() == imported


def test_refusal_in_one_file_keeps_the_valid_files_out_too(tmp_path):
    bad = write(tmp_path, page_with(lambda results: results[0].update(id="abc")), "bad.json")
    with pytest.raises(ImportRefused):
        import_files([AGENCY_44, bad])
    assert not m.Agency.objects.exists()
    assert not m.Spacecraft.objects.exists()


def test_every_refused_record_is_reported():
    def break_two(results):
        results[0]["id"] = "abc"
        results[5]["is_placeholder"] = 1

    with pytest.raises(ImportRefused) as refused:
        import_documents([("page.json", page_with(break_two))])
    assert refused.value.rejected == 2
    assert [error.split(": ")[1] for error in refused.value.errors] == ["results[0]", "results[5]"]


# --- the management command ----------------------------------------------------------------


def test_import_command_prints_the_counts(tmp_path):
    out = io.StringIO()
    call_command("import", str(SPACECRAFT_PAGE), str(AGENCY_44), stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Imported 11 records: ")
    assert lines[0].endswith(" created, 0 updated, 0 unchanged, 0 rejected.")
    assert "  spacecraft: 10 created, 0 updated, 0 unchanged" in lines

    out = io.StringIO()
    call_command("import", str(SPACECRAFT_PAGE), stdout=out)
    assert "  spacecraft: 0 created, 0 updated, 10 unchanged" in out.getvalue().splitlines()


def test_import_command_raises_command_error_on_refusal(imported, tmp_path):
    path = write(tmp_path, page_with(lambda results: results[2].update(is_placeholder="yes")))
    with pytest.raises(CommandError) as error:
        call_command("import", str(path), stdout=io.StringIO())
    lines = str(error.value).splitlines()
    assert lines[0] == "Import refused: 1 rejected; nothing was changed."
    assert lines[1] == (
        f"  {path}: results[2]: spacecraft 241: is_placeholder: Must be a valid boolean."
    )
    assert snapshot() == imported


def test_import_command_lists_at_most_twenty_errors(tmp_path):
    records = [{"id": "x", "url": f"{LL2}/spacecraft/{n}/"} for n in range(25)]
    with pytest.raises(CommandError) as error:
        call_command("import", str(write(tmp_path, records)), stdout=io.StringIO())
    lines = str(error.value).splitlines()
    assert lines[0] == "Import refused: 25 rejected; nothing was changed."
    assert len(lines) == 22
    assert lines[-1] == "  ... and 5 more."
