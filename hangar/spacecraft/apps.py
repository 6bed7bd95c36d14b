from django.apps import AppConfig


class SpacecraftDomainConfig(AppConfig):
    name = "hangar.spacecraft"
    label = "spacecraft"
