"""The curation admin: the catalog's records, edited by hand at ``/admin/``. An edit raises the
catalog's version, recomputes the statistics it touches, and is marked as a local edit that
imports and syncs keep (``hangar edits`` lists and releases them)."""
