"""Read-only fields shared by Hangar's serializers."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode, urlsplit

import isodate
from django.urls import get_script_prefix
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from hangar.catalog.ll2 import contract
from hangar.catalog.stats import live_seconds


class Links:
    """Builds the absolute urls of one response: the request's origin, and its ``format``
    carried into every object's url as LL2 does."""

    def __init__(self, request) -> None:
        self.root = request.build_absolute_uri(f"{get_script_prefix()}2.3.0/")
        fmt = request.query_params.get("format") if hasattr(request, "query_params") else None
        self.suffix = f"?{urlencode({'format': fmt})}" if fmt else ""

    def detail(self, resource: str, pk) -> str:
        return f"{self.root}{resource}/{pk}/{self.suffix}"

    def rewrite(self, url: str) -> str:
        """Point an upstream LL2 url (as stored in a document) at this server."""
        path = urlsplit(url).path
        if not path.startswith(contract.API_PREFIX):
            return url
        return f"{self.root}{path[len(contract.API_PREFIX) :]}{self.suffix}"


def iso_duration(seconds: int | None) -> str | None:
    if seconds is None:
        return None
    return isodate.duration_isoformat(timedelta(seconds=seconds))


@extend_schema_field(OpenApiTypes.STR)
class ResponseModeField(serializers.Field):
    """The serializer's level (``list``, ``normal``, ``detailed``), as LL2 names it."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        super().__init__(source="*", read_only=True)

    def to_representation(self, value) -> str:
        return self.mode


class SharedSerializer(serializers.Serializer):
    """An object many records of one response nest (a configuration, its agency and families,
    an image, the spacecraft each of its flights repeats): serialized once per response and
    reused, since its representation depends only on the object and the request."""

    def to_representation(self, instance):
        shared = self.context.get("shared")
        if shared is None:
            return super().to_representation(instance)
        key = (type(self), instance.pk)
        representation = shared.get(key)
        if representation is None:
            representation = shared[key] = super().to_representation(instance)
        return representation


@extend_schema_field(OpenApiTypes.OBJECT)
class OtherDomainField(serializers.Field):
    """An object of a domain Hangar does not hold (first stages, payload flights): null."""

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
    """A duration stored in whole seconds, served in ISO 8601 (``P22DT14M5S``)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value) -> str | None:
        return iso_duration(value)


@extend_schema_field(OpenApiTypes.STR)
class LiveDurationField(serializers.Field):
    """A stored duration that keeps growing while the spacecraft is in space (or docked)."""

    def __init__(self, base: str, rate: str) -> None:
        self.base, self.rate = base, rate
        super().__init__(source="*", read_only=True)

    def to_representation(self, craft) -> str | None:
        seconds = live_seconds(
            getattr(craft, self.base),
            getattr(craft, self.rate),
            craft.stats_as_of,
            self.context["now_epoch"],
        )
        return iso_duration(seconds)


@extend_schema_field(OpenApiTypes.OBJECT)
class DocumentField(serializers.Field):
    """A document of another domain, kept as imported and served in the shape of the schema
    component (or of a list of them, with ``many=True``)."""

    def __init__(self, component: str, many: bool = False, **kwargs) -> None:
        self.schema = {"$ref": f"#/components/schemas/{component}"}
        if many:
            self.schema = {"type": "array", "items": self.schema}
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, document):
        return contract.project(document, self.schema, self.context["links"].rewrite)


class ProjectedSerializer(serializers.BaseSerializer):
    """A resource Hangar keeps as the upstream document (plus the columns it filters on),
    served by projecting ``record()`` onto the schema ``component``."""

    component = ""

    def record(self, instance) -> dict:
        return {**instance.document, "id": instance.pk}

    def to_representation(self, instance):
        return contract.project(
            self.record(instance),
            {"$ref": f"#/components/schemas/{self.component}"},
            self.context["links"].rewrite,
        )
