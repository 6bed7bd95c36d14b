"""The ``config/`` lookups of the spacecraft domain, one row each."""

from hangar.core.lookups import lookup
from hangar.core.registry import register
from hangar.spacecraft import collect, inputs, models
from hangar.spacecraft.serializers.configs import SpacecraftConfigType
from hangar.spacecraft.serializers.spacecraft import SpacecraftStatus
from hangar.spacecraft.serializers.stations import DockingLocation

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
        "config/docking_locations/",
        models.DockingLocation,
        DockingLocation,
        inputs.DockingLocationIn,
        collect=collect.docking_location,
    ),
)
