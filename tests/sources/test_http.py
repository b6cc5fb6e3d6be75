"""The fetcher against a local server: pages, redirects, retries, limits and failures."""

from __future__ import annotations

import socket
import time
from dataclasses import replace

import pytest

from marsad.config import Settings, load_settings
from marsad.model import RawDocument
from marsad.pipeline import Dropped
from marsad.sources.http import Fetched, Fetcher, FetchPolicy, fetch_urls, user_agent
from tests.sources.builders import ARABIC_TITLE
from tests.sources.conftest import Sleeps
from tests.sources.server import NewsServer


def test_arabic_windows_1256_page_is_decoded_with_the_header_charset(
    server: NewsServer, fetcher: Fetcher
) -> None:
    doc = fetcher.fetch_document(server.url("/ar"))
    assert isinstance(doc, RawDocument)
    assert ARABIC_TITLE in doc.content
    assert doc.kind == "html"
    assert doc.encoding == "cp1256"
    assert doc.input == doc.url == server.url("/ar")


def test_plain_text_page_is_a_text_document(server: NewsServer, fetcher: Fetcher) -> None:
    doc = fetcher.fetch_document(server.url("/text"))
    assert isinstance(doc, RawDocument)
    assert doc.kind == "text"
    assert "نص عربي" in doc.content


def test_gzip_content_encoding_is_undone(server: NewsServer, fetcher: Fetcher) -> None:
    doc = fetcher.fetch_document(server.url("/gzip-page"))
    assert isinstance(doc, RawDocument)
    assert ARABIC_TITLE in doc.content


def test_user_agent_names_marsad_and_its_home(server: NewsServer, fetcher: Fetcher) -> None:
    fetcher.fetch(server.url("/ar?ua"))
    agent = server.user_agents[-1]
    assert agent == user_agent()
    assert agent.startswith("Marsad/")
    assert "(+https://github.com/marsad-news/marsad)" in agent


def test_redirect_chain_is_followed_to_the_page(server: NewsServer, fetcher: Fetcher) -> None:
    doc = fetcher.fetch_document(server.url("/redirect/3"))
    assert isinstance(doc, RawDocument)
    assert doc.input == server.url("/redirect/3")
    assert doc.url == server.url("/ar")


def test_too_many_redirects_are_dropped(
    server: NewsServer, policy: FetchPolicy, sleeps: Sleeps
) -> None:
    with Fetcher(replace(policy, max_redirects=2), sleep=sleeps) as fetcher:
        result = fetcher.fetch(server.url("/redirect/5"))
    assert isinstance(result, Dropped)
    assert result.reason == "more than 2 redirects"


def test_redirect_loop_is_dropped(server: NewsServer, fetcher: Fetcher) -> None:
    result = fetcher.fetch(server.url("/loop/a"))
    assert isinstance(result, Dropped)
    assert result.reason == f"redirect loop back to {server.url('/loop/a')}"
    assert server.hits["/loop/a"] >= 1 and server.hits["/loop/b"] >= 1


def test_redirect_to_another_scheme_is_dropped(server: NewsServer, fetcher: Fetcher) -> None:
    result = fetcher.fetch(server.url("/to-ftp"))
    assert isinstance(result, Dropped)
    assert "not http(s)" in result.reason


def test_404_is_dropped_with_the_status(server: NewsServer, fetcher: Fetcher) -> None:
    result = fetcher.fetch_document(server.url("/missing"))
    assert result == Dropped("HTTP 404 Not Found", server.url("/missing"))


def test_500_then_200_is_retried_after_a_backoff(
    server: NewsServer, fetcher: Fetcher, sleeps: Sleeps
) -> None:
    doc = fetcher.fetch_document(server.url("/flaky/retry"))
    assert isinstance(doc, RawDocument)
    assert server.hits["/flaky/retry"] == 2
    assert sleeps.calls == [0.5]


def test_retry_after_is_honoured_up_to_the_cap(
    server: NewsServer, policy: FetchPolicy, sleeps: Sleeps
) -> None:
    with Fetcher(replace(policy, max_retry_after=7.0), sleep=sleeps) as fetcher:
        doc = fetcher.fetch_document(server.url("/busy/cap"))
    assert isinstance(doc, RawDocument)
    assert sleeps.calls == [7.0]  # asked for 3600 s, capped


def test_lasting_5xx_is_dropped_after_every_attempt_with_growing_backoff(
    server: NewsServer, fetcher: Fetcher, sleeps: Sleeps
) -> None:
    result = fetcher.fetch(server.url("/down"))
    assert isinstance(result, Dropped)
    assert result.reason == "HTTP 503 Service Unavailable after 3 attempts"
    assert sleeps.calls == [0.5, 1.0]


def test_connection_refused_is_retried_then_dropped(fetcher: Fetcher, sleeps: Sleeps) -> None:
    with socket.socket() as probe:  # a port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = fetcher.fetch(f"http://127.0.0.1:{port}/")
    assert isinstance(result, Dropped)
    assert result.reason.startswith("cannot connect to 127.0.0.1 after 3 attempts")
    assert sleeps.calls == [0.5, 1.0]


def test_slow_server_times_out(server: NewsServer, policy: FetchPolicy, sleeps: Sleeps) -> None:
    started = time.monotonic()
    with Fetcher(replace(policy, timeout=0.3), sleep=sleeps) as fetcher:
        result = fetcher.fetch(server.url("/slow"))
    assert result == Dropped("timed out after 0.3 s", server.url("/slow"))
    assert time.monotonic() - started < 2


def test_a_body_that_drips_in_is_cut_off_at_the_timeout(
    server: NewsServer, policy: FetchPolicy, sleeps: Sleeps
) -> None:
    started = time.monotonic()
    with Fetcher(replace(policy, timeout=0.4), sleep=sleeps) as fetcher:
        result = fetcher.fetch(server.url("/drip"))
    assert result == Dropped("timed out after 0.4 s", server.url("/drip"))
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("path", ["/big", "/big-stream", "/gzip-bomb"])
def test_too_large_body_is_dropped(server: NewsServer, fetcher: Fetcher, path: str) -> None:
    result = fetcher.fetch(server.url(path))
    assert result == Dropped("larger than 1 MB", server.url(path))


def test_binary_body_served_as_html_is_dropped(server: NewsServer, fetcher: Fetcher) -> None:
    result = fetcher.fetch_document(server.url("/binary"))
    assert isinstance(result, Dropped)
    assert result.reason == "the response body is a binary file, not text or HTML"


def test_empty_body_is_dropped(server: NewsServer, fetcher: Fetcher) -> None:
    result = fetcher.fetch_document(server.url("/empty"))
    assert result == Dropped("the response body is empty", server.url("/empty"))


def test_pdf_is_dropped_as_not_html(server: NewsServer, fetcher: Fetcher) -> None:
    assert isinstance(fetcher.fetch(server.url("/pdf")), Fetched)
    result = fetcher.fetch_document(server.url("/pdf"))
    assert result == Dropped("not HTML: application/pdf", server.url("/pdf"))


@pytest.mark.parametrize(
    "url", ["ftp://127.0.0.1/file", "file:///etc/passwd", "not a url", "http://", ""]
)
def test_only_http_urls_are_fetched(fetcher: Fetcher, url: str) -> None:
    result = fetcher.fetch(url)
    assert isinstance(result, Dropped)
    assert result.reason.startswith("not an http(s) URL")


def test_requests_to_one_host_wait_the_polite_delay(
    server: NewsServer, policy: FetchPolicy
) -> None:
    now = [100.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    polite = replace(policy, host_delay=1.5)
    with Fetcher(polite, sleep=sleep, clock=lambda: now[0]) as fetcher:
        for _ in range(3):
            assert isinstance(fetcher.fetch(server.url("/ar?polite")), Fetched)
    assert waits == [1.5, 1.5]


def test_fetch_urls_keeps_order_and_goes_on_after_failures(
    server: NewsServer, fetcher: Fetcher
) -> None:
    urls = [server.url("/ar"), server.url("/missing"), "mailto:x@example.org", server.url("/text")]
    results = list(fetch_urls(urls, fetcher=fetcher))
    assert [type(r).__name__ for r in results] == [
        "RawDocument",
        "Dropped",
        "Dropped",
        "RawDocument",
    ]
    assert [r.input for r in results] == urls


def test_policy_reads_the_http_settings() -> None:
    settings = load_settings(
        {"max_document_bytes": 123, "http_timeout": 4.5, "http_delay": 0.0}, environ={}
    )
    policy = FetchPolicy.from_settings(settings)
    assert (policy.max_bytes, policy.timeout, policy.host_delay) == (123, 4.5, 0.0)
    assert policy.retries == Settings().http_retries == FetchPolicy().retries
