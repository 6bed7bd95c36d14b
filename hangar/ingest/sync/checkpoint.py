"""What a sync keeps on disk, so that it can be interrupted at any moment (even killed) and
resumed without fetching a finished page again.

One directory per upstream::

    <state dir>/<key>/
        lock            held while a sync of this upstream runs
        ledger.json     when requests were sent: the hourly budget outlives any one run
        history.json    when the last full and quick refreshes finished, pages per stream
        runs.json       how the last run ended (success, failed, refused, interrupted, error)
                        and when, and when the last run that succeeded ended
        quality.tsv     the data-quality report of the last sync
        checkpoint/
            plan.json   the streams this run crawls
            pages/      one file per page fetched, named after its stream and offset

Every file is written whole or not at all (a temporary file, then ``os.replace``), so a kill
leaves either the old or the new version. A page file is the proof that its page is done:
progress is read back from the page files, never from a counter that could disagree with them.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import orjson
from django.conf import settings


class SyncLocked(Exception):
    """Another sync of the same upstream holds the lock."""


def write_atomically(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temporary.open("wb") as handle:
        handle.write(orjson.dumps(data))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def read_json(path: Path, default=None):
    try:
        return orjson.loads(path.read_bytes())
    except FileNotFoundError:
        return default


def default_state_dir() -> Path:
    return Path(settings.VAR_DIR) / "sync"


def finished_syncs(state_dir: Path | None = None) -> list[tuple[str, datetime]]:
    """Each upstream synced into ``state_dir`` with when its last sync finished, for the home
    page and the metrics; an upstream whose first sync has not finished is left out."""
    found = []
    for root in sorted((state_dir or default_state_dir()).glob("*/")):
        finished = read_json(root / "history.json", {}).get("last_finished")
        upstream = root / "upstream.txt"
        if finished and upstream.is_file():
            found.append(
                (upstream.read_text(encoding="utf-8").strip(), datetime.fromisoformat(finished))
            )
    return found


def sync_runs(state_dir: Path | None = None) -> list[tuple[str, dict]]:
    """Each upstream synced into ``state_dir`` with how its last run ended (``runs.json``:
    ``outcome``, ``attempted`` and ``succeeded``, times in ISO 8601), for the metrics."""
    found = []
    for root in sorted((state_dir or default_state_dir()).glob("*/")):
        runs = read_json(root / "runs.json")
        upstream = root / "upstream.txt"
        if runs and upstream.is_file():
            found.append((upstream.read_text(encoding="utf-8").strip(), runs))
    return found


def upstream_key(api_root: str) -> str:
    return hashlib.sha256(api_root.encode()).hexdigest()[:16]


class SyncState:
    """The files of one upstream's sync, under ``root``."""

    def __init__(self, state_dir: Path, api_root: str) -> None:
        self.root = Path(state_dir) / upstream_key(api_root)
        self.api_root = api_root
        self.checkpoint = self.root / "checkpoint"
        self.pages_dir = self.checkpoint / "pages"
        self.quality_report = self.root / "quality.tsv"

    @contextmanager
    def locked(self):
        """Only one sync per upstream at a time; the lock dies with its process, kill -9
        included, so a crashed run never blocks the next one."""
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "upstream.txt").write_text(self.api_root + "\n", encoding="utf-8")
        with (self.root / "lock").open("w") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise SyncLocked(
                    f"Another sync of {self.api_root} is running (lock: {self.root / 'lock'})."
                ) from None
            try:
                yield self
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    # --- the request ledger (budget) ---------------------------------------------------------

    def load_ledger(self) -> dict:
        """``stamps``: when recent requests were sent; ``plan``/``spent``: how many requests the
        run in the checkpoint has spent so far, its interrupted attempts included."""
        return read_json(self.root / "ledger.json", {"stamps": [], "plan": None, "spent": 0})

    def save_ledger(self, ledger: dict) -> None:
        write_atomically(self.root / "ledger.json", ledger)

    # --- history of finished syncs -------------------------------------------------------------

    def load_history(self) -> dict:
        return read_json(self.root / "history.json", {})

    def save_history(self, history: dict) -> None:
        write_atomically(self.root / "history.json", history)

    # --- how the last run ended ------------------------------------------------------------

    def record_run(self, outcome: str, ended: datetime) -> None:
        """Record that a run ended with ``outcome`` (``success`` or how it failed) at ``ended``;
        the last success is kept across failures."""
        runs = read_json(self.root / "runs.json", {})
        runs.update(outcome=outcome, attempted=ended.isoformat())
        if outcome == "success":
            runs["succeeded"] = ended.isoformat()
        write_atomically(self.root / "runs.json", runs)

    # --- the checkpoint of the run in progress ---------------------------------------------------

    def load_plan(self) -> dict | None:
        return read_json(self.checkpoint / "plan.json")

    def save_plan(self, plan: dict) -> None:
        write_atomically(self.checkpoint / "plan.json", plan)

    def page_path(self, stream: str, position: int) -> Path:
        return self.pages_dir / f"{stream}--{position:07d}.json"

    def save_page(self, stream: str, position: int, page: dict) -> None:
        write_atomically(self.page_path(stream, position), page)

    def pages(self, stream: str) -> list[dict]:
        """The saved pages of a stream, in order. Temporary files a kill left are ignored."""
        paths = sorted(self.pages_dir.glob(f"{stream}--*.json"))
        return [orjson.loads(path.read_bytes()) for path in paths]

    def read_page(self, stream: str, position: int) -> dict:
        return orjson.loads(self.page_path(stream, position).read_bytes())

    def page_count(self) -> int:
        return len(list(self.pages_dir.glob("*.json"))) if self.pages_dir.is_dir() else 0

    def discard_stream(self, stream: str) -> None:
        for path in self.pages_dir.glob(f"{stream}--*.json"):
            path.unlink()

    def clear_checkpoint(self) -> None:
        shutil.rmtree(self.checkpoint, ignore_errors=True)
