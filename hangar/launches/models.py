"""Launches, as far as Hangar holds them today: the upstream document, and the few columns the
spacecraft statistics are computed from (``net`` and the status)."""

from django.db import models

from hangar.core.lookups import NamedLookup


class LaunchStatus(NamedLookup):
    abbrev = models.CharField(max_length=255, blank=True, default="")
    description = models.CharField(max_length=2048, blank=True, default="")

    class Meta(NamedLookup.Meta):
        app_label = "catalog"
        verbose_name_plural = "launch statuses"


class Launch(models.Model):
    """A launch of the launches domain: the upstream document plus what Hangar computes from."""

    id = models.UUIDField(primary_key=True)
    name = models.CharField(max_length=2048, blank=True, default="")
    net = models.DateTimeField(null=True, blank=True, db_index=True)
    status = models.ForeignKey(
        LaunchStatus, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    document = models.JSONField(default=dict)

    class Meta:
        app_label = "catalog"
        ordering = ["net", "id"]
        verbose_name_plural = "launches"

    def __str__(self) -> str:
        return self.name
