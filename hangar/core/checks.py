"""System checks: ``hangar check``, and ``hangar serve`` before it starts, refuse a response
serializer whose fields are not its schema component's properties."""

from __future__ import annotations

from django.core import checks
from rest_framework import serializers

from hangar.core.columns import response_columns
from hangar.core.registry import registry
from hangar.core.serializers import component_exists, schema_order, schema_serializers
from hangar.ll2.schema import nullable


def serializer_problems(serializer_class) -> list[checks.Error]:
    """What is wrong with one serializer against its component: missing or extra fields, or a
    null where the component allows none."""
    name = serializer_class.component
    where = f"{serializer_class.__module__}.{serializer_class.__qualname__}"
    if not component_exists(name):
        return [
            checks.Error(f"{where}: {name} is not a component of the document.", id="hangar.E001")
        ]
    # The fields as declared, before ``SchemaSerializer.get_fields`` puts them in schema order.
    declared = set(serializers.Serializer.get_fields(serializer_class()))
    model = serializer_class.model
    derived = set(response_columns(model)) if model is not None else set()
    wanted = schema_order(name)
    missing = [prop for prop in wanted if prop not in declared | derived]
    extra = sorted(declared - set(wanted))
    errors = []
    if missing or extra:
        errors.append(
            checks.Error(
                f"{where} lacks the properties {missing} of {name} and declares {extra}, "
                "which it does not have.",
                hint="Declare exactly the properties of the component (or serve them from "
                "columns of its model); their order is taken from the official document.",
                id="hangar.E001",
            )
        )
    loose = [] if errors else null_fields(serializer_class)
    if loose:
        errors.append(
            checks.Error(
                f"{where} may serve null in {loose}, which {name} never lets be null.",
                hint="Make the column NOT NULL (or the nested field required); where the "
                "document is wrong, say so in hangar/ll2/corrections.py.",
                id="hangar.E002",
            )
        )
    return errors


def null_fields(serializer_class) -> list[str]:
    name = serializer_class.component
    fields = serializer_class().get_fields()
    return [
        prop
        for prop, field in fields.items()
        if getattr(field, "allow_null", False) and not nullable(name, prop)
    ]


@checks.register()
def schema_serializers_match_their_components(app_configs=None, **kwargs):
    registry.discover()
    errors = []
    for serializer_class in schema_serializers():
        errors += serializer_problems(serializer_class)
    return errors
