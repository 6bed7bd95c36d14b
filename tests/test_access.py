"""Access control (``THROTTLE_ENABLED``): off by default; on, anonymous clients counted per IP
address and API keys per key, 429 with Retry-After over the limit, 401 for a key Hangar does
not know or has revoked, ``api-throttle/`` telling the truth without counting itself, the
response cache stepping aside, ``hangar keys``, the settings refused when they do not parse,
and one limit shared by two servers on one Redis."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import urllib.error
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from hangar.core.cache import ResponseCache
from hangar.core.throttling import HangarThrottle
from hangar.service.models import ApiKey
from hangar.wsgi import django_application
from tests.migrated import migrated_sqlite
from tests.test_response_cache import PAGE, call, free_port, get, wait_until_up
from tests.test_settings import run

LIST = "/2.3.0/spacecraft/"
THROTTLE = "/2.3.0/api-throttle/"
HOUR = 3600


@pytest.fixture(autouse=True)
def fresh_counts():
    caches["throttle"].clear()
    yield
    caches["throttle"].clear()


def throttled(anon: str = "3/hour", key: str = "300/hour"):
    return override_settings(THROTTLE_ENABLED=True, THROTTLE_ANON_RATE=anon, THROTTLE_KEY_RATE=key)


def token(key: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Token {key}"}


def statuses(api, count: int, **headers) -> list[int]:
    return [api.get(LIST, **headers).status_code for _ in range(count)]


def budget(api, **headers) -> dict:
    response = api.get(THROTTLE, **headers)
    assert response.status_code == 200
    [figures] = response.json()
    return figures


# --- the switch, and the anonymous limit ------------------------------------------------------


def test_off_by_default_no_one_is_limited(api, db):
    assert settings.THROTTLE_ENABLED is False
    with override_settings(THROTTLE_ANON_RATE="2/hour"):
        assert statuses(api, 20) == [200] * 20
        # A key, even one Hangar does not know, is not looked at.
        assert api.get(LIST, **token("0" * 40)).status_code == 200
        assert budget(api)["your_request_limit"] == 2**31 - 1


def test_over_the_anonymous_limit_is_a_429_with_retry_after(api, db):
    with throttled(anon="3/hour"):
        assert statuses(api, 3) == [200] * 3
        response = api.get(LIST)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= HOUR
    assert response["Content-Type"].startswith("application/json")
    assert re.fullmatch(
        r"Request was throttled\. Expected available in \d+ seconds?\.", response.json()["detail"]
    )


def test_anonymous_clients_are_counted_per_address_behind_a_trusted_proxy(api, db):
    behind_proxy = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    with throttled(anon="2/hour"), override_settings(REST_FRAMEWORK=behind_proxy):
        first = {"HTTP_X_FORWARDED_FOR": "203.0.113.7"}
        second = {"HTTP_X_FORWARDED_FOR": "198.51.100.9, 203.0.113.8"}
        assert statuses(api, 3, **first) == [200, 200, 429]
        assert statuses(api, 2, **second) == [200, 200]
        assert budget(api, **second)["ident"] == "203.0.113.8"


# --- API keys -----------------------------------------------------------------------------------


def test_a_key_has_its_own_higher_limit(api, db):
    key = ApiKey.objects.issue("dashboard", "5/hour")
    with throttled(anon="2/hour"):
        assert statuses(api, 6, **token(key)) == [200] * 5 + [429]
        # The key's use does not touch the anonymous budget of the same address.
        assert statuses(api, 3) == [200, 200, 429]


def test_a_key_without_a_rate_of_its_own_gets_the_default_key_rate(api, db):
    key = ApiKey.objects.issue("watch face")
    with throttled(anon="1/hour", key="4/hour"):
        assert statuses(api, 5, **token(key)) == [200] * 4 + [429]


@pytest.mark.parametrize("path", [LIST, THROTTLE])
def test_an_unknown_key_is_a_401_naming_the_problem(api, db, path):
    with throttled():
        response = api.get(path, **token("f" * 40))
    assert response.status_code == 401
    assert "Invalid API key" in response.json()["detail"]
    assert response["WWW-Authenticate"] == "Token"


def test_a_revoked_key_is_a_401_saying_so(api, db):
    key = ApiKey.objects.issue("old client")
    ApiKey.objects.filter(name="old client").update(revoked=True)
    with throttled():
        response = api.get(LIST, **token(key))
    assert response.status_code == 401
    assert response.json()["detail"] == f"API key {key[:8]}... has been revoked."


def test_a_token_header_without_a_key_is_a_401(api, db):
    with throttled():
        response = api.get(LIST, HTTP_AUTHORIZATION="Token")
    assert response.status_code == 401 and "detail" in response.json()


def test_only_the_digest_and_a_prefix_of_a_key_are_stored(db):
    key = ApiKey.objects.issue("stored")
    assert re.fullmatch(r"[0-9a-f]{40}", key)
    stored = ApiKey.objects.get(name="stored")
    assert stored.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert stored.prefix == key[:8]
    assert key not in json.dumps(list(ApiKey.objects.values()), default=str)


def test_the_schema_declares_the_key_optional(client, db):
    document = client.get("/schema/").json()
    assert document["components"]["securitySchemes"]["Token_Authentication"]["in"] == "header"
    operation = document["paths"]["/2.3.0/spacecraft/"]["get"]
    assert operation["security"] == [{"Token_Authentication": []}, {}]


# --- api-throttle/ ------------------------------------------------------------------------------


def test_api_throttle_reports_the_anonymous_budget_and_does_not_count(api, db):
    with throttled(anon="3/hour"):
        assert budget(api) == {
            "your_request_limit": 3,
            "limit_frequency_secs": HOUR,
            "current_use": 0,
            "next_use_secs": 0,
            "ident": "127.0.0.1",
        }
        assert statuses(api, 2) == [200, 200]
        for _ in range(5):  # asking is not a use
            after = budget(api)
        assert after["current_use"] == 2
        assert HOUR - 5 <= after["next_use_secs"] <= HOUR
        assert statuses(api, 2) == [200, 429]  # the third use still allowed, then the limit
        assert budget(api)["current_use"] == 3


def test_api_throttle_reports_a_keys_budget(api, db, django_assert_num_queries):
    key = ApiKey.objects.issue("tracker", "1000/day")
    with throttled(anon="3/hour"):
        with django_assert_num_queries(1):  # the key, nothing else
            before = budget(api, **token(key))
        assert before == {
            "your_request_limit": 1000,
            "limit_frequency_secs": 24 * HOUR,
            "current_use": 0,
            "next_use_secs": 0,
            "ident": f"key {key[:8]}",
        }
        statuses(api, 4, **token(key))
        assert budget(api, **token(key))["current_use"] == 4
        assert budget(api)["current_use"] == 0  # the address's anonymous budget is untouched


def test_api_throttle_without_a_key_reads_no_table(api, db, django_assert_num_queries):
    with throttled(), django_assert_num_queries(0):
        budget(api)


# --- the response cache -------------------------------------------------------------------------


def test_a_page_the_response_cache_holds_still_counts(db, spacecraft_page):
    cache = ResponseCache(django_application)
    status, first, _ = call(cache, PAGE)
    _, again, _ = call(cache, PAGE)
    assert status == 200 and again["etag"] == first["etag"]  # kept while throttling is off
    with throttled(anon="2/hour"):
        assert [call(cache, PAGE)[0] for _ in range(3)] == [200, 200, 429]


def test_redis_out_of_reach_lets_requests_through_uncounted(api, db, monkeypatch):
    from django_redis.cache import RedisCache

    # A real Redis client, pointed at a port nothing listens on.
    unreachable = RedisCache(
        "redis://127.0.0.1:1/3",
        {"OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "IGNORE_EXCEPTIONS": True}},
    )
    monkeypatch.setattr(HangarThrottle, "cache", unreachable)
    with throttled(anon="1/hour"):
        assert statuses(api, 3) == [200] * 3
        assert budget(api)["current_use"] == 0


# --- hangar keys --------------------------------------------------------------------------------


def keys(*arguments: str) -> str:
    out = StringIO()
    call_command("keys", *arguments, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_hangar_keys_creates_lists_and_revokes(api, db):
    key = keys("create", "home assistant", "--rate", "1000/hour").strip()
    assert re.fullmatch(r"[0-9a-f]{40}", key)
    keys("create", "backup")
    listing = keys("list")
    assert "home assistant" in listing and "1000/hour" in listing and key[:8] in listing
    assert key not in listing and "active" in listing
    with throttled():
        assert api.get(LIST, **token(key)).status_code == 200
    assert "revoked" in keys("revoke", key[:8])
    assert re.search(r"revoked +home assistant", keys("list"))
    with throttled():
        assert api.get(LIST, **token(key)).status_code == 401
    assert ApiKey.objects.get(name="backup").revoked is False


@pytest.mark.parametrize(
    "arguments, message",
    [
        (("create", "x", "--rate", "10/hr"), "--rate '10/hr'"),
        (("create", "x", "--rate", "0/hour"), "--rate '0/hour'"),
        (("revoke", "nobody"), "no key has the name or prefix 'nobody'"),
    ],
)
def test_hangar_keys_refuses_what_it_cannot_do(db, arguments, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        keys(*arguments)


def test_hangar_keys_refuses_a_name_taken(db):
    keys("create", "twice")
    with pytest.raises(CommandError, match="exists already"):
        keys("create", "twice")


# --- settings -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, value",
    [
        ("THROTTLE_ENABLED", "maybe"),
        ("THROTTLE_ANON_RATE", "15/hr"),
        ("THROTTLE_ANON_RATE", "fifteen/hour"),
        ("THROTTLE_KEY_RATE", "300"),
        ("THROTTLE_NUM_PROXIES", "-1"),
    ],
)
def test_a_throttle_setting_that_does_not_parse_stops_start_up(tmp_path, name, value):
    done = run(tmp_path, "check", **{name: value})
    assert done.returncode != 0
    [line] = done.stderr.strip().splitlines()
    assert f'"{name}"' in line


# --- two servers, one Redis ---------------------------------------------------------------------

REDIS_URL = "redis://127.0.0.1:6379/3"
HOST = "hangar.example"


def start_server(env: dict, port: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "hangar.cli", "serve"],
        env={**env, "HANGAR_BIND": f"127.0.0.1:{port}"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def status_of(port: int, path: str) -> int:
    try:
        get(port, path)
    except urllib.error.HTTPError as error:
        return error.code
    return 200


@pytest.mark.skipif(os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="SQLite")
def test_two_servers_on_one_redis_share_the_limit(tmp_path: Path):
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{migrated_sqlite(tmp_path / 'shared.sqlite3')}",
        "CACHE_URL": REDIS_URL,
        "THROTTLE_ENABLED": "true",
        "THROTTLE_ANON_RATE": "3/hour",
        "HANGAR_WORKERS": "1",
        "HANGAR_REFRESH_SECONDS": "0",
        "HANGAR_ACCESS_LOG": "",
        "ALLOWED_HOSTS": HOST,
    }
    ports = [free_port(), free_port()]
    servers = [start_server(env, port) for port in ports]
    try:
        for port in ports:
            wait_until_up(port)
        first, second = ports
        assert [status_of(first, LIST), status_of(second, LIST), status_of(first, LIST)] == [
            200
        ] * 3
        assert status_of(second, LIST) == 429  # the third use was counted by the other server
        _, body = get(second, THROTTLE)
        [figures] = json.loads(body)
        assert figures["current_use"] == 3 and figures["your_request_limit"] == 3
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=20)
        redis.Redis.from_url(REDIS_URL).flushdb()


def test_a_key_issued_in_the_admin_is_shown_once_and_works(client, api, db):
    curator = User.objects.create_superuser("keeper", "keeper@example.org", "a-long-password")
    client.force_login(curator)
    response = client.post(
        "/admin/service/apikey/add/", {"name": "watch face", "rate": "5/hour"}, follow=True
    )
    shown = re.search(r"The key of watch face: ([0-9a-f]{40})", response.content.decode())
    assert shown, "the new key is shown on the page after saving"
    key = shown.group(1)
    assert key not in client.get("/admin/service/apikey/").content.decode()
    with throttled(anon="1/hour"):
        assert budget(api, **token(key))["your_request_limit"] == 5
