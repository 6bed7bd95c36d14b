"""Hangar serves every endpoint from a SQLite file it may not write (a read-only mount, a
published snapshot): reads never write, and ``DATABASE_READ_ONLY=true`` opens the file
read-only, so that SQLite needs no journal, -wal or -shm file beside it.

A real ``hangar serve`` answers, in its own process, from a database built by ``hangar migrate``
and ``hangar load_bundled``, then made read-only: the file mode 0444, its directory 0555 (no
file can be created beside it) and, since root may write whatever the modes say, the setting
too. Every list endpoint answers in every mode, and the detail view of a record of each.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from hangar.core.registry import Resource, registry
from tests.migrated import migrated_sqlite
from tests.upstream import free_port, hangar, hangar_env

RESOURCES = registry.resources()


@dataclass(frozen=True)
class Served:
    url: str
    database: Path
    first_ids: dict[str, object]  # resource path -> a primary key it holds, read beforehand
    state: tuple  # the file's bytes and modification time, and what its directory holds

    def get(self, path: str) -> tuple[int, dict | list | None]:
        try:
            with urllib.request.urlopen(f"{self.url}/2.3.0/{path}", timeout=30) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, None


def file_state(database: Path) -> tuple:
    contents = hashlib.sha256(database.read_bytes()).hexdigest()
    return contents, database.stat().st_mtime_ns, sorted(os.listdir(database.parent))


def first_ids(database: Path) -> dict[str, object]:
    """A primary key of each resource that holds records, as its urls spell it."""
    found = {}
    with closing(sqlite3.connect(database)) as connection:
        for resource in RESOURCES:
            meta = resource.model._meta
            row = connection.execute(
                f'SELECT "{meta.pk.column}" FROM "{meta.db_table}" ORDER BY 1 LIMIT 1'
            ).fetchone()
            if row:
                found[resource.path] = meta.pk.to_python(row[0])
    return found


def start(env: dict, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = ["serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"]
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "hangar.cli", *command],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(log.read_text())
        try:
            with urllib.request.urlopen(f"{url}/2.3.0/", timeout=2):
                return process, url
        except urllib.error.HTTPError:
            return process, url  # it answers (the test says whether rightly)
        except OSError:
            time.sleep(0.1)
    stop(process)
    raise RuntimeError(f"hangar serve did not start:\n{log.read_text()}")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("read-only")
    database, var = workdir / "ro.sqlite3", workdir / "var"
    env = hangar_env(migrated_sqlite(database), var) | {"HANGAR_REFRESH_SECONDS": "0"}
    hangar("load_bundled", env=env)
    ids = first_ids(database)
    database.chmod(0o444)
    workdir.chmod(0o555)
    process = None
    try:
        state = file_state(database)
        env["DATABASE_READ_ONLY"] = "true"
        process, url = start(env, var / "serve.log")
        yield Served(url, database, ids, state)
    finally:
        if process is not None:
            stop(process)
        workdir.chmod(0o755)
        database.chmod(0o644)


def modes(resource: Resource) -> list[str]:
    if len(resource.modes) > 1:
        return [f"&mode={mode}" for mode in resource.modes]
    return [""]


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda resource: resource.path)
def test_every_endpoint_answers_from_a_read_only_file(served, resource):
    failed = []
    ids = []
    for mode in modes(resource) if resource.listed or resource.single else []:
        status, body = served.get(f"{resource.path}?format=json{mode}")
        if status != 200:
            failed.append(f"{resource.path}?format=json{mode}: {status}")
        elif resource.listed and body["results"]:
            ids.append(body["results"][0]["id"])
    detail = ids[0] if ids else served.first_ids.get(resource.path)
    if resource.single:  # one object (dashboard/starship/): no detail views
        detail = None
    elif not ids and resource.scope is not None:
        # A scoped endpoint holds only what its list shows: the bundled launches may all be
        # outside ``launches/upcoming/`` on the day the test runs.
        detail = None
    if detail is not None:
        status, _ = served.get(f"{resource.path}{detail}/?format=json")
        if status != 200:
            failed.append(f"{resource.path}{detail}/?format=json: {status}")
    assert not failed, "Answers other than 200:\n" + "\n".join(failed)
    assert file_state(served.database) == served.state, (
        "serving wrote to the database file or created files beside it"
    )


@pytest.mark.parametrize("path", ["", "api-throttle/"])
def test_the_root_and_api_throttle_answer_from_a_read_only_file(served, path):
    assert served.get(f"{path}?format=json")[0] == 200
    assert file_state(served.database) == served.state


def test_the_records_are_there(served):
    """The endpoints above answered with records, not from an empty catalog."""
    assert {"spacecraft/", "agencies/", "launches/"} <= set(served.first_ids)
    status, body = served.get("spacecraft/?format=json")
    assert status == 200
    assert body["count"] > 0
