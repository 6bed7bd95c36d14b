"""The strict input fields every domain's input serializers are made of.

One input serializer per resource (in its domain's ``inputs.py``) accepts any of its levels
(``list``, ``normal``, ``detailed``): ``id`` and the fields a record cannot exist without are
required, every other field is optional and, when absent, leaves what Hangar already holds
untouched. Types are strict (a string where a number belongs is an error, not a conversion), and
string lengths are those of the columns. A validated field whose name (or ``source``) is a
column of the resource's model is written to it as it is (``Collector.scalars``).
"""

from __future__ import annotations

import re
from functools import cache

import orjson
from django.db import models
from rest_framework import serializers
from rest_framework.validators import ProhibitSurrogateCharactersValidator

from hangar.core.columns import columns, field_class
from hangar.ll2.durations import parse_seconds
from hangar.ll2.schema import properties


class Optional:
    """An input field that may be left out (a record at a lower level of detail lacks it),
    unless declared ``required=True``."""

    defaults: dict = {}

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        for name, value in self.defaults.items():
            kwargs.setdefault(name, value)
        super().__init__(**kwargs)


class Strict(Optional):
    """A field that refuses a value of another JSON type instead of converting it: ``"12"``
    is not a number, ``1`` is not ``true``."""

    accepts: tuple[type, ...] = ()

    def to_internal_value(self, data):
        if isinstance(data, bool) is not (bool in self.accepts) or not isinstance(
            data, self.accepts
        ):
            self.refuse()
        return super().to_internal_value(data)

    def refuse(self):
        self.fail("invalid")


class Text(Strict, serializers.CharField):
    accepts = (str,)
    defaults = {"allow_blank": True, "trim_whitespace": False}

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators = [
            SurrogatesRefused() if type(check) is ProhibitSurrogateCharactersValidator else check
            for check in self.validators
        ]


SURROGATE = re.compile("[\ud800-\udfff]")


class SurrogatesRefused(ProhibitSurrogateCharactersValidator):
    """DRF's refusal of surrogate characters, with its message, searched by a regular
    expression instead of a Python loop over every character (a tenth of an import's time)."""

    def __call__(self, value):
        found = SURROGATE.search(str(value))
        if found:
            message = self.message.format(code_point=ord(found.group()))
            raise serializers.ValidationError(message, code=self.code)


class Integer(Strict, serializers.IntegerField):
    accepts = (int,)
    defaults = {"min_value": -(2**31), "max_value": 2**31 - 1}


class Number(Strict, serializers.FloatField):
    accepts = (int, float)


class Boolean(Strict, serializers.BooleanField):
    accepts = (bool,)


class Instant(Strict, serializers.DateTimeField):
    accepts = (str,)

    def refuse(self):
        self.fail("invalid", format="YYYY-MM-DDThh:mm[:ss[.uuuuuu]]Z")


class Day(Strict, serializers.DateField):
    accepts = (str,)

    def refuse(self):
        self.fail("invalid", format="YYYY-MM-DD")


class Duration(Optional, serializers.Field):
    """An ISO 8601 duration (``P22DT14M5S``), kept as whole seconds."""

    default_error_messages = {"invalid": "Not an ISO 8601 duration in days and time: {value!r}."}

    def to_internal_value(self, data):
        seconds = parse_seconds(data)
        if seconds is None:
            self.fail("invalid", value=data)
        return seconds


def storable(document):
    """A document as the database can store it: no NUL character in any string or key
    (PostgreSQL refuses them)."""
    if isinstance(document, str):
        if "\x00" in document:
            raise serializers.ValidationError("Contains a NUL character, which cannot be stored.")
    elif isinstance(document, dict):
        for key, value in document.items():
            storable(key)
            storable(value)
    elif isinstance(document, list):
        for value in document:
            storable(value)
    return document


class Raw(Optional, serializers.Field):
    """A document of another domain (crews, social links, launchers): any JSON array."""

    def to_internal_value(self, data):
        if not isinstance(data, list):
            raise serializers.ValidationError("Expected a list.")
        return storable(data)


# Most specific first: a DateTimeField is a DateField, a BigIntegerField an IntegerField.
INPUT_FIELDS = (
    (models.BooleanField, Boolean),
    (models.DateTimeField, Instant),
    (models.DateField, Day),
    (models.IntegerField, Integer),
    (models.FloatField, Number),
    (models.CharField, Text),
    (models.TextField, Text),
)


def input_field(column: models.Field, required: bool) -> serializers.Field | None:
    """The strict input field of a column; None for a column no plain field reads (a JSON
    document is validated by the field its input serializer declares)."""
    kind = field_class(column, INPUT_FIELDS)
    if kind is None:
        return None
    kwargs: dict = {"required": required}
    if column.null:
        kwargs["allow_null"] = True
    if kind is Text:
        kwargs["max_length"] = column.max_length
    return kind(**kwargs)


class Record(serializers.Serializer):
    """One record of a resource, at any level. Besides its declared fields it accepts every
    column of ``model`` that is a property of one of its ``components``, typed as the column
    is; ``required_columns`` names those a record cannot exist without."""

    model: type[models.Model] | None = None
    components: tuple[str, ...] = ()
    required_columns: tuple[str, ...] = ()

    def run_validation(self, data=serializers.empty):
        """A nested copy seen before in this import (the agency of every configuration it
        builds) is validated once: its outcome is kept in the root's ``memo``, when the root
        has one (``ValidationMemo``)."""
        memo = getattr(self.root, "memo", None)
        if memo is None or self is self.root or not isinstance(data, dict):
            return super().run_validation(data)
        return memo.outcome(type(self), data, super().run_validation)

    def get_fields(self):
        fields = super().get_fields()
        for name, column in derived_columns(type(self)).items():
            if name not in fields:
                field = input_field(column, required=name in self.required_columns)
                if field is not None:
                    fields[name] = field
        return fields


class ValidationMemo:
    """The outcome of validating each distinct nested record, by its serializer and content;
    emptied when the contents it holds reach ``budget`` bytes, so that it stays small whatever
    the input (a record's validated data takes several times its JSON's size)."""

    def __init__(self, budget: int = 4 * 1024 * 1024, largest: int = 65536) -> None:
        self.budget = budget
        self.largest = largest
        self.held = 0
        self.outcomes: dict[tuple, tuple[bool, object]] = {}

    def outcome(self, kind: type, data: dict, validate):
        try:
            content = orjson.dumps(data, option=orjson.OPT_SORT_KEYS)
        except (TypeError, orjson.JSONEncodeError):
            return validate(data)
        if len(content) > self.largest:
            return validate(data)
        key = (kind, content)
        known = self.outcomes.get(key)
        if known is None:
            try:
                known = (True, validate(data))
            except serializers.ValidationError as error:
                known = (False, error.detail)
            if self.held + len(content) > self.budget:
                self.outcomes.clear()
                self.held = 0
            self.outcomes[key] = known
            self.held += len(content)
        valid, result = known
        if not valid:
            raise serializers.ValidationError(result)
        return result


@cache
def derived_columns(record_class: type[Record]) -> dict[str, models.Field]:
    """The columns of the record's model that its components name."""
    if record_class.model is None:
        return {}
    # A lookup's component is named after its model (``SpacecraftStatus``).
    names = record_class.components or (record_class.model.__name__,)
    wanted = {name for component in names for name in properties(component)}
    return {name: column for name, column in columns(record_class.model).items() if name in wanted}


class Lookup(Record):
    """A lookup record (``{"id", "name", ...}``): its model says the rest."""

    id = Integer(required=True)
