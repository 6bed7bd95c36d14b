"""The catalog's version: one number that every change to the catalog raises.

An import, a sync, a refresh of the statistics, the upgrade step and an edit in the admin each
call ``bump_catalog_version`` inside the transaction that writes the change, so the new number
commits with the rows, or not at all. Whatever is derived from the catalog and kept (cached
responses, counts) is keyed by the number, and is never served once it has moved on.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F
from django.utils import timezone


class CatalogVersion(models.Model):
    """The one row (``id`` 1) holding the catalog's version and when it last changed."""

    ROW = 1

    id = models.PositiveSmallIntegerField(primary_key=True, default=ROW)
    number = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        app_label = "catalog"
        db_table = "catalog_version"

    def __str__(self) -> str:
        return f"catalog version {self.number}"


def bump_catalog_version() -> int:
    """Raise the version within the caller's transaction; the new number."""
    now = timezone.now()
    updated = CatalogVersion.objects.filter(pk=CatalogVersion.ROW).update(
        number=F("number") + 1, changed_at=now
    )
    if not updated:
        CatalogVersion.objects.create(pk=CatalogVersion.ROW, number=1, changed_at=now)
    return current_catalog_version()


def current_catalog_version() -> int:
    """The committed version (0 before the first change)."""
    number = (
        CatalogVersion.objects.filter(pk=CatalogVersion.ROW)
        .values_list("number", flat=True)
        .first()
    )
    return number or 0


class LocalEdit(models.Model):
    """A record edited in the curation admin, and which of its fields the edit set.

    Local wins: an import or sync that writes the record keeps these fields as they were edited
    and counts the upstream changes it held back. Releasing the edit (deleting this row:
    ``hangar edits release``, or in the admin) lets the next import or sync that carries the
    record take the upstream's values again."""

    model = models.CharField(max_length=100)  # the model's label, ``catalog.spacecraft``
    object_id = models.CharField(max_length=64)
    fields = models.JSONField(default=list)  # model field names, sorted
    edited_at = models.DateTimeField(default=timezone.now)
    edited_by = models.CharField(max_length=150, blank=True, default="")

    class Meta:
        app_label = "catalog"
        db_table = "catalog_local_edit"
        ordering = ["model", "object_id"]
        constraints = [
            models.UniqueConstraint(fields=["model", "object_id"], name="local_edit_per_record")
        ]

    def __str__(self) -> str:
        return f"{self.model} {self.object_id}: {', '.join(self.fields)}"


def local_edits() -> dict[tuple[str, str], frozenset[str]]:
    """Every held local edit: (model label, object id) -> the edited field names. Edits are
    made by hand, so they are few: one query reads them all."""
    return {
        (model, object_id): frozenset(fields)
        for model, object_id, fields in LocalEdit.objects.values_list(
            "model", "object_id", "fields"
        )
    }
