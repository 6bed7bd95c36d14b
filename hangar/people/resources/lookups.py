"""The ``config/`` lookups of the astronauts domain, one row each."""

from dataclasses import replace

from hangar.core.lookups import lookup
from hangar.core.registry import register
from hangar.people import inputs, models
from hangar.people.serializers.crew import AstronautRole, AstronautStatus, AstronautType

register(
    lookup(
        "config/astronaut_statuses/",
        models.AstronautStatus,
        AstronautStatus,
        inputs.AstronautStatusIn,
    ),
    lookup("config/astronaut_types/", models.AstronautType, AstronautType, inputs.AstronautTypeIn),
    # A role is named by its ``role``, not a ``name``.
    replace(
        lookup(
            "config/astronaut_roles/", models.AstronautRole, AstronautRole, inputs.AstronautRoleIn
        ),
        search_fields=("role",),
        ordering_fields=("id", "priority", "role"),
    ),
)
