from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "hangar.catalog"
    label = "catalog"
    verbose_name = "Spacecraft catalog"
