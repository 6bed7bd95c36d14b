"""The spacecraft domain's endpoints, one module each."""
