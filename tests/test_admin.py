"""The curation admin: behind a login, every resource listed in a few queries, searchable, and
an edit that raises the catalog version, recomputes the statistics it touches and is kept by the
next import until it is released."""

from __future__ import annotations

import io
import json
import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from hangar.core.cache import ResponseCache
from hangar.core.models import LocalEdit, current_catalog_version
from hangar.ingest.importer import import_files
from hangar.wsgi import django_application
from tests import factories as f
from tests import models as m
from tests.conftest import AGENCY_44, SPACECRAFT_PAGE, SPUTNIK_LAUNCH
from tests.test_response_cache import call

pytestmark = pytest.mark.django_db

PROGRESS_MS_01 = 243


class FormReader(HTMLParser):
    """The values a browser would post back from the page's main form, as the page fills them."""

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, str | list[str]] = {}
        self.select: str | None = None
        self.multiple = False
        self.textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "button"}:
            if attrs.get("type") != "checkbox" or "checked" in attrs:
                self.data[name] = attrs.get("value") or ("on" if "checked" in attrs else "")
        elif tag == "select" and name:
            self.select, self.multiple = name, "multiple" in attrs
            self.data.setdefault(name, [] if self.multiple else "")
        elif tag == "option" and self.select and "selected" in attrs:
            value = attrs.get("value") or ""
            if self.multiple:
                self.data[self.select].append(value)
            else:
                self.data[self.select] = value
        elif tag == "textarea" and name:
            self.textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea] += data.removeprefix("\n")


def form_of(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    reader = FormReader()
    reader.feed(response.content.decode())
    return reader.data


@pytest.fixture
def curator(client):
    user = User.objects.create_superuser("curator", "curator@example.org", "a-long-password")
    client.force_login(user)
    return client


def edit(client, url: str, **changes) -> None:
    data = form_of(client, url)
    data.update(changes)
    response = client.post(url, data)
    errors = re.findall(r'<ul class="errorlist[^>]*>(.*?)</ul>', response.content.decode(), re.S)
    assert response.status_code == 302, errors


def served(api, pk: int) -> dict:
    response = api.get(f"/2.3.0/spacecraft/{pk}/")
    assert response.status_code == 200
    return response.json()


# --- logging in ----------------------------------------------------------------------------


def test_the_admin_asks_for_a_login(client):
    response = client.get("/admin/catalog/spacecraft/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_createsuperuser_makes_a_user_who_can_log_in(client):
    call_command(
        "createsuperuser",
        "--noinput",
        username="root",
        email="root@example.org",
        stdout=io.StringIO(),
    )
    user = User.objects.get(username="root")
    user.set_password("another-long-password")
    user.save()
    assert client.login(username="root", password="another-long-password")
    assert client.get("/admin/").status_code == 200


# --- changelists ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "catalog/spacecraft/",
        "catalog/spacecraftconfig/",
        "catalog/agency/",
        "catalog/image/",
        "catalog/spacecraftflight/",
    ],
)
def test_a_changelist_of_30_rich_records_takes_at_most_6_queries(
    curator, path, django_assert_max_num_queries
):
    f.rich_spacecraft(30, flights=1)
    with django_assert_max_num_queries(6):
        response = curator.get(f"/admin/{path}")
    assert response.status_code == 200


@pytest.mark.parametrize("flights", [2, 30])
def test_a_spacecraft_with_its_flights_inline_takes_at_most_10_queries(
    curator, flights, django_assert_max_num_queries
):
    craft = f.rich_spacecraft(1, flights=flights)[0]
    for flight in craft.flights.all():
        f.docking_event(flight, f.at("2000-06-01T00:00:00"))
    with django_assert_max_num_queries(10):
        response = curator.get(f"/admin/catalog/spacecraft/{craft.id}/change/")
    assert response.status_code == 200
    assert response.content.decode().count('name="flights-') > flights
    flight = craft.flights.first()
    with django_assert_max_num_queries(10):
        response = curator.get(f"/admin/catalog/spacecraftflight/{flight.id}/change/")
    assert response.status_code == 200


def test_every_registered_model_has_a_changelist(curator):
    from django.contrib import admin

    f.rich_spacecraft(2, flights=1)
    for model in admin.site._registry:
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        assert curator.get(url).status_code == 200, url


def test_the_spacecraft_list_shows_thumbnails_and_searches_by_name(curator, spacecraft_page):
    response = curator.get("/admin/catalog/spacecraft/", {"q": "Crew Dragon"})
    page = response.content.decode()
    assert "Crew Dragon C204" in page
    assert "Progress MS-01" not in page
    assert "<img src=" in page


def test_the_change_form_previews_the_image_and_shows_statistics_read_only(
    curator, spacecraft_page
):
    page = curator.get(f"/admin/catalog/spacecraft/{PROGRESS_MS_01}/change/").content.decode()
    assert "image preview" in page.lower() and "<img src=" in page
    fields = form_of(curator, f"/admin/catalog/spacecraft/{PROGRESS_MS_01}/change/")
    assert "name" in fields
    assert not {"time_in_space_s", "flights_count", "stats_as_of"} & fields.keys()


# --- an edit -------------------------------------------------------------------------------


def test_an_edit_raises_the_version_and_changes_what_is_served(curator, api, spacecraft_page):
    before = current_catalog_version()
    url = f"/admin/catalog/spacecraft/{PROGRESS_MS_01}/change/"
    edit(curator, url, name="Progress MS-01 (curated)")
    assert current_catalog_version() > before
    assert served(api, PROGRESS_MS_01)["name"] == "Progress MS-01 (curated)"
    mark = LocalEdit.objects.get()
    assert (mark.model, mark.object_id, mark.fields) == (
        "catalog.spacecraft",
        str(PROGRESS_MS_01),
        ["name"],
    )
    assert mark.edited_by == "curator"


def test_a_kept_answer_is_not_served_after_an_edit(curator, spacecraft_page):
    cache = ResponseCache(django_application)
    path = f"/2.3.0/spacecraft/{PROGRESS_MS_01}/"
    _, before, body = call(cache, path)
    assert json.loads(body)["name"] == "Progress MS-01"
    edit(curator, f"/admin/catalog/spacecraft/{PROGRESS_MS_01}/change/", description="Curated.")
    _, after, body = call(cache, path)
    assert after["etag"] != before["etag"]
    assert json.loads(body)["description"] == "Curated."


def test_an_edit_of_a_flight_recomputes_the_statistics_it_touches(curator, api):
    craft = f.spacecraft(has_flight_data=True)
    start = f.at("2010-01-01T00:00:00")
    flight = f.flight(craft, start, start + timedelta(days=10))
    from hangar.spacecraft.stats import refresh_spacecraft

    refresh_spacecraft([craft.id])
    craft.refresh_from_db()
    assert craft.time_in_space_s == 10 * 86400
    url = f"/admin/catalog/spacecraft/{craft.id}/change/"
    edit(
        curator,
        url,
        **{"flights-0-mission_end_0": "2010-01-21", "flights-0-mission_end_1": "00:00:00"},
    )
    craft.refresh_from_db()
    flight.refresh_from_db()
    assert craft.time_in_space_s == 20 * 86400
    assert flight.duration_s == 20 * 86400
    assert served(api, craft.id)["time_in_space"] == "P20D"
    assert LocalEdit.objects.get(model="catalog.spacecraftflight").fields == ["mission_end"]


def test_deleting_a_flight_recomputes_the_counts(curator):
    craft = f.spacecraft(has_flight_data=True)
    start = f.at("2010-01-01T00:00:00")
    flights = [f.flight(craft, start + timedelta(days=100 * n)) for n in range(2)]
    from hangar.spacecraft.stats import refresh_spacecraft

    refresh_spacecraft([craft.id])
    before = current_catalog_version()
    response = curator.post(
        f"/admin/catalog/spacecraftflight/{flights[0].id}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    craft.refresh_from_db()
    assert craft.flights_count == 1
    assert current_catalog_version() > before


# --- the next import -----------------------------------------------------------------------


def test_the_next_import_keeps_the_edit_and_says_so(curator, api, spacecraft_page):
    url = f"/admin/catalog/spacecraft/{PROGRESS_MS_01}/change/"
    edit(curator, url, name="Progress MS-01 (curated)")
    report = import_files([SPACECRAFT_PAGE])
    assert served(api, PROGRESS_MS_01)["name"] == "Progress MS-01 (curated)"
    assert report.counts.held_back == {"spacecraft": 1}
    assert any("1 upstream change held back" in line for line in report.lines())
    out = io.StringIO()
    call_command("import", str(SPACECRAFT_PAGE), stdout=out)
    assert "Kept 1 locally edited record (spacecraft: 1)" in out.getvalue()


def test_releasing_the_edit_lets_the_next_import_take_upstream(curator, api, spacecraft_page):
    url = f"/admin/catalog/spacecraft/{PROGRESS_MS_01}/change/"
    edit(curator, url, name="Progress MS-01 (curated)")
    out = io.StringIO()
    call_command("edits", "list", stdout=out)
    assert f"catalog.spacecraft {PROGRESS_MS_01}: name" in out.getvalue()
    call_command("edits", "release", "spacecraft", str(PROGRESS_MS_01), stdout=io.StringIO())
    assert not LocalEdit.objects.exists()
    report = import_files([SPACECRAFT_PAGE])
    assert not report.counts.held_back
    assert served(api, PROGRESS_MS_01)["name"] == "Progress MS-01"


def test_releasing_an_edit_that_does_not_exist_says_so():
    with pytest.raises(CommandError, match=r"no local edit of catalog\.spacecraft 999"):
        call_command("edits", "release", "spacecraft", "999")
    with pytest.raises(CommandError, match="no catalog model 'rocketship'"):
        call_command("edits", "release", "rocketship", "1")


def test_deleting_the_mark_in_the_admin_releases_the_edit(curator, spacecraft_page):
    url = f"/admin/catalog/spacecraft/{PROGRESS_MS_01}/change/"
    edit(curator, url, name="Progress MS-01 (curated)")
    mark = LocalEdit.objects.get()
    response = curator.post(f"/admin/catalog/localedit/{mark.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    import_files([SPACECRAFT_PAGE])
    assert m.Spacecraft.objects.get(pk=PROGRESS_MS_01).name == "Progress MS-01"


@pytest.mark.parametrize(
    "model",
    ["launch", "agency", "pad", "location", "spacecraftconfig", "launcherconfig", "mission"],
)
def test_a_record_of_the_launch_domain_is_edited_and_its_statistics_refreshed(curator, model):
    import_files([SPUTNIK_LAUNCH, AGENCY_44])
    record = apps.get_model("catalog", model).objects.order_by("pk").first()
    before = current_catalog_version()
    edit(curator, f"/admin/catalog/{model}/{record.pk}/change/", name="Curated name")
    record.refresh_from_db()
    assert record.name == "Curated name"
    assert current_catalog_version() > before
