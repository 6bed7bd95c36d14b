"""Agencies, their types and the countries they belong to.

An agency's launch and landing figures, as the launch service provider, are computed from the
launches Hangar holds (``hangar.launches.stats``), else kept as imported."""

from django.db import models

from hangar.core.lookups import NamedLookup
from hangar.images.models import Image


class AgencyType(NamedLookup):
    pass


class Country(NamedLookup):
    alpha_2_code = models.CharField(max_length=2, blank=True, default="")
    alpha_3_code = models.CharField(max_length=3, blank=True, default="")
    nationality_name = models.CharField(max_length=255, blank=True, default="")
    nationality_name_composed = models.CharField(max_length=255, blank=True, default="")

    class Meta(NamedLookup.Meta):
        app_label = "catalog"
        verbose_name_plural = "countries"


class Agency(models.Model):
    """An agency. Its launch and landing figures are computed from the launches it provides,
    once Hangar holds them (``hangar.launches.stats``); ``launcher_list`` is no longer read or
    written (its launcher configurations are rows, ``launcher_configs``) and will be dropped."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=200, db_index=True)
    abbrev = models.CharField(max_length=255, blank=True, default="", db_index=True)
    type = models.ForeignKey(AgencyType, on_delete=models.PROTECT, related_name="agencies")
    featured = models.BooleanField(default=False)
    # In LL2's order (ESA lists its member states as LL2 does): ``AgencyCountry.position``.
    countries = models.ManyToManyField(
        Country, through="AgencyCountry", blank=True, related_name="agencies"
    )
    description = models.CharField(max_length=2048, null=True, blank=True)
    administrator = models.CharField(max_length=200, null=True, blank=True)
    founding_year = models.IntegerField(null=True, blank=True)
    launchers = models.CharField(max_length=500, blank=True, default="")
    spacecraft = models.CharField(max_length=500, blank=True, default="")
    parent = models.CharField(max_length=200, null=True, blank=True)
    image = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    logo = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    social_logo = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    total_launch_count = models.IntegerField(null=True, blank=True)
    consecutive_successful_launches = models.IntegerField(null=True, blank=True)
    successful_launches = models.IntegerField(null=True, blank=True)
    failed_launches = models.IntegerField(null=True, blank=True)
    pending_launches = models.IntegerField(null=True, blank=True)
    consecutive_successful_landings = models.IntegerField(null=True, blank=True)
    successful_landings = models.IntegerField(null=True, blank=True)
    failed_landings = models.IntegerField(null=True, blank=True)
    attempted_landings = models.IntegerField(null=True, blank=True)
    successful_landings_spacecraft = models.IntegerField(null=True, blank=True)
    failed_landings_spacecraft = models.IntegerField(null=True, blank=True)
    attempted_landings_spacecraft = models.IntegerField(null=True, blank=True)
    successful_landings_payload = models.IntegerField(null=True, blank=True)
    failed_landings_payload = models.IntegerField(null=True, blank=True)
    attempted_landings_payload = models.IntegerField(null=True, blank=True)
    info_url = models.URLField(null=True, blank=True)
    wiki_url = models.URLField(null=True, blank=True)
    # Documents of other domains, served as the upstream gave them.
    social_media_links = models.JSONField(default=list, blank=True)
    launcher_list = models.JSONField(default=list, blank=True)

    class Meta:
        app_label = "catalog"
        ordering = ["id"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name

    @property
    def countries_in_order(self) -> list:
        """The countries as LL2 lists them (prefetched by ``queries.agency_normal_prefetches``)."""
        return [link.country for link in self.country_link_list]


class AgencyCountry(models.Model):
    """A country of an agency, at its place in the agency's list."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="country_links")
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        app_label = "catalog"
        # The table Django made for the relation before it was ordered.
        db_table = "catalog_agency_countries"
        ordering = ["position", "id"]
        unique_together = [("agency", "country")]
