"""The ``config/`` lookups of the payloads domain, one row each."""

from hangar.core.lookups import lookup
from hangar.core.registry import register
from hangar.payloads import inputs, models
from hangar.payloads.serializers.payloads import PayloadType

register(
    lookup("config/payload_types/", models.PayloadType, PayloadType, inputs.PayloadTypeIn),
)
