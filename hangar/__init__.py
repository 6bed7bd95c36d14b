"""Hangar: a self-hostable server that speaks the Launch Library 2 (2.3.0) API."""
