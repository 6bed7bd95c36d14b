"""Response serializers of the payloads domain, one per LL2 schema component and named after it.

Two modules, so that docking events and payload flights can nest each other without an import
cycle: ``payloads`` holds payloads and the payload flights a docking event nests, ``flights``
the payload flights that list their docking events. Each serializer expects the queryset built
for it in ``hangar.payloads.queries``."""
