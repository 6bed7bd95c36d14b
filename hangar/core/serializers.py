"""Response serializers named after the schema components they produce.

A ``SchemaSerializer`` subclass is named after its component (or says ``component = ...``). It
declares what is not a plain column (nested objects, urls, durations); every other property of
the component that is a column of its ``model`` is served as the column is typed
(``hangar.core.columns``). The order clients see is the component's, taken from the official
document, not the order of declaration. ``hangar check`` (run by ``hangar serve`` before it
starts, and by the test suite) refuses a serializer that lacks a property of its component or
declares one the component does not have (``hangar.core.checks``).
"""

from __future__ import annotations

from functools import cache

from rest_framework import serializers

from hangar.core.columns import response_columns, response_field
from hangar.ll2.schema import component, properties


class SchemaSerializer(serializers.Serializer):
    """A serializer of one schema component. ``abstract = True`` in a class body marks a base
    that only shares fields with its subclasses."""

    component: str | None = None
    model = None
    abstract = True

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        cls.abstract = cls.__dict__.get("abstract", False)
        if not cls.abstract and "component" not in cls.__dict__:
            cls.component = cls.__name__

    def get_fields(self):
        declared = super().get_fields()
        if self.component is None:
            return declared
        fields = {}
        for name in schema_order(self.component):
            if name in declared:
                fields[name] = declared[name]
            elif self.model is not None and name in response_columns(self.model):
                fields[name] = response_field(response_columns(self.model)[name])
        return fields


@cache
def schema_order(name: str) -> tuple[str, ...]:
    return tuple(properties(name))


class SharedSerializer(SchemaSerializer):
    """An object many records of one response nest (a configuration, its agency and families,
    an image, the spacecraft each of its flights repeats): serialized once per response and
    reused, since its representation depends only on the object and the request."""

    abstract = True

    def to_representation(self, instance):
        shared = self.context.get("shared")
        if shared is None:
            return super().to_representation(instance)
        key = (type(self), instance.pk)
        representation = shared.get(key)
        if representation is None:
            representation = shared[key] = super().to_representation(instance)
        return representation


def schema_serializers() -> list[type[SchemaSerializer]]:
    """Every concrete schema serializer defined so far (the registry imports them all)."""
    found, pending = [], [SchemaSerializer]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if not cls.abstract:
            found.append(cls)
    return sorted(set(found), key=lambda cls: (cls.__module__, cls.__qualname__))


def component_exists(name: str) -> bool:
    try:
        component(name)
    except KeyError:
        return False
    return True
