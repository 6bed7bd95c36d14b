"""Launches, their missions, rockets and first stages, and what LL2 attaches to them: video and
info links, timelines, updates.

A launch's ``*_launch_attempt_count*`` figures and ``pad_turnaround_s`` are computed from the
launches Hangar holds (``stats.py``) and stored, so that filtering and ordering by them is one
query. Durations are stored as whole seconds (``*_s``). Links and timeline events have no
upstream id: they are rows of their launch (or mission), kept in the order LL2 gives them
(``position``) and replaced with it."""

from django.db import models

from hangar.agencies.models import Agency
from hangar.core.lookups import NamedLookup
from hangar.images.models import Image
from hangar.landings.models import Landing
from hangar.launchers.models import Launcher, LauncherConfig
from hangar.places.models import CelestialBody, Pad
from hangar.programs.models import MissionPatch, Program


class LaunchStatus(NamedLookup):
    abbrev = models.CharField(max_length=255, blank=True, default="")
    description = models.CharField(max_length=2048, blank=True, default="")

    class Meta(NamedLookup.Meta):
        app_label = "catalog"
        verbose_name_plural = "launch statuses"


class NetPrecision(NamedLookup):
    abbrev = models.CharField(max_length=255, blank=True, default="")
    description = models.CharField(max_length=2048, blank=True, default="")


class MissionType(NamedLookup):
    pass


class NoticeType(NamedLookup):
    """A kind of notice to mariners or airmen about a launch site (the Starship dashboard)."""


class RoadClosureStatus(NamedLookup):
    class Meta(NamedLookup.Meta):
        app_label = "catalog"
        verbose_name_plural = "road closure statuses"


class Orbit(models.Model):
    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=50, db_index=True)
    abbrev = models.CharField(max_length=30, blank=True, default="")
    celestial_body = models.ForeignKey(
        CelestialBody, on_delete=models.PROTECT, related_name="orbits"
    )

    class Meta:
        app_label = "catalog"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class Mission(models.Model):
    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255, db_index=True)
    # LL2 serves the mission type by name (``config/mission_types`` lists them).
    type = models.CharField(max_length=255, blank=True, default="")
    description = models.TextField(blank=True, default="")
    image = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    orbit = models.ForeignKey(Orbit, on_delete=models.PROTECT, related_name="missions")
    agencies = models.ManyToManyField(Agency, blank=True, related_name="missions")

    class Meta:
        app_label = "catalog"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class Rocket(models.Model):
    """The vehicle of one launch: its configuration, first stages (``launcher_stage``), and the
    spacecraft and payloads it carries (their flights point at the launch)."""

    id = models.IntegerField(primary_key=True)
    configuration = models.ForeignKey(
        LauncherConfig, on_delete=models.PROTECT, related_name="rockets"
    )

    class Meta:
        app_label = "catalog"
        ordering = ["id"]


class Launch(models.Model):
    id = models.UUIDField(primary_key=True)
    name = models.CharField(max_length=2048, db_index=True)
    slug = models.SlugField(max_length=2048, blank=True, default="")
    launch_designator = models.CharField(max_length=255, null=True, blank=True)
    status = models.ForeignKey(
        LaunchStatus, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    last_updated = models.DateTimeField()
    net = models.DateTimeField(db_index=True)
    net_precision = models.ForeignKey(
        NetPrecision, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    window_end = models.DateTimeField()
    window_start = models.DateTimeField()
    image = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    infographic = models.CharField(max_length=1024, null=True, blank=True)
    probability = models.IntegerField(null=True, blank=True)
    weather_concerns = models.CharField(max_length=255, null=True, blank=True)
    failreason = models.CharField(max_length=2048, null=True, blank=True)
    hashtag = models.CharField(max_length=2048, null=True, blank=True)
    launch_service_provider = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="launches"
    )
    rocket = models.OneToOneField(
        Rocket, null=True, blank=True, on_delete=models.SET_NULL, related_name="launch"
    )
    mission = models.ForeignKey(
        Mission, null=True, blank=True, on_delete=models.SET_NULL, related_name="launches"
    )
    pad = models.ForeignKey(
        Pad, null=True, blank=True, on_delete=models.PROTECT, related_name="launches"
    )
    webcast_live = models.BooleanField(default=False)
    program = models.ManyToManyField(Program, blank=True, related_name="launches")
    orbital_launch_attempt_count = models.IntegerField(null=True, blank=True)
    location_launch_attempt_count = models.IntegerField(null=True, blank=True)
    pad_launch_attempt_count = models.IntegerField(null=True, blank=True)
    agency_launch_attempt_count = models.IntegerField(null=True, blank=True)
    orbital_launch_attempt_count_year = models.IntegerField(null=True, blank=True)
    location_launch_attempt_count_year = models.IntegerField(null=True, blank=True)
    pad_launch_attempt_count_year = models.IntegerField(null=True, blank=True)
    agency_launch_attempt_count_year = models.IntegerField(null=True, blank=True)
    flightclub_url = models.URLField(null=True, blank=True)
    pad_turnaround_s = models.BigIntegerField(null=True, blank=True)
    mission_patches = models.ManyToManyField(MissionPatch, blank=True, related_name="launches")
    # The upstream document of a launch stored before launches were relational: read once by
    # the upgrade step (``hangar.ingest.upgrade``) into the tables, then emptied.
    document = models.JSONField(default=dict, blank=True)

    class Meta:
        app_label = "catalog"
        ordering = ["net", "id"]
        verbose_name_plural = "launches"
        indexes = [models.Index(fields=["net", "name", "id"], name="launch_net_name_id")]

    def __str__(self) -> str:
        return self.name


class FirstStageType(NamedLookup):
    pass


class FirstStage(models.Model):
    """A booster (``launcher``) flown as a first stage of a launch's rocket. Its place in the
    booster's history (``launcher_flight_number``, ``previous_flight``, ``turn_around_time_s``)
    is computed from the launches Hangar holds, else kept as imported."""

    id = models.IntegerField(primary_key=True)
    rocket = models.ForeignKey(Rocket, on_delete=models.CASCADE, related_name="launcher_stage")
    # LL2 serves the stage type by name ("Core", "Booster"; ``config/first_stage_types``).
    type = models.CharField(max_length=255, blank=True, default="")
    reused = models.BooleanField(null=True, blank=True)
    launcher_flight_number = models.IntegerField(null=True, blank=True)
    launcher = models.ForeignKey(Launcher, on_delete=models.PROTECT, related_name="stages")
    landing = models.OneToOneField(
        Landing, null=True, blank=True, on_delete=models.SET_NULL, related_name="firststage"
    )
    previous_flight = models.ForeignKey(
        Launch, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    previous_flight_date = models.DateTimeField(null=True, blank=True)
    turn_around_time_s = models.BigIntegerField(null=True, blank=True)

    class Meta:
        app_label = "catalog"
        ordering = ["id"]


class Language(NamedLookup):
    code = models.CharField(max_length=255, blank=True, default="")


class InfoURLType(NamedLookup):
    class Meta(NamedLookup.Meta):
        app_label = "catalog"
        verbose_name = "info url type"


class VidURLType(NamedLookup):
    class Meta(NamedLookup.Meta):
        app_label = "catalog"
        verbose_name = "video url type"


class Link(models.Model):
    """What info and video links share: the launch, mission or event they belong to, in
    order."""

    launch = models.ForeignKey(
        Launch, null=True, blank=True, on_delete=models.CASCADE, related_name="%(class)s_set"
    )
    mission = models.ForeignKey(
        Mission, null=True, blank=True, on_delete=models.CASCADE, related_name="%(class)s_set"
    )
    event = models.ForeignKey(
        "catalog.Event",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="%(class)s_set",
    )
    position = models.PositiveIntegerField(default=0)
    priority = models.IntegerField(default=0)
    source = models.CharField(max_length=200, null=True, blank=True)
    title = models.CharField(max_length=200, null=True, blank=True)
    description = models.CharField(max_length=350, null=True, blank=True)
    feature_image = models.URLField(max_length=1024, null=True, blank=True)
    url = models.URLField(max_length=1024)
    language = models.ForeignKey(
        Language, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        app_label = "catalog"
        abstract = True
        ordering = ["position", "id"]


class InfoURL(Link):
    type = models.ForeignKey(
        InfoURLType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta(Link.Meta):
        verbose_name = "info url"


class VidURL(Link):
    publisher = models.CharField(max_length=255, null=True, blank=True)
    type = models.ForeignKey(
        VidURLType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    start_time = models.DateTimeField(null=True, blank=True)
    end_time = models.DateTimeField(null=True, blank=True)
    live = models.BooleanField(default=False)

    class Meta(Link.Meta):
        verbose_name = "video url"


class TimelineEventType(models.Model):
    id = models.IntegerField(primary_key=True)
    abbrev = models.CharField(max_length=255)
    description = models.CharField(max_length=2048, blank=True, default="")

    class Meta:
        app_label = "catalog"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.abbrev


class TimelineEvent(models.Model):
    launch = models.ForeignKey(Launch, on_delete=models.CASCADE, related_name="timeline")
    position = models.PositiveIntegerField(default=0)
    type = models.ForeignKey(
        TimelineEventType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # As LL2 gives it: an ISO 8601 duration from liftoff, negative before it ("-PT1H").
    relative_time = models.CharField(max_length=64, null=True, blank=True)

    class Meta:
        app_label = "catalog"
        ordering = ["position", "id"]


class Update(models.Model):
    """A news item about a launch, a program or an event."""

    id = models.IntegerField(primary_key=True)
    profile_image = models.URLField(max_length=1024, null=True, blank=True)
    comment = models.CharField(max_length=40000, null=True, blank=True)
    info_url = models.URLField(null=True, blank=True)
    created_by = models.CharField(max_length=255, null=True, blank=True)
    created_on = models.DateTimeField(db_index=True)
    launch = models.ForeignKey(
        Launch, null=True, blank=True, on_delete=models.CASCADE, related_name="updates"
    )
    program = models.ForeignKey(
        Program, null=True, blank=True, on_delete=models.CASCADE, related_name="updates"
    )
    event = models.ForeignKey(
        "catalog.Event", null=True, blank=True, on_delete=models.CASCADE, related_name="updates"
    )

    class Meta:
        app_label = "catalog"
        ordering = ["-created_on", "-id"]

    def __str__(self) -> str:
        return f"update {self.pk}"
