"""The dashboard domain's endpoint: ``dashboard/starship/``."""
