"""``hangar edits list`` and ``hangar edits release``: the local edits imports keep, and letting
them go so that the next import or sync takes upstream's values."""

from __future__ import annotations

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from hangar.core.models import LocalEdit


def model_label(name: str) -> str:
    """``spacecraft``, ``SpacecraftFlight`` or ``catalog.spacecraft`` -> ``catalog.spacecraft``."""
    label = name.lower() if "." in name else f"catalog.{name.lower()}"
    try:
        apps.get_model(label)
    except (LookupError, ValueError):
        raise CommandError(
            f"edits release: no catalog model {name!r} (give its name, e.g. spacecraft or "
            "spacecraftflight, as `hangar edits list` shows it)."
        ) from None
    return label


class Command(BaseCommand):
    help = (
        "List the records edited in the admin, whose edited fields imports and syncs keep, or "
        "release them (all, or one record) so that the next import takes upstream's values."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("list", help="the local edits imports keep")
        release = actions.add_parser("release", help="let upstream's values in again")
        release.add_argument("model", nargs="?", help="the record's model, e.g. spacecraft")
        release.add_argument("id", nargs="?", help="the record's id")
        release.add_argument("--all", action="store_true", help="release every local edit")

    def handle(self, *args, **options):
        if options["action"] == "list":
            self.list()
        else:
            self.release(options["model"], options["id"], options["all"])

    def list(self) -> None:
        edits = LocalEdit.objects.order_by("model", "object_id")
        for edit in edits:
            by = f" by {edit.edited_by}" if edit.edited_by else ""
            self.stdout.write(
                f"{edit.model} {edit.object_id}: {', '.join(edit.fields)} "
                f"(edited{by} at {edit.edited_at:%Y-%m-%d %H:%M:%S} UTC)"
            )
        count = len(edits)
        self.stdout.write(f"{count} local edit{'s' if count != 1 else ''}.")

    def release(self, model: str | None, pk: str | None, everything: bool) -> None:
        if everything == bool(model):
            raise CommandError("edits release: give MODEL ID, or --all (not both).")
        if everything:
            released, _ = LocalEdit.objects.all().delete()
        else:
            if pk is None:
                raise CommandError("edits release: give the record's id after its model.")
            label = model_label(model)
            released, _ = LocalEdit.objects.filter(model=label, object_id=pk).delete()
            if not released:
                raise CommandError(f"edits release: no local edit of {label} {pk}.")
        self.stdout.write(
            f"Released {released} local edit{'s' if released != 1 else ''}: the next import "
            "or sync that carries the record takes upstream's values."
        )
