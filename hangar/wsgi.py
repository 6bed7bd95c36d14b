"""WSGI entry point for production servers (``hangar serve`` runs gunicorn on it): the
application behind the response cache (``hangar.core.cache``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hangar.settings")
django_application = get_wsgi_application()

from hangar.core import database_deadline  # noqa: E402 - needs the settings configured
from hangar.core.cache import ResponseCache  # noqa: E402

# A stalled database answers 503 instead of hanging the worker (``hangar.core.database_deadline``).
database_deadline.install()

application = ResponseCache(django_application)
