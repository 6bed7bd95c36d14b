"""Spacecraft statistics: the plain functions of ``stats.py``, then what ``refresh_spacecraft``
and ``ensure_fresh`` store, and LL2's worked examples served through the API."""

from datetime import timedelta

import pytest

from hangar.spacecraft import stats
from hangar.spacecraft.stats import ConfigFlight, DockingTimes, FlightTimes
from tests import factories as f
from tests import models as m

NOW = f.at("2024-01-01T00:00:00")
HOUR, DAY = timedelta(hours=1), timedelta(days=1)


def statistics(flights=(), dockings=(), now=NOW):
    return stats.spacecraft_statistics(list(flights), list(dockings), now)


# --- plain functions -----------------------------------------------------------------------


def test_never_flown_spacecraft_has_zero_counts_and_no_turnaround():
    result = statistics()
    assert result == stats.SpacecraftStatistics(
        flights_count=0,
        mission_ends_count=0,
        in_space=False,
        time_in_space=timedelta(0),
        time_docked=timedelta(0),
        fastest_turnaround=None,
        open_flights=0,
        open_dockings=0,
        due_at=None,
    )


def test_spacecraft_flown_once_has_its_flight_time_and_no_turnaround():
    result = statistics([FlightTimes(NOW - 10 * DAY, NOW - 9 * DAY)])
    assert (result.flights_count, result.mission_ends_count) == (1, 1)
    assert result.time_in_space == DAY
    assert result.in_space is False
    assert result.fastest_turnaround is None
    assert result.due_at is None


def test_several_flights_sum_their_time_and_take_the_fastest_turnaround():
    # Given out of launch order: the turnarounds follow launch order, not list order.
    flights = [
        FlightTimes(NOW - 30 * DAY, NOW - 28 * DAY),  # third: 3 days after the second
        FlightTimes(NOW - 100 * DAY, NOW - 90 * DAY),  # first
        FlightTimes(NOW - 60 * DAY, NOW - 33 * DAY),  # second: 30 days after the first
    ]
    assert stats.turnaround_times(flights) == [3 * DAY, None, 30 * DAY]
    result = statistics(flights)
    assert (result.flights_count, result.mission_ends_count) == (3, 3)
    assert result.time_in_space == 2 * DAY + 10 * DAY + 27 * DAY
    assert result.fastest_turnaround == 3 * DAY


def test_no_turnaround_after_a_flight_without_mission_end():
    flights = [FlightTimes(NOW - 10 * DAY, None), FlightTimes(NOW - 5 * DAY, NOW - 4 * DAY)]
    assert stats.turnaround_times(flights) == [None, None]


def test_flight_duration_needs_both_ends():
    assert stats.flight_duration(FlightTimes(NOW - HOUR, NOW)) == HOUR
    assert stats.flight_duration(FlightTimes(NOW - HOUR, None)) is None
    assert stats.flight_duration(FlightTimes(None, NOW)) is None


def test_spacecraft_still_in_space_counts_up_to_now():
    flights = [FlightTimes(NOW - 3 * HOUR, None)]
    earlier, later = statistics(flights), statistics(flights, now=NOW + 2 * HOUR)
    assert earlier.in_space is True
    assert (earlier.flights_count, earlier.mission_ends_count) == (1, 0)
    assert earlier.open_flights == 1
    assert earlier.time_in_space == 3 * HOUR
    assert later.time_in_space == 5 * HOUR


def test_future_flight_is_not_counted_and_sets_the_due_time():
    flights = [
        FlightTimes(NOW - 10 * DAY, NOW - 9 * DAY),
        FlightTimes(NOW + 2 * DAY, NOW + 3 * DAY),
        FlightTimes(NOW + 5 * DAY, None),
    ]
    result = statistics(flights)
    assert (result.flights_count, result.mission_ends_count) == (1, 1)
    assert result.time_in_space == DAY
    assert result.in_space is False
    assert result.fastest_turnaround is None  # the future flight's turnaround does not count
    assert result.due_at == NOW + 2 * DAY


def test_flight_without_launch_time_is_not_counted():
    result = statistics([FlightTimes(None, None)])
    assert (result.flights_count, result.due_at) == (0, None)


def test_open_docking_counts_up_to_now():
    dockings = [DockingTimes(NOW - 10 * HOUR, NOW - 8 * HOUR), DockingTimes(NOW - HOUR, None)]
    assert stats.time_docked(dockings, NOW) == (3 * HOUR, 1)
    assert stats.time_docked(dockings, NOW + HOUR) == (4 * HOUR, 1)
    result = statistics(dockings=dockings)
    assert (result.time_docked, result.open_dockings) == (3 * HOUR, 1)


def test_future_docking_is_not_counted_and_sets_the_due_time():
    result = statistics([FlightTimes(NOW - DAY, None)], [DockingTimes(NOW + HOUR, NOW + 2 * HOUR)])
    assert (result.time_docked, result.open_dockings) == (timedelta(0), 0)
    assert result.due_at == NOW + HOUR


@pytest.mark.parametrize(
    "delta, seconds",
    [
        (None, None),
        (timedelta(0), 0),
        (timedelta(seconds=5, microseconds=999_999), 5),
        (timedelta(days=22, minutes=14, seconds=5), 1_901_645),
    ],
)
def test_whole_seconds_drops_the_fraction(delta, seconds):
    assert stats.whole_seconds(delta) == seconds


def test_live_seconds_grow_by_rate_after_the_stored_instant():
    assert stats.live_seconds(None, 1, 0, 100) is None
    assert stats.live_seconds(50, 0, 0, 100) == 50
    assert stats.live_seconds(50, 2, 40, 100) == 170
    assert stats.live_seconds(50, 1, 200, 100) == 50  # never shrinks


def test_config_statistics_counts_launched_flights_by_outcome():
    flights = [
        ConfigFlight(1, NOW - 5 * DAY, 3, True, True),
        ConfigFlight(1, NOW - 4 * DAY, 4, True, False),
        ConfigFlight(2, NOW - 3 * DAY, 7, False, None),
        ConfigFlight(2, NOW - 2 * DAY, 3, True, None),
        ConfigFlight(3, NOW + DAY, 3, True, True),  # future: not counted
        ConfigFlight(4, None, None, None, None),
    ]
    assert stats.config_statistics(flights, NOW) == {
        "spacecraft_flown": 2,
        "total_launch_count": 4,
        "successful_launches": 2,
        "failed_launches": 2,
        "attempted_landings": 3,
        "successful_landings": 1,
        "failed_landings": 1,
    }


def test_config_statistics_of_nothing_is_zero():
    assert set(stats.config_statistics([], NOW).values()) == {0}


# --- stored statistics ---------------------------------------------------------------------


@pytest.mark.django_db
def test_refresh_stores_flight_durations_and_turnarounds():
    craft = f.spacecraft()
    first = f.flight(craft, NOW - 10 * DAY, NOW - 9 * DAY)
    second = f.flight(craft, NOW - 5 * DAY, NOW - 5 * DAY + 2 * HOUR)
    open_ = f.flight(craft, NOW - HOUR)
    stats.refresh_spacecraft([craft.id], NOW)
    for row in (first, second, open_):
        row.refresh_from_db()
    assert (first.duration_s, first.turn_around_time_s) == (86_400, None)
    assert (second.duration_s, second.turn_around_time_s) == (7_200, 4 * 86_400)
    assert (open_.duration_s, open_.turn_around_time_s) == (None, 5 * 86_400 - 3 * 3_600)


@pytest.mark.django_db
def test_refresh_stores_spacecraft_statistics_with_their_growth_rate():
    craft = f.spacecraft(flights_count=None, time_in_space_s=None)
    f.flight(craft, NOW - 10 * DAY, NOW - 9 * DAY)
    docked = f.flight(craft, NOW - 2 * HOUR)
    f.docking_event(docked, NOW - HOUR)
    f.flight(craft, NOW + DAY)
    stats.refresh_spacecraft([craft.id], NOW)
    craft.refresh_from_db()
    assert craft.has_flight_data and craft.has_docking_data
    assert (craft.flights_count, craft.mission_ends_count, craft.in_space) == (2, 1, True)
    assert (craft.time_in_space_s, craft.open_flights) == (86_400 + 7_200, 1)
    assert (craft.time_docked_s, craft.open_dockings) == (3_600, 1)
    assert craft.stats_as_of == int(NOW.timestamp())
    assert craft.stats_due_at == NOW + DAY


@pytest.mark.django_db
def test_refresh_keeps_imported_statistics_of_a_spacecraft_without_flights():
    craft = f.spacecraft(flights_count=7, mission_ends_count=7, time_in_space_s=1_000)
    stats.refresh_spacecraft([craft.id], NOW)
    craft.refresh_from_db()
    assert (craft.flights_count, craft.time_in_space_s, craft.has_flight_data) == (7, 1_000, False)


@pytest.mark.django_db
def test_refresh_computes_configuration_and_family_figures():
    fam = f.family()
    config = f.config(families=[fam])
    fast, slow = f.spacecraft(spacecraft_config=config), f.spacecraft(spacecraft_config=config)
    f.flight(fast, NOW - 10 * DAY, NOW - 9 * DAY, with_landing=True)
    f.flight(fast, NOW - 7 * DAY, NOW - 6 * DAY)
    f.flight(slow, NOW - 50 * DAY, NOW - 40 * DAY)
    f.flight(slow, NOW - 20 * DAY, NOW - 19 * DAY)
    f.flight(f.spacecraft(spacecraft_config=config), NOW + DAY)
    stats.refresh_spacecraft(config.spacecraft.values_list("id", flat=True), NOW)
    config.refresh_from_db()
    fam.refresh_from_db()
    assert config.fastest_turnaround_s == 2 * 86_400
    assert (config.spacecraft_flown, config.total_launch_count) == (2, 4)
    assert (config.successful_launches, config.attempted_landings) == (4, 1)
    assert (fam.spacecraft_flown, fam.total_launch_count, fam.successful_landings) == (2, 4, 1)


@pytest.mark.django_db
def test_refresh_due_stores_a_spacecraft_whose_planned_flight_has_launched():
    craft = f.spacecraft()
    f.flight(craft, NOW + HOUR)
    stats.refresh_spacecraft([craft.id], NOW)
    craft.refresh_from_db()
    assert (craft.flights_count, craft.stats_due_at) == (0, NOW + HOUR)

    assert stats.refresh_due(NOW) == 0  # nothing due yet
    craft.refresh_from_db()
    assert craft.flights_count == 0

    assert stats.refresh_due(NOW + 2 * HOUR) == 1
    craft.refresh_from_db()
    assert (craft.flights_count, craft.in_space, craft.open_flights) == (1, True, 1)
    assert craft.time_in_space_s == 3_600
    assert craft.stats_due_at is None


@pytest.mark.django_db
def test_as_of_computes_a_stale_spacecraft_without_writing():
    craft = f.spacecraft()
    f.flight(craft, NOW + HOUR)
    stats.refresh_spacecraft([craft.id], NOW)
    craft.refresh_from_db()
    later = int((NOW + 2 * HOUR).timestamp())
    assert stats.is_stale(craft, later) and not stats.is_stale(craft, int(NOW.timestamp()))

    current = stats.as_of(craft, later)
    assert (current.flights_count, current.in_space, current.time_in_space_s) == (1, True, 3_600)
    craft.refresh_from_db()
    assert (craft.flights_count, craft.in_space) == (0, False)


# --- LL2's worked examples, through the API ------------------------------------------------


@pytest.mark.django_db
def test_x15_turnaround_is_served_as_ll2_publishes_it(api):
    x15 = f.config(name="North American X-15")
    aircraft = f.spacecraft(id=1, spacecraft_config=x15)
    # Flight 87's launch time is illustrative; its end and the next launch are LL2's.
    f.flight(aircraft, f.at("1963-06-27T17:55:00"), f.at("1963-06-27T18:06:00"), id=87)
    f.flight(aircraft, f.at("1963-07-19T18:20:05"), f.at("1963-07-19T18:31:00"), id=88)
    stats.refresh_spacecraft([aircraft.id])

    body = api.get("/2.3.0/spacecraft/1/").json()
    assert body["fastest_turnaround"] == "P22DT14M5S"
    assert body["spacecraft_config"]["fastest_turnaround"] == "P22DT14M5S"
    assert [flight["id"] for flight in body["flights"]] == [87, 88]
    assert [flight["turn_around_time"] for flight in body["flights"]] == [None, "P22DT14M5S"]
    assert [flight["duration"] for flight in body["flights"]] == ["PT11M", "PT10M55S"]
    assert body["time_in_space"] == "PT21M55S"


@pytest.mark.django_db
def test_apollo_lunar_module_turnaround_is_served_as_ll2_publishes_it(api):
    lm = f.config(name="Apollo Lunar Module")
    eagle = f.spacecraft(id=1, name="Eagle", spacecraft_config=lm)
    # Descent from Apollo 11's launch to the Moon landing, then the ascent stage's launch.
    f.flight(eagle, f.at("1969-07-16T13:32:00"), f.at("1969-07-20T20:17:40"))
    f.flight(eagle, f.at("1969-07-21T17:54:00"), f.at("1969-07-21T21:35:00"))
    stats.refresh_spacecraft([eagle.id])

    body = api.get("/2.3.0/spacecraft/1/").json()
    assert body["fastest_turnaround"] == "PT21H36M20S"
    assert body["spacecraft_config"]["fastest_turnaround"] == "PT21H36M20S"
    assert body["flights"][1]["turn_around_time"] == "PT21H36M20S"


@pytest.mark.django_db
def test_never_flown_spacecraft_is_served_with_zero_durations(api):
    f.spacecraft(id=1)
    stats.refresh_spacecraft([1])
    body = api.get("/2.3.0/spacecraft/1/").json()
    assert (body["time_in_space"], body["time_docked"]) == ("P0D", "P0D")
    assert (body["flights_count"], body["mission_ends_count"]) == (0, 0)
    assert body["fastest_turnaround"] is None
    assert m.Spacecraft.objects.get(id=1).has_flight_data is False
