"""LL2's lookup tables (``config/...``: statuses, types, licenses): the abstract model they share,
and the helper that turns one row of a domain's table of lookups into a registered resource."""

from __future__ import annotations

from django.db import models

from hangar.core.registry import Mode, Resource


class NamedLookup(models.Model):
    """A small LL2 lookup table (``{"id", "name"}``) keyed by the upstream id."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255)

    class Meta:
        abstract = True
        app_label = "catalog"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


def collect_lookup(model):
    """The importer's collector of a top-level lookup record."""
    return lambda collector, data, depth: collector.lookup(model, data, depth)


def lookup(path: str, model, serializer, input_serializer, collect=None) -> Resource:
    """A ``config/`` endpoint: no modes and no filters; search by name, ordering by id or
    name, as LL2's lookups do."""
    return Resource(
        path=path,
        model=model,
        modes={"normal": Mode(serializer, model.objects.all)},
        search_fields=("name",),
        ordering_fields=("id", "name"),
        input=input_serializer,
        collect=collect or collect_lookup(model),
        rank=90,
    )
