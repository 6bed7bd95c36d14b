"""Launches at every level and what they nest, named after their schema components. Columns
are served as the models type them (``hangar.core.serializers``); each serializer expects the
queryset ``hangar.launches.queries`` builds for it. ``basic`` holds what other domains nest (a
launch up to its normal level), ``detailed`` what only the launch's own detail carries (its
rocket's stages, spacecraft and payloads)."""
