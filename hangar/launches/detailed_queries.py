"""How the detailed launch is loaded: everything ``queries.launch_normal_*`` loads, with its
provider, rocket configuration and first stages at the detailed level, the spacecraft and
payload flights it carries, its updates, links, timeline and mission patches."""

from __future__ import annotations

from django.db.models import F, Prefetch, QuerySet

from hangar.agencies.queries import agency_normal_joins, agency_normal_prefetches
from hangar.core.queries import at
from hangar.landings.queries import landing_joins, landing_prefetches
from hangar.launchers.queries import (
    launcher_config_detailed_joins,
    launcher_config_detailed_prefetches,
    launcher_normal_joins,
    launcher_normal_prefetches,
)
from hangar.launches.models import FirstStage, Launch, TimelineEvent, Update
from hangar.launches.queries import (
    launch_basic_joins,
    launch_basic_prefetches,
    links_of,
    mission_joins,
    mission_prefetches,
)
from hangar.payloads.queries.flights import payload_flights_of_launch
from hangar.places.queries import pad_joins, pad_prefetches
from hangar.programs.queries import mission_patches_normal, program_normal_prefetch
from hangar.spacecraft.queries import spacecraft_flights_for_launch


def first_stages() -> QuerySet[FirstStage]:
    """A rocket's first stages with their boosters, landings and previous flights."""
    return (
        FirstStage.objects.select_related(
            *launcher_normal_joins("launcher"), *landing_joins("landing"), "previous_flight"
        )
        .prefetch_related(*launcher_normal_prefetches("launcher"), *landing_prefetches("landing"))
        .order_by("id")
    )


def launch_detailed_joins(path: str = "") -> list[str]:
    return [
        *launch_basic_joins(path),
        *agency_normal_joins(at(path, "launch_service_provider")),
        *launcher_config_detailed_joins(at(path, "rocket__configuration")),
        *mission_joins(at(path, "mission")),
        *pad_joins(at(path, "pad")),
    ]


def launch_detailed_prefetches(path: str = "") -> list:
    return [
        *launch_basic_prefetches(path),
        *agency_normal_prefetches(at(path, "launch_service_provider")),
        *launcher_config_detailed_prefetches(at(path, "rocket__configuration")),
        Prefetch(at(path, "rocket__launcher_stage"), first_stages(), to_attr="stage_list"),
        Prefetch(
            at(path, "spacecraft_flights"),
            spacecraft_flights_for_launch(),
            to_attr="spacecraft_flight_list",
        ),
        payload_flights_of_launch(at(path, "payload_flights"), "payload_flight_list"),
        *mission_prefetches(at(path, "mission")),
        *pad_prefetches(at(path, "pad")),
        program_normal_prefetch(at(path, "program"), "program_list"),
        Prefetch(
            at(path, "updates"),
            Update.objects.order_by(F("created_on").desc(), "-id"),
            to_attr="update_list",
        ),
        *links_of(path),
        Prefetch(
            at(path, "timeline"),
            TimelineEvent.objects.select_related("type"),
            to_attr="timeline_list",
        ),
        Prefetch(
            at(path, "mission_patches"),
            mission_patches_normal().order_by("priority", "id"),
            to_attr="patch_list",
        ),
    ]


def launches_detailed() -> QuerySet[Launch]:
    return Launch.objects.select_related(*launch_detailed_joins()).prefetch_related(
        *launch_detailed_prefetches()
    )
