"""The people domain's endpoints, one module each; importing a module registers it."""
