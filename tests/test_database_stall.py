"""``hangar serve`` on a PostgreSQL server that freezes, thaws, stops and starts again under it
(``tests/private_postgres.py``): while the database cannot answer, API requests answer ``503``
with JSON and ``Retry-After`` within seconds, liveness keeps answering, and no gunicorn worker
is killed; once it answers again, so does Hangar, with nothing restarted."""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass

import pytest

from tests.private_postgres import PrivatePostgres, binaries, children
from tests.upstream import free_port, hangar, hangar_env

QUICK = 8  # seconds an answer may take while the database cannot answer
API = "/2.3.0/spacecraft/"


@dataclass
class Answer:
    status: int
    retry_after: str | None
    body: bytes
    seconds: float


class Served:
    """``hangar serve`` with two workers, on ``database`` with timeouts of a second or two."""

    def __init__(self, database: PrivatePostgres, tmp_path) -> None:
        self.port, self.log = free_port(), tmp_path / "serve.log"
        self.env = hangar_env(tmp_path / "unused.sqlite3", tmp_path / "var")
        self.env.update(
            DATABASE_URL=database.url,
            DATABASE_CONNECT_TIMEOUT="1",
            DATABASE_STATEMENT_TIMEOUT="2",
            HANGAR_REFRESH_SECONDS="0",
        )
        hangar("migrate", "--noinput", "-v0", env=self.env, timeout=300)
        bind = f"127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "hangar.cli", "serve", "--bind", bind, "--workers", "2"],
            env=self.env,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while self.workers_up() < 2 or not self.answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(self.log.read_text())
            time.sleep(0.2)

    def workers_up(self) -> int:
        return len(children(self.process.pid))

    def answers(self) -> bool:
        try:
            return self.get("/health/").status == 200
        except OSError:
            return False

    def get(self, path: str, accept: str = "application/json") -> Answer:
        began = time.monotonic()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request("GET", path, headers={"Accept": accept})
            response = connection.getresponse()
            body = response.read()
        finally:
            connection.close()
        seconds = time.monotonic() - began
        return Answer(response.status, response.getheader("Retry-After"), body, seconds)

    def workers(self) -> list[int]:
        return sorted(children(self.process.pid))

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


@pytest.fixture(scope="module")
def database():
    found = binaries()
    if found is None:
        pytest.skip("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin/")
    server = PrivatePostgres(found)
    try:
        yield server.initdb().start()
    finally:
        server.destroy()


@pytest.fixture(scope="module")
def served(database, tmp_path_factory):
    server = Served(database, tmp_path_factory.mktemp("stall"))
    yield server
    server.stop()


def assert_unavailable(answer: Answer) -> None:
    assert answer.status == 503, answer
    assert answer.retry_after == "5"
    assert "database is unavailable" in json.loads(answer.body)["detail"]
    assert answer.seconds < QUICK, answer


def assert_served(served: Served, requests: int = 4) -> None:
    """Enough requests that each worker answers some, every one from the database."""
    for number in range(requests):
        answer = served.get(f"{API}?limit={number + 1}")
        assert answer.status == 200, answer
        assert answer.seconds < QUICK, answer


def test_a_frozen_database_is_a_quick_503_and_thawing_it_is_enough(database, served):
    assert_served(served)  # every worker holds an open connection now
    workers = served.workers()
    database.freeze()
    try:
        # First past the response cache (which asks the catalog version on the same
        # connection), so that a statement of the view itself waits on an open connection.
        assert_unavailable(served.get(API, accept="text/html"))
        for number in range(4):
            assert_unavailable(served.get(f"{API}?offset={number}"))
        health = served.get("/health/")
        assert (health.status, health.seconds < 2) == (200, True), health
    finally:
        database.thaw()
    assert_served(served)
    assert served.workers() == workers
    assert "WORKER TIMEOUT" not in served.log.read_text()


def test_a_stopped_database_is_a_quick_503_and_starting_it_is_enough(database, served):
    assert_served(served)
    workers = served.workers()
    database.stop()
    try:
        for number in range(4):
            assert_unavailable(served.get(f"{API}?offset={number}"))
        assert served.get("/health/").status == 200
    finally:
        database.start()
    assert_served(served)
    assert served.workers() == workers
    assert "WORKER TIMEOUT" not in served.log.read_text()
