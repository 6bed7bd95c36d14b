"""One queryset builder per resource and level of the spacecraft domain: all the joins and
prefetches a serializer of ``serializers/`` needs, so that a page costs the same number of queries
whatever its size (the tests pin the counts).

To-many relations are prefetched into plain lists (``to_attr``: ``family_list``,
``config_list``, ``flight_list``, ``docking_event_list``), which the serializers read. The
``*_joins(path)``/``*_prefetches(path)`` helpers describe one nested object at ``path`` (``""``
for the resource itself) so that every place that nests it loads it the same way. Shared by the
resources, the exporter and the tests.
"""

from __future__ import annotations

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connections
from django.db.models import F, OrderBy, Prefetch, Q, QuerySet, Value

from hangar.agencies.queries import agencies_normal, agency_normal_joins, agency_normal_prefetches
from hangar.core.queries import AnyOf, at
from hangar.images.queries import image_joins, image_variants
from hangar.landings.queries import landing_joins, landing_prefetches
from hangar.launches.queries import launch_normal_joins, launch_normal_prefetches
from hangar.payloads.queries.payloads import (
    payload_flight_mini_joins,
    payload_flight_mini_prefetches,
    payload_flight_normal_joins,
    payload_flight_normal_prefetches,
    payload_mini_joins,
    payload_mini_prefetches,
)
from hangar.people.queries import crew_prefetch
from hangar.spacecraft.models import (
    DockingEvent,
    DockingLocation,
    Spacecraft,
    SpacecraftConfig,
    SpacecraftConfigFamily,
    SpacecraftFlight,
)


def families_normal() -> QuerySet[SpacecraftConfigFamily]:
    return SpacecraftConfigFamily.objects.select_related("manufacturer__type", "parent").order_by(
        "id"
    )


def families_detailed() -> QuerySet[SpacecraftConfigFamily]:
    return (
        SpacecraftConfigFamily.objects.select_related(
            *agency_normal_joins("manufacturer"), "parent__manufacturer__type"
        )
        .prefetch_related(*agency_normal_prefetches("manufacturer"))
        .order_by("id")
    )


def config_normal_joins(path: str = "") -> list[str]:
    return [at(path, "type"), at(path, "agency__type"), *image_joins(at(path, "image"))]


def config_normal_prefetches(path: str = "") -> list:
    return [
        image_variants(at(path, "image")),
        Prefetch(at(path, "families"), queryset=families_normal(), to_attr="family_list"),
    ]


def config_detailed_joins(path: str = "") -> list[str]:
    return [
        at(path, "type"),
        *agency_normal_joins(at(path, "agency")),
        *image_joins(at(path, "image")),
    ]


def config_detailed_prefetches(path: str = "") -> list:
    return [
        image_variants(at(path, "image")),
        *agency_normal_prefetches(at(path, "agency")),
        Prefetch(at(path, "families"), queryset=families_detailed(), to_attr="family_list"),
    ]


# --- configurations and families ------------------------------------------------------------


def spacecraft_configs_normal() -> QuerySet[SpacecraftConfig]:
    return SpacecraftConfig.objects.select_related(*config_normal_joins()).prefetch_related(
        *config_normal_prefetches()
    )


def spacecraft_configs_detailed() -> QuerySet[SpacecraftConfig]:
    return SpacecraftConfig.objects.select_related(*config_detailed_joins()).prefetch_related(
        *config_detailed_prefetches()
    )


def families_mini() -> QuerySet[SpacecraftConfigFamily]:
    return SpacecraftConfigFamily.objects.all()


def families_endpoint_detailed() -> QuerySet[SpacecraftConfigFamily]:
    """The detailed family, its parent at the normal level, and its configurations."""
    return families_detailed().prefetch_related(
        Prefetch(
            "configs", queryset=spacecraft_configs_normal().order_by("id"), to_attr="config_list"
        )
    )


# --- spacecraft -----------------------------------------------------------------------------


def flights_for_spacecraft() -> QuerySet[SpacecraftFlight]:
    """A spacecraft's own flights; their nested spacecraft is the parent object itself."""
    return (
        SpacecraftFlight.objects.select_related(
            *launch_normal_joins("launch"), *landing_joins("landing")
        )
        .prefetch_related(*launch_normal_prefetches("launch"), *landing_prefetches("landing"))
        .order_by(F("launch__net").asc(nulls_last=True), "id")
    )


def spacecraft_normal() -> QuerySet[Spacecraft]:
    return Spacecraft.objects.select_related(
        "status", *image_joins("image"), *config_normal_joins("spacecraft_config")
    ).prefetch_related(image_variants("image"), *config_normal_prefetches("spacecraft_config"))


def spacecraft_endpoint_detailed() -> QuerySet[Spacecraft]:
    """``SpacecraftEndpointDetailed``: the detailed configuration, and the flights, whose nested
    spacecraft is the parent object (its normal configuration is covered by the detailed
    joins)."""
    return Spacecraft.objects.select_related(
        "status",
        *image_joins("image"),
        *config_detailed_joins("spacecraft_config"),
    ).prefetch_related(
        image_variants("image"),
        *config_detailed_prefetches("spacecraft_config"),
        Prefetch("flights", queryset=flights_for_spacecraft(), to_attr="flight_list"),
    )


# A duration that grows while a spacecraft is up: its annotation -> (the stored value, the
# number of flights or dockings still open, each adding a second per second since
# ``stats_as_of``).
LIVE_DURATIONS = {
    "time_in_space_live": ("time_in_space_s", "open_flights"),
    "time_docked_live": ("time_docked_s", "open_dockings"),
}

# Beyond this many rows from either end, a page ordered by a live duration is sorted whole
# (at a million spacecraft a sort takes 4 s; 1,000 candidates 0.1 s, 400,000 of them 16 s).
LIVE_CANDIDATES_AT_MOST = 1_000


def with_live_durations(queryset: QuerySet[Spacecraft], now_epoch: int) -> QuerySet[Spacecraft]:
    """Annotate the current time in space and time docked, for ordering: the stored value plus
    the seconds elapsed since, for each flight (docking) still open."""
    elapsed = Value(now_epoch) - F("stats_as_of")
    return queryset.annotate(
        **{
            live: F(stored) + F(counter) * elapsed
            for live, (stored, counter) in LIVE_DURATIONS.items()
        }
    )


def first_rows_by_live_durations(queryset: QuerySet[Spacecraft], rows: int) -> QuerySet[Spacecraft]:
    """The list ordered by a growing duration, narrowed to candidates for its first ``rows``.

    No index holds a value of the instant, so ``ordering=-time_in_space`` would sort every
    spacecraft on every request. But the duration grows only for the few spacecraft with a
    flight (docking) still open; for all the others it is the stored value, which its index
    (``spacecraft_time_in_space``, ``spacecraft_time_in_space_desc``) reads in order. The first
    ``rows`` of the list are among the first ``rows`` of those settled spacecraft, read from
    the index, and the first ``rows`` of the growing ones, found by their partial index
    (``spacecraft_open_flights``, which covers what the ordering reads): the same rows in the
    same order, in the same one query. Any other ordering is returned as it is, and so is a
    page deeper than ``LIVE_CANDIDATES_AT_MOST`` rows from its end of the list: looking up
    that many candidates one by one costs more than the sort."""
    ordering = list(queryset.query.order_by)
    growing = [
        LIVE_DURATIONS[name] for name in map(ordered_name, ordering) if name in LIVE_DURATIONS
    ]
    if not growing or queryset.query.distinct or rows > LIVE_CANDIDATES_AT_MOST:
        return queryset
    settled = queryset.filter(**{counter: 0 for _, counter in growing}).order_by(
        *(stored_ordering(term) for term in ordering)
    )
    still_open = Q()
    for _, counter in growing:
        still_open |= Q(**{f"{counter}__gt": 0})
    settled_ids = settled.values("pk")[:rows]
    open_ids = queryset.filter(still_open).values("pk")[:rows]
    if connections[queryset.db].vendor == "postgresql":
        # The candidates as an array, computed first: ``id = ANY(...)`` is a lookup of the
        # primary key, where ``id IN (...)`` is joined last, after every spacecraft has been
        # joined to its status, image and configuration (more joins than the planner reorders).
        candidates = ArraySubquery(settled_ids.union(open_ids, all=True))
        return queryset.filter(AnyOf(F("pk"), candidates))
    # SQLite: no LIMIT within a UNION, but it looks both lists up by primary key all the same.
    return queryset.filter(Q(pk__in=settled_ids) | Q(pk__in=open_ids))


def ordered_name(term) -> str | None:
    """The column or annotation an ordering term (``F("x").desc()``, ``"-x"``) orders by."""
    if isinstance(term, str):
        return term.lstrip("-")
    if isinstance(term, OrderBy) and isinstance(term.expression, F):
        return term.expression.name
    return None


def stored_ordering(term):
    """``term``, ordering by the stored value where it orders by a live duration: the two are
    equal for a spacecraft with nothing open."""
    name = ordered_name(term)
    if name not in LIVE_DURATIONS:
        return term
    stored = F(LIVE_DURATIONS[name][0])
    if isinstance(term, str):
        return f"-{stored.name}" if term.startswith("-") else stored.name
    return OrderBy(
        stored, descending=term.descending, nulls_first=term.nulls_first, nulls_last=term.nulls_last
    )


# --- stations and docking locations --------------------------------------------------------


def station_mini_joins(path: str = "") -> list[str]:
    return image_joins(at(path, "image"))


def station_mini_prefetches(path: str = "") -> list:
    return [image_variants(at(path, "image"))]


def station_normal_joins(path: str = "") -> list[str]:
    """The normal and the detailed station: the detailed one adds only its owners."""
    return [*station_mini_joins(path), at(path, "status"), at(path, "type")]


def station_normal_prefetches(path: str = "") -> list:
    return station_mini_prefetches(path)


def station_detailed_prefetches(path: str = "") -> list:
    """The owners at the normal level, by id (inferred from LL2's responses, where both orders
    agree)."""
    return [
        *station_mini_prefetches(path),
        Prefetch(
            at(path, "owners"),
            queryset=agencies_normal().order_by("id"),
            to_attr="owner_list",
        ),
    ]


def docking_locations() -> QuerySet[DockingLocation]:
    """``DockingLocation``: a port with its station, spacecraft configuration or payload."""
    return DockingLocation.objects.select_related(
        *station_mini_joins("spacestation"),
        *config_normal_joins("spacecraft"),
        *payload_mini_joins("payload"),
    ).prefetch_related(
        *station_mini_prefetches("spacestation"),
        *config_normal_prefetches("spacecraft"),
        *payload_mini_prefetches("payload"),
    )


def docking_location_prefetch(path: str) -> Prefetch:
    """The port at ``path`` of a docking event, loaded by its own query (joined, its owner's
    tables would add to the event's)."""
    return Prefetch(path, queryset=docking_locations())


# --- flights, docking events, stations ---------------------------------------------


def flight_no_landing_joins(path: str = "") -> list[str]:
    """A flight with its normal spacecraft and launch (the flight nested in its landing)."""
    return [
        *launch_normal_joins(at(path, "launch")),
        at(path, "spacecraft__status"),
        *image_joins(at(path, "spacecraft__image")),
        *config_normal_joins(at(path, "spacecraft__spacecraft_config")),
    ]


def flight_no_landing_prefetches(path: str = "") -> list:
    return [
        *launch_normal_prefetches(at(path, "launch")),
        image_variants(at(path, "spacecraft__image")),
        *config_normal_prefetches(at(path, "spacecraft__spacecraft_config")),
    ]


def flight_normal_joins(path: str = "") -> list[str]:
    """A flight with its normal spacecraft, launch and landing."""
    return [*flight_no_landing_joins(path), *landing_joins(at(path, "landing"))]


def flight_normal_prefetches(path: str = "") -> list:
    return [*flight_no_landing_prefetches(path), *landing_prefetches(at(path, "landing"))]


def flight_prefetch(path: str) -> Prefetch:
    """The normal flight at ``path`` of a docking event, loaded by its own query: joined, a
    flight and its launch are more tables than SQLite joins in one query, and an event nests
    two of them."""
    return Prefetch(path, queryset=spacecraft_flights_normal())


def docking_events_for_chaser() -> QuerySet[DockingEvent]:
    return (
        DockingEvent.objects.select_related(
            *station_normal_joins("space_station_target"),
            *payload_flight_normal_joins("payload_flight_target"),
        )
        .prefetch_related(
            docking_location_prefetch("docking_location"),
            *station_normal_prefetches("space_station_target"),
            flight_prefetch("flight_vehicle_target"),
            *payload_flight_normal_prefetches("payload_flight_target"),
        )
        .order_by("docking", "id")
    )


def crew_prefetches(path: str = "") -> list[Prefetch]:
    """The three ordered crews of the detailed flight at ``path`` (``launch_crew_list``...)."""
    return [
        crew_prefetch(at(path, f"{crew}_crew_members")) for crew in ("launch", "onboard", "landing")
    ]


def spacecraft_flights_normal() -> QuerySet[SpacecraftFlight]:
    return SpacecraftFlight.objects.select_related(*flight_normal_joins()).prefetch_related(
        *flight_normal_prefetches()
    )


def spacecraft_flights_detailed() -> QuerySet[SpacecraftFlight]:
    return SpacecraftFlight.objects.select_related(
        *launch_normal_joins("launch"),
        *landing_joins("landing"),
        "spacecraft__status",
        *image_joins("spacecraft__image"),
        *config_detailed_joins("spacecraft__spacecraft_config"),
    ).prefetch_related(
        *launch_normal_prefetches("launch"),
        image_variants("spacecraft__image"),
        *landing_prefetches("landing"),
        *config_detailed_prefetches("spacecraft__spacecraft_config"),
        *crew_prefetches(),
        Prefetch(
            "docking_events", queryset=docking_events_for_chaser(), to_attr="docking_event_list"
        ),
    )


def spacecraft_flights_for_launch() -> QuerySet[SpacecraftFlight]:
    """The detailed flights of a launch's rocket, which do not repeat the launch."""
    return (
        SpacecraftFlight.objects.select_related(
            *landing_joins("landing"),
            "spacecraft__status",
            *image_joins("spacecraft__image"),
            *config_detailed_joins("spacecraft__spacecraft_config"),
        )
        .prefetch_related(
            image_variants("spacecraft__image"),
            *landing_prefetches("landing"),
            *config_detailed_prefetches("spacecraft__spacecraft_config"),
            *crew_prefetches(),
            Prefetch(
                "docking_events",
                queryset=docking_events_for_chaser(),
                to_attr="docking_event_list",
            ),
        )
        .order_by("id")
    )


def docking_events() -> QuerySet[DockingEvent]:
    return DockingEvent.objects.select_related(
        *station_normal_joins("space_station_target"),
        *station_normal_joins("space_station_chaser"),
        *payload_flight_mini_joins("payload_flight_target"),
        *payload_flight_normal_joins("payload_flight_chaser"),
    ).prefetch_related(
        docking_location_prefetch("docking_location"),
        *station_normal_prefetches("space_station_target"),
        *station_normal_prefetches("space_station_chaser"),
        flight_prefetch("flight_vehicle_target"),
        flight_prefetch("flight_vehicle_chaser"),
        *payload_flight_mini_prefetches("payload_flight_target"),
        *payload_flight_normal_prefetches("payload_flight_chaser"),
    )
