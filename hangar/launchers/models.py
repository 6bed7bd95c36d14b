"""Launcher configuration families, configurations (a rocket model: Falcon 9 Block 5) and
launchers (one physical booster: B1062).

Launch and landing figures are stored so that filtering and ordering by them is one query; they
are computed from the launches Hangar holds (``hangar.launches.stats``), else kept as imported.
"""

from django.db import models

from hangar.agencies.models import Agency
from hangar.core.lookups import NamedLookup
from hangar.images.models import Image
from hangar.programs.models import Program


class LaunchFigures(models.Model):
    """The launch and landing figures families and configurations share."""

    total_launch_count = models.IntegerField(null=True, blank=True)
    consecutive_successful_launches = models.IntegerField(null=True, blank=True)
    successful_launches = models.IntegerField(null=True, blank=True)
    failed_launches = models.IntegerField(null=True, blank=True)
    pending_launches = models.IntegerField(null=True, blank=True)
    attempted_landings = models.IntegerField(null=True, blank=True)
    successful_landings = models.IntegerField(null=True, blank=True)
    failed_landings = models.IntegerField(null=True, blank=True)
    consecutive_successful_landings = models.IntegerField(null=True, blank=True)

    class Meta:
        app_label = "catalog"
        abstract = True


class LauncherConfigFamily(LaunchFigures):
    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=200, db_index=True)
    manufacturer = models.ManyToManyField(Agency, blank=True, related_name="launcher_families")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    description = models.CharField(max_length=2048, blank=True, default="")
    active = models.BooleanField(default=True)
    maiden_flight = models.DateField(null=True, blank=True)

    class Meta:
        app_label = "catalog"
        ordering = ["id"]
        verbose_name = "launcher configuration family"
        verbose_name_plural = "launcher configuration families"

    def __str__(self) -> str:
        return self.name


class LauncherConfig(LaunchFigures):
    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=200, db_index=True)
    families = models.ManyToManyField(LauncherConfigFamily, blank=True, related_name="configs")
    full_name = models.CharField(max_length=200, blank=True, default="", db_index=True)
    variant = models.CharField(max_length=200, blank=True, default="")
    active = models.BooleanField(default=True)
    is_placeholder = models.BooleanField(default=False)
    manufacturer = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="launcher_configs"
    )
    program = models.ManyToManyField(Program, blank=True, related_name="launcher_configs")
    reusable = models.BooleanField(default=False)
    image = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    info_url = models.CharField(max_length=200, null=True, blank=True)
    wiki_url = models.CharField(max_length=200, null=True, blank=True)
    description = models.CharField(max_length=2048, blank=True, default="")
    alias = models.CharField(max_length=200, blank=True, default="")
    min_stage = models.IntegerField(null=True, blank=True)
    max_stage = models.IntegerField(null=True, blank=True)
    length = models.FloatField(null=True, blank=True)
    diameter = models.FloatField(null=True, blank=True)
    maiden_flight = models.DateField(null=True, blank=True)
    launch_cost = models.BigIntegerField(null=True, blank=True)
    launch_mass = models.FloatField(null=True, blank=True)
    leo_capacity = models.FloatField(null=True, blank=True)
    gto_capacity = models.FloatField(null=True, blank=True)
    geo_capacity = models.FloatField(null=True, blank=True)
    sso_capacity = models.FloatField(null=True, blank=True)
    to_thrust = models.FloatField(null=True, blank=True)
    apogee = models.FloatField(null=True, blank=True)
    fastest_turnaround_s = models.BigIntegerField(null=True, blank=True)

    class Meta:
        app_label = "catalog"
        ordering = ["id"]
        verbose_name = "launcher configuration"

    def __str__(self) -> str:
        return self.full_name or self.name


class LauncherStatus(NamedLookup):
    class Meta(NamedLookup.Meta):
        app_label = "catalog"
        verbose_name_plural = "launcher statuses"


class Launcher(models.Model):
    """One physical booster, flown on the first stages of launches."""

    id = models.IntegerField(primary_key=True)
    flight_proven = models.BooleanField(default=False)
    serial_number = models.CharField(max_length=10, null=True, blank=True, db_index=True)
    is_placeholder = models.BooleanField(default=False)
    status = models.ForeignKey(
        LauncherStatus, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    image = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    details = models.CharField(max_length=2048, blank=True, default="")
    successful_landings = models.IntegerField(null=True, blank=True)
    attempted_landings = models.IntegerField(null=True, blank=True)
    flights = models.IntegerField(null=True, blank=True)
    last_launch_date = models.DateTimeField(null=True, blank=True)
    first_launch_date = models.DateTimeField(null=True, blank=True)
    fastest_turnaround_s = models.BigIntegerField(null=True, blank=True)
    launcher_config = models.ForeignKey(
        LauncherConfig, null=True, blank=True, on_delete=models.PROTECT, related_name="launchers"
    )

    class Meta:
        app_label = "catalog"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.serial_number or str(self.pk)
