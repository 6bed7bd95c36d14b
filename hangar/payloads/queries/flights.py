"""Detailed payload flights, with the docking events each made as the chaser (prefetched into
``docking_event_list``): the detailed level of ``payload_flights/``, and the payload flights a
launch's rocket lists (``PayloadFlightSerializerNoLaunch``)."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from hangar.core.queries import at
from hangar.launches.queries import launches_normal
from hangar.payloads.models import PayloadFlight
from hangar.payloads.queries.payloads import landings, payloads_detailed
from hangar.spacecraft.queries import docking_events_for_chaser


def payload_flight_no_launch_prefetches(path: str = "") -> list:
    """The payload and the landing are prefetched, as ``payload_flight_mini_prefetches`` says
    why."""
    return [
        Prefetch(at(path, "payload"), queryset=payloads_detailed()),
        Prefetch(at(path, "landing"), queryset=landings()),
        Prefetch(
            at(path, "docking_events"),
            queryset=docking_events_for_chaser(),
            to_attr="docking_event_list",
        ),
    ]


def payload_flights_detailed() -> QuerySet[PayloadFlight]:
    return PayloadFlight.objects.prefetch_related(
        *payload_flight_no_launch_prefetches(),
        Prefetch("launch", queryset=launches_normal()),
    )


def payload_flights_of_launch(path: str, to_attr: str) -> Prefetch:
    """The payload flights of the launches at ``path`` (``payload_flights`` of a launch), as
    its rocket lists them, in id order."""
    queryset = PayloadFlight.objects.prefetch_related(
        *payload_flight_no_launch_prefetches()
    ).order_by("id")
    return Prefetch(path, queryset=queryset, to_attr=to_attr)
