from django.apps import AppConfig


class ImagesConfig(AppConfig):
    name = "hangar.images"
    label = "images"
