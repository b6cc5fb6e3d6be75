"""Pages fetched over HTTP(S), politely and in bounded memory and time.

A :class:`Fetcher` waits between requests to the same host, identifies itself, follows a
bounded number of redirects (loops are caught), retries connection failures, 5xx and 429
with exponential backoff (honouring Retry-After up to a cap), and streams each body up
to a size limit. Every failure is a Dropped with the reason; nothing is raised for one
bad URL.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from email.utils import parsedate_to_datetime
from importlib.metadata import PackageNotFoundError, version
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import httpx

from marsad.config import Settings
from marsad.errors import InputError
from marsad.extract.decode import decode
from marsad.model import InputKind, RawDocument
from marsad.pipeline import Dropped
from marsad.sources._payload import (
    HTML_TYPES,
    TEXT_TYPES,
    ContentDecoder,
    charset,
    media_type,
    megabytes,
)
from marsad.sources.urls import is_http_url

PROJECT_URL = "https://github.com/marsad-news/marsad"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


def user_agent() -> str:
    """``Marsad/<version> (+<project URL>)``: who is asking, and where to read about it."""
    try:
        release = version("marsad")
    except PackageNotFoundError:
        release = "0"
    return f"Marsad/{release} (+{PROJECT_URL})"


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How a Fetcher behaves: limits, retries and politeness."""

    #: Seconds for connecting, and for the whole response once connected.
    timeout: float = 20.0
    #: Largest body read, in bytes, after content decoding.
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    #: Further attempts after a connection failure, a 5xx or a 429.
    retries: int = 3
    #: First backoff in seconds; it doubles with every retry.
    backoff: float = 1.0
    #: Longest wait a Retry-After header can ask for.
    max_retry_after: float = 60.0
    #: Seconds between two requests to the same host.
    host_delay: float = 1.0
    user_agent: str = field(default_factory=user_agent)

    @classmethod
    def from_settings(cls, settings: Settings) -> FetchPolicy:
        """The policy the ``http_*`` settings and ``max_document_bytes`` ask for."""
        return cls(
            timeout=settings.http_timeout,
            max_bytes=settings.max_document_bytes,
            max_redirects=settings.http_max_redirects,
            retries=settings.http_retries,
            host_delay=settings.http_delay,
            max_retry_after=settings.http_max_retry_after,
        )


@dataclass(frozen=True, slots=True)
class Fetched:
    """A successful response: the URL asked for, where it ended up, and the body."""

    url: str
    final_url: str
    status: int
    content_type: str | None
    charset: str | None
    body: bytes


@dataclass(frozen=True, slots=True)
class _Reply:
    status: int
    reason: str
    headers: httpx.Headers
    body: bytes


class Fetcher:
    """Fetches URLs one at a time; use it as a context manager, or call :meth:`close`."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        client: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self._client = client or httpx.Client(
            timeout=httpx.Timeout(self.policy.timeout),
            follow_redirects=False,
            headers={"User-Agent": self.policy.user_agent, "Accept-Encoding": "gzip, deflate"},
        )
        self._sleep = sleep
        self._clock = clock
        self._last_request: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str) -> Fetched | Dropped:
        """The body of a URL after redirects, or a Dropped saying why there is none."""
        if not is_http_url(url):
            return Dropped(f"not an http(s) URL: {url[:200]}", url)
        chain = [url]
        for _ in range(self.policy.max_redirects + 1):
            reply = self._request(chain[-1])
            if isinstance(reply, Dropped):
                return Dropped(reply.reason, url)
            target = reply.headers.get("location")
            if reply.status in _REDIRECTS and target:
                following = urljoin(chain[-1], target.strip())
                if not is_http_url(following):
                    return Dropped(f"redirect to a URL that is not http(s): {following}", url)
                if following in chain:
                    return Dropped(f"redirect loop back to {following}", url)
                chain.append(following)
                continue
            if reply.status >= 300:
                return Dropped(f"HTTP {reply.status} {reply.reason}".rstrip(), url)
            content_type = reply.headers.get("content-type")
            return Fetched(
                url=url,
                final_url=chain[-1],
                status=reply.status,
                content_type=media_type(content_type),
                charset=charset(content_type),
                body=reply.body,
            )
        return Dropped(f"more than {self.policy.max_redirects} redirects", url)

    def fetch_document(self, url: str, *, published: date | None = None) -> RawDocument | Dropped:
        """A page as a RawDocument (HTML or plain text), or a Dropped."""
        fetched = self.fetch(url)
        if isinstance(fetched, Dropped):
            return fetched
        return to_document(fetched, published=published)

    def fetch_urls(self, urls: Iterable[str | Dropped]) -> Iterator[RawDocument | Dropped]:
        """Each URL as a document or a Dropped, in order (Dropped items pass through)."""
        for url in urls:
            yield url if isinstance(url, Dropped) else self.fetch_document(url)

    def _request(self, url: str) -> _Reply | Dropped:
        """One request, retried on connection failures, 5xx and 429."""
        attempts = self.policy.retries + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                reply = self._attempt(url)
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                if last:
                    host = urlsplit(url).hostname
                    return Dropped(f"cannot connect to {host} after {attempts} attempts ({exc})")
                self._sleep(self._backoff(attempt))
                continue
            if isinstance(reply, Dropped) or not _worth_retrying(reply.status):
                return reply
            if last:
                return Dropped(f"HTTP {reply.status} {reply.reason} after {attempts} attempts")
            self._sleep(max(self._backoff(attempt), self._retry_after(reply.headers)))
        raise AssertionError("unreachable: the last attempt always returns")

    def _backoff(self, attempt: int) -> float:
        return float(self.policy.backoff * 2**attempt)

    def _retry_after(self, headers: httpx.Headers) -> float:
        value = headers.get("retry-after", "").strip()
        if not value:
            return 0.0
        try:
            seconds = float(value)
        except ValueError:
            try:
                seconds = parsedate_to_datetime(value).timestamp() - time.time()
            except (TypeError, ValueError):
                return 0.0
        return min(max(0.0, seconds), self.policy.max_retry_after)

    def _wait_turn(self, url: str) -> None:
        host = (urlsplit(url).hostname or "").lower()
        previous = self._last_request.get(host)
        if previous is not None:
            wait = self.policy.host_delay - (self._clock() - previous)
            if wait > 0:
                self._sleep(wait)
        self._last_request[host] = self._clock()

    def _attempt(self, url: str) -> _Reply | Dropped:
        """One GET; the body is read only for a final (not redirect, not error) answer."""
        self._wait_turn(url)
        started = self._clock()
        try:
            with self._client.stream("GET", url) as response:
                reply = _Reply(response.status_code, response.reason_phrase, response.headers, b"")
                if response.status_code >= 300:
                    return reply
                body = self._read_body(response, started)
        except (httpx.ConnectError, httpx.ConnectTimeout):
            raise  # retried by _request
        except httpx.TimeoutException:
            return Dropped(f"timed out after {self.policy.timeout:g} s")
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            return Dropped(f"cannot fetch: {exc}")
        if isinstance(body, Dropped):
            return body
        return _Reply(reply.status, reply.reason, reply.headers, body)

    def _read_body(self, response: httpx.Response, started: float) -> bytes | Dropped:
        limit = self.policy.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            return Dropped(f"larger than {megabytes(limit)}")
        parts: list[bytes] = []
        try:
            decoder = ContentDecoder(response.headers.get("content-encoding"), limit=limit)
            for chunk in response.iter_raw():
                parts.append(decoder.feed(chunk))
                if self._clock() - started > self.policy.timeout:
                    return Dropped(f"timed out after {self.policy.timeout:g} s")
            parts.append(decoder.finish())
        except InputError as exc:
            return Dropped(exc.message)
        return b"".join(parts)


def _worth_retrying(status: int) -> bool:
    """Too many requests, or a server error that may pass."""
    return status == 429 or 500 <= status < 600


def to_document(fetched: Fetched, *, published: date | None = None) -> RawDocument | Dropped:
    """A fetched HTML or text page as a RawDocument; other media types are Dropped."""
    kind: InputKind
    if fetched.content_type in HTML_TYPES:
        kind = "html"
    elif fetched.content_type in TEXT_TYPES:
        kind = "text"
    elif fetched.content_type is None:
        kind = "auto"
    else:
        return Dropped(f"not HTML: {fetched.content_type}", fetched.url)
    try:
        text, encoding = decode(fetched.body, name="the response body", declared=fetched.charset)
    except InputError as exc:
        return Dropped(exc.message, fetched.url)
    return RawDocument(
        input=fetched.url,
        content=text,
        kind=kind,
        url=fetched.final_url,
        published=published,
        encoding=encoding,
    )


def fetch_urls(
    urls: Iterable[str | Dropped], *, fetcher: Fetcher | None = None
) -> Iterator[RawDocument | Dropped]:
    """Fetch each URL as a document (with a default Fetcher when none is given)."""
    if fetcher is not None:
        yield from fetcher.fetch_urls(urls)
        return
    with Fetcher() as own:
        yield from own.fetch_urls(urls)
