"""``hangar load_bundled``: import the bundled real LL2 records into an empty catalog."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from hangar.ingest.importer import import_files
from hangar.launches.models import Launch
from hangar.spacecraft.models import Spacecraft

BUNDLED_DATA = Path(settings.BASE_DIR) / "data"


class Command(BaseCommand):
    help = "Import the bundled sample of real LL2 data, unless the catalog already holds data."

    def handle(self, *args, **options):
        if Spacecraft.objects.exists() or Launch.objects.exists():
            self.stdout.write("The catalog already holds data; bundled data not loaded.")
            return
        files = sorted(BUNDLED_DATA.glob("*.json"))
        for line in import_files(files).lines():
            self.stdout.write(line)
