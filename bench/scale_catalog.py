"""A synthetic catalog of any size, up to millions of spacecraft, written with bulk writes.

``build(count)`` writes the small tables of ``synthetic.py`` (lookups, agencies, families, 200
configurations, places, stations) with the ORM, then the large ones row by row, without model
instances: ``count`` spacecraft, about three flights each, flown on ``count / 10`` launches (each
with its rocket), some with a landing and some with docking events, and a share of spacecraft
with an image of their own. On PostgreSQL the large tables are written with ``COPY``, elsewhere
with ``executemany``, a chunk of spacecraft at a time so that memory stays flat; on PostgreSQL
their foreign keys are dropped meanwhile and added back, so that each is checked once.

Each spacecraft's statistics and each flight's duration and turnaround are computed as the rows
are made, by the same functions a refresh runs (``hangar.spacecraft.stats``); the figures of the
configurations, families and launch records are then refreshed by the project's own code, and
the catalog version is raised, all in one transaction. The random source is seeded: two builds
of one size are the same catalog, dated relative to the day they are built on.
"""

from __future__ import annotations

import bisect
import random
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from django.db import connection, models, transaction
from synthetic import (
    AGENCIES,
    DOCKING_PORTS,
    FLIGHTS_PER_SPACECRAFT,
    FLOWN_STATUSES,
    LANDING_LOCATIONS,
    LANDING_TYPES,
    LAUNCHER_CONFIGS,
    MEDIA,
    NAME_WORDS,
    PADS,
    PAST_LAUNCH_STATUSES,
    SEED,
    Catalog,
    prose,
    slug,
    span,
)

from hangar.core.models import bump_catalog_version
from hangar.images.models import Image
from hangar.landings.models import Landing
from hangar.launches import stats as launch_stats
from hangar.launches.models import Launch, Rocket
from hangar.ll2.durations import whole_seconds
from hangar.spacecraft import stats
from hangar.spacecraft.models import DockingEvent, Spacecraft, SpacecraftConfig, SpacecraftFlight

CHUNK = 20_000  # spacecraft generated and written at a time
SPACECRAFT_PER_LAUNCH = 10
FUTURE_SHARE = 0.02  # launches still to come, within two years
OWN_IMAGE_SHARE = 0.4
DESCRIPTIONS = 64  # distinct descriptions, so that text columns are not all alike

SPACECRAFT_COLUMNS = [
    "id",
    "name",
    "serial_number",
    "is_placeholder",
    "image_id",
    "status_id",
    "description",
    "spacecraft_config_id",
    *stats.SPACECRAFT_STATISTICS,
]


class Writer:
    """Rows of one model written in bulk: ``COPY`` on PostgreSQL, ``executemany`` elsewhere.
    Values are given in ``columns`` order (attribute names) and prepared for the database by
    each field, as the ORM prepares them."""

    def __init__(self, model: type[models.Model], columns: Sequence[str]) -> None:
        fields = {field.attname: field for field in model._meta.concrete_fields}
        self.fields = [fields[name] for name in columns]
        self.table = model._meta.db_table
        self.prepare = [self.preparer(field) for field in self.fields]
        self.written = 0

    @staticmethod
    def preparer(field):
        kind = field.target_field if field.is_relation else field
        if isinstance(kind, models.DateTimeField | models.DateField | models.UUIDField):
            return lambda value: field.get_db_prep_value(value, connection)
        if isinstance(field, models.JSONField):
            return lambda value: field.get_db_prep_save(value, connection)
        return None

    def rows(self, rows: Iterable[Sequence]):
        for row in rows:
            yield tuple(
                value if prepare is None or value is None else prepare(value)
                for prepare, value in zip(self.prepare, row, strict=True)
            )

    def write(self, rows: Sequence[Sequence]) -> None:
        if not rows:
            return
        quote = connection.ops.quote_name
        names = ", ".join(quote(field.column) for field in self.fields)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                statement = f"COPY {quote(self.table)} ({names}) FROM STDIN"
                with cursor.cursor.copy(statement) as copy:
                    for row in self.rows(rows):
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(self.fields))
                statement = f"INSERT INTO {quote(self.table)} ({names}) VALUES ({marks})"
                cursor.executemany(statement, list(self.rows(rows)))
        self.written += len(rows)


class LargeTables:
    """Generates and writes the spacecraft, their flights and what hangs off them."""

    def __init__(self, rng: random.Random, now: datetime, configs: list, first_image: int):
        self.rng = rng
        self.now = now
        self.now_epoch = int(now.timestamp())
        self.configs = configs
        self.serials: dict[int, int] = {}
        self.next = {"image": first_image, "flight": 1, "landing": 1, "docking": 1}
        self.descriptions = [prose(rng, 2) for _ in range(DESCRIPTIONS)]
        columns = {
            Image: "id name image_url thumbnail_url credit license_id single_use",
            Rocket: "id configuration_id",
            Launch: "id name slug launch_designator status_id last_updated net window_start "
            "window_end launch_service_provider_id rocket_id pad_id webcast_live document",
            Spacecraft: " ".join(SPACECRAFT_COLUMNS),
            Landing: "id attempt success description downrange_distance landing_location_id "
            "type_id",
            SpacecraftFlight: "id spacecraft_id launch_id landing_id destination mission_end "
            "duration_s turn_around_time_s legacy_launch_crew legacy_onboard_crew "
            "legacy_landing_crew",
            DockingEvent: "id flight_vehicle_chaser_id docking departure docking_location_id "
            "space_station_target_id",
        }
        self.writers = {model: Writer(model, names.split()) for model, names in columns.items()}
        self.pending: dict[type, list] = {model: [] for model in self.writers}

    def flush(self) -> None:
        for model, rows in self.pending.items():
            self.writers[model].write(rows)
            rows.clear()

    # --- launches ---------------------------------------------------------------------------

    def launches(self, count: int) -> None:
        """``count`` launches over the last sixty years, a few still to come, sorted by ``net``:
        flights pick them by instant."""
        rng, now = self.rng, self.now
        nets = []
        for _ in range(count):
            if rng.random() < FUTURE_SHARE:
                nets.append(now + span(rng, timedelta(days=1), timedelta(days=730)))
            else:
                nets.append(now - span(rng, timedelta(hours=1), timedelta(days=60 * 365)))
        nets.sort()
        self.nets = nets
        self.launch_ids = []
        for number, net in enumerate(nets, start=1):
            pk = uuid.UUID(int=rng.getrandbits(128), version=4)
            self.launch_ids.append(pk)
            rocket = rng.randint(1, LAUNCHER_CONFIGS)
            name = f"{NAME_WORDS[number % len(NAME_WORDS)]} {rocket} | Mission {number}"
            past = net <= now
            status = rng.choice(PAST_LAUNCH_STATUSES if past else (1, 2))
            designator = f"{net.year}-{number % 1000:03d}" if past else None
            self.pending[Rocket].append((number, rocket))
            self.pending[Launch].append(
                (
                    pk, name, slug(name), designator, status, now, net, net,
                    net + timedelta(hours=2), rng.randint(1, AGENCIES), number,
                    rng.randint(1, PADS), False, {},
                )
            )  # fmt: skip
        self.flush()

    # --- spacecraft -------------------------------------------------------------------------

    def schedule(self) -> list[tuple[int, datetime | None]]:
        """About three flights, each on the first launch after the previous one ended and the
        spacecraft turned around: (launch index, mission end)."""
        rng, now, nets = self.rng, self.now, self.nets
        index = rng.randrange(len(nets))
        flights: list[tuple[int, datetime | None]] = []
        for _ in range(rng.choice(FLIGHTS_PER_SPACECRAFT)):
            net = nets[index]
            if net > now:
                flights.append((index, None))
                break
            longest = timedelta(hours=rng.choice([72, 5000]))
            end = net + span(rng, timedelta(hours=2), longest)
            flights.append((index, end if end <= now else None))
            turnaround = span(rng, timedelta(days=30), timedelta(days=900))
            index = bisect.bisect_left(nets, end + turnaround)
            if index >= len(nets):
                break
        return flights

    def spacecraft(self, pk: int) -> None:
        rng, now = self.rng, self.now
        config = rng.choice(self.configs)
        serial = self.serials[config.id] = self.serials.get(config.id, 0) + 1
        schedule = self.schedule()
        status = 1 if schedule[-1][1] is None else rng.choice(FLOWN_STATUSES)
        image_id = config.image_id
        if rng.random() < OWN_IMAGE_SHARE:
            image_id = self.image(config.name)
        times, dockings, flights = [], [], []
        for index, end in schedule:
            net = self.nets[index]
            times.append(stats.FlightTimes(net, end))
            flights.append((index, end, self.next["flight"]))
            self.next["flight"] += 1
        gaps = stats.turnaround_times(times)
        for (index, end, flight_id), gap in zip(flights, gaps, strict=True):
            net = self.nets[index]
            landing = self.landing() if end is not None and rng.random() < 0.4 else None
            duration = whole_seconds(end - net) if end is not None else None
            destination = rng.choice(["Low Earth Orbit", "International Space Station", None])
            self.pending[SpacecraftFlight].append(
                (
                    flight_id, pk, self.launch_ids[index], landing, destination, end, duration,
                    whole_seconds(gap), [], [], [],
                )
            )  # fmt: skip
            if net <= now and rng.random() < 0.3:
                dockings += self.docking(flight_id, net, end)
        craft = SimpleNamespace(
            in_space=False,
            time_in_space_s=None,
            time_docked_s=None,
            mission_ends_count=None,
            fastest_turnaround_s=None,
            stats_due_at=None,
            open_flights=0,
            open_dockings=0,
            stats_as_of=0,
            flights_count=None,
            has_flight_data=False,
            has_docking_data=False,
        )
        stats._store_statistics(craft, times, dockings, now, self.now_epoch)
        self.pending[Spacecraft].append(
            (
                pk,
                f"{config.name} {serial}",
                f"SN-{config.id:03d}-{serial:04d}",
                rng.random() < 0.01,
                image_id,
                status,
                f"{config.name} number {serial}. {rng.choice(self.descriptions)}",
                config.id,
                *(getattr(craft, name, None) for name in stats.SPACECRAFT_STATISTICS),
            )
        )

    def image(self, name: str) -> int:
        pk = self.next["image"]
        self.next["image"] += 1
        stem = f"{MEDIA}/{slug(name)}_{pk}"
        credit = self.rng.choice([None, None, "NASA", "ESA", "Roscosmos"])
        license_id = self.rng.choice([1, 1, 1, 4, 21])
        urls = (f"{stem}.jpeg", f"{stem}_thumbnail.jpeg")
        self.pending[Image].append((pk, f"[AUTO] {name}", *urls, credit, license_id, True))
        return pk

    def landing(self) -> int:
        rng = self.rng
        pk = self.next["landing"]
        self.next["landing"] += 1
        attempt = rng.random() < 0.95
        self.pending[Landing].append(
            (
                pk,
                attempt,
                (rng.random() < 0.95) if attempt else None,
                self.descriptions[pk % DESCRIPTIONS][:80],
                rng.choice([None, round(rng.uniform(5, 600), 1)]),
                rng.randint(1, LANDING_LOCATIONS),
                rng.choice(LANDING_TYPES)[0],
            )
        )
        return pk

    def docking(self, flight_id: int, net: datetime, end: datetime | None) -> list:
        rng = self.rng
        docking = net + span(rng, timedelta(hours=3), timedelta(hours=50))
        if docking >= (end or self.now):
            return []
        departure = None
        if end is not None:
            departure = docking + span(rng, (end - docking) / 2, (end - docking) * 0.95)
        port = rng.choice(list(DOCKING_PORTS))
        pk = self.next["docking"]
        self.next["docking"] += 1
        target = 18 if port == 4 else 4
        self.pending[DockingEvent].append((pk, flight_id, docking, departure, port, target))
        return [stats.DockingTimes(docking, departure)]


@contextmanager
def foreign_keys_checked_once(large: list[type[models.Model]], progress) -> Iterator[None]:
    """On PostgreSQL, the foreign keys of the large tables dropped while they are written and
    added back after, within the transaction: each key is then checked once over its whole
    table, where a deferred key queues a check of every row written for the commit (most of
    the time a catalog of a million spacecraft took to build)."""
    if connection.vendor != "postgresql":
        yield
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the small tables' checks, now
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)"
            " FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY(%s::regclass[])",
            [[model._meta.db_table for model in large]],
        )
        keys = cursor.fetchall()
        for table, name, _ in keys:
            cursor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
    yield
    progress(f"  checking {len(keys)} foreign keys")
    with connection.cursor() as cursor:
        for table, name, definition in keys:
            cursor.execute(f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} {definition}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def build(count: int, progress=print) -> dict[str, int]:
    """Write a catalog of ``count`` spacecraft into an empty, migrated database: all or
    nothing. Returns the number of rows written per model."""
    now = datetime.now(UTC).replace(microsecond=0)
    small = Catalog(random.Random(SEED), now)
    small.lookups()
    small.agencies()
    small.families()
    small.configs()
    small.launcher_configs()
    small.places()
    small.stations()
    large = LargeTables(
        random.Random(SEED + 1), now, small.rows[SpacecraftConfig], small.next_id(Image)
    )
    with transaction.atomic():
        small.write()
        with foreign_keys_checked_once(list(large.writers), progress):
            large.launches(max(100, count // SPACECRAFT_PER_LAUNCH))
            for start in range(1, count + 1, CHUNK):
                for pk in range(start, min(start + CHUNK, count + 1)):
                    large.spacecraft(pk)
                large.flush()
                if count > CHUNK:
                    progress(f"  {min(start + CHUNK - 1, count):,} spacecraft written")
        progress("  refreshing the configurations, families and launch figures")
        stats.refresh_configurations([config.id for config in small.rows[SpacecraftConfig]], now)
        launch_stats.refresh([launch_stats.ALL], now)
        bump_catalog_version()
    written = {model._meta.object_name: len(rows) for model, rows in small.rows.items()}
    for model, writer in large.writers.items():
        written[model._meta.object_name] = written.get(model._meta.object_name, 0) + writer.written
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # fresh statistics and visibility for the planner
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return written
