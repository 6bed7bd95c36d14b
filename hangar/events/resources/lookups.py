"""The ``config/`` lookups of the events domain."""

from hangar.core.lookups import lookup
from hangar.core.registry import register
from hangar.events import inputs, models, serializers

register(
    lookup("config/event_types/", models.EventType, serializers.EventType, inputs.EventTypeIn),
)
