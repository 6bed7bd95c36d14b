from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "hangar.ingest"
    label = "ingest"
