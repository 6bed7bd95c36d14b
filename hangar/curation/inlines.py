"""Records edited with their parts: a spacecraft with its flights, a flight with the dockings
it made as the chaser."""

from __future__ import annotations

from django.contrib import admin
from django.db import models

from hangar.curation.computed import computed_fields
from hangar.spacecraft.models import DockingEvent, SpacecraftFlight


class PartInline(admin.TabularInline):
    extra = 0
    show_change_link = True
    ordering = ("id",)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class FlightInline(PartInline):
    model = SpacecraftFlight
    fk_name = "spacecraft"
    fields = ("id", "launch", "landing", "destination", "mission_end", "duration_s")
    readonly_fields = computed_fields(SpacecraftFlight)
    raw_id_fields = ("launch", "landing")


class DockingInline(PartInline):
    model = DockingEvent
    fk_name = "flight_vehicle_chaser"
    fields = (
        "id",
        "docking",
        "departure",
        "docking_location",
        "space_station_target",
        "flight_vehicle_target",
    )
    raw_id_fields = ("docking_location", "space_station_target", "flight_vehicle_target")


# The parts each model is edited with.
INLINES = {
    "catalog.spacecraft": (FlightInline,),
    "catalog.spacecraftflight": (DockingInline,),
}
