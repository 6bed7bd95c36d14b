"""``spacewalks/``: extravehicular activities, with their crews, station, expedition, spacecraft
flight, event and programs.

``duration`` is ``end`` - ``start`` where both are known (computed at import), else as imported;
``?ordering=duration`` orders by it, unknown durations last. ``day``, ``month`` and ``year`` are
those of the start, in UTC; ``launch__ids`` names the launch of the spacecraft flight the
spacewalk was made from, ``owner__ids`` the owners of its station (both inferred: the document
does not say). Filters on lists (crew, programs, owners) list a spacewalk once however many of
its rows match.

The endpoint's record names its event: the events domain nests expeditions (and so spacewalks),
so the input and collector that read the event are here, above both domains."""

from django_filters import rest_framework as filters

from hangar.core.collect import Collector
from hangar.core.filters import (
    DocumentedFilterSet,
    IdFilter,
    IdListFilter,
    UUIDListFilter,
    instant,
)
from hangar.core.registry import Mode, Resource, register
from hangar.events.collect import event
from hangar.events.inputs import EventIn
from hangar.people import queries_spacewalks as queries
from hangar.people.collect_expeditions import spacewalk
from hangar.people.inputs_expeditions import SpacewalkIn
from hangar.people.models import Spacewalk
from hangar.people.queries_expeditions import spacewalks_list
from hangar.people.serializers.spacewalk_endpoints import (
    SpacewalkEndpointDetailed,
    SpacewalkEndpointNormal,
)
from hangar.people.serializers.spacewalks import SpacewalkList


class SpacewalkFilter(DocumentedFilterSet):
    astronaut__ids = IdListFilter(
        field_name="crew__astronaut_id",
        distinct=True,
        help_text="Ids of astronauts of the crew, comma-separated.",
    )
    day = IdListFilter(field_name="start__day", help_text="Days of the month of the start (UTC).")
    end = instant("end", "exact", "End")
    end__gt = instant("end", "gt", "End")
    end__gte = instant("end", "gte", "End")
    end__lt = instant("end", "lt", "End")
    end__lte = instant("end", "lte", "End")
    event__ids = IdListFilter(field_name="event_id", help_text="Event ids, comma-separated.")
    id = IdFilter(help_text="Id of the spacewalk.")
    ids = IdListFilter(field_name="id", help_text="Spacewalk ids, comma-separated.")
    launch__ids = UUIDListFilter(
        field_name="spacecraft_flight__launch_id",
        help_text="Ids (UUIDs) of the launches of the spacecraft flights, comma-separated.",
    )
    month = IdListFilter(field_name="start__month", help_text="Months of the start (1-12, UTC).")
    name = filters.CharFilter(help_text="Exact name of the spacewalk.")
    name__contains = filters.CharFilter(
        field_name="name", lookup_expr="contains", help_text="Text the name contains."
    )
    owner__ids = IdListFilter(
        field_name="spacestation__owners",
        distinct=True,
        help_text="Ids of agencies that own the spacewalk's station, comma-separated.",
    )
    program__ids = IdListFilter(
        field_name="program", distinct=True, help_text="Program ids, comma-separated."
    )
    program__name = filters.CharFilter(
        field_name="program__name", distinct=True, help_text="Exact name of a program."
    )
    program__name__contains = filters.CharFilter(
        field_name="program__name",
        lookup_expr="contains",
        distinct=True,
        help_text="Text the name of a program contains.",
    )
    spacestation__ids = IdListFilter(
        field_name="spacestation_id", help_text="Space station ids, comma-separated."
    )
    start__gt = instant("start", "gt", "Start")
    start__gte = instant("start", "gte", "Start")
    start__lt = instant("start", "lt", "Start")
    start__lte = instant("start", "lte", "Start")
    year = IdListFilter(field_name="start__year", help_text="Years of the start (UTC).")


class SpacewalkRecordIn(SpacewalkIn):
    """A spacewalk as its endpoint serves it, with its event."""

    event = EventIn(allow_null=True, required=False)


def spacewalk_record(c: Collector, data: dict, depth: int):
    pk = spacewalk(c, data, depth)
    if "event" in data:
        event_id = event(c, data["event"], depth + 1) if data["event"] else None
        c.add(Spacewalk, pk, {"event_id": event_id}, depth)
    return pk


register(
    Resource(
        path="spacewalks/",
        model=Spacewalk,
        modes={
            "list": Mode(SpacewalkList, spacewalks_list),
            "normal": Mode(SpacewalkEndpointNormal, queries.spacewalks_endpoint_normal),
            "detailed": Mode(SpacewalkEndpointDetailed, queries.spacewalks_endpoint_detailed),
        },
        filterset=SpacewalkFilter,
        search_fields=("crew__astronaut__name", "location", "name", "program__name"),
        ordering_fields=("duration", "end", "id", "name", "start"),
        ordering_columns={"duration": "duration_s"},
        input=SpacewalkRecordIn,
        collect=spacewalk_record,
        rank=56,
    )
)
