"""The catalog's tables are declared in the domain packages (``hangar.images``,
``hangar.agencies``, ``hangar.launches``, ``hangar.spacecraft``, ...), each model with
``app_label = "catalog"``: one migration history for the whole catalog, so that foreign keys
between domains never make migrations depend on each other in a circle."""
