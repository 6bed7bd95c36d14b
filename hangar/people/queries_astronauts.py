"""The querysets of the ``astronauts/`` endpoint's modes, and the values it orders and filters
on as of the instant of the request (time in space, age)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from django.db.models import Case, DateField, F, IntegerField, Prefetch, QuerySet, Value, When
from django.db.models.functions import Coalesce, ExtractDay, ExtractMonth, ExtractYear
from django.db.models.lookups import LessThan

from hangar.launches.queries import launch_normal_joins, launch_normal_prefetches
from hangar.people.models import Astronaut, AstronautFlight, Spacewalk, SpacewalkCrewMember
from hangar.people.queries import (
    astronaut_detailed_joins,
    astronaut_detailed_prefetches,
    crew_prefetch,
)
from hangar.spacecraft.models import SpacecraftFlight
from hangar.spacecraft.queries import spacecraft_flights_normal


def astronauts_list() -> QuerySet[Astronaut]:
    """``AstronautDetailed`` (the ``list`` mode) and ``AstronautEndpointNormal``, which adds
    only columns."""
    return Astronaut.objects.select_related(*astronaut_detailed_joins()).prefetch_related(
        *astronaut_detailed_prefetches()
    )


def launched_flights() -> QuerySet[SpacecraftFlight]:
    """The flights a seat launched in, for their launches (``LaunchNormal``)."""
    return SpacecraftFlight.objects.select_related(*launch_normal_joins("launch")).prefetch_related(
        *launch_normal_prefetches("launch")
    )


def spacewalks_normal() -> QuerySet[Spacewalk]:
    """``SpacewalkNormal``: the columns and the crew."""
    return Spacewalk.objects.prefetch_related(
        crew_prefetch("crew_members", model=SpacewalkCrewMember)
    )


def astronauts_endpoint_detailed() -> QuerySet[Astronaut]:
    """``AstronautEndpointDetailed``: each seat with the flights it launched and landed in and
    its spacewalks, which the serializer gathers (``serializers.astronauts.gathered``)."""
    seats = AstronautFlight.objects.order_by("id").prefetch_related(
        Prefetch("launch_crew_flights", queryset=launched_flights(), to_attr="launched_list"),
        Prefetch(
            "landing_crew_flights", queryset=spacecraft_flights_normal(), to_attr="landed_list"
        ),
        Prefetch("spacewalks", queryset=spacewalks_normal(), to_attr="spacewalk_list"),
    )
    return astronauts_list().prefetch_related(
        Prefetch("seats", queryset=seats, to_attr="seat_list")
    )


def age_at(reference) -> Case:
    """Whole years from the date of birth to ``reference`` (a date expression)."""
    born = F("date_of_birth")
    before_birthday = LessThan(
        ExtractMonth(reference) * 100 + ExtractDay(reference),
        ExtractMonth(born) * 100 + ExtractDay(born),
    )
    years = ExtractYear(reference) - ExtractYear(born)
    return Case(
        When(date_of_birth__isnull=True, then=Value(None)),
        When(before_birthday, then=years - 1),
        default=years,
        output_field=IntegerField(),
    )


def with_live_statistics(queryset: QuerySet[Astronaut], now_epoch: int) -> QuerySet[Astronaut]:
    """Annotate the time in space and the age at the instant of the request, for ordering and
    filtering: the stored time in space plus the seconds elapsed since for each flight still
    without a landing; the age at that day (at death, for a deceased astronaut)."""
    today: date = datetime.fromtimestamp(now_epoch, UTC).date()
    elapsed = Value(now_epoch) - F("stats_as_of")
    reference = Coalesce(F("date_of_death"), Value(today), output_field=DateField())
    return queryset.annotate(
        time_in_space_live=F("time_in_space_s") + F("open_flights") * elapsed,
        age_live=age_at(reference),
    )
