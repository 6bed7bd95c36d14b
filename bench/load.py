"""The load of the benchmark: closed-loop clients sending one request after the other for a
fixed time, and what they saw.

With ``wrk`` on the PATH it drives the load (C, two threads, one connection per client), so that
the client is not the bottleneck of a fast server; otherwise Python threads do, each keeping one
``http.client`` connection, which reconnects when the server closes it (gunicorn's sync workers
close the connection after each response).
"""

from __future__ import annotations

import http.client
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HOST = "127.0.0.1"

# wrk calls ``done`` once at the end with its own counts and latency histogram (microseconds).
WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "\\nBENCH %d %d %d %d %.0f %.0f %.0f\\n",
    summary.requests, summary.duration, summary.bytes,
    e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99)))
end
"""


@dataclass
class Tally:
    """What the clients saw while measuring one request on one server."""

    requests: int = 0
    errors: int = 0
    body_bytes: int = 0
    elapsed: float = 0.0
    p50_ms: float = 0.0
    p90_ms: float = 0.0
    latencies: list[float] = field(default_factory=list, repr=False)

    @property
    def rate(self) -> float:
        return self.requests / self.elapsed if self.elapsed else 0.0

    @property
    def response_kib(self) -> float:
        return self.body_bytes / self.requests / 1024 if self.requests else 0.0


def get(port: int, path: str, timeout: float = 60.0) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def load_generator() -> str:
    return "wrk" if shutil.which("wrk") else "python threads"


def drive(port: int, path: str, seconds: float, concurrency: int) -> Tally:
    if shutil.which("wrk"):
        return drive_wrk(port, path, seconds, concurrency)
    return drive_threads(port, path, seconds, concurrency)


def drive_wrk(port: int, path: str, seconds: float, concurrency: int) -> Tally:
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "report.lua"
        script.write_text(WRK_REPORT)
        command = [
            "wrk",
            f"--threads={min(2, concurrency)}",
            f"--connections={concurrency}",
            f"--duration={max(1, round(seconds))}s",
            "--timeout=60s",
            f"--script={script}",
            f"http://{HOST}:{port}{path}",
        ]
        output = subprocess.run(
            command, capture_output=True, text=True, check=False, timeout=seconds + 120
        ).stdout
    line = next((text for text in output.splitlines() if text.startswith("BENCH ")), None)
    if line is None:
        raise SystemExit(f"wrk gave no result for {path}:\n{output}")
    requests, duration_us, body_bytes, errors, p50, p90, _p99 = map(float, line.split()[1:])
    return Tally(
        requests=int(requests),
        errors=int(errors),
        body_bytes=int(body_bytes),
        elapsed=duration_us / 1e6,
        p50_ms=p50 / 1000,
        p90_ms=p90 / 1000,
    )


def drive_threads(port: int, path: str, seconds: float, concurrency: int) -> Tally:
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
        total.requests += tally.requests
        total.errors += tally.errors
        total.body_bytes += tally.body_bytes
        total.latencies += tally.latencies
    ordered = sorted(total.latencies)
    if ordered:
        total.p50_ms = 1000 * ordered[len(ordered) // 2]
        total.p90_ms = 1000 * ordered[int(len(ordered) * 0.9)]
    return total


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
                tally.requests += 1
                tally.latencies.append(time.perf_counter() - started)
                tally.body_bytes += len(body)
            else:
                tally.errors += 1
    finally:
        connection.close()
