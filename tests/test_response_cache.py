"""The response cache (``hangar.core.cache``), through the WSGI application servers run: kept
answers, ETags and 304, gzip, invalidation by the catalog version, durations right to the
second, the switch, and one Redis shared by two servers."""

from __future__ import annotations

import copy
import gzip
import json
import os
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core import signals
from django.db import close_old_connections
from django.test import RequestFactory, override_settings

from hangar.core.cache import ResponseCache
from hangar.core.horizon import next_midnight
from hangar.core.live import LiveBody, marker
from hangar.core.models import bump_catalog_version
from hangar.ingest.importer import import_documents
from hangar.spacecraft.models import Spacecraft
from hangar.wsgi import django_application
from tests.conftest import SPACECRAFT_PAGE, sample
from tests.migrated import migrated_sqlite

PAGE = "/2.3.0/spacecraft/?limit=5&ordering=id"
FIRST = 233  # the first spacecraft of the page


@pytest.fixture
def cache():
    return ResponseCache(django_application)


def call(application, path: str, method: str = "GET", **headers):
    environ = RequestFactory().generic(method, path, **headers).environ
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"] = int(status.split()[0])
        answer["headers"] = {name.lower(): value for name, value in response_headers}

    # As Django's test client does: the test's transaction must outlive the request.
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    try:
        body = b"".join(application(environ, start_response))
    finally:
        for signal in (signals.request_started, signals.request_finished):
            signal.connect(close_old_connections)
    return answer["status"], answer["headers"], body


def test_an_answer_is_kept_and_carries_an_etag(cache, spacecraft_page):
    status, first, body = call(cache, PAGE)
    assert status == 200 and first["etag"].startswith('"')
    assert first["cache-control"] == "public, max-age=0, must-revalidate"
    assert int(first["content-length"]) == len(body)
    _, again, kept = call(cache, PAGE)
    assert kept == body and again["etag"] == first["etag"]
    assert json.loads(body)["results"][0]["id"] == FIRST


def test_parameters_in_any_order_share_one_answer(cache, spacecraft_page):
    _, first, _ = call(cache, "/2.3.0/spacecraft/?limit=5&ordering=id")
    _, second, _ = call(cache, "/2.3.0/spacecraft/?ordering=id&limit=5")
    assert first["etag"] == second["etag"]


def test_if_none_match_gets_304(cache, spacecraft_page):
    _, headers, _ = call(cache, PAGE)
    status, again, body = call(cache, PAGE, HTTP_IF_NONE_MATCH=headers["etag"])
    assert status == 304 and body == b"" and again["etag"] == headers["etag"]
    status, _, _ = call(cache, PAGE, HTTP_IF_NONE_MATCH='"something-else"')
    assert status == 200


def test_gzip_when_accepted(cache, spacecraft_page):
    _, plain_headers, plain = call(cache, PAGE)
    _, headers, body = call(cache, PAGE, HTTP_ACCEPT_ENCODING="gzip, br")
    assert headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in headers["vary"]
    assert gzip.decompress(body) == plain
    assert headers["etag"] != plain_headers["etag"]
    _, refused, _ = call(cache, PAGE, HTTP_ACCEPT_ENCODING="gzip;q=0")
    assert "content-encoding" not in refused


def test_head_has_the_headers_and_no_body(cache, spacecraft_page):
    status, headers, body = call(cache, PAGE, method="HEAD")
    assert status == 200 and body == b"" and int(headers["content-length"]) > 0


def test_a_kept_copy_is_not_changed_by_what_a_server_or_a_request_does(cache, spacecraft_page):
    call(cache, PAGE)  # kept; what follows are hits
    seen = []

    def server_that_appends(status, response_headers, exc_info=None):
        seen.append(list(response_headers))
        response_headers.append(("X-Server", "its own"))

    environ = RequestFactory().get(PAGE, HTTP_X_REQUEST_ID="first-id").environ
    b"".join(cache(environ, server_that_appends))
    _, again, _ = call(cache, PAGE)
    assert "x-server" not in again and "x-request-id" not in again
    assert dict(seen[0])["X-Request-ID"] == "first-id"
    status, tagged, _ = call(cache, PAGE, HTTP_X_REQUEST_ID="second-id")
    assert status == 200 and tagged["x-request-id"] == "second-id"
    assert tagged["content-length"] == again["content-length"]
    status, revalidated, _ = call(
        cache, PAGE, HTTP_IF_NONE_MATCH=again["etag"], HTTP_X_REQUEST_ID="third-id"
    )
    assert status == 304 and revalidated["x-request-id"] == "third-id"
    assert "content-length" not in revalidated


def test_cache_control_follows_the_settings_for_an_answer_already_kept(cache, spacecraft_page):
    call(cache, PAGE)
    with override_settings(CACHE_CONTROL_MAX_AGE=60):
        _, headers, _ = call(cache, PAGE)
    assert headers["cache-control"] == "public, max-age=60"


def test_an_import_that_changes_the_page_is_served_at_once(cache, spacecraft_page):
    _, before, _ = call(cache, PAGE)
    changed = copy.deepcopy(sample(SPACECRAFT_PAGE))
    target = next(r for r in changed["response"]["results"] if r["id"] == FIRST)
    target["name"] = "Renamed by the next import"
    import_documents([("changed.json", changed)])
    _, after, new_body = call(cache, PAGE)
    assert after["etag"] != before["etag"]
    assert json.loads(new_body)["results"][0]["name"] == "Renamed by the next import"


def test_an_unchanged_import_keeps_the_answers(cache, spacecraft_page):
    _, before, _ = call(cache, PAGE)
    import_documents([("same.json", sample(SPACECRAFT_PAGE))])
    _, after, _ = call(cache, PAGE)
    assert after["etag"] == before["etag"]


def in_space(craft_id: int, seconds: int) -> None:
    Spacecraft.objects.filter(pk=craft_id).update(
        time_in_space_s=seconds, open_flights=1, stats_as_of=int(time.time())
    )
    bump_catalog_version()


def test_a_growing_duration_in_a_kept_answer_follows_the_clock(cache, spacecraft_page):
    in_space(FIRST, 1000)
    path = f"/2.3.0/spacecraft/{FIRST}/"
    _, first, body = call(cache, path)
    time.sleep(1.1)
    _, second, later = call(cache, path)
    assert second["etag"] != first["etag"]

    def seconds(text: bytes) -> float:
        from hangar.ll2.durations import parse_seconds

        return parse_seconds(json.loads(text)["time_in_space"])

    assert seconds(later) >= seconds(body) + 1
    assert b"\\u0000" not in later


def test_ordering_by_a_growing_duration_is_kept_for_its_second_only(cache, spacecraft_page):
    in_space(FIRST, 10)
    path = "/2.3.0/spacecraft/?ordering=-time_in_space&limit=3"
    before = time.time()
    call(cache, path)
    [(entry, _)] = cache.local.entries.values()
    assert entry.expires <= int(before) + 2
    call(cache, "/2.3.0/spacecraft/?ordering=-name&limit=3")
    entry = list(cache.local.entries.values())[-1][0]
    # Not ordered by a growing duration: kept until the horizon (at the latest, next midnight).
    midnight = next_midnight(datetime.fromtimestamp(before, UTC)).timestamp()
    assert entry.expires >= min(before + 3600, midnight)


def test_live_body_fills_in_each_second():
    body = b'{"a":"' + b"x" + b'","t":"' + marker(60, 1, 100).encode("unicode_escape") + b'"}'
    body = body.replace(b"\\x00", b"\\u0000")
    live = LiveBody.split(body)
    assert live.live and json.loads(live.render(100))["t"] == "PT1M"
    assert json.loads(live.render(160))["t"] == "PT2M"


def test_browsable_pages_and_errors_are_not_kept(cache, spacecraft_page):
    _, headers, _ = call(cache, PAGE + "&format=api")
    assert "etag" not in headers
    status, headers, _ = call(cache, "/2.3.0/spacecraft/999999/")
    assert status == 404 and "etag" not in headers
    status, headers, _ = call(cache, "/2.3.0/spacecraft/?mode=nonsense")
    assert status == 400 and "etag" not in headers


def test_the_cache_can_be_switched_off(cache, spacecraft_page):
    with override_settings(RESPONSE_CACHE=False):
        status, headers, _ = call(cache, PAGE)
    assert status == 200 and "etag" not in headers


# --- two servers, one Redis -------------------------------------------------------------------

# A Redis database per leg of the suite: the SQLite and PostgreSQL runs go at the same time.
REDIS_URL = "redis://127.0.0.1:6379/" + (
    "8" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "7"
)
HOST = "hangar.example"


def hangar_command(env: dict, *arguments: str) -> None:
    subprocess.run([sys.executable, "-m", "hangar.cli", *arguments], env=env, check=True)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port: int, path: str) -> tuple[dict, bytes]:
    """``path`` from the server on ``port``, as a proxy in front of both would ask for it."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": HOST})
    with urllib.request.urlopen(request, timeout=20) as response:
        return dict(response.headers), response.read()


def wait_until_up(port: int) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            get(port, "/health/")
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def hits(port: int) -> float:
    _, body = get(port, "/metrics")
    for line in body.decode().splitlines():
        if line.startswith('hangar_response_cache_requests_total{result="hit"}'):
            return float(line.split()[-1])
    return 0.0


@pytest.fixture
def shared_database(tmp_path: Path):
    """A migrated database of the two servers' own, committed to as in production: on the
    PostgreSQL leg a database created on the same server for the test, else a SQLite file."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{migrated_sqlite(tmp_path / 'shared.sqlite3')}"
        return
    import psycopg

    name = f"hangar_two_servers_{os.getpid()}"
    server = url.rsplit("/", 1)[0]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    try:
        env = {**os.environ, "DATABASE_URL": f"{server}/{name}"}
        hangar_command(env, "migrate", "--noinput", "-v0")
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_two_servers_share_one_redis_and_see_an_import_through_either(tmp_path, shared_database):
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    env = {
        **os.environ,
        "DATABASE_URL": shared_database,
        "CACHE_URL": REDIS_URL,
        "HANGAR_WORKERS": "1",
        "HANGAR_REFRESH_SECONDS": "0",
        "HANGAR_ACCESS_LOG": "",
        "ALLOWED_HOSTS": HOST,
    }
    hangar_command(env, "import", str(SPACECRAFT_PAGE))
    ports, servers = [free_port(), free_port()], []
    try:
        for port in ports:
            server_env = {**env, "HANGAR_BIND": f"127.0.0.1:{port}"}
            servers.append(
                subprocess.Popen(
                    [sys.executable, "-m", "hangar.cli", "serve"],
                    env=server_env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        for port in ports:
            wait_until_up(port)
        first, body = get(ports[0], PAGE)
        second, same = get(ports[1], PAGE)
        assert same == body and second["ETag"] == first["ETag"]
        assert hits(ports[1]) == 1  # computed by the first server, served by the second

        changed = copy.deepcopy(sample(SPACECRAFT_PAGE))
        next(r for r in changed["response"]["results"] if r["id"] == FIRST)["name"] = (
            "Changed upstream"
        )
        changed_file = tmp_path / "changed.json"
        changed_file.write_text(json.dumps(changed))
        hangar_command(env, "import", str(changed_file))
        _, new_body = get(ports[1], PAGE)
        assert json.loads(new_body)["results"][0]["name"] == "Changed upstream"
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=20)
