"""Launches, served from the stored upstream document in the schema's shape."""

from hangar.core.serializers import ProjectedSerializer


class LaunchDetailed(ProjectedSerializer):
    component = "LaunchDetailed"

    def record(self, instance) -> dict:
        return {**instance.document, "id": str(instance.pk)}
