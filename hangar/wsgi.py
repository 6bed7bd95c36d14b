"""WSGI entry point for production servers (``hangar serve`` runs gunicorn on it): the
application behind the response cache (``hangar.core.cache``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hangar.settings")
django_application = get_wsgi_application()

from hangar.core.cache import ResponseCache  # noqa: E402 - needs the settings configured

application = ResponseCache(django_application)
