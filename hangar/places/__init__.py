"""Where launches leave from: celestial bodies, locations (spaceports) and their pads."""
