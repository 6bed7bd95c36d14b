"""Read replicas (``DATABASE_REPLICA_URLS``): API requests read one replica, commands and every
write use the primary, and readiness checks each replica.

Streaming replication is the database's business and cannot run here, so the replica is a
second real database that Hangar is pointed at: on PostgreSQL a second database on the same
server, on SQLite a second file. Each starts as a copy of the migrated primary and is then
given data of its own, so that which one answered shows in the answer.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from django.contrib.auth.models import User
from django.test import override_settings

from hangar.core.routers import ReplicaRouter, read_database, reads_from_a_replica
from hangar.spacecraft.models import Spacecraft
from tests.migrated import copy_sqlite, migrated_sqlite
from tests.test_health import check, get_in_a_process
from tests.upstream import free_port, hangar, hangar_env

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
AGENCY_44 = DATA_DIR / "agency-44-detailed.json"
PROGRAM_25 = DATA_DIR / "program-25.json"
POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")


@dataclass
class Databases:
    """A migrated primary holding agency 44, and a replica: two copies of one database."""

    primary: str
    replica: str

    def query(self, url: str, sql: str, params: tuple = ()) -> list[tuple]:
        if url.startswith("sqlite"):
            with sqlite3.connect(url.removeprefix("sqlite:///")) as connection:
                return connection.execute(sql.replace("%s", "?"), params).fetchall()
        with psycopg.connect(url, autocommit=True) as connection:
            cursor = connection.execute(sql, params)
            return cursor.fetchall() if cursor.description else []

    def agency_name(self, url: str) -> str:
        return self.query(url, "SELECT name FROM catalog_agency WHERE id = 44")[0][0]

    def version(self, url: str) -> int:
        return self.query(url, "SELECT number FROM catalog_version")[0][0]

    def replicate(self, name: str) -> None:
        """What replication would bring: a change to the catalog, with its version."""
        self.query(self.replica, "UPDATE catalog_agency SET name = %s WHERE id = 44", (name,))
        self.query(self.replica, "UPDATE catalog_version SET number = number + 1")


def env_for(tmp_path: Path, primary: str, replicas: str = "") -> dict:
    env = hangar_env(tmp_path / "unused.sqlite3", tmp_path / "var")
    env.update(DATABASE_URL=primary, DATABASE_REPLICA_URLS=replicas, HANGAR_REFRESH_SECONDS="0")
    return env


def migrated_primary(tmp_path: Path, url: str) -> None:
    env = env_for(tmp_path, url)
    if url.startswith("sqlite"):
        migrated_sqlite(Path(url.removeprefix("sqlite:///")))
    else:
        hangar("migrate", "--noinput", "-v0", env=env)
    hangar("import", str(AGENCY_44), env=env)


def postgres_url(name: str) -> str:
    return re.sub(r"/[^/]*$", f"/{name}", os.environ["DATABASE_URL"])


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Iterator[str]:
    """A migrated primary holding agency 44, made once for the module: each test's primary and
    replica are copies of it."""
    workdir = tmp_path_factory.mktemp("replicas")
    if not POSTGRES:
        url = f"sqlite:///{workdir / 'template.sqlite3'}"
        migrated_primary(workdir, url)
        yield url
        return
    name = f"hangar_replicas_{os.getpid()}_template"
    with psycopg.connect(postgres_url("postgres"), autocommit=True) as server:
        server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        server.execute(f"CREATE DATABASE {name}")
        try:
            migrated_primary(workdir, postgres_url(name))
            yield name
        finally:
            server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def databases(tmp_path: Path, template: str) -> Iterator[Databases]:
    if not POSTGRES:
        primary, replica = tmp_path / "primary.sqlite3", tmp_path / "replica.sqlite3"
        for copy in (primary, replica):
            copy_sqlite(Path(template.removeprefix("sqlite:///")), copy)
        yield Databases(f"sqlite:///{primary}", f"sqlite:///{replica}")
        return
    names = [f"hangar_replicas_{os.getpid()}_{role}" for role in ("primary", "replica")]
    with psycopg.connect(postgres_url("postgres"), autocommit=True) as server:
        for name in names:
            server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            server.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
        try:
            yield Databases(postgres_url(names[0]), postgres_url(names[1]))
        finally:
            for name in names:
                server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def get(base: str, path: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(f"{base}{path}", timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.fixture
def served(tmp_path: Path, databases: Databases) -> Iterator[tuple[str, dict]]:
    """``hangar serve`` (behind its response cache) with the replica; its url and env."""
    env = env_for(tmp_path, databases.primary, databases.replica)
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    command = ["serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"]
    process = subprocess.Popen(
        [sys.executable, "-m", "hangar.cli", *command],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, (tmp_path / "serve.log").read_text()
            try:
                urllib.request.urlopen(f"{base}/health/", timeout=2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "hangar serve did not start"
                time.sleep(0.2)
        yield base, env
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_the_api_reads_the_replica_and_commands_write_the_primary(served, databases):
    base, env = served
    databases.replicate("Replica Agency")
    status, agency = get(base, "/2.3.0/agencies/44/")
    assert (status, agency["name"]) == (200, "Replica Agency")
    assert databases.agency_name(databases.primary) != "Replica Agency"

    # A command, run with the replica configured, writes the primary and reads it back.
    done = hangar("import", str(PROGRAM_25), env=env)
    assert "created" in done.stdout
    program_25 = "SELECT count(*) FROM catalog_program WHERE id = 25"
    assert databases.query(databases.primary, program_25) == [(1,)]
    assert databases.query(databases.replica, program_25) == [(0,)]
    # Until replication brings it, the API does not see it.
    assert get(base, "/2.3.0/programs/25/")[0] == 404


def test_the_cached_answer_follows_the_replicas_version_not_the_primarys(served, databases):
    base, env = served
    name = databases.agency_name(databases.primary)
    assert get(base, "/2.3.0/agencies/44/")[1]["name"] == name
    # The primary moves on; the replica has not caught up: its answer, under its version.
    hangar("import", str(PROGRAM_25), env=env)
    assert databases.version(databases.primary) > databases.version(databases.replica)
    assert get(base, "/2.3.0/agencies/44/")[1]["name"] == name
    # The metrics show the lag: each database's version.
    with urllib.request.urlopen(f"{base}/metrics", timeout=30) as response:
        metrics = response.read().decode()
    primary, replica = databases.version(databases.primary), databases.version(databases.replica)
    shown = dict(re.findall(r'hangar_catalog_version\{database="(\w+)"\} (\S+)', metrics))
    assert float(shown["default"]) == float(primary)
    assert float(shown["replica_1"]) == float(replica)
    databases.replicate("Caught Up")
    # Had the version come from the primary, the answer computed from the lagging replica
    # would now be kept under the new version and the change above never served.
    assert get(base, "/2.3.0/agencies/44/")[1]["name"] == "Caught Up"


def test_readiness_checks_every_replica(tmp_path, databases):
    unmigrated = tmp_path / "unmigrated.sqlite3"
    nothing_listens = f"postgres://hangar@127.0.0.1:{free_port()}/hangar"
    replicas = f"{databases.replica},{nothing_listens},sqlite:///{unmigrated}"
    env = env_for(tmp_path, databases.primary, replicas)
    status, body = get_in_a_process(env, "/health/ready/")["/health/ready/"]
    assert status == 500
    assert check(body, "Database(alias='replica_1')") == "OK"
    assert check(body, "Migrations(alias='replica_1')") == "OK"
    assert check(body, "Database(alias='replica_2')") == "Unavailable: connection failed"
    assert check(body, "Migrations(alias='replica_3')").endswith("migrations not applied")
    assert check(body, "Migrations(alias='default')") == "OK"


def test_one_healthy_replica_is_ready_and_serves_through_django(tmp_path, databases):
    databases.replicate("Replica Agency")
    env = env_for(tmp_path, databases.primary, databases.replica)
    answers = get_in_a_process(env, "/health/ready/", "/2.3.0/agencies/44/")
    assert answers["/health/ready/"][0] == 200
    status, body = answers["/2.3.0/agencies/44/"]
    assert (status, json.loads(body)["name"]) == (200, "Replica Agency")


@pytest.mark.parametrize("variable", ["DATABASE_URL", "DATABASE_REPLICA_URLS"])
@pytest.mark.parametrize("value", ["nonsense", "postgres://hangar@host:port/hangar"])
def test_a_malformed_database_url_stops_start_up_naming_the_variable(tmp_path, variable, value):
    env = env_for(tmp_path, f"sqlite:///{tmp_path / 'hangar.sqlite3'}")
    env[variable] = value
    done = hangar("check", env=env, check=False)
    assert done.returncode != 0
    [line] = done.stderr.strip().splitlines()
    assert f'"{variable}"' in line and "database url" in line


def test_the_router_reads_one_replica_per_request_and_writes_the_primary():
    router = ReplicaRouter()
    with override_settings(DATABASE_REPLICAS=["replica_1", "replica_2"]):
        assert read_database() == "default"
        assert router.db_for_read(Spacecraft) is None  # outside a request: the primary
        with reads_from_a_replica() as chosen:
            assert chosen in {"replica_1", "replica_2"}
            with reads_from_a_replica() as inner:
                assert inner == chosen  # sticky for the whole request
            assert router.db_for_read(Spacecraft) == read_database() == chosen
            assert router.db_for_read(User) is None  # not the catalog: the primary
            assert router.db_for_write(Spacecraft) == "default"
        assert read_database() == "default"
    assert router.allow_migrate("default", "catalog")
    assert not router.allow_migrate("replica_1", "catalog")
    with reads_from_a_replica() as chosen:  # no replicas configured
        assert chosen == "default" and router.db_for_read(Spacecraft) is None
