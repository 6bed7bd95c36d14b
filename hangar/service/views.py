"""``/``: what Hangar is, where to go, and how much the catalog holds."""

from importlib.metadata import version

from django.shortcuts import render

from hangar.ingest.sync.checkpoint import finished_syncs
from hangar.service.catalog import catalog_size


def home(request):
    context = {"version": version("hangar"), "sizes": catalog_size(), "syncs": finished_syncs()}
    return render(request, "service/home.html", context)
