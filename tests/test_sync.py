"""``hangar sync`` against a real second Hangar over HTTP, with the faults of a public service
injected by a proxy in front of it (see ``tests/upstream.py``)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from hangar.ingest.importer import ImportReport
from hangar.ingest.sync import SyncOptions, run_sync
from hangar.ingest.sync.checkpoint import SyncLocked, SyncState, sync_runs
from hangar.ingest.sync.client import Budget, Clock, Tally, Upstream
from hangar.ingest.sync.endpoints import Endpoint, endpoints, importable
from hangar.ingest.sync.progress import Progress
from hangar.ingest.sync.run import api_root
from hangar.ingest.write import WriteCounts
from tests import models as m
from tests.migrated import migrated_sqlite
from tests.upstream import (
    FIRST_ID,
    SYNTHETIC_SPACECRAFT,
    Fault,
    FaultProxy,
    UpstreamHangar,
    hangar_env,
    mismatches,
    synthetic_page,
)

SPACECRAFT_PATH = "spacecraft/"
EVERYTHING: list = []  # ``only`` nothing: the whole table
SPACECRAFT = ("/2.3.0/spacecraft/?", "mode=detailed")
FIRST_PAGE = (*SPACECRAFT, "offset=0")
SECOND_PAGE = (*SPACECRAFT, "offset=100")
TOTAL = SYNTHETIC_SPACECRAFT + 10  # and the bundled page of real records
DOCKING_EVENTS = int(importable(Endpoint("docking_events/", "detailed")))


@pytest.fixture
def proxy(upstream):
    proxy = FaultProxy(upstream.url)
    yield proxy
    proxy.close()


def sync(proxy, tmp_path, **options_given) -> str:
    """Run ``hangar sync`` in-process against the proxy; its output (summary, then notes).
    Only ``spacecraft/`` unless told otherwise: it is where the pages are, and it is fast."""
    out, err = StringIO(), StringIO()
    options = {"backoff": 0.01, "progress": False, "budget": 1000, "only": [SPACECRAFT_PATH]}
    options.update(options_given)
    call_command(
        "sync",
        upstream=proxy.url,
        state_dir=str(tmp_path / "sync"),
        stdout=out,
        stderr=err,
        **options,
    )
    return out.getvalue() + err.getvalue()


def refused(proxy, tmp_path, **options) -> str:
    with pytest.raises(CommandError) as failure:
        sync(proxy, tmp_path, **options)
    return str(failure.value)


def theirs(upstream, path: str) -> list:
    """Every record of a list endpoint of the upstream, as served to a client at testserver
    (the object of a one-object endpoint, ``dashboard/starship/``)."""
    records, offset = [], 0
    while True:
        separator = "&" if "?" in path else "?"
        page = upstream.get(f"/2.3.0/{path}{separator}limit=100&offset={offset}")
        if "results" not in page:
            records = [page]
            break
        records += page["results"]
        if not page["next"]:
            break
        offset += len(page["results"])
    return json.loads(json.dumps(records).replace(upstream.url, "http://testserver"))


def ours(path: str) -> list:
    records, offset, client = [], 0, APIClient()
    while True:
        separator = "&" if "?" in path else "?"
        page = client.get(f"/2.3.0/{path}{separator}limit=100&offset={offset}").json()
        if "results" not in page:
            return [page]
        records += page["results"]
        if not page["next"]:
            break
        offset += len(page["results"])
    return records


def assert_mirrors(upstream, paths=("spacecraft/?mode=detailed",)) -> None:
    for path in paths:
        assert not list(mismatches(theirs(upstream, path), ours(path))), path


def snapshot() -> dict:
    return {
        "spacecraft": sorted(m.Spacecraft.objects.values_list("id", "name", "description")),
        "flights": sorted(m.SpacecraftFlight.objects.values_list("id", "mission_end")),
        "launches": m.Launch.objects.count(),
    }


def test_sync_mirrors_every_endpoint_of_the_upstream(db, upstream, proxy, tmp_path):
    output = sync(proxy, tmp_path, only=EVERYTHING)
    paths = [endpoint.label() for endpoint in endpoints() if importable(endpoint)]
    assert_mirrors(upstream, [*paths, "spacecraft/?mode=normal"])
    client = APIClient()
    for record in theirs(upstream, "spacecraft/?mode=normal")[::10]:
        detail = f"/2.3.0/spacecraft/{record['id']}/"
        answer = json.dumps(upstream.get(detail)).replace(upstream.url, "http://testserver")
        expected = json.loads(answer)
        assert not list(mismatches(expected, client.get(detail).json()))
    assert "Synced from" in output and "(full refresh)" in output
    assert f"Pages: {len(proxy.log)}; requests: {len(proxy.log)} spent" in output
    assert "0 updated, 0 unchanged, 0 rejected." in output
    assert f"spacecraft/?mode=detailed: 2 pages, {TOTAL} records." in output
    assert "every statistic Hangar recomputes matches the upstream's" in output


def test_a_second_sync_within_the_week_is_quick_and_changes_nothing(db, proxy, tmp_path):
    sync(proxy, tmp_path, only=EVERYTHING)
    before, spent = snapshot(), len(proxy.log)
    output = sync(proxy, tmp_path, only=EVERYTHING)
    quick = proxy.log[spent:]
    assert "(quick refresh)" in output
    # Spacecraft in space (one page), the newest spacecraft (one page, all known), the
    # launches and the events updated since the last sync (one page each), and the docking
    # events since the last sync where Hangar imports them.
    assert len(quick) == 4 + DOCKING_EVENTS
    assert any("in_space=true" in entry.path for entry in quick)
    assert any("last_updated__gte=" in entry.path for entry in quick)
    assert any("ordering=-id" in entry.path for entry in quick)
    assert " 0 created, 0 updated" in output
    assert snapshot() == before


def test_429_with_retry_after_is_honoured(db, upstream, proxy, tmp_path):
    proxy.faults.append(Fault(SECOND_PAGE, "429", retry_after="1"))
    output = sync(proxy, tmp_path)
    assert "429 Too Many Requests; waiting 1s as asked." in output
    assert "retries: 1 after 429 Too Many Requests" in output
    assert [e.status for e in proxy.log if all(p in e.path for p in SECOND_PAGE)] == [429, 200]
    assert_mirrors(upstream)


def test_server_errors_twice_then_recovery(db, upstream, proxy, tmp_path):
    proxy.faults.append(Fault(SECOND_PAGE, "500", times=2))
    output = sync(proxy, tmp_path)
    assert output.count("server error 500; retrying") == 2
    assert "retries: 2 after server error" in output
    assert_mirrors(upstream)


def test_connection_dropped_mid_page_is_retried(db, upstream, proxy, tmp_path):
    proxy.faults.append(Fault(SECOND_PAGE, "drop"))
    output = sync(proxy, tmp_path)
    assert "connection failed" in output
    assert "retries: 1 after connection" in output
    assert_mirrors(upstream)


def test_truncated_page_is_retried(db, upstream, proxy, tmp_path):
    proxy.faults.append(Fault(SECOND_PAGE, "truncate"))
    output = sync(proxy, tmp_path)
    assert "malformed answer, not valid JSON" in output
    assert_mirrors(upstream)


def test_page_that_stays_malformed_stops_the_sync_and_a_rerun_resumes(
    db, upstream, proxy, tmp_path
):
    proxy.faults.append(Fault(SECOND_PAGE, "truncate", times=99))
    message = refused(proxy, tmp_path, retries=3)
    assert "malformed answer, not valid JSON" in message
    assert "gave up after 3 attempts" in message
    assert "Nothing was applied; the 1 page fetched so far is kept" in message
    assert not m.Spacecraft.objects.exists()
    [(_, runs)] = sync_runs(tmp_path / "sync")
    assert runs["outcome"] == "failed" and "succeeded" not in runs
    proxy.faults.clear()
    output = sync(proxy, tmp_path)
    assert "Resumed the partial refresh" in output
    [(_, runs)] = sync_runs(tmp_path / "sync")
    assert runs["outcome"] == "success" and runs["succeeded"] == runs["attempted"]
    assert len([p for p in proxy.requests() if all(s in p for s in FIRST_PAGE)]) == 1
    assert_mirrors(upstream)


def test_wrong_type_is_refused_naming_record_and_field_and_changes_nothing(
    db, upstream, proxy, tmp_path
):
    sync(proxy, tmp_path)
    before = snapshot()

    def rename(page):
        page["results"][0]["description"] = "Changed upstream."
        return page

    def break_type(page):
        page["results"][3]["flights_count"] = "three"
        return page

    proxy.faults += [
        Fault(FIRST_PAGE, "edit", edit=rename),
        Fault(SECOND_PAGE, "edit", edit=break_type),
    ]
    message = refused(proxy, tmp_path, full=True)
    record = upstream.get("/2.3.0/spacecraft/?mode=detailed&limit=100&offset=100")["results"][3]
    assert (
        f"results[3]: spacecraft {record['id']}: flights_count: A valid integer is required."
        in message
    )
    assert "nothing was changed" in message
    assert snapshot() == before


def test_unknown_version_is_refused(db, proxy, tmp_path):
    proxy.faults.append(
        Fault(
            SECOND_PAGE,
            "edit",
            edit=lambda page: json.loads(json.dumps(page).replace("/2.3.0/", "/2.2.0/")),
        )
    )
    message = refused(proxy, tmp_path)
    assert "url: LL2 version 2.2.0 is not supported" in message
    assert not m.Spacecraft.objects.exists()


def test_page_repeating_a_record_is_refused(db, upstream, proxy, tmp_path):
    first = upstream.get("/2.3.0/spacecraft/?mode=detailed&limit=100&offset=0")["results"][7]

    def repeat(page):
        page["results"][0] = first
        return page

    proxy.faults.append(Fault(SECOND_PAGE, "edit", edit=repeat))
    message = refused(proxy, tmp_path)
    assert f"results[0]: spacecraft {first['id']}: id: given again" in message
    assert "the page repeats a record" in message
    assert not m.Spacecraft.objects.exists()
    # The stream's pages were dropped: the rerun fetches it afresh and completes.
    sync(proxy, tmp_path)
    assert_mirrors(upstream)


def test_count_changing_between_pages_is_refused(db, proxy, tmp_path):
    proxy.faults.append(Fault(SECOND_PAGE, "edit", edit=lambda page: {**page, "count": TOTAL + 1}))
    message = refused(proxy, tmp_path)
    assert f"count: {TOTAL + 1} records, the first page said {TOTAL}" in message
    assert not m.Spacecraft.objects.exists()


def test_next_link_that_skips_records_is_refused(db, proxy, tmp_path):
    def skip(page):
        page["next"] = page["next"].replace("offset=100", "offset=150")
        return page

    proxy.faults.append(Fault(FIRST_PAGE, "edit", edit=skip))
    message = refused(proxy, tmp_path)
    assert "continues at offset 150, not 100" in message


def test_endpoint_the_upstream_does_not_serve_is_skipped_with_a_note(db, upstream, proxy, tmp_path):
    proxy.faults.append(Fault(("/2.3.0/docking_events/",), "404"))
    output = sync(proxy, tmp_path, only=[SPACECRAFT_PATH, "docking_events/"])
    assert "docking_events/?mode=detailed: not served by the upstream (404), skipped." in output
    assert_mirrors(upstream)


def test_token_is_sent_as_authorization_header(db, proxy, tmp_path):
    sync(proxy, tmp_path, token="s3cret")
    assert {entry.authorization for entry in proxy.log} == {"Token s3cret"}


def test_statistics_that_differ_from_the_upstream_are_reported(db, upstream, proxy, tmp_path):
    page = upstream.get("/2.3.0/spacecraft/?mode=detailed&limit=100&offset=0")["results"]
    index = next(i for i, record in enumerate(page) if record["flights"])
    record = page[index]

    def claim(page):
        page["results"][index]["flights_count"] = 99
        return page

    proxy.faults.append(Fault(FIRST_PAGE, "edit", edit=claim))
    output = sync(proxy, tmp_path)
    line = (
        f"spacecraft {record['id']} ({record['name']}): flights_count: "
        f"ours {record['flights_count']}, theirs 99"
    )
    assert "Data quality: 1 statistics differ from the upstream's" in output
    assert line in output
    report = next((tmp_path / "sync").glob("*/quality.tsv")).read_text()
    assert f"spacecraft\t{record['id']}\t{record['name']}\tflights_count\t" in report


def test_budget_waits_when_spent(db, proxy, tmp_path):
    """With a clock that only moves when the sync sleeps: one request an hour."""

    class FakeClock:
        moment = time.time()

        def now(self):
            return self.moment

        def sleep(self, seconds):
            self.moment += seconds

    fake = FakeClock()
    options = SyncOptions(
        upstream=proxy.url,
        budget=1,
        window=3600,
        state_dir=tmp_path,
        clock=Clock(fake.now, fake.sleep),
        only=(SPACECRAFT_PATH,),
    )
    lines = run_sync(options, note=lambda message: None)
    assert len(proxy.log) == 2
    assert "waited 1h00m." in "\n".join(lines)


def test_budget_never_allows_more_than_its_limit_in_a_window(tmp_path):
    moment = [1000.0]
    clock = Clock(lambda: moment[0], lambda seconds: moment.__setitem__(0, moment[0] + seconds))
    budget = Budget(3, 60, SyncState(tmp_path, "http://x/2.3.0/"), clock, plan=1.0)
    assert budget.seconds_for(7) == 120
    sent = []
    for _ in range(10):
        clock.sleep(budget.wait_time())
        budget.spend()
        sent.append(moment[0])
    assert all(later - earlier >= 60 for earlier, later in zip(sent, sent[3:], strict=False))
    assert Budget(3, 60, SyncState(tmp_path, "http://x/2.3.0/"), clock, plan=1.0).spent == 10


def test_a_second_sync_of_the_same_upstream_is_refused_while_one_runs(db, proxy, tmp_path):
    state = SyncState(tmp_path / "sync", api_root(proxy.url))
    with state.locked(), pytest.raises(SyncLocked):
        SyncState(tmp_path / "sync", api_root(proxy.url)).locked().__enter__()
    with state.locked():
        message = refused(proxy, tmp_path)
    assert "Another sync of" in message


def test_every_runs_again_and_the_next_run_is_quick(db, proxy, tmp_path):
    output = sync(proxy, tmp_path, every=0, runs=2, only=EVERYTHING)
    assert "(full refresh)" in output and "(quick refresh)" in output


def test_quick_refresh_picks_up_new_and_landed_spacecraft(db, upstream_database, tmp_path):
    now = datetime.now(UTC)
    server = UpstreamHangar(tmp_path / "changing", upstream_database).start()
    proxy = FaultProxy(server.url)
    try:
        sync(proxy, tmp_path, only=EVERYTHING)
        assert m.Spacecraft.objects.get(id=FIRST_ID).in_space
        changes = tmp_path / "changes.json"
        changes.write_text(json.dumps(synthetic_page([FIRST_ID], now, version=1)))
        new = synthetic_page([FIRST_ID + 500], now)
        (tmp_path / "new.json").write_text(json.dumps(new))
        server.run("import", str(changes), str(tmp_path / "new.json"))
        spent = len(proxy.log)
        output = sync(proxy, tmp_path, only=EVERYTHING)
        assert "(quick refresh)" in output
        # In space, newest, launches and events updated since, and the one that came down, by id.
        assert [e.path.split("?")[0] for e in proxy.log[spent:]] == [
            "/2.3.0/spacecraft/",
            "/2.3.0/spacecraft/",
            "/2.3.0/launches/",
            "/2.3.0/events/",
            *["/2.3.0/docking_events/"] * DOCKING_EVENTS,
            f"/2.3.0/spacecraft/{FIRST_ID}/",
        ]
        assert not m.Spacecraft.objects.get(id=FIRST_ID).in_space
        assert m.Spacecraft.objects.filter(id=FIRST_ID + 500).exists()
        assert_mirrors(server)
    finally:
        proxy.close()
        server.stop()


def test_killed_sync_resumes_without_fetching_finished_pages(upstream, upstream_database, tmp_path):
    """kill -9 while the second page is on its way; the rerun starts at that page."""
    proxy = FaultProxy(upstream.url)
    database = tmp_path / "downstream.sqlite3"
    env = hangar_env(migrated_sqlite(database), tmp_path / "var")
    command = [sys.executable, "-m", "hangar.cli", "sync", "--upstream", proxy.url]
    command += ["--no-progress", "--budget", "1000", "--only", SPACECRAFT_PATH]
    try:
        proxy.faults.append(Fault(SECOND_PAGE, "stall"))
        first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert proxy.stalled.wait(60)
        os.kill(first.pid, signal.SIGKILL)
        first.wait()
        fetched = len(proxy.log)
        proxy.release.set()
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert "Resumed the partial refresh" in done.stdout
        again = [e.path for e in proxy.log[fetched:]]
        assert not [path for path in again if all(part in path for part in FIRST_PAGE)]
        assert [path for path in again if all(part in path for part in SECOND_PAGE)]
    finally:
        proxy.close()
    expected = sorted(record["id"] for record in theirs(upstream, "spacecraft/?mode=normal"))
    flights = theirs(upstream, "spacecraft_flights/?mode=normal")
    with sqlite3.connect(database) as connection:
        held = sorted(row[0] for row in connection.execute("SELECT id FROM catalog_spacecraft"))
        flights_held = connection.execute(
            "SELECT count(*) FROM catalog_spacecraftflight"
        ).fetchone()
    assert held == expected
    assert flights_held[0] == len(flights)


def test_progress_bar_shows_pages_requests_and_time_to_go(db, proxy, tmp_path, capsys):
    sync(proxy, tmp_path, progress=True)
    bar = capsys.readouterr().err
    # The first page's count gives the list's total at once.
    assert "1/2 pages" in bar and "1/1 pages" not in bar
    assert "2/2 pages" in bar
    assert "2 requests spent, about 0s to go" in bar


def test_progress_bar_counts_the_pages_a_resumed_run_finds(db, proxy, tmp_path, capsys):
    proxy.faults.append(Fault(SECOND_PAGE, "500", times=99))
    refused(proxy, tmp_path, retries=1)
    proxy.faults.clear()
    capsys.readouterr()
    sync(proxy, tmp_path, progress=True)
    bar = capsys.readouterr().err
    assert "1/2 pages" in bar and "0/2 pages" not in bar
    assert "2/2 pages" in bar
    assert "1 requests spent" in bar  # the first page was not fetched again


def budget_clock(tmp_path, limit: int, window: float):
    """A budget on a clock that only moves when the sync sleeps."""
    moment = [1000.0]
    clock = Clock(lambda: moment[0], lambda seconds: moment.__setitem__(0, moment[0] + seconds))
    return Budget(limit, window, SyncState(tmp_path, "http://x/2.3.0/"), clock, 1.0), clock


def test_the_estimate_includes_the_time_requests_take(tmp_path, capsys):
    budget, _ = budget_clock(tmp_path, limit=100, window=3600)
    progress = Progress(True, budget, Tally(), note=print)
    progress.expect("spacecraft", 10)
    progress.page_done(fetched_in=30)
    progress.close()
    # Nine pages to go, within the budget: nine requests of 30 seconds each.
    assert "about 4m30s to go" in capsys.readouterr().err
    assert budget.seconds_for(3, each=10) == 30


def test_waiting_for_the_budget_updates_every_second(tmp_path):
    budget, clock = budget_clock(tmp_path, limit=1, window=5)
    budget.spend()
    told = []
    upstream = Upstream("http://x/2.3.0/", budget, clock=clock, on_wait=told.append)
    try:
        upstream.wait_for_budget()
    finally:
        upstream.close()
    assert told == [5, 4, 3, 2, 1, 0]


def test_the_summary_leaves_out_kinds_with_nothing_to_count():
    counts = WriteCounts()
    counts.created["spacecraft"] += 2
    counts.updated["agencies"] += 0  # a kind the run touched, with nothing to report
    report = ImportReport(records=2, counts=counts)
    assert report.lines() == [
        "Imported 2 records: 2 created, 0 updated, 0 unchanged, 0 rejected.",
        "  spacecraft: 2 created, 0 updated, 0 unchanged",
    ]


def test_ctrl_c_ends_a_sync_with_one_line_and_exit_code_130(upstream, tmp_path):
    proxy = FaultProxy(upstream.url)
    env = hangar_env(migrated_sqlite(tmp_path / "downstream.sqlite3"), tmp_path / "var")
    command = [sys.executable, "-m", "hangar.cli", "sync", "--upstream", proxy.url]
    command += ["--no-progress", "--budget", "1000", "--only", SPACECRAFT_PATH]
    try:
        proxy.faults.append(Fault(SECOND_PAGE, "stall"))
        # Ctrl-C as a terminal sends it, even when this run itself ignores SIGINT (a
        # background job of a shell does), which its children would inherit.
        running = subprocess.Popen(
            command,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        assert proxy.stalled.wait(60)
        running.send_signal(signal.SIGINT)
        _, err = running.communicate(timeout=60)
    finally:
        proxy.close()
    assert running.returncode == 130
    assert "Traceback" not in err.decode()
    [line] = err.decode().strip().splitlines()
    assert line.startswith("hangar sync: interrupted; the 1 page fetched so far is kept")
    assert "run hangar sync again to resume" in line
    [(_, runs)] = sync_runs(tmp_path / "var" / "sync")
    assert runs["outcome"] == "interrupted"
