"""``landings/``: landings of spacecraft (first stages and payloads belong to other domains)."""

from django_filters import rest_framework as filters

from hangar.core.filters import BooleanFilter, IdListFilter, NothingHeldFilter, UUIDListFilter
from hangar.core.registry import Mode, Resource, register
from hangar.spacecraft import queries
from hangar.spacecraft.collect import landing
from hangar.spacecraft.inputs import LandingIn
from hangar.spacecraft.models import Landing
from hangar.spacecraft.serializers.flights import (
    LandingEndpointDetailed,
    LandingEndpointList,
    LandingEndpointNormal,
)


class LandingFilter(filters.FilterSet):
    attempt = BooleanFilter(help_text="Landings attempted (true) or not (false).")
    success = BooleanFilter(help_text="Landings that succeeded (true) or failed (false).")
    landing_location__ids = IdListFilter(
        field_name="landing_location_id", help_text="Landing location ids, comma-separated."
    )
    landing_type__ids = IdListFilter(
        field_name="type_id", help_text="Landing type ids, comma-separated."
    )
    spacecraft__ids = IdListFilter(
        field_name="spacecraft_flight__spacecraft_id", help_text="Spacecraft ids, comma-separated."
    )
    spacecraft_config__ids = IdListFilter(
        field_name="spacecraft_flight__spacecraft__spacecraft_config_id",
        help_text="Spacecraft configuration ids, comma-separated.",
    )
    spacecraft_launch__ids = UUIDListFilter(
        field_name="spacecraft_flight__launch_id",
        help_text="Launch ids (UUIDs) of the spacecraft flights, comma-separated.",
    )
    firststage_launch__ids = NothingHeldFilter(help_text="First-stage launches (not held).")
    launcher__ids = NothingHeldFilter(help_text="Launchers (not held).")
    launcher_config__ids = NothingHeldFilter(help_text="Launcher configurations (not held).")
    launcher_serial_numbers = NothingHeldFilter(help_text="Launcher serial numbers (not held).")


register(
    Resource(
        path="landings/",
        model=Landing,
        modes={
            "list": Mode(LandingEndpointList, queries.landings_with_flight),
            "normal": Mode(LandingEndpointNormal, queries.landings_with_flight),
            "detailed": Mode(LandingEndpointDetailed, queries.landings_detailed),
        },
        filterset=LandingFilter,
        # First stages are not held; a landing location's abbreviation is a key of its document.
        search_fields=(
            "landing_location__document__abbrev",
            "landing_location__name",
            "spacecraft_flight__spacecraft__name",
            "spacecraft_flight__spacecraft__serial_number",
            "spacecraft_flight__spacecraft__spacecraft_config__name",
            "spacecraft_flight__launch__name",
        ),
        ordering_fields=("downrange_distance", "id"),
        input=LandingIn,
        collect=landing,
        rank=55,
    )
)
