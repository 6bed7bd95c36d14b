"""``landings/``: every landing, with the first stage, spacecraft flight or payload flight that
landed. Those belong to other domains, which nest landings themselves: so the endpoint's levels
and their queries live here, at the top of the domain, where importing them makes no cycle."""

from django.db.models import Prefetch, QuerySet

from hangar.core.fields import ResponseModeField
from hangar.core.filters import (
    BooleanFilter,
    DocumentedFilterSet,
    IdListFilter,
    TextListFilter,
    UUIDListFilter,
)
from hangar.core.registry import Mode, Resource, register
from hangar.images.queries import image_joins, image_variants
from hangar.landings.collect import landing
from hangar.landings.inputs import LandingIn
from hangar.landings.models import Landing
from hangar.landings.queries import landing_joins, landing_prefetches
from hangar.landings.serializers import Landing as LandingSerializer
from hangar.launchers.queries import launcher_normal_joins, launcher_normal_prefetches
from hangar.launches.models import FirstStage
from hangar.launches.queries import launch_normal_joins, launch_normal_prefetches
from hangar.launches.serializers.detailed import (
    FirstStageDetailedSerializerNoLanding,
    FirstStageMini,
    FirstStageNormalSerializerNoLanding,
)
from hangar.payloads.queries.flights import payload_flights_detailed
from hangar.payloads.queries.payloads import payload_flights_normal
from hangar.payloads.serializers.flights import PayloadFlightDetailedSerializerNoLanding
from hangar.payloads.serializers.payloads import (
    PayloadFlightMiniSerializerNoLanding,
    PayloadFlightNormalSerializerNoLanding,
)
from hangar.spacecraft.queries import (
    config_detailed_joins,
    config_detailed_prefetches,
    crew_prefetches,
    docking_events_for_chaser,
    flight_no_landing_joins,
    flight_no_landing_prefetches,
)
from hangar.spacecraft.serializers.flights import (
    SpacecraftFlightDetailedSerializerNoLanding,
    SpacecraftFlightMiniSerializerNoLanding,
    SpacecraftFlightNormalSerializerNoLanding,
)


class LandingFields(LandingSerializer):
    abstract = True
    response_mode = ResponseModeField()
    firststage = FirstStageMini(read_only=True, allow_null=True)
    spacecraftflight = SpacecraftFlightMiniSerializerNoLanding(
        read_only=True, allow_null=True, source="spacecraft_flight"
    )
    payloadflight = PayloadFlightMiniSerializerNoLanding(read_only=True, allow_null=True)


class LandingEndpointList(LandingFields):
    pass


class LandingEndpointNormal(LandingFields):
    firststage = FirstStageNormalSerializerNoLanding(read_only=True, allow_null=True)
    spacecraftflight = SpacecraftFlightNormalSerializerNoLanding(
        read_only=True, allow_null=True, source="spacecraft_flight"
    )
    payloadflight = PayloadFlightNormalSerializerNoLanding(read_only=True, allow_null=True)


class LandingEndpointDetailed(LandingFields):
    firststage = FirstStageDetailedSerializerNoLanding(read_only=True, allow_null=True)
    spacecraftflight = SpacecraftFlightDetailedSerializerNoLanding(
        read_only=True, allow_null=True, source="spacecraft_flight"
    )
    payloadflight = PayloadFlightDetailedSerializerNoLanding(read_only=True, allow_null=True)


def first_stages(previous_flight_joins: list[str], previous_flight_prefetches: list):
    """The first stage that landed (prefetched: a landing's three owners joined at once would
    pass the tables SQLite joins in one query), with its booster and previous flight."""
    return FirstStage.objects.select_related(
        *launcher_normal_joins("launcher"), *previous_flight_joins
    ).prefetch_related(*launcher_normal_prefetches("launcher"), *previous_flight_prefetches)


def other_owners(detailed: bool) -> list[Prefetch]:
    """The first stage or payload flight that landed, at the level of the landing's mode."""
    if detailed:
        stages = first_stages(
            launch_normal_joins("previous_flight"), launch_normal_prefetches("previous_flight")
        )
        flights = payload_flights_detailed()
    else:
        stages = first_stages(["previous_flight"], [])
        flights = payload_flights_normal()
    return [Prefetch("firststage", queryset=stages), Prefetch("payloadflight", queryset=flights)]


def landings_with_flight() -> QuerySet[Landing]:
    """Landings with their spacecraft flight at the normal level (list and normal modes)."""
    return Landing.objects.select_related(
        *landing_joins(), *flight_no_landing_joins("spacecraft_flight")
    ).prefetch_related(
        *landing_prefetches(),
        *flight_no_landing_prefetches("spacecraft_flight"),
        *other_owners(detailed=False),
    )


def landings_detailed() -> QuerySet[Landing]:
    return Landing.objects.select_related(
        *landing_joins(),
        *launch_normal_joins("spacecraft_flight__launch"),
        "spacecraft_flight__spacecraft__status",
        *image_joins("spacecraft_flight__spacecraft__image"),
        *config_detailed_joins("spacecraft_flight__spacecraft__spacecraft_config"),
    ).prefetch_related(
        *landing_prefetches(),
        *launch_normal_prefetches("spacecraft_flight__launch"),
        image_variants("spacecraft_flight__spacecraft__image"),
        *config_detailed_prefetches("spacecraft_flight__spacecraft__spacecraft_config"),
        *crew_prefetches("spacecraft_flight"),
        Prefetch(
            "spacecraft_flight__docking_events",
            queryset=docking_events_for_chaser(),
            to_attr="docking_event_list",
        ),
        *other_owners(detailed=True),
    )


class LandingFilter(DocumentedFilterSet):
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
    firststage_launch__ids = UUIDListFilter(
        field_name="firststage__rocket__launch__id",
        help_text="Launch ids (UUIDs) of the first stages, comma-separated.",
    )
    launcher__ids = IdListFilter(
        field_name="firststage__launcher_id",
        help_text="Ids of the boosters flown as the first stage, comma-separated.",
    )
    launcher_config__ids = IdListFilter(
        field_name="firststage__launcher__launcher_config_id",
        help_text="Launcher configuration ids of the first stage's booster, comma-separated.",
    )
    launcher_serial_numbers = TextListFilter(
        field_name="firststage__launcher__serial_number",
        help_text="Serial numbers of the first stage's booster (B1049), comma-separated.",
    )


register(
    Resource(
        path="landings/",
        model=Landing,
        modes={
            "list": Mode(LandingEndpointList, landings_with_flight),
            "normal": Mode(LandingEndpointNormal, landings_with_flight),
            "detailed": Mode(LandingEndpointDetailed, landings_detailed),
        },
        filterset=LandingFilter,
        search_fields=(
            "firststage__launcher__launcher_config__name",
            "firststage__launcher__serial_number",
            "firststage__rocket__launch__name",
            "landing_location__abbrev",
            "landing_location__name",
            "spacecraft_flight__launch__name",
            "spacecraft_flight__spacecraft__name",
            "spacecraft_flight__spacecraft__serial_number",
            "spacecraft_flight__spacecraft__spacecraft_config__name",
        ),
        ordering_fields=("downrange_distance", "id"),
        input=LandingIn,
        collect=landing,
        rank=55,
    )
)
