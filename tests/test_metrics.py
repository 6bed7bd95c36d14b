"""``/metrics`` answers Prometheus's text format: django-prometheus's request counts and
latencies per view, and Hangar's own gauges (records per resource, the catalog version, how
the last sync from each upstream ended and when)."""

from datetime import UTC, datetime

import pytest
from prometheus_client.parser import text_string_to_metric_families

from hangar.core.models import bump_catalog_version
from hangar.ingest.sync import SyncFailed, SyncOptions, run_sync
from hangar.ingest.sync.checkpoint import SyncState, write_atomically
from hangar.ingest.sync.client import RetryPolicy
from tests import factories
from tests.upstream import free_port


def scrape(client) -> dict:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    families = text_string_to_metric_families(response.content.decode())
    return {family.name: family for family in families}


def samples(family, **labels) -> list[float]:
    return [
        sample.value
        for sample in family.samples
        if all(sample.labels.get(key) == value for key, value in labels.items())
    ]


def test_a_request_is_counted_and_timed_by_view(client, db):
    before = scrape(client)["django_http_requests_total_by_view_transport_method"]
    before = sum(samples(before, view="spacecraft-list", method="GET"))
    assert client.get("/2.3.0/spacecraft/").status_code == 200
    families = scrape(client)
    counted = families["django_http_requests_total_by_view_transport_method"]
    assert sum(samples(counted, view="spacecraft-list", method="GET")) == before + 1
    latency = families["django_http_requests_latency_seconds_by_view_method"]
    assert samples(latency, view="spacecraft-list", method="GET")


def test_catalog_size_by_resource(client, db):
    factories.spacecraft()
    records = scrape(client)["hangar_catalog_records"]
    assert samples(records, resource="spacecraft") == [1]
    assert samples(records, resource="launches") == [0]
    assert samples(records, resource="launches/upcoming") == []  # the model once
    assert not [s for s in records.samples if s.labels["resource"].startswith("config/")]


def test_last_sync_per_upstream(client, db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    assert scrape(client)["hangar_last_sync_timestamp_seconds"].samples == []
    state = SyncState(tmp_path / "sync", "https://ll.example/2.3.0/")
    finished = datetime(2026, 5, 1, 4, 17, tzinfo=UTC)
    with state.locked():  # writes upstream.txt, as a sync does
        write_atomically(state.root / "history.json", {"last_finished": finished.isoformat()})
    synced = scrape(client)["hangar_last_sync_timestamp_seconds"]
    assert samples(synced, upstream="https://ll.example/2.3.0/") == [finished.timestamp()]


def test_catalog_version_per_database(client, db):
    version = bump_catalog_version()
    versions = scrape(client)["hangar_catalog_version"]
    assert [(s.labels, s.value) for s in versions.samples] == [({"database": "default"}, version)]


def test_last_sync_outcome_and_times_per_upstream(client, db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    families = scrape(client)
    assert families["hangar_last_sync_success"].samples == []
    upstream = "https://ll.example/2.3.0/"
    state = SyncState(tmp_path / "sync", upstream)
    succeeded = datetime(2026, 5, 1, 4, 17, tzinfo=UTC)
    failed = datetime(2026, 5, 2, 4, 17, tzinfo=UTC)
    with state.locked():
        state.record_run("success", succeeded)
    families = scrape(client)
    assert samples(families["hangar_last_sync_success"], upstream=upstream) == [1]
    with state.locked():
        state.record_run("refused", failed)
    families = scrape(client)
    [outcome] = families["hangar_last_sync_success"].samples
    assert (outcome.labels["outcome"], outcome.value) == ("refused", 0)
    attempted = families["hangar_last_sync_attempt_timestamp_seconds"]
    assert samples(attempted, upstream=upstream) == [failed.timestamp()]
    # The last success is kept across the failures after it.
    last_success = families["hangar_last_sync_success_timestamp_seconds"]
    assert samples(last_success, upstream=upstream) == [succeeded.timestamp()]


def test_a_sync_that_cannot_reach_its_upstream_is_recorded_as_failed(
    client, db, settings, tmp_path
):
    settings.VAR_DIR = tmp_path
    upstream = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    options = SyncOptions(
        upstream=upstream,
        only=("spacecraft/",),
        state_dir=tmp_path / "sync",
        policy=RetryPolicy(attempts=1, backoff=0.01),
        progress=False,
    )
    with pytest.raises(SyncFailed):
        run_sync(options, note=lambda message: None)
    families = scrape(client)
    [outcome] = families["hangar_last_sync_success"].samples
    assert outcome.labels == {"upstream": f"{upstream}/2.3.0/", "outcome": "failed"}
    assert outcome.value == 0
    assert families["hangar_last_sync_success_timestamp_seconds"].samples == []
