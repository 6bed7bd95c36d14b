"""Landings (of first stages, spacecraft and payloads), their types, and landing locations."""

from django.db import models

from hangar.core.lookups import NamedLookup
from hangar.images.models import Image
from hangar.places.models import CelestialBody, Location


class LandingType(NamedLookup):
    abbrev = models.CharField(max_length=255, blank=True, default="")
    description = models.CharField(max_length=2048, null=True, blank=True)


class LandingLocation(models.Model):
    """Where landings happen (a drone ship, a landing zone, a recovery area). Its landing
    figures are computed from the landings Hangar holds, else kept as imported."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255, db_index=True)
    active = models.BooleanField(default=True)
    abbrev = models.CharField(max_length=255, blank=True, default="")
    description = models.CharField(max_length=2048, null=True, blank=True)
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.PROTECT, related_name="landing_locations"
    )
    longitude = models.FloatField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    image = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    successful_landings = models.IntegerField(null=True, blank=True)
    attempted_landings = models.IntegerField(null=True, blank=True)
    failed_landings = models.IntegerField(null=True, blank=True)
    celestial_body = models.ForeignKey(
        CelestialBody, on_delete=models.PROTECT, related_name="landing_locations"
    )
    # The upstream document of a landing location stored before locations were relational:
    # read once by the upgrade step (``hangar.ingest.upgrade``), then emptied.
    legacy_document = models.JSONField(default=dict, blank=True)

    class Meta:
        app_label = "catalog"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class Landing(models.Model):
    id = models.IntegerField(primary_key=True)
    attempt = models.BooleanField(default=False)
    success = models.BooleanField(null=True, blank=True)
    description = models.CharField(max_length=2048, blank=True, default="")
    downrange_distance = models.FloatField(null=True, blank=True)
    landing_location = models.ForeignKey(
        LandingLocation, on_delete=models.PROTECT, related_name="landings"
    )
    type = models.ForeignKey(LandingType, on_delete=models.PROTECT, related_name="landings")

    class Meta:
        app_label = "catalog"
        ordering = ["id"]
