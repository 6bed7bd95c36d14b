"""Request rates as Hangar's settings and API keys write them: ``N/second|minute|hour|day``.

DRF's throttles read a rate by the first letter of its period and take anything after it;
Hangar accepts the four words only, so that a typo (``15/hr``, ``15/hours``) is refused where
it is written instead of quietly meaning something else."""

import re

RATE_FORM = "N/second, N/minute, N/hour or N/day (N a whole number of at least 1)"
RATE_PATTERN = re.compile(r"^[1-9][0-9]*/(second|minute|hour|day)$")


def is_rate(text: str) -> bool:
    return bool(RATE_PATTERN.match(text))
