"""Settings come from the environment, typed: a value that does not parse stops the command
with one line naming the variable; the public built-in SECRET_KEY is refused off loopback; a
database error ends a command with one line, the traceback only with ``--traceback``."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.migrated import migrated_sqlite
from tests.upstream import hangar_env


def run(tmp_path: Path, *args: str, **variables: str) -> subprocess.CompletedProcess:
    env = hangar_env(tmp_path / "hangar.sqlite3", tmp_path / "var")
    env.pop("SECRET_KEY", None)
    env.update(variables, HANGAR_REFRESH_SECONDS="0")
    return subprocess.run(
        [sys.executable, "-m", "hangar.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "name, value",
    [
        ("DEBUG", "yes-please"),
        ("DATABASE_CONN_MAX_AGE", "abc"),
        ("DATABASE_STATEMENT_TIMEOUT", "-5"),
        ("HANGAR_WORKERS", "0"),
        ("LOG_LEVEL", "LOUD"),
    ],
)
def test_a_value_that_does_not_parse_stops_start_up_naming_the_variable(tmp_path, name, value):
    done = run(tmp_path, "check", **{name: value})
    assert done.returncode != 0
    [line] = done.stderr.strip().splitlines()  # one line, no traceback
    assert f'"{name}"' in line


def test_the_built_in_secret_key_is_refused_off_loopback(tmp_path):
    done = run(tmp_path, "serve", "--bind", "0.0.0.0:0")
    assert done.returncode != 0
    assert "SECRET_KEY" in done.stderr and "0.0.0.0:0" in done.stderr


def test_a_database_error_is_one_line_and_the_traceback_is_asked_for(tmp_path):
    database = migrated_sqlite(tmp_path / "hangar.sqlite3")
    program = Path(__file__).resolve().parent.parent / "data" / "program-25.json"
    done = run(tmp_path, "import", str(program), DATABASE_READ_ONLY="true")
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert line == "hangar import: database error: attempt to write a readonly database"
    traced = run(tmp_path, "import", str(program), "--traceback", DATABASE_READ_ONLY="true")
    assert "Traceback" in traced.stderr
    assert database.exists()
