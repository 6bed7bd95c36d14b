"""The launch domain's endpoints."""
