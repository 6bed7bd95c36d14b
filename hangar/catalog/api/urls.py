"""The LL2 2.3.0 paths Hangar serves."""

from django.urls import path
from rest_framework.routers import DefaultRouter

from hangar.catalog.api import views


class LL2Router(DefaultRouter):
    """LL2's paths end with a slash; the root lists the endpoints."""

    include_format_suffixes = False


router = LL2Router()
router.register("spacecraft", views.SpacecraftViewSet, basename="spacecraft")
router.register(
    "spacecraft_configurations", views.SpacecraftConfigViewSet, basename="spacecraftconfig"
)
router.register(
    "spacecraft_configuration_families",
    views.SpacecraftConfigFamilyViewSet,
    basename="spacecraftconfigfamily",
)
router.register("spacecraft_flights", views.SpacecraftFlightViewSet, basename="spacecraftflight")
router.register("docking_events", views.DockingEventViewSet, basename="dockingevent")
router.register("landings", views.LandingViewSet, basename="landing")
router.register("space_stations", views.SpaceStationViewSet, basename="spacestation")
router.register("agencies", views.AgencyViewSet, basename="agency")
router.register("launches", views.LaunchViewSet, basename="launch")
for lookup_path, viewset in views.LOOKUP_VIEWSETS.items():
    router.register(lookup_path, viewset, basename=lookup_path.replace("/", "-"))

urlpatterns = [
    path("api-throttle/", views.ApiThrottleView.as_view(), name="api-throttle"),
    *router.urls,
]
