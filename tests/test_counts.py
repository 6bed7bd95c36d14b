"""Pages' counts kept per catalog version (``hangar.core.counts``), pages in the second half of
the rows read from the end (``hangar.core.pagination``), and the catalog version of a SQLite file
read again only when a commit may have touched it."""

from __future__ import annotations

import copy
import os
import sqlite3
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hangar.core import counts
from hangar.core.models import SQLiteFile
from hangar.ingest.importer import import_documents, import_files
from tests.conftest import SPACECRAFT_PAGE, sample

PAGE = "/2.3.0/spacecraft/?limit=2&ordering=id"


@pytest.fixture
def committed_page(transactional_db):
    """The sample page imported and committed: outside a transaction, counts are kept."""
    counts.forget()
    import_files([SPACECRAFT_PAGE])
    yield sample(SPACECRAFT_PAGE)
    counts.forget()


def count_queries(api, path: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        body = api.get(path).json()
    counted = sum("COUNT(" in query["sql"].upper() for query in queries.captured_queries)
    return body["count"], counted


def test_a_count_is_asked_once_per_catalog_version(api, committed_page):
    total = len(committed_page["response"]["results"])
    assert count_queries(api, PAGE) == (total, 1)
    assert count_queries(api, PAGE) == (total, 0)
    assert count_queries(api, PAGE + "&name=none") == (0, 1)


def test_an_import_that_adds_rows_is_counted_at_once(api, committed_page):
    total = len(committed_page["response"]["results"])
    count_queries(api, PAGE)
    more = copy.deepcopy(committed_page)
    added = copy.deepcopy(more["response"]["results"][0])
    added["id"], added["name"] = 999_999, "One more"
    added["url"] = added["url"].replace(f"/{more['response']['results'][0]['id']}/", "/999999/")
    more["response"]["results"] = [added]
    import_documents([("more.json", more)])
    assert count_queries(api, PAGE) == (total + 1, 1)


@pytest.mark.parametrize(
    "query", ["", "&ordering=-time_in_space", "&search=a&ordering=time_docked"]
)
def test_a_count_is_kept_as_the_seconds_pass(api, committed_page, query):
    # Every spacecraft/ query carries the durations as of the instant of the request, which
    # changes every second; the rows it matches do not.
    later = timezone.now() + timedelta(seconds=5)
    assert count_queries(api, PAGE + query)[1] == 1
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert count_queries(api, PAGE + query)[1] == 0


def test_within_a_transaction_every_count_is_asked(api, spacecraft_page, settings):
    settings.COUNT_CACHE = True
    assert count_queries(api, PAGE)[1] == 1
    assert count_queries(api, PAGE)[1] == 1


@pytest.mark.parametrize("ordering", ["id", "-id", "name", "-time_in_space", "-flights_count"])
def test_a_page_read_from_the_end_is_the_page_read_from_the_start(api, spacecraft_page, ordering):
    everything = api.get(f"/2.3.0/spacecraft/?limit=100&ordering={ordering}").json()["results"]
    ids = [craft["id"] for craft in everything]
    assert len(ids) > 6
    for offset in (len(ids) // 2 + 1, len(ids) - 3, len(ids) - 1):
        page = api.get(f"/2.3.0/spacecraft/?limit=4&offset={offset}&ordering={ordering}").json()
        assert [craft["id"] for craft in page["results"]] == ids[offset : offset + 4]
        assert page["count"] == len(ids)


def write_version(path, number: int) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE IF NOT EXISTS catalog_version (number INTEGER)")
        db.execute("DELETE FROM catalog_version")
        db.execute("INSERT INTO catalog_version VALUES (?)", (number,))
    db.close()


def age(path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


@pytest.mark.parametrize("wal", [False, True])
def test_a_sqlite_file_is_queried_again_once_a_commit_has_touched_it(tmp_path, wal):
    path = str(tmp_path / "catalog.sqlite3")
    write_version(path, 1)
    if wal:
        with sqlite3.connect(path) as db:
            db.execute("PRAGMA journal_mode=wal")
    watch = SQLiteFile(path)
    watch.read(1, time.time())
    assert watch.unchanged_version() is None  # written just now: a commit could share its tick
    for name in (path, path + "-wal"):
        if os.path.exists(name):
            age(name, 10)
    watch.read(1, time.time())
    assert watch.unchanged_version() == 1
    write_version(path, 2)
    assert watch.unchanged_version() is None


def test_a_wal_file_held_open_is_the_one_file_looked_at_until_it_goes(tmp_path):
    path = str(tmp_path / "catalog.sqlite3")
    write_version(path, 1)
    server = sqlite3.connect(path)  # a server's connection keeps the -wal file in place
    server.execute("PRAGMA journal_mode=wal")
    server.execute("SELECT number FROM catalog_version").fetchall()
    write_version(path, 2)
    for name in (path, path + "-wal"):
        age(name, 10)
    watch = SQLiteFile(path)
    watch.read(2, time.time())
    assert watch.seen[0] == (path + "-wal",) and watch.unchanged_version() == 2
    write_version(path, 3)  # another process's commit
    assert watch.unchanged_version() is None
    age(path + "-wal", 10)
    watch.read(3, time.time())
    assert watch.unchanged_version() == 3
    server.close()  # the last connection: a checkpoint into the database file, the -wal gone
    assert not os.path.exists(path + "-wal") and watch.unchanged_version() is None
    age(path, 10)
    watch.read(3, time.time())
    assert watch.seen[0] == (path, path + "-wal") and watch.unchanged_version() == 3
    write_version(path, 4)
    assert watch.unchanged_version() is None


def test_a_database_in_memory_is_always_queried():
    watch = SQLiteFile("file:memorydb_default?mode=memory&cache=shared")
    watch.read(1, time.time())
    assert watch.unchanged_version() is None


def test_a_query_that_matches_nothing_counts_zero(committed_page):
    from hangar.spacecraft.models import Spacecraft

    assert counts.count_of(Spacecraft.objects.none()) == 0
    assert counts.count_of(Spacecraft.objects.filter(id__in=[])) == 0
    assert counts.count_of(Spacecraft.objects.all()) > 0
