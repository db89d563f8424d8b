"""``actorgraph serve``: a read-only SPARQL 1.1 endpoint and a query page, standard library only.

Why it is built this way:

* **Read-only by construction.** Every request is parsed with rdflib's SPARQL parser before it runs:
  only a SELECT/ASK/CONSTRUCT/DESCRIBE *query* without ``SERVICE`` is executed. Updates (INSERT,
  DELETE, LOAD, CLEAR, DROP, CREATE ...; the ``update=`` form field; ``application/sparql-update``)
  get 403, anything that does not parse gets 400. Parsing (not a regex) means a keyword inside a
  string literal is not a false positive. The parse runs in a worker process too, under ``--timeout``
  (rdflib's parser can take seconds on a hostile query). The workers open a *snapshot* of the store read-only, so
  even a parser bug could not write to the user's store.
* **A runaway query cannot take the server down.** Queries run in a small pool of worker processes
  (pyoxigraph has no query timeout, and a thread cannot be killed). A query that exceeds
  ``--timeout`` has its worker killed and replaced; the client gets 503 with a one-line message and
  the other workers keep answering.
* **Fast joins.** Oxigraph's on-disk (RocksDB) index lookups cost microseconds each; for stores up to
  1,000,000 triples (``--memory auto``) each worker also copies the merged default graph into RAM, which
  makes join-heavy queries 4-8x faster. Queries that use GRAPH/FROM still read the disk snapshot.
* **Results are bounded.** At most ``--max-results`` rows/triples are returned; a truncated result
  carries the header ``X-Actorgraph-Truncated: <limit>`` (and a note on the HTML page).
* **Untrusted text.** Article sentences end up in results, so the HTML page escapes every value and
  is served with a Content-Security-Policy that allows no script at all; the page works offline
  without JavaScript (a form, a textarea and links to the saved queries of ``ontology/queries/``).

Snapshot: at start the store directory is checkpointed (``pyoxigraph.Store.backup``, hard links, so it is
cheap) into a temporary directory, and an RDF file is loaded into one; the workers open that
read-only. A running ``serve`` therefore never holds the store's lock: ``build`` can update the store
meanwhile (restart ``serve`` to see the new data).

Protocol: ``GET /sparql?query=...``, ``POST /sparql`` with ``application/x-www-form-urlencoded``
(``query=``) or ``application/sparql-query``. ``default-graph-uri``/``named-graph-uri`` are honoured;
otherwise the default graph is the merge of all graphs (each triple once, see ``graph.store``). Results: SPARQL JSON (default), XML, CSV, TSV
for SELECT/ASK; Turtle (default), JSON-LD, N-Triples, RDF/XML for CONSTRUCT/DESCRIBE; HTML for both -
chosen by ``Accept`` or ``format=json|xml|csv|tsv|html|turtle|jsonld|nt|rdfxml``.
"""
from __future__ import annotations

import csv
import html
import io
import itertools
import json
import multiprocessing
import os
import queue
import re
import shutil
import signal
import sys
import tempfile
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from .errors import ActorgraphError, StoreError
from .namespaces import PREFIXES

MAX_BODY = 1_000_000  # bytes of a POST body
MAX_QUERY = 100_000  # characters of a query
MEMORY_AUTO_LIMIT = 1_000_000  # triples: up to this, workers keep the merged graph in RAM (~400 MB each)
READY_TIMEOUT = 300.0  # seconds a worker may take to open (and copy) the snapshot
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_PREFIXES = {k: str(v) for k, v in PREFIXES.items()}

# format name -> (media type, is it for solutions (SELECT/ASK) or graphs (CONSTRUCT/DESCRIBE))
MEDIA = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values",
    "turtle": "text/turtle", "jsonld": "application/ld+json", "nt": "application/n-triples",
    "rdfxml": "application/rdf+xml", "html": "text/html",
}
SOLUTION_OFFERS = [("application/sparql-results+json", "json"), ("application/json", "json"),
                   ("application/sparql-results+xml", "xml"), ("application/xml", "xml"), ("text/xml", "xml"),
                   ("text/csv", "csv"), ("text/tab-separated-values", "tsv"), ("text/html", "html")]
GRAPH_OFFERS = [("text/turtle", "turtle"), ("application/x-turtle", "turtle"), ("application/ld+json", "jsonld"),
                ("application/json", "jsonld"), ("application/n-triples", "nt"), ("text/plain", "nt"),
                ("application/rdf+xml", "rdfxml"), ("application/xml", "rdfxml"), ("text/html", "html")]
FORMAT_ALIASES = {"json": "json", "srj": "json", "xml": "xml", "srx": "xml", "csv": "csv", "tsv": "tsv",
                  "html": "html", "turtle": "turtle", "ttl": "turtle", "jsonld": "jsonld", "json-ld": "jsonld",
                  "nt": "nt", "ntriples": "nt", "n-triples": "nt", "rdfxml": "rdfxml", "rdf": "rdfxml"}
GRAPH_KINDS = ("CONSTRUCT", "DESCRIBE")


class Refused(ActorgraphError):
    """A request the endpoint will not run; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


# ---------------------------------------------------------------- checking a query


@dataclass(frozen=True)
class QueryInfo:
    kind: str  # SELECT | ASK | CONSTRUCT | DESCRIBE
    uses_graphs: bool  # GRAPH, FROM or FROM NAMED: needs the named graphs, not just the merged default graph


def check_query(text: str) -> str:
    """The query form (SELECT, ASK, CONSTRUCT, DESCRIBE) of ``text``, or ``Refused``."""
    return analyse_query(text).kind


def analyse_query(text: str) -> QueryInfo:
    """Parse ``text``; ``Refused`` unless it is a query without SERVICE.

    Only what rdflib's parser accepts as a query runs, so nothing it cannot read reaches the store.
    """
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    if not text or not text.strip():
        raise Refused(400, "empty query: pass query=SPARQL")
    if len(text) > MAX_QUERY:
        raise Refused(413, f"query too long ({len(text)} characters; the limit is {MAX_QUERY})")
    try:
        with _PARSER_LOCK:  # pyparsing grammars are not thread-safe
            parsed = parseQuery(text)
    except (ParseBaseException, RecursionError, ValueError) as exc:
        with _PARSER_LOCK:
            is_update = _is_update(text, parseUpdate)
        if is_update:
            raise Refused(403, "SPARQL Update is not allowed: this endpoint is read-only") from None
        if "SERVICE" in bare_keywords(text):
            raise Refused(403, "SERVICE (federated query) is not allowed on this endpoint") from None
        raise Refused(400, f"malformed query: {_one_line(str(exc))}") from None
    if _has_node(parsed, "ServiceGraphPattern"):
        raise Refused(403, "SERVICE (federated query) is not allowed on this endpoint")
    name = getattr(parsed[1], "name", "")
    kind = name.replace("Query", "").upper()
    if kind not in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
        raise Refused(400, "not a SPARQL query")
    return QueryInfo(kind, _has_node(parsed, "GraphGraphPattern") or _has_node(parsed, "DatasetClause"))


_PARSER_LOCK = threading.Lock()


def _is_update(text: str, parse_update) -> bool:  # noqa: ANN001 - rdflib's parseUpdate
    try:
        update = parse_update(text)
    except Exception:  # noqa: BLE001 - not an update either
        return False
    return "request" in update and bool(update["request"])  # a bare prologue parses as an empty update


def _has_node(node, name: str) -> bool:  # noqa: ANN001 - a pyparsing/rdflib parse tree
    if getattr(node, "name", None) == name:
        return True
    if isinstance(node, dict):
        return any(_has_node(v, name) for v in node.values())
    if isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
        return any(_has_node(v, name) for v in node)
    return False


_TOKEN = re.compile(r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<word>[?$]?[A-Za-z_][\w\-.:]*)
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)


def bare_keywords(text: str) -> set[str]:
    """Upper-cased words outside strings, IRIs and comments (for the error message only)."""
    words = set()
    for m in _TOKEN.finditer(text):
        if m.lastgroup == "word" and m.group()[0] not in "?$" and ":" not in m.group():
            words.add(m.group().upper())
    return words


# ---------------------------------------------------------------- content negotiation


def negotiate(kind: str, accept: str | None, fmt: str | None) -> str:
    """The result format for a query of ``kind`` from ``format=`` (wins) or the Accept header."""
    graph = kind in GRAPH_KINDS
    offers = GRAPH_OFFERS if graph else SOLUTION_OFFERS
    if fmt:
        name = FORMAT_ALIASES.get(fmt.strip().lower())
        if graph and name == "json":
            name = "jsonld"
        if graph and name == "xml":
            name = "rdfxml"
        if name is None or name not in {n for _m, n in offers}:
            choices = sorted({n for _m, n in offers})
            raise Refused(400, f"format={fmt} is not available for {kind} results (choose from {', '.join(choices)})")
        return name
    if not accept or not accept.strip():
        return offers[0][1]
    ranges = _accept_ranges(accept)
    best, best_q = None, 0.0
    for media, name in offers:
        q = _quality(media, ranges)
        if q > best_q:
            best, best_q = name, q
    if best is None:
        wanted = ", ".join(m for m, _n in offers)
        raise Refused(406, f"cannot answer {kind} with {accept!r} (available: {wanted})")
    return best


def _accept_ranges(accept: str) -> list[tuple[str, float]]:
    out = []
    for part in accept.split(","):
        bits = [b.strip() for b in part.split(";")]
        media, q = bits[0].lower(), 1.0
        for b in bits[1:]:
            if b.lower().startswith("q="):
                try:
                    q = max(0.0, min(1.0, float(b[2:])))
                except ValueError:
                    q = 0.0
        if media:
            out.append((media, q))
    return out


def _quality(media: str, ranges: list[tuple[str, float]]) -> float:
    """q of the most specific range that matches ``media`` (RFC 9110 12.5.1)."""
    main = media.split("/")[0]
    found = [(3, q) for r, q in ranges if r == media] or [(2, q) for r, q in ranges if r == f"{main}/*"] \
        or [(1, q) for r, q in ranges if r == "*/*"]
    return max(found)[1] if found else 0.0


# ---------------------------------------------------------------- serialising results (in the worker)


def _json_term(t) -> dict:  # noqa: ANN001 - pyoxigraph term
    import pyoxigraph as ox

    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        out = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype.value != XSD_STRING:
            out["datatype"] = t.datatype.value
        return out
    if isinstance(t, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(t.subject), "predicate": _json_term(t.predicate),
                                            "object": _json_term(t.object)}}
    return {"type": "literal", "value": str(t)}


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return xml_escape(_XML_BAD.sub("\ufffd", text))


def _xml_term(t) -> str:  # noqa: ANN001 - pyoxigraph term
    j = _json_term(t)
    if j["type"] == "uri":
        return f"<uri>{_xml_text(j['value'])}</uri>"
    if j["type"] == "bnode":
        return f"<bnode>{_xml_text(j['value'])}</bnode>"
    if j["type"] == "triple":
        return f"<literal>{_xml_text(str(t))}</literal>"
    attrs = f" xml:lang={quoteattr(j['xml:lang'])}" if "xml:lang" in j else (
        f" datatype={quoteattr(j['datatype'])}" if "datatype" in j else "")
    return f"<literal{attrs}>{_xml_text(j['value'])}</literal>"


def _csv_value(t) -> str:  # noqa: ANN001 - pyoxigraph term
    j = _json_term(t)
    return "_:" + j["value"] if j["type"] == "bnode" else (str(t) if j["type"] == "triple" else j["value"])


def _tsv_value(t) -> str:  # noqa: ANN001 - pyoxigraph term
    return str(t).replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def serialize_solutions(variables: list[str], rows: list[list], fmt: str) -> bytes:
    """SPARQL results (JSON/XML/CSV/TSV) for SELECT ``rows`` of pyoxigraph terms (None = unbound)."""
    if fmt in ("json", "html"):
        bindings = [{v: _json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        out = ['<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
        out += [f"<variable name={quoteattr(v)}/>" for v in variables]
        out.append("</head>\n<results>")
        for row in rows:
            cells = "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                            for v, t in zip(variables, row) if t is not None)
            out.append(f"<result>{cells}</result>")
        out.append("</results>\n</sparql>\n")
        return "\n".join(out).encode("utf-8")
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(variables)
        for row in rows:
            w.writerow(["" if t is None else _csv_value(t) for t in row])
        return buf.getvalue().encode("utf-8")
    if fmt == "tsv":
        lines = ["\t".join("?" + v for v in variables)]
        lines += ["\t".join("" if t is None else _tsv_value(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(fmt)


def serialize_boolean(value: bool, fmt: str) -> bytes:
    if fmt in ("json", "html"):
        return json.dumps({"head": {}, "boolean": value}).encode()
    if fmt == "xml":
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>\n").encode()
    if fmt == "csv":
        return f"_askResult\r\n{'true' if value else 'false'}\r\n".encode()
    return f"?_askResult\n{'true' if value else 'false'}\n".encode()


def serialize_triples(triples: list, fmt: str) -> bytes:
    import pyoxigraph as ox

    if fmt == "html":
        return serialize_solutions(["subject", "predicate", "object"],
                                   [[t.subject, t.predicate, t.object] for t in triples], "json")
    rdf_fmt = {"turtle": ox.RdfFormat.TURTLE, "jsonld": ox.RdfFormat.JSON_LD, "nt": ox.RdfFormat.N_TRIPLES,
               "rdfxml": ox.RdfFormat.RDF_XML}[fmt]
    return ox.serialize(triples, format=rdf_fmt, prefixes=_PREFIXES if fmt == "turtle" else None)


@dataclass
class Job:
    """What a worker is asked: one query, its form, the format and the limits."""

    query: str
    kind: str
    fmt: str
    max_results: int
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    uses_graphs: bool = False  # True: run on the full on-disk snapshot even when a memory copy exists

    @property
    def needs_disk(self) -> bool:
        return self.uses_graphs or bool(self.default_graphs or self.named_graphs)


def execute(store, job: Job) -> tuple:  # noqa: ANN001 - pyoxigraph.Store
    """Run ``job`` on ``store``: ("ok", body, truncated) or ("error", status, message)."""
    import pyoxigraph as ox

    kwargs: dict = {"prefixes": _PREFIXES}
    try:
        if job.default_graphs:  # otherwise the store's default graph: the merge of all graphs (graph.store)
            kwargs["default_graph"] = graph_iris("default-graph-uri", job.default_graphs)
        if job.named_graphs:
            kwargs["named_graphs"] = graph_iris("named-graph-uri", job.named_graphs)
    except Refused as exc:
        return "error", exc.status, str(exc)
    try:
        result = store.query(job.query, **kwargs)
        if isinstance(result, ox.QueryBoolean):
            return "ok", serialize_boolean(bool(result), job.fmt), False
        rows = list(itertools.islice(result, job.max_results + 1))
        truncated = len(rows) > job.max_results
        rows = rows[: job.max_results]
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            table = [[row[i] for i in range(len(variables))] for row in rows]
            return "ok", serialize_solutions(variables, table, job.fmt), truncated
        return "ok", serialize_triples(rows, job.fmt), truncated
    except SyntaxError as exc:
        return "error", 400, f"malformed query: {_one_line(str(exc))}"
    except (OSError, ValueError, TypeError) as exc:
        return "error", 500, f"query failed: {_one_line(str(exc))}"


def graph_iris(param: str, values: list[str]) -> list:
    """``default-graph-uri``/``named-graph-uri`` values as pyoxigraph IRIs, or ``Refused`` (400).

    Why checked: they come straight from the request, and ``NamedNode`` raises on a value that is not
    an absolute IRI; uncaught in a worker, that killed the worker (500 "worker died") for a typo."""
    import pyoxigraph as ox

    out = []
    for value in values:
        try:
            out.append(ox.NamedNode(value))
        except ValueError as exc:
            raise Refused(400, f"{param}={value!r} is not an absolute IRI ({_one_line(str(exc))})") from None
    return out


def _worker_reply(disk, mem, job) -> tuple:  # noqa: ANN001 - pyoxigraph stores, a Job or a query text
    """What a worker answers: a query text (``str``) is checked with ``analyse_query`` ("ok", QueryInfo);
    a ``Job`` is executed. Any error becomes an ("error", status, message) reply: an exception escaping
    here would end the worker process and cost a respawn (and the client a misleading "worker died")."""
    try:
        if isinstance(job, str):
            return "ok", analyse_query(job)
        return execute(disk if mem is None or job.needs_disk else mem, job)
    except Refused as exc:
        return "error", exc.status, str(exc)
    except Exception as exc:  # noqa: BLE001 - keep the worker alive, answer 500 in one line
        return "error", 500, f"query failed: {type(exc).__name__}: {_one_line(str(exc))}"


# Deep enough for rdflib's recursive grammar on any query up to MAX_QUERY characters (a block of
# ~100 triple patterns already exceeded Python's default 1000 frames and was refused as malformed).
PARSE_RECURSION_LIMIT = 100_000


def _worker_main(conn, snapshot: str, memory: bool) -> None:  # noqa: ANN001 - multiprocessing Connection
    """A worker process: open the snapshot read-only (and, with ``memory``, copy its merged default
    graph into RAM: 4-8x faster joins than RocksDB); answer jobs until told to stop."""
    import pyoxigraph as ox

    sys.setrecursionlimit(max(sys.getrecursionlimit(), PARSE_RECURSION_LIMIT))
    try:
        from rdflib.plugins.sparql import parser  # noqa: F401 - build the grammar before "ready", not in a request

        disk = ox.Store.read_only(snapshot)
        mem = None
        if memory:
            mem = ox.Store()
            mem.bulk_extend(disk.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    except OSError as exc:
        conn.send(("error", 500, f"cannot open the store snapshot: {_one_line(str(exc))}"))
        return
    conn.send(("ready",))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            conn.send(_worker_reply(disk, mem, job))
        except (BrokenPipeError, OSError):
            return


# ---------------------------------------------------------------- the worker pool


class QueryTimeout(Refused):
    def __init__(self, seconds: float) -> None:
        super().__init__(503, f"query exceeded the {seconds:g} s time limit and was stopped")


class _Worker:
    def __init__(self, ctx, snapshot: str, memory: bool) -> None:  # noqa: ANN001 - multiprocessing context
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, snapshot, memory), daemon=True,
                                   name="actorgraph-sparql-worker")
        self.process.start()
        child.close()

    def wait_ready(self, timeout: float) -> None:
        if not self.conn.poll(timeout):
            self.kill()
            raise StoreError("a query worker did not start in time")
        msg = self.conn.recv()
        if msg[0] != "ready":
            self.kill()
            raise StoreError(msg[2])

    def kill(self) -> None:
        try:
            self.process.kill()
            self.process.join(5)
        finally:
            self.conn.close()


class QueryPool:
    """Worker processes over a read-only snapshot; a worker whose query runs too long is killed."""

    def __init__(self, snapshot: str, size: int = 2, memory: bool = False) -> None:
        self.snapshot = snapshot
        self.memory = memory
        self._ctx = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        workers = [_Worker(self._ctx, snapshot, memory) for _ in range(max(1, size))]
        for w in workers:
            w.wait_ready(READY_TIMEOUT)
            self._add(w)

    def _add(self, w: _Worker) -> None:
        with self._lock:
            if self._closed:
                w.kill()
                return
            self._all.add(w)
        self._idle.put(w)

    def _replace(self, dead: _Worker) -> None:
        with self._lock:
            self._all.discard(dead)
        dead.kill()

        def spawn() -> None:
            try:
                w = _Worker(self._ctx, self.snapshot, self.memory)
                w.wait_ready(READY_TIMEOUT)
            except (StoreError, OSError):
                return
            self._add(w)

        threading.Thread(target=spawn, daemon=True).start()

    def analyse(self, text: str, timeout: float) -> QueryInfo:
        """``analyse_query(text)`` in a worker, under ``timeout``, or ``Refused``.

        Why not in the request thread: rdflib's parser is slow on some inputs (a 16 KB arithmetic
        expression takes seconds, a 60 KB one half a minute) and is not thread-safe, so parsing under a
        lock in the server let one client's query stall every other client's, with no time limit. In a
        worker it is stopped like any runaway query."""
        return self.run(text, timeout)[0]  # type: ignore[return-value]

    def run(self, job: Job | str, timeout: float) -> tuple[bytes, bool]:
        """(body, truncated), or ``Refused`` (400 bad query, 503 timeout or busy, 500 failure).
        ``job`` may also be a query text to check (``analyse``): the answer is then (QueryInfo, False)."""
        try:
            worker = self._idle.get(timeout=max(timeout, 1.0))
        except queue.Empty:
            raise Refused(503, "the server is busy: every query worker is taken, try again") from None
        try:
            worker.conn.send(job)
            if not worker.conn.poll(timeout):
                self._replace(worker)
                raise QueryTimeout(timeout)
            reply = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self._replace(worker)
            raise Refused(500, "the query worker died (out of memory?); the query was not answered") from None
        self._idle.put(worker)
        if reply[0] == "error":
            raise Refused(reply[1], reply[2])
        return reply[1], (reply[2] if len(reply) > 2 else False)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            try:
                w.conn.send(None)
            except (OSError, BrokenPipeError):
                pass
        for w in workers:
            w.process.join(2)
            if w.process.is_alive():
                w.kill()
            else:
                w.conn.close()


# ---------------------------------------------------------------- snapshot of the data


def make_snapshot(source: str | Path) -> Path:
    """A private read-only copy of a store directory (a checkpoint) or of an RDF file (loaded)."""
    import pyoxigraph as ox

    from .store import RDF_FORMATS

    text = str(source)
    if "://" in text:
        raise StoreError("serve reads a local store directory or an RDF file, not a remote endpoint "
                         "(query the remote endpoint directly)")
    path = Path(text)
    tmp = Path(tempfile.mkdtemp(prefix="actorgraph-serve-"))
    target = tmp / "store"
    try:
        if path.is_dir():
            try:
                store = ox.Store(str(path))
            except OSError as exc:
                if "lock" in str(exc).lower():
                    raise StoreError(f"store {path} is in use by another process (a running build?); "
                                     "try again when it has finished") from None
                raise StoreError(f"cannot open store {path}: {_one_line(str(exc))}") from None
            try:
                store.backup(str(target))
            finally:
                del store
        elif path.is_file():
            fmt = RDF_FORMATS.get(path.suffix.lower())
            if fmt is None:
                raise StoreError(f"{path}: unknown RDF file type {path.suffix!r}")
            store = ox.Store(str(target))
            try:
                store.bulk_load(path=str(path), format=fmt)
                if next(iter(store.named_graphs()), None) is not None:  # a TriG/N-Quads file: merge its graphs
                    store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                                      for q in ox.parse(path=str(path), format=fmt)
                                      if not isinstance(q.graph_name, ox.DefaultGraph))
            except SyntaxError as exc:
                raise StoreError(f"{path}: not valid {fmt.name}: {_one_line(str(exc))}") from None
            finally:
                store.flush()
                del store
        else:
            raise StoreError(f"{path}: no such store directory or RDF file")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


# ---------------------------------------------------------------- HTTP


@dataclass
class ServerConfig:
    timeout: float = 10.0
    max_results: int = 10_000
    query_dir: Path | None = None
    source_name: str = ""
    quiet: bool = False


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # the default 5 resets connections when many clients arrive at once

    def __init__(self, address: tuple[str, int], pool: QueryPool, config: ServerConfig) -> None:
        self.pool = pool
        self.config = config
        super().__init__(address, Handler)


class Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "actorgraph-sparql/1"
    timeout = 60  # seconds a client may take to send its request

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

    # ---- SPARQL protocol

    def _sparql(self, method: str, raw_query: str) -> None:
        params = urllib.parse.parse_qs(raw_query, keep_blank_values=True)
        text = None
        if method == "POST":
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            body = self._body()
            if ctype == "application/x-www-form-urlencoded":
                form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
                for k, v in form.items():
                    params.setdefault(k, []).extend(v)
            elif ctype == "application/sparql-query":
                text = body.decode("utf-8", "replace")
            elif ctype == "application/sparql-update":
                raise Refused(403, "SPARQL Update is not allowed: this endpoint is read-only")
            else:
                raise Refused(415, "POST needs Content-Type application/x-www-form-urlencoded or application/sparql-query")
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
        info = self.server.pool.analyse(text, self.server.config.timeout)
        fmt = negotiate(info.kind, self.headers.get("Accept"), (params.get("format") or [None])[0])
        job = Job(text, info.kind, fmt, self.server.config.max_results,
                  default_graphs=params.get("default-graph-uri", []), named_graphs=params.get("named-graph-uri", []),
                  uses_graphs=info.uses_graphs)
        if fmt == "html":
            self._page({"query": [text]}, preset=job)
            return
        body, truncated = self.server.pool.run(job, self.server.config.timeout)
        headers = {"X-Actorgraph-Truncated": str(self.server.config.max_results)} if truncated else {}
        self._send(200, MEDIA[fmt] + "; charset=utf-8", body, headers)

    def _body(self) -> bytes:
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
        return self.rfile.read(n)

    # ---- the HTML page

    def _page(self, params: dict[str, list[str]], preset: Job | None = None) -> None:
        saved = _saved_queries(self.server.config.query_dir)
        name = (params.get("name") or [""])[0]
        text = (params.get("query") or [""])[0]
        status, message, shown, form = 200, "", None, ""
        if name and not text:
            if name in saved:  # the readable twin, its variables as form fields (graph.views.query_page)
                from .views.query_page import saved_view

                view = saved_view(name, params, self.server.config.query_dir)
                text, shown, form, message = view.run, view.shown, view.form, view.message
                status = 400 if message else 200
            else:
                status, message = 404, f"no saved query named {name!r}"
        result_html, kind = "", None
        if text and not message:
            try:
                if preset is None:
                    info = self.server.pool.analyse(text, self.server.config.timeout)
                job = preset or Job(text, info.kind, "html", self.server.config.max_results, uses_graphs=info.uses_graphs)
                job.fmt = "html"
                kind = job.kind
                body, truncated = self.server.pool.run(job, self.server.config.timeout)
                result_html = render_result(json.loads(body), truncated, self.server.config.max_results)
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
    from .query import QUERY_DIR, saved_queries
    from .views.query_page import web_description

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


def serve(source: str | Path, host: str = "127.0.0.1", port: int = 7878, *, timeout: float = 10.0,
          max_results: int = 10_000, workers: int | None = None, quiet: bool = False, memory: str = "auto",
          ready: threading.Event | None = None, query_dir: Path | None = None) -> None:
    """Serve ``source`` until interrupted (the CLI entry; tests run it in a subprocess).

    ``memory``: "yes" - each worker copies the merged default graph into RAM (4-8x faster joins; about
    400 MB per million triples per worker; GRAPH/FROM queries still read the disk snapshot); "no" - all
    queries read the snapshot on disk; "auto" - "yes" below MEMORY_AUTO_LIMIT triples."""
    snapshot = make_snapshot(source)
    pool = None
    restore = None
    if threading.current_thread() is threading.main_thread():  # SIGTERM cleans up like Ctrl-C
        restore = signal.signal(signal.SIGTERM, _interrupt)
    try:
        in_memory = memory == "yes" or (memory == "auto" and _triples(snapshot) <= MEMORY_AUTO_LIMIT)
        pool = QueryPool(str(snapshot), workers or min(4, max(2, os.cpu_count() or 2)), memory=in_memory)
        config = ServerConfig(timeout=timeout, max_results=max_results, query_dir=query_dir,
                              source_name=str(source), quiet=quiet)
        try:
            httpd = SparqlServer((host, port), pool, config)
        except OSError as exc:
            raise StoreError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
        bound_host, bound_port = httpd.server_address[:2]
        print(f"actorgraph serve: http://{bound_host}:{bound_port}/  (SPARQL endpoint /sparql; Ctrl-C stops)", flush=True)
        if host not in ("127.0.0.1", "localhost", "::1"):
            print(f"actorgraph serve: warning: listening on {host}, reachable from other machines", file=sys.stderr)
        if ready is not None:
            ready.set()
        try:
            httpd.serve_forever(poll_interval=0.2)
        finally:
            httpd.server_close()
    finally:
        if pool is not None:
            pool.close()
        shutil.rmtree(snapshot.parent, ignore_errors=True)
        if restore is not None:
            signal.signal(signal.SIGTERM, restore)


def _triples(snapshot: Path) -> int:
    import pyoxigraph as ox

    store = ox.Store.read_only(str(snapshot))
    try:
        return int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))[0].value)
    finally:
        del store


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def configure_parser(p) -> None:  # noqa: ANN001 - argparse parser
    from .cli import port_number, positive_int
    from .store import add_source_arguments

    add_source_arguments(p)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=port_number, default=7878, help="port (default 7878; 0 picks a free one)")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds a query may run (default 10)")
    p.add_argument("--max-results", type=int, default=10_000, help="rows/triples returned at most (default 10000)")
    p.add_argument("--workers", type=positive_int, default=None, help="query worker processes (default: 2-4 by CPU count)")
    p.add_argument("--memory", choices=("auto", "yes", "no"), default="auto",
                   help="workers keep the merged graph in RAM: 4-8x faster, ~400 MB per million triples per "
                        f"worker (default auto: yes up to {MEMORY_AUTO_LIMIT:,} triples)")
    p.add_argument("--quiet", action="store_true", help="do not log requests")


def run_cli(args) -> int:  # noqa: ANN001 - argparse namespace
    from .store import default_source

    if args.timeout <= 0 or args.max_results <= 0:
        raise StoreError("--timeout and --max-results must be positive")
    source = default_source(args.store, args.graph)
    try:
        serve(source, args.host, args.port, timeout=args.timeout, max_results=args.max_results,
              workers=args.workers, quiet=args.quiet, memory=args.memory)
    except KeyboardInterrupt:
        print("actorgraph serve: stopped", file=sys.stderr)
    return 0


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(_CONTROL.sub(" ", str(text)).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

