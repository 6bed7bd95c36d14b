"""Launcher families, configurations and boosters as LL2 serves them, validated. Columns are
typed as the models type them (``hangar.core.inputs.Record``); what is declared here is what
nests, durations kept in seconds, and a launch cost beyond 32 bits."""

from rest_framework import serializers

from hangar.agencies.inputs import AgencyIn
from hangar.core.inputs import Duration, Integer, Lookup, Record, Text
from hangar.images.inputs import ImageIn
from hangar.launchers import models
from hangar.programs.inputs import ProgramIn


class LauncherStatusIn(Lookup):
    model = models.LauncherStatus


class LauncherConfigFamilyIn(Record):
    model = models.LauncherConfigFamily
    components = (
        "LauncherConfigFamilyMini",
        "LauncherConfigFamilyNormal",
        "LauncherConfigFamilyDetailed",
    )
    required_columns = ("name",)
    id = Integer(required=True)
    manufacturer = AgencyIn(many=True, allow_null=True, required=False)

    def get_fields(self):
        fields = super().get_fields()
        # A family's parent is a family (one level less detailed).
        fields["parent"] = LauncherConfigFamilyIn(allow_null=True, required=False)
        return fields

    def validate(self, attrs):
        parent = attrs.get("parent")
        if parent and parent["id"] == attrs["id"]:
            raise serializers.ValidationError({"parent": "A family cannot be its own parent."})
        return attrs


class LauncherConfigIn(Record):
    model = models.LauncherConfig
    components = (
        "LauncherConfigList",
        "LauncherConfigNormal",
        "LauncherConfigDetailed",
        "LauncherConfigDetailedSerializerNoManufacturer",
    )
    required_columns = ("name",)
    id = Integer(required=True)
    url = Text()
    families = LauncherConfigFamilyIn(many=True, allow_null=True, required=False)
    manufacturer = AgencyIn(allow_null=True, required=False)
    program = ProgramIn(many=True, required=False)
    image = ImageIn(allow_null=True, required=False)
    launch_cost = Integer(allow_null=True, min_value=-(2**63), max_value=2**63 - 1)
    fastest_turnaround = Duration(allow_null=True, source="fastest_turnaround_s")


class LauncherIn(Record):
    model = models.Launcher
    components = ("LauncherMini", "LauncherNormal", "LauncherDetailed")
    id = Integer(required=True)
    url = Text()
    status = LauncherStatusIn(allow_null=True, required=False)
    image = ImageIn(allow_null=True, required=False)
    fastest_turnaround = Duration(allow_null=True, source="fastest_turnaround_s")
    launcher_config = LauncherConfigIn(allow_null=True, required=False)
