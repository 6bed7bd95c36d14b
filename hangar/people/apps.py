from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "hangar.people"
    label = "people"
