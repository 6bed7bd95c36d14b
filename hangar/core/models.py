"""The catalog's version: one number that every change to the catalog raises.

An import, a sync, a refresh of the statistics, the upgrade step and an edit in the admin each
call ``bump_catalog_version`` inside the transaction that writes the change, so the new number
commits with the rows, or not at all. Whatever is derived from the catalog and kept (cached
responses, counts) is keyed by the number, and is never served once it has moved on.
"""

from __future__ import annotations

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.models import F
from django.utils import timezone

from hangar.core.database_deadline import DatabaseStalled, deadline


class CatalogVersion(models.Model):
    """The one row (``id`` 1) holding the catalog's version and when it last changed."""

    ROW = 1

    id = models.PositiveSmallIntegerField(primary_key=True, default=ROW)
    number = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        app_label = "catalog"
        db_table = "catalog_version"

    def __str__(self) -> str:
        return f"catalog version {self.number}"


def bump_catalog_version() -> int:
    """Raise the version within the caller's transaction; the new number."""
    now = timezone.now()
    updated = CatalogVersion.objects.filter(pk=CatalogVersion.ROW).update(
        number=F("number") + 1, changed_at=now
    )
    if not updated:
        CatalogVersion.objects.create(pk=CatalogVersion.ROW, number=1, changed_at=now)
    return current_catalog_version()


def current_catalog_version(using: str | None = None) -> int:
    """The committed version (0 before the first change), in the database ``using`` (by
    default the one the router reads)."""
    number = (
        CatalogVersion.objects.using(using)
        .filter(pk=CatalogVersion.ROW)
        .values_list("number", flat=True)
        .first()
    )
    return number or 0


VERSION_SQL = "SELECT number FROM catalog_version"


def read_catalog_version(alias: str = DEFAULT_DB_ALIAS) -> int:
    """The committed version as fast as it can be read, for a check on every request: straight
    on the open driver connection of ``alias``, and through Django's error handling (which
    connects, and marks a failed connection for closing) when there is none or the query fails;
    under the deadline of every statement (``hangar.core.database_deadline``).
    """
    database = connections[alias]
    driver = database.connection
    if driver is not None:
        try:
            with deadline(database):
                row = driver.execute(VERSION_SQL).fetchone()
        except DatabaseStalled:
            raise
        except Exception:  # any driver's error: asked again below, where Django sorts it out
            pass
        else:
            return row[0] if row else 0
    with deadline(database), database.wrap_database_errors:
        database.ensure_connection()
        row = database.connection.execute(VERSION_SQL).fetchone()
    return row[0] if row else 0
