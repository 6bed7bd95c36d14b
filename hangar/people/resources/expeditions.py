"""``expeditions/``: crews aboard a space station, from one start to one end, with their
spacewalks and mission patches.

The document lists no ``is_active`` filter, but LL2 honours it and clients call
``expeditions/?is_active=true``: the expeditions under way at the instant of the request (started,
and not ended, or with no end known). Filters and search on the crew go through the expedition's
seats to their astronauts, and list an expedition once however many of its crew match."""

from django.utils import timezone
from django_filters import rest_framework as filters

from hangar.core.filters import BooleanFilter, DocumentedFilterSet, IdFilter, instant
from hangar.core.registry import Mode, Resource, register
from hangar.people import queries_expeditions as queries
from hangar.people.collect_expeditions import expedition
from hangar.people.inputs_expeditions import ExpeditionIn
from hangar.people.models import Expedition
from hangar.people.serializers.expeditions import ExpeditionDetailed, ExpeditionNormal


class ExpeditionFilter(DocumentedFilterSet):
    crew__astronaut = IdFilter(
        field_name="crew__astronaut_id",
        distinct=True,
        help_text="Id of an astronaut of the expedition's crew.",
    )
    crew__astronaut__agency = IdFilter(
        field_name="crew__astronaut__agency_id",
        distinct=True,
        help_text="Id of the agency of an astronaut of the expedition's crew.",
    )
    end__gt = instant("end", "gt", "End")
    end__gte = instant("end", "gte", "End")
    end__lt = instant("end", "lt", "End")
    end__lte = instant("end", "lte", "End")
    name = filters.CharFilter(help_text="Exact name of the expedition.")
    space_station = IdFilter(field_name="spacestation_id", help_text="Id of the space station.")
    start__gt = instant("start", "gt", "Start")
    start__gte = instant("start", "gte", "Start")
    start__lt = instant("start", "lt", "Start")
    start__lte = instant("start", "lte", "Start")
    is_active = BooleanFilter(
        method="filter_is_active",
        help_text=(
            "true: the expeditions under way now (started, and not ended or with no end "
            "known); false: the others."
        ),
    )

    def filter_is_active(self, queryset, name, value):
        active = queries.active_at(Expedition.objects.all(), timezone.now()).values("pk")
        return queryset.filter(pk__in=active) if value else queryset.exclude(pk__in=active)


register(
    Resource(
        path="expeditions/",
        model=Expedition,
        modes={
            "normal": Mode(ExpeditionNormal, queries.expeditions_normal),
            "detailed": Mode(ExpeditionDetailed, queries.expeditions_detailed),
        },
        filterset=ExpeditionFilter,
        search_fields=(
            "crew__astronaut__agency__abbrev",
            "crew__astronaut__agency__name",
            "crew__astronaut__name",
            "crew__astronaut__nationality__nationality_name",
            "name",
        ),
        ordering_fields=("end", "id", "start"),
        input=ExpeditionIn,
        collect=expedition,
        rank=55,
    )
)
