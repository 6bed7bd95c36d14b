from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "hangar.catalog"
    label = "catalog"
    verbose_name = "Spacecraft catalog"

    def ready(self) -> None:
        # Registers the OpenAPI extensions with drf-spectacular.
        from hangar.catalog.api import schema  # noqa: F401
