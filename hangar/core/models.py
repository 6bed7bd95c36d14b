"""The catalog's version: one number that every change to the catalog raises, and never
repeats.

An import, a sync, a refresh of the statistics, the upgrade step and an edit in the admin each
call ``bump_catalog_version`` inside the transaction that writes the change, so the new number
commits with the rows, or not at all. Whatever is derived from the catalog and kept (cached
responses, counts) is keyed by the number, and is never served once it has moved on.
"""

from __future__ import annotations

import os
import time

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.models import F, Value
from django.db.models.functions import Greatest
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
    """Raise the version within the caller's transaction; the new number.

    The number is the instant of the change in microseconds since the epoch, or the last one
    plus one if that is not larger: it never repeats, even after a database is restored from a
    backup older than what the caches of running servers (or Redis) hold, or when a change is
    rolled back and another made."""
    now = timezone.now()
    stamp = int(now.timestamp() * 1_000_000)
    updated = CatalogVersion.objects.filter(pk=CatalogVersion.ROW).update(
        number=Greatest(F("number") + 1, Value(stamp)), changed_at=now
    )
    if not updated:
        CatalogVersion.objects.create(pk=CatalogVersion.ROW, number=stamp, changed_at=now)
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
# File times lag the real clock by a tick of the kernel's coarse clock (a few ms), and some file
# systems keep them to the second (or two): a read counts only once the file is older than this.
FILE_CLOCK_MARGIN = 2.5  # seconds


class SQLiteFile:
    """The catalog version of a SQLite database file, read again only when the file may have
    changed since it was last read.

    Every commit writes the file (or, in WAL mode, its ``-wal`` file), which moves its
    modification time. When the files are as they were at the last read, and that read began
    well after their last modification (file times move in ticks of the kernel's coarse clock),
    nothing has been committed since: the version read then still holds. Otherwise it is
    queried. A database in memory has no file, and is always queried.

    In WAL mode, while the ``-wal`` file exists, every commit writes it and only a checkpoint
    (which changes no row) writes the database file: only the ``-wal`` file is looked at, one
    ``stat`` per request instead of two. It is deleted when the last connection closes, after
    a checkpoint that may bring a commit into the database file: that change of the ``-wal``
    file is seen, and both files are looked at again until it exists once more."""

    def __init__(self, name) -> None:
        name = str(name)
        self.paths = () if name == ":memory:" or "mode=memory" in name else (name, name + "-wal")
        # (the files looked at, their state, the version read then)
        self.seen: tuple | None = None

    def unchanged_version(self) -> int | None:
        """The version last read, if nothing can have been committed since; else ``None``."""
        seen = self.seen  # one read: another thread may replace it meanwhile
        if seen is None or file_states(seen[0]) != seen[1]:
            return None
        return seen[2]

    def read(self, version: int, started: float) -> None:
        """``version`` was queried at ``started`` (before the query)."""
        if not self.paths:
            return
        main, wal = file_states(self.paths)
        newest = max(main[2] if main else 0, wal[2] if wal else 0)
        settled = main is not None and newest / 1e9 < started - FILE_CLOCK_MARGIN
        if not settled:
            self.seen = None
        elif wal is not None and in_wal_mode(self.paths[0]):
            self.seen = (self.paths[1:], (wal,), version)
        else:
            self.seen = (self.paths, (main, wal), version)


def file_states(paths: tuple[str, ...]) -> tuple:
    """Each file's (inode, size, modification time), or ``None`` for a file that is not
    there; called on every request, so no more Python than it takes."""
    states = []
    for path in paths:
        try:
            st = os.stat(path)
        except OSError:
            states.append(None)
        else:
            states.append((st.st_ino, st.st_size, st.st_mtime_ns))
    return tuple(states)


def in_wal_mode(path: str) -> bool:
    """Whether the database file's header says WAL mode (its format versions, bytes 18 and
    19, are 2)."""
    try:
        with open(path, "rb") as file:
            header = file.read(20)
    except OSError:
        return False
    return header[18:20] == b"\x02\x02"


SQLITE_FILES: dict[str, SQLiteFile] = {}


def read_catalog_version(alias: str = DEFAULT_DB_ALIAS) -> int:
    """The committed version as fast as it can be read, for a check on every request: straight
    on the open driver connection of ``alias``, and through Django's error handling (which
    connects, and marks a failed connection for closing) when there is none or the query fails;
    under the deadline of every statement (``hangar.core.database_deadline``).
    """
    watch = SQLITE_FILES.get(alias)
    if watch is not None:
        # The files as they were: answered before Django's connection is even looked up.
        unchanged = watch.unchanged_version()
        if unchanged is not None:
            return unchanged
    database = connections[alias]
    if watch is None and database.vendor == "sqlite":
        watch = SQLITE_FILES[alias] = SQLiteFile(database.settings_dict["NAME"])
    started = time.time()
    number = query_catalog_version(database)
    if watch is not None:
        watch.read(number, started)
    return number


def query_catalog_version(database) -> int:
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


class LocalEdit(models.Model):
    """A record edited in the curation admin, and which of its fields the edit set.

    Local wins: an import or sync that writes the record keeps these fields as they were edited
    and counts the upstream changes it held back. Releasing the edit (deleting this row:
    ``hangar edits release``, or in the admin) lets the next import or sync that carries the
    record take the upstream's values again."""

    model = models.CharField(max_length=100)  # the model's label, ``catalog.spacecraft``
    object_id = models.CharField(max_length=64)
    fields = models.JSONField(default=list)  # model field names, sorted
    edited_at = models.DateTimeField(default=timezone.now)
    edited_by = models.CharField(max_length=150, blank=True, default="")

    class Meta:
        app_label = "catalog"
        db_table = "catalog_local_edit"
        ordering = ["model", "object_id"]
        constraints = [
            models.UniqueConstraint(fields=["model", "object_id"], name="local_edit_per_record")
        ]

    def __str__(self) -> str:
        return f"{self.model} {self.object_id}: {', '.join(self.fields)}"


def local_edits() -> dict[tuple[str, str], frozenset[str]]:
    """Every held local edit: (model label, object id) -> the edited field names. Edits are
    made by hand, so they are few: one query reads them all."""
    return {
        (model, object_id): frozenset(fields)
        for model, object_id, fields in LocalEdit.objects.values_list(
            "model", "object_id", "fields"
        )
    }
