"""``hangar import FILE...``: load LL2 2.3.0 JSON into the catalog, all or nothing."""

from django.core.management.base import BaseCommand, CommandError

from hangar.ingest.importer import MAX_LISTED_ERRORS, ImportRefused, import_files


class Command(BaseCommand):
    help = (
        "Import LL2 2.3.0 JSON files (list pages or single objects, any mode). Every record is "
        "validated first; if any is refused, nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="LL2 JSON files to import")

    def handle(self, *args, **options):
        try:
            report = import_files(options["files"])
        except ImportRefused as refused:
            shown = refused.errors[:MAX_LISTED_ERRORS]
            more = max(refused.rejected, len(refused.errors)) - len(shown)
            lines = [
                f"Import refused: {refused.rejected} rejected; nothing was changed.",
                *(f"  {error}" for error in shown),
            ]
            if more:
                lines.append(f"  ... and {more} more.")
            raise CommandError("\n".join(lines)) from None
        for line in report.lines():
            self.stdout.write(line)
