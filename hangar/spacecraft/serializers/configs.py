"""Spacecraft configurations and their families."""

from hangar.agencies.serializers import AgencyMini, AgencyNormal
from hangar.core.fields import DurationField, ResourceUrlField, ResponseModeField
from hangar.core.serializers import SchemaSerializer, SharedSerializer
from hangar.images.serializers import Image
from hangar.spacecraft import models


class SpacecraftConfigType(SchemaSerializer):
    model = models.SpacecraftConfigType


class SpacecraftConfigFamilyMini(SharedSerializer):
    model = models.SpacecraftConfigFamily
    response_mode = ResponseModeField()


class SpacecraftConfigFamilyNormal(SpacecraftConfigFamilyMini):
    manufacturer = AgencyMini(read_only=True)
    parent = SpacecraftConfigFamilyMini(read_only=True, allow_null=True)


class SpacecraftConfigFamilyDetailed(SpacecraftConfigFamilyNormal):
    manufacturer = AgencyNormal(read_only=True)
    parent = SpacecraftConfigFamilyNormal(read_only=True, allow_null=True)


class SpacecraftConfigNormal(SharedSerializer):
    model = models.SpacecraftConfig
    response_mode = ResponseModeField()
    url = ResourceUrlField("spacecraft_configurations")
    type = SpacecraftConfigType(read_only=True)
    agency = AgencyMini(read_only=True)
    family = SpacecraftConfigFamilyNormal(many=True, read_only=True, source="family_list")
    image = Image(read_only=True, allow_null=True)


class SpacecraftConfigDetailed(SpacecraftConfigNormal):
    """The agency and families one level richer, and the detailed columns."""

    agency = AgencyNormal(read_only=True)
    family = SpacecraftConfigFamilyDetailed(many=True, read_only=True, source="family_list")
    fastest_turnaround = DurationField(source="fastest_turnaround_s", allow_null=True)


class SpacecraftConfigFamilyEndpointDetailed(SpacecraftConfigFamilyDetailed):
    spacecraft = SpacecraftConfigNormal(many=True, read_only=True, source="config_list")
