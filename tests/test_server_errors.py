"""What gunicorn refuses before Django sees it (a request line over 8 KB, too many or too large
headers, a line that is not HTTP) answers JSON naming what was wrong, through a real
``hangar serve``."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.upstream import free_port, hangar_env


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``hangar serve`` on a database nobody asks: these requests never reach Django."""
    workdir = tmp_path_factory.mktemp("server-errors")
    env = hangar_env(workdir / "unused.sqlite3", workdir / "var")
    env["HANGAR_REFRESH_SECONDS"] = "0"
    port, log = free_port(), workdir / "serve.log"
    command = [sys.executable, "-m", "hangar.cli", "serve", "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(
        [*command, "--workers", "1"],
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while True:
        assert process.poll() is None and time.monotonic() < deadline, log.read_text()
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=2):
                break
        except OSError:
            time.sleep(0.2)
    yield port
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(20)


def raw(port: int, request: bytes) -> tuple[int, dict, bytes]:
    """Send ``request`` as it is; the status, headers and body of the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines)
    return int(status_line.split()[1]), headers, body


def assert_json(answer, status: int, *said: str) -> None:
    code, headers, body = answer
    assert code == status, answer
    assert headers["Content-Type"] == "application/json"
    assert int(headers["Content-Length"]) == len(body)
    detail = json.loads(body)["detail"]
    assert all(part in detail for part in said), detail


def test_a_request_line_over_the_limit_is_a_json_414(server):
    path = "/2.3.0/spacecraft/?search=" + "x" * 9000
    answer = raw(server, f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    assert_json(answer, 414, "request line is longer than the 4094 bytes allowed")


def test_a_header_over_the_limit_is_a_json_431(server):
    request = f"GET /2.3.0/spacecraft/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: {'y' * 9000}\r\n\r\n"
    answer = raw(server, request.encode())
    assert_json(answer, 431, "request headers are too large", "8190 bytes each")


def test_too_many_headers_are_a_json_431(server):
    many = "".join(f"X-Header-{number}: 1\r\n" for number in range(150))
    request = f"GET /2.3.0/spacecraft/ HTTP/1.1\r\nHost: 127.0.0.1\r\n{many}\r\n"
    answer = raw(server, request.encode())
    assert_json(answer, 431, "request headers are too large", "at most 100 headers")


def test_a_line_that_is_not_http_is_a_json_400(server):
    assert_json(raw(server, b"HELLO\r\n\r\n"), 400, "not valid HTTP")


def test_an_ordinary_request_still_reaches_django(server):
    code, _, body = raw(server, b"GET /health/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert code == 200, body
