"""The filters of ``events/``, ``events/upcoming/`` and ``events/previous/``, named as the
official document names them.

The document calls the "date is less than" filter ``date__gt__lt``, a slip for ``date__lt``:
both are accepted (the second as an alias, outside the documented set). Which events a list
holds is the queryset's business (see ``resources/events.py``); ``hide_recent_previous``
narrows upcoming to ``date`` from now on. Filters on rows that point at an event (agencies and
programs through their many-to-many tables, video links) match through a subquery, so that an
event is listed once however many of its rows match.
"""

from django.utils import timezone
from django_filters import rest_framework as filters

from hangar.core.filters import (
    BooleanFilter,
    DocumentedFilterSet,
    IdFilter,
    IdListFilter,
    InstantFilter,
    RepeatedListWidget,
    TextListFilter,
    instant,
)
from hangar.events.models import Event
from hangar.launches.models import VidURL


class EventFilter(DocumentedFilterSet):
    """The filters of ``events/`` and ``events/previous/``."""

    id = IdListFilter(help_text="Event ids, comma-separated.")
    slug = filters.CharFilter(help_text="Exact slug of the event.")
    type = IdFilter(
        field_name="type_id",
        min_value=-(2**31),
        max_value=2**31 - 1,
        help_text="Id of the event type.",
    )
    type__ids = IdListFilter(field_name="type_id", help_text="Comma-separated event type IDs.")
    agency__ids = IdListFilter(
        method="filter_through",
        field_name="agencies",
        help_text="Comma-separated agency IDs: events they take part in.",
    )
    program = IdListFilter(
        method="filter_through",
        field_name="program",
        widget=RepeatedListWidget,
        help_text="Ids of programs the event belongs to (repeated, or comma-separated).",
    )
    video_url = TextListFilter(
        method="filter_video_urls",
        field_name="url__in",
        help_text="Comma-separated video URLs: events with a video link at one of them.",
    )
    day = IdListFilter(field_name="date__day", help_text="Days of the month of the date (UTC).")
    month = IdListFilter(field_name="date__month", help_text="Months of the date (1-12, UTC).")
    year = IdListFilter(field_name="date__year", help_text="Years of the date (UTC).")
    date__gt = instant("date", "gt", "Date")
    date__gt__lt = InstantFilter(
        field_name="date",
        lookup_expr="lt",
        help_text="Date is less than this instant (ISO 8601); also accepted as date__lt.",
    )
    date__gte = instant("date", "gte", "Date")
    date__lte = instant("date", "lte", "Date")
    last_updated__gte = instant("last_updated", "gte", "Last update")
    last_updated__lte = instant("last_updated", "lte", "Last update")

    class Meta:
        model = Event
        fields: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The spelling the document meant, accepted without being listed among its filters.
        self.filters["date__lt"] = instant("date", "lt", "Date")

    def filter_through(self, queryset, name, value):
        """``name`` is the many-to-many relation of the event whose rows must match."""
        relation = Event._meta.get_field(name)
        through, target = relation.remote_field.through, relation.m2m_reverse_field_name()
        rows = through.objects.filter(**{f"{target}__in": value}).values("event_id")
        return queryset.filter(id__in=rows)

    def filter_video_urls(self, queryset, name, value):
        """``name`` is a lookup on video links; links of launches and missions have no event
        (inferred: the launch filter of the same name matches the launch's own links)."""
        links = VidURL.objects.filter(**{name: value}, event__isnull=False).values("event_id")
        return queryset.filter(id__in=links)


class UpcomingEventFilter(EventFilter):
    """The filters of ``events/upcoming/``: those of every event list, and one to drop the
    events of the last 24 hours the list keeps by default."""

    hide_recent_previous = BooleanFilter(
        method="filter_hide_recent_previous",
        help_text=(
            "Hide events from the past 24 hours, which are included by default for convenience."
        ),
    )

    def filter_hide_recent_previous(self, queryset, name, value):
        return queryset.filter(date__gte=timezone.now()) if value else queryset
