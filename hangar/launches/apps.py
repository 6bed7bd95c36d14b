from django.apps import AppConfig


class LaunchesConfig(AppConfig):
    name = "hangar.launches"
    label = "launches"
