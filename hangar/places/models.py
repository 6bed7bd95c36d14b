"""Celestial bodies, locations (spaceports) and the pads launches leave from.

Launch figures are stored so that filtering and ordering by them is one query; they are computed
from the launches Hangar holds (``hangar.launches.stats``), else kept as imported."""

from django.db import models

from hangar.agencies.models import Agency, Country
from hangar.core.lookups import NamedLookup
from hangar.images.models import Image


class CelestialBodyType(NamedLookup):
    pass


class CelestialBody(models.Model):
    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255, db_index=True)
    type = models.ForeignKey(CelestialBodyType, on_delete=models.PROTECT, related_name="bodies")
    diameter = models.FloatField(null=True, blank=True)
    mass = models.FloatField(null=True, blank=True)
    gravity = models.FloatField(null=True, blank=True)
    length_of_day = models.CharField(max_length=255, null=True, blank=True)
    atmosphere = models.BooleanField(default=False)
    image = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    description = models.CharField(max_length=2048, null=True, blank=True)
    wiki_url = models.URLField(null=True, blank=True)
    total_attempted_launches = models.IntegerField(default=0)
    successful_launches = models.IntegerField(default=0)
    failed_launches = models.IntegerField(default=0)
    total_attempted_landings = models.IntegerField(default=0)
    successful_landings = models.IntegerField(default=0)
    failed_landings = models.IntegerField(default=0)

    class Meta:
        app_label = "catalog"
        ordering = ["id"]
        verbose_name_plural = "celestial bodies"

    def __str__(self) -> str:
        return self.name


class Location(models.Model):
    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255, db_index=True)
    celestial_body = models.ForeignKey(
        CelestialBody, on_delete=models.PROTECT, related_name="locations"
    )
    active = models.BooleanField(default=True)
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    description = models.CharField(max_length=2048, null=True, blank=True)
    image = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    map_image = models.URLField(max_length=1024, null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    timezone_name = models.CharField(max_length=255, blank=True, default="")
    total_launch_count = models.IntegerField(null=True, blank=True)
    total_landing_count = models.IntegerField(null=True, blank=True)

    class Meta:
        app_label = "catalog"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class Pad(models.Model):
    id = models.IntegerField(primary_key=True)
    active = models.BooleanField(default=True)
    agencies = models.ManyToManyField(Agency, blank=True, related_name="pads")
    name = models.CharField(max_length=255, db_index=True)
    image = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    description = models.CharField(max_length=2048, null=True, blank=True)
    info_url = models.URLField(null=True, blank=True)
    wiki_url = models.URLField(null=True, blank=True)
    map_url = models.URLField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    map_image = models.URLField(max_length=1024, null=True, blank=True)
    total_launch_count = models.IntegerField(null=True, blank=True)
    orbital_launch_attempt_count = models.IntegerField(null=True, blank=True)
    fastest_turnaround_s = models.BigIntegerField(null=True, blank=True)
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.PROTECT, related_name="pads"
    )

    class Meta:
        app_label = "catalog"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name
