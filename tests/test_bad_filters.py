"""The bad-input table: every integer, decimal, date, instant, boolean and id-list filter of every
endpoint, read from the registry, given malformed values, answers a 400 whose JSON names the
parameter, never a guess (a truncated decimal, an ignored ``maybe``) and never a 500.

One request per filter and bad value, on an empty catalog: a value is refused before any query
runs. A test is one endpoint, one kind of filter and one bad value, and sends it to each filter of
that kind, so a failure names every parameter that took it."""

import pytest
from django import forms
from django_filters.fields import BaseCSVField

from hangar.core.filters import DigitsFilter, DocumentedFilterSet, StrictBooleanField
from hangar.core.registry import registry
from hangar.launchers.resources.launcher_configurations import RepeatedIdsField

BAD_VALUES = {
    "integer": ("1.5", "1e5", "12abc", "9999999999999999999999", "1_000"),
    # ``id__contains``: digits compared as text, so a long run of digits is a fair pattern.
    "digits": ("1.5", "1e5", "12abc"),
    "id list": ("1.5", "1e5", "12abc", "9999999999999999999999", "1,,x"),
    "uuid": ("12abc", "1,,x"),
    # Float columns take decimals and exponents (``latitude__gt=28.5``), not words.
    "decimal": ("12abc", "maybe", "1,,x"),
    "date": ("2024-13-45", "maybe", "12abc"),
    "instant": ("2024-13-45", "maybe", "12abc"),
    "boolean": ("maybe", "1.5"),
}
# Filters that take any text (names, slugs, comma-separated codes): nothing is malformed.
FREE_TEXT = "text"


def kind(declared) -> str | None:
    """The kind of value a filter takes, from its form field; None for a type this table does
    not know yet (a test below fails on it, so a new filter type is added here)."""
    field = declared.field_class
    if issubclass(field, RepeatedIdsField):
        return "id list"
    if issubclass(field, BaseCSVField):
        if issubclass(field, forms.IntegerField) and not issubclass(field, forms.DecimalField):
            return "id list"
        if issubclass(field, forms.UUIDField):
            return "uuid"
        return FREE_TEXT if issubclass(field, forms.CharField) else None
    if isinstance(declared, DigitsFilter):
        return "digits"
    for base, name in (  # Django's DecimalField is an IntegerField: asked first.
        (forms.DecimalField, "decimal"),
        (forms.IntegerField, "integer"),
        (forms.DateTimeField, "instant"),
        (forms.DateField, "date"),
        (StrictBooleanField, "boolean"),
        (forms.UUIDField, "uuid"),
        (forms.CharField, FREE_TEXT),
    ):
        if issubclass(field, base):
            return name
    return None


def filtered_resources():
    return [r for r in registry.resources() if r.listed and r.filterset is not None]


def filters_of(resource, wanted: str) -> list[str]:
    return [
        name
        for name, declared in resource.filterset.base_filters.items()
        if kind(declared) == wanted
    ]


CASES = [
    pytest.param(resource.path, wanted, value, id=f"{resource.path}{wanted}:{value}")
    for resource in filtered_resources()
    for wanted, values in BAD_VALUES.items()
    if filters_of(resource, wanted)
    for value in values
]


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "wanted", "value"), CASES)
def test_a_malformed_value_is_a_400_naming_the_filter(api, path, wanted, value):
    (resource,) = (r for r in filtered_resources() if r.path == path)
    answers = {}
    for name in filters_of(resource, wanted):
        response = api.get(f"/2.3.0/{path}", {name: value})
        if response.status_code != 400 or name not in response.json():
            answers[name] = (response.status_code, response.content[:200])
    assert answers == {}


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["28.5", "-80.6", "1e1", "9999999999999999999999"])
def test_a_decimal_filter_takes_decimals_and_exponents(api, value):
    cases = [(r.path, name) for r in filtered_resources() for name in filters_of(r, "decimal")]
    assert cases
    for path, name in cases:
        response = api.get(f"/2.3.0/{path}", {name: value})
        assert response.status_code == 200, (path, name, response.content[:200])


def test_every_filter_is_of_a_kind_the_table_knows():
    unknown = {
        (resource.path, name, type(declared).__name__)
        for resource in filtered_resources()
        for name, declared in resource.filterset.base_filters.items()
        if kind(declared) is None
    }
    assert unknown == set()


def test_every_filterset_derives_from_the_base_whose_generated_filters_never_guess():
    outside = {
        resource.path
        for resource in filtered_resources()
        if not issubclass(resource.filterset, DocumentedFilterSet)
    }
    assert outside == set()


def test_the_table_covers_every_kind():
    covered = {wanted for _, wanted, _ in (case.values for case in CASES)}
    assert covered == set(BAD_VALUES)
