"""Read-only response fields shared by every domain's serializers."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from hangar.core.live import marker
from hangar.ll2.durations import format_seconds, live_seconds
from hangar.ll2.projection import project
from hangar.ll2.schema import default_mode


@extend_schema_field(OpenApiTypes.STR)
class ResponseModeField(serializers.Field):
    """The level of the enclosing serializer (``list``, ``normal``, ``detailed``), as its schema
    component declares it: LL2 labels some levels unexpectedly (a detailed family says
    ``normal``), and the component is where that is written down."""

    def __init__(self) -> None:
        super().__init__(source="*", read_only=True)

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        self.mode = default_mode(parent.component)

    def to_representation(self, value) -> str:
        return self.mode


@extend_schema_field(OpenApiTypes.OBJECT)
class OtherDomainField(serializers.Field):
    """An object of a domain Hangar does not hold yet (first stages, payload flights): null."""

    def __init__(self) -> None:
        super().__init__(source="*", read_only=True)

    def to_representation(self, value) -> None:
        return None


@extend_schema_field(OpenApiTypes.URI)
class ResourceUrlField(serializers.Field):
    def __init__(self, resource: str) -> None:
        self.resource = resource
        super().__init__(source="*", read_only=True)

    def to_representation(self, value) -> str:
        return self.context["links"].detail(self.resource, value.pk)


@extend_schema_field(OpenApiTypes.STR)
class DurationField(serializers.Field):
    """A duration stored in whole seconds, served in ISO 8601 (``P22DT14M5S``). ``null_as``
    serves a duration the document never lets be null when none is stored (a first flight has
    turned around in no time: ``P0D``)."""

    def __init__(self, null_as: int | None = None, **kwargs) -> None:
        self.null_as = null_as
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        value = super().get_attribute(instance)
        return self.null_as if value is None else value

    def to_representation(self, value) -> str | None:
        return format_seconds(value)


@extend_schema_field(OpenApiTypes.STR)
class LiveDurationField(serializers.Field):
    """A stored duration that keeps growing (time in space while a spacecraft is up, time
    docked while it is docked), computed for the instant of the request: ``base`` holds the value
    at ``stats_as_of``, and it grows by ``rate`` seconds per second."""

    def __init__(self, base: str, rate: str) -> None:
        self.base, self.rate = base, rate
        super().__init__(source="*", read_only=True)

    def to_representation(self, instance) -> str | None:
        base, rate = getattr(instance, self.base), getattr(instance, self.rate)
        if base is not None and rate and self.context.get("live_markers"):
            # Computed for the response cache, which fills the value in as each copy is served.
            return marker(base, rate, instance.stats_as_of)
        now_epoch = self.context["now_epoch"]
        return format_seconds(live_seconds(base, rate, instance.stats_as_of, now_epoch))


class DocumentField(serializers.Field):
    """A document of another domain, kept as imported and served in the shape of the schema
    component (or of a list of them, with ``many=True``), which is also how Hangar's OpenAPI
    document types it (``hangar.core.openapi``)."""

    def __init__(self, component: str, many: bool = False, **kwargs) -> None:
        self.schema = {"$ref": f"#/components/schemas/{component}"}
        if many:
            self.schema = {"type": "array", "items": self.schema}
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, document):
        return project(document, self.schema, self.context["links"].rewrite)
