"""A database that is down answers ``503`` with a JSON body and ``Retry-After``, at once, on
every database-backed path; what needs no database keeps answering. The outage is real: a
Hangar process of its own whose PostgreSQL address has nothing listening."""

import json
import subprocess
import sys
import time
from pathlib import Path

from tests.upstream import free_port, hangar_env

SCRIPT = """
import json, sys
import django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
answers = {}
for path in sys.argv[1:]:
    response = client.get(path)
    answers[path] = [
        response.status_code, response.get("Retry-After"), response.content.decode()
    ]
print(json.dumps(answers))
"""
PATHS = ["/2.3.0/spacecraft/", "/2.3.0/astronauts/5/", "/2.3.0/dashboard/starship/", "/"]


def test_a_database_that_is_down_is_a_503_to_retry_not_a_500(tmp_path: Path):
    env = hangar_env(tmp_path / "unused.sqlite3", tmp_path / "var")
    env["DATABASE_URL"] = f"postgres://hangar@127.0.0.1:{free_port()}/hangar"
    began = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *PATHS, "/health/"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    answers = json.loads(done.stdout)
    for path in PATHS:
        status, retry_after, body = answers[path]
        assert (status, retry_after) == (503, "5"), (path, body)
        assert "database is unavailable" in json.loads(body)["detail"]
        assert "127.0.0.1" not in body and "hangar@" not in body  # no setting in a response
    assert answers["/health/"][0] == 200
    assert time.monotonic() - began < 60  # no request waited for the database
