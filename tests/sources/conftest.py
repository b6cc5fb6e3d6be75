"""Fixtures for the sources tests: a local news server and fetchers that do not wait."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from marsad.sources.http import Fetcher, FetchPolicy
from tests.sources.server import NewsServer

MB = 1024 * 1024


class Sleeps:
    """Records the waits a Fetcher asks for instead of sleeping."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


@pytest.fixture(scope="session")
def server() -> Iterator[NewsServer]:
    news = NewsServer()
    thread = threading.Thread(target=news.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield news
    news.stop.set()
    news.shutdown()
    news.server_close()


@pytest.fixture()
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture()
def policy() -> FetchPolicy:
    return FetchPolicy(
        timeout=2.0, max_bytes=1 * MB, max_redirects=5, retries=2, backoff=0.5, host_delay=0
    )


@pytest.fixture()
def fetcher(policy: FetchPolicy, sleeps: Sleeps) -> Iterator[Fetcher]:
    with Fetcher(policy, sleep=sleeps) as client:
        yield client
