"""Space stations and docking locations, kept as the upstream document and served in the
schema's shape."""

from hangar.core.serializers import ProjectedSerializer


class DockingLocation(ProjectedSerializer):
    component = "DockingLocation"

    def record(self, instance) -> dict:
        return {**instance.document, "id": instance.pk, "name": instance.name}


class SpaceStationRecord(ProjectedSerializer):
    def record(self, instance) -> dict:
        return {**instance.document, "id": instance.pk, "name": instance.name}


class SpaceStationMini(SpaceStationRecord):
    component = "SpaceStationMini"


class SpaceStationNormal(SpaceStationRecord):
    component = "SpaceStationNormal"


class SpaceStationEndpoint(SpaceStationRecord):
    component = "SpaceStationEndpoint"


class SpaceStationDetailedEndpoint(SpaceStationRecord):
    component = "SpaceStationDetailedEndpoint"
