"""The ``config/`` lookups of the programs domain, one row each."""

from hangar.core.lookups import lookup
from hangar.core.registry import register
from hangar.programs import inputs, models, serializers

register(
    lookup(
        "config/program_types/", models.ProgramType, serializers.ProgramType, inputs.ProgramTypeIn
    ),
)
