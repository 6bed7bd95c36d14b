"""``hangar serve``: the API behind gunicorn, a production WSGI server, and ``hangar refresh``
beside it, so that the stored statistics follow planned flights as they launch."""

import math
import subprocess
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.core.wsgi import get_wsgi_application
from gunicorn.app.base import BaseApplication

from hangar.core import database_deadline
from hangar.core.cache import ResponseCache


class HangarServer(BaseApplication):
    def __init__(self, options: dict) -> None:
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        # The project's WSGI application (``hangar.wsgi``): Django behind the response cache,
        # its statements under the deadline that keeps a stalled database from hanging it.
        database_deadline.install()
        return ResponseCache(get_wsgi_application())


def worker_timeout() -> int:
    """Seconds gunicorn lets a request run before it kills the worker: 30, or longer than a
    request waits for a stalled database, so that such a request answers 503 first."""
    return max(30, math.ceil(database_deadline.deadline_seconds()) + 10)


LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def refuse_default_key(bind: str) -> None:
    """The built-in ``SECRET_KEY`` is public: fine for one user on this machine, not for a
    server others reach."""
    host = bind.rpartition(":")[0] if ":" in bind else bind
    if settings.SECRET_KEY == settings.DEFAULT_SECRET_KEY and host not in LOOPBACK:
        raise CommandError(
            f"SECRET_KEY is the built-in default, which is public: set SECRET_KEY to serve on "
            f"{bind}, or bind to 127.0.0.1."
        )


class Command(BaseCommand):
    help = "Serve the API with gunicorn (bind address and workers from options or environment)."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=settings.HANGAR_BIND, help="host:port")
        parser.add_argument(
            "--workers",
            type=int,
            default=settings.HANGAR_WORKERS,
            help="worker processes (default: 2 x CPUs + 1)",
        )

    def handle(self, *args, **options):
        refuse_default_key(options["bind"])
        self.stdout.write(f"Hangar serving on http://{options['bind']}/2.3.0/spacecraft/")
        refresher = self.start_refresher()
        try:
            self.serve(options)
        finally:
            if refresher is not None:
                refresher.terminate()
                refresher.wait(timeout=10)

    def start_refresher(self):
        """``hangar refresh --every N`` in a process of its own (HANGAR_REFRESH_SECONDS, 60 by
        default; 0 for none, e.g. when cron runs it or the database is read-only)."""
        every = settings.HANGAR_REFRESH_SECONDS
        if every <= 0:
            return None
        command = [sys.executable, "-m", "hangar.cli", "refresh", "--every", f"{every:g}"]
        return subprocess.Popen(command)

    def serve(self, options) -> None:
        HangarServer(
            {
                "bind": options["bind"],
                "workers": options["workers"],
                # HANGAR_ACCESS_LOG: a file, "-" for stdout (default), or empty for none.
                "accesslog": settings.HANGAR_ACCESS_LOG or None,
                # gunicorn's sync worker, answering the requests it refuses itself in JSON.
                "worker_class": "hangar.core.worker.HangarWorker",
                "timeout": worker_timeout(),
                "graceful_timeout": 10,
                # Several instances may run on one machine: no shared control socket.
                "control_socket_disable": True,
            }
        ).run()
