"""``actorgraph serve``: a read-only SPARQL 1.1 endpoint and a query page.

Why it is built this way:

* **It cannot be made to fetch, and it cannot write.** Queries run in worker processes on a
  read-only snapshot; the decision that a text is a read-only query is made by the engine that runs
  it, and the workers cannot open a network connection at all (``graph.endpoint.pool``,
  ``graph.endpoint.sandbox``). An update (``update=``, ``application/sparql-update``, or an update text as
  ``query=``) gets 403, and so does any query that makes the engine reach for the network (SERVICE),
  whatever escape or comment it hides behind - the refusal used to be decided on rdflib's parse of
  the text, which disagreed with Oxigraph's (issue #13).
* **Slow queries do not lock out everybody else.** General workers plus a short-query lane; a query
  that finds every worker busy waits its turn (up to its time limit, which counts the wait); a query
  over ``--timeout`` is stopped and its worker replaced; a query over ``--max-memory`` is stopped
  too. Each is a one-line answer (503), and the other clients keep being served.
* **Results are bounded.** At most ``--max-results`` rows/triples; a truncated result carries the
  header ``X-Actorgraph-Truncated: <limit>`` (and a note on the HTML page).
* **Only its own host names.** A request whose ``Host`` header names another host is refused (403):
  a page served from elsewhere whose name was rebound to 127.0.0.1 (DNS rebinding) cannot read the
  endpoint. The hosts it answers to are the address it is bound to (loopback: also ``localhost``)
  and ``--allow-host`` names.
* **Slow clients are dropped.** A request's line, headers and body must arrive within
  ``--request-timeout`` seconds (10 by default) in all, not per byte: a client that trickles a byte
  at a time (slow-loris) is disconnected instead of holding a thread forever.
* **Untrusted text.** Article sentences end up in results, so the HTML page escapes every value and
  is served with a Content-Security-Policy that allows no script at all; the page works offline
  without JavaScript (a form, a textarea and links to the saved queries of ``ontology/queries/``).

Why the standard library's ``http.server`` and not starlette + uvicorn (weighed in #13): of what a
maintained server would bring, Host checking is a few lines here as there (starlette's
TrustedHostMiddleware); uvicorn has no request-receipt timeout (``timeout_keep_alive`` only covers the
idle time between requests and is reset by every byte received: encode/uvicorn#157, and the
``--timeout-request-start`` PR #1685 was closed unmerged), so slow-loris needs code of ours either way;
and its ``--limit-concurrency`` answers 503 where we want a bounded queue. The queueing, the lane,
the time and memory limits and the sandbox live in the worker pool, behind any HTTP layer. Moving
would add four dependencies (starlette, uvicorn, h11, anyio) for no behaviour we do not have.

Snapshot: at start the store directory is checkpointed (hard links, so it is cheap) into a temporary
directory, and an RDF file is loaded into one; the workers open that read-only. A running ``serve``
therefore holds no lock on the store: ``build`` and ``ingest`` can write meanwhile (restart ``serve``
to see the new data).

Protocol: ``GET /sparql?query=...``, ``POST /sparql`` with ``application/x-www-form-urlencoded``
(``query=``) or ``application/sparql-query``. ``default-graph-uri``/``named-graph-uri`` are honoured;
otherwise the default graph is the union of all graphs (each triple once, see ``graph.store.derived``). Results: SPARQL JSON (default), XML, CSV, TSV
for SELECT/ASK; Turtle (default), JSON-LD, N-Triples, RDF/XML for CONSTRUCT/DESCRIBE; HTML for both -
chosen by ``Accept`` or ``format=json|xml|csv|tsv|html|turtle|jsonld|nt|rdfxml``.
"""
from __future__ import annotations

import heapq
import html
import ipaddress
import itertools
import json
import os
import re
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from . import sandbox
from ..errors import StoreError
from ..namespaces import PREFIXES
from .pool import (  # noqa: F401 - re-exported: the endpoint's API
    NETWORK_REFUSED, SHORT_LIMIT, Answer, Job, QueryPool, QueryTimeout, execute, is_update, may_use_named_graphs,
)
from .results import (  # noqa: F401 - re-exported
    FORMAT_ALIASES, GRAPH_KINDS, GRAPH_OFFERS, MEDIA, RDF_LANGSTRING, SOLUTION_OFFERS, XSD_STRING, Refused,
    _one_line, graph_iris, negotiate, serialize_boolean, serialize_solutions, serialize_triples,
)

__all__ = ["MAX_BODY", "MAX_QUERY", "MEMORY_AUTO_LIMIT", "MAX_MEMORY_MB", "REQUEST_TIMEOUT", "check_text",
    "host_name", "answered_hosts", "host_allowed", "Watchdog", "make_snapshot", "ServerConfig",
    "SparqlServer", "Handler", "render_result", "render_page", "Limits", "serve"]

MAX_BODY = 1_000_000  # bytes of a POST body
MAX_QUERY = 100_000  # characters of a query
MEMORY_AUTO_LIMIT = 1_000_000  # triples: up to this, workers keep the merged graph in RAM (~400 MB each)
MAX_MEMORY_MB = 1024  # memory a query may use, per worker, on top of the data it holds
REQUEST_TIMEOUT = 10.0  # seconds for a request's line, headers and body to arrive, in all
_PREFIXES = {k: str(v) for k, v in PREFIXES.items()}
_LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


# ---------------------------------------------------------------- checks made before a worker is asked


def check_text(text: str | None, sandboxed: bool) -> str:
    """The query text, or ``Refused``: empty (400), too long (413), or - only where the workers
    cannot be sandboxed - mentioning SERVICE or LOAD at all (403, a coarse but safe refusal)."""
    if not text or not text.strip():
        raise Refused(400, "empty query: pass query=SPARQL")
    if len(text) > MAX_QUERY:
        raise Refused(413, f"query too long ({len(text)} characters; the limit is {MAX_QUERY})")
    if not sandboxed and _NETWORK_WORDS.search(_decoded(text)):
        raise Refused(403, "SERVICE and LOAD are not allowed, and on this platform the query engine cannot be "
                           "sandboxed, so a query that mentions them anywhere (even in a string) is refused")
    return text


_NETWORK_WORDS = re.compile(r"(?<![A-Za-z])(service|load)(?![A-Za-z0-9_])", re.I)
_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _decoded(text: str) -> str:
    def char(m: re.Match) -> str:
        try:
            return chr(int(m.group(1) or m.group(2), 16))
        except (ValueError, OverflowError):
            return "?"

    return _UCHAR.sub(char, text)


def host_name(header: str) -> str:
    """The host of a Host header: no port, no IPv6 brackets, lower case, no trailing dot."""
    value = header.strip().lower()
    if value.startswith("["):
        value = value[1:].split("]", 1)[0]
    elif value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


def answered_hosts(bound: str, allowed: tuple[str, ...] = ()) -> tuple[frozenset[str], bool]:
    """(host names a request may name, whether any IP literal may be named) for a server bound to
    ``bound``: its own address, ``localhost`` too when that is loopback, and ``allowed``. Bound to
    every address (0.0.0.0, ::), any IP literal is one of its own; names still need ``--allow-host``."""
    names = {host_name(bound)} | {host_name(h) for h in allowed}
    try:
        ip = ipaddress.ip_address(host_name(bound))
    except ValueError:
        ip = None
    if host_name(bound) == "localhost" or (ip is not None and ip.is_loopback):
        names |= _LOOPBACK_NAMES
    return frozenset(names), ip is not None and ip.is_unspecified


def host_allowed(header: str | None, names: frozenset[str], any_ip: bool) -> bool:
    """Whether a request naming ``header`` (None: no Host header, an HTTP/1.0 client) is answered."""
    if header is None:
        return True
    name = host_name(header)
    if name in names:
        return True
    if any_ip:
        try:
            ipaddress.ip_address(name)
            return True
        except ValueError:
            return False
    return False


# ---------------------------------------------------------------- slow clients


class Watchdog:
    """One thread that disconnects clients whose request has not arrived by its deadline.

    Why not the socket timeout alone: it bounds each read, so a client sending a byte every few
    seconds (slow-loris) kept its connection - and a server thread - forever."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int]] = []
        self._live: dict[int, socket.socket] = {}
        self._ids = itertools.count()
        self._closed = False
        threading.Thread(target=self._run, name="actorgraph-serve-watchdog", daemon=True).start()

    def watch(self, sock: socket.socket, seconds: float) -> int:
        token = next(self._ids)
        with self._cond:
            heapq.heappush(self._heap, (time.monotonic() + seconds, token))
            self._live[token] = sock
            self._cond.notify()
        return token

    def cancel(self, token: int | None) -> None:
        if token is not None:
            with self._cond:
                self._live.pop(token, None)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify()

    def _run(self) -> None:
        while True:
            with self._cond:
                sock = self._next_expired()
                if sock is None:
                    return
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def _next_expired(self) -> socket.socket | None:
        """Wait (holding the condition) for the next live deadline to pass; None once closed."""
        while not self._closed:
            while self._heap and self._heap[0][1] not in self._live:
                heapq.heappop(self._heap)
            now = time.monotonic()
            if self._heap and self._heap[0][0] <= now:
                return self._live.pop(heapq.heappop(self._heap)[1])
            self._cond.wait(self._heap[0][0] - now if self._heap else None)
        return None


# ---------------------------------------------------------------- snapshot of the data


def make_snapshot(source: str | Path) -> Path:
    """A private read-only copy of a store directory (a checkpoint) or of an RDF file (loaded)."""
    text = str(source)
    if "://" in text:
        raise StoreError("serve reads a local store directory or an RDF file, not a remote endpoint "
                         "(query the remote endpoint directly)")
    path = Path(text)
    tmp = Path(tempfile.mkdtemp(prefix="actorgraph-serve-"))
    target = tmp / "store"
    try:
        if path.is_dir():
            from ..store.generation import checkpoint

            if not path.exists() or not (path / "CURRENT").exists():
                raise StoreError(f"{path}: no Oxigraph store in this folder")
            checkpoint(path, target)
        elif path.is_file():
            _load_file(path, target)
        else:
            raise StoreError(f"{path}: no such store directory or RDF file")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


def _load_file(path: Path, target: Path) -> None:
    """An RDF file into a new store at ``target`` (queries see the union of its graphs)."""
    import pyoxigraph as ox

    from ..store.store import RDF_FORMATS

    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise StoreError(f"{path}: unknown RDF file type {path.suffix!r}")
    store = ox.Store(str(target))
    try:
        store.bulk_load(path=str(path), format=fmt)
    except SyntaxError as exc:
        raise StoreError(f"{path}: not valid {fmt.name}: {_one_line(str(exc))}") from None
    finally:
        store.flush()
        del store


# ---------------------------------------------------------------- HTTP


@dataclass
class ServerConfig:
    timeout: float = 10.0
    max_results: int = 10_000
    query_dir: Path | None = None
    source_name: str = ""
    quiet: bool = False
    hosts: frozenset[str] = field(default_factory=lambda: _LOOPBACK_NAMES)
    any_ip: bool = False
    request_timeout: float = REQUEST_TIMEOUT
    sandboxed: bool = True


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # the default 5 resets connections when many clients arrive at once

    def __init__(self, address: tuple[str, int], pool: QueryPool, config: ServerConfig) -> None:
        self.pool = pool
        self.config = config
        self.watchdog = Watchdog()
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, Handler)

    def server_close(self) -> None:
        super().server_close()
        self.watchdog.close()


class Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "actorgraph-sparql/1"
    protocol_version = "HTTP/1.0"
    _watch: int | None = None

    def setup(self) -> None:
        self.timeout = self.server.config.request_timeout  # per read, a backstop for the watchdog
        super().setup()

    def handle_one_request(self) -> None:
        """The request line and headers must arrive within ``--request-timeout`` (the watchdog
        disconnects the client otherwise); the deadline is lifted once they are in."""
        self._watch = self.server.watchdog.watch(self.connection, self.server.config.request_timeout)
        try:
            super().handle_one_request()
        finally:
            self.server.watchdog.cancel(self._watch)

    def parse_request(self) -> bool:
        ok = super().parse_request()
        self.server.watchdog.cancel(self._watch)
        return ok

    # ---- routing

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        self._dispatch("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def _not_allowed(self) -> None:
        """405 with ``Allow`` in one line of text, like every other refusal (http.server's default is a
        501 HTML page, which says "not implemented" where the method is refused on purpose)."""
        self._error(405, f"method {self.command} is not allowed: use GET or POST (the endpoint is read-only)",
                    {"Allow": "GET, POST"})

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = do_CONNECT = do_TRACE = _not_allowed  # noqa: N815

    def _dispatch(self, method: str) -> None:
        url = urllib.parse.urlsplit(self.path)
        try:
            self._check_host()
            if url.path in ("/", "/index.html"):
                if method != "GET":
                    raise Refused(405, "use GET for the query page")
                self._page(urllib.parse.parse_qs(url.query))
            elif url.path in ("/sparql", "/query"):
                self._sparql(method, url.query)
            elif url.path == "/update":
                raise Refused(403, "SPARQL Update is not allowed: this endpoint is read-only")
            else:
                raise Refused(404, f"no such page: {url.path} (the endpoint is /sparql, the query page /)")
        except Refused as exc:
            self._error(exc.status, str(exc))
        except (BrokenPipeError, ConnectionResetError):
            pass
        except Exception as exc:  # noqa: BLE001 - answer 500 in one line rather than drop the connection
            try:
                self._error(500, f"internal error: {type(exc).__name__}: {exc}")
            except OSError:
                pass

    def _check_host(self) -> None:
        config = self.server.config
        header = self.headers.get("Host")
        if not host_allowed(header, config.hosts, config.any_ip):
            names = ", ".join(sorted(config.hosts))
            raise Refused(403, f"Host {header!r} is not a name of this endpoint (it answers to {names}; "
                               "start it with --allow-host NAME to add one)")

    # ---- SPARQL protocol

    def _sparql(self, method: str, raw_query: str) -> None:
        params, text = self._params(method, raw_query)
        if "update" in params:
            raise Refused(403, "SPARQL Update is not allowed: this endpoint is read-only")
        if text is None:
            queries = params.get("query", [])
            if len(queries) != 1:
                raise Refused(400, "pass exactly one query parameter (query=SPARQL)")
            text = queries[0]
        elif "query" in params:
            raise Refused(400, "a query in the body and in the URL: pass only one")
        graph_iris("default-graph-uri", params.get("default-graph-uri", []))
        graph_iris("named-graph-uri", params.get("named-graph-uri", []))
        job = self._job(text, params.get("default-graph-uri", []), params.get("named-graph-uri", []),
                        fmt=(params.get("format") or [None])[0], accept=self.headers.get("Accept"))
        answer = self.server.pool.run(job, self.server.config.timeout)
        if answer.fmt == "html":
            self._page({"query": [text]}, answer=answer)
            return
        headers = {"X-Actorgraph-Truncated": str(self.server.config.max_results)} if answer.truncated else {}
        self._send(200, MEDIA[answer.fmt] + "; charset=utf-8", answer.body, headers)

    def _params(self, method: str, raw_query: str) -> tuple[dict[str, list[str]], str | None]:
        """The request's parameters (URL and form body), and the query text of an
        ``application/sparql-query`` body (None otherwise)."""
        params = urllib.parse.parse_qs(raw_query, keep_blank_values=True)
        if method != "POST":
            return params, None
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            raise Refused(403, "SPARQL Update is not allowed: this endpoint is read-only")
        if ctype not in ("application/x-www-form-urlencoded", "application/sparql-query"):
            raise Refused(415, "POST needs Content-Type application/x-www-form-urlencoded or application/sparql-query")
        body = self._body()
        if ctype == "application/sparql-query":
            return params, body.decode("utf-8", "replace")
        form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
        for k, v in form.items():
            params.setdefault(k, []).extend(v)
        return params, None

    def _job(self, text: str, default_graphs: list[str], named_graphs: list[str], *, fmt: str | None,
             accept: str | None) -> Job:
        config = self.server.config
        text = check_text(text, config.sandboxed)
        return Job(text, accept=accept, fmt=fmt, max_results=config.max_results, default_graphs=default_graphs,
                   named_graphs=named_graphs,
                   use_disk=bool(default_graphs or named_graphs) or may_use_named_graphs(text))

    def _body(self) -> bytes:
        """The POST body, which must arrive within ``--request-timeout`` like the headers."""
        length = self.headers.get("Content-Length")
        if length is None:
            raise Refused(411, "POST needs a Content-Length")
        try:
            n = int(length)
        except ValueError:
            raise Refused(400, "bad Content-Length") from None
        if n < 0:  # rfile.read(-1) would wait for the client to close the connection
            raise Refused(400, "bad Content-Length")
        if n > MAX_BODY:
            raise Refused(413, f"request body too large ({n} bytes; the limit is {MAX_BODY})")
        watch = self.server.watchdog.watch(self.connection, self.server.config.request_timeout)
        try:
            body = self.rfile.read(n)
        finally:
            self.server.watchdog.cancel(watch)
        if len(body) < n:
            raise Refused(408, "the request body did not arrive in time")
        return body

    # ---- the HTML page

    def _page(self, params: dict[str, list[str]], answer: Answer | None = None) -> None:
        saved = _saved_queries(self.server.config.query_dir)
        name = (params.get("name") or [""])[0]
        text = (params.get("query") or [""])[0]
        status, message, shown, form = 200, "", None, ""
        if name and not text:
            if name in saved:  # the readable twin, its variables as form fields (graph.views.query_page)
                from ..views.query_page import saved_view

                view = saved_view(name, params, self.server.config.query_dir)
                text, shown, form, message = view.run, view.shown, view.form, view.message
                status = 400 if message else 200
            else:
                status, message = 404, f"no saved query named {name!r}"
        result_html, kind = "", None
        if text and not message:
            try:
                if answer is None:
                    answer = self.server.pool.run(self._job(text, [], [], fmt="html", accept=None),
                                                  self.server.config.timeout)
                kind = answer.kind
                result_html = render_result(json.loads(answer.body), answer.truncated, self.server.config.max_results)
            except Refused as exc:
                status, message = exc.status, str(exc)
        page = render_page(text if shown is None else shown, saved, result_html, message, self.server.config.source_name,
                           kind, form=form, run_text=text)
        self._send(status, "text/html; charset=utf-8", page.encode("utf-8"), {
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                                       "frame-ancestors 'none'; base-uri 'none'",
            "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer"})

    # ---- plumbing

    def _error(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        self._send(status, "text/plain; charset=utf-8", (_one_line(message) + "\n").encode("utf-8"), headers)

    def _send(self, status: int, ctype: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":  # a HEAD answer has the headers of the body, not the body
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server signature
        if not self.server.config.quiet:
            line = format % args
            sys.stderr.write(f"{self.address_string()} {_CONTROL.sub('?', line)[:300]}\n")


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _saved_queries(directory: Path | None) -> dict[str, tuple[str, str]]:
    """{name: (description, text)} from ``ontology/queries/*.rq`` (read on every page view)."""
    from ..store.query import QUERY_DIR, saved_queries
    from ..views.query_page import web_description

    try:
        return {n: (web_description(q.description), q.text) for n, q in saved_queries(directory or QUERY_DIR).items()}
    except OSError:
        return {}


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _short(iri: str) -> str:
    for prefix, ns in _PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"


def _cell(term: dict | None) -> str:
    """One value as escaped HTML; IRIs link to a DESCRIBE of themselves."""
    if term is None:
        return ""
    kind, value = term.get("type"), str(term.get("value", ""))
    if kind == "uri":
        href = "/?" + urllib.parse.urlencode({"query": f"DESCRIBE <{value}>"})
        return f'<a href="{_esc(href)}" title="{_esc(value)}">{_esc(_short(value))}</a>'
    if kind == "bnode":
        return f"<code>_:{_esc(value)}</code>"
    if kind == "triple":
        return f"<code>{_esc(json.dumps(value))}</code>"
    extra = ""
    if term.get("xml:lang"):
        extra = f' <span class="dt">@{_esc(term["xml:lang"])}</span>'
    elif term.get("datatype") and term["datatype"] not in (XSD_STRING, RDF_LANGSTRING):
        extra = f' <span class="dt">{_esc(_short(term["datatype"]))}</span>'
    return _esc(value) + extra


def render_result(data: dict, truncated: bool, limit: int) -> str:
    """SPARQL JSON results as an HTML table; every value escaped."""
    if "boolean" in data:
        return f'<p class="ask">ASK: <strong>{"true" if data["boolean"] else "false"}</strong></p>'
    variables = data["head"]["vars"]
    rows = data["results"]["bindings"]
    out = [f'<p class="count">{len(rows)} row(s)'
           + (f" - <strong>truncated at {limit}</strong> (add LIMIT/OFFSET)" if truncated else "") + "</p>",
           "<table><thead><tr>" + "".join(f"<th>{_esc(v)}</th>" for v in variables) + "</tr></thead><tbody>"]
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{_cell(row.get(v))}</td>" for v in variables) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


_STYLE = """
body{font:15px/1.4 system-ui,sans-serif;margin:0;display:flex;min-height:100vh;color:#222}
nav{width:17rem;padding:1rem;background:#f4f4f6;border-right:1px solid #ddd;font-size:14px}
nav a{display:block;font-weight:600;margin-top:.6rem}nav span{color:#555}
main{flex:1;padding:1rem 1.5rem;min-width:0}textarea{width:100%;height:14rem;font:13px/1.4 monospace}
table{border-collapse:collapse;margin-top:.5rem;font-size:13px}td,th{border:1px solid #ccc;padding:.2rem .4rem;
vertical-align:top;text-align:left;max-width:40rem;overflow-wrap:anywhere}th{background:#eee;white-space:nowrap;
overflow-wrap:normal}form.saved{margin-bottom:1rem}fieldset{border:1px solid #ddd;display:flex;flex-wrap:wrap;
gap:.3rem 1rem}label.param{display:flex;gap:.3rem;align-items:baseline}label.param span{font:13px monospace}
.hint{flex-basis:100%;margin:.2rem 0;color:#555;font-size:13px}
.err{color:#a00;font-weight:600;white-space:pre-wrap}.dt{color:#777;font-size:11px}.dl a{margin-right:.6rem}
"""


def render_page(text: str, saved: dict[str, tuple[str, str]], result_html: str, message: str, source: str,
                kind: str | None = None, *, form: str = "", run_text: str | None = None) -> str:
    """The query page: saved queries, a textarea, download links and the (escaped) results.

    The download links are the formats of the query's ``kind`` only: a SELECT offered as Turtle (or a
    CONSTRUCT as CSV) is a link that answers 400. ``form`` is a saved query's parameter form (already
    escaped, from ``graph.views.query_page``); ``text`` is then its readable text and ``run_text`` what
    ran (the downloads run it again)."""
    items = "\n".join(f'<a href="/?name={_esc(urllib.parse.quote(n))}">{_esc(n)}</a><span>{_esc(d)}</span>'
                      for n, (d, _t) in sorted(saved.items())) or "<p>No saved queries in ontology/queries/.</p>"
    downloads = ""
    if text and result_html:
        links = []
        formats = ("json", "xml", "csv", "tsv", "turtle", "jsonld", "nt", "rdfxml")
        if kind is not None:
            offers = GRAPH_OFFERS if kind in GRAPH_KINDS else SOLUTION_OFFERS
            formats = tuple(f for f in formats if f in {n for _m, n in offers})
        for fmt in formats:
            href = "/sparql?" + urllib.parse.urlencode({"query": run_text or text, "format": fmt})
            links.append(f'<a href="{_esc(href)}">{fmt}</a>')
        downloads = '<p class="dl">Download: ' + " ".join(links) + "</p>"
    error = f'<p class="err">{_esc(message)}</p>' if message else ""
    prefixes = " ".join(f"{k}:" for k in _PREFIXES)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>actorgraph SPARQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_STYLE}</style></head>
<body><nav><h2>Saved queries</h2>{items}</nav>
<main><h1>actorgraph SPARQL</h1><p>Data: {_esc(source)} &middot; read-only &middot; endpoint <code>/sparql</code>
&middot; prefixes {_esc(prefixes)} need no declaration.</p>
{form}<form method="get" action="/"><textarea name="query" spellcheck="false" aria-label="SPARQL query">{_esc(text)}</textarea>
<p><button type="submit">{"Run as edited" if form else "Run query"}</button></p></form>
{error}{downloads}{result_html}</main></body></html>
"""


# ---------------------------------------------------------------- running


@dataclass
class Limits:
    """How much ``serve`` gives each query."""

    timeout: float = 10.0  # seconds, waiting for a worker included
    max_results: int = 10_000
    max_memory_mb: int = MAX_MEMORY_MB  # per worker, on top of the data it holds
    request_timeout: float = REQUEST_TIMEOUT  # seconds for a request to arrive
    short_limit: float = SHORT_LIMIT  # seconds a query may run on the short-query lane


def serve(source: str | Path, host: str = "127.0.0.1", port: int = 7878, *, timeout: float = 10.0,
          max_results: int = 10_000, workers: int | None = None, quiet: bool = False, memory: str = "auto",
          ready: threading.Event | None = None, query_dir: Path | None = None, limits: Limits | None = None,
          allow_hosts: tuple[str, ...] = ()) -> None:
    """Serve ``source`` until interrupted (the CLI entry; tests run it in a subprocess).

    ``memory``: "yes" - each worker copies the union of the graphs into RAM (4-8x faster joins; about
    400 MB per million triples per worker; GRAPH/FROM queries still read the disk snapshot); "no" - all
    queries read the snapshot on disk; "auto" - "yes" below MEMORY_AUTO_LIMIT triples."""
    limits = limits or Limits(timeout=timeout, max_results=max_results)
    snapshot = make_snapshot(source)
    pool = None
    restore = None
    if threading.current_thread() is threading.main_thread():  # SIGTERM cleans up like Ctrl-C
        restore = signal.signal(signal.SIGTERM, _interrupt)
    try:
        sandboxed = sandbox.network_sandbox_available()
        in_memory = memory == "yes" or (memory == "auto" and _triples(snapshot) <= MEMORY_AUTO_LIMIT)
        pool = QueryPool(str(snapshot), workers or min(4, max(2, os.cpu_count() or 2)), memory=in_memory,
                         prefixes=_PREFIXES, budget=limits.max_memory_mb * 1024 * 1024, sandboxed=sandboxed,
                         short_limit=limits.short_limit)
        hosts, any_ip = answered_hosts(host, allow_hosts)
        config = ServerConfig(timeout=limits.timeout, max_results=limits.max_results, query_dir=query_dir,
                              source_name=str(source), quiet=quiet, hosts=hosts, any_ip=any_ip,
                              request_timeout=limits.request_timeout, sandboxed=sandboxed)
        _listen(host, port, pool, config, ready)
    finally:
        if pool is not None:
            pool.close()
        shutil.rmtree(snapshot.parent, ignore_errors=True)
        if restore is not None:
            signal.signal(signal.SIGTERM, restore)


def _listen(host: str, port: int, pool: QueryPool, config: ServerConfig, ready: threading.Event | None) -> None:
    try:
        httpd = SparqlServer((host, port), pool, config)
    except OSError as exc:
        raise StoreError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    bound_host, bound_port = httpd.server_address[:2]
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    print(f"actorgraph serve: http://{shown}:{bound_port}/  (SPARQL endpoint /sparql; Ctrl-C stops)", flush=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"actorgraph serve: warning: listening on {host}, reachable from other machines", file=sys.stderr)
    if not config.sandboxed:
        print("actorgraph serve: warning: no network sandbox on this platform; queries that mention SERVICE "
              "or LOAD anywhere are refused instead", file=sys.stderr)
    if ready is not None:
        ready.set()
    try:
        httpd.serve_forever(poll_interval=0.2)
    finally:
        httpd.server_close()


def _triples(snapshot: Path) -> int:
    import pyoxigraph as ox

    store = ox.Store.read_only(str(snapshot))
    try:
        return len(store)
    finally:
        del store


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt
