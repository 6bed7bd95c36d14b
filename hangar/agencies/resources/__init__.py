"""The agencies domain's endpoints."""
