"""Every link resolves: starting from every list endpoint in every mode, follow each ``url``,
``next`` and ``previous`` that points back at the API, breadth first; every one answers 200 with
a body that passes the contract of its path, and no link is of a path Hangar does not serve."""

import re
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import transaction
from rest_framework.test import APIClient

from hangar.core.registry import registry
from hangar.core.urls import router
from hangar.ingest.importer import import_files
from tests import contract
from tests import factories as f
from tests.conftest import AGENCY_44, SPACECRAFT_PAGE, SPUTNIK_LAUNCH, sample

# The module's tests read the crawl its fixture made; the mark makes the session set up the
# test database even when this module runs alone.
pytestmark = pytest.mark.django_db

ROOT = "http://testserver/2.3.0/"
LINK_KEYS = {"url", "next", "previous"}
# Enough records that several endpoints have a second page (10 records a page by default).
CATALOG_SIZE = 4

LINK_PATH = re.compile(r"^/2\.3\.0/(?P<kind>[a-z_]+(?:/[a-z_]+)*?)/(?:\d+/|[0-9a-fA-F-]{36}/)?$")


def links(value):
    """Every link of a response body, at any depth."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in LINK_KEYS and isinstance(item, str):
                yield item
            else:
                yield from links(item)
    elif isinstance(value, list):
        for item in value:
            yield from links(item)


def kind_of(url: str) -> str:
    match = LINK_PATH.match(urlsplit(url).path)
    assert match, f"not an LL2 resource path: {url}"
    return match["kind"]


@dataclass
class Crawl:
    visited: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    unserved: set[str] = field(default_factory=set)
    elsewhere: set[str] = field(default_factory=set)


def start_urls() -> list[str]:
    """Every list endpoint in every mode, and every one-object endpoint (which no record links
    to) in every mode."""
    lists = [
        f"http://testserver{path}?format=json" + (f"&mode={mode}" if mode else "")
        for path in contract.LIST_PATHS
        for mode in contract.list_modes(path)
    ]
    objects = [
        f"{ROOT}{resource.path}?format=json&mode={mode}"
        for resource in registry.resources()
        if resource.single
        for mode in resource.modes
    ]
    return lists + objects


def crawl(client: APIClient) -> Crawl:
    result = Crawl()
    queue, seen = deque(start_urls()), set(start_urls())
    served = {prefix for prefix, _, _ in router.registry}
    while queue:
        url = queue.popleft()
        result.visited.append(url)
        response = client.get(url)
        if response.status_code != 200:
            result.failures.append(f"{url}: {response.status_code}")
            continue
        parts = urlsplit(url)
        mode = parse_qs(parts.query).get("mode", [None])[0]
        body = response.json()
        for problem in contract.response_problems(parts.path, body, mode)[:5]:
            result.failures.append(f"{url}: {problem}")
        for link in links(body):
            if not link.startswith(ROOT):
                result.elsewhere.add(link)
            elif kind_of(link) not in served:
                result.unserved.add(link)
            elif link not in seen:
                seen.add(link)
                queue.append(link)
    return result


@pytest.fixture(scope="module")
def crawled(django_db_setup, django_db_blocker) -> Crawl:
    """The bundled real records and a small synthetic catalog, crawled once for the module in
    a transaction that is rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        import_files([SPACECRAFT_PAGE, AGENCY_44, SPUTNIK_LAUNCH])
        f.rich_catalog(CATALOG_SIZE, sample(SPUTNIK_LAUNCH)["response"])
        yield crawl(APIClient())
        transaction.set_rollback(True)


def test_every_link_answers_and_passes_the_contract(crawled):
    assert crawled.failures == []


def test_the_crawl_reached_every_kind_of_resource_and_followed_pages(crawled):
    reached = {kind_of(url) for url in crawled.visited}
    assert reached == {prefix for prefix, _, _ in router.registry}
    pages = [url for url in crawled.visited if "limit=" in url]
    assert any("offset=" in url and "mode=detailed" in url for url in pages)  # a next
    assert any("offset=" not in url for url in pages)  # a previous back to the first page


def test_every_link_is_of_a_path_hangar_serves(crawled):
    assert sorted(crawled.unserved) == []


def test_no_link_points_back_at_the_upstream_api(crawled):
    assert [url for url in crawled.elsewhere if "/2.3.0/" in url] == []
