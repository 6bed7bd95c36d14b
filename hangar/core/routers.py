"""Read replicas: the reads of an API request go to one replica, everything else to the primary.

A request picks one replica (at random, so that the workers of every instance spread over
them) and keeps it for all of its reads: one request never mixes two replicas, which may lag
behind the primary by different amounts. The response cache reads the catalog version on the
same replica as the data (``hangar.core.cache``): a version and the rows it stands for always
come from one database, so an answer is never kept under a version its data does not have yet.
A replica that lags serves an older version, and the answers of that version, for as long as
it lags; never a newer version's key over older rows.

Only the API's requests read from a replica, and only the catalog's tables, outside a
transaction: the choice is a context variable that the response cache (or, without it,
``ReplicaReadsMiddleware``) sets around each request. Sessions, users, API keys and the
admin's pages read the primary, so that a login, a new key or an edit is seen at once. Management
commands never set it, so import, sync, refresh, upgrade, migrate and every other command read
and write the primary, and see what they write. Writes always go to the primary, and
migrations run only there: a replica receives the schema from the primary's replication.
"""

from __future__ import annotations

import contextlib
import random
from collections.abc import Iterator
from contextvars import ContextVar

from django.conf import settings
from django.db import connections

PRIMARY = "default"
CATALOG = "catalog"
API_PREFIX = "/2.3.0/"

_request_database: ContextVar[str | None] = ContextVar("hangar_request_database", default=None)


@contextlib.contextmanager
def reads_from_a_replica() -> Iterator[str]:
    """Within: reads go to one replica, the same for every read (the primary when there is
    none); nested, the outer choice stands. Yields the database read."""
    chosen = _request_database.get()
    if chosen is not None or not settings.DATABASE_REPLICAS:
        yield chosen or PRIMARY
        return
    alias = random.choice(settings.DATABASE_REPLICAS)
    token = _request_database.set(alias)
    try:
        yield alias
    finally:
        _request_database.reset(token)


def read_database() -> str:
    """The database reads go to at this point: the request's replica, or the primary."""
    return _request_database.get() or PRIMARY


class ReplicaRouter:
    """Django's database router for ``DATABASE_REPLICA_URLS``."""

    def db_for_read(self, model, **hints):
        # Only the catalog's tables, and only outside a transaction (where the rows read must
        # include what it writes): sessions, users, keys and an admin's edit read the primary.
        if model._meta.app_label != CATALOG or connections[PRIMARY].in_atomic_block:
            return None  # Django's default, the primary
        return _request_database.get()

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True  # every replica holds the primary's rows

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY


class ReplicaReadsMiddleware:
    """Reads from one replica for the request, for servers that call Django without the
    response cache in front (the test client, ``hangar runserver``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)  # the admin and the service pages: the primary
        with reads_from_a_replica():
            return self.get_response(request)
