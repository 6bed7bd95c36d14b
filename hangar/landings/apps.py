from django.apps import AppConfig


class LandingsConfig(AppConfig):
    name = "hangar.landings"
    label = "landings"
