"""Hangar's own pages: ``/``, the 404 of an unknown path, ``hangar --version``, and the
security headers on what it serves."""

import re
import subprocess
import sys
from importlib.metadata import version

import pytest
from django.test import Client

from tests import factories
from tests.test_docs import assets

PROXY_HTTPS = {"HTTP_X_FORWARDED_PROTO": "https"}


def test_home_page_says_what_hangar_is_and_links_the_rest(client, db):
    factories.spacecraft()
    response = client.get("/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "Launch Library 2" in html and version("hangar") in html
    links = set(re.findall(r'href="([^"]+)"', html))
    assert {"/2.3.0/", "/docs/", "/schema/", "/health/"} <= links
    assert re.search(r'href="/2.3.0/spacecraft/">spacecraft</a></td><td class="count">1<', html)
    assert "Not synced from an upstream yet." in html
    assert assets(html) == []  # nothing to load, from a CDN or elsewhere
    assert "/admin/" in links
    assert client.get("/admin/")["Location"].startswith("/admin/login/")
    for link in links - {"/admin/"}:
        assert client.get(link).status_code == 200, link


def test_unknown_path_answers_json_404(client, db):
    response = client.get("/nowhere/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found: /nowhere/"}


def test_unknown_path_answers_a_page_when_format_api_asks(client, db):
    response = client.get("/nowhere/", {"format": "api"})
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert "<code>/nowhere/</code>" in response.content.decode()


def test_hangar_version_is_hangars():
    done = subprocess.run(
        [sys.executable, "-m", "hangar.cli", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0
    assert done.stdout == f"{version('hangar')}\n"


@pytest.mark.parametrize("path", ["/", "/2.3.0/?format=api", "/docs/", "/nowhere/?format=api"])
def test_html_pages_carry_the_security_headers(client, db, path):
    response = client.get(path)
    assert response["Content-Type"].startswith("text/html")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_json_carries_nosniff(client, db):
    response = client.get("/2.3.0/spacecraft/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Strict-Transport-Security" not in response


def test_no_hsts_over_plain_http_even_when_a_client_claims_https(client, db):
    # Without TRUST_X_FORWARDED_PROTO, the header is anyone's to send: it proves nothing.
    assert "Strict-Transport-Security" not in client.get("/", **PROXY_HTTPS)


def test_hsts_over_tls_behind_a_trusted_proxy(db, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    client = Client()  # its middleware reads the settings above
    assert client.get("/", **PROXY_HTTPS)["Strict-Transport-Security"] == "max-age=31536000"
    assert "Strict-Transport-Security" not in client.get("/")  # the proxy's http side


@pytest.mark.parametrize("path", ["/", "/2.3.0/spacecraft/", "/2.3.0/spacecraft/?format=api"])
def test_a_host_not_served_is_a_json_400(client, db, path):
    response = client.get(path, HTTP_HOST="elsewhere.example")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "Host" in response.json()["detail"]


def test_the_browsable_pages_and_the_api_root_say_hangar(client, db):
    root = client.get("/2.3.0/", {"format": "api"}).content.decode()
    assert "<title>Launch Library 2 (2.3.0) - Hangar</title>" in root
    assert 'class="navbar-brand" href="/">Hangar</a>' in root
    page = client.get("/2.3.0/spacecraft/", {"format": "api"}).content.decode()
    assert "Hangar</title>" in page and "Levels of detail in the response" in page
