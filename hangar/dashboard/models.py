"""What the Starship dashboard shows beyond launches, events, boosters and spacecraft: road
closures at the launch site, notices to mariners and airmen, and live streams."""

from django.db import models

from hangar.launches.models import NoticeType, RoadClosureStatus
from hangar.programs.models import Program


class RoadClosure(models.Model):
    id = models.IntegerField(primary_key=True)
    title = models.CharField(max_length=255)
    status = models.ForeignKey(RoadClosureStatus, on_delete=models.PROTECT, related_name="+")
    window_start = models.DateTimeField()
    window_end = models.DateTimeField(db_index=True)
    program = models.ForeignKey(
        Program, null=True, blank=True, on_delete=models.SET_NULL, related_name="road_closures"
    )

    class Meta:
        app_label = "catalog"
        ordering = ["window_start", "id"]

    def __str__(self) -> str:
        return self.title


class Notice(models.Model):
    id = models.IntegerField(primary_key=True)
    type = models.ForeignKey(NoticeType, on_delete=models.PROTECT, related_name="+")
    date = models.DateTimeField(db_index=True)
    url = models.URLField(max_length=1024)
    program = models.ForeignKey(
        Program, null=True, blank=True, on_delete=models.SET_NULL, related_name="notices"
    )

    class Meta:
        app_label = "catalog"
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"notice {self.pk}"


class LiveStream(models.Model):
    """A live stream a program's dashboard shows (LL2's ``VidURLs``): no upstream id, kept in
    LL2's order."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="live_streams")
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=200, null=True, blank=True)
    description = models.CharField(max_length=350, null=True, blank=True)
    image = models.URLField(max_length=1024, null=True, blank=True)
    url = models.URLField(max_length=1024)

    class Meta:
        app_label = "catalog"
        ordering = ["position", "id"]
