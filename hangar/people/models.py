"""Astronauts, the seats they fly in (crews), expeditions aboard stations and spacewalks.

A seat (``AstronautFlight``: an astronaut in a role) is LL2's unit of crew: spacecraft flights
list seats in their launch, onboard and landing crews, expeditions and spacewalks in their crew.
Each list keeps LL2's order (``position`` in its table). An astronaut's statistics are computed
from the crews Hangar holds (``stats.py``) and stored, so that ordering by them is one query;
``time_in_space_s`` holds the value at ``stats_as_of`` (epoch seconds) and grows by
``open_flights`` seconds a second (one while the astronaut is up)."""

from django.db import models

from hangar.agencies.models import Agency, Country
from hangar.core.lookups import NamedLookup
from hangar.images.models import Image
from hangar.programs.models import MissionPatch, Program
from hangar.spacecraft.models import SpacecraftFlight, SpaceStation


class AstronautStatus(NamedLookup):
    class Meta(NamedLookup.Meta):
        app_label = "catalog"
        verbose_name_plural = "astronaut statuses"


class AstronautType(NamedLookup):
    pass


class AstronautRole(models.Model):
    id = models.IntegerField(primary_key=True)
    role = models.CharField(max_length=255)
    priority = models.IntegerField(default=0)

    class Meta:
        app_label = "catalog"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.role


class SocialMedia(models.Model):
    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255, blank=True, default="")
    url = models.URLField(max_length=1024, null=True, blank=True)
    logo = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        app_label = "catalog"
        ordering = ["id"]
        verbose_name_plural = "social media"

    def __str__(self) -> str:
        return self.name


class Astronaut(models.Model):
    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255, db_index=True)
    status = models.ForeignKey(AstronautStatus, on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="astronauts"
    )
    image = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    type = models.ForeignKey(AstronautType, on_delete=models.PROTECT, related_name="+")
    date_of_birth = models.DateField(null=True, blank=True, db_index=True)
    date_of_death = models.DateField(null=True, blank=True)
    nationality = models.ManyToManyField(Country, blank=True, related_name="astronauts")
    bio = models.TextField(blank=True, default="")
    wiki = models.URLField(max_length=1024, null=True, blank=True)

    # Statistics (``stats.py``).
    in_space = models.BooleanField(default=False)
    time_in_space_s = models.BigIntegerField(null=True, blank=True)
    eva_time_s = models.BigIntegerField(null=True, blank=True)
    flights_count = models.IntegerField(null=True, blank=True)
    landings_count = models.IntegerField(null=True, blank=True)
    spacewalks_count = models.IntegerField(null=True, blank=True)
    first_flight = models.DateTimeField(null=True, blank=True)
    last_flight = models.DateTimeField(null=True, blank=True)
    stats_as_of = models.BigIntegerField(default=0)
    # Flights without a matching landing: each adds a second a second to ``time_in_space_s``.
    open_flights = models.IntegerField(default=0)
    # The next instant a crewed launch of the astronaut falls due: the figures change then.
    stats_due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # Whether Hangar holds the astronaut's crews to compute from; without them the imported
    # figures are kept.
    has_flight_data = models.BooleanField(default=False)

    class Meta:
        app_label = "catalog"
        ordering = ["id"]
        indexes = [
            models.Index(fields=["time_in_space_s", "id"], name="astronaut_time_in_space"),
            models.Index(fields=["flights_count", "id"], name="astronaut_flights_count"),
            models.Index(fields=["last_flight", "id"], name="astronaut_last_flight"),
        ]

    def __str__(self) -> str:
        return self.name


class SocialMediaLink(models.Model):
    id = models.IntegerField(primary_key=True)
    astronaut = models.ForeignKey(
        Astronaut, on_delete=models.CASCADE, related_name="social_media_links"
    )
    social_media = models.ForeignKey(SocialMedia, on_delete=models.PROTECT, related_name="+")
    url = models.URLField(max_length=1024, null=True, blank=True)

    class Meta:
        app_label = "catalog"
        ordering = ["id"]


class AstronautFlight(models.Model):
    """A seat: an astronaut in a role, listed in crews."""

    id = models.IntegerField(primary_key=True)
    role = models.ForeignKey(AstronautRole, on_delete=models.PROTECT, related_name="+")
    astronaut = models.ForeignKey(Astronaut, on_delete=models.CASCADE, related_name="seats")

    class Meta:
        app_label = "catalog"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"seat {self.pk}"


class CrewMember(models.Model):
    """A seat in one ordered crew list; ``position`` keeps LL2's order."""

    seat = models.ForeignKey(AstronautFlight, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        app_label = "catalog"
        abstract = True
        ordering = ["position", "id"]


class LaunchCrewMember(CrewMember):
    flight = models.ForeignKey(
        SpacecraftFlight, on_delete=models.CASCADE, related_name="launch_crew_members"
    )


class OnboardCrewMember(CrewMember):
    flight = models.ForeignKey(
        SpacecraftFlight, on_delete=models.CASCADE, related_name="onboard_crew_members"
    )


class LandingCrewMember(CrewMember):
    flight = models.ForeignKey(
        SpacecraftFlight, on_delete=models.CASCADE, related_name="landing_crew_members"
    )


class Expedition(models.Model):
    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255, db_index=True)
    start = models.DateTimeField(db_index=True)
    end = models.DateTimeField(null=True, blank=True, db_index=True)
    spacestation = models.ForeignKey(
        SpaceStation, on_delete=models.PROTECT, related_name="expeditions"
    )
    mission_patches = models.ManyToManyField(MissionPatch, blank=True, related_name="expeditions")
    crew = models.ManyToManyField(
        AstronautFlight, through="ExpeditionCrewMember", blank=True, related_name="expeditions"
    )

    class Meta:
        app_label = "catalog"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class ExpeditionCrewMember(CrewMember):
    expedition = models.ForeignKey(
        Expedition, on_delete=models.CASCADE, related_name="crew_members"
    )


class Spacewalk(models.Model):
    """An extravehicular activity; ``duration_s`` is ``end`` - ``start`` where both are known,
    else as imported."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255, db_index=True)
    start = models.DateTimeField(null=True, blank=True, db_index=True)
    end = models.DateTimeField(null=True, blank=True)
    duration_s = models.BigIntegerField(null=True, blank=True)
    location = models.CharField(max_length=255, null=True, blank=True)
    crew = models.ManyToManyField(
        AstronautFlight, through="SpacewalkCrewMember", blank=True, related_name="spacewalks"
    )
    spacestation = models.ForeignKey(
        SpaceStation, null=True, blank=True, on_delete=models.SET_NULL, related_name="spacewalks"
    )
    expedition = models.ForeignKey(
        Expedition, null=True, blank=True, on_delete=models.SET_NULL, related_name="spacewalks"
    )
    spacecraft_flight = models.ForeignKey(
        SpacecraftFlight,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="spacewalks",
    )
    event = models.ForeignKey(
        "catalog.Event",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="spacewalks",
    )
    program = models.ManyToManyField(Program, blank=True, related_name="spacewalks")

    class Meta:
        app_label = "catalog"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class SpacewalkCrewMember(CrewMember):
    spacewalk = models.ForeignKey(Spacewalk, on_delete=models.CASCADE, related_name="crew_members")
