"""``/metrics``: django-prometheus's request counts and latencies per view, and Hangar's own
gauges, read at each scrape: the records per resource, the catalog version in each database
(the primary and every read replica, so that a replica lagging behind shows as a lower
number), and how the last sync from each upstream ended and when.

Hangar's gauges live in a registry of their own and are appended to the library's export, so
that they are there in gunicorn's multi-process mode as well (``PROMETHEUS_MULTIPROC_DIR``),
where the export reads only the workers' files. With the database down they are left out, and
the request metrics are still served."""

import logging
from datetime import datetime

from django.conf import settings
from django.db import DatabaseError
from django_prometheus.exports import ExportToDjangoView
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from hangar.core.models import current_catalog_version
from hangar.ingest.sync.checkpoint import finished_syncs, sync_runs
from hangar.service.catalog import catalog_size

logger = logging.getLogger(__name__)


def timestamp(text: str | None) -> float | None:
    return datetime.fromisoformat(text).timestamp() if text else None


def catalog_versions() -> GaugeMetricFamily:
    versions = GaugeMetricFamily(
        "hangar_catalog_version",
        "The catalog's version, raised by every change, in each database",
        labels=["database"],
    )
    for alias in settings.DATABASES:
        try:
            versions.add_metric([alias], current_catalog_version(using=alias))
        except DatabaseError:
            logger.warning("Catalog version of %s left out of the metrics: unreachable", alias)
    return versions


def last_sync_runs() -> list[GaugeMetricFamily]:
    success = GaugeMetricFamily(
        "hangar_last_sync_success",
        "1 if the last sync from each upstream succeeded, 0 if it ended otherwise (outcome: "
        "success, failed, refused, interrupted or error)",
        labels=["upstream", "outcome"],
    )
    attempted = GaugeMetricFamily(
        "hangar_last_sync_attempt_timestamp_seconds",
        "When the last sync from each upstream ended, however it ended, in seconds since the epoch",
        labels=["upstream"],
    )
    succeeded = GaugeMetricFamily(
        "hangar_last_sync_success_timestamp_seconds",
        "When the last sync from each upstream that succeeded ended, in seconds since the epoch",
        labels=["upstream"],
    )
    for upstream, runs in sync_runs():
        success.add_metric([upstream, runs["outcome"]], int(runs["outcome"] == "success"))
        attempted.add_metric([upstream], timestamp(runs["attempted"]))
        if runs.get("succeeded"):
            succeeded.add_metric([upstream], timestamp(runs["succeeded"]))
    return [success, attempted, succeeded]


class HangarCollector(Collector):
    def collect(self):
        yield catalog_versions()
        yield from last_sync_runs()
        try:
            sizes = catalog_size()
        except DatabaseError:
            logger.warning("Catalog size left out of the metrics: the database is unreachable")
        else:
            records = GaugeMetricFamily(
                "hangar_catalog_records", "Records Hangar holds, by resource", labels=["resource"]
            )
            for resource, count in sizes:
                records.add_metric([resource], count)
            yield records
        synced = GaugeMetricFamily(
            "hangar_last_sync_timestamp_seconds",
            "When the last sync from each upstream finished, in seconds since the epoch",
            labels=["upstream"],
        )
        for upstream, finished in finished_syncs():
            synced.add_metric([upstream], finished.timestamp())
        yield synced


HANGAR_REGISTRY = CollectorRegistry(auto_describe=False)
HANGAR_REGISTRY.register(HangarCollector())


def metrics(request):
    response = ExportToDjangoView(request)
    response.content += generate_latest(HANGAR_REGISTRY)
    return response
