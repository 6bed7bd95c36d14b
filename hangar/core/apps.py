from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "hangar.core"
    label = "core"
    verbose_name = "Hangar core"

    def ready(self) -> None:
        # Registers the OpenAPI extensions with drf-spectacular and the system checks.
        from hangar.core import checks, openapi  # noqa: F401
