"""``programs/``: programs (Starlink, Artemis), with their agencies, mission patches and type.

The official document lists no filters, search fields or ordering fields for this path; the
list is in id order."""

from hangar.core.registry import Mode, Resource, register
from hangar.programs import queries
from hangar.programs.collect import program
from hangar.programs.inputs import ProgramIn
from hangar.programs.models import Program
from hangar.programs.serializers import ProgramMini, ProgramNormal

register(
    Resource(
        path="programs/",
        model=Program,
        modes={
            "list": Mode(ProgramMini, queries.programs_mini),
            "normal": Mode(ProgramNormal, queries.programs_normal),
        },
        input=ProgramIn,
        collect=program,
        rank=35,
    )
)
