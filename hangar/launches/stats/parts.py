"""Reading and writing many rows: queries over a set of ids that may be large, one query per
part so that no statement carries more parameters than SQLite accepts (``None`` stands for
every row), and updates of many rows at once (``hangar.core.rows``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.db.models import QuerySet

from hangar.core.rows import update_rows

__all__ = ["among", "update_rows"]

PART = 2000


def among(query: QuerySet, column: str, ids: Iterable | None) -> Iterator[QuerySet]:
    """``query`` restricted to rows whose ``column`` is one of ``ids``, part by part."""
    if ids is None:
        yield query
        return
    ordered = sorted(set(ids) - {None}, key=str)
    for start in range(0, len(ordered), PART):
        yield query.filter(**{f"{column}__in": ordered[start : start + PART]})
