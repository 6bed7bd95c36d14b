from django.apps import AppConfig


class LaunchersConfig(AppConfig):
    name = "hangar.launchers"
    label = "launchers"
