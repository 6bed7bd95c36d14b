"""The spacecraft domain of Launch Library 2, stored relationally.

Primary keys are the upstream ids, so imports and syncs upsert in place and every ``url`` Hangar
builds names the same record as LL2's. Durations are stored as whole seconds (``*_s``): integer
arithmetic lets the database order by values that grow with time (see ``queries.py``)."""

from django.db import models
from django.db.models import Q

from hangar.agencies.models import Agency
from hangar.core.lookups import NamedLookup
from hangar.images.models import Image
from hangar.landings.models import Landing
from hangar.launches.models import Launch
from hangar.payloads.models import Payload, PayloadFlight


class SpacecraftStatus(NamedLookup):
    class Meta(NamedLookup.Meta):
        app_label = "catalog"
        verbose_name_plural = "spacecraft statuses"


class SpacecraftConfigType(NamedLookup):
    class Meta(NamedLookup.Meta):
        app_label = "catalog"
        verbose_name = "spacecraft configuration type"


class ConfigStatistics(models.Model):
    """Launch and landing figures shared by configurations and families, computed from the
    flights of their spacecraft when Hangar holds them, else as imported."""

    spacecraft_flown = models.IntegerField(null=True, blank=True)
    total_launch_count = models.IntegerField(null=True, blank=True)
    successful_launches = models.IntegerField(null=True, blank=True)
    failed_launches = models.IntegerField(null=True, blank=True)
    attempted_landings = models.IntegerField(null=True, blank=True)
    successful_landings = models.IntegerField(null=True, blank=True)
    failed_landings = models.IntegerField(null=True, blank=True)

    class Meta:
        app_label = "catalog"
        abstract = True


class SpacecraftConfigFamily(ConfigStatistics):
    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=200, db_index=True)
    description = models.CharField(max_length=2048, blank=True, default="")
    manufacturer = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="families")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    maiden_flight = models.DateField(null=True, blank=True)

    class Meta:
        app_label = "catalog"
        ordering = ["id"]
        verbose_name_plural = "spacecraft configuration families"

    def __str__(self) -> str:
        return self.name


class SpacecraftConfig(ConfigStatistics):
    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=200, db_index=True)
    type = models.ForeignKey(SpacecraftConfigType, on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="spacecraft_configs")
    families = models.ManyToManyField(SpacecraftConfigFamily, blank=True, related_name="configs")
    in_use = models.BooleanField(default=True)
    image = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    capability = models.CharField(max_length=2048, blank=True, default="")
    history = models.CharField(max_length=1000, blank=True, default="")
    details = models.CharField(max_length=1000, blank=True, default="")
    maiden_flight = models.DateField(null=True, blank=True)
    height = models.FloatField(null=True, blank=True)
    diameter = models.FloatField(null=True, blank=True)
    human_rated = models.BooleanField(default=False)
    crew_capacity = models.IntegerField(null=True, blank=True)
    payload_capacity = models.IntegerField(null=True, blank=True)
    payload_return_capacity = models.IntegerField(null=True, blank=True)
    flight_life = models.CharField(max_length=2048, null=True, blank=True)
    wiki_link = models.CharField(max_length=200, blank=True, default="")
    info_link = models.CharField(max_length=200, blank=True, default="")
    fastest_turnaround_s = models.BigIntegerField(null=True, blank=True)

    class Meta:
        app_label = "catalog"
        ordering = ["id"]
        verbose_name = "spacecraft configuration"

    def __str__(self) -> str:
        return self.name


class Spacecraft(models.Model):
    """A spacecraft. Its statistics are stored so that ordering by them is one query.

    ``time_in_space_s`` and ``time_docked_s`` hold the values at ``stats_as_of`` (epoch seconds);
    each grows by ``open_flights`` (resp. ``open_dockings``) seconds per second after that.
    ``stats_due_at`` is the next instant at which a planned flight launches and the stored values
    must be recomputed. ``has_flight_data``/``has_docking_data`` say whether Hangar holds the
    flights (docking events) to compute from; without them the imported values are kept.
    """

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255, db_index=True)
    serial_number = models.CharField(max_length=255, null=True, blank=True)
    is_placeholder = models.BooleanField(default=False)
    image = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.ForeignKey(SpacecraftStatus, on_delete=models.PROTECT, related_name="+")
    description = models.CharField(max_length=2048, blank=True, default="")
    spacecraft_config = models.ForeignKey(
        SpacecraftConfig, on_delete=models.PROTECT, related_name="spacecraft"
    )

    in_space = models.BooleanField(default=False)
    time_in_space_s = models.BigIntegerField(null=True, blank=True)
    time_docked_s = models.BigIntegerField(null=True, blank=True)
    flights_count = models.IntegerField(null=True, blank=True)
    mission_ends_count = models.IntegerField(null=True, blank=True)
    fastest_turnaround_s = models.BigIntegerField(null=True, blank=True)
    open_flights = models.PositiveSmallIntegerField(default=0)
    open_dockings = models.PositiveSmallIntegerField(default=0)
    stats_as_of = models.BigIntegerField(default=0)
    stats_due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    has_flight_data = models.BooleanField(default=False)
    has_docking_data = models.BooleanField(default=False)

    class Meta:
        app_label = "catalog"
        ordering = ["id"]
        verbose_name_plural = "spacecraft"
        indexes = [
            models.Index(fields=["flights_count", "id"], name="spacecraft_flights_count"),
            models.Index(fields=["mission_ends_count", "id"], name="spacecraft_mission_ends"),
            models.Index(fields=["time_in_space_s", "id"], name="spacecraft_time_in_space"),
            models.Index(fields=["time_docked_s", "id"], name="spacecraft_time_docked"),
            # ``ordering=-time_in_space`` (nulls first, then ``id`` ascending) and its reverse,
            # read for the spacecraft with nothing open (``queries.first_rows_by_live_durations``)
            models.Index(fields=["-time_in_space_s", "id"], name="spacecraft_time_in_space_desc"),
            models.Index(fields=["-time_docked_s", "id"], name="spacecraft_time_docked_desc"),
            # The few spacecraft whose time in space (docked) grows, with what its value now
            # is computed from, so that they are ordered from the index alone
            models.Index(
                fields=["id"],
                include=["open_flights", "time_in_space_s", "stats_as_of"],
                condition=Q(open_flights__gt=0),
                name="spacecraft_open_flights",
            ),
            models.Index(
                fields=["id"],
                include=["open_dockings", "time_docked_s", "stats_as_of"],
                condition=Q(open_dockings__gt=0),
                name="spacecraft_open_dockings",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class SpacecraftFlight(models.Model):
    """One flight of a spacecraft on a launch; ``duration_s`` and ``turn_around_time_s`` are
    computed from the flights (``stats.py``)."""

    id = models.IntegerField(primary_key=True)
    spacecraft = models.ForeignKey(Spacecraft, on_delete=models.CASCADE, related_name="flights")
    launch = models.ForeignKey(Launch, on_delete=models.PROTECT, related_name="spacecraft_flights")
    landing = models.OneToOneField(
        Landing, null=True, blank=True, on_delete=models.SET_NULL, related_name="spacecraft_flight"
    )
    destination = models.CharField(max_length=255, null=True, blank=True)
    mission_end = models.DateTimeField(null=True, blank=True)
    duration_s = models.BigIntegerField(null=True, blank=True)
    turn_around_time_s = models.BigIntegerField(null=True, blank=True)
    # Crews: seats of the people domain, in LL2's order.
    launch_crew = models.ManyToManyField(
        "catalog.AstronautFlight",
        through="catalog.LaunchCrewMember",
        blank=True,
        related_name="launch_crew_flights",
    )
    onboard_crew = models.ManyToManyField(
        "catalog.AstronautFlight",
        through="catalog.OnboardCrewMember",
        blank=True,
        related_name="onboard_crew_flights",
    )
    landing_crew = models.ManyToManyField(
        "catalog.AstronautFlight",
        through="catalog.LandingCrewMember",
        blank=True,
        related_name="landing_crew_flights",
    )
    # Crews stored as upstream documents before people were relational: read once by the
    # upgrade step (``hangar.ingest.upgrade``), then emptied.
    legacy_launch_crew = models.JSONField(default=list, blank=True)
    legacy_onboard_crew = models.JSONField(default=list, blank=True)
    legacy_landing_crew = models.JSONField(default=list, blank=True)

    class Meta:
        app_label = "catalog"
        ordering = ["id"]


class SpaceStationStatus(NamedLookup):
    class Meta(NamedLookup.Meta):
        app_label = "catalog"
        verbose_name_plural = "space station statuses"


class SpaceStationType(NamedLookup):
    pass


class SpaceStation(models.Model):
    """A space station. What it holds at an instant (active expeditions, docked vehicles, the
    crew aboard) is computed from the expeditions and docking events Hangar holds."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255, db_index=True)
    image = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Never null in the official document: a station the catalog does not hold yet is imported
    # only from a level that gives them (not ``SpaceStationMini``).
    status = models.ForeignKey(SpaceStationStatus, on_delete=models.PROTECT, related_name="+")
    type = models.ForeignKey(SpaceStationType, on_delete=models.PROTECT, related_name="+")
    founded = models.DateField()
    deorbited = models.DateField(null=True, blank=True)
    description = models.TextField(blank=True, default="")
    orbit = models.CharField(max_length=255, null=True, blank=True)
    owners = models.ManyToManyField(Agency, blank=True, related_name="space_stations")
    height = models.FloatField(null=True, blank=True)
    width = models.FloatField(null=True, blank=True)
    mass = models.FloatField(null=True, blank=True)
    volume = models.IntegerField(null=True, blank=True)
    # As imported: served for a station whose expeditions (docking events) Hangar does not
    # hold; otherwise computed.
    onboard_crew = models.IntegerField(null=True, blank=True)
    docked_vehicles = models.IntegerField(null=True, blank=True)
    # The document an earlier Hangar stored: read once by the upgrade step, then emptied.
    legacy_document = models.JSONField(null=True, blank=True)

    class Meta:
        app_label = "catalog"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class DockingLocation(NamedLookup):
    """A docking port: of a station, or of a spacecraft configuration or payload."""

    spacestation = models.ForeignKey(
        SpaceStation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="docking_locations",
    )
    spacecraft = models.ForeignKey(
        SpacecraftConfig,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="docking_locations",
    )
    payload = models.ForeignKey(
        Payload,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="docking_locations",
    )
    # The document an earlier Hangar stored: read once by the upgrade step, then emptied.
    legacy_document = models.JSONField(null=True, blank=True)


class DockingEvent(models.Model):
    """A docking: a chaser (a spacecraft flight, a station or a payload flight) docks with a
    target."""

    id = models.IntegerField(primary_key=True)
    flight_vehicle_chaser = models.ForeignKey(
        SpacecraftFlight,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="docking_events",
    )
    docking = models.DateTimeField(db_index=True)
    departure = models.DateTimeField(null=True, blank=True, db_index=True)
    docking_location = models.ForeignKey(
        DockingLocation, on_delete=models.PROTECT, related_name="events"
    )
    space_station_target = models.ForeignKey(
        SpaceStation, null=True, blank=True, on_delete=models.PROTECT, related_name="docking_events"
    )
    flight_vehicle_target = models.ForeignKey(
        SpacecraftFlight,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="docked_by",
    )
    payload_flight_target = models.ForeignKey(
        PayloadFlight, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    space_station_chaser = models.ForeignKey(
        SpaceStation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    payload_flight_chaser = models.ForeignKey(
        PayloadFlight,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="docking_events",
    )
    # Payload flights stored as upstream documents before payloads were relational: read once
    # by the upgrade step (``hangar.ingest.upgrade``), then emptied.
    legacy_payload_flight_target = models.JSONField(null=True, blank=True)
    legacy_payload_flight_chaser = models.JSONField(null=True, blank=True)

    class Meta:
        app_label = "catalog"
        ordering = ["id"]
