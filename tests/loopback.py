"""A real HTTP server on 127.0.0.1 for the tests of fetching, feeds and watch: routes the test can
change between polls, ETag/Last-Modified answered as a real server does, every request recorded.
Nothing here reaches beyond loopback."""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes | Callable[[], Iterator[bytes]] = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    length: int | None = None  # a Content-Length to announce for a streamed body


class Loopback:
    """``with Loopback() as srv: srv.routes["/feed.xml"] = Route(...); srv.url("/feed.xml")``."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for p, _h in self.requests if p == path)

    def __enter__(self) -> Loopback:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self):  # noqa: ANN202
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802
                outer.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = outer.routes.get(self.path, Route(b"<html><body>not found</body></html>", 404))
                if route.etag and self.headers.get("If-None-Match") == route.etag or (
                        route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified):
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                for key, value in {**route.headers, **({"ETag": route.etag} if route.etag else {}),
                                   **({"Last-Modified": route.last_modified} if route.last_modified else {})}.items():
                    self.send_header(key, value)
                try:
                    self._body(route)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading (a size cap): what a real server sees too

            def _body(self, route: Route) -> None:
                if callable(route.body):
                    if route.length is not None:
                        self.send_header("Content-Length", str(route.length))
                    self.send_header("Connection", "close")
                    self.end_headers()
                    for chunk in route.body():
                        self.wfile.write(chunk)
                    return
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)

        return Handler


def http_date(seconds: float) -> str:
    return formatdate(seconds, usegmt=True)


def rss(items: list[tuple[str, str, str]], title: str = "Test wire") -> bytes:
    """An RSS 2.0 feed of (link, title, pubDate) items."""
    entries = "".join(f"<item><title>{t}</title><link>{link}</link><guid isPermaLink=\"true\">{link}</guid>"
                      f"<pubDate>{d}</pubDate><description>{t}</description></item>" for link, t, d in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://127.0.0.1/</link><description>test</description>{entries}</channel></rss>").encode()


def atom(items: list[tuple[str, str, str]], title: str = "Test atom") -> bytes:
    entries = "".join(f'<entry><title>{t}</title><link href="{link}"/><id>{link}</id><updated>{d}</updated></entry>'
                      for link, t, d in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>'
            f"<id>urn:test</id><updated>2025-01-01T00:00:00Z</updated>{entries}</feed>").encode()
