"""The LL2 2.3.0 paths Hangar serves: one route per registered resource, and ``api-throttle/``."""

from django.urls import path
from rest_framework.routers import APIRootView, DefaultRouter

from hangar.core.registry import registry
from hangar.core.throttle import ApiThrottleView
from hangar.core.viewsets import viewset_for


class HangarRootView(APIRootView):
    """Every endpoint of Launch Library 2's 2.3.0 API, served by Hangar from the catalog it
    holds. Each list takes `?mode=`, filters, `search`, `ordering`, `limit` and `offset` as LL2
    does; `?format=json` gives JSON."""

    def get_view_name(self) -> str:
        return "Launch Library 2 (2.3.0)"


class LL2Router(DefaultRouter):
    """LL2's paths end with a slash; the root lists every endpoint, ``api-throttle/`` too."""

    include_format_suffixes = False
    APIRootView = HangarRootView

    def get_api_root_view(self, api_urls=None):
        view = super().get_api_root_view(api_urls)
        view.view_initkwargs["api_root_dict"]["api-throttle"] = "api-throttle"
        return view


router = LL2Router()
for resource in registry.resources():
    router.register(resource.name, viewset_for(resource), basename=resource.name.replace("/", "-"))

urlpatterns = [
    path("api-throttle/", ApiThrottleView.as_view(), name="api-throttle"),
    *router.urls,
]
