"""The read-only LL2 endpoints. A view names its modes, filters, search and ordering; the
querysets live in ``queries.py`` and the fields in ``serializers.py``."""

from __future__ import annotations

from datetime import UTC, datetime

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError

from hangar.catalog import queries, stats
from hangar.catalog.api import filters, serializers
from hangar.catalog.api.fields import Links
from hangar.catalog.ll2 import contract

MODE_PARAMETER = OpenApiParameter(
    "mode", str, description="Level of detail of the response.", enum=["normal", "detailed"]
)


class LL2ViewSet(viewsets.ReadOnlyModelViewSet):
    """What every LL2 endpoint shares: ``?mode=`` selects a serializer and its queryset from
    ``modes``; the detail view always answers at ``detail_mode``; the browsable page shows the
    description the official schema gives the endpoint."""

    modes: dict[str, tuple[type, callable]] = {}
    default_mode = "normal"
    detail_mode = "detailed"
    ll2_path = ""
    lookup_value_regex = r"[0-9]+"

    @property
    def allowed_methods(self):
        return ["GET"]

    @property
    def description(self):
        return contract.endpoint_description(self.ll2_path)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.mode = self.requested_mode()
        self.now = datetime.now(UTC)
        stats.ensure_fresh(self.now)

    def requested_mode(self) -> str:
        mode = self.request.query_params.get("mode", self.default_mode)
        if mode not in self.modes:
            raise ValidationError(
                {"mode": [f"Unknown mode {mode!r}; this endpoint has: {', '.join(self.modes)}."]}
            )
        return self.detail_mode if self.action == "retrieve" else mode

    def get_serializer_class(self):
        return self.modes[getattr(self, "mode", self.detail_mode)][0]

    def get_queryset(self):
        return self.modes[getattr(self, "mode", self.detail_mode)][1]()

    def now_epoch(self) -> int:
        """The instant the response describes, fixed once per request."""
        if not hasattr(self, "now"):
            self.now = datetime.now(UTC)
        return int(self.now.timestamp())

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["links"] = Links(self.request)
        context["now_epoch"] = self.now_epoch()
        return context


@extend_schema_view(list=extend_schema(parameters=[MODE_PARAMETER]))
class SpacecraftViewSet(LL2ViewSet):
    ll2_path = "spacecraft/"
    modes = {
        "normal": (serializers.SpacecraftNormal, queries.spacecraft_normal),
        "detailed": (serializers.SpacecraftEndpointDetailed, queries.spacecraft_endpoint_detailed),
    }
    filterset_class = filters.SpacecraftFilter
    search_fields = ["name", "spacecraft_config__name"]
    ordering_fields = ["flights_count", "id", "mission_ends_count", "time_docked", "time_in_space"]
    ordering_columns = {"time_in_space": "time_in_space_live", "time_docked": "time_docked_live"}

    def get_queryset(self):
        return queries.with_live_durations(super().get_queryset(), self.now_epoch())
