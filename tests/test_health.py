"""``/health/`` (liveness) and ``/health/ready/`` (readiness): ready only when every database
answers, every migration is applied and the cache works; alive whatever the database does.

The failures are real: a Hangar process of its own, configured with a PostgreSQL address where
nothing listens, or with a SQLite file no migration has touched."""

import json
import subprocess
import sys
from pathlib import Path

from tests.upstream import free_port, hangar_env

# Requests through Django's test client, in a process whose settings come from ``env`` alone.
SCRIPT = """
import json, sys
import django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
answers = {}
for path in sys.argv[1:]:
    response = client.get(path, HTTP_ACCEPT="application/json")
    answers[path] = [response.status_code, response.content.decode()]
print(json.dumps(answers))
"""


def get_in_a_process(env: dict, *paths: str) -> dict[str, tuple[int, str]]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *paths],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return {path: tuple(answer) for path, answer in json.loads(done.stdout).items()}


def check(body: str, name: str) -> str:
    """The outcome of the check whose report starts with ``name`` (``Database``, ...)."""
    [outcome] = [value for key, value in json.loads(body).items() if key.startswith(name)]
    return outcome


def test_liveness_answers_without_touching_the_database(client):
    # No ``db`` fixture: pytest-django refuses any query this request would run.
    response = client.get("/health/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response.json() == {}
    assert "no-cache" in response["Cache-Control"]


def test_ready_when_the_database_answers_migrated_and_the_cache_works(client, db):
    response = client.get("/health/ready/", {"format": "json"})
    assert response.status_code == 200
    body = response.json()
    assert [key.split("(")[0] for key in body] == ["Database", "Migrations", "Cache"]
    assert set(body.values()) == {"OK"}


def test_readiness_answers_text_for_a_probe(client, db):
    response = client.get("/health/ready/", HTTP_ACCEPT="text/plain")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Migrations(alias='default'): OK" in response.content.decode()


def test_database_unreachable_not_ready_but_alive(tmp_path: Path):
    env = hangar_env(tmp_path / "unused.sqlite3", tmp_path / "var")
    # A real PostgreSQL address where nothing listens: the database is down.
    env["DATABASE_URL"] = f"postgres://hangar@127.0.0.1:{free_port()}/hangar"
    answers = get_in_a_process(env, "/health/", "/health/ready/")
    assert answers["/health/"] == (200, "{}")
    status, body = answers["/health/ready/"]
    assert status == 500
    assert check(body, "Database") == "Unavailable: connection failed"
    assert check(body, "Migrations") == "Unavailable: database unreachable"
    assert check(body, "Cache") == "OK"
    assert "127.0.0.1" not in body and "hangar@" not in body  # no setting in a response


def test_database_not_migrated_not_ready(tmp_path: Path):
    env = hangar_env(tmp_path / "empty.sqlite3", tmp_path / "var")
    status, body = get_in_a_process(env, "/health/ready/")["/health/ready/"]
    assert status == 500
    assert check(body, "Database") == "OK"
    assert check(body, "Migrations").endswith("migrations not applied")
