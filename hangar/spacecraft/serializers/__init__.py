"""Response serializers of the spacecraft domain, one per LL2 schema component and named after
it. Each expects the queryset built for it in ``hangar.spacecraft.queries``; none queries on its
own (but for a spacecraft whose planned flight began a moment ago, see ``stats.as_of``)."""
