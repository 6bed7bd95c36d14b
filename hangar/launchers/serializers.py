"""Launcher families, configurations and boosters at every level, named after their schema
components. Columns are served as the models type them (``hangar.core.serializers``); each
serializer expects the queryset ``hangar.launchers.queries`` builds for it. Launch and landing
figures are stored columns."""

from hangar.agencies.serializers import AgencyDetailed, AgencyNormal
from hangar.core.fields import DurationField, ResourceUrlField, ResponseModeField
from hangar.core.serializers import SchemaSerializer, SharedSerializer
from hangar.images.serializers import Image
from hangar.launchers import models
from hangar.programs.serializers import ProgramNormal


class LauncherStatus(SchemaSerializer):
    model = models.LauncherStatus


class LauncherConfigFamilyMini(SharedSerializer):
    model = models.LauncherConfigFamily
    response_mode = ResponseModeField()


class LauncherConfigFamilyNormal(LauncherConfigFamilyMini):
    manufacturer = AgencyNormal(many=True, read_only=True, source="manufacturer_list")
    parent = LauncherConfigFamilyMini(read_only=True, allow_null=True)


class LauncherConfigFamilyDetailed(LauncherConfigFamilyNormal):
    manufacturer = AgencyDetailed(many=True, read_only=True, source="manufacturer_list")
    parent = LauncherConfigFamilyNormal(read_only=True, allow_null=True)


class LauncherConfigList(SharedSerializer):
    model = models.LauncherConfig
    response_mode = ResponseModeField()
    url = ResourceUrlField("launcher_configurations")
    families = LauncherConfigFamilyMini(many=True, read_only=True, source="family_list")


class LauncherConfigNormal(LauncherConfigList):
    families = LauncherConfigFamilyNormal(many=True, read_only=True, source="family_list")
    manufacturer = AgencyNormal(read_only=True, allow_null=True)
    program = ProgramNormal(many=True, read_only=True, source="program_list")
    image = Image(read_only=True, allow_null=True)


class LauncherConfigDetailedSerializerNoManufacturer(LauncherConfigNormal):
    """The detailed configuration as its manufacturer's launcher list nests it."""

    families = LauncherConfigFamilyDetailed(many=True, read_only=True, source="family_list")
    manufacturer = None
    fastest_turnaround = DurationField(source="fastest_turnaround_s", allow_null=True)


class LauncherConfigDetailed(LauncherConfigDetailedSerializerNoManufacturer):
    manufacturer = AgencyDetailed(read_only=True, allow_null=True)


class LauncherMini(SharedSerializer):
    model = models.Launcher
    response_mode = ResponseModeField()
    url = ResourceUrlField("launchers")
    status = LauncherStatus(read_only=True, allow_null=True)
    image = Image(read_only=True, allow_null=True)


class LauncherNormal(LauncherMini):
    fastest_turnaround = DurationField(source="fastest_turnaround_s", allow_null=True)


class LauncherDetailed(LauncherNormal):
    launcher_config = LauncherConfigList(read_only=True, allow_null=True)
