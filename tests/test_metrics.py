"""``/metrics`` answers Prometheus's text format: django-prometheus's request counts and
latencies per view, and Hangar's own gauges (records per resource, last sync per upstream)."""

from datetime import UTC, datetime

from prometheus_client.parser import text_string_to_metric_families

from hangar.ingest.sync.checkpoint import SyncState, write_atomically
from tests import factories


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
