"""A local HTTP server on 127.0.0.1 that plays every kind of web page the fetcher meets."""

from __future__ import annotations

import gzip
import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from tests.sources.builders import BROKEN_XML, PAGE_CP1256, PDF, PNG, atom, rss

BIG = 2 * 1024 * 1024  # more than the 1 MB the tests allow


class NewsServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.hits: Counter[str] = Counter()
        self.user_agents: list[str] = []
        self.stop = threading.Event()
        self.lock = threading.Lock()

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the fetcher hangs up on purpose (too large, timed out); nothing to report

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path


class Handler(BaseHTTPRequestHandler):
    server: NewsServer

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        with self.server.lock:
            self.server.hits[self.path] += 1
            hits = self.server.hits[self.path]
            self.server.user_agents.append(self.headers.get("User-Agent", ""))
        route = ROUTES.get(path) or next(
            (handler for prefix, handler in PREFIX_ROUTES.items() if path.startswith(prefix)),
            None,
        )
        if route is None:
            self.send(404, "text/html", b"<p>not found</p>")
        else:
            route(self, hits)

    def send(
        self,
        status: int,
        content_type: str | None,
        body: bytes,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str) -> None:
        self.send(302, None, b"", {"Location": location})


def _page(handler: Handler, hits: int) -> None:
    handler.send(200, "text/html; charset=windows-1256", PAGE_CP1256)


def _text(handler: Handler, hits: int) -> None:
    handler.send(200, "text/plain; charset=utf-8", "نص عربي بسيط عن الاقتصاد.".encode())


def _chain(handler: Handler, hits: int) -> None:
    left = int(handler.path.rsplit("/", 1)[-1])
    handler.redirect("/ar" if left == 0 else f"/redirect/{left - 1}")


def _loop(handler: Handler, hits: int) -> None:
    handler.redirect("/loop/b" if handler.path.endswith("/a") else "/loop/a")


def _flaky(handler: Handler, hits: int) -> None:
    if hits == 1:
        handler.send(500, "text/html", b"<p>oops</p>")
    else:
        _page(handler, hits)


def _busy(handler: Handler, hits: int) -> None:
    if hits == 1:
        handler.send(429, "text/plain", b"slow down", {"Retry-After": "3600"})
    else:
        _page(handler, hits)


def _down(handler: Handler, hits: int) -> None:
    handler.send(503, "text/html", b"<p>down</p>")


def _slow(handler: Handler, hits: int) -> None:
    handler.server.stop.wait(3)
    _page(handler, hits)


def _drip(handler: Handler, hits: int) -> None:
    """Headers at once, then one byte every 50 ms: never idle long enough for a read timeout."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    for _ in range(100):
        if handler.server.stop.is_set():
            return
        handler.wfile.write(b"a")
        handler.wfile.flush()
        time.sleep(0.05)


def _big(handler: Handler, hits: int) -> None:
    handler.send(200, "text/html", b"<p>" + b"x" * BIG + b"</p>")


def _big_stream(handler: Handler, hits: int) -> None:
    """No Content-Length: the body ends when the connection closes (HTTP/1.0 style)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    chunk = b"<p>" + b"x" * 65536 + b"</p>"
    try:
        for _ in range(BIG // len(chunk) + 2):
            handler.wfile.write(chunk)
    except (BrokenPipeError, ConnectionResetError):
        pass
    handler.close_connection = True


def _gzip_bomb(handler: Handler, hits: int) -> None:
    body = gzip.compress(bytes(16 * 1024 * 1024), 1)
    handler.send(200, "text/html", body, {"Content-Encoding": "gzip"})


def _gzip_page(handler: Handler, hits: int) -> None:
    body = gzip.compress(PAGE_CP1256)
    handler.send(200, "text/html; charset=windows-1256", body, {"Content-Encoding": "gzip"})


def _feed_as(content_type: str, feed: Callable[[str], bytes]) -> Callable[[Handler, int], None]:
    def route(handler: Handler, hits: int) -> None:
        handler.send(200, content_type, feed(handler.server.base))

    return route


ROUTES: dict[str, Callable[[Handler, int], None]] = {
    "/ar": _page,
    "/text": _text,
    "/missing": lambda h, n: h.send(404, "text/html", b"<p>gone</p>"),
    "/slow": _slow,
    "/drip": _drip,
    "/big": _big,
    "/big-stream": _big_stream,
    "/gzip-bomb": _gzip_bomb,
    "/gzip-page": _gzip_page,
    "/binary": lambda h, n: h.send(200, "text/html", PNG),
    "/pdf": lambda h, n: h.send(200, "application/pdf", PDF),
    "/empty": lambda h, n: h.send(200, "text/html", b""),
    "/to-ftp": lambda h, n: h.redirect("ftp://127.0.0.1/file"),
    "/down": _down,
    "/feed.rss": _feed_as("application/rss+xml; charset=utf-8", rss),
    "/feed.atom": _feed_as("application/atom+xml", atom),
    "/feed-as-text": _feed_as("text/plain", rss),
    "/broken.xml": _feed_as("application/xml", lambda base: BROKEN_XML.encode()),
}
PREFIX_ROUTES: dict[str, Callable[[Handler, int], None]] = {
    "/redirect/": _chain,
    "/loop/": _loop,
    "/flaky/": _flaky,
    "/busy/": _busy,
}
