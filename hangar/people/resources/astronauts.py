"""``astronauts/``: astronauts, with the statistics computed from the crews and spacewalks Hangar
holds (``hangar.people.stats``). The time in space and the age are ordered and filtered on as of
the instant of the request (``queries_astronauts.with_live_statistics``)."""

from django.db import models
from django_filters import rest_framework as filters

from hangar.core.filters import (
    COMPARISONS,
    BooleanFilter,
    DocumentedFilterSet,
    IdField,
    IdFilter,
    IdListFilter,
)
from hangar.core.registry import Mode, Resource, register, registry
from hangar.launches.collect import launch
from hangar.launches.inputs import LaunchIn
from hangar.people import import_rules, queries_astronauts
from hangar.people.collect import astronaut
from hangar.people.collect_expeditions import spacewalk
from hangar.people.inputs import AstronautIn
from hangar.people.inputs_expeditions import SpacewalkIn
from hangar.people.models import Astronaut
from hangar.people.serializers.astronauts import AstronautEndpointDetailed, AstronautEndpointNormal
from hangar.people.serializers.crew import AstronautDetailed
from hangar.spacecraft.collect import spacecraft_flight
from hangar.spacecraft.inputs import SpacecraftFlightIn

# LL2's astronaut type of animals and other non-human crew (inferred from its lookup).
NON_HUMAN = "Non-Human"


class AgeFilter(filters.NumberFilter):
    field_class = IdField


def age_filter(lookup: str) -> AgeFilter:
    words = {"exact": "is", "gt": "is over", "gte": "is at least", "lt": "is under"}
    return AgeFilter(
        field_name="age_live",
        lookup_expr=lookup,
        help_text=f"Astronauts whose age today {words.get(lookup, 'is at most')} this many "
        "years (the age at death for a deceased astronaut).",
    )


class AstronautFilter(DocumentedFilterSet):
    age = age_filter("exact")
    age__gt = age_filter("gt")
    age__gte = age_filter("gte")
    age__lt = age_filter("lt")
    age__lte = age_filter("lte")
    agency_ids = IdListFilter(field_name="agency_id", help_text="Comma-separated agency IDs.")
    has_flown = BooleanFilter(
        method="filter_has_flown",
        help_text="Astronauts who have flown (true) or not yet (false).",
    )
    in_space = BooleanFilter(help_text="Astronauts in space now (true) or not (false).")
    is_human = BooleanFilter(
        method="filter_is_human",
        help_text="Human astronauts (true) or animals and other non-human crew (false).",
    )
    nationality = filters.CharFilter(
        method="filter_nationality",
        help_text="Nationality (Canadian) or country name (Canada) of the astronaut, any case.",
    )
    status_ids = IdListFilter(
        field_name="status_id", help_text="Comma-separated astronaut status IDs."
    )
    type__id = IdFilter(field_name="type_id", help_text="Id of the astronaut type.")

    class Meta:
        model = Astronaut
        fields = {
            "date_of_birth": COMPARISONS,
            "date_of_death": COMPARISONS,
            "first_flight": COMPARISONS,
            "last_flight": COMPARISONS,
            "flights_count": COMPARISONS,
            "landings_count": COMPARISONS,
        }

    def filter_has_flown(self, queryset, name, value):
        flown = models.Q(flights_count__gt=0)
        return queryset.filter(flown) if value else queryset.exclude(flown)

    def filter_is_human(self, queryset, name, value):
        animals = models.Q(type__name__iexact=NON_HUMAN)
        return queryset.exclude(animals) if value else queryset.filter(animals)

    def filter_nationality(self, queryset, name, value):
        matching = Astronaut.objects.filter(
            models.Q(nationality__nationality_name__iexact=value)
            | models.Q(nationality__name__iexact=value)
        ).values("id")
        return queryset.filter(id__in=matching)


class AstronautEndpointIn(AstronautIn):
    """An astronaut as its endpoint serves it: the detailed form lists its flights (launches),
    landings (spacecraft flights) and spacewalks, each a record of its own."""

    flights = LaunchIn(many=True, required=False)
    landings = SpacecraftFlightIn(many=True, required=False)
    spacewalks = SpacewalkIn(many=True, required=False)


def collect_astronaut(c, data: dict, depth: int):
    pk = astronaut(c, data, depth)
    for flight in data.get("flights", []):
        launch(c, flight, depth + 1)
    for flight in data.get("landings", []):
        spacecraft_flight(c, flight, depth + 1)
    for walk in data.get("spacewalks", []):
        spacewalk(c, walk, depth + 1)
    return pk


register(
    Resource(
        path="astronauts/",
        model=Astronaut,
        modes={
            "list": Mode(AstronautDetailed, queries_astronauts.astronauts_list),
            "normal": Mode(AstronautEndpointNormal, queries_astronauts.astronauts_list),
            "detailed": Mode(
                AstronautEndpointDetailed, queries_astronauts.astronauts_endpoint_detailed
            ),
        },
        filterset=AstronautFilter,
        search_fields=("agency__abbrev", "agency__name", "name", "nationality__nationality_name"),
        ordering_fields=(
            "age",
            "date_of_birth",
            "eva_time",
            "flights_count",
            "id",
            "landings_count",
            "last_flight",
            "name",
            "spacewalks_count",
            "status",
            "time_in_space",
        ),
        # Values that change with time are ordered by their value now.
        ordering_columns={
            "age": "age_live",
            "eva_time": "eva_time_s",
            "status": "status_id",
            "time_in_space": "time_in_space_live",
        },
        annotate=queries_astronauts.with_live_statistics,
        input=AstronautEndpointIn,
        collect=collect_astronaut,
        rank=54,
    )
)
for rule in import_rules.WRITE_RULES:
    registry.add_write_rule(rule)
registry.add_refresh(import_rules.STATISTICS)
