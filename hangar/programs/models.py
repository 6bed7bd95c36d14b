"""Programs and mission patches."""

from django.db import models

from hangar.agencies.models import Agency
from hangar.core.lookups import NamedLookup
from hangar.images.models import Image


class ProgramType(NamedLookup):
    pass


class MissionPatch(models.Model):
    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=200, db_index=True)
    priority = models.IntegerField(default=0)
    image_url = models.URLField(max_length=1024)
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="mission_patches"
    )

    class Meta:
        app_label = "catalog"
        ordering = ["id"]
        verbose_name_plural = "mission patches"

    def __str__(self) -> str:
        return self.name


class Program(models.Model):
    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255, db_index=True)
    image = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    info_url = models.URLField(null=True, blank=True)
    wiki_url = models.URLField(null=True, blank=True)
    description = models.CharField(max_length=40000, null=True, blank=True)
    agencies = models.ManyToManyField(Agency, blank=True, related_name="programs")
    start_date = models.DateTimeField(null=True, blank=True)
    end_date = models.DateTimeField(null=True, blank=True)
    mission_patches = models.ManyToManyField(MissionPatch, blank=True, related_name="programs")
    type = models.ForeignKey(ProgramType, on_delete=models.PROTECT, related_name="programs")

    class Meta:
        app_label = "catalog"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name
