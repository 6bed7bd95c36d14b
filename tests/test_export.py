"""``hangar export``: the round trip through a second, empty instance, and bad exports."""

from __future__ import annotations

import json
import sqlite3
import uuid
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from rest_framework.test import APIClient

from hangar.ingest.export import ExportReport, export_endpoint
from hangar.ingest.sync.endpoints import Endpoint
from tests import models as m
from tests.upstream import (
    DETAILS_PER_LIST,
    compare_catalogs,
    mismatches,
)


@pytest.fixture(scope="session")
def instance(upstream):
    """The instance exported from: the bundled records and synthetic spacecraft, served (the
    upstream the sync tests mirror)."""
    return upstream


@pytest.fixture(scope="module")
def exported(instance, tmp_path_factory):
    directory = tmp_path_factory.mktemp("export") / "catalog"
    result = instance.run("export", str(directory), "--base-url", instance.url)
    return directory, result.stdout


def import_dir(directory) -> str:
    out = StringIO()
    call_command("import", *map(str, sorted(directory.glob("*.json"))), stdout=out)
    return out.getvalue()


def test_round_trip_serves_the_same_documents_at_every_endpoint(db, instance, exported):
    directory, summary = exported
    assert "Exported" in summary and "launches/?mode=detailed:" in summary
    report = import_dir(directory)
    assert "0 rejected" in report

    def theirs(path):
        return json.loads(json.dumps(instance.get(path)).replace(instance.url, "http://testserver"))

    client = APIClient()

    def ours(path):
        return client.get(path).json()

    differences, compared = compare_catalogs(theirs, ours)
    assert not differences, "\n".join(differences[:20])
    with sqlite3.connect(instance.database) as connection:
        launches = [
            uuid.UUID(row[0]) for row in connection.execute("SELECT id FROM catalog_launch")
        ]
    assert sorted(launches) == sorted(m.Launch.objects.values_list("id", flat=True))
    # Every launch was compared in every mode of every launch list above; the detail views of
    # launches spread over all of them (in id order, not the lists' order) are compared here.
    launches.sort()
    for pk in launches[:: max(1, len(launches) // DETAILS_PER_LIST)]:
        detail = f"/2.3.0/launches/{pk}/"
        response = client.get(detail)
        if response.status_code == 404:  # this Hangar does not serve launches by id
            continue
        assert not list(mismatches(theirs(detail), response.json())), detail
    assert compared > 200


def test_export_refuses_a_directory_that_holds_json(tmp_path, db):
    (tmp_path / "old.json").write_text("{}")
    with pytest.raises(CommandError, match="already holds JSON files"):
        call_command("export", str(tmp_path), stdout=StringIO())


def test_damaged_export_is_refused_naming_file_record_and_field(db, exported, tmp_path):
    directory, _ = exported
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    for path in directory.glob("*.json"):
        (damaged / path.name).write_bytes(path.read_bytes())
    page_path = sorted(damaged.glob("*-spacecraft-0000000.json"))[0]
    page = json.loads(page_path.read_text())
    page["response"]["results"][2]["is_placeholder"] = "no"
    page_path.write_text(json.dumps(page))
    truncated = sorted(damaged.glob("*-launches-0000000.json"))[0]
    truncated.write_bytes(truncated.read_bytes()[:200])
    with pytest.raises(CommandError) as refusal:
        import_dir(damaged)
    message = str(refusal.value)
    assert f"{truncated}: not valid JSON" in message
    truncated.write_bytes((directory / truncated.name).read_bytes())
    with pytest.raises(CommandError) as refusal:
        import_dir(damaged)
    record = page["response"]["results"][2]
    assert f"spacecraft {record['id']}: is_placeholder: Must be a valid boolean." in str(
        refusal.value
    )
    assert not m.Spacecraft.objects.exists()


def test_an_endpoint_hangar_does_not_serve_is_skipped_with_a_note(db, tmp_path):
    report = ExportReport()
    export_endpoint(Client(), tmp_path, 0, Endpoint("satellites/", "detailed"), report)
    assert report.lines == ["satellites/?mode=detailed: not served by this Hangar, skipped."]
    assert not list(tmp_path.iterdir())
