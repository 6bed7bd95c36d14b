"""Programs and mission patches as LL2 serves them, on their endpoints or nested in launches and
launcher configurations, validated. Columns are typed as the models type them
(``hangar.core.inputs.Record``); what is declared here is what nests."""

from hangar.agencies.inputs import AgencyIn
from hangar.core.inputs import Integer, Lookup, Record, Text
from hangar.images.inputs import ImageIn
from hangar.programs import models


class ProgramTypeIn(Lookup):
    model = models.ProgramType


class MissionPatchIn(Record):
    model = models.MissionPatch
    components = ("MissionPatch", "MissionPatchDetailed")
    required_columns = ("name", "image_url")
    id = Integer(required=True)
    agency = AgencyIn(allow_null=True, required=False)

    def get_fields(self):
        fields = super().get_fields()
        # The detailed form lists the programs that show the patch (each lists its patches).
        fields["program"] = ProgramIn(many=True, required=False)
        return fields


class ProgramIn(Record):
    """A program at any level; the list level (``ProgramMini``) lacks its type, which a program
    the catalog does not hold yet cannot do without (the importer says so)."""

    model = models.Program
    components = ("ProgramMini", "ProgramNormal")
    required_columns = ("name",)
    id = Integer(required=True)
    url = Text()
    image = ImageIn(allow_null=True, required=False)
    agencies = AgencyIn(many=True, required=False)
    mission_patches = MissionPatchIn(many=True, required=False)
    type = ProgramTypeIn(required=False)
