"""``payload_flights/``: each flight of a payload on a launch (``amount`` identical payloads to
a free-text ``destination``), with the dockings it made at the detailed level.

The official document lists no search or ordering fields for this path; the list is in id
order."""

from hangar.core.filters import DocumentedFilterSet, IdFilter
from hangar.core.registry import Mode, Resource, register
from hangar.payloads.collect import payload_flight
from hangar.payloads.inputs import PayloadFlightIn
from hangar.payloads.models import PayloadFlight
from hangar.payloads.queries import flights as detailed_queries
from hangar.payloads.queries import payloads as queries
from hangar.payloads.serializers.flights import PayloadFlightDetailed
from hangar.payloads.serializers.payloads import PayloadFlightMini, PayloadFlightNormal
from hangar.spacecraft.collect import docking_event
from hangar.spacecraft.inputs import DockingEventIn


class PayloadFlightFilter(DocumentedFilterSet):
    payload = IdFilter(field_name="payload_id", help_text="Id of the payload.")


class PayloadFlightEndpointIn(PayloadFlightIn):
    """A payload flight on its endpoint: the detailed form lists the dockings it made as the
    chaser (each without its chaser)."""

    docking_events = DockingEventIn(many=True, required=False)


def collect_payload_flight(c, data: dict, depth: int):
    pk = payload_flight(c, data, depth)
    for event in data.get("docking_events", []):
        docking_event(c, event, depth + 1, payload_chaser=pk)
    return pk


register(
    Resource(
        path="payload_flights/",
        model=PayloadFlight,
        modes={
            "list": Mode(PayloadFlightMini, queries.payload_flights_mini),
            "normal": Mode(PayloadFlightNormal, queries.payload_flights_normal),
            "detailed": Mode(PayloadFlightDetailed, detailed_queries.payload_flights_detailed),
        },
        filterset=PayloadFlightFilter,
        input=PayloadFlightEndpointIn,
        collect=collect_payload_flight,
        rank=63,
    )
)
