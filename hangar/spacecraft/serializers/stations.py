"""Space stations and docking locations, served from their tables.

What a station holds at an instant (its active expeditions, the crew aboard, the vehicles docked
at its ports) is served by the endpoint serializers of ``station_endpoints.py``, which nest the
people domain; the levels here do not, so that the people domain can nest a station."""

from hangar.agencies.serializers import AgencyNormal
from hangar.core.fields import ResourceUrlField
from hangar.core.serializers import SchemaSerializer, SharedSerializer
from hangar.images.serializers import Image
from hangar.payloads.serializers.payloads import PayloadMini
from hangar.spacecraft import models
from hangar.spacecraft.serializers.configs import SpacecraftConfigNormal


class SpaceStationStatus(SchemaSerializer):
    model = models.SpaceStationStatus


class SpaceStationType(SchemaSerializer):
    model = models.SpaceStationType


class SpaceStationMini(SharedSerializer):
    model = models.SpaceStation
    url = ResourceUrlField("space_stations")
    image = Image(read_only=True, allow_null=True)


class SpaceStationNormal(SpaceStationMini):
    status = SpaceStationStatus(read_only=True)
    type = SpaceStationType(read_only=True)


class SpaceStationDetailed(SpaceStationNormal):
    owners = AgencyNormal(many=True, read_only=True, source="owner_list")


class DockingLocation(SharedSerializer):
    """A docking port, with the one station, spacecraft configuration or payload it belongs to
    (the others null: see ``hangar.ll2.corrections.ONE_OF_GROUPS``)."""

    model = models.DockingLocation
    spacestation = SpaceStationMini(read_only=True, allow_null=True)
    spacecraft = SpacecraftConfigNormal(read_only=True, allow_null=True)
    payload = PayloadMini(read_only=True, allow_null=True)
