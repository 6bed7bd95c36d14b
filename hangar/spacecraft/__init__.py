"""The spacecraft domain: spacecraft, their configurations and families, flights, landings,
space stations and docking events, and the statistics computed from them."""
