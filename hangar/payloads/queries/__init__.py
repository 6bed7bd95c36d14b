"""How payloads and their flights are loaded, at each level, wherever they are nested.

Two modules, so that docking events and payload flights can nest each other without an import
cycle: ``payloads`` loads payloads and payload flights without their docking events (what a
docking event nests), ``flights`` the detailed payload flights with the docking events they made
as the chaser."""
