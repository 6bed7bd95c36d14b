from django.apps import AppConfig


class CatalogConfig(AppConfig):
    """The catalog's tables and their migration history; the models are declared in the domain
    packages (see ``models.py``)."""

    name = "hangar.catalog"
    label = "catalog"
    verbose_name = "Catalog"
