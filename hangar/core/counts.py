"""The ``count`` of every page, kept per catalog version.

LL2 pages carry the number of rows the query matches; counting a million rows on every request
costs a scan each time. The rows change only when the catalog version moves (an import, a sync,
a refresh, an edit), so a count is kept under the version and the SQL and parameters of the
rows it matches, and asked of the database again once the version has moved on. A query whose
rows depend on the instant (``upcoming/``) carries the instant in its parameters, so it is
counted afresh.

The counts are kept in each process's memory, the most recently used ones first
(``COUNT_CACHE_SIZE`` of them); ``COUNT_CACHE=false`` counts every time. Within a transaction
(a test's, or a command's) every count is asked of the database.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import datetime

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connections

from hangar.core.models import read_catalog_version

_counts: OrderedDict[tuple, int] = OrderedDict()
_lock = threading.Lock()


def count_of(queryset) -> int:
    """``queryset.count()``, from what was counted at this catalog version when it can be."""
    if not settings.COUNT_CACHE or connections[queryset.db].in_atomic_block:
        # Within a transaction the rows may hold its own writes, which no version counts.
        return queryset.count()
    try:
        sql, params = rows_matched(queryset).query.sql_with_params()
        params = tuple(params)
        hash(params)
    except (EmptyResultSet, TypeError):  # matches nothing, or parameters no key can hold
        return queryset.count()
    if any(isinstance(param, datetime) for param in params):
        return queryset.count()  # it depends on the instant: counted once, kept never
    key = (queryset.db, read_catalog_version(queryset.db), sql, params)
    with _lock:
        if key in _counts:
            _counts.move_to_end(key)
            return _counts[key]
    count = queryset.count()
    with _lock:
        _counts[key] = count
        while len(_counts) > settings.COUNT_CACHE_SIZE:
            _counts.popitem(last=False)
    return count


def rows_matched(queryset):
    """The query that names the rows a count counts: without its order and, unless it is
    distinct, selecting only the primary key. The values a page selects and orders by, such as
    a duration as of the instant of the request, do not change the count, and must not make a
    key that changes every second."""
    query = queryset.order_by()
    return query if query.query.distinct else query.values("pk")


def forget() -> None:
    with _lock:
        _counts.clear()
