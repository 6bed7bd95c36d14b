"""``hangar refresh``: store the statistics that time has changed (a planned flight launched)."""

import time
from datetime import UTC, datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction

from hangar.core.models import bump_catalog_version
from hangar.core.registry import registry


def refresh_due() -> int:
    """Recompute, in one transaction, every statistic that has fallen due; how many records.
    A refresh that changed anything raises the catalog version in the same transaction."""
    now = datetime.now(UTC)
    with transaction.atomic():
        count = sum(refresh.due(now) for refresh in registry.refreshes())
        if count:
            bump_catalog_version()
    return count


class Command(BaseCommand):
    help = (
        "Store the statistics that time has changed since the last import, sync or refresh: "
        "spacecraft whose planned flight or docking has begun. Until it runs, a response "
        "computes such a spacecraft's own figures for the request; its configuration's "
        "figures, the in_space filter and ordering use the stored values, which this brings "
        "up to date. `hangar serve` runs it every minute; or run it from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=float,
            metavar="SECONDS",
            help="keep running: refresh every SECONDS (errors are reported and retried then)",
        )

    def handle(self, *args, **options):
        if options["every"] is None:
            try:
                count = refresh_due()
            except DatabaseError as error:
                raise CommandError(f"Refresh failed, nothing was changed: {error}") from None
            self.stdout.write(f"Refreshed the statistics of {count} records.")
            return
        try:
            while True:
                self.refresh_once()
                time.sleep(options["every"])
        except KeyboardInterrupt:
            return

    def refresh_once(self) -> None:
        try:
            count = refresh_due()
        except DatabaseError as error:
            self.stderr.write(f"Refresh failed, nothing was changed: {error}")
            return
        if count:
            self.stdout.write(f"Refreshed the statistics of {count} records.")
