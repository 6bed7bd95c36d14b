"""The launch domain's statistics: the rules an import follows to keep computed figures, and
the refresh of the figures a batch touches (``hangar.launches.import_rules``)."""

from hangar.core.registry import registry
from hangar.launches import import_rules

for rule in import_rules.WRITE_RULES:
    registry.add_write_rule(rule)
registry.add_refresh(import_rules.STATISTICS)
