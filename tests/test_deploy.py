"""What the image and ``compose.yaml`` rely on, checked without Docker: the entrypoint script
migrates and then becomes its command (``hangar serve`` by default), and the compose file's
services, health checks and environment agree with Hangar's settings."""

import ast
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from tests.upstream import free_port, hangar_env

ROOT = Path(__file__).resolve().parent.parent
ENTRYPOINT = ROOT / "docker" / "entrypoint.sh"
COMPOSE = ROOT / "compose.yaml"
DOCKERFILE = ROOT / "Dockerfile"
HANGAR_SERVICES = {"migrate", "hangar-1", "hangar-2", "sync"}
# Read by a library rather than settings.py: prometheus-client (the workers' shared metrics)
# and the response cache's Redis.
READ_OUTSIDE_SETTINGS = {"PROMETHEUS_MULTIPROC_DIR", "CACHE_URL"}


def entrypoint_env(tmp_path: Path) -> dict:
    env = hangar_env(tmp_path / "hangar.sqlite3", tmp_path / "var")
    # ``hangar`` as the image has it: on the PATH, from the environment Hangar is installed in.
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["PROMETHEUS_MULTIPROC_DIR"] = str(tmp_path / "metrics")
    return env


def applied_migrations(database: Path) -> int:
    with sqlite3.connect(database) as connection:
        return connection.execute("SELECT count(*) FROM django_migrations").fetchone()[0]


def test_the_entrypoint_migrates_then_becomes_its_command(tmp_path):
    env = entrypoint_env(tmp_path)
    stale = tmp_path / "metrics" / "counter_1.db"
    stale.parent.mkdir()
    stale.write_text("a previous start's metrics")
    report = tmp_path / "report"
    command = f"import os; open({str(report)!r}, 'w').write(str(os.getpid()))"
    process = subprocess.Popen(
        ["sh", str(ENTRYPOINT), sys.executable, "-c", command],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output, _ = process.communicate(timeout=120)
    assert process.returncode == 0, output
    assert "Applying" in output
    assert applied_migrations(tmp_path / "hangar.sqlite3") > 0
    # ``exec``: the command ran as the script's own process, not as a child of it.
    assert report.read_text() == str(process.pid)
    assert not stale.exists() and stale.parent.is_dir()


def test_the_entrypoint_serves_by_default_and_answers_health(tmp_path):
    env = entrypoint_env(tmp_path)
    port = free_port()
    env.update(
        HANGAR_BIND=f"127.0.0.1:{port}",
        HANGAR_WORKERS="1",
        HANGAR_REFRESH_SECONDS="0",
        SECRET_KEY="a-key-for-this-test-only",
    )
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        ["sh", str(ENTRYPOINT)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            assert process.poll() is None, (tmp_path / "serve.log").read_text()
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=2) as r:
                    assert r.status == 200
                    break
            except OSError:
                assert time.monotonic() < deadline, "hangar serve did not answer /health/"
                time.sleep(0.2)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/ready/?format=json") as r:
            assert r.status == 200  # migrated by the entrypoint before serving
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(30)
        log.close()
    assert applied_migrations(tmp_path / "hangar.sqlite3") > 0


# --- compose.yaml -----------------------------------------------------------------------------


def settings_variables() -> set[str]:
    """Every variable ``hangar/settings.py`` reads: the names passed to ``env.<type>(...)``."""
    tree = ast.parse((ROOT / "hangar" / "settings.py").read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "env"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            names.add(node.args[0].value)
    return names


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


def test_compose_runs_two_instances_behind_a_proxy_with_postgres_redis_and_a_sync(compose):
    services = compose["services"]
    assert set(services) == {"postgres", "redis", "proxy", *HANGAR_SERVICES}
    for name in HANGAR_SERVICES:
        assert services[name]["build"] == "."
    assert services["migrate"]["command"] == ["hangar", "migrate", "--noinput"]
    assert services["sync"]["command"][:2] == ["hangar", "sync"]
    # The instances start once the migrations are applied and the cache answers.
    for name in ("hangar-1", "hangar-2", "sync"):
        needs = services[name]["depends_on"]
        assert needs["migrate"]["condition"] == "service_completed_successfully"
        assert needs["redis"]["condition"] == "service_healthy"
    assert services["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert {"hangar-1", "hangar-2"} <= set(services["proxy"]["depends_on"])


def test_the_proxy_spreads_requests_over_both_instances(compose):
    [mount] = compose["services"]["proxy"]["volumes"]
    config = (ROOT / mount.split(":")[0]).read_text(encoding="utf-8")
    port = compose["services"]["hangar-1"]["environment"]["HANGAR_BIND"].rpartition(":")[2]
    assert f"server hangar-1:{port}" in config and f"server hangar-2:{port}" in config
    assert "proxy_set_header X-Request-ID" in config
    assert "proxy_set_header X-Forwarded-Proto" in config


def test_compose_sets_only_variables_hangar_reads(compose):
    known = settings_variables() | READ_OUTSIDE_SETTINGS | {"HANGAR_SYNC_TOKEN"}
    for name in HANGAR_SERVICES:
        environment = compose["services"][name]["environment"]
        assert set(environment) <= known, f"{name}: {set(environment) - known}"
        assert environment["DATABASE_URL"].startswith("postgres://")
        assert environment["DATABASE_URL"].endswith("@postgres:5432/hangar")
        assert environment["CACHE_URL"] == "redis://redis:6379/0"
        assert environment["SECRET_KEY"].startswith("${SECRET_KEY:?")
        # The image's health check asks 127.0.0.1, which must be a host Hangar serves.
        assert "127.0.0.1" in environment["ALLOWED_HOSTS"].split(",")
        assert environment["HANGAR_BIND"].startswith("0.0.0.0:")
    # The statistics are refreshed by one instance, not by every one.
    refreshing = [
        name
        for name in HANGAR_SERVICES
        if compose["services"][name]["environment"]["HANGAR_REFRESH_SECONDS"] != "0"
    ]
    assert refreshing == ["hangar-1"]


def test_compose_values_parse_as_hangar_settings(compose, tmp_path):
    """The values compose gives are ones settings.py accepts (``hangar check`` would stop on a
    value that does not parse)."""
    environment = {
        key: re.sub(r"\$\{(\w+):[-?][^}]*\}", "x", str(value))
        for key, value in compose["services"]["hangar-1"]["environment"].items()
    }
    environment["DATABASE_URL"] = f"sqlite:///{tmp_path / 'hangar.sqlite3'}"
    env = hangar_env(tmp_path / "hangar.sqlite3", tmp_path / "var")
    env.update(environment)
    code = "from django.conf import settings; print(settings.HANGAR_BIND)"
    done = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == environment["HANGAR_BIND"]


def test_every_hangar_service_and_the_proxy_have_a_health_check(compose):
    dockerfile = DOCKERFILE.read_text(encoding="utf-8")
    # The instances inherit the image's HEALTHCHECK: liveness, which needs no database.
    assert re.search(r"^HEALTHCHECK .*\n.*/health/", dockerfile, re.MULTILINE)
    for name in ("postgres", "redis", "proxy"):
        assert compose["services"][name]["healthcheck"]["test"]
    assert "/health/" in " ".join(compose["services"]["proxy"]["healthcheck"]["test"])


def test_the_image_runs_the_entrypoint_as_an_unprivileged_user():
    dockerfile = DOCKERFILE.read_text(encoding="utf-8")
    assert len(re.findall(r"^FROM ", dockerfile, re.MULTILINE)) >= 2  # multi-stage
    [user] = re.findall(r"^USER (\S+)$", dockerfile, re.MULTILINE)
    assert user not in {"root", "0"}
    assert 'ENTRYPOINT ["hangar-entrypoint"]' in dockerfile
    assert "COPY docker/entrypoint.sh /usr/local/bin/hangar-entrypoint" in dockerfile
    assert 'CMD ["hangar", "serve"]' in dockerfile
    assert "HANGAR_BIND=0.0.0.0:" in dockerfile
    # SECRET_KEY comes from the environment, never from the image.
    assert not re.search(r"^(ENV|ARG)\b[^#]*SECRET_KEY", dockerfile, re.MULTILINE)


def test_the_readme_names_every_variable_hangar_reads():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    variables = settings_variables() | READ_OUTSIDE_SETTINGS | {"HANGAR_SYNC_TOKEN"}
    assert "DATABASE_REPLICA_URLS" in variables
    assert sorted(name for name in variables if f"| `{name}` |" not in readme) == []
