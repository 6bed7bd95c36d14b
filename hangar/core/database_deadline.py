"""A deadline on waiting for PostgreSQL, so that a server that stops answering costs a request
seconds, not a worker.

``DATABASE_CONNECT_TIMEOUT`` bounds connecting and ``DATABASE_STATEMENT_TIMEOUT`` has the server
cancel a slow statement; neither helps when the server stops answering on a connection that is
already open (its processes frozen, its disk stuck, its host behind a firewall that drops
packets): the query is sent, the server's kernel acknowledges it, and the answer never comes.
libpq's keepalives and ``tcp_user_timeout`` do not fire either, since the kernel still answers
them. The worker would wait until gunicorn kills it, and every worker with it.

So while the main thread waits for a statement, a timer (``SIGALRM``) runs for the server's
own statement timeout plus the connect timeout: the server cancels a merely slow statement
first, and only a server that answers nothing at all reaches the deadline. Then the wait is
interrupted, the connection, in a state nobody knows, is closed, and ``DatabaseStalled`` (an
``OperationalError``) is raised: the request answers ``503`` like any other outage
(``hangar.core.middleware``) and the next one connects afresh. Signals reach the main thread
only: anywhere else (a threaded server, a probe's thread) no timer is set.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

from django.conf import settings
from django.db import DatabaseError
from django.db.backends.signals import connection_created
from django.db.utils import OperationalError


class DatabaseStalled(OperationalError):
    """The database did not answer within the deadline."""


def deadline_seconds() -> float:
    """How long one statement may wait for the server; 0 when statements may run forever."""
    statement = settings.DATABASE_STATEMENT_TIMEOUT
    return float(statement + settings.DATABASE_CONNECT_TIMEOUT) if statement else 0.0


@contextlib.contextmanager
def deadline(connection) -> Iterator[None]:
    """Interrupt the wait for ``connection``'s server at the deadline (see the module). A
    timer already running (this deadline, entered again, or anyone else's) is left alone."""
    seconds = deadline_seconds()
    main = threading.current_thread() is threading.main_thread()
    if not seconds or not main or connection.vendor != "postgresql" or running_timer():
        yield
        return

    def expire(signum, frame):
        raise DatabaseStalled(f"the database did not answer within {seconds:g}s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except DatabaseStalled:
        with contextlib.suppress(DatabaseError):
            connection.close()
        raise
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def running_timer() -> bool:
    return signal.getitimer(signal.ITIMER_REAL)[0] > 0


def wait_at_most(execute, sql, params, many, context):
    """An execute wrapper (Django's ``connection.execute_wrapper``) running the deadline."""
    with deadline(context["connection"]):
        return execute(sql, params, many, context)


def add_deadline(sender, connection, **kwargs) -> None:
    # First, so that a wrapper someone pushes and pops later leaves this one in place.
    if wait_at_most not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, wait_at_most)


def install() -> None:
    """Run every statement of every connection this process opens under the deadline."""
    connection_created.connect(add_deadline, dispatch_uid="hangar-database-deadline")
