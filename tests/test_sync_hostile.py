"""``hangar sync`` against an upstream that does its worst (``tests/hostile.py``): each run ends
within its deadline, in bounded memory, with the catalog unchanged and one line saying what
happened. The sync is the real command in a process of its own, on a SQLite catalog of the
bundled records, so that its wall time and peak memory are its own."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from tests.hostile import HostileServer
from tests.measured import Finished, run_measured
from tests.migrated import migrated_sqlite
from tests.upstream import DATA_DIR, hangar, hangar_env

MEMORY_LIMIT_MIB = 300
HARD_STOP = 60  # seconds: a sync still running then is killed, and the test fails
FAST = ["--no-progress", "--budget", "1000", "--backoff", "0.1", "--only", "spacecraft/"]


@pytest.fixture(scope="module")
def catalog(tmp_path_factory) -> Path:
    """A migrated SQLite catalog holding the bundled records, to copy for each run."""
    workdir = tmp_path_factory.mktemp("hostile-catalog")
    database = workdir / "catalog.sqlite3"
    env = hangar_env(migrated_sqlite(database), workdir / "var")
    hangar("import", *map(str, sorted(DATA_DIR.glob("*.json"))), env=env)
    return database


def dump(database: Path) -> list[str]:
    """Every table's rows, as SQL: what a sync that changed nothing leaves as it was."""
    with sqlite3.connect(database) as connection:
        return list(connection.iterdump())


def run_sync(upstream: str, tmp_path: Path, catalog: Path, *options: str) -> Finished:
    """``hangar sync`` in a process of its own, its peak RSS its own (``tests/measured.py``)."""
    database = tmp_path / "downstream.sqlite3"
    shutil.copyfile(catalog, database)
    env = hangar_env(database, tmp_path / "var")
    command = [sys.executable, "-m", "hangar.cli", "sync", "--upstream", upstream, *FAST]
    command += ["--state-dir", str(tmp_path / "sync"), *options]
    return run_measured(command, env, tmp_path, HARD_STOP)


def assert_refused(finished: Finished, deadline: float, *said: str) -> None:
    """The run failed within ``deadline`` seconds and in bounded memory, and one line of its
    error names everything in ``said``."""
    assert finished.returncode != 0, finished.stderr
    assert finished.seconds < deadline, (finished.seconds, finished.stderr)
    assert finished.peak_mib < MEMORY_LIMIT_MIB, (finished.peak_mib, finished.stderr)
    lines = finished.stderr.splitlines()
    assert any(all(part in line for part in said) for line in lines), finished.stderr


@pytest.mark.parametrize("behaviour", ["drip", "drip-body"])
def test_an_upstream_that_drips_is_given_up_on_at_the_deadline(behaviour, catalog, tmp_path):
    before = dump(catalog)
    with HostileServer(behaviour) as server:
        finished = run_sync(server.url, tmp_path, catalog, "--timeout", "2", "--retries", "2")
    # Two attempts of 2 s each, a backoff of 0.1 s, and the start of a Python process.
    assert_refused(
        finished,
        20,
        f"GET {server.url}/2.3.0/spacecraft/?",
        "no complete answer within 2s (--timeout); gave up after 2 attempts",
    )
    assert len(server.requests) == 2
    assert dump(tmp_path / "downstream.sqlite3") == before


@pytest.mark.parametrize("behaviour", ["huge", "huge-announced"])
def test_an_endless_body_is_refused_past_the_limit(behaviour, catalog, tmp_path):
    before = dump(catalog)
    with HostileServer(behaviour) as server:
        finished = run_sync(server.url, tmp_path, catalog, "--max-body-mb", "2")
    assert_refused(
        finished,
        20,
        f"GET {server.url}/2.3.0/spacecraft/?",
        "the answer is larger than the 2 MiB allowed (--max-body-mb)",
    )
    assert len(server.requests) == 1  # refused for good, not retried
    assert dump(tmp_path / "downstream.sqlite3") == before


def test_a_gzip_bomb_is_refused_once_it_inflates_past_the_limit(catalog, tmp_path):
    before = dump(catalog)
    with HostileServer("gzip-bomb") as server:
        finished = run_sync(server.url, tmp_path, catalog, "--max-body-mb", "8")
    assert_refused(
        finished,
        20,
        f"GET {server.url}/2.3.0/spacecraft/?",
        "larger than the 8 MiB allowed (--max-body-mb) once decompressed",
    )
    assert len(server.requests) == 1
    assert dump(tmp_path / "downstream.sqlite3") == before


def test_a_next_link_to_another_host_is_not_followed(catalog, tmp_path):
    before = dump(catalog)
    with (
        HostileServer("endless") as elsewhere,
        HostileServer("foreign-next", elsewhere.url) as server,
    ):
        finished = run_sync(server.url, tmp_path, catalog)
    assert_refused(
        finished,
        20,
        f"next: '{elsewhere.url}/2.3.0/spacecraft/?",
        f"is not on the upstream ({server.url}); a link to another host or scheme is not followed",
    )
    assert len(server.requests) == 1 and not elsewhere.requests
    assert dump(tmp_path / "downstream.sqlite3") == before


def test_a_count_no_list_may_have_is_refused_on_the_first_page(catalog, tmp_path):
    before = dump(catalog)
    with HostileServer("endless") as server:
        finished = run_sync(server.url, tmp_path, catalog, "--max-pages", "50")
    assert_refused(
        finished,
        20,
        "count: 1000000000 records in pages of 100 would take 10000000 pages, "
        "more than the 50 a list may take (--max-pages)",
    )
    assert len(server.requests) == 1
    assert dump(tmp_path / "downstream.sqlite3") == before


def test_paging_past_what_the_count_needs_is_refused(catalog, tmp_path):
    before = dump(catalog)
    with HostileServer("endless-small") as server:
        finished = run_sync(server.url, tmp_path, catalog)
    # 250 records in pages of 100: 3 pages, a tenth more and two: 5 pages at most.
    assert_refused(
        finished,
        30,
        "would be page 6, past the 5 pages a list of 250 records may take; "
        "the upstream does not stop paging",
    )
    assert len(server.requests) == 5
    assert dump(tmp_path / "downstream.sqlite3") == before
