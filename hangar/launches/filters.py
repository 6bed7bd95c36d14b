"""The filters of ``launches/``, ``launches/upcoming/`` and ``launches/previous/``, named as the
official document names them (its odd spellings included: ``rocket__spacecraftflight__...``).

Which launches a list holds (upcoming: ``net`` from 24 hours ago on; previous: ``net`` up to
now) is the queryset's business, not a filter's; ``hide_recent_previous`` narrows upcoming to
``net`` from now on. Filters on rows that point at a launch (spacecraft flights, first stages,
video links, programs) match through a subquery, so that a launch is listed once however many of
its rows match and no ``DISTINCT`` is needed.

Two meanings are Hangar's choice where LL2 does not spell them out: ``related_lsp__id`` and
``related_lsp__name`` match launches whose provider, or one of whose mission's agencies, is one of
the agencies given; ``program`` takes its ids repeated (``program=1&program=2``, as the document
declares it) or comma-separated, like every other list of the endpoint.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django_filters import rest_framework as filters

from hangar.core.filters import (
    COMPARISONS,
    BooleanFilter,
    DocumentedFilterSet,
    IdFilter,
    IdListFilter,
    RepeatedListWidget,
    TextListFilter,
    UUIDListFilter,
    instant,
)
from hangar.launches.models import FirstStage, Launch, Mission, VidURL
from hangar.launches.stats.figures import SUBORBITAL
from hangar.spacecraft.models import SpacecraftFlight

# The figures of a launch's place in the count of launches, stored on the launch.
ATTEMPT_COUNTS = tuple(
    f"{scope}_launch_attempt_count{suffix}"
    for scope in ("agency", "location", "orbital", "pad")
    for suffix in ("", "_year")
)


def crewed_flights() -> models.QuerySet[SpacecraftFlight]:
    """Spacecraft flights with someone aboard at launch: a seat in their launch crew."""
    return SpacecraftFlight.objects.filter(launch_crew_members__isnull=False)


class LaunchFilter(DocumentedFilterSet):
    """The filters of ``launches/`` and ``launches/previous/``."""

    id = UUIDListFilter(help_text="Launch ids (UUIDs), comma-separated.")
    name = filters.CharFilter(help_text="Exact name of the launch.")
    slug = filters.CharFilter(help_text="Exact slug of the launch.")
    launch_designator = TextListFilter(
        help_text="Comma-separated (COSPAR) international launch designators."
    )
    status = IdFilter(
        field_name="status_id",
        min_value=-(2**31),
        max_value=2**31 - 1,
        help_text="Id of the launch status.",
    )
    status__ids = IdListFilter(
        field_name="status_id", help_text="Launch status ids, comma-separated."
    )

    lsp__id = IdListFilter(
        field_name="launch_service_provider_id",
        help_text="Comma-separated launch service provider (agency) IDs.",
    )
    lsp__name = TextListFilter(
        field_name="launch_service_provider__name",
        help_text="Comma-separated launch service provider names.",
    )
    related_lsp__id = IdListFilter(
        method="filter_related_agencies",
        field_name="id",
        help_text="Comma-separated agency IDs: launches they provide or fly a mission for.",
    )
    related_lsp__name = TextListFilter(
        method="filter_related_agencies",
        field_name="name",
        help_text="Comma-separated agency names: launches they provide or fly a mission for.",
    )

    launcher_config__id = IdListFilter(
        field_name="rocket__configuration_id",
        help_text="Launcher configuration ids of the rocket, comma-separated.",
    )
    rocket__configuration__id = IdFilter(
        field_name="rocket__configuration_id", help_text="Id of the rocket's configuration."
    )
    rocket__configuration__name = filters.CharFilter(
        field_name="rocket__configuration__name",
        help_text="Exact name of the rocket's configuration.",
    )
    rocket__configuration__full_name = filters.CharFilter(
        field_name="rocket__configuration__full_name",
        help_text="Exact full name of the rocket's configuration.",
    )
    rocket__configuration__full_name__icontains = filters.CharFilter(
        field_name="rocket__configuration__full_name",
        lookup_expr="icontains",
        help_text="Text the full name of the rocket's configuration contains (any case).",
    )
    rocket__configuration__manufacturer__name = filters.CharFilter(
        field_name="rocket__configuration__manufacturer__name",
        help_text="Exact name of the manufacturer of the rocket's configuration.",
    )
    rocket__configuration__manufacturer__name__icontains = filters.CharFilter(
        field_name="rocket__configuration__manufacturer__name",
        lookup_expr="icontains",
        help_text="Text the name of the configuration's manufacturer contains (any case).",
    )
    serial_number = TextListFilter(
        method="filter_first_stages",
        field_name="launcher__serial_number__in",
        help_text="Comma-separated first stage booster serial numbers.",
    )

    rocket__spacecraftflight__spacecraft__id = IdFilter(
        method="filter_spacecraft_flights",
        field_name="spacecraft_id",
        help_text="Id of a spacecraft flown on the launch.",
    )
    rocket__spacecraftflight__spacecraft__name = filters.CharFilter(
        method="filter_spacecraft_flights",
        field_name="spacecraft__name",
        help_text="Exact name of a spacecraft flown on the launch.",
    )
    rocket__spacecraftflight__spacecraft__name__icontains = filters.CharFilter(
        method="filter_spacecraft_flights",
        field_name="spacecraft__name__icontains",
        help_text="Text the name of a spacecraft flown on the launch contains (any case).",
    )
    spacecraft_config__ids = IdListFilter(
        method="filter_spacecraft_flights",
        field_name="spacecraft__spacecraft_config_id__in",
        help_text="Configuration ids of spacecraft flown on the launch, comma-separated.",
    )
    is_crewed = BooleanFilter(
        method="filter_crewed",
        help_text="Launches with a crew aboard a spacecraft (true) or without one (false).",
    )

    pad = IdFilter(field_name="pad_id", help_text="Id of the launch pad.")
    pad__location = IdFilter(field_name="pad__location_id", help_text="Id of the pad's location.")
    location__ids = IdListFilter(
        field_name="pad__location_id", help_text="Comma-separated location IDs."
    )
    pad__location__celestial_body__id = IdFilter(
        field_name="pad__location__celestial_body_id",
        help_text="Id of the celestial body of the pad's location.",
    )

    mission__orbit__name = filters.CharFilter(
        field_name="mission__orbit__name", help_text="Exact name of the mission's orbit."
    )
    mission__orbit__name__icontains = filters.CharFilter(
        field_name="mission__orbit__name",
        lookup_expr="icontains",
        help_text="Text the name of the mission's orbit contains (any case).",
    )
    mission__orbit__celestial_body__id = IdFilter(
        field_name="mission__orbit__celestial_body_id",
        help_text="Id of the celestial body the mission's orbit goes around.",
    )
    include_suborbital = BooleanFilter(
        method="filter_suborbital",
        help_text="Whether suborbital launches are listed (true, the default) or left out.",
    )
    program = IdListFilter(
        method="filter_programs",
        field_name="program_id__in",
        widget=RepeatedListWidget,
        help_text="Ids of programs the launch belongs to (repeated, or comma-separated).",
    )
    video_url = TextListFilter(
        method="filter_video_urls",
        field_name="url__in",
        help_text="Comma-separated video URLs.",
    )

    day = IdListFilter(field_name="net__day", help_text="Days of the month of the NET (UTC).")
    month = IdListFilter(field_name="net__month", help_text="Months of the NET (1-12, UTC).")
    year = IdListFilter(field_name="net__year", help_text="Years of the NET (UTC).")
    net__gt = instant("net", "gt", "NET")
    net__gte = instant("net", "gte", "NET")
    net__lt = instant("net", "lt", "NET")
    net__lte = instant("net", "lte", "NET")
    window_start__gt = instant("window_start", "gt", "Window start")
    window_start__gte = instant("window_start", "gte", "Window start")
    window_start__lt = instant("window_start", "lt", "Window start")
    window_start__lte = instant("window_start", "lte", "Window start")
    window_end__gt = instant("window_end", "gt", "Window end")
    window_end__gte = instant("window_end", "gte", "Window end")
    window_end__lt = instant("window_end", "lt", "Window end")
    window_end__lte = instant("window_end", "lte", "Window end")
    last_updated__gte = instant("last_updated", "gte", "Last update")
    last_updated__lte = instant("last_updated", "lte", "Last update")

    class Meta:
        model = Launch
        fields = dict.fromkeys(ATTEMPT_COUNTS, COMPARISONS)

    def filter_related_agencies(self, queryset, name, value):
        """``name`` is the agency column the values are (``id`` or ``name``)."""
        agencies = {f"agencies__{name}__in": value}
        missions = Mission.objects.filter(**agencies).values("id")
        provided = Q(**{f"launch_service_provider__{name}__in": value})
        return queryset.filter(provided | Q(mission__in=missions))

    def filter_first_stages(self, queryset, name, value):
        """``name`` is a lookup on first stages."""
        stages = FirstStage.objects.filter(**{name: value}).values("rocket_id")
        return queryset.filter(rocket__in=stages)

    def filter_spacecraft_flights(self, queryset, name, value):
        """``name`` is a lookup on spacecraft flights."""
        flights = SpacecraftFlight.objects.filter(**{name: value}).values("launch_id")
        return queryset.filter(id__in=flights)

    def filter_crewed(self, queryset, name, value):
        crewed = crewed_flights().values("launch_id")
        return queryset.filter(id__in=crewed) if value else queryset.exclude(id__in=crewed)

    def filter_suborbital(self, queryset, name, value):
        return queryset if value else queryset.exclude(mission__orbit__name=SUBORBITAL)

    def filter_programs(self, queryset, name, value):
        """``name`` is a lookup on the rows that tie launches to programs."""
        rows = Launch.program.through.objects.filter(**{name: value}).values("launch_id")
        return queryset.filter(id__in=rows)

    def filter_video_urls(self, queryset, name, value):
        """``name`` is a lookup on video links; a link of a mission has no launch."""
        links = VidURL.objects.filter(**{name: value}, launch__isnull=False).values("launch_id")
        return queryset.filter(id__in=links)


class UpcomingLaunchFilter(LaunchFilter):
    """The filters of ``launches/upcoming/``: those of every launch list, and one to drop the
    launches of the last 24 hours the list keeps by default."""

    hide_recent_previous = BooleanFilter(
        method="filter_hide_recent_previous",
        help_text=(
            "Hide launches from the past 24 hours, which are included by default for convenience."
        ),
    )

    def filter_hide_recent_previous(self, queryset, name, value):
        return queryset.filter(net__gte=timezone.now()) if value else queryset
