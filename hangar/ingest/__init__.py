"""LL2 JSON in and out: ``hangar import``, ``hangar sync`` (mirroring an upstream within its
request budget), ``hangar export``, the data-quality report, and their management commands. It
reads the registry for what to import, crawl and export; nothing below imports it."""
