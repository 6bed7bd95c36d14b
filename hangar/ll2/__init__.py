"""The LL2 2.3.0 wire format, with no models: the official document, schema reading and
projection, durations, links and urls. Nothing here imports the rest of Hangar."""
