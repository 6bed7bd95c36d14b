"""The ``config/`` lookups of the spacecraft domain, one row each."""

from dataclasses import replace

from hangar.core.lookups import lookup
from hangar.core.registry import Mode, register
from hangar.spacecraft import collect, inputs, models, queries
from hangar.spacecraft.serializers.configs import SpacecraftConfigType
from hangar.spacecraft.serializers.spacecraft import SpacecraftStatus
from hangar.spacecraft.serializers.stations import DockingLocation, SpaceStationStatus

register(
    lookup(
        "config/spacecraft_statuses/",
        models.SpacecraftStatus,
        SpacecraftStatus,
        inputs.SpacecraftStatusIn,
    ),
    lookup(
        "config/spacecraft_configuration_types/",
        models.SpacecraftConfigType,
        SpacecraftConfigType,
        inputs.SpacecraftConfigTypeIn,
    ),
    lookup(
        "config/space_station_statuses/",
        models.SpaceStationStatus,
        SpaceStationStatus,
        inputs.SpaceStationStatusIn,
    ),
    # A port nests what it belongs to (a station, a spacecraft configuration or a payload),
    # which its own query loads.
    replace(
        lookup(
            "config/docking_locations/",
            models.DockingLocation,
            DockingLocation,
            inputs.DockingLocationIn,
            collect=collect.docking_location,
        ),
        modes={"normal": Mode(DockingLocation, queries.docking_locations)},
    ),
)
