"""The station as ``space_stations/`` serves it, with its active expeditions: apart from
``inputs.py`` because the people domain, whose expeditions nest stations, builds on that
module."""

from hangar.people.inputs_expeditions import ExpeditionIn
from hangar.spacecraft.inputs import SpaceStationIn


class SpaceStationEndpointIn(SpaceStationIn):
    """``SpaceStationEndpoint`` and ``SpaceStationDetailedEndpoint``: the station's expeditions
    active when LL2 answered (``ExpeditionMini``, without their station, which is this one)."""

    active_expeditions = ExpeditionIn(many=True, required=False)
