"""``/metrics``: django-prometheus's request counts and latencies per view, and Hangar's own
gauges, read at each scrape.

Hangar's gauges live in a registry of their own and are appended to the library's export, so
that they are there in gunicorn's multi-process mode as well (``PROMETHEUS_MULTIPROC_DIR``),
where the export reads only the workers' files. With the database down they are left out, and
the request metrics are still served."""

import logging

from django.db import DatabaseError
from django_prometheus.exports import ExportToDjangoView
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from hangar.ingest.sync.checkpoint import finished_syncs
from hangar.service.catalog import catalog_size

logger = logging.getLogger(__name__)


class HangarCollector(Collector):
    def collect(self):
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
