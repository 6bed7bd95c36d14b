"""``events/``, ``events/upcoming/`` and ``events/previous/``: one table of events seen through
three windows, as launches are.

``upcoming`` holds the events dated from 24 hours ago on, so that an event stays there for a day
after it happened (``hide_recent_previous=true`` drops that day); ``previous`` holds those dated
at or before now. An event of the last day is therefore in both, and an event without a date in
neither. Each list's ``{id}/`` answers from its window: an event outside it is a 404. Upcoming
events come soonest first, previous ones latest first; ``events/`` lists them all by date
(inferred: LL2 does not say), undated ones last."""

from datetime import timedelta

from hangar.core.registry import Mode, Resource, register
from hangar.events.collect import event
from hangar.events.filters import EventFilter, UpcomingEventFilter
from hangar.events.inputs import EventIn
from hangar.events.models import Event
from hangar.events.queries import events_detailed, events_endpoint_normal, events_normal
from hangar.events.serializers import (
    EventEndpointDetailed,
    EventEndpointList,
    EventEndpointNormal,
)

GRACE = timedelta(hours=24)
MODES = {
    "list": Mode(EventEndpointList, events_normal),
    "normal": Mode(EventEndpointNormal, events_endpoint_normal),
    "detailed": Mode(EventEndpointDetailed, events_detailed),
}
SEARCH = ("name",)
ORDERING = ("date", "last_updated")


def upcoming(queryset, now):
    return queryset.filter(date__gte=now - GRACE)


def previous(queryset, now):
    return queryset.filter(date__lte=now)


register(
    Resource(
        path="events/",
        model=Event,
        modes=MODES,
        filterset=EventFilter,
        search_fields=SEARCH,
        ordering_fields=ORDERING,
        default_ordering=("date",),
        input=EventIn,
        collect=event,
        rank=70,
    ),
    Resource(
        path="events/upcoming/",
        model=Event,
        modes=MODES,
        filterset=UpcomingEventFilter,
        search_fields=SEARCH,
        ordering_fields=ORDERING,
        default_ordering=("date",),
        scope=upcoming,
        rank=71,
    ),
    Resource(
        path="events/previous/",
        model=Event,
        modes=MODES,
        filterset=EventFilter,
        search_fields=SEARCH,
        ordering_fields=ORDERING,
        default_ordering=("-date",),
        scope=previous,
        rank=72,
    ),
)
