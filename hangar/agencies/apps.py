from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    name = "hangar.agencies"
    label = "agencies"
