"""An import written a part at a time (``importer.Parts``) writes what one batch would, in one
transaction: the same rows, the same counts, the same refusals; and a file too large to decode
whole is read record by record (``large_files``) with the same outcome."""

from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest
from django.apps import apps
from django.db import models, transaction

from hangar.agencies.models import Agency
from hangar.core.models import CatalogVersion
from hangar.ingest import importer
from hangar.ingest.importer import ImportRefused, import_documents, import_files
from hangar.ingest.large_files import LargeFile
from hangar.spacecraft.models import DockingLocation, Spacecraft
from tests.conftest import AGENCY_44, DATA_DIR, SPACECRAFT_PAGE, sample
from tests.test_schema_serializers import STATION_MINI

NOW = datetime(2026, 12, 1, tzinfo=UTC)
BUNDLED = sorted(DATA_DIR.glob("*.json"))
STATIONS = DATA_DIR / "space-stations-list.json"


def catalog_rows() -> dict[str, list]:
    """Every catalog row; rows numbered by the database (a launch's video links, crews'
    seats) without their number, which depends on the order they were written in."""
    held = {}
    for model in apps.get_app_config("catalog").get_models(include_auto_created=True):
        if model._meta.label == "catalog.CatalogVersion":  # an instant
            continue
        numbered = isinstance(model._meta.pk, models.AutoField)
        names = [f.attname for f in model._meta.concrete_fields if not (numbered and f.primary_key)]
        held[model._meta.label] = sorted(map(repr, model.objects.values_list(*names)))
    return held


def imported(monkeypatch, part_records: int, run) -> tuple[list[str], dict]:
    """What ``run`` imports with parts of ``part_records`` records: the report's lines and
    the rows; rolled back after."""
    monkeypatch.setattr(importer, "PART_RECORDS", part_records)
    with transaction.atomic():
        lines = run().lines()
        rows = catalog_rows()
        transaction.set_rollback(True)
    return lines, rows


@pytest.mark.django_db
def test_parts_and_files_read_record_by_record_write_what_one_batch_writes(monkeypatch):
    def run():
        return import_files(BUNDLED, now=NOW)

    one_batch = imported(monkeypatch, 10**9, run)
    assert sum(map(len, one_batch[1].values())) > 500
    assert imported(monkeypatch, 1, run) == one_batch
    monkeypatch.setattr(importer, "WHOLE_FILE_LIMIT", 0)
    assert isinstance(importer.decode(BUNDLED[0]), LargeFile)
    assert imported(monkeypatch, 7, run) == one_batch


@pytest.mark.django_db
def test_importing_the_same_records_again_in_parts_changes_nothing(monkeypatch):
    """Nested copies that disagree with their own records (as LL2's do) are written by one part
    and put back by a later one: the rows are unchanged, and the catalog version stays."""
    import_files(BUNDLED, now=NOW)
    version = CatalogVersion.objects.get().number
    monkeypatch.setattr(importer, "PART_RECORDS", 1)
    report = import_files(BUNDLED, now=NOW)
    assert report.lines()[0].startswith(f"Imported {report.records} records: 0 created, 0 updated")
    assert CatalogVersion.objects.get().number == version


@pytest.mark.django_db
def test_a_deeper_copy_in_a_later_part_does_not_overwrite_a_record_given_whole(monkeypatch):
    """Agency 44 given whole, then nested in the stations' page (as ``AgencyMini``)."""
    agency = sample(AGENCY_44)
    renamed = {**agency, "response": {**agency["response"], "name": "Given whole"}}

    def run():
        return import_documents(
            [("agency.json", renamed), ("stations.json", sample(STATIONS))], NOW
        )

    assert imported(monkeypatch, 1, run) == imported(monkeypatch, 10**9, run)
    monkeypatch.setattr(importer, "PART_RECORDS", 1)
    run()
    assert Agency.objects.get(pk=44).name == "Given whole"


@pytest.mark.django_db
def test_a_new_record_a_part_cannot_complete_waits_for_a_later_part(monkeypatch):
    monkeypatch.setattr(importer, "PART_RECORDS", 1)
    report = import_documents(
        [("station.json", STATION_MINI), ("stations.json", sample(STATIONS))], NOW
    )
    assert report.records == 1 + len(sample(STATIONS)["response"]["results"])
    with pytest.raises(ImportRefused) as refused:
        import_documents([("station.json", {**STATION_MINI, "id": 999999})], NOW)
    assert "space station 999999: status, type, founded: required" in refused.value.errors[0]


@pytest.mark.django_db
def test_the_owners_of_a_row_that_waits_are_counted_with_it(monkeypatch):
    station = sample(STATIONS)["response"]["results"][0]
    url = "https://ll.thespacedevs.com/2.3.0/space_stations/999/"
    partial = {**STATION_MINI, "id": 999, "url": url, "owners": station["owners"]}
    monkeypatch.setattr(importer, "PART_RECORDS", 1)
    report = import_documents(
        [("partial.json", partial), ("station.json", {**station, "id": 999, "url": url})], NOW
    )
    assert "  space stations: 1 created, 0 updated, 0 unchanged" in report.lines()


@pytest.mark.django_db
def test_a_row_another_part_refers_to_may_wait_for_the_part_that_completes_it(monkeypatch):
    """A docking location written in the first part points at a station only its mini copy
    has given so far; the foreign key is checked at the commit, once the station is written."""
    station = sample(STATIONS)["response"]["results"][0]
    url = "https://ll.thespacedevs.com/2.3.0/space_stations/999/"
    location = {
        "id": 9999,
        "url": "https://ll.thespacedevs.com/2.3.0/config/docking_locations/9999/",
        "name": "Probe port",
        "spacestation": {"id": 999, "url": url, "name": "Probe", "image": None},
        "spacecraft": None,
        "payload": None,
    }
    monkeypatch.setattr(importer, "PART_RECORDS", 1)
    import_documents(
        [("port.json", location), ("station.json", {**station, "id": 999, "url": url})]
    )
    assert DockingLocation.objects.get(pk=9999).spacestation.name == station["name"]


@pytest.mark.django_db
def test_a_record_refused_in_a_later_part_leaves_nothing_of_the_earlier_parts(monkeypatch):
    monkeypatch.setattr(importer, "PART_RECORDS", 1)
    page = sample(SPACECRAFT_PAGE)["response"]
    broken = {**page["results"][3], "name": None}
    with pytest.raises(ImportRefused) as refused:
        import_documents([("page.json", page), ("broken.json", broken)], NOW)
    assert refused.value.errors == [
        f"broken.json: spacecraft {broken['id']}: name: This field may not be null."
    ]
    assert not Spacecraft.objects.exists()


# --- large files ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b'{"count": 1, "results": [{"id": 1', "not valid JSON"),
        (b"[] trailing", "not valid JSON: parse error: trailing garbage."),
        (b'{"count": 1, "results": {"id": 1}}', "results: expected a list of records."),
        (b"42", "expected an LL2 object, list page or array of objects."),
        (b"[{}]", "[0]: cannot tell which resource this record is (no url)."),
        (b"[" * 20000, "not valid JSON: nested deeper than 1024 levels."),
        (
            b'{"response": {"count": 0, "results": []}, "request": "GET /2.3.0/spacecraft/"}',
            "a saved answer this large must give its request before its response.",
        ),
    ],
)
@pytest.mark.django_db
def test_a_large_file_that_is_not_ll2_json_is_refused_naming_it(
    monkeypatch, tmp_path, content, said
):
    monkeypatch.setattr(importer, "WHOLE_FILE_LIMIT", 0)
    path = tmp_path / "large.json"
    path.write_bytes(content)
    with pytest.raises(ImportRefused) as refused:
        import_files([path], now=NOW)
    assert len(refused.value.errors) == 1
    assert refused.value.errors[0].startswith(str(path))
    assert said in refused.value.errors[0]


@pytest.mark.django_db
def test_a_large_wrapped_page_names_its_records_as_a_decoded_one_does(monkeypatch, tmp_path):
    page = sample(SPACECRAFT_PAGE)["response"]
    broken = {**page, "results": [page["results"][0], {**page["results"][1], "name": None}]}
    wrapped = {"request": "GET /2.3.0/spacecraft/", "response": broken}
    path = write(tmp_path / "wrapped.json", wrapped)
    with pytest.raises(ImportRefused) as decoded:
        import_files([path], now=NOW)
    monkeypatch.setattr(importer, "WHOLE_FILE_LIMIT", 0)
    with pytest.raises(ImportRefused) as streamed:
        import_files([path], now=NOW)
    assert streamed.value.errors == decoded.value.errors
    assert "wrapped.json: results[1]: spacecraft" in decoded.value.errors[0]


def write(path: Path, document: object) -> Path:
    path.write_bytes(orjson.dumps(document))
    return path
