"""The ``hangar`` command: Django's management commands under one name.

``hangar serve``, ``hangar import FILE...`` and ``hangar load_bundled`` are Hangar's own; every
other Django command (``migrate``, ``check``, ...) works as well.
"""

import os
import sys
from importlib.metadata import version

from django.core.management import execute_from_command_line
from environs import EnvError


def main() -> None:
    if sys.argv[1:] == ["--version"]:  # Hangar's version; Django's would be its own
        print(version("hangar"))
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hangar.settings")
    try:
        execute_from_command_line(sys.argv)
    except EnvError as error:
        # A setting that does not parse: one line naming the variable, no traceback.
        sys.exit(f"hangar: {error}")


if __name__ == "__main__":
    main()
