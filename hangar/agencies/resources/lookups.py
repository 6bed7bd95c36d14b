"""The ``config/`` lookups of the agencies domain, one row each."""

from hangar.agencies import inputs, models, serializers
from hangar.core.lookups import lookup
from hangar.core.registry import register

register(
    lookup("config/agency_types/", models.AgencyType, serializers.AgencyType, inputs.AgencyTypeIn),
    lookup("config/countries/", models.Country, serializers.Country, inputs.CountryIn),
)
