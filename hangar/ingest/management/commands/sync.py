"""``hangar sync``: mirror the spacecraft domain of an LL2 2.3.0 server into the catalog."""

import os
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from hangar.ingest.sync import DEFAULT_UPSTREAM, SyncFailed, SyncOptions, run_sync
from hangar.ingest.sync.checkpoint import SyncLocked
from hangar.ingest.sync.client import MIB, RetryPolicy

DAY = 24 * 3600


class Command(BaseCommand):
    help = (
        "Mirror the spacecraft domain of an LL2 2.3.0 server (the public service by default) "
        "within an hourly request budget. Resumable: rerun after an interruption to go on "
        "from the checkpoint. Applies everything at once, so readers never see a mix. "
        "Against a broken or hostile upstream every request ends by its --timeout, an answer "
        "is read up to --max-body-mb (decompressed), a list up to the pages its count needs "
        "(and --max-pages), and a next link to another host or scheme is refused; a refusal "
        "changes nothing and exits non-zero."
    )

    def add_arguments(self, parser):
        self.add_what_arguments(parser)
        self.add_how_arguments(parser)

    def add_what_arguments(self, parser):
        """What to sync: from where, within which budget, which endpoints."""
        parser.add_argument(
            "--upstream", default=DEFAULT_UPSTREAM, help=f"base URL (default {DEFAULT_UPSTREAM})"
        )
        parser.add_argument(
            "--token",
            default=os.environ.get("HANGAR_SYNC_TOKEN"),
            help="API key, sent as 'Authorization: Token KEY' (default: $HANGAR_SYNC_TOKEN)",
        )
        parser.add_argument(
            "--budget", type=int, default=15, help="requests per window at most (default 15)"
        )
        parser.add_argument(
            "--window-seconds", type=float, default=3600, help="budget window (default 3600)"
        )
        parser.add_argument("--full", action="store_true", help="re-read every endpoint")
        parser.add_argument(
            "--full-every",
            type=float,
            default=7,
            metavar="DAYS",
            help="a full refresh when the last one is this old, else a quick one (default 7)",
        )
        parser.add_argument(
            "--only",
            action="append",
            default=[],
            metavar="PATH",
            help="sync only this endpoint (spacecraft/, agencies/ ...); repeatable",
        )

    def add_how_arguments(self, parser):
        """How to run: resuming, repeating, timeouts, retries, progress."""
        parser.add_argument(
            "--restart", action="store_true", help="drop the checkpoint and start over"
        )
        parser.add_argument(
            "--every",
            type=float,
            metavar="SECONDS",
            help="keep running: start a sync every SECONDS (a failed one is retried then)",
        )
        parser.add_argument("--runs", type=int, help="with --every: stop after this many runs")
        parser.add_argument(
            "--timeout",
            type=float,
            default=60,
            help="seconds for each request as a whole: connecting, headers and the whole body; "
            "a slower answer is retried like any timeout (default 60)",
        )
        parser.add_argument(
            "--max-body-mb",
            type=positive_int,
            default=settings.HANGAR_SYNC_MAX_BODY_MB,
            metavar="MIB",
            help="refuse an answer larger than this, after decompression; not retried "
            f"(default {settings.HANGAR_SYNC_MAX_BODY_MB}, $HANGAR_SYNC_MAX_BODY_MB)",
        )
        parser.add_argument(
            "--max-pages",
            type=positive_int,
            default=settings.HANGAR_SYNC_MAX_PAGES,
            help="refuse a list whose first page's count needs more pages than this; any list "
            "is also refused past the pages its count needs, a tenth more and two "
            f"(default {settings.HANGAR_SYNC_MAX_PAGES}, $HANGAR_SYNC_MAX_PAGES)",
        )
        parser.add_argument(
            "--retries", type=int, default=5, help="attempts per request on errors (default 5)"
        )
        parser.add_argument(
            "--backoff",
            type=float,
            default=5,
            help="seconds before the first retry, doubled each time (default 5)",
        )
        parser.add_argument("--state-dir", help="where checkpoints live (default: var/sync)")
        progress = parser.add_mutually_exclusive_group()
        progress.add_argument(
            "--progress",
            action="store_true",
            default=None,
            help="show the progress bar (default: only on a terminal)",
        )
        progress.add_argument(
            "--no-progress", dest="progress", action="store_false", help="never show it"
        )

    def handle(self, *args, **options):
        sync_options = SyncOptions(
            upstream=options["upstream"],
            token=options["token"],
            budget=options["budget"],
            window=options["window_seconds"],
            full=options["full"],
            full_every=options["full_every"] * DAY,
            only=tuple(options["only"]),
            restart=options["restart"],
            state_dir=options["state_dir"],
            timeout=options["timeout"],
            max_body=options["max_body_mb"] * MIB,
            max_pages=options["max_pages"],
            policy=RetryPolicy(attempts=options["retries"], backoff=options["backoff"]),
            progress=options["progress"],
        )
        if options["every"] is None:
            self.run_once(sync_options, fail=True)
            return
        runs = 0
        while options["runs"] is None or runs < options["runs"]:
            started = time.monotonic()
            self.run_once(sync_options, fail=False)
            runs += 1
            sync_options.restart = sync_options.full = False
            if options["runs"] is None or runs < options["runs"]:
                time.sleep(max(0.0, options["every"] - (time.monotonic() - started)))

    def run_once(self, sync_options: SyncOptions, fail: bool) -> None:
        try:
            lines = run_sync(sync_options, note=self.stderr.write)
        except (SyncFailed, SyncLocked, ValueError) as error:
            message = "\n".join(getattr(error, "lines", [str(error)]))
            if fail:
                raise CommandError(message) from None
            self.stderr.write(message)
            return
        for line in lines:
            self.stdout.write(line)


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value
