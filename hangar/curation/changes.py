"""What an edit in the admin does beyond saving its rows: the statistics it touches are
recomputed by the same refreshes an import runs, the catalog's version is raised (so no kept
answer outlives the edit), and the edited fields are marked as local edits that imports keep.
All of it in the transaction of the edit."""

from __future__ import annotations

from datetime import UTC, datetime

from django.db import models, transaction

from hangar.core.batch import Batch
from hangar.core.models import LocalEdit, bump_catalog_version
from hangar.core.registry import registry


def row_values(obj: models.Model) -> dict:
    """A saved object's columns, as an import's batch holds them."""
    return {
        field.attname: getattr(obj, field.attname)
        for field in obj._meta.concrete_fields
        if not field.primary_key
    }


class CatalogChange:
    """The records one admin request changes. ``before`` asks the refreshes which statistics
    depend on the records as they are held; ``finish`` asks again once they are written, and
    recomputes both (a flight moved from one launch to another changes both launches)."""

    def __init__(self) -> None:
        self.batch = Batch()
        self.before: dict[str, set] = {}

    def add(self, obj: models.Model) -> None:
        if obj.pk is not None:
            self.batch.add(type(obj), obj.pk, row_values(obj), 0, "admin")

    def add_held(self, model: type[models.Model], queryset) -> None:
        """Rows of ``model`` as the database holds them now (the children an inline edits)."""
        for obj in queryset:
            self.batch.add(model, obj.pk, row_values(obj), 0, "admin")

    def start(self) -> None:
        self.before = {refresh.name: refresh.affected(self.batch) for refresh in refreshes()}

    def finish(self, now: datetime | None = None) -> None:
        now = now or datetime.now(UTC)
        with transaction.atomic():
            for refresh in refreshes():
                ids = self.before.get(refresh.name, set()) | refresh.affected(self.batch)
                refresh.refresh(ids, now)
                refresh.due(now)
            bump_catalog_version()


def refreshes():
    return registry.refreshes()


def record_local_edit(obj: models.Model, names, user) -> None:
    """Mark the fields ``names`` of ``obj`` as edited here, with those of earlier edits."""
    fields = {field.name for field in obj._meta.get_fields() if field.concrete}
    names = sorted(set(names) & fields)
    if not names or obj.pk is None:
        return
    edit, created = LocalEdit.objects.get_or_create(
        model=obj._meta.label_lower,
        object_id=str(obj.pk),
        defaults={"fields": names, "edited_by": username(user)},
    )
    if not created:
        edit.fields = sorted(set(edit.fields) | set(names))
        edit.edited_by = username(user)
        edit.edited_at = datetime.now(UTC)
        edit.save(update_fields=["fields", "edited_by", "edited_at"])


def forget_local_edits(model: type[models.Model], pks) -> None:
    """A deleted record keeps no mark: an import that brings it back takes it as it comes."""
    LocalEdit.objects.filter(
        model=model._meta.label_lower, object_id__in=[str(pk) for pk in pks]
    ).delete()


def username(user) -> str:
    return user.get_username() if user is not None and user.is_authenticated else ""
