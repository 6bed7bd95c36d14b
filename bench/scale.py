"""``make bench-scale``: do response times stay flat as the catalog grows?

For each size (``--sizes 1000,10000,1000000``), builds a synthetic catalog of that many
spacecraft in a database of its own (``scale_catalog.py``; reused while it holds that many),
serves it with ``hangar serve`` (gunicorn), and times five requests of ``spacecraft/``: the
first page, the last page, a filter, a search and an ordering by a duration that grows while a
spacecraft is up. Each request is sent ``--requests`` times, one after the other from a single
client after a warm-up, and the median (p50) is reported, with its ratio to the p50 of the
smallest size. The server refreshes no statistics while it is measured
(``HANGAR_REFRESH_SECONDS=0``), so nothing but the requests runs.

``--database`` names the databases: a URL in which ``{size}`` stands for the size
(``postgres://postgres@127.0.0.1:5432/bench_{size}``; the databases must exist), or by default
SQLite files in ``var/``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from load import get
from run import HANGAR, HOST, LOGS, ROOT, STARTUP_TIMEOUT, free_port

REQUESTS = {
    "first page": "/2.3.0/spacecraft/?limit=10&format=json",
    "last page": "/2.3.0/spacecraft/?limit=10&offset={last}&format=json",
    "filter": "/2.3.0/spacecraft/?in_space=true&limit=10&format=json",
    "search": "/2.3.0/spacecraft/?search=orion&limit=10&format=json",
    "ordering": "/2.3.0/spacecraft/?ordering=-time_in_space&limit=10&format=json",
}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Response times of spacecraft/ at each size.")
    parser.add_argument("--sizes", default="1000,10000,1000000", help="comma-separated sizes")
    parser.add_argument(
        "--database",
        default=f"sqlite:///{ROOT / 'var'}/bench-scale-{{size}}.sqlite3",
        help="database URL, {size} standing for the size",
    )
    parser.add_argument("--requests", type=int, default=50, help="timed requests of each kind")
    parser.add_argument("--warmup", type=int, default=10, help="untimed requests of each kind")
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument("--rebuild", action="store_true", help="build every catalog again")
    parser.add_argument(
        "--uncached-only", action="store_true", help="skip the measurement with the cache on"
    )
    parser.add_argument("--build", type=int, help=argparse.SUPPRESS)  # the build subprocess
    args = parser.parse_args()
    try:
        args.sizes = [int(size.replace("_", "")) for size in args.sizes.split(",")]
    except ValueError:
        parser.error("--sizes takes whole numbers separated by commas")
    if "{size}" not in args.database:
        parser.error("--database must contain {size}")
    if min(args.sizes) <= 0 or args.requests <= 0 or args.warmup < 0 or args.workers <= 0:
        parser.error("sizes, --requests and --workers must be positive")
    return args


# --- the catalog, built in a process of its own (Django reads DATABASE_URL once) ------------


def build_in_this_process(size: int, rebuild: bool) -> None:
    import django
    from django.db import connection

    subprocess.run([*HANGAR, "migrate", "--noinput", "-v0"], check=True)
    django.setup()
    from scale_catalog import build

    from hangar.spacecraft.models import Spacecraft

    stored = Spacecraft.objects.count()
    if stored == size and not rebuild:
        print(f"Reusing the catalog of {size:,} spacecraft.")
        return
    if stored:
        print(f"Emptying the database ({stored:,} spacecraft)...")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        else:
            connection.close()
            Path(connection.settings_dict["NAME"]).unlink()
        connection.close()
        subprocess.run([*HANGAR, "migrate", "--noinput", "-v0"], check=True)
    print(f"Building a catalog of {size:,} spacecraft...")
    started = time.perf_counter()
    rows = build(size)
    written = ", ".join(f"{n:,} {name}" for name, n in rows.items() if n >= 1000)
    print(f"  {written} ({time.perf_counter() - started:.0f} s)")


def environment(url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hangar.settings",
        "DATABASE_URL": url,
        "DEBUG": "false",
        "HANGAR_ACCESS_LOG": "",
        "HANGAR_REFRESH_SECONDS": "0",
        "DATABASE_STATEMENT_TIMEOUT": "0",
    }


# --- the server ------------------------------------------------------------------------------

LOG = LOGS / "bench-scale.log"


def log_tail(lines: int = 20) -> str:
    return "\n".join(LOG.read_text(errors="replace").splitlines()[-lines:])


@contextmanager
def running_server(port: int, workers: int, cached: bool) -> Iterator[None]:
    """``hangar serve`` on ``port`` in its own session (a Ctrl-C reaches only this script,
    which then stops it), with the response cache on or off, stopped on the way out."""
    command = [*HANGAR, "serve", "--bind", f"{HOST}:{port}", "--workers", str(workers)]
    env = {**os.environ, "RESPONSE_CACHE": "true" if cached else "false"}
    with LOG.open("wb") as log:
        process = subprocess.Popen(
            command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            wait_until_ready(process, port)
            yield
        finally:
            process.terminate()  # gunicorn stops its workers, then exits
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_until_ready(process: subprocess.Popen, port: int) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"hangar serve exited ({process.returncode}):\n{log_tail()}")
        try:
            get(port, "/", timeout=5)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"hangar serve did not answer in {STARTUP_TIMEOUT:.0f} s.")


# --- the measurement -------------------------------------------------------------------------


def timed(port: int, path: str, warmup: int, requests: int) -> float:
    """The median latency of ``path``, in milliseconds."""
    for _ in range(warmup):
        get(port, path)
    latencies = []
    for _ in range(requests):
        started = time.perf_counter()
        status, _, body = get(port, path)
        latencies.append(time.perf_counter() - started)
        if status != 200:
            raise SystemExit(f"{path} answered {status}: {body[:300]!r}\n{log_tail()}")
    return 1000 * statistics.median(latencies)


def measure(size: int, url: str, args: argparse.Namespace, cached: bool) -> dict[str, float]:
    os.environ.update(environment(url))
    port = free_port()
    with running_server(port, args.workers, cached):
        _, _, body = get(port, REQUESTS["first page"])
        count = json.loads(body)["count"]
        if count != size:
            raise SystemExit(f"The catalog holds {count:,} spacecraft, not {size:,}.")
        return {
            name: timed(port, path.format(last=count - 10), args.warmup, args.requests)
            for name, path in REQUESTS.items()
        }


def print_table(title: str, sizes: list[int], results: dict[int, dict[str, float]]) -> None:
    print(title)
    smallest, largest = sizes[0], sizes[-1]
    header = f"{'request':<12}" + "".join(f"{f'p50 ms @ {size:,}':>22}" for size in sizes)
    header += f"{f'{largest:,} / {smallest:,}':>22}"
    print(header)
    print("-" * len(header))
    for name in REQUESTS:
        row = f"{name:<12}" + "".join(f"{results[size][name]:>22.1f}" for size in sizes)
        row += f"{results[largest][name] / results[smallest][name]:>22.2f}"
        print(row)
    print()


def main() -> int:
    args = parse_args()
    (ROOT / "var").mkdir(exist_ok=True)
    if args.build is not None:
        os.environ.update(environment(args.database.format(size=args.build)))
        build_in_this_process(args.build, args.rebuild)
        return 0
    sizes = sorted(set(args.sizes))
    kinds = [False] if args.uncached_only else [False, True]
    results: dict[bool, dict[int, dict[str, float]]] = {cached: {} for cached in kinds}
    for size in sizes:
        url = args.database.format(size=size)
        command = [sys.executable, __file__, "--build", str(size), "--database", args.database]
        subprocess.run([*command, *(["--rebuild"] if args.rebuild else [])], check=True)
        for cached in kinds:
            cache = "on" if cached else "off"
            print(
                f"Measuring {size:,} spacecraft, response cache {cache}: {args.requests} requests"
                " of each kind...",
                flush=True,
            )
            results[cached][size] = measure(size, url, args, cached)
    print()
    print_table("Uncached (RESPONSE_CACHE=false): every answer computed", sizes, results[False])
    if True in results:
        print_table(
            "Cached (RESPONSE_CACHE=true, as deployed): repeats are cache hits",
            sizes,
            results[True],
        )
    for name, path in REQUESTS.items():
        print(f"{name:<12}{path.format(last='<count - 10>')}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
