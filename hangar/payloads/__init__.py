"""Payloads and their flights on launches."""
