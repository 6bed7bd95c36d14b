from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "hangar.events"
    label = "events"
