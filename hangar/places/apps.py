from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "hangar.places"
    label = "places"
