"""Launch vehicles: configuration families, configurations, and the boosters that fly them."""
