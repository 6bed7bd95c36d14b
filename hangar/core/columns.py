"""Fields derived from model columns, so that a column's name, type and nullability are written
once, on the model.

A response serializer (``hangar.core.serializers.SchemaSerializer``) declares only what is not a
plain column (nested objects, urls, durations); each other property of its component that is a
column of its ``model`` is served through the field built here. Input serializers derive theirs
the same way (``hangar.core.inputs.Record``).
"""

from __future__ import annotations

from functools import cache

from django.db import models
from rest_framework import serializers


@cache
def columns(model: type[models.Model]) -> dict[str, models.Field]:
    """The value columns of ``model`` (no references, no primary key), by name."""
    return {
        field.name: field
        for field in model._meta.concrete_fields
        if not field.is_relation and not field.primary_key
    }


@cache
def response_columns(model: type[models.Model]) -> dict[str, models.Field]:
    """The columns a response serves as they are: the value columns and the primary key."""
    return {model._meta.pk.name: model._meta.pk, **columns(model)}


# Most specific first: a DateTimeField is a DateField, a BigIntegerField an IntegerField.
RESPONSE_FIELDS = (
    (models.BooleanField, serializers.BooleanField),
    (models.DateTimeField, serializers.DateTimeField),
    (models.DateField, serializers.DateField),
    (models.IntegerField, serializers.IntegerField),
    (models.FloatField, serializers.FloatField),
    (models.CharField, serializers.CharField),
    (models.TextField, serializers.CharField),
    (models.JSONField, serializers.JSONField),
    (models.UUIDField, serializers.UUIDField),
)


def field_class(column: models.Field, table) -> type | None:
    return next((field for kind, field in table if isinstance(column, kind)), None)


def response_field(column: models.Field) -> serializers.Field:
    return field_class(column, RESPONSE_FIELDS)(read_only=True, allow_null=column.null)
