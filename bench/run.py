"""``make bench``: Hangar's throughput side by side with the physical limit of its stack.

Builds a synthetic catalog (``synthetic.py``) in a database of its own, ``var/bench.sqlite3``, or
reuses it when it already holds the requested number of spacecraft. Then starts four servers
under one gunicorn command line (same workers, same worker class), each on a free local port:

- ``hangar``: Hangar as deployed (``hangar.wsgi``: the response cache in front of Django);
- ``uncached``: the same with ``RESPONSE_CACHE=false``: every answer computed, from the objects
  the document store keeps (``hangar.core.documents``);
- ``serialized``: with ``DOCUMENT_CACHE=false`` as well: every object of every answer serialized;
- ``limit``: ``limit.py``, answering each request with the bytes Hangar served for it, from
  memory: nothing on this stack answers faster.

Every round measures every request on every server, the order of the servers rotating from one
round to the next so that drift hits them alike. Reported: requests per second (median of the
rounds), median and 90th percentile latency, and for each request the median over rounds of the
within-round ratios ``hangar / limit``, ``uncached / limit``, ``hangar / uncached`` and
``uncached / serialized``.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from load import Tally, drive, get, load_generator

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
DATABASE = ROOT / "var" / "bench.sqlite3"
LOGS = ROOT / "var"
HANGAR = [sys.executable, "-m", "hangar.cli"]
HOST = "127.0.0.1"
LIST_NORMAL = "/2.3.0/spacecraft/?limit=100&format=json"
LIST_DETAILED = "/2.3.0/spacecraft/?limit=100&mode=detailed&format=json"
LIST_SHORT = "/2.3.0/spacecraft/?limit=10&format=json"
# What launch clients call most: the next launches, at each level.
UPCOMING = [
    f"/2.3.0/launches/upcoming/?limit=100&mode={mode}&format=json"
    for mode in ("list", "normal", "detailed")
]
WARMUP_SECONDS = 2.0
STARTUP_TIMEOUT = 60.0
PAIRS = (
    ("hangar", "limit"),
    ("uncached", "limit"),
    ("hangar", "uncached"),
    ("uncached", "serialized"),
)
UNCACHED = {"RESPONSE_CACHE": "false"}
SERIALIZED = {**UNCACHED, "DOCUMENT_CACHE": "false"}


def parse_args() -> argparse.Namespace:
    cpus = os.cpu_count() or 1
    parser = argparse.ArgumentParser(
        description="Hangar, Hangar uncached, Hangar serializing and the limit, side by side."
    )
    parser.add_argument("--spacecraft", type=int, default=10_000, help="catalog size")
    parser.add_argument("--seconds", type=float, default=5.0, help="measuring time per request")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds")
    parser.add_argument("--concurrency", type=int, default=8, help="client connections")
    parser.add_argument(
        "--workers", type=int, default=2 * cpus + 1, help="server processes (default: 2 x CPUs + 1)"
    )
    parser.add_argument(
        "--rebuild", action="store_true", help="build the catalog again even if one is stored"
    )
    args = parser.parse_args()
    for name in ("spacecraft", "seconds", "rounds", "concurrency", "workers"):
        if getattr(args, name) <= 0:
            parser.error(f"--{name} must be positive")
    return args


# --- the catalog ------------------------------------------------------------------------------


def hangar(*arguments: str) -> None:
    subprocess.run([*HANGAR, *arguments], check=True)


def prepare_catalog(count: int, rebuild: bool) -> None:
    """Migrate the benchmark database, and fill it unless it holds ``count`` spacecraft."""
    import django
    from django.db import connections

    hangar("migrate", "--noinput", "-v0")
    django.setup()
    # These import the models, which needs Django set up.
    from synthetic import build

    from hangar.spacecraft.models import Spacecraft, SpacecraftFlight

    stored = Spacecraft.objects.count()
    if stored == count and SpacecraftFlight.objects.exists() and not rebuild:
        print(f"Reusing the catalog of {count:,} spacecraft in {DATABASE.relative_to(ROOT)}.")
        return
    if stored:
        connections.close_all()
        for path in DATABASE.parent.glob(f"{DATABASE.name}*"):
            path.unlink()
        hangar("migrate", "--noinput", "-v0")
    print(f"Building a catalog of {count:,} spacecraft in {DATABASE.relative_to(ROOT)}...")
    started = time.perf_counter()
    rows = build(count)
    connections.close_all()
    written = ", ".join(f"{n:,} {name}" for name, n in rows.items() if n >= 1000)
    print(f"  {written} ({time.perf_counter() - started:.0f} s)")


# --- the servers ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    name: str
    app: str  # the WSGI callable, as gunicorn names it
    env: dict[str, str] = field(default_factory=dict)
    cwd: Path = ROOT
    port: int = field(default_factory=free_port)

    @property
    def log(self) -> Path:
        return LOGS / f"bench-{self.name}.log"

    def log_tail(self, lines: int = 20) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


@contextmanager
def running(server: Server, workers: int) -> Iterator[Server]:
    """The server under gunicorn in its own session (a Ctrl-C reaches only this script, which
    then stops it), stopped on the way out whatever happens."""
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        f"--workers={workers}",
        "--worker-class=sync",
        f"--bind={HOST}:{server.port}",
        server.app,
    ]
    with server.log.open("wb") as log:
        process = subprocess.Popen(
            command,
            cwd=server.cwd,
            env={**os.environ, **server.env},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            wait_until_ready(process, server)
            yield server
        finally:
            stop(process)


def wait_until_ready(process: subprocess.Popen, server: Server) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{server.name} exited ({process.returncode}):\n{server.log_tail()}")
        try:
            status, _, _ = get(server.port, "/", timeout=5)
        except OSError:
            status = None
        if status is not None:
            return
        time.sleep(0.2)
    raise SystemExit(f"{server.name} did not answer in {STARTUP_TIMEOUT:.0f} s.")


def capture(server: Server, paths: list[str], folder: Path) -> None:
    """What ``server`` answers to each path, written where ``limit.py`` reads it."""
    index = {}
    for number, path in enumerate(paths):
        status, _, body = get(server.port, path)
        if status != 200:
            raise SystemExit(f"{server.name} answered {status} to {path}:\n{server.log_tail()}")
        (folder / f"{number}.json").write_bytes(body)
        index[path] = f"{number}.json"
    (folder / "index.json").write_text(json.dumps(index))


def detail_path(server: Server) -> str:
    """A typical spacecraft of the first page: three flights and some time docked."""
    _, _, body = get(server.port, LIST_NORMAL)
    results = json.loads(body)["results"]
    typical = [craft for craft in results if craft["flights_count"] == 3 and craft["time_docked"]]
    return f"/2.3.0/spacecraft/{(typical or results)[0]['id']}/?format=json"


# --- the measurement --------------------------------------------------------------------------


def measure(servers: list[Server], paths: list[str], args) -> dict[str, dict[str, list[Tally]]]:
    runs = {path: {server.name: [] for server in servers} for path in paths}
    for path in paths:
        for server in servers:
            drive(server.port, path, WARMUP_SECONDS, args.concurrency)
    for round_number in range(args.rounds):
        shift = round_number % len(servers)
        order = servers[shift:] + servers[:shift]
        print(f"  round {round_number + 1} of {args.rounds}", flush=True)
        for path in paths:
            for server in order:
                tally = drive(server.port, path, args.seconds, args.concurrency)
                runs[path][server.name].append(tally)
    return runs


def median_ratio(first: list[Tally], second: list[Tally]) -> float:
    return statistics.median(
        a.rate / b.rate if b.rate else 0.0 for a, b in zip(first, second, strict=True)
    )


def print_report(runs: dict[str, dict[str, list[Tally]]]) -> None:
    width = max(len("request"), *map(len, runs))
    for path, by_server in runs.items():
        print(f"\n{path:<{width}}")
        for name, tallies in by_server.items():
            rate = statistics.median(t.rate for t in tallies)
            low, high = min(t.rate for t in tallies), max(t.rate for t in tallies)
            p50 = statistics.median(t.p50_ms for t in tallies)
            p90 = statistics.median(t.p90_ms for t in tallies)
            errors = sum(t.errors for t in tallies)
            print(
                f"  {name:<9} {rate:>9.1f} req/s ({low:.0f}-{high:.0f})  p50 {p50:>7.2f} ms"
                f"  p90 {p90:>7.2f} ms  {tallies[0].response_kib:>8.1f} KiB  errors {errors}"
            )
        ratios = "  ".join(
            f"{a}/{b} {median_ratio(by_server[a], by_server[b]):.3f}" for a, b in PAIRS
        )
        print(f"  ratios    {ratios}")


def main() -> int:
    args = parse_args()
    DATABASE.parent.mkdir(parents=True, exist_ok=True)
    database = {"DATABASE_URL": f"sqlite:///{DATABASE}", "DEBUG": "false"}
    os.environ.update(DJANGO_SETTINGS_MODULE="hangar.settings", **database)
    prepare_catalog(args.spacecraft, args.rebuild)
    with tempfile.TemporaryDirectory() as folder, ExitStack() as stack:
        cached = stack.enter_context(running(Server("hangar", "hangar.wsgi:application"), 1))
        paths = [LIST_DETAILED, LIST_NORMAL, LIST_SHORT, detail_path(cached), *UPCOMING]
        capture(cached, paths, Path(folder))
        stack.close()  # started again below with the measured number of workers
        servers = [
            Server("hangar", "hangar.wsgi:application"),
            Server("uncached", "hangar.wsgi:application", UNCACHED),
            Server("serialized", "hangar.wsgi:application", SERIALIZED),
            Server("limit", "limit:application", {"BENCH_LIMIT_DIR": folder}, cwd=BENCH),
        ]
        for server in servers:
            stack.enter_context(running(server, args.workers))
        print(
            f"{len(servers)} servers, {args.workers} sync workers each ({os.cpu_count()} CPUs);"
            f" {load_generator()}, {args.concurrency} connections; {args.rounds} rounds of"
            f" {args.seconds:g} s per request after a {WARMUP_SECONDS:g} s warm-up."
        )
        runs = measure(servers, paths, args)
    print_report(runs)
    if any(t.errors for by_server in runs.values() for ts in by_server.values() for t in ts):
        print(f"\nSome requests failed; the servers' logs are in {LOGS.relative_to(ROOT)}/.")
        return 1
    return 0


def stop(process: subprocess.Popen) -> None:
    """Stop a server: gunicorn stops its workers, then exits; killed if it takes over 20 s."""
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
