"""Astronauts as crews nest them, and the seats crews are made of.

``AstronautFlight`` serializes one row of an ordered crew table (``LaunchCrewMember``,
``ExpeditionCrewMember``, ...: a seat at a position), reading the seat through ``seat``: a crew is
served as ``AstronautFlight(many=True, source="launch_crew_list")`` over the rows that
``hangar.people.queries.crew_prefetch("launch_crew_members")`` loads, in LL2's order.

Statistics that grow with time (``time_in_space``) and the age are computed for the instant of
the request.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from hangar.agencies.serializers import AgencyMini, Country
from hangar.core.fields import (
    DurationField,
    LiveDurationField,
    ResourceUrlField,
    ResponseModeField,
)
from hangar.core.serializers import SchemaSerializer, SharedSerializer
from hangar.images.serializers import Image
from hangar.people import models, stats


class AstronautStatus(SchemaSerializer):
    model = models.AstronautStatus


class AstronautType(SchemaSerializer):
    model = models.AstronautType


class AstronautRole(SchemaSerializer):
    model = models.AstronautRole


class SocialMedia(SchemaSerializer):
    model = models.SocialMedia
    logo = Image(read_only=True, allow_null=True)


class SocialMediaLink(SchemaSerializer):
    model = models.SocialMediaLink
    social_media = SocialMedia(read_only=True)


def years_between(born: date, then: date) -> int:
    """Whole years from ``born`` to ``then`` (a birthday counts on the day itself)."""
    return then.year - born.year - ((then.month, then.day) < (born.month, born.day))


def age(astronaut, now_epoch: int) -> int | None:
    """Whole years since the date of birth; a deceased astronaut's age is the age at death, as
    LL2 shows it (inferred from its data). None without a date of birth."""
    if astronaut.date_of_birth is None:
        return None
    then = astronaut.date_of_death or datetime.fromtimestamp(now_epoch, UTC).date()
    return years_between(astronaut.date_of_birth, then)


@extend_schema_field(OpenApiTypes.INT)
class AgeField(serializers.Field):
    def __init__(self) -> None:
        super().__init__(source="*", read_only=True, allow_null=True)

    def to_representation(self, instance) -> int | None:
        return age(instance, self.context["now_epoch"])


class AstronautFields(SharedSerializer):
    """What every astronaut level shares. An astronaut whose planned launch (or landing) has
    come since its statistics were stored is computed for this response, once, and stored by
    ``hangar refresh``."""

    abstract = True
    model = models.Astronaut
    url = ResourceUrlField("astronauts")
    status = AstronautStatus(read_only=True)
    agency = AgencyMini(read_only=True, allow_null=True)
    image = Image(read_only=True, allow_null=True)

    def to_representation(self, instance):
        now_epoch = self.context.get("now_epoch")
        if now_epoch is not None and stats.is_stale(instance, now_epoch):
            computed = self.context.setdefault("astronauts_as_of", {})
            if instance.pk not in computed:
                computed[instance.pk] = stats.as_of(instance, now_epoch)
            instance = computed[instance.pk]
        return super().to_representation(instance)


class AstronautNormal(AstronautFields):
    pass


class AstronautDetailed(AstronautFields):
    """The ``list`` level of the endpoint, and the astronaut every crew nests."""

    response_mode = ResponseModeField()
    type = AstronautType(read_only=True)
    time_in_space = LiveDurationField("time_in_space_s", "open_flights")
    # Never null in the document: no spacewalk is no time.
    eva_time = DurationField(source="eva_time_s", null_as=0)
    age = AgeField()
    nationality = Country(many=True, read_only=True, source="nationality_list")
    social_media_links = SocialMediaLink(many=True, read_only=True, source="social_media_list")


class AstronautFlight(SchemaSerializer):
    """A seat as a crew lists it; the instance is the crew table's row (see the module)."""

    id = serializers.IntegerField(source="seat_id", read_only=True)
    role = AstronautRole(source="seat.role", read_only=True)
    astronaut = AstronautDetailed(source="seat.astronaut", read_only=True)
