"""Response serializers, one per LL2 schema component and named after it.

Fields are declared in the schema's property order, which is the order clients see. Each
serializer expects the queryset built for it in ``queries.py``; none of them queries on its own.
"""
