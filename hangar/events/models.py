"""Events: dockings, spacewalks, landings, briefings and other moments of spaceflight that are
not launches, with what they involve. Their info and video links are rows of the launch
domain's link tables (``event``)."""

from django.db import models
from django.utils import timezone

from hangar.agencies.models import Agency
from hangar.core.lookups import NamedLookup
from hangar.images.models import Image
from hangar.launches.models import Launch, NetPrecision
from hangar.people.models import Astronaut, Expedition
from hangar.programs.models import Program
from hangar.spacecraft.models import SpacecraftFlight, SpaceStation


class EventType(NamedLookup):
    pass


class Event(models.Model):
    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255, db_index=True)
    slug = models.SlugField(max_length=255, blank=True, default="")
    type = models.ForeignKey(EventType, on_delete=models.PROTECT, related_name="events")
    description = models.TextField(blank=True, default="")
    webcast_live = models.BooleanField(default=False)
    location = models.CharField(max_length=255, null=True, blank=True)
    date = models.DateTimeField(null=True, blank=True, db_index=True)
    date_precision = models.ForeignKey(
        NetPrecision, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    duration_s = models.BigIntegerField(null=True, blank=True)
    image = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Never null in the document, but the levels other records nest (``EventMini``,
    # ``EventNormal``) do not carry it: an event first seen there counts as updated when it was
    # imported (inferred), until its own record says otherwise.
    last_updated = models.DateTimeField(default=timezone.now, db_index=True)
    agencies = models.ManyToManyField(Agency, blank=True, related_name="events")
    launches = models.ManyToManyField(Launch, blank=True, related_name="events")
    expeditions = models.ManyToManyField(Expedition, blank=True, related_name="events")
    spacestations = models.ManyToManyField(SpaceStation, blank=True, related_name="events")
    program = models.ManyToManyField(Program, blank=True, related_name="events")
    astronauts = models.ManyToManyField(Astronaut, blank=True, related_name="events")
    # Not served by 2.3.0's event components, kept for the spacewalks and dockings they name.
    spacecraft_flights = models.ManyToManyField(SpacecraftFlight, blank=True, related_name="events")

    class Meta:
        app_label = "catalog"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name
