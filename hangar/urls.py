"""Hangar's URL map: the LL2 API under ``/2.3.0/``, its OpenAPI document and docs page,
the service pages: the home page, health and readiness, Prometheus metrics, and the curation
admin under ``/admin/``."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.renderers import (
    OpenApiJsonRenderer,
    OpenApiJsonRenderer2,
    OpenApiYamlRenderer,
    OpenApiYamlRenderer2,
)
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from hangar.service import health, metrics, views

urlpatterns = [
    path("", views.home, name="home"),
    path("2.3.0/", include("hangar.core.urls")),
    # JSON first, as application/json, so that a browser shows it; ?format=yaml for YAML.
    path(
        "schema/",
        SpectacularAPIView.as_view(
            renderer_classes=[
                OpenApiJsonRenderer2,
                OpenApiJsonRenderer,
                OpenApiYamlRenderer,
                OpenApiYamlRenderer2,
            ]
        ),
        name="schema",
    ),
    path("docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
    path("health/", health.liveness, name="health"),
    path("health/ready/", health.readiness, name="health-ready"),
    path("metrics", metrics.metrics, name="metrics"),
    path("admin/", admin.site.urls),
]

handler400 = "hangar.core.errors.bad_request"
handler403 = "hangar.core.errors.permission_denied"
handler404 = "hangar.core.errors.not_found"
handler500 = "hangar.core.errors.server_error"
