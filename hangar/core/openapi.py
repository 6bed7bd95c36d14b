"""How Hangar's own OpenAPI document describes what drf-spectacular cannot see by itself."""

from drf_spectacular.openapi import AutoSchema

from hangar.ll2.corrections import ONE_OBJECT
from hangar.ll2.schema import endpoint_description


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
