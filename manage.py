#!/usr/bin/env python
"""Django's command-line utility; the installed ``hangar`` command does the same."""

from hangar.cli import main

if __name__ == "__main__":
    main()
