"""What runs around the API for the people who operate it: the home page, health and readiness,
Prometheus metrics, and the API keys (their table, ``hangar keys``, the authentication that
reads them). It sits at the top beside the project, since it reads every layer (the
registry for the catalog's size, the sync's state for its last run)."""
