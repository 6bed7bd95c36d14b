"""The domain-free core: the resource registry, the viewset with the mode switch, pagination,
rendering, filters, response and input fields, error pages, and the batch and collector the
importer walks records with. Nothing here imports a domain package or ``hangar.ingest``."""
