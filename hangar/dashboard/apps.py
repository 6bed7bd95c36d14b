from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "hangar.dashboard"
    label = "dashboard"
