"""The LL2 2.3.0 paths Hangar serves."""

from rest_framework.routers import DefaultRouter

from hangar.catalog.api import views


class LL2Router(DefaultRouter):
    """LL2's paths end with a slash; the root lists the endpoints."""

    include_format_suffixes = False


router = LL2Router()
router.register("spacecraft", views.SpacecraftViewSet, basename="spacecraft")

urlpatterns = router.urls
