"""The curation admin at ``/admin/``: every model the resource registry serves, each with an
admin derived from its fields (``options``), the local edits that imports keep, and Django's
users and groups."""

from __future__ import annotations

from django.contrib import admin

from hangar.core.models import LocalEdit
from hangar.core.registry import registry
from hangar.curation.inlines import INLINES
from hangar.curation.options import CatalogAdmin, admin_options, name_fields, relations

admin.site.site_header = "Hangar curation"
admin.site.site_title = "Hangar curation"
admin.site.index_title = "The catalog"


def catalog_models() -> list:
    """The models behind the registered resources, once each, in the registry's order, and
    the models they refer to (images, crews' seats), so that every foreign key in a change
    form can be looked up."""
    served = list(dict.fromkeys(resource.model for resource in registry.resources()))
    referred = [field.related_model for model in served for field in relations(model)]
    return list(dict.fromkeys([*served, *referred]))


def register_catalog(site: admin.AdminSite) -> None:
    models = catalog_models()
    searchable = {model for model in models if name_fields(model)}
    for model in models:
        if site.is_registered(model):
            continue
        options = admin_options(model, searchable)
        options["inlines"] = INLINES.get(model._meta.label_lower, ())
        name = f"{model.__name__}Admin"
        site.register(model, type(name, (CatalogAdmin,), {"__module__": __name__, **options}))


@admin.register(LocalEdit)
class LocalEditAdmin(admin.ModelAdmin):
    """Deleting a mark releases the edit: the next import or sync takes upstream's values."""

    list_display = ("model", "object_id", "edited_fields", "edited_by", "edited_at")
    list_filter = ("model",)
    search_fields = ("object_id", "edited_by")
    readonly_fields = ("model", "object_id", "fields", "edited_by", "edited_at")

    @admin.display(description="fields")
    def edited_fields(self, obj) -> str:
        return ", ".join(obj.fields)

    def has_add_permission(self, request) -> bool:
        return False


register_catalog(admin.site)
