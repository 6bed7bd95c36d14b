from django.apps import AppConfig
from django.db.models.signals import post_migrate


class IngestConfig(AppConfig):
    name = "hangar.ingest"
    label = "ingest"

    def ready(self) -> None:
        from hangar.ingest.upgrade import after_migrate

        # Sent once per app with models: the catalog's is the one that holds the documents.
        post_migrate.connect(after_migrate, dispatch_uid="hangar.ingest.upgrade")
