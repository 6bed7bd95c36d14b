"""Landings of first stages, spacecraft and payloads, their types and where they happen."""
