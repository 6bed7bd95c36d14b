from django.apps import AppConfig
from django.db.models.signals import post_migrate


class IngestConfig(AppConfig):
    name = "hangar.ingest"
    label = "ingest"

    def ready(self) -> None:
        from hangar.ingest.upgrade import after_migrate

        post_migrate.connect(after_migrate, sender=self)
