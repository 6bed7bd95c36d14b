"""``hangar export DIR``: the whole catalog as LL2 2.3.0 JSON, for ``hangar import``."""

from django.core.management.base import BaseCommand, CommandError

from hangar.ingest.export import DEFAULT_BASE_URL, ExportFailed, export_catalog


class Command(BaseCommand):
    help = (
        "Write the whole catalog into DIR as LL2 2.3.0 list pages (richest mode, 100 records "
        "each) plus the stored launch documents; `hangar import DIR/*.json` reads them back."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="an empty or new directory")
        parser.add_argument(
            "--base-url",
            default=DEFAULT_BASE_URL,
            help=f"origin of the urls inside the pages (default {DEFAULT_BASE_URL})",
        )

    def handle(self, *args, **options):
        try:
            report = export_catalog(options["directory"], options["base_url"])
        except ExportFailed as error:
            raise CommandError(f"Export failed: {error}") from None
        for line in report.lines:
            self.stdout.write(line)
