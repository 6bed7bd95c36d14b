"""The ``config/`` lookups of the launchers domain, one row each."""

from hangar.core.lookups import lookup
from hangar.core.registry import register
from hangar.launchers import inputs, models, serializers

register(
    lookup(
        "config/launcher_statuses/",
        models.LauncherStatus,
        serializers.LauncherStatus,
        inputs.LauncherStatusIn,
    ),
)
