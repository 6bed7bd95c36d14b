"""Images LL2 attaches to agencies, configurations, spacecraft and more, with their licenses
and size variants."""

from django.db import models

from hangar.core.lookups import NamedLookup


class ImageVariantType(NamedLookup):
    pass


class ImageLicense(NamedLookup):
    priority = models.IntegerField(default=0)
    link = models.URLField(null=True, blank=True)


class Image(models.Model):
    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255)
    image_url = models.URLField(max_length=1024)
    thumbnail_url = models.URLField(max_length=1024)
    credit = models.CharField(max_length=255, null=True, blank=True)
    license = models.ForeignKey(ImageLicense, on_delete=models.PROTECT, related_name="images")
    single_use = models.BooleanField(default=True)

    class Meta:
        app_label = "catalog"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class ImageVariant(models.Model):
    id = models.IntegerField(primary_key=True)
    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="variants")
    type = models.ForeignKey(ImageVariantType, on_delete=models.PROTECT, related_name="+")
    image_url = models.URLField(max_length=1024)

    class Meta:
        app_label = "catalog"
        ordering = ["id"]
