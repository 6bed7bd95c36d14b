"""Mirroring an LL2 2.3.0 server (the public service, its development server, or another
Hangar) within a request budget: ``run_sync`` does one run, ``SyncOptions`` says how."""

from hangar.ingest.sync.run import DEFAULT_UPSTREAM, SyncFailed, SyncOptions, run_sync

__all__ = ["DEFAULT_UPSTREAM", "SyncFailed", "SyncOptions", "run_sync"]
