"""A second Hangar to sync from, and a fault-injecting proxy to put in front of it.

The upstream is a real ``hangar serve`` in its own process, on a free loopback port, with its
own SQLite database loaded by ``hangar import`` from the bundled real records plus synthetic
spacecraft with flights (enough for several pages of 100). The proxy forwards every request to
it and, when told to, answers 429 with Retry-After, answers 500, cuts a page short, drops the
connection in the middle of a page, or edits the JSON of a page: the faults of a public
service, injected in front of the real server rather than replacing it.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.migrated import migrated_sqlite

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
LL2 = "https://ll.thespacedevs.com/2.3.0"
SYNTHETIC_SPACECRAFT = 100
FIRST_ID = 10001


# --- synthetic LL2 records -------------------------------------------------------------------


SPUTNIK_1 = datetime(1957, 10, 4, 19, 28, 34, tzinfo=UTC)


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def agency(pk: int) -> dict:
    return {
        "response_mode": "normal",
        "id": pk,
        "url": f"{LL2}/agencies/{pk}/",
        "name": f"Synthetic Agency {pk}",
        "abbrev": f"SA{pk}",
        "type": {"id": 1, "name": "Government"},
    }


def config(pk: int) -> dict:
    family = {
        "response_mode": "normal",
        "id": 9201,
        "name": "Synthetic family",
        "description": "A family of synthetic configurations.",
        "manufacturer": agency(9101),
        "parent": None,
        "maiden_flight": "1999-01-01",
    }
    return {
        "response_mode": "detailed",
        "id": pk,
        "url": f"{LL2}/spacecraft_configurations/{pk}/",
        "name": f"Synthetic Capsule {pk}",
        "type": {"id": 1, "name": "Unknown"},
        "agency": agency(9101 + pk % 2),
        "family": [family] if pk % 2 else [],
        "in_use": True,
        "image": None,
        "human_rated": bool(pk % 2),
        "crew_capacity": 3,
    }


def nested_spacecraft(pk: int) -> dict:
    return {
        "id": pk,
        "url": f"{LL2}/spacecraft/{pk}/",
        "name": f"Synthetic {pk}",
        "status": {"id": 1, "name": "Active"},
        "spacecraft_config": {key: config(9001 + pk % 3)[key] for key in ("id", "name", "type")}
        | {"agency": agency(9101 + (9001 + pk % 3) % 2)},
    }


def launch(key: str, net: datetime, flown: bool) -> dict:
    pk = str(uuid.uuid5(uuid.NAMESPACE_URL, key))
    status = (
        {"id": 3, "name": "Launch Successful", "abbrev": "Success", "description": "Done."}
        if flown
        else {"id": 1, "name": "Go for Launch", "abbrev": "Go", "description": "Planned."}
    )
    return {
        "id": pk,
        "url": f"{LL2}/launches/{pk}/",
        "name": f"Synthetic launch {key}",
        "response_mode": "normal",
        "slug": f"synthetic-launch-{key}",
        "status": status,
        "last_updated": iso(net),
        "net": iso(net),
        "window_end": iso(net + timedelta(hours=1)),
        "window_start": iso(net),
        # As LL2 counts them: every orbital launch since Sputnik, more than Hangar will hold.
        "orbital_launch_attempt_count": (net - SPUTNIK_1).days // 3,
    }


def spacecraft(pk: int, now: datetime, version: int = 0) -> dict:
    """A detailed spacecraft with 0 to 3 flights; every tenth is in space now, every fifteenth
    has a planned flight. ``version`` changes its data as a later sync would see it: version 1
    ends its open flight."""
    index = pk - FIRST_ID
    flights = []
    for number in range(index % 4):
        net = datetime(2000, 1, 1, tzinfo=UTC) + timedelta(days=index * 7 + number * 200)
        end = net + timedelta(days=5, hours=index % 24, seconds=index)
        flights.append((number, net, end, True))
    if index % 10 == 0:
        end = now - timedelta(hours=1) if version else None
        flights.append((9, now - timedelta(days=10, seconds=index), end, True))
    if index % 15 == 0:
        flights.append((8, now + timedelta(days=30), None, False))
    return {
        "response_mode": "detailed",
        "id": pk,
        "url": f"{LL2}/spacecraft/{pk}/",
        "name": f"Synthetic {pk}",
        "serial_number": f"SN-{pk}",
        "is_placeholder": False,
        "image": None,
        "status": {"id": 1, "name": "Active"},
        "description": f"Synthetic spacecraft {pk}, version {version}.",
        "spacecraft_config": config(9001 + pk % 3),
        "flights": [
            {
                "id": pk * 10 + number,
                "url": f"{LL2}/spacecraft_flights/{pk * 10 + number}/",
                "destination": "Low Earth Orbit",
                "mission_end": iso(end) if end else None,
                "spacecraft": nested_spacecraft(pk),
                "launch": launch(f"{pk}-{number}", net, flown),
                "landing": landing(pk * 10 + number) if number == 0 and index % 3 == 0 else None,
                "response_mode": "normal",
            }
            for number, net, end, flown in flights
        ],
    }


def landing(pk: int) -> dict:
    return {
        "id": pk,
        "url": f"{LL2}/landings/{pk}/",
        "attempt": True,
        "success": pk % 2 == 0,
        "description": "Splashdown.",
        "downrange_distance": None,
        "landing_location": {
            "id": 7,
            "name": "Pacific Ocean",
            "active": True,
            "celestial_body": {"id": 1, "name": "Earth", "type": {"id": 1, "name": "Planet"}},
        },
        "type": {"id": 2, "name": "Splashdown", "abbrev": "SD", "description": "Into the sea."},
    }


def synthetic_page(ids, now: datetime, version: int = 0) -> dict:
    results = [spacecraft(pk, now, version) for pk in ids]
    return {"count": len(results), "next": None, "previous": None, "results": results}


# --- a second Hangar in its own process ------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def hangar_env(database: Path, var_dir: Path) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST")}
    env.update(
        DATABASE_URL=f"sqlite:///{database}",
        HANGAR_VAR_DIR=str(var_dir),
        DJANGO_SETTINGS_MODULE="hangar.settings",
        HANGAR_ACCESS_LOG="/dev/null",
    )
    return env


def hangar(*args: str, env: dict, check: bool = True, timeout: float = 120):
    """Run a ``hangar`` command in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "hangar.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        check=check,
        timeout=timeout,
    )


def build_database(workdir: Path, now: datetime) -> Path:
    """A migrated SQLite catalog holding the bundled records and the synthetic spacecraft."""
    workdir.mkdir(parents=True, exist_ok=True)
    database = workdir / "upstream.sqlite3"
    env = hangar_env(migrated_sqlite(database), workdir / "var")
    synthetic = workdir / "synthetic.json"
    ids = range(FIRST_ID, FIRST_ID + SYNTHETIC_SPACECRAFT)
    synthetic.write_text(json.dumps(synthetic_page(ids, now)), encoding="utf-8")
    hangar("import", *map(str, sorted(DATA_DIR.glob("*.json"))), str(synthetic), env=env)
    return database


def build_synthetic_database(workdir: Path, spacecraft: int) -> Path:
    """A migrated SQLite catalog holding the benchmark's synthetic catalog (``bench/``)."""
    workdir.mkdir(parents=True, exist_ok=True)
    database = workdir / "synthetic.sqlite3"
    env = hangar_env(migrated_sqlite(database), workdir / "var")
    script = (
        "import sys, django; sys.path.insert(0, 'bench'); django.setup(); "
        f"from synthetic import build; build({spacecraft})"
    )
    subprocess.run([sys.executable, "-c", script], env=env, check=True, cwd=ROOT, timeout=300)
    return database


@dataclass
class UpstreamHangar:
    """``hangar serve`` on a copy of a built database."""

    workdir: Path
    template: Path
    port: int = 0
    process: subprocess.Popen | None = None

    def __post_init__(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.database = self.workdir / "served.sqlite3"
        shutil.copyfile(self.template, self.database)
        self.env = hangar_env(self.database, self.workdir / "var")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> UpstreamHangar:
        self.port = free_port()
        log = (self.workdir / "serve.log").open("w")
        bind = f"127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "hangar.cli", "serve", "--bind", bind, "--workers", "1"],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError((self.workdir / "serve.log").read_text())
            try:
                with urllib.request.urlopen(f"{self.url}/2.3.0/spacecraft/?limit=1", timeout=2):
                    return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("The upstream Hangar did not start.")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def run(self, *args: str):
        return hangar(*args, env=self.env)

    def get(self, path: str) -> dict:
        with urllib.request.urlopen(f"{self.url}{path}", timeout=30) as response:
            return json.loads(response.read())


# --- the fault-injecting proxy ---------------------------------------------------------------


@dataclass
class Fault:
    """What to do, ``times`` times, to requests whose path and query contain every string of
    ``match``."""

    match: tuple[str, ...]
    kind: str  # "429", "500", "404", "truncate", "drop", "edit" or "stall"
    times: int = 1
    retry_after: str = "1"
    edit: Callable[[dict], dict] | None = None


@dataclass
class Logged:
    at: float
    path: str
    status: int
    authorization: str | None


@dataclass
class FaultProxy:
    target: str
    faults: list[Fault] = field(default_factory=list)
    log: list[Logged] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lock = threading.Lock()
        self.stalled = threading.Event()  # set when a request is being held
        self.release = threading.Event()  # set to let held requests go
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), ProxyHandler)
        self.server.daemon_threads = True
        self.server.proxy = self
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def take(self, path: str) -> Fault | None:
        with self.lock:
            for fault in self.faults:
                if fault.times > 0 and all(part in path for part in fault.match):
                    fault.times -= 1
                    return fault
        return None

    def record(self, path: str, status: int, authorization: str | None) -> None:
        with self.lock:
            self.log.append(Logged(time.time(), path, status, authorization))

    def requests(self, match: str = "") -> list[str]:
        return [entry.path for entry in self.log if match in entry.path]

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


class ProxyHandler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):  # the test output stays readable
        pass

    def do_GET(self):
        proxy: FaultProxy = self.server.proxy
        fault = proxy.take(self.path)
        authorization = self.headers.get("Authorization")
        if fault and fault.kind == "stall":
            self.server.proxy.stalled.set()
            self.server.proxy.release.wait(60)
        if fault and fault.kind in {"429", "500", "404"}:
            status = int(fault.kind)
            body = json.dumps({"detail": "Injected fault."}).encode()
            headers = {"Retry-After": fault.retry_after} if status == 429 else {}
            proxy.record(self.path, status, authorization)
            return self.answer(status, body, headers)
        target = http.client.HTTPConnection(proxy.target.split("//", 1)[1], timeout=60)
        forwarded = {"Host": self.headers.get("Host", ""), "Accept": "application/json"}
        target.request("GET", self.path, headers=forwarded)
        response = target.getresponse()
        status, body = response.status, response.read()
        target.close()
        proxy.record(self.path, status, authorization)
        if fault and fault.kind == "edit" and status == 200:
            body = json.dumps(fault.edit(json.loads(body))).encode()
        if fault and fault.kind == "truncate":
            body = body[: len(body) // 2]
        if fault and fault.kind == "drop":
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return None
        return self.answer(status, body, {})

    def answer(self, status: int, body: bytes, headers: dict) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


# --- comparing documents ---------------------------------------------------------------------

GROWING = {"time_in_space", "time_docked"}
SLACK_SECONDS = 120  # two servers asked a moment apart see a spacecraft in space that much older


def duration(text: str) -> float:
    import isodate

    return isodate.parse_duration(text).total_seconds()


def mismatches(expected, actual, where: str = "$"):
    """Where two LL2 documents differ, keys and their order included. A duration that grows
    while a spacecraft is in space may differ by the time between the two requests."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        if list(expected) != list(actual):
            yield f"{where}: keys {list(expected)} != {list(actual)}"
            return
        for key, value in expected.items():
            other = actual[key]
            growing = key in GROWING and isinstance(value, str) and isinstance(other, str)
            if growing and abs(duration(value) - duration(other)) <= SLACK_SECONDS:
                continue
            yield from mismatches(value, other, f"{where}.{key}")
    elif isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            yield f"{where}: {len(expected)} items != {len(actual)}"
            return
        for index, (value, other) in enumerate(zip(expected, actual, strict=True)):
            yield from mismatches(value, other, f"{where}[{index}]")
    elif expected != actual:
        yield f"{where}: {expected!r} != {actual!r}"


def list_paths() -> list[str]:
    """Every list endpoint in every mode, as paths under /2.3.0/ (``spacecraft/?mode=detailed``)."""
    from hangar.core.registry import registry

    paths = []
    for resource in registry.resources():
        if not resource.listed:
            continue
        modes = list(resource.modes) if len(resource.modes) > 1 else [None]
        paths += [f"{resource.path}?mode={mode}" if mode else resource.path for mode in modes]
    return paths


def all_pages(get, path: str) -> list:
    """Every record of a list endpoint, 100 at a time; ``get`` answers a path's JSON."""
    records, offset = [], 0
    while True:
        separator = "&" if "?" in path else "?"
        page = get(f"/2.3.0/{path}{separator}limit=100&offset={offset}")
        records += page["results"]
        if not page["next"]:
            return records
        offset += len(page["results"])


DETAILS_PER_LIST = 25


def compare_catalogs(theirs, ours) -> tuple[list[str], int]:
    """Where two servers answer differently, list by list and record by record (every mode of
    every list endpoint in full, and the detail views of records spread over each list: at
    most about 25 a list, since every record is already compared in every list mode); and how
    many records compared."""
    differences, compared = [], 0
    for path in list_paths():
        expected = all_pages(theirs, path)
        differences += [
            f"{path}: {m}" for m in list(mismatches(expected, all_pages(ours, path)))[:3]
        ]
        compared += len(expected)
        if "mode=" in path and not path.endswith("mode=list"):
            continue
        for record in expected[:: max(1, len(expected) // DETAILS_PER_LIST)]:
            detail = f"/2.3.0/{path.split('?')[0]}{record['id']}/"
            differences += [
                f"{detail}: {m}" for m in list(mismatches(theirs(detail), ours(detail)))[:3]
            ]
    return differences, compared
