"""The admin of one catalog model, derived from its fields: what a changelist shows, searches
and filters by, which foreign keys are picked by id or by search instead of from a select of
every row, and which columns are read-only because Hangar computes them."""

from __future__ import annotations

from django.contrib import admin
from django.db import models, transaction
from django.utils.html import format_html

from hangar.core.lookups import NamedLookup
from hangar.curation.changes import CatalogChange, forget_local_edits, record_local_edit
from hangar.curation.computed import computed_fields
from hangar.images.models import Image

# Columns a record is known by, searched and shown first when a model has them.
NAME_FIELDS = ("name", "full_name", "title", "abbrev", "serial_number", "slug", "nickname")
MAX_FOREIGN_COLUMNS = 3
MAX_FILTERS = 4
THUMBNAIL = '<img src="{}" alt="" style="max-height:{}px;max-width:{}px">'


def thumbnail(url: str | None, size: int) -> str:
    return format_html(THUMBNAIL, url, size, size * 2) if url else "-"


class CatalogAdmin(admin.ModelAdmin):
    """What every catalog model's admin does on save and delete (see ``changes``)."""

    show_full_result_count = False  # one COUNT(*) of a big table per page is enough
    list_per_page = 50
    image_path: str | None = None  # the foreign key to an image, or "" for an image itself
    # Links typed without a scheme are taken as https (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_readonly_fields(self, request, obj=None):
        """The upstream id of a held record is what imports find it by: it is not edited."""
        fields = super().get_readonly_fields(request, obj)
        return fields if obj is None else ("id", *fields)

    @admin.display(description="image")
    def image_thumbnail(self, obj) -> str:
        image = obj if self.image_path == "" else getattr(obj, self.image_path or "", None)
        return thumbnail(image.thumbnail_url or image.image_url, 48) if image else "-"

    @admin.display(description="image preview")
    def image_preview(self, obj) -> str:
        image = obj if self.image_path == "" else getattr(obj, self.image_path or "", None)
        return thumbnail(image.image_url, 240) if image else "-"

    def save_model(self, request, obj, form, change) -> None:
        edit = CatalogChange()
        if change:
            held = type(obj).objects.filter(pk=obj.pk)
            edit.add_held(type(obj), held)
            for inline in self.get_inline_instances(request, obj):
                children = inline.model.objects.filter(**{inline.fk_name: obj.pk})
                edit.add_held(inline.model, children)
        edit.start()
        request.catalog_change = edit
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        edit = request.catalog_change
        edit.add(form.instance)
        record_local_edit(form.instance, form.changed_data, request.user)
        for formset in formsets:
            for inline_form in formset.forms:
                if inline_form.instance.pk is not None and inline_form.has_changed():
                    edit.add(inline_form.instance)
                    record_local_edit(inline_form.instance, inline_form.changed_data, request.user)
            for deleted in formset.deleted_objects:
                forget_local_edits(type(deleted), [deleted.pk])
        edit.finish()

    def delete_model(self, request, obj) -> None:
        self.delete_queryset(request, type(obj).objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset) -> None:
        with transaction.atomic():
            edit = CatalogChange()
            edit.add_held(queryset.model, queryset)
            edit.start()
            pks = edit.batch.ids(queryset.model)
            super().delete_queryset(request, queryset)
            forget_local_edits(queryset.model, pks)
            edit.finish()


def relations(model: type[models.Model]) -> list[models.Field]:
    return [
        field
        for field in model._meta.get_fields()
        if field.concrete and (field.many_to_one or field.one_to_one or field.many_to_many)
    ]


def is_small(field: models.Field) -> bool:
    """A foreign key to a lookup table (a status, a type): few rows, fine in a select box and as
    a list filter."""
    return issubclass(field.related_model, NamedLookup)


def name_fields(model: type[models.Model]) -> tuple[str, ...]:
    char_fields = {
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.SlugField)
    }
    return tuple(name for name in NAME_FIELDS if name in char_fields)


def admin_options(model: type[models.Model], searchable: set) -> dict:
    """The options of ``model``'s admin; ``searchable`` are the models whose admins search (an
    autocomplete needs one)."""
    names = name_fields(model)
    fields = relations(model)
    foreign = [f for f in fields if not f.many_to_many and not is_small(f)]
    small = [f for f in fields if not f.many_to_many and is_small(f)]
    booleans = [f.name for f in model._meta.concrete_fields if isinstance(f, models.BooleanField)]
    computed = computed_fields(model)
    editable_booleans = [name for name in booleans if name not in computed]
    image_path = "" if model is Image else image_field(fields)
    shown = [f.name for f in [*small, *foreign] if f.name != image_path][:MAX_FOREIGN_COLUMNS]
    big = [f for f in fields if not is_small(f)]
    return {
        "list_display": (
            "id",
            *names[:1],
            *shown,
            *editable_booleans[:2],
            *(["image_thumbnail"] if image_path is not None else []),
        ),
        "list_display_links": ("id", *names[:1]),
        "list_select_related": tuple(name for name in [*shown, image_path] if name),
        "search_fields": names,
        "list_filter": tuple([f.name for f in small] + editable_booleans)[:MAX_FILTERS],
        "autocomplete_fields": tuple(f.name for f in big if f.related_model in searchable),
        "raw_id_fields": tuple(f.name for f in big if f.related_model not in searchable),
        "readonly_fields": (*computed, *(["image_preview"] if image_path is not None else [])),
        "image_path": image_path,
    }


def image_field(fields: list[models.Field]) -> str | None:
    for field in fields:
        if field.related_model is Image and not field.many_to_many:
            return field.name
    return None
