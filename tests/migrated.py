"""An empty SQLite catalog, migrated once per test run by ``hangar migrate`` in a process of its
own and copied wherever a test needs a migrated file to start from: applying every migration
takes seconds (Django renders the project state again and again), a copy of the result none.

The copy is made with SQLite's backup API, so that it is whole even if the template were still
in write-ahead-log mode with a ``-wal`` file beside it.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path


@cache
def template() -> Path:
    """The migrated template of this test run (removed when the run ends)."""
    workdir = Path(tempfile.mkdtemp(prefix="hangar-migrated-"))
    atexit.register(shutil.rmtree, workdir, ignore_errors=True)
    database = workdir / "migrated.sqlite3"
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST")}
    env.update(
        DATABASE_URL=f"sqlite:///{database}",
        HANGAR_VAR_DIR=str(workdir / "var"),
        DJANGO_SETTINGS_MODULE="hangar.settings",
    )
    subprocess.run(
        [sys.executable, "-m", "hangar.cli", "migrate", "--noinput", "-v0"],
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    return database


def copy_sqlite(source: Path, target: Path) -> Path:
    """``target``, a new file holding what ``source`` holds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as reading, sqlite3.connect(target) as writing:
        reading.backup(writing)
    reading.close()
    writing.close()
    return target


def migrated_sqlite(database: Path) -> Path:
    """``database``, a new file: what ``hangar migrate`` makes of a missing one."""
    return copy_sqlite(template(), database)
