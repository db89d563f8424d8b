"""A polite HTTP client for news sites and feeds.

Why our own small client over urllib3 and not a crawler: the tool fetches what an analyst names (a
page, a feed, the items of a feed), so what matters is being a good guest and failing in one line:

* a User-Agent that names the tool, so a site can see who calls and ask us to stop;
* timeouts per connection and read, and a deadline for the whole body (a server that trickles bytes
  would otherwise hold a poll forever);
* a size cap, checked on Content-Length before reading and on the decoded bytes while reading (a
  50 MB page or a gzip bomb stops at the cap);
* retries with exponential back-off on connection errors, 429 and 5xx (honouring Retry-After up to a
  bound), none on 4xx: a 404 will not improve;
* redirects followed by hand, so that a loop is named as a loop and not as "too many retries";
* ``If-None-Match``/``If-Modified-Since`` from the previous answer's ``ETag``/``Last-Modified``: an
  unchanged feed costs one request and no body;
* a minimum interval between two requests to the same host.

Every failure is a ``FetchError`` whose message is one line: ``URL: reason``.
"""
from __future__ import annotations

import re
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field

from .. import __version__
from ..errors import ActorgraphError

__all__ = [
    "ACCEPT", "REDIRECT_STATUS", "RETRY_STATUS", "USER_AGENT", "check_url", "Client", "content_type",
    "FetchError", "is_url", "megabytes", "Response"
]

USER_AGENT = f"actorgraph/{__version__} (news to actor-relationship graph; one request at a time)"
RETRY_STATUS = {429, 500, 502, 503, 504}
REDIRECT_STATUS = {301, 302, 303, 307, 308}
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"


class FetchError(ActorgraphError):
    """A URL could not be fetched; the message is ``URL: reason`` on one line."""


@dataclass(frozen=True)
class Response:
    """One answer: the URL it came from after redirects, its status (200, or 304 when unchanged),
    its body (decompressed, at most the cap) and the headers the caller needs."""

    url: str
    status: int
    body: bytes = b""
    content_type: str = ""
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def megabytes(n: int) -> str:
    return f"{n / 1_000_000:g} MB"


@dataclass
class Client:
    """The settings of politeness. Tests shorten ``backoff`` and ``min_interval``; nothing else
    needs to change for a loopback server."""

    timeout: float = 20.0
    deadline: float = 60.0
    max_bytes: int = 10_000_000
    retries: int = 3
    backoff: float = 1.0
    max_retry_after: float = 60.0
    max_redirects: int = 5
    min_interval: float = 1.0
    user_agent: str = USER_AGENT
    sleep: Callable[[float], None] = time.sleep
    requests: int = 0  # how many requests were sent (a poll's log line says it)
    _last: dict[str, float] = field(default_factory=dict, repr=False)
    _pool: object = field(default=None, repr=False)

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET ``url``, following redirects and retrying what may pass; ``FetchError`` otherwise."""
        check_url(url)
        seen = {url}
        current = url
        for _hop in range(self.max_redirects + 1):
            status, headers, body = self._with_retries(current, etag, last_modified)
            if status not in REDIRECT_STATUS:
                return self._response(url, current, status, headers, body)
            target = headers.get("location")
            if not target:
                raise FetchError(f"{url}: HTTP {status} redirect without a Location")
            current = urllib.parse.urljoin(current, target.strip())
            check_url(current, url)
            if current in seen:
                raise FetchError(f"{url}: redirect loop (back to {current})")
            seen.add(current)
        raise FetchError(f"{url}: more than {self.max_redirects} redirects")

    def _response(self, url: str, final: str, status: int, headers: dict, body: bytes) -> Response:
        if status == 304:
            return Response(final, 304, etag=headers.get("etag"), last_modified=headers.get("last-modified"))
        if status >= 400:
            raise FetchError(f"{url}: HTTP {status}{_reason(status)}")
        if status != 200:
            raise FetchError(f"{url}: HTTP {status} (expected 200)")
        mime, charset = content_type(headers.get("content-type", ""))
        return Response(final, 200, body, mime, charset, headers.get("etag"), headers.get("last-modified"))

    def _with_retries(self, url: str, etag: str | None, last_modified: str | None) -> tuple[int, dict, bytes]:
        """One request, retried with back-off (1, 2, 4 … × ``backoff`` s, or the server's Retry-After)
        while the failure may pass; the last failure is raised."""
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                status, headers, body = self._once(url, etag, last_modified)
            except FetchError as exc:
                if last or not getattr(exc, "transient", False):
                    raise
                self.sleep(self.backoff * 2 ** attempt)
                continue
            if status in RETRY_STATUS and not last:
                self.sleep(self._retry_after(headers, attempt))
                continue
            return status, headers, body
        raise AssertionError("unreachable")  # pragma: no cover

    def _retry_after(self, headers: dict, attempt: int) -> float:
        value = headers.get("retry-after", "")
        if value.strip().isdigit():
            return min(float(value), self.max_retry_after)
        return self.backoff * 2 ** attempt

    def _once(self, url: str, etag: str | None, last_modified: str | None) -> tuple[int, dict, bytes]:
        import urllib3

        self._wait_for_host(url)
        self.requests += 1
        headers = {"User-Agent": self.user_agent, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            resp = self._manager().request("GET", url, headers=headers, redirect=False, retries=False,
                                           preload_content=False, timeout=urllib3.Timeout(connect=self.timeout, read=self.timeout))
        except urllib3.exceptions.HTTPError as exc:
            raise _transient(FetchError(f"{url}: {_network_reason(exc)}")) from None
        try:
            found = {k.lower(): v for k, v in resp.headers.items()}
            body = b"" if resp.status in REDIRECT_STATUS or resp.status == 304 else self._read(url, resp, found)
            return resp.status, found, body
        finally:
            resp.release_conn()

    def _read(self, url: str, resp, headers: dict) -> bytes:  # noqa: ANN001 - a urllib3 response
        """The body, decompressed, stopped at the size cap and the deadline."""
        import urllib3

        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_bytes and "content-encoding" not in headers:
            raise FetchError(f"{url}: larger than the {megabytes(self.max_bytes)} cap (Content-Length {megabytes(int(length))})")
        started, chunks, size = time.monotonic(), [], 0
        try:
            for chunk in resp.stream(65536, decode_content=True):
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(f"{url}: larger than the {megabytes(self.max_bytes)} cap")
                if time.monotonic() - started > self.deadline:
                    raise _transient(FetchError(f"{url}: took longer than {self.deadline:g} s"))
                chunks.append(chunk)
        except urllib3.exceptions.HTTPError as exc:
            raise _transient(FetchError(f"{url}: {_network_reason(exc)}")) from None
        return b"".join(chunks)

    def _wait_for_host(self, url: str) -> None:
        host = urllib.parse.urlsplit(url).netloc.lower()
        last = self._last.get(host)
        if last is not None and self.min_interval > 0:
            pause = self.min_interval - (time.monotonic() - last)
            if pause > 0:
                self.sleep(pause)
        self._last[host] = time.monotonic()

    def _manager(self):  # noqa: ANN202 - a urllib3.PoolManager
        import urllib3

        if self._pool is None:
            self._pool = urllib3.PoolManager(num_pools=20, maxsize=1)
        return self._pool


def check_url(url: str, origin: str | None = None) -> None:
    """Only http(s) with a host: a feed must not send us to file:// or ftp://."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        where = origin or url
        raise FetchError(f"{where}: not an http(s) URL: {url[:200]}")


def is_url(text: str) -> bool:
    return bool(re.match(r"^https?://\S+$", text.strip(), re.I))


def content_type(header: str) -> tuple[str, str | None]:
    """('text/html', 'utf-8') from 'text/html; charset="UTF-8"'."""
    mime, _, params = header.partition(";")
    found = re.search(r"""charset\s*=\s*["']?([^"';\s]+)""", params, re.I)
    return mime.strip().lower(), (found.group(1) if found else None)


def _transient(exc: FetchError) -> FetchError:
    exc.transient = True  # type: ignore[attr-defined]
    return exc


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return f" {HTTPStatus(status).phrase}"
    except ValueError:
        return ""


def _network_reason(exc: Exception) -> str:
    """'connection refused', 'timed out', 'name not resolved' rather than urllib3's nested repr."""
    text = str(getattr(exc, "reason", None) or exc)
    for needle, said in (("timed out", "timed out"), ("Connection refused", "connection refused"),
                         ("Name or service not known", "host name not resolved"), ("getaddrinfo", "host name not resolved"),
                         ("CERTIFICATE_VERIFY_FAILED", "TLS certificate not trusted"), ("reset by peer", "connection reset")):
        if needle in text:
            return said
    return " ".join(text.split())[:200] or type(exc).__name__
