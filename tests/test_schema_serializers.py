"""Every response serializer is its schema component, property for property: the system check
that ``hangar serve`` runs before it starts, and what it catches."""

import io

import pytest
from django.core.management import call_command
from rest_framework import serializers

from hangar.agencies.models import Agency
from hangar.core.checks import serializer_problems
from hangar.core.serializers import SchemaSerializer, schema_serializers
from hangar.ingest.importer import ImportRefused, import_documents
from hangar.ll2.schema import properties


def test_the_system_check_passes_over_every_serializer():
    assert len(schema_serializers()) > 30
    call_command("check", stdout=io.StringIO())  # raises on any error


def test_every_serializer_serves_its_components_properties_in_order():
    for serializer_class in schema_serializers():
        fields = list(serializer_class().get_fields())
        assert fields == properties(serializer_class.component), serializer_class


def lookup_serializer(**fields):
    """A serializer of ``SpacecraftStatus`` ({id, name}) with the fields given, kept out of the
    check (abstract) so that it does not break ``hangar check`` for the rest of the run."""
    body = {"abstract": True, "component": "SpacecraftStatus", **fields}
    return type("Probe", (SchemaSerializer,), body)


def messages(serializer_class) -> list[str]:
    return [f"{error.id}: {error.msg}" for error in serializer_problems(serializer_class)]


def test_a_missing_property_is_an_error():
    probe = lookup_serializer(id=serializers.IntegerField(read_only=True))
    assert messages(probe) == [
        f"hangar.E001: {probe.__module__}.Probe lacks the properties ['name'] of "
        "SpacecraftStatus and declares [], which it does not have."
    ]


def test_an_extra_property_is_an_error():
    probe = lookup_serializer(
        id=serializers.IntegerField(read_only=True),
        name=serializers.CharField(read_only=True),
        abbrev=serializers.CharField(read_only=True),
    )
    assert "declares ['abbrev']" in messages(probe)[0]


def test_declared_order_does_not_matter():
    probe = lookup_serializer(
        name=serializers.CharField(read_only=True), id=serializers.IntegerField(read_only=True)
    )
    assert messages(probe) == []
    assert list(probe().get_fields()) == ["id", "name"]


def test_a_null_where_the_component_allows_none_is_an_error():
    probe = type(
        "Probe",
        (SchemaSerializer,),
        {
            "abstract": True,
            "component": "AgencyMini",
            "model": Agency,
            "response_mode": serializers.CharField(read_only=True),
            "url": serializers.CharField(read_only=True),
            "type": serializers.DictField(read_only=True, allow_null=True),
        },
    )
    assert messages(probe) == [
        f"hangar.E002: {probe.__module__}.Probe may serve null in ['type'], which AgencyMini "
        "never lets be null."
    ]


STATION_MINI = {
    "id": 4,
    "url": "https://ll.thespacedevs.com/2.3.0/space_stations/4/",
    "name": "International Space Station",
    "image": None,
}


@pytest.mark.django_db
def test_a_station_known_only_from_a_mini_copy_is_refused_naming_what_it_lacks():
    """Served at the normal level, it would carry null where LL2 never does."""
    with pytest.raises(ImportRefused) as refused:
        import_documents([("station.json", STATION_MINI)])
    assert refused.value.errors == [
        "station.json: space station 4: status, type, founded: required for a record the "
        "catalog does not hold yet, and no copy of it in the input gives it."
    ]
