"""LOG_FORMAT=json: one JSON object per line, with the timestamp, level, logger, message and the
request id, which comes from the request's X-Request-ID when it is a UUID and is made otherwise,
and is echoed in the response."""

import json
import subprocess
import sys
import uuid

from tests.upstream import hangar_env

# Requests through Django's test client, in a process whose logging is set up from ``env``.
SCRIPT = """
import json, sys
import django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
answers = []
for request_id in sys.argv[1:]:
    headers = {"X-Request-ID": request_id} if request_id else {}
    response = client.get("/nowhere/", headers=headers)
    answers.append([response.status_code, response.headers.get("X-Request-ID")])
print(json.dumps(answers))
"""


def requests_logged(tmp_path, *request_ids: str, **variables: str):
    env = hangar_env(tmp_path / "hangar.sqlite3", tmp_path / "var")
    env.update(variables)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *request_ids],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(done.stdout), done.stderr.splitlines()


def test_a_request_logs_one_json_line_with_the_request_id_it_brought(tmp_path):
    sent = str(uuid.uuid4())
    [(status, echoed)], lines = requests_logged(tmp_path, sent, LOG_FORMAT="json")
    assert status == 404 and echoed == sent
    [line] = lines  # Django's "Not Found", and nothing else
    record = json.loads(line)
    assert record["request_id"] == sent
    assert record["level"] == "WARNING"
    assert record["logger"] == "django.request"
    assert record["message"] == "Not Found: /nowhere/"
    assert record["timestamp"].endswith("+00:00")


def test_a_request_without_an_id_or_with_one_that_is_no_uuid_gets_a_new_one(tmp_path):
    answers, lines = requests_logged(tmp_path, "", "not a uuid", LOG_FORMAT="json")
    records = [json.loads(line) for line in lines]
    made = [echoed for _, echoed in answers]
    assert all(uuid.UUID(request_id) for request_id in made) and len(set(made)) == 2
    not_found = [r for r in records if r["message"] == "Not Found: /nowhere/"]
    assert [r["request_id"] for r in not_found] == made
    # The id refused is said once, as a warning.
    [refused] = [r for r in records if r["logger"] == "django_guid"]
    assert refused["level"] == "WARNING" and "X-Request-ID" in refused["message"]


def test_text_stays_the_default(tmp_path):
    _, lines = requests_logged(tmp_path, str(uuid.uuid4()))
    assert lines == ["Not Found: /nowhere/"]


def test_an_unknown_log_format_stops_start_up_naming_the_variable(tmp_path):
    env = hangar_env(tmp_path / "hangar.sqlite3", tmp_path / "var")
    env["LOG_FORMAT"] = "xml"
    done = subprocess.run(
        [sys.executable, "-m", "hangar.cli", "check"], env=env, capture_output=True, text=True
    )
    assert done.returncode != 0
    assert '"LOG_FORMAT"' in done.stderr
