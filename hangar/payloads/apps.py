from django.apps import AppConfig


class PayloadsConfig(AppConfig):
    name = "hangar.payloads"
    label = "payloads"
