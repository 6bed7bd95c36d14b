"""Payloads (a satellite, a probe) and their flights: one payload carried on one launch."""

from django.db import models

from hangar.agencies.models import Agency
from hangar.core.lookups import NamedLookup
from hangar.images.models import Image
from hangar.landings.models import Landing
from hangar.launches.models import Launch
from hangar.programs.models import Program


class PayloadType(NamedLookup):
    pass


class Payload(models.Model):
    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=1048, db_index=True)
    type = models.ForeignKey(PayloadType, on_delete=models.PROTECT, related_name="payloads")
    manufacturer = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    operator = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    image = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    wiki_link = models.URLField(blank=True, default="")
    info_link = models.URLField(blank=True, default="")
    program = models.ManyToManyField(Program, blank=True, related_name="payloads")
    cost = models.BigIntegerField(null=True, blank=True)
    mass = models.FloatField(null=True, blank=True)
    description = models.CharField(max_length=2048, blank=True, default="")

    class Meta:
        app_label = "catalog"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class PayloadFlight(models.Model):
    id = models.IntegerField(primary_key=True)
    # Free text in LL2 ("Low Earth Orbit", "ISS").
    destination = models.CharField(max_length=255, null=True, blank=True)
    amount = models.IntegerField(default=1)  # identical payloads on the flight
    payload = models.ForeignKey(Payload, on_delete=models.PROTECT, related_name="flights")
    launch = models.ForeignKey(Launch, on_delete=models.PROTECT, related_name="payload_flights")
    landing = models.OneToOneField(
        Landing, null=True, blank=True, on_delete=models.SET_NULL, related_name="payloadflight"
    )

    class Meta:
        app_label = "catalog"
        ordering = ["id"]
