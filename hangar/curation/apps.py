from django.apps import AppConfig


class CurationConfig(AppConfig):
    name = "hangar.curation"
    label = "curation"
    verbose_name = "Curation"
