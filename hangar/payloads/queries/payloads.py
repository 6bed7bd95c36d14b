"""Payloads and payload flights without their docking events, at each level: the builders of
the ``payloads/`` endpoint and of the list and normal levels of ``payload_flights/``, and the
``*_joins(path)``/``*_prefetches(path)`` helpers with which every other place (a docking event's
target or chaser) nests them.

A payload's programs are prefetched into ``program_list``, in name order then id, as LL2 serves
nested programs."""

from __future__ import annotations

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from hangar.agencies.queries import agency_normal_joins, agency_normal_prefetches
from hangar.core.queries import at
from hangar.images.queries import image_joins, image_variants
from hangar.landings.models import Landing
from hangar.landings.queries import landing_joins, landing_prefetches
from hangar.launches.queries import launch_mini_joins, launches_normal
from hangar.payloads.models import Payload, PayloadFlight
from hangar.programs.queries import NESTED_ORDER, program_normal_prefetch, programs_mini


def payload_mini_joins(path: str = "") -> list[str]:
    return [
        at(path, "type"),
        at(path, "manufacturer__type"),
        at(path, "operator__type"),
        *image_joins(at(path, "image")),
    ]


def payload_mini_prefetches(path: str = "") -> list:
    return [image_variants(at(path, "image"))]


def payload_normal_joins(path: str = "") -> list[str]:
    """The normal and the detailed payload: their agencies are loaded alike."""
    return [
        at(path, "type"),
        *agency_normal_joins(at(path, "manufacturer")),
        *agency_normal_joins(at(path, "operator")),
        *image_joins(at(path, "image")),
    ]


def payload_normal_prefetches(path: str = "") -> list:
    return [
        *payload_mini_prefetches(path),
        *agency_normal_prefetches(at(path, "manufacturer")),
        *agency_normal_prefetches(at(path, "operator")),
        Prefetch(
            at(path, "program"),
            queryset=programs_mini().order_by(*NESTED_ORDER),
            to_attr="program_list",
        ),
    ]


def payload_detailed_prefetches(path: str = "") -> list:
    return [
        *payload_mini_prefetches(path),
        *agency_normal_prefetches(at(path, "manufacturer")),
        *agency_normal_prefetches(at(path, "operator")),
        program_normal_prefetch(at(path, "program"), "program_list"),
    ]


def payloads_mini() -> QuerySet[Payload]:
    return Payload.objects.select_related(*payload_mini_joins()).prefetch_related(
        *payload_mini_prefetches()
    )


def payloads_normal() -> QuerySet[Payload]:
    return Payload.objects.select_related(*payload_normal_joins()).prefetch_related(
        *payload_normal_prefetches()
    )


def payloads_detailed() -> QuerySet[Payload]:
    return Payload.objects.select_related(*payload_normal_joins()).prefetch_related(
        *payload_detailed_prefetches()
    )


def with_first_launch(queryset: QuerySet[Payload], now_epoch: int) -> QuerySet[Payload]:
    """Annotate the ``net`` of the payload's first launch, which ``ordering`` by its launch's
    ``net`` uses: a payload flown several times is listed once, at its first flight (LL2 would
    list it once per flight)."""
    first = PayloadFlight.objects.filter(payload=OuterRef("pk")).order_by("launch__net", "id")
    return queryset.annotate(first_launch_net=Subquery(first.values("launch__net")[:1]))


# --- payload flights --------------------------------------------------------------------------


def landings() -> QuerySet[Landing]:
    return Landing.objects.select_related(*landing_joins()).prefetch_related(*landing_prefetches())


def payload_flight_mini_joins(path: str = "") -> list[str]:
    return launch_mini_joins(at(path, "launch"))


def payload_flight_mini_prefetches(path: str = "") -> list:
    """The payload and the landing (and at the normal level, the launch) are prefetched, not
    joined: a docking event nests two payload flights and two spacecraft flights, more tables
    than SQLite joins in one query."""
    return [
        Prefetch(at(path, "payload"), queryset=payloads_mini()),
        Prefetch(at(path, "landing"), queryset=landings()),
    ]


def payload_flight_normal_joins(path: str = "") -> list[str]:
    return []


def payload_flight_normal_prefetches(path: str = "") -> list:
    return [
        Prefetch(at(path, "payload"), queryset=payloads_normal()),
        Prefetch(at(path, "landing"), queryset=landings()),
        Prefetch(at(path, "launch"), queryset=launches_normal()),
    ]


def payload_flights_mini() -> QuerySet[PayloadFlight]:
    return PayloadFlight.objects.select_related(*payload_flight_mini_joins()).prefetch_related(
        *payload_flight_mini_prefetches()
    )


def payload_flights_normal() -> QuerySet[PayloadFlight]:
    # No joins: ``select_related()`` without names would join every foreign key.
    return PayloadFlight.objects.prefetch_related(*payload_flight_normal_prefetches())
