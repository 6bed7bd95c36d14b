"""A command in a process of its own, its wall time and peak memory its own."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Finished:
    returncode: int
    seconds: float
    peak_mib: float
    stderr: str
    stdout: str = ""


# A child's peak RSS counts what its parent held when it was forked (the kernel carries the
# forking process's high-water mark over the exec), and the test runner can hold hundreds of
# MiB: so the command runs as the child of this small launcher, which reaps it with ``wait4``
# and writes its peak, in KiB, to the file it is given.
LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
open(sys.argv[1], "w").write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_measured(command: list[str], env: dict, workdir: Path, hard_stop: float) -> Finished:
    """Run ``command``, killed (and the test failed by its caller) after ``hard_stop`` s."""
    peak = workdir / "peak-kib.txt"
    peak.unlink(missing_ok=True)
    with (workdir / "stderr.txt").open("w+") as errors, (workdir / "stdout.txt").open("w+") as out:
        began = time.monotonic()
        child = subprocess.Popen(
            [sys.executable, "-c", LAUNCHER, str(peak), *command],
            env=env,
            stdout=out,
            stderr=errors,
            start_new_session=True,
        )
        guard = threading.Timer(hard_stop, os.killpg, (child.pid, signal.SIGKILL))
        guard.start()
        try:
            child.wait()
        finally:
            guard.cancel()
        seconds = time.monotonic() - began
        errors.seek(0)
        out.seek(0)
        peak_kib = float(peak.read_text()) if peak.exists() else float("inf")
        return Finished(child.returncode, seconds, peak_kib / 1024, errors.read(), out.read())
