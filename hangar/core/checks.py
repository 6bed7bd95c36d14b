"""System checks: ``hangar check``, and ``hangar serve`` before it starts, refuse a response
serializer whose fields are not its schema component's properties."""

from __future__ import annotations

from django.core import checks
from rest_framework import serializers

from hangar.core.columns import response_columns
from hangar.core.registry import registry
from hangar.core.serializers import component_exists, schema_order, schema_serializers


def serializer_problems(serializer_class) -> list[str]:
    """What is wrong with one serializer against its component: missing or extra fields."""
    name = serializer_class.component
    if not component_exists(name):
        return [f"{name} is not a component of the official document"]
    # The fields as declared, before ``SchemaSerializer.get_fields`` puts them in schema order.
    declared = set(serializers.Serializer.get_fields(serializer_class()))
    model = serializer_class.model
    derived = set(response_columns(model)) if model is not None else set()
    wanted = schema_order(name)
    problems = []
    missing = [prop for prop in wanted if prop not in declared | derived]
    extra = sorted(declared - set(wanted))
    if missing:
        problems.append(f"lacks the properties {missing} of {name}")
    if extra:
        problems.append(f"declares {extra}, which {name} does not have")
    return problems


@checks.register()
def schema_serializers_match_their_components(app_configs=None, **kwargs):
    registry.discover()
    errors = []
    for serializer_class in schema_serializers():
        for problem in serializer_problems(serializer_class):
            errors.append(
                checks.Error(
                    f"{serializer_class.__module__}.{serializer_class.__qualname__} {problem}.",
                    hint="Declare exactly the properties of the component; their order is "
                    "taken from the official document.",
                    id="hangar.E001",
                )
            )
    return errors
