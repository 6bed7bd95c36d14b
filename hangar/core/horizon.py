"""When the catalog's answers change without the catalog changing: its horizon.

Many answers depend on the instant they describe, not only on the rows: ``launches/upcoming/``
holds the launches of the last day and later, a station's docked vehicles are those docked and
not yet departed, an astronaut's flights are those launched, an age changes at midnight. Each
such answer compares a date or time column with the instant (or with the instant less the day
that upcoming lists keep). So, until the catalog changes, no answer can change before the
horizon: the earliest of the next value of any date-time column of the catalog to come, the
next such value plus a day, and the next midnight (UTC). A cached response is kept until the
horizon at which it was computed; the growing durations that change every second are not
answers of this kind (``hangar.core.live``).

Bookkeeping columns that no answer compares with the instant (``last_updated``, when a record
was imported or changed) are left out.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.apps import apps
from django.db import models
from django.db.models import Min

# The longest an answer keeps a record past one of its instants: a launch or event stays in
# ``upcoming/`` for a day after it.
GRACE = timedelta(hours=24)
BOOKKEEPING = frozenset({"last_updated", "changed_at", "edited_at"})


def instant_columns() -> list[tuple[type[models.Model], str]]:
    """Every date-time column of the catalog that an answer may compare with the instant."""
    columns = []
    for model in apps.get_app_config("catalog").get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.DateTimeField) and field.name not in BOOKKEEPING:
                columns.append((model, field.name))
    return columns


def next_midnight(now: datetime) -> datetime:
    today = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return today + timedelta(days=1)


def horizon(now: datetime) -> datetime:
    """The earliest instant after ``now`` at which an answer may change though the catalog
    has not."""
    candidates = [next_midnight(now)]
    for model, column in instant_columns():
        values = model._default_manager.aggregate(
            coming=Min(column, filter=models.Q(**{f"{column}__gt": now})),
            kept=Min(column, filter=models.Q(**{f"{column}__gt": now - GRACE})),
        )
        if values["coming"] is not None:
            candidates.append(values["coming"])
        if values["kept"] is not None:
            candidates.append(values["kept"] + GRACE)
    return min(candidates)


class KeptHorizon:
    """The horizon of the current catalog version, computed once and kept until it passes."""

    def __init__(self) -> None:
        self.version, self.since, self.until = None, 0.0, 0.0

    def at(self, version: int, now: float) -> float:
        until = self.until  # one read: another thread may replace it meanwhile
        if version != self.version or not self.since <= now < until:
            until = horizon(datetime.fromtimestamp(now, UTC)).timestamp()
            self.version, self.since, self.until = version, now, until
        return until
