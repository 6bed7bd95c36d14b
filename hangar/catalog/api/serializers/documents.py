"""Resources of other domains, or with parts from other domains, that Hangar keeps as the
upstream document and serves in the schema's shape."""

from hangar.catalog.api.fields import ProjectedSerializer


class DockingLocation(ProjectedSerializer):
    component = "DockingLocation"

    def record(self, instance) -> dict:
        return {**instance.document, "id": instance.pk, "name": instance.name}


class LaunchDetailed(ProjectedSerializer):
    component = "LaunchDetailed"

    def record(self, instance) -> dict:
        return {**instance.document, "id": str(instance.pk)}
