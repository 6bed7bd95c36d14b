"""Every model of the catalog by name (``m.Spacecraft``), wherever its domain declares it."""

from django.apps import apps


def __getattr__(name: str):
    try:
        return apps.get_model("catalog", name)
    except LookupError:
        raise AttributeError(name) from None
