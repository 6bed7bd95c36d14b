"""``make bench-scale``: do response times stay flat as the catalog grows?

For each size (``--sizes 1000,10000,1000000``), builds a synthetic catalog of that many
spacecraft in a database of its own (``scale_catalog.py``; reused while it holds that many),
serves it with ``hangar serve`` (gunicorn), a server per size running at once, and times five
requests of ``spacecraft/``: the first page, the last page, a filter, a search and an ordering
by a duration that grows while a spacecraft is up. Each request is sent ``--requests`` times
to each server, one after the other from a single client after a warm-up, in ``--rounds``
rounds: in each, every request is timed on every server in turn, the order of the servers
rotating from one round to the next, so that drift on a shared machine hits every size alike.
The median (p50) is reported, with its ratio to the p50 of the smallest size.

It measures first with the response cache off (``RESPONSE_CACHE=false``: every answer
computed, the honest figure, since the cache would answer each repeat), then on, as deployed
(``--uncached-only`` skips that). The servers refresh no statistics while they are measured
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
from contextlib import ExitStack, contextmanager
from pathlib import Path

from load import get
from run import HANGAR, HOST, LOGS, ROOT, STARTUP_TIMEOUT, free_port, stop

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
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds")
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
    if (
        min(args.sizes) <= 0
        or args.requests <= 0
        or args.rounds <= 0
        or args.warmup < 0
        or args.workers <= 0
    ):
        parser.error("sizes, --requests, --rounds and --workers must be positive")
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


# --- the servers -----------------------------------------------------------------------------


def log_of(size: int) -> Path:
    return LOGS / f"bench-scale-{size}.log"


def log_tail(size: int, lines: int = 20) -> str:
    return "\n".join(log_of(size).read_text(errors="replace").splitlines()[-lines:])


@contextmanager
def running_server(size: int, url: str, port: int, workers: int, cached: bool) -> Iterator[None]:
    """``hangar serve`` of the catalog of ``size`` on ``port``, in its own session (a Ctrl-C
    reaches only this script, which then stops it), with the response cache on or off, stopped
    on the way out."""
    command = [*HANGAR, "serve", "--bind", f"{HOST}:{port}", "--workers", str(workers)]
    env = {**environment(url), "RESPONSE_CACHE": "true" if cached else "false"}
    with log_of(size).open("wb") as log:
        process = subprocess.Popen(
            command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            wait_until_ready(process, size, port)
            yield
        finally:
            stop(process)


def wait_until_ready(process: subprocess.Popen, size: int, port: int) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"hangar serve exited ({process.returncode}):\n{log_tail(size)}")
        try:
            get(port, "/", timeout=5)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"hangar serve did not answer in {STARTUP_TIMEOUT:.0f} s.")


# --- the measurement -------------------------------------------------------------------------


def timed_once(size: int, port: int, path: str) -> float:
    started = time.perf_counter()
    status, _, body = get(port, path)
    elapsed = time.perf_counter() - started
    if status != 200:
        raise SystemExit(f"{path} answered {status}: {body[:300]!r}\n{log_tail(size)}")
    return elapsed


def measure(sizes: list[int], args: argparse.Namespace, cached: bool) -> dict[int, dict]:
    """The median latency (ms) of each request at each size. A server per size runs at once;
    in each round every request is timed on each server in turn, the order of the servers
    rotating from one round to the next, so that drift on the machine hits every size alike."""
    ports = {size: free_port() for size in sizes}
    with ExitStack() as stack:
        paths = {}
        for size in sizes:
            url = args.database.format(size=size)
            stack.enter_context(running_server(size, url, ports[size], args.workers, cached))
            _, _, body = get(ports[size], REQUESTS["first page"])
            count = json.loads(body)["count"]
            if count != size:
                raise SystemExit(f"The catalog holds {count:,} spacecraft, not {size:,}.")
            paths[size] = {name: path.format(last=count - 10) for name, path in REQUESTS.items()}
            for path in paths[size].values():
                for _ in range(args.warmup):
                    timed_once(size, ports[size], path)
        latencies = {size: {name: [] for name in REQUESTS} for size in sizes}
        per_round = max(1, args.requests // args.rounds)
        for number in range(args.rounds):
            order = sizes[number % len(sizes) :] + sizes[: number % len(sizes)]
            for name in REQUESTS:
                for size in order:
                    for _ in range(per_round):
                        latency = timed_once(size, ports[size], paths[size][name])
                        latencies[size][name].append(latency)
    return {
        size: {name: 1000 * statistics.median(values) for name, values in by_name.items()}
        for size, by_name in latencies.items()
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
    for size in sizes:
        command = [sys.executable, __file__, "--build", str(size), "--database", args.database]
        subprocess.run([*command, *(["--rebuild"] if args.rebuild else [])], check=True)
    kinds = [False] if args.uncached_only else [False, True]
    results = {}
    for cached in kinds:
        print(
            f"Measuring with the response cache {'on' if cached else 'off'}: {args.requests}"
            f" requests of each kind at each size, in {args.rounds} rounds...",
            flush=True,
        )
        results[cached] = measure(sizes, args, cached)
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
