"""``hangar import`` in bounded memory: its peak does not grow with its input, whether the input
is many pages or one file too large to decode whole. The import is the real command in a process
of its own (``tests/measured.py``), on a SQLite catalog of its own; measured on the SQLite run
of the suite only, the database making no difference to what the importer holds."""

from __future__ import annotations

import copy
import os
import shutil
import sys
from pathlib import Path

import orjson
import pytest

from hangar.ingest.large_files import WHOLE_FILE_LIMIT
from tests.conftest import SPACECRAFT_PAGE, sample
from tests.measured import Finished, run_measured
from tests.migrated import migrated_sqlite
from tests.upstream import hangar_env

pytestmark = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="measured once, on the SQLite run",
)
HARD_STOP = 240
# What importing more records may add to the peak: the ids of what was written (a few dozen
# bytes a row), not the records.
GROWTH_LIMIT_MIB = 25
FIRST_ID = 10_000_000


def spacecraft(count: int) -> list[dict]:
    """``count`` distinct spacecraft records, copies of a real one with ids of their own."""
    model = sample(SPACECRAFT_PAGE)["response"]["results"][0]
    records = []
    for index in range(count):
        record = copy.deepcopy(model)
        pk = FIRST_ID + index
        record.update(id=pk, url=f"https://ll.thespacedevs.com/2.3.0/spacecraft/{pk}/")
        record["name"] = f"{model['name']} {index}"
        records.append(record)
    return records


def pages(directory: Path, count: int, size: int = 100) -> list[str]:
    """``count`` records as LL2 list pages of ``size``, a file each."""
    directory.mkdir()
    records = spacecraft(count)
    paths = []
    for start in range(0, count, size):
        path = directory / f"page-{start // size:04}.json"
        page = {"count": count, "next": None, "previous": None}
        path.write_bytes(orjson.dumps({**page, "results": records[start : start + size]}))
        paths.append(str(path))
    return paths


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> Path:
    """An empty, migrated catalog, copied for each import."""
    workdir = tmp_path_factory.mktemp("migrated")
    database = workdir / "catalog.sqlite3"
    return migrated_sqlite(database)


def import_measured(migrated: Path, workdir: Path, files: list[str]) -> Finished:
    workdir.mkdir()
    shutil.copyfile(migrated, workdir / "catalog.sqlite3")
    env = hangar_env(workdir / "catalog.sqlite3", workdir / "var")
    command = [sys.executable, "-m", "hangar.cli", "import", *files]
    return run_measured(command, env, workdir, HARD_STOP)


def imported(finished: Finished, count: int) -> None:
    assert finished.returncode == 0, finished.stderr
    assert f"  spacecraft: {count} created, 0 updated" in finished.stdout, finished.stdout


@pytest.fixture(scope="module")
def small(migrated, tmp_path_factory) -> Finished:
    """The peak of importing 1,000 records: what the others are held to."""
    workdir = tmp_path_factory.mktemp("small")
    finished = import_measured(migrated, workdir / "run", pages(workdir / "pages", 1000))
    imported(finished, 1000)
    return finished


def test_the_peak_does_not_grow_with_the_number_of_pages(small, migrated, tmp_path):
    large = import_measured(migrated, tmp_path / "run", pages(tmp_path / "pages", 7000))
    imported(large, 7000)
    assert large.peak_mib - small.peak_mib < GROWTH_LIMIT_MIB, (small.peak_mib, large.peak_mib)


def test_one_file_too_large_to_decode_whole_is_read_record_by_record(small, migrated, tmp_path):
    count = WHOLE_FILE_LIMIT // len(orjson.dumps(spacecraft(1)[0])) + 100
    path = tmp_path / "all.json"
    path.write_bytes(orjson.dumps(spacecraft(count)))
    assert path.stat().st_size > WHOLE_FILE_LIMIT
    finished = import_measured(migrated, tmp_path / "run", [str(path)])
    imported(finished, count)
    assert finished.peak_mib - small.peak_mib < GROWTH_LIMIT_MIB, (small.peak_mib, finished)


def test_fifty_megabytes_of_empty_objects_are_refused_in_bounded_memory(small, migrated, tmp_path):
    path = tmp_path / "empty-objects.json"
    count = 50 * 1024 * 1024 // 3
    path.write_bytes(b"[" + b"{}," * (count - 1) + b"{}]")
    finished = import_measured(migrated, tmp_path / "run", [str(path)])
    assert finished.returncode != 0
    assert f"{path}: [0]: cannot tell which resource this record is (no url)." in finished.stderr
    assert finished.peak_mib < small.peak_mib, (small.peak_mib, finished)
