from django.apps import AppConfig


class ServiceConfig(AppConfig):
    name = "hangar.service"
    label = "service"
    verbose_name = "Hangar service"
