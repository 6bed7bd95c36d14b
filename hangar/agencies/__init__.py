"""Agencies: the organisations every other domain refers to, their types and countries."""
