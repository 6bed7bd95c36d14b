"""Launch-domain statistics: the plain functions of ``hangar.launches.stats.figures``, then what
``stats.refresh`` stores on launches, first stages, boosters, places, configurations, families,
agencies and landing locations, the imported-versus-computed rule, ``refresh_due`` as planned
launches fly, the import's write rules and refresh, and the cost of a refresh."""

from __future__ import annotations

import copy
import json
import time
import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hangar.ingest.importer import import_documents, import_files
from hangar.launches import import_rules, stats
from hangar.launches.stats import figures
from hangar.launches.stats.figures import LandingFacts, LaunchFacts
from tests import factories as f
from tests import launch_factories as lf
from tests import models as m
from tests.conftest import DATA_DIR, SPUTNIK_LAUNCH, sample

NOW = f.at("2024-06-01T00:00:00")
DAY = timedelta(days=1)
LL2 = "https://ll.thespacedevs.com/2.3.0"


def refresh(now=NOW):
    stats.refresh({stats.ALL}, now)


def reloaded(row):
    row.refresh_from_db()
    return row


def counts_of(launch, scope):
    launch.refresh_from_db()
    field = f"{scope}_launch_attempt_count"
    return getattr(launch, field), getattr(launch, f"{field}_year")


# --- plain functions -----------------------------------------------------------------------


def test_attempt_counts_share_one_value_at_one_net():
    t = NOW
    result = figures.attempt_counts([("a", t), ("b", t + DAY), ("c", t + DAY), ("d", t - DAY)])
    assert result == {"d": 1, "a": 2, "b": 4, "c": 4}


def test_year_counts_restart_on_the_first_of_january_utc():
    launches = [
        ("a", f.at("2023-12-31T23:59:59")),
        ("b", f.at("2024-01-01T00:00:00")),
        ("c", f.at("2024-03-01T00:00:00")),
    ]
    assert figures.yearly_attempt_counts(launches) == {"a": 1, "b": 1, "c": 2}
    assert figures.attempt_counts(launches) == {"a": 1, "b": 2, "c": 3}


def test_turnarounds_start_at_zero_and_share_a_net():
    launches = [("a", NOW), ("b", NOW + 2 * DAY), ("c", NOW + 2 * DAY), ("d", NOW + 5 * DAY)]
    assert figures.turnarounds(launches) == {
        "a": 0,
        "b": 2 * 86_400,
        "c": 2 * 86_400,
        "d": 3 * 86_400,
    }


def test_fastest_turnaround_takes_passed_launches_only():
    nets = [NOW - 10 * DAY, NOW - 7 * DAY, NOW - 2 * DAY, NOW + DAY]
    assert figures.fastest_turnaround(nets, NOW) == 3 * 86_400
    assert figures.fastest_turnaround([NOW - DAY, NOW + DAY], NOW) is None


def facts(*statuses, start=NOW - 100 * DAY):
    return [LaunchFacts(i, start + i * DAY, status) for i, status in enumerate(statuses)]


def test_launch_figures_count_statuses_and_the_run_of_successes():
    launches = facts(3, 4, 3, 3, 2, 7, 3, 3, 1, 8, 5)
    result = figures.launch_figures(launches, NOW)
    assert result == {
        "total_launch_count": 11,
        "successful_launches": 5,
        "failed_launches": 2,
        "pending_launches": 4,
        # Newest first over launches that flew: two successes, then a partial failure.
        "consecutive_successful_launches": 2,
    }


def test_future_launches_are_not_in_the_total():
    launches = [LaunchFacts(1, NOW - DAY, 3), LaunchFacts(2, NOW + DAY, 1)]
    assert figures.launch_figures(launches, NOW)["total_launch_count"] == 1


def test_consecutive_landings_skip_non_attempts_and_unknown_outcomes():
    def landing(day, attempt, success):
        return LandingFacts(NOW - day * DAY, day, attempt, success)

    landings = [
        landing(1, True, True),
        landing(2, False, None),
        landing(3, True, None),
        landing(4, True, True),
        landing(5, True, False),
        landing(6, True, True),
    ]
    assert figures.consecutive_successful_landings(landings) == 2
    assert figures.landing_figures(landings) == {
        "attempted_landings": 5,
        "successful_landings": 3,
        "failed_landings": 1,
    }


# --- counts on each launch -----------------------------------------------------------------


@pytest.mark.django_db
def test_pad_counts_share_a_value_at_one_net_and_count_future_launches():
    pad = lf.pad()
    first = lf.launch(NOW - 10 * DAY, pad_row=pad)
    tied = [lf.launch(NOW - 5 * DAY, pad_row=pad) for _ in range(2)]
    future = lf.launch(NOW + 30 * DAY, status_id=1, pad_row=pad)
    refresh()
    assert counts_of(first, "pad") == (1, 1)
    assert [counts_of(x, "pad") for x in tied] == [(3, 3), (3, 3)]
    assert counts_of(future, "pad") == (4, 4)
    assert reloaded(first).pad_turnaround_s == 0
    assert [reloaded(x).pad_turnaround_s for x in tied] == [5 * 86_400] * 2
    assert reloaded(future).pad_turnaround_s == 35 * 86_400


@pytest.mark.django_db
def test_year_counts_restart_at_the_utc_year_boundary():
    pad = lf.pad()
    late = lf.launch(f.at("2023-12-31T23:30:00"), pad_row=pad)
    early = lf.launch(f.at("2024-01-01T00:30:00"), pad_row=pad)
    refresh()
    assert counts_of(late, "pad") == (1, 1)
    assert counts_of(early, "pad") == (2, 1)
    assert counts_of(early, "orbital") == (2, 1)
    assert reloaded(early).pad_turnaround_s == 3600


@pytest.mark.django_db
def test_location_and_agency_counts_span_pads():
    location = lf.location()
    agency = f.agency()
    pads = [lf.pad(location=location) for _ in range(2)]
    a = lf.launch(NOW - 3 * DAY, pad_row=pads[0], provider=agency)
    b = lf.launch(NOW - 2 * DAY, pad_row=pads[1], provider=agency)
    c = lf.launch(NOW - DAY, pad_row=pads[1])
    refresh()
    assert [counts_of(x, "location")[0] for x in (a, b, c)] == [1, 2, 3]
    assert [counts_of(x, "pad")[0] for x in (a, b, c)] == [1, 1, 2]
    assert [counts_of(x, "agency")[0] for x in (a, b)] == [1, 2]
    assert counts_of(c, "agency")[0] == 1
    assert reloaded(b).pad_turnaround_s == 0  # the first launch from its pad


@pytest.mark.django_db
def test_suborbital_launches_have_no_orbital_count_and_are_not_counted():
    pad = lf.pad()
    orbital = lf.launch(NOW - 3 * DAY, pad_row=pad, mission_row=lf.mission())
    hop = lf.launch(NOW - 2 * DAY, pad_row=pad, mission_row=lf.mission(orbit=lf.suborbital()))
    bare = lf.launch(NOW - DAY, pad_row=pad)  # no mission: counts as orbital
    refresh()
    assert counts_of(orbital, "orbital") == (1, 1)
    assert counts_of(hop, "orbital") == (None, None)
    assert counts_of(bare, "orbital") == (2, 2)
    assert counts_of(hop, "pad") == (2, 2)  # suborbital launches count at their pad
    assert reloaded(pad).orbital_launch_attempt_count == 2


@pytest.mark.django_db
def test_launch_counts_are_kept_while_hangar_lacks_launches_of_the_scope():
    pad = lf.pad()
    imported = lf.launch(NOW - DAY, pad_row=pad, pad_launch_attempt_count=57, pad_turnaround_s=9)
    lf.launch(NOW - 2 * DAY, pad_row=pad)
    refresh()
    imported.refresh_from_db()
    assert (imported.pad_launch_attempt_count, imported.pad_turnaround_s) == (57, 9)
    assert counts_of(imported, "orbital") == (2, 2)  # the orbital scope is complete
    for _ in range(55):
        lf.launch(NOW - 3 * DAY, pad_row=pad)
    refresh()
    assert counts_of(imported, "pad") == (57, 57)
    assert reloaded(imported).pad_turnaround_s == 86_400


@pytest.mark.django_db
def test_a_planned_launch_moving_past_another_renumbers_both():
    pad = lf.pad()
    a = lf.launch(NOW + DAY, status_id=1, pad_row=pad)
    b = lf.launch(NOW + 2 * DAY, status_id=1, pad_row=pad)
    refresh()
    a.net = a.window_start = a.window_end = NOW + 3 * DAY
    a.save()
    refresh()
    assert (counts_of(b, "pad")[0], counts_of(a, "pad")[0]) == (1, 2)


# --- boosters and first stages -------------------------------------------------------------


def booster_history():
    booster = lf.launcher()
    config = lf.launcher_config()
    nets = [NOW - 40 * DAY, NOW - 30 * DAY, NOW - 5 * DAY, NOW + 10 * DAY]
    launches = [
        lf.launch(net, status_id=status, config=config)
        for net, status in zip(nets, [3, 4, 3, 1], strict=True)
    ]
    landings = [
        f.landing(attempt=True, success=True),
        f.landing(attempt=True, success=False),
        None,
        f.landing(attempt=True, success=None),
    ]
    stages = [
        lf.first_stage(launch, booster, landing=landing)
        for launch, landing in zip(launches, landings, strict=True)
    ]
    return booster, launches, stages


@pytest.mark.django_db
def test_a_boosters_history_and_figures():
    booster, launches, stages = booster_history()
    refresh()
    for stage in stages:
        stage.refresh_from_db()
    assert [s.launcher_flight_number for s in stages] == [1, 2, 3, 4]
    assert [s.previous_flight_id for s in stages] == [None, *(x.id for x in launches[:3])]
    assert [s.previous_flight_date for s in stages] == [None, *(x.net for x in launches[:3])]
    assert [s.turn_around_time_s for s in stages] == [None, 10 * 86_400, 25 * 86_400, 15 * 86_400]
    booster.refresh_from_db()
    assert booster.flights == 3
    assert (booster.first_launch_date, booster.last_launch_date) == (
        launches[0].net,
        launches[2].net,
    )
    assert (booster.attempted_landings, booster.successful_landings) == (2, 1)
    assert booster.fastest_turnaround_s == 10 * 86_400  # the planned one is not counted


@pytest.mark.django_db
def test_a_booster_known_from_few_flights_keeps_its_imported_history():
    booster = lf.launcher(flights=12, last_launch_date=NOW - 100 * DAY)
    launch = lf.launch(NOW - DAY)
    stage = lf.first_stage(launch, booster, launcher_flight_number=12, turn_around_time_s=50)
    refresh()
    stage.refresh_from_db()
    assert (stage.launcher_flight_number, stage.turn_around_time_s) == (12, 50)
    assert reloaded(booster).last_launch_date == NOW - 100 * DAY


# --- places --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_pad_location_and_body_figures():
    body = lf.celestial_body()
    location = lf.location()
    pads = [lf.pad(location=location) for _ in range(2)]
    lf.launch(NOW - 10 * DAY, pad_row=pads[0])
    lf.launch(NOW - 8 * DAY, status_id=4, pad_row=pads[0])
    lf.launch(
        NOW - DAY, status_id=7, pad_row=pads[0], mission_row=lf.mission(orbit=lf.suborbital())
    )
    lf.launch(NOW + DAY, status_id=1, pad_row=pads[0])
    lf.launch(NOW - 3 * DAY, pad_row=pads[1])
    zone = m.LandingLocation.objects.create(
        id=f.next_id(), name="LZ-1", location=location, celestial_body=body
    )
    kind = m.LandingType.objects.get_or_create(id=2, defaults={"name": "RTLS"})[0]
    for attempt, success in [(True, True), (True, True), (True, False), (True, None)]:
        m.Landing.objects.create(
            id=f.next_id(), attempt=attempt, success=success, landing_location=zone, type=kind
        )
    refresh()
    pad = reloaded(pads[0])
    assert (pad.total_launch_count, pad.orbital_launch_attempt_count) == (3, 2)
    assert pad.fastest_turnaround_s == 2 * 86_400
    assert reloaded(pads[1]).fastest_turnaround_s is None  # fewer than two launches
    zone.refresh_from_db()
    assert (zone.attempted_landings, zone.successful_landings, zone.failed_landings) == (3, 2, 1)
    location.refresh_from_db()
    assert (location.total_launch_count, location.total_landing_count) == (4, 3)
    body.refresh_from_db()
    assert (body.total_attempted_launches, body.successful_launches, body.failed_launches) == (
        4,
        2,
        2,
    )
    assert (body.total_attempted_landings, body.successful_landings, body.failed_landings) == (
        3,
        2,
        1,
    )


@pytest.mark.django_db
def test_a_pad_known_from_few_launches_keeps_its_imported_figures():
    pad = lf.pad(total_launch_count=200, orbital_launch_attempt_count=190)
    untouched = lf.pad(total_launch_count=7)  # Hangar holds none of its launches
    lf.launch(NOW - DAY, pad_row=pad)
    refresh()
    pad.refresh_from_db()
    assert (pad.total_launch_count, pad.orbital_launch_attempt_count) == (200, 190)
    assert reloaded(untouched).total_launch_count == 7
    assert reloaded(pad.location).total_launch_count == 200  # the sum of what its pads hold


# --- configurations, families, agencies ----------------------------------------------------


def launches_with_landings(**group):
    """Six launches, newest last: success, partial failure, success with landing, success with
    a failed landing, success with landing, and a planned one."""
    rows = []
    for day, status, landing in [
        (50, 3, None),
        (40, 7, None),
        (30, 3, (True, True)),
        (20, 3, (True, False)),
        (10, 3, (True, True)),
        (-10, 1, (True, None)),
    ]:
        launch = lf.launch(NOW - day * DAY, status_id=status, **group)
        if landing:
            lf.first_stage(launch, lf.launcher(), landing=f.landing(*landing))
        rows.append(launch)
    return rows


@pytest.mark.django_db
def test_configuration_and_family_figures():
    falcon, falcon9 = lf.launcher_family(), lf.launcher_family()
    config = lf.launcher_config(families=[falcon, falcon9])
    launches_with_landings(config=config)
    other = lf.launcher_config(families=[falcon])
    lf.launch(NOW - 5 * DAY, status_id=4, config=other)
    refresh()
    config.refresh_from_db()
    assert (
        config.total_launch_count,
        config.successful_launches,
        config.failed_launches,
        config.pending_launches,
        config.consecutive_successful_launches,
    ) == (5, 4, 1, 1, 3)
    assert (
        config.attempted_landings,
        config.successful_landings,
        config.failed_landings,
        config.consecutive_successful_landings,
    ) == (3, 2, 1, 1)
    assert config.fastest_turnaround_s == 10 * 86_400
    falcon9.refresh_from_db()
    assert (falcon9.total_launch_count, falcon9.consecutive_successful_launches) == (5, 3)
    falcon.refresh_from_db()  # the other configuration's failure is its newest launch
    assert (falcon.total_launch_count, falcon.failed_launches) == (6, 2)
    assert falcon.consecutive_successful_launches == 0


@pytest.mark.django_db
def test_agency_figures_with_spacecraft_and_payload_landings():
    agency = f.agency()
    launches = launches_with_landings(provider=agency)
    craft = f.spacecraft()
    m.SpacecraftFlight.objects.create(
        id=f.next_id(), spacecraft=craft, launch=launches[2], landing=f.landing(True, True)
    )
    m.SpacecraftFlight.objects.create(
        id=f.next_id(), spacecraft=craft, launch=launches[5], landing=f.landing(True, True)
    )
    kind = m.PayloadType.objects.get_or_create(id=1, defaults={"name": "Satellite"})[0]
    payload = m.Payload.objects.create(
        id=f.next_id(), name="Sat", type=kind, manufacturer=agency, operator=agency
    )
    m.PayloadFlight.objects.create(
        id=f.next_id(), payload=payload, launch=launches[3], landing=f.landing(True, False)
    )
    refresh()
    agency.refresh_from_db()
    assert (agency.total_launch_count, agency.successful_launches) == (5, 4)
    assert (agency.failed_launches, agency.pending_launches) == (1, 1)
    assert agency.consecutive_successful_launches == 3
    assert (agency.attempted_landings, agency.consecutive_successful_landings) == (3, 1)
    assert (
        agency.attempted_landings_spacecraft,
        agency.successful_landings_spacecraft,
        agency.failed_landings_spacecraft,
    ) == (1, 1, 0)
    assert (
        agency.attempted_landings_payload,
        agency.successful_landings_payload,
        agency.failed_landings_payload,
    ) == (1, 0, 1)


@pytest.mark.django_db
def test_imported_figures_stay_until_hangar_holds_as_many_launches():
    config = lf.launcher_config(total_launch_count=3, successful_launches=3)
    empty = lf.launcher_config(total_launch_count=None)
    lf.launch(NOW - 2 * DAY, config=config)
    refresh()
    assert reloaded(config).total_launch_count == 3
    assert reloaded(empty).total_launch_count is None  # no zeros for what Hangar lacks
    lf.launch(NOW - 3 * DAY, status_id=4, config=config)
    lf.launch(NOW - 4 * DAY, config=config)
    refresh()
    config.refresh_from_db()
    assert (config.total_launch_count, config.successful_launches) == (3, 2)


# --- time passing ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_refresh_due_counts_a_planned_launch_once_its_net_passes():
    pad = lf.pad()
    config = lf.launcher_config()
    booster = lf.launcher()
    lf.launch(NOW - 10 * DAY, pad_row=pad, config=config)
    planned = lf.launch(NOW + DAY, status_id=1, pad_row=pad, config=config)
    lf.first_stage(planned, booster)
    refresh()
    assert stats.refresh_due(NOW) == 0
    assert reloaded(pad).total_launch_count == 1
    later = NOW + 2 * DAY
    assert stats.refresh_due(later) == 4  # the pad, configuration, agency and booster
    assert reloaded(pad).total_launch_count == 2
    assert reloaded(pad.location).total_launch_count == 2
    assert reloaded(config).total_launch_count == 2
    assert reloaded(planned.launch_service_provider).total_launch_count == 1
    assert reloaded(booster).last_launch_date == planned.net
    assert stats.refresh_due(later) == 0


# --- the import --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_write_rule_keeps_computed_figures_and_writes_larger_imported_ones():
    pad = lf.pad()
    lf.launch(NOW - DAY, pad_row=pad)
    refresh()
    prepare = {rule.model: rule for rule in import_rules.WRITE_RULES}[m.Pad].prepare
    rows = {
        pad.id: {"name": "x", "total_launch_count": 1, "fastest_turnaround_s": 5},
        -1: {"total_launch_count": None, "orbital_launch_attempt_count": 4},
        -2: {"total_launch_count": 9},
    }
    prepare(rows, {}, None, int(NOW.timestamp()))
    assert rows == {pad.id: {"name": "x"}, -1: {}, -2: {"total_launch_count": 9}}


@pytest.mark.django_db
def test_launch_write_rule_writes_only_higher_counts():
    launch = lf.launch(NOW - DAY)
    refresh()
    row = {"pad_launch_attempt_count": 1, "agency_launch_attempt_count": 5, "name": "x"}
    import_rules.keep_higher_counts({launch.id: row}, {launch.id: reloaded(launch)}, None, 0)
    assert row == {"agency_launch_attempt_count": 5, "name": "x"}


def launch_record(pk: int, net: str) -> dict:
    launch_id = str(uuid.UUID(int=pk))
    return {
        "id": launch_id,
        "url": f"{LL2}/launches/{launch_id}/",
        "name": f"Launch {pk}",
        "net": net,
        "status": {"id": 3, "name": "Launch Successful", "abbrev": "Success"},
        "last_updated": net,
        "window_start": net,
        "window_end": net,
    }


@pytest.mark.django_db
def test_an_import_refreshes_the_counts_of_the_launches_it_brings():
    page = {
        "count": 2,
        "next": None,
        "previous": None,
        "results": [
            launch_record(2, "2020-02-01T00:00:00Z"),
            launch_record(1, "2020-01-01T00:00:00Z"),
        ],
    }
    import_documents([("page.json", page)], now=NOW)
    first, second = m.Launch.objects.order_by("net")
    assert (first.orbital_launch_attempt_count, second.orbital_launch_attempt_count) == (1, 2)
    assert second.orbital_launch_attempt_count_year == 2
    report = import_documents([("page.json", page)], now=NOW)
    assert sum(report.counts.updated.values()) == 0


UPCOMING = DATA_DIR / "launches-upcoming-dev-normal.json"
COUNT_FIELDS = [
    f"{scope}_launch_attempt_count{year}"
    for scope in ("orbital", "location", "pad", "agency")
    for year in ("", "_year")
]


@pytest.mark.django_db
def test_imported_counts_stay_while_hangar_lacks_the_history_they_count():
    # Ten upcoming launches counting thousands before them: nothing to compute them from.
    import_files([UPCOMING])
    served = {r["id"]: r for r in sample(UPCOMING)["response"]["results"]}
    for launch in m.Launch.objects.all():
        expected = served[str(launch.id)]
        assert [getattr(launch, name) for name in COUNT_FIELDS] == [
            expected[name] for name in COUNT_FIELDS
        ]
    assert sum(import_files([UPCOMING]).counts.updated.values()) == 0


@pytest.mark.django_db
def test_a_second_launch_from_a_pad_is_counted_from_the_first(tmp_path):
    first = sample(SPUTNIK_LAUNCH)["response"]
    second = copy.deepcopy(first)
    second.update(
        id=str(uuid.uuid4()),
        name="Sputnik 8K71PS | Sputnik 2",
        net="1957-11-03T02:30:00Z",
        window_start="1957-11-03T02:30:00Z",
        window_end="1957-11-03T02:30:00Z",
        pad_turnaround=None,
        **dict.fromkeys(COUNT_FIELDS),
    )
    second["rocket"]["id"] += 1_000_000
    path = tmp_path / "sputnik-2.json"
    path.write_text(json.dumps(second), encoding="utf-8")
    import_files([SPUTNIK_LAUNCH, path])
    launch = m.Launch.objects.get(id=second["id"])
    assert [getattr(launch, name) for name in COUNT_FIELDS] == [2] * 8
    assert launch.pad_turnaround_s == 29 * 86_400 + 7 * 3600 + 60 + 26  # P29DT7H1M26S
    pad = m.Pad.objects.get(id=first["pad"]["id"])
    assert pad.total_launch_count == 487  # LL2 counts launches Hangar lacks


@pytest.mark.django_db
def test_affected_names_the_records_around_a_touched_launch():
    class Batch:
        def __init__(self, rows):
            self.rows, self.relations = rows, {}

        def ids(self, model):
            return set(self.rows.get(model, ()))

    booster = lf.launcher()
    launch = lf.launch(NOW - DAY)
    stage = lf.first_stage(launch, booster, landing=f.landing())
    keys = import_rules.affected_records(Batch({m.Launch: [launch.id]}))
    config = launch.rocket.configuration
    assert {
        stats.ORBITAL,
        ("pad", launch.pad_id),
        ("location", launch.pad.location_id),
        ("body", launch.pad.location.celestial_body_id),
        ("agency", launch.launch_service_provider_id),
        ("config", config.id),
        ("launcher", booster.id),
        ("landing_location", stage.landing.landing_location_id),
    } <= keys


# --- cost ----------------------------------------------------------------------------------


def many_launches(number: int) -> None:
    pads = [lf.pad() for _ in range(5)]
    agency = f.agency()
    status = f.launch_status()
    launches = [
        m.Launch(
            id=uuid.uuid4(),
            name=f"L{i}",
            net=NOW - i * DAY,
            last_updated=NOW,
            window_start=NOW - i * DAY,
            window_end=NOW - i * DAY,
            status=status,
            pad=pads[i % 5],
            launch_service_provider=agency,
        )
        for i in range(number)
    ]
    m.Launch.objects.bulk_create(launches, batch_size=500)


def queries_of_a_refresh() -> int:
    keys = {stats.ORBITAL, *(("pad", pk) for pk in m.Pad.objects.values_list("id", flat=True))}
    with CaptureQueriesContext(connection) as queries:
        stats.refresh(keys, NOW)
    return len(queries)


@pytest.mark.django_db
def test_a_refresh_costs_the_same_number_of_queries_whatever_the_size():
    many_launches(50)
    few = queries_of_a_refresh()
    m.Launch.objects.update(orbital_launch_attempt_count=None)
    many_launches(400)
    assert queries_of_a_refresh() == few
    # The newest launch of each set is at NOW: the two share the count.
    assert m.Launch.objects.filter(orbital_launch_attempt_count=450).count() == 2


@pytest.mark.django_db
def test_ten_thousand_launches_refresh_in_seconds():
    many_launches(10_000)
    started = time.monotonic()
    refresh()
    assert time.monotonic() - started < 10
    assert m.Launch.objects.order_by("-net").first().orbital_launch_attempt_count == 10_000
