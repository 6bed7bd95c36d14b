from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "hangar.programs"
    label = "programs"
