"""The documentation pages work offline: they load only assets Hangar serves itself, and the
OpenAPI document they read is Hangar's own, listing every path it answers."""

import re

import pytest

from hangar.core.urls import router

ASSET = re.compile(r"""<(?:script|link|img)\b[^>]*?\b(?:src|href)=["']([^"']+)["']""")


def assets(html: str) -> list[str]:
    return ASSET.findall(html)


@pytest.mark.parametrize("page", ["/docs/", "/2.3.0/spacecraft/?format=api"])
def test_page_loads_only_local_assets_that_resolve(client, db, page):
    response = client.get(page)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    found = assets(response.content.decode())
    assert found, "the page references no asset at all"
    assert [url for url in found if re.match(r"(https?:)?//", url)] == []
    for url in found:
        assert url.startswith("/static/"), url
        assert client.get(url).status_code == 200, url


def test_docs_page_reads_hangars_own_schema_and_names_no_other_host(client, db):
    html = client.get("/docs/").content.decode()
    assert re.search(r"""url:\s*["']/schema/["']""", html)
    assert re.findall(r"https?://\S+", html) == []


def test_schema_is_hangars_openapi_document_listing_every_path(client, db):
    response = client.get("/schema/", {"format": "json"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert document["info"]["title"].startswith("Hangar")
    paths = set(document["paths"])
    for prefix, viewset, _ in router.registry:
        if hasattr(viewset, "list"):
            assert f"/2.3.0/{prefix}/" in paths
        if hasattr(viewset, "retrieve"):  # not a one-object endpoint (dashboard/starship/)
            assert f"/2.3.0/{prefix}/{{id}}/" in paths
    assert all(set(operations) == {"get"} for operations in document["paths"].values())


def test_schema_opens_in_a_browser_as_json_and_answers_yaml_when_asked(client, db):
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = client.get("/schema/", HTTP_ACCEPT=browser)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["openapi"].startswith("3.")
    assert client.get("/schema/", {"format": "yaml"}).content.startswith(b"openapi: 3.")


def test_schema_in_an_unknown_format_is_a_json_404(client, db):
    response = client.get("/schema/", {"format": "xml"})
    assert response.status_code == 404
    assert "detail" in response.json()


def test_api_throttle_answers_like_ll2_with_no_limit_reached(api, db):
    body = api.get("/2.3.0/api-throttle/").json()
    assert list(body[0]) == [
        "your_request_limit",
        "limit_frequency_secs",
        "current_use",
        "next_use_secs",
        "ident",
    ]
    assert body[0]["current_use"] == 0
    assert body[0]["your_request_limit"] > 10**6
    assert body[0]["ident"] == "127.0.0.1"
