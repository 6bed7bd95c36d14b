"""Odd query strings get a 400 naming the parameter (or are ignored as LL2 ignores them),
never a 500, on every database."""

import pytest

BAD = [
    ("/2.3.0/landings/?spacecraft_launch__ids=not-a-uuid", "spacecraft_launch__ids"),
    ("/2.3.0/spacecraft/?status=99999999999999999999999999", "status"),
    ("/2.3.0/spacecraft/?spacecraft_config=-99999999999999999999999", "spacecraft_config"),
    ("/2.3.0/landings/?spacecraft__ids=1,99999999999999999999999999", "spacecraft__ids"),
    ("/2.3.0/space_stations/?owner__ids=abc", "owner__ids"),
    ("/2.3.0/docking_events/?docking__gt=9999-12-31T23:59:59-05:00", "docking__gt"),
    ("/2.3.0/docking_events/?docking__lt=0001-01-01T00:00:00%2B05:00", "docking__lt"),
    ("/2.3.0/docking_events/?docking__gte=notadate", "docking__gte"),
    ("/2.3.0/agencies/?featured=maybe", "featured"),
    ("/2.3.0/agencies/?mode=full", "mode"),
    ("/2.3.0/astronauts/?flights_count=1.5", "flights_count"),
    ("/2.3.0/astronauts/?landings_count__gte=1e1000000", "landings_count__gte"),
    ("/2.3.0/astronauts/?age__gt=x", "age__gt"),
    ("/2.3.0/space_stations/?id=1e1000000", "id"),
    ("/2.3.0/pads/?id__contains=4x", "id__contains"),
    ("/2.3.0/expeditions/?is_active=perhaps", "is_active"),
    ("/2.3.0/spacewalks/?year=20x5", "year"),
    ("/2.3.0/events/?date__gt__lt=tomorrow", "date__gt__lt"),
    ("/2.3.0/events/upcoming/?hide_recent_previous=sometimes", "hide_recent_previous"),
    ("/2.3.0/dashboard/starship/?mode=everything", "mode"),
]
IGNORED = [
    "/2.3.0/landings/?spacecraft_launch__ids=,",
    "/2.3.0/spacecraft/?limit=-1",
    "/2.3.0/spacecraft/?offset=abc",
    "/2.3.0/spacecraft/?ordering=-",
    "/2.3.0/spacecraft/?ordering=unknown",
    "/2.3.0/agencies/?country_code=,",
    "/2.3.0/spacecraft/?search=%27%22%25_%5C",
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "parameter"), BAD)
def test_a_bad_value_is_a_400_naming_the_parameter(api, url, parameter):
    response = api.get(url)
    assert response.status_code == 400
    assert parameter in response.json()


@pytest.mark.django_db
@pytest.mark.parametrize("url", IGNORED)
def test_a_value_ll2_ignores_is_ignored(api, url):
    response = api.get(url)
    assert response.status_code == 200
    assert "results" in response.json()


@pytest.mark.django_db
def test_the_dashboard_ignores_a_limit_that_is_not_a_whole_number(api):
    response = api.get("/2.3.0/dashboard/starship/?limit=many")
    assert response.status_code == 200
    assert "upcoming" in response.json()


@pytest.mark.django_db
def test_an_id_beyond_any_integer_is_a_404(api):
    assert api.get("/2.3.0/spacecraft/99999999999999999999999/").status_code == 404
