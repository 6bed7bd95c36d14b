"""Records edited with their parts: a spacecraft with its flights, a flight with the dockings
it made as the chaser. A part's times and places are edited in the row and it may be deleted
there; what it refers to (its launch, a docking's target) is shown with the row, read in the
part's own query, and changed on the part's own page, where it is picked by search or id. So a
spacecraft with a hundred flights is one query for its flights, not one per reference."""

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
    references: tuple[str, ...] = ()

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.references)

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # a new part is added on its own page, with its upstream id


class FlightInline(PartInline):
    model = SpacecraftFlight
    fk_name = "spacecraft"
    fields = ("id", "launch", "landing", "destination", "mission_end", "duration_s")
    references = ("launch", "landing")
    readonly_fields = ("id", *references, *computed_fields(SpacecraftFlight))


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
    references = ("docking_location", "space_station_target", "flight_vehicle_target")
    readonly_fields = ("id", *references)


# The parts each model is edited with.
INLINES = {
    "catalog.spacecraft": (FlightInline,),
    "catalog.spacecraftflight": (DockingInline,),
}
