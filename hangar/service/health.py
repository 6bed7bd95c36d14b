"""``/health/`` and ``/health/ready/``, from django-health-check.

Liveness answers as long as the process serves requests, and touches nothing else: a database
outage must not get healthy instances restarted. Readiness asks whether this instance can serve
the catalog: every database reachable (the read replicas too), every migration applied on each,
the cache writable. Either
answers JSON (``?format=json`` or ``Accept: application/json``), plain text or an HTML page,
with 200 when every check passes and 500 when one fails; the failure is named, never a setting.
"""

import dataclasses

from django.conf import settings
from django.db import DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from health_check import Cache, Database, HealthCheck
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView


@dataclasses.dataclass
class Migrations(HealthCheck):
    """Every migration of the code is applied to the database: an instance started before
    ``hangar migrate`` finished would fail on the columns it expects. A replica receives the
    migrations from the primary's replication; one that has not yet would fail the same way."""

    alias: str = "default"

    def run(self):
        connection = connections[self.alias]
        try:
            # Opened for the check and closed after it, as the database check does, so that
            # the probe's thread leaves no connection behind.
            with connection.temporary_connection():
                executor = MigrationExecutor(connection)
                plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        except DatabaseError as error:
            raise ServiceUnavailable("database unreachable") from error
        if plan:
            raise ServiceUnavailable(f"{len(plan)} migrations not applied")


def readiness_checks() -> list:
    databases = [(Database, {"alias": alias}) for alias in settings.DATABASES]
    migrations = [(Migrations, {"alias": alias}) for alias in settings.DATABASES]
    return [*databases, *migrations, Cache]


liveness = HealthCheckView.as_view(checks=())
readiness = HealthCheckView.as_view(checks=readiness_checks())
