"""How Hangar's own OpenAPI document describes what drf-spectacular cannot see by itself."""

from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.openapi import AutoSchema

from hangar.ll2.corrections import ONE_OBJECT
from hangar.ll2.schema import endpoint_description


class ProjectedSerializerExtension(OpenApiSerializerExtension):
    """Resources kept as upstream documents are served in the shape of an official LL2
    component; the document names it rather than repeating it."""

    target_class = "hangar.core.serializers.ProjectedSerializer"
    match_subclasses = True

    def get_name(self, auto_schema, direction):
        return self.target.component

    def map_serializer(self, auto_schema, direction):
        return {
            "type": "object",
            "description": f"The LL2 2.3.0 `{self.target.component}` object.",
            "additionalProperties": True,
        }


class LL2AutoSchema(AutoSchema):
    """Each operation is described as the official schema describes it (modes, filters, search,
    ordering), which is also what its browsable page shows."""

    def get_description(self):
        resource = getattr(self.view, "resource", None)
        if resource is not None:
            return endpoint_description(resource.path)
        return super().get_description()

    def _is_list_view(self, serializer=None) -> bool:
        """An endpoint that is one object answers it, not an array (where the official document
        is wrong, ``corrections.ONE_OBJECT``)."""
        resource = getattr(self.view, "resource", None)
        if resource is not None and resource.path in ONE_OBJECT:
            return False
        return super()._is_list_view(serializer)
