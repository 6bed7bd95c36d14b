"""The catalog's size and its last syncs, as the home page and the metrics show them."""

from hangar.core.registry import registry


def catalog_size() -> list[tuple[str, int]]:
    """Records held per listed resource, in the API root's order: ``config/`` lookups left out,
    and a model served by several endpoints (``launches/upcoming/``) counted once, under its
    first endpoint."""
    sizes, seen = [], set()
    for resource in registry.resources():
        if resource.single or not resource.listed or resource.path.startswith("config/"):
            continue
        if resource.model in seen:
            continue
        seen.add(resource.model)
        sizes.append((resource.name, resource.model._default_manager.count()))
    return sizes
