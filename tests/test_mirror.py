"""One Hangar can always mirror another: a second Hangar syncs from a Hangar serving the
benchmark's synthetic catalog without a refusal, and then answers the same documents at every
endpoint, in every mode and detail view."""

from __future__ import annotations

import json

import pytest
from rest_framework.test import APIClient

from hangar.ingest.sync import SyncOptions, run_sync
from tests.upstream import UpstreamHangar, build_synthetic_database, compare_catalogs

SPACECRAFT = 120  # two pages of the spacecraft list


@pytest.fixture(scope="module")
def synthetic_upstream(tmp_path_factory):
    database = build_synthetic_database(tmp_path_factory.mktemp("synthetic-build"), SPACECRAFT)
    server = UpstreamHangar(tmp_path_factory.mktemp("synthetic"), database).start()
    yield server
    server.stop()


def test_a_hangar_mirrors_the_synthetic_catalog_of_another(db, synthetic_upstream, tmp_path):
    notes: list[str] = []
    options = SyncOptions(
        upstream=synthetic_upstream.url, budget=1000, state_dir=tmp_path, progress=False
    )
    summary = run_sync(options, notes.append)
    assert any("0 rejected" in line for line in summary), summary
    assert summary[-1].startswith("Data quality: every statistic"), summary

    origin = synthetic_upstream.url

    def theirs(path):
        body = json.dumps(synthetic_upstream.get(path))
        return json.loads(body.replace(origin, "http://testserver"))

    client = APIClient()
    differences, compared = compare_catalogs(theirs, lambda path: client.get(path).json())
    assert not differences, "\n".join(differences[:20])
    assert compared > 1000
