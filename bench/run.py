"""``make bench``: requests per second and latency of the spacecraft list, as served in production.

Builds a synthetic catalog (``synthetic.py``) in a database of its own, ``var/bench.sqlite3``, or
reuses it when it already holds the requested number of spacecraft. Then starts ``hangar serve``
(gunicorn) on a free local port with the access log off, waits until it answers, and measures one
scenario after the other: client threads send requests back to back for a fixed time, after a
short warm-up. Reports requests per second, the median and 90th percentile latency, and the size
of a response. The load is driven with the standard library only.

gunicorn's sync workers close the connection after each response: each thread keeps one
``http.client`` connection, which reconnects when the server has closed it.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = ROOT / "var" / "bench.sqlite3"
SERVER_LOG = ROOT / "var" / "bench-server.log"
HANGAR = [sys.executable, "-m", "hangar.cli"]
HOST = "127.0.0.1"
LIST_NORMAL = "/2.3.0/spacecraft/?limit=100&format=json"
LIST_DETAILED = "/2.3.0/spacecraft/?limit=100&mode=detailed&format=json"
# What launch clients call most: the next launches, at each level.
UPCOMING = [
    f"/2.3.0/launches/upcoming/?limit=100&mode={mode}&format=json"
    for mode in ("list", "normal", "detailed")
]
WARMUP_SECONDS = 2.0
STARTUP_TIMEOUT = 60.0


def parse_args() -> argparse.Namespace:
    cpus = os.cpu_count() or 1
    parser = argparse.ArgumentParser(
        description="Benchmark the spacecraft and upcoming launch lists."
    )
    parser.add_argument("--spacecraft", type=int, default=10_000, help="catalog size")
    parser.add_argument("--seconds", type=float, default=10.0, help="measuring time per request")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads")
    parser.add_argument(
        "--workers", type=int, default=2 * cpus + 1, help="server processes (default: 2 x CPUs + 1)"
    )
    parser.add_argument(
        "--rebuild", action="store_true", help="build the catalog again even if one is stored"
    )
    args = parser.parse_args()
    for name in ("spacecraft", "seconds", "concurrency", "workers"):
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


# --- the server -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def get(port: int, path: str, timeout: float = 60.0) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def log_tail(lines: int = 20) -> str:
    return "\n".join(SERVER_LOG.read_text(errors="replace").splitlines()[-lines:])


@contextmanager
def running_server(port: int, workers: int) -> Iterator[None]:
    """``hangar serve`` in its own session (a Ctrl-C reaches only this script, which then stops
    the server), stopped on the way out whatever happens."""
    with SERVER_LOG.open("wb") as log:
        server = subprocess.Popen(
            [*HANGAR, "serve", "--bind", f"{HOST}:{port}", "--workers", str(workers)],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            wait_until_ready(server, port)
            yield
        finally:
            server.terminate()  # gunicorn stops its workers, then exits
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def wait_until_ready(server: subprocess.Popen, port: int) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"The server exited with status {server.returncode}:\n{log_tail()}")
        try:
            status, _ = get(port, "/2.3.0/spacecraft/?limit=1&format=json", timeout=5)
        except OSError:
            status = None
        if status == 200:
            return
        if status is not None:
            raise SystemExit(f"The server answered {status}:\n{log_tail()}")
        time.sleep(0.2)
    raise SystemExit(f"The server did not answer within {STARTUP_TIMEOUT:.0f} s:\n{log_tail()}")


# --- the load ---------------------------------------------------------------------------------


@dataclass
class Tally:
    """What the client threads saw during one scenario."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    body_bytes: int = 0
    elapsed: float = 0.0

    def merge(self, other: Tally) -> None:
        self.latencies += other.latencies
        self.errors += other.errors
        self.body_bytes += other.body_bytes

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.elapsed if self.elapsed else 0.0

    def percentile_ms(self, percent: int) -> float:
        if len(self.latencies) < 2:
            return 1000 * (self.latencies[0] if self.latencies else 0.0)
        return 1000 * statistics.quantiles(self.latencies, n=100)[percent - 1]

    @property
    def response_kib(self) -> float:
        return self.body_bytes / len(self.latencies) / 1024 if self.latencies else 0.0


def client(port: int, path: str, deadline: float, tally: Tally) -> None:
    """Send requests back to back until the deadline; count successes and errors."""
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException):
                connection.close()
                tally.errors += 1
                continue
            if response.status == 200:
                tally.latencies.append(time.perf_counter() - started)
                tally.body_bytes += len(body)
            else:
                tally.errors += 1
    finally:
        connection.close()


def drive(port: int, path: str, seconds: float, concurrency: int) -> Tally:
    tallies = [Tally() for _ in range(concurrency)]
    started = time.perf_counter()
    threads = [
        threading.Thread(target=client, args=(port, path, started + seconds, tally), daemon=True)
        for tally in tallies
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    total = Tally(elapsed=time.perf_counter() - started)
    for tally in tallies:
        total.merge(tally)
    return total


def detail_path(port: int) -> str:
    """A typical spacecraft of the first page: three flights and some time docked."""
    status, body = get(port, LIST_NORMAL)
    if status != 200:
        raise SystemExit(f"The list answered {status}:\n{log_tail()}")
    results = json.loads(body)["results"]
    typical = [craft for craft in results if craft["flights_count"] == 3 and craft["time_docked"]]
    return f"/2.3.0/spacecraft/{(typical or results)[0]['id']}/?format=json"


# --- the report -------------------------------------------------------------------------------


def print_table(results: dict[str, Tally]) -> None:
    width = max(len("request"), *map(len, results))
    header = (
        f"{'request':<{width}}  {'req/s':>7}  {'median ms':>9}  {'p90 ms':>8}"
        f"  {'KiB/resp':>8}  {'requests':>8}  {'errors':>6}"
    )
    print(header)
    print("-" * len(header))
    for path, tally in results.items():
        print(
            f"{path:<{width}}  {tally.rate:>7.1f}  {tally.percentile_ms(50):>9.1f}"
            f"  {tally.percentile_ms(90):>8.1f}  {tally.response_kib:>8.1f}"
            f"  {len(tally.latencies):>8}  {tally.errors:>6}"
        )


def main() -> int:
    args = parse_args()
    DATABASE.parent.mkdir(parents=True, exist_ok=True)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="hangar.settings",
        DATABASE_URL=f"sqlite:///{DATABASE}",
        DEBUG="false",
        HANGAR_ACCESS_LOG="",
    )
    prepare_catalog(args.spacecraft, args.rebuild)

    port = free_port()
    print(
        f"Serving on port {port} with {args.workers} workers ({os.cpu_count()} CPUs); "
        f"{args.concurrency} client threads, {args.seconds:g} s per request after a "
        f"{WARMUP_SECONDS:g} s warm-up."
    )
    results: dict[str, Tally] = {}
    with running_server(port, args.workers):
        for path in (LIST_NORMAL, LIST_DETAILED, detail_path(port), *UPCOMING):
            drive(port, path, WARMUP_SECONDS, args.concurrency)
            results[path] = drive(port, path, args.seconds, args.concurrency)
    print()
    print_table(results)
    if any(tally.errors for tally in results.values()):
        print(f"\nSome requests failed; the server's log is in {SERVER_LOG.relative_to(ROOT)}.")
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
