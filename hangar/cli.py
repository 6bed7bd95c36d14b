"""The ``hangar`` command: Django's management commands under one name.

``hangar serve``, ``hangar import FILE...`` and ``hangar load_bundled`` are Hangar's own; every
other Django command (``migrate``, ``check``, ...) works as well.
"""

import os
import sys
from importlib.metadata import version

from django.core.management import execute_from_command_line
from django.db import DatabaseError
from environs import EnvError

INTERRUPTED = {
    "sync": "the pages fetched so far are kept; run hangar sync again to resume from them",
    "import": "nothing was imported (an import applies all of its files or none)",
}


def main() -> None:
    if sys.argv[1:] == ["--version"]:  # Hangar's version; Django's would be its own
        print(version("hangar"))
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hangar.settings")
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    try:
        execute_from_command_line(sys.argv)
    except EnvError as error:
        # A setting that does not parse: one line naming the variable, no traceback.
        sys.exit(f"hangar: {error}")
    except KeyboardInterrupt as interrupted:
        # What was kept: said by the command when it knows (a sync counts its pages).
        kept = str(interrupted) or INTERRUPTED.get(command, "")
        print(f"\nhangar {command}: interrupted{'; ' + kept if kept else ''}.", file=sys.stderr)
        sys.exit(130)
    except DatabaseError as error:
        # Locked, read-only or unreachable: say so in one line (the traceback with --traceback).
        if "--traceback" in sys.argv:
            raise
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        sys.exit(f"hangar {command}: database error: {first}")


if __name__ == "__main__":
    main()
