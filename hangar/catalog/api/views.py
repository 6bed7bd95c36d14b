"""The read-only LL2 endpoints. A view names its modes, filters, search and ordering; the
querysets live in ``queries.py`` and the fields in ``serializers/``."""

from __future__ import annotations

from datetime import UTC, datetime

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.utils import formatting
from rest_framework.views import APIView

from hangar.catalog import models, queries, stats
from hangar.catalog.api import filters
from hangar.catalog.api.fields import Links
from hangar.catalog.api.serializers import (
    agencies,
    common,
    configs,
    documents,
    flights,
    stations,
)
from hangar.catalog.api.serializers import spacecraft as spacecraft_serializers
from hangar.catalog.ll2 import contract

MODE_PARAMETER = OpenApiParameter(
    "mode", str, description="Level of detail of the response.", enum=["normal", "detailed"]
)


class LL2GenericViewSet(viewsets.GenericViewSet):
    """What every LL2 endpoint shares: ``?mode=`` selects a serializer and its queryset from
    ``modes`` (least to most detailed); the detail view always answers at the most detailed;
    the browsable page shows the description the official schema gives the endpoint."""

    modes: dict[str, tuple[type, callable]] = {}
    default_mode = "normal"
    ll2_path = ""
    lookup_value_regex = r"[0-9]+"

    @property
    def allowed_methods(self):
        return ["GET"]

    def get_view_description(self, html=False):
        """The browsable page shows the endpoint's description from the official schema."""
        text = contract.endpoint_description(self.ll2_path)
        return formatting.markup_description(text) if html else text

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.mode = self.requested_mode()
        self.now = datetime.now(UTC)
        stats.ensure_fresh(self.now)

    @property
    def detail_mode(self) -> str:
        return list(self.modes)[-1]

    def requested_mode(self) -> str:
        if self.action != "list":
            return self.detail_mode
        if len(self.modes) == 1:
            # Endpoints without modes (lookups) ignore the parameter, as LL2's do.
            return self.detail_mode
        mode = self.request.query_params.get("mode", self.default_mode)
        if mode not in self.modes:
            raise ValidationError(
                {"mode": [f"Unknown mode {mode!r}; this endpoint has: {', '.join(self.modes)}."]}
            )
        return mode

    def current_mode(self) -> str:
        """The mode of this request; outside a request (the OpenAPI document), the default
        level for lists and the detailed one for single objects."""
        if hasattr(self, "mode"):
            return self.mode
        if getattr(self, "action", None) == "list" and self.default_mode in self.modes:
            return self.default_mode
        return self.detail_mode

    def get_serializer_class(self):
        return self.modes[self.current_mode()][0]

    def get_queryset(self):
        return self.modes[self.current_mode()][1]()

    def now_epoch(self) -> int:
        """The instant the response describes, fixed once per request."""
        if not hasattr(self, "now"):
            self.now = datetime.now(UTC)
        return int(self.now.timestamp())

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["links"] = Links(self.request)
        context["now_epoch"] = self.now_epoch()
        context["shared"] = {}
        return context


class LL2ViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, LL2GenericViewSet):
    """A read-only LL2 endpoint: a list and a detail view."""


@extend_schema_view(list=extend_schema(parameters=[MODE_PARAMETER]))
class SpacecraftViewSet(LL2ViewSet):
    ll2_path = "spacecraft/"
    modes = {
        "normal": (spacecraft_serializers.SpacecraftNormal, queries.spacecraft_normal),
        "detailed": (
            spacecraft_serializers.SpacecraftEndpointDetailed,
            queries.spacecraft_endpoint_detailed,
        ),
    }
    filterset_class = filters.SpacecraftFilter
    search_fields = ["name", "spacecraft_config__name"]
    ordering_fields = ["flights_count", "id", "mission_ends_count", "time_docked", "time_in_space"]
    ordering_columns = {"time_in_space": "time_in_space_live", "time_docked": "time_docked_live"}

    def get_queryset(self):
        return queries.with_live_durations(super().get_queryset(), self.now_epoch())


@extend_schema_view(list=extend_schema(parameters=[MODE_PARAMETER]))
class SpacecraftConfigViewSet(LL2ViewSet):
    ll2_path = "spacecraft_configurations/"
    modes = {
        "normal": (configs.SpacecraftConfigNormal, queries.spacecraft_configs_normal),
        "detailed": (configs.SpacecraftConfigDetailed, queries.spacecraft_configs_detailed),
    }
    filterset_class = filters.SpacecraftConfigFilter
    search_fields = ["agency__abbrev", "agency__name", "name"]
    ordering_fields = ["name"]


@extend_schema_view(list=extend_schema(parameters=[MODE_PARAMETER]))
class SpacecraftConfigFamilyViewSet(LL2ViewSet):
    ll2_path = "spacecraft_configuration_families/"
    modes = {
        "list": (configs.SpacecraftConfigFamilyMini, queries.families_mini),
        "normal": (configs.SpacecraftConfigFamilyNormal, queries.families_normal),
        "detailed": (
            configs.SpacecraftConfigFamilyEndpointDetailed,
            queries.families_endpoint_detailed,
        ),
    }
    filterset_class = filters.SpacecraftConfigFamilyFilter
    search_fields = ["manufacturer__abbrev", "manufacturer__name", "name"]
    ordering_fields = ["name"]


@extend_schema_view(list=extend_schema(parameters=[MODE_PARAMETER]))
class AgencyViewSet(LL2ViewSet):
    ll2_path = "agencies/"
    modes = {
        "list": (common.AgencyMini, queries.agencies_mini),
        "normal": (common.AgencyNormal, queries.agencies_normal),
        "detailed": (agencies.AgencyEndpointDetailed, queries.agencies_endpoint_detailed),
    }
    filterset_class = filters.AgencyFilter
    search_fields = ["abbrev", "name"]
    ordering_fields = [
        "attempted_landings",
        "consecutive_successful_landings",
        "consecutive_successful_launches",
        "failed_landings",
        "failed_launches",
        "featured",
        "id",
        "name",
        "pending_launches",
        "successful_landings",
        "successful_launches",
        "total_launch_count",
    ]


@extend_schema_view(list=extend_schema(parameters=[MODE_PARAMETER]))
class SpacecraftFlightViewSet(LL2ViewSet):
    ll2_path = "spacecraft_flights/"
    modes = {
        "normal": (
            spacecraft_serializers.SpacecraftFlightNormal,
            queries.spacecraft_flights_normal,
        ),
        "detailed": (flights.SpacecraftFlightDetailed, queries.spacecraft_flights_detailed),
    }
    filterset_class = filters.SpacecraftFlightFilter
    search_fields = []
    ordering_fields = ["id"]


@extend_schema_view(list=extend_schema(parameters=[MODE_PARAMETER]))
class DockingEventViewSet(LL2ViewSet):
    ll2_path = "docking_events/"
    modes = {
        "normal": (flights.DockingEventEndpointNormal, queries.docking_events),
        "detailed": (flights.DockingEventEndpointDetailed, queries.docking_events),
    }
    filterset_class = filters.DockingEventFilter
    # Payload flights are kept as documents: their payload's name is a key of the document.
    search_fields = [
        "docking_location__name",
        "flight_vehicle_chaser__spacecraft__name",
        "flight_vehicle_target__spacecraft__name",
        "payload_flight_chaser__payload__name",
        "payload_flight_target__payload__name",
        "space_station_chaser__name",
        "space_station_target__name",
    ]
    ordering_fields = ["departure", "docking"]


@extend_schema_view(list=extend_schema(parameters=[MODE_PARAMETER]))
class LandingViewSet(LL2ViewSet):
    ll2_path = "landings/"
    modes = {
        "list": (flights.LandingEndpointList, queries.landings_with_flight),
        "normal": (flights.LandingEndpointNormal, queries.landings_with_flight),
        "detailed": (flights.LandingEndpointDetailed, queries.landings_detailed),
    }
    filterset_class = filters.LandingFilter
    # First stages are not held; a landing location's abbreviation is a key of its document.
    search_fields = [
        "landing_location__document__abbrev",
        "landing_location__name",
        "spacecraft_flight__spacecraft__name",
        "spacecraft_flight__spacecraft__serial_number",
        "spacecraft_flight__spacecraft__spacecraft_config__name",
        "spacecraft_flight__launch__name",
    ]
    ordering_fields = ["downrange_distance", "id"]


@extend_schema_view(list=extend_schema(parameters=[MODE_PARAMETER]))
class SpaceStationViewSet(LL2ViewSet):
    ll2_path = "space_stations/"
    modes = {
        "normal": (stations.SpaceStationEndpoint, queries.space_stations),
        "detailed": (stations.SpaceStationDetailedEndpoint, queries.space_stations),
    }
    filterset_class = filters.SpaceStationFilter
    search_fields = ["name", "owners__abbrev", "owners__name"]
    ordering_fields = [
        "docked_vehicles",
        "founded",
        "id",
        "name",
        "onboard_crew",
        "status",
        "type",
        "volume",
    ]


class LaunchViewSet(mixins.RetrieveModelMixin, LL2GenericViewSet):
    """Launches belong to another domain: Hangar answers those its flights refer to, from the
    stored upstream document, and lists none."""

    ll2_path = "launches/"
    modes = {"detailed": (documents.LaunchDetailed, queries.launches)}
    lookup_value_regex = r"[0-9a-fA-F-]{36}"


def lookup_viewset(model, serializer, path: str):
    """A config/ lookup endpoint: no modes, no filters; search and ordering by name or id."""
    return type(
        f"{model.__name__}ViewSet",
        (LL2ViewSet,),
        {
            "__doc__": f"The {model._meta.verbose_name_plural} LL2 refers to by id.",
            "ll2_path": path,
            "modes": {"normal": (serializer, model.objects.all)},
            "filterset_class": None,
            "search_fields": ["name"],
            "ordering_fields": ["id", "name"],
        },
    )


LOOKUPS = {
    "config/spacecraft_statuses": (models.SpacecraftStatus, common.SpacecraftStatus),
    "config/spacecraft_configuration_types": (
        models.SpacecraftConfigType,
        common.SpacecraftConfigType,
    ),
    "config/agency_types": (models.AgencyType, common.AgencyType),
    "config/image_licenses": (models.ImageLicense, common.ImageLicense),
    "config/image_variant_types": (models.ImageVariantType, common.ImageVariantType),
    "config/docking_locations": (models.DockingLocation, documents.DockingLocation),
    "config/countries": (models.Country, common.Country),
}
LOOKUP_VIEWSETS = {
    path: lookup_viewset(model, serializer, f"{path}/")
    for path, (model, serializer) in LOOKUPS.items()
}


class ApiThrottleSerializer(serializers.Serializer):
    your_request_limit = serializers.IntegerField()
    limit_frequency_secs = serializers.IntegerField()
    current_use = serializers.IntegerField()
    next_use_secs = serializers.IntegerField()
    ident = serializers.CharField()


class ApiThrottleView(APIView):
    """LL2 clients ask how many requests they have left before calling. Hangar limits no one:
    it answers with a limit no client reaches and no use counted (this request included, as in
    LL2)."""

    renderer_classes = api_settings.DEFAULT_RENDERER_CLASSES
    unlimited = 2**31 - 1

    def get_view_description(self, html=False):
        text = contract.endpoint_description("api-throttle/")
        return formatting.markup_description(text) if html else text

    @property
    def allowed_methods(self):
        return ["GET"]

    @extend_schema(responses=ApiThrottleSerializer(many=True))
    def get(self, request):
        return Response(
            [
                {
                    "your_request_limit": self.unlimited,
                    "limit_frequency_secs": 3600,
                    "current_use": 0,
                    "next_use_secs": 0,
                    "ident": request.META.get("REMOTE_ADDR", ""),
                }
            ]
        )
