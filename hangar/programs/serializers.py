"""Programs and mission patches as every domain nests them. Columns are served as the models
type them (``hangar.core.serializers``); each serializer expects the queryset
``hangar.programs.queries`` builds for it."""

from hangar.agencies.serializers import AgencyMini
from hangar.core.fields import ResourceUrlField, ResponseModeField
from hangar.core.serializers import SchemaSerializer, SharedSerializer
from hangar.images.serializers import Image
from hangar.programs import models


class ProgramType(SchemaSerializer):
    model = models.ProgramType


class MissionPatch(SharedSerializer):
    model = models.MissionPatch
    agency = AgencyMini(read_only=True, allow_null=True)
    response_mode = ResponseModeField()


class ProgramMini(SharedSerializer):
    model = models.Program
    response_mode = ResponseModeField()
    url = ResourceUrlField("programs")
    image = Image(read_only=True, allow_null=True)


class ProgramNormal(ProgramMini):
    agencies = AgencyMini(many=True, read_only=True, source="agency_list")
    mission_patches = MissionPatch(many=True, read_only=True, source="patch_list")
    type = ProgramType(read_only=True)
