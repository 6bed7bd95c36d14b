"""The images domain's endpoints."""
