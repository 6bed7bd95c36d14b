"""API keys in the curation admin: issued there (the key shown once, on the page that follows),
revoked by a tick, never shown again; the same keys ``hangar keys`` manages."""

from django.contrib import admin, messages

from hangar.service.models import PREFIX_LENGTH, ApiKey, digest


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ("name", "prefix", "rate", "revoked", "created")
    list_filter = ("revoked",)
    search_fields = ("name", "prefix")
    readonly_fields = ("prefix", "created")

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("name", "rate")
        return ("name", "prefix", "rate", "revoked", "created")

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        key = ApiKey.objects.new_plain_key()
        obj.prefix, obj.key_hash = key[:PREFIX_LENGTH], digest(key)
        super().save_model(request, obj, form, change)
        messages.success(
            request,
            f"The key of {obj.name}: {key} (shown this once; Hangar keeps only its digest).",
        )
