"""Programs (Starlink, Artemis, ...) and the mission patches of programs and launches."""
