"""A persistent RDF store: one named graph per document, written one transaction at a time.

Why a store and not a Turtle file: re-running ``build`` on a growing corpus should only touch the
documents that changed, a crash must never leave half an article in the graph, and SPARQL on a large
corpus should use indexes instead of rdflib's in-memory evaluation. Two backends, one API:

* a **directory** -> embedded, persistent `Oxigraph <https://oxigraph.org>`_ (RocksDB). ``store.dataset``
  is an rdflib ``Dataset`` over it (through ``oxrdflib``), so rdflib code sees an ordinary dataset;
  writes go straight to ``pyoxigraph`` because oxrdflib has no transactions (its ``commit`` is a no-op)
  while every ``pyoxigraph`` ``load``/``update``/``bulk_load`` call is atomic.
* ``sparql+http://host:port/path`` (or ``sparql+https://``) -> any SPARQL 1.1 endpoint through rdflib's
  ``SPARQLUpdateStore``. The query endpoint is the URL without ``sparql+``. The update endpoint is the
  same URL with a final ``/query`` replaced by ``/update`` (Oxigraph, Fuseki ``/ds/query``); for any
  other path it is the same URL, unless ``?update=URL`` names it explicitly
  (``sparql+http://h/sparql?update=http://h/sparql/update``).

Every triple lives in exactly one graph (``graph.store.derived``: a document's own triples in its named
graph, the triples documents share in the derived graph), and a query without ``GRAPH`` sees the
union of all graphs - Oxigraph's ``use_default_graph_as_union``, each triple once. A remote endpoint
must do the same: start ``oxigraph serve`` with ``--union-default-graph``; Virtuoso does it by default
(a query without ``FROM`` sees every graph). An endpoint whose default graph is not the union is
refused in one line (``check_union``).

Writing (``put_document``, ``put_documents``, ``DocumentWriter``, ``put_graph``, ``drop_document``)
lives in ``graph.store.write`` and is offered here too.
"""
from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox
from rdflib import RDF, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.stores.memory import Memory
from rdflib.query import Result

from . import directory as storedir
from ..errors import QueryError, StoreError
from ..namespaces import AG, PREFIXES

__all__ = ["DEFAULT_BATCH_TRIPLES", "LOAD_THREADS", "HTTP_TIMEOUT", "RDF_FORMATS", "DocumentRecord", "Store",
    "open_store", "prepare_directory", "open_directory", "damaged", "load_file", "open_source", "endpoints", "check_union",
    "not_union", "documents", "query", "union_graph", "dataset_of", "quads", "TRUNCATION_HEADERS",
    "store_size", "default_source"]

ADDED, UNCHANGED, REPLACED = "added", "unchanged", "replaced"
DEFAULT_BATCH_TRIPLES = 400_000  # quads per bulk_load (graph.store.write), below Oxigraph's 1,000,000 per atomic load
# bulk loads in flight at once: each is single-threaded in Oxigraph and holds ~0.5 GB while it runs
LOAD_THREADS = min(2, os.cpu_count() or 1)
HTTP_TIMEOUT = 60.0

RDF_FORMATS = {  # file suffix -> pyoxigraph format, for reading a graph file instead of a store
    ".ttl": ox.RdfFormat.TURTLE, ".turtle": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS, ".nt": ox.RdfFormat.N_TRIPLES, ".n3": ox.RdfFormat.N3,
    ".jsonld": ox.RdfFormat.JSON_LD, ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML, ".owl": ox.RdfFormat.RDF_XML, ".xml": ox.RdfFormat.RDF_XML,
}


class DocumentRecord(NamedTuple):
    """One stored document: its IRI (= its graph name), where it came from, and its content hash."""

    iri: URIRef
    source_path: str | None
    sha256: str | None


@dataclass
class Store:
    """An open store. ``dataset`` is the rdflib view; ``ox`` the pyoxigraph store (None when remote).

    ``kind`` is ``"oxigraph"`` (a directory), ``"memory"`` (an RDF file read into memory, read-only
    by convention) or ``"sparql"`` (a remote endpoint). Treat ``dataset`` as read-only: writes that
    bypass ``put_document``/``put_graph`` would not keep the merged default graph up to date.
    """

    spec: str
    kind: str
    dataset: Dataset
    ox: ox.Store | None = None
    query_url: str | None = None
    update_url: str | None = None
    path: Path | None = None
    read_only: bool = False  # opened with Store.read_only (a reader): writes are refused
    generation: str | None = None  # set while a new generation is being written (graph.store.generation)
    committed: bool = False  # that generation's analysis and meta graphs are written
    _locks: list = field(default_factory=list, repr=False)  # storedir.Lock held until close()
    _state_forgotten: bool = field(default=False, repr=False)
    _closed: bool = field(default=False, repr=False)

    def close(self) -> None:
        """Release the store (RocksDB's lock and ours, so that another process can open it)."""
        if self._closed:
            return
        self._closed = True
        if self.ox is not None and not self.read_only:
            try:
                self.ox.flush()
            except (OSError, RuntimeError, AttributeError):
                pass
        try:
            self.dataset.close()
        except Exception:  # noqa: BLE001 - closing must not mask the real error
            pass
        # pyoxigraph releases RocksDB when the last reference goes
        self.ox = None
        self.dataset = None  # type: ignore[assignment]
        for lock in reversed(self._locks):
            lock.release()
        self._locks.clear()

    def __post_init__(self) -> None:
        # a Store dropped without close() (``graph.store.query.run_query`` returns only the result) must not
        # keep its locks until the process ends: a writer would wait for a reader that is gone
        import weakref

        weakref.finalize(self, _release_all, self._locks)

    def query(self, sparql: str) -> Result:
        """Same as the module's ``query(store, sparql)``: lets a Store stand in for an rdflib Graph."""
        return query(self, sparql)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _release_all(locks: list) -> None:
    for lock in reversed(locks):
        lock.release()
    locks.clear()


# ---------------------------------------------------------------- opening


def open_store(spec: str | Path, *, wait: float = 0.0) -> Store:
    """Open (creating if needed) a store directory for writing in place, or connect to a
    ``sparql+http(s)://`` endpoint.

    In place means exclusively: this takes the store's write lock and read lock (``graph.store.directory``)
    until ``close``, waiting up to ``wait`` seconds for another holder. Readers should use
    ``open_source`` (read-only, shared); ``build`` and ``ingest`` write a new generation beside the
    store and swap it in (``graph.store.generation``)."""
    text = str(spec)
    if text.startswith(("sparql+http://", "sparql+https://")):
        return _open_remote(text)
    if "://" in text:
        raise StoreError(f"unsupported store {text!r}: give a directory or a sparql+http(s):// URL")
    path = Path(text)
    prepare_directory(path)
    locks = [storedir.acquire(path, "write.lock", True, wait, "a build or ingest is writing it")]
    try:
        storedir.recover(path)
        locks.append(storedir.exclusive(path, wait, "it is being read (query, export, validate, serve)"))
        inner = open_directory(path, read_only=False)
    except BaseException:
        for lock in reversed(locks):
            lock.release()
        raise
    return Store(spec=text, kind="oxigraph", dataset=_rdflib_dataset(inner), ox=inner, path=path, _locks=locks)


def prepare_directory(path: Path) -> None:
    """Refuse a store path that is a file, and create its parent folder: what writing a store in
    place (``open_store``) and writing a new generation of it (``graph.store.generation``) first need."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file, not a store directory (pass an RDF file as GRAPH instead)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create store directory {path}: {exc.strerror or exc}") from None


def open_directory(path: Path, *, read_only: bool) -> ox.Store:
    """The pyoxigraph store in ``path``; every way it can fail is a one-line ``StoreError`` that names
    the store and what to do (RocksDB reports a damaged store as a RuntimeError "Corruption: ...",
    which was a traceback)."""
    try:
        if read_only:
            return ox.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as exc:
        msg = str(exc)
        if "lock" in msg.lower():
            raise StoreError(f"store {path} is in use by another process (a running build, ingest or another "
                             "program with the store open?)") from None
        if read_only and not (path / "CURRENT").exists():
            raise StoreError(f"{path}: not a store directory (no Oxigraph store in it)") from None
        raise StoreError(f"cannot open store {path}: {_one_line(msg)}") from None
    except BaseException as exc:  # noqa: BLE001 - RuntimeError, pyo3's PanicException
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        raise StoreError(damaged(path, exc)) from None


def damaged(path: Path | str, exc: BaseException | str) -> str:
    """The one-line message for a store RocksDB cannot read."""
    return (f"store {path} is damaged ({_one_line(str(exc))}); restore it from a backup, or delete the folder "
            "and run actorgraph build to write it again")


def load_file(path: str | Path) -> Store:
    """Read an RDF file (Turtle, TriG, N-Quads, N-Triples, JSON-LD, RDF/XML) into an in-memory store,
    so that export/validate/serve treat ``out/graph.ttl`` exactly like a store directory."""
    path = Path(path)
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise StoreError(f"{path}: unknown RDF file type {path.suffix!r} (use .ttl, .trig, .nq, .nt, .jsonld, .rdf)")
    if not path.is_file():
        raise StoreError(f"{path}: no such file")
    inner = ox.Store()
    try:
        inner.load(path=str(path), format=fmt)
    except SyntaxError as exc:
        raise StoreError(f"{path}: not valid {fmt.name}: {_one_line(str(exc))}") from None
    except (OSError, ValueError) as exc:
        raise StoreError(f"cannot read {path}: {_one_line(str(exc))}") from None
    return Store(spec=str(path), kind="memory", dataset=_rdflib_dataset(inner), ox=inner, path=path)


def open_source(spec: str | Path, *, check: bool = True, wait: float | None = None) -> Store:
    """A store directory, an endpoint URL or an RDF file, for reading: whatever the user pointed at.

    A directory is opened read-only under a shared lock, so readers neither block each other nor a
    writer (which swaps a new generation in when they are done), and a store on a read-only disk can
    be read. With ``check``, a store left mid-write by an interrupted remote writer, or one whose
    data is not the generation last written to it (damage), is refused (``graph.store.generation``)."""
    text = str(spec)
    if "://" not in text and Path(text).is_file():
        return load_file(text)
    if "://" in text:
        st = open_store(text)
    else:
        st = _open_reader(Path(text), storedir.READ_WAIT if wait is None else wait)
    if check:
        from .generation import check_readable

        try:
            check_readable(st)
        except BaseException:
            st.close()
            raise
    return st


def _open_reader(path: Path, wait: float) -> Store:
    if not path.exists():
        storedir.recover_missing(path)  # a writer killed between its two renames
    if not path.is_dir():
        raise StoreError(f"{path}: no such store directory or RDF file")
    lock = storedir.shared(path, wait)
    try:
        inner = open_directory(path, read_only=True)
    except BaseException:
        lock.release()
        raise
    return Store(spec=str(path), kind="oxigraph", dataset=_rdflib_dataset(inner), ox=inner, path=path,
                 read_only=True, _locks=[lock])


def _rdflib_dataset(inner: ox.Store) -> Dataset:
    from oxrdflib import OxigraphStore

    ds = Dataset(store=OxigraphStore(store=inner), default_union=True)  # queries see every graph, as ours do
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, override=True)
    return ds


def endpoints(spec: str) -> tuple[str, str]:
    """(query URL, update URL) for a ``sparql+http(s)://`` spec; see the module docstring."""
    url = spec[len("sparql+"):]
    parts = urllib.parse.urlsplit(url)
    if not parts.hostname:
        raise StoreError(f"bad store URL {spec!r}: no host")
    params = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    update = [v for k, v in params if k == "update"]
    rest = [(k, v) for k, v in params if k != "update"]
    query_url = urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(rest)))
    if update:
        update_url = update[-1]
    elif parts.path.endswith("/query"):
        update_url = urllib.parse.urlunsplit(parts._replace(path=parts.path[: -len("query")] + "update", query=""))
    else:
        update_url = urllib.parse.urlunsplit(parts._replace(query=""))
    return query_url, update_url


def _open_remote(spec: str) -> Store:
    from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

    query_url, update_url = endpoints(spec)
    # POST_FORM keeps the endpoint URL as given (rdflib's GET appends "?query=" blindly)
    backend = SPARQLUpdateStore(query_endpoint=query_url, update_endpoint=update_url, method="POST_FORM",
                                autocommit=True, timeout=HTTP_TIMEOUT)
    ds = Dataset(store=backend)
    store = Store(spec=spec, kind="sparql", dataset=ds, query_url=query_url, update_url=update_url)
    try:
        _http_select(store, "ASK { }")
    except StoreError as exc:
        raise StoreError(f"SPARQL endpoint {query_url} is not usable: {exc}") from None
    check_union(store)
    return store


def check_union(store: Store) -> None:
    """Refuse an endpoint whose default graph is not the union of its graphs: a triple of one of our
    named graphs must be seen without ``GRAPH``. (An endpoint with no graph of ours yet cannot tell;
    ``graph.store.generation`` asks again once it has written one.)"""
    rows = _http_select(store, f"SELECT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                               f"FILTER (STRSTARTS(STR(?g), \"{_OURS}\")) FILTER (isIRI(?s) && isIRI(?o)) }} LIMIT 1")
    if rows and not _http_ask(store, f"ASK {{ <{rows[0]['s']}> <{rows[0]['p']}> <{rows[0]['o']}> }}"):
        raise StoreError(not_union(store.query_url))


def not_union(url: str) -> str:
    return (f"SPARQL endpoint {url}: its default graph is not the union of its named graphs; actorgraph needs "
            "it to be (oxigraph serve --union-default-graph; Virtuoso does it by default)")


_OURS = "https://w3id.org/actorgraph/"  # our graphs' names (documents, ontology, derived, analysis, meta) start so


# ---------------------------------------------------------------- writing


# put_document, put_documents, DocumentWriter, put_graph, drop_graph, drop_document: graph.store.write
# (imported at the end of this module, so ``graph.store`` keeps offering them).


# ---------------------------------------------------------------- reading


def documents(store: Store) -> list[DocumentRecord]:
    """Every stored document: (IRI, ag:sourcePath, ag:sha256), sorted by IRI."""
    q = f"""SELECT ?d ?src ?sha WHERE {{ GRAPH ?d {{ ?d a {_iri(AG.Document)} .
        OPTIONAL {{ ?d {_iri(AG.sourcePath)} ?src }} OPTIONAL {{ ?d {_iri(AG.sha256)} ?sha }} }} }} ORDER BY ?d"""
    seen: dict[URIRef, DocumentRecord] = {}
    for row in _select(store, q):
        d = URIRef(row["d"])
        if d not in seen:
            seen[d] = DocumentRecord(d, row.get("src"), row.get("sha"))
    return list(seen.values())


def query(store: Store, sparql: str) -> Result:
    """Run a SPARQL query; without ``GRAPH`` it sees the union of every graph (each triple once).

    Common prefixes (ag:, doc:, rdf:, rdfs:, owl:, xsd:, dct:, wd:, skos:) need not be declared.
    """
    if store.ox is None:
        return _http_query(store, sparql)
    try:
        return _ox_query(store, sparql)
    except SyntaxError as exc:
        raise QueryError(f"malformed query: {_one_line(str(exc))}") from None
    except OSError as exc:
        raise StoreError(f"query failed: {_one_line(str(exc))}") from None
    except RuntimeError as exc:  # RocksDB: "Corruption: ..."
        raise StoreError(damaged(store.spec, exc)) from None
    except Exception as exc:  # noqa: BLE001 - rdflib/SPARQLStore raise many types; the user needs one line
        if isinstance(exc, (QueryError, StoreError)):
            raise
        raise QueryError(f"query failed: {_one_line(str(exc)) or type(exc).__name__}") from None


def _ox_query(store: Store, sparql: str) -> Result:
    """``store.dataset.query`` (oxrdflib) without its per-term cost: the query runs on pyoxigraph with
    the dataset's prefixes, and the rows are converted to rdflib terms through a cache, so that an IRI
    or a short literal repeated over thousands of rows is converted once (a 27k-row listing went from
    1.8 s of conversion to 0.3 s)."""
    from rdflib.term import Variable

    prefixes = {prefix: str(ns) for prefix, ns in store.dataset.namespaces()}
    result = store.ox.query(sparql, prefixes=prefixes, use_default_graph_as_union=True)
    convert = _rdflib_terms()
    if isinstance(result, ox.QueryBoolean):
        out = Result("ASK")
        out.askAnswer = bool(result)
    elif isinstance(result, ox.QuerySolutions):
        out = Result("SELECT")
        out.vars = names = [Variable(v.value) for v in result.variables]
        out.bindings = ({v: convert(t) for v, t in zip(names, row)} for row in result)
    else:
        out = Result("CONSTRUCT")
        out.graph = Graph()
        out.graph += ((convert(t.subject), convert(t.predicate), convert(t.object)) for t in result)
    return out


def _rdflib_terms():  # noqa: ANN202 - a converter function
    """A pyoxigraph -> rdflib term converter remembering IRIs and short literals (rdflib terms are
    immutable, so rows may share them)."""
    from oxrdflib._converter import from_ox

    cache: dict = {}
    named, literal = ox.NamedNode, ox.Literal

    def convert(term):  # noqa: ANN001, ANN202
        kind = type(term)
        if kind is named:
            value = term.value
            found = cache.get(value)
            if found is None:
                found = cache[value] = URIRef(value)
            return found
        if kind is literal:
            value, language = term.value, term.language
            key = (value, language or term.datatype.value)
            found = cache.get(key)
            if found is None:
                found = Literal(value, lang=language) if language else Literal(value, datatype=convert(term.datatype))
                if len(value) <= 64:
                    cache[key] = found
            return found
        return None if term is None else from_ox(term)

    return convert


def union_graph(store: Store) -> Graph:
    """Every graph of the store merged into one rdflib Graph (for networkx analysis and rendering)."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    if store.ox is not None:
        from oxrdflib._converter import from_ox

        try:
            g += ((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
                  for q in store.ox.quads_for_pattern(None, None, None, None))
        except (OSError, RuntimeError) as exc:
            raise StoreError(damaged(store.spec, exc)) from None
        return g
    for s, p, o, _g in quads(store):
        g.add((s, p, o))
    return g


def dataset_of(store: Store) -> Dataset:
    """A plain in-memory rdflib Dataset copy with the named graphs (for TriG/JSON-LD writers)."""
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, override=True)
    for s, p, o, g in quads(store):
        if g is None:
            ds.add((s, p, o))
        else:
            ds.graph(g).add((s, p, o))
    return ds


def quads(store: Store) -> Iterator[tuple]:
    """Every quad as rdflib terms (graph None for the default graph). On a remote endpoint, only our
    graphs (whose names start with ``https://w3id.org/actorgraph/``): a server has graphs of its own
    (Virtuoso's system graphs), which are not the store's."""
    if store.ox is not None:
        from oxrdflib._converter import from_ox

        try:
            for q in store.ox.quads_for_pattern(None, None, None, None):
                g = q.graph_name
                yield (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object),
                       None if isinstance(g, ox.DefaultGraph) else from_ox(g))
        except (OSError, RuntimeError) as exc:
            raise StoreError(damaged(store.spec, exc)) from None
        return
    rows_q = f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (STRSTARTS(STR(?g), \"{_OURS}\")) }}"
    data = _http_post(store.query_url, {"query": rows_q}, accept="application/sparql-results+json")
    for row in _json_rows(data, typed=True):
        yield row["s"], row["p"], row["o"], row.get("g")


# ---------------------------------------------------------------- internals


def _writable(store: Store) -> None:
    if store.kind == "memory":
        raise StoreError(f"{store.spec} is an RDF file, not a store: it cannot be written")
    if store.dataset is None:
        raise StoreError("the store is closed")
    if store.read_only:
        raise StoreError(f"store {store.spec} was opened read-only")
    if store.path is not None and store.generation is None and not store._state_forgotten:
        storedir.forget_state(store.path)  # written in place: no longer the generation its state names
        store._state_forgotten = True


def _has_document(store: Store, doc: URIRef) -> bool:
    if store.ox is not None:
        pattern = (ox.NamedNode(doc), ox.NamedNode(RDF.type), ox.NamedNode(AG.Document), ox.NamedNode(doc))
        return next(iter(store.ox.quads_for_pattern(*pattern)), None) is not None
    return bool(_http_ask(store, f"ASK {{ GRAPH {_iri(doc)} {{ {_iri(doc)} a {_iri(AG.Document)} }} }}"))


def _documents_from(store: Store, source_key: str) -> list[URIRef]:
    """Documents (graph names) whose ag:sourcePath is ``source_key``."""
    if store.ox is not None:
        found = store.ox.quads_for_pattern(None, ox.NamedNode(AG.sourcePath), ox.Literal(source_key), None)
        return sorted({URIRef(q.subject.value) for q in found
                       if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == q.subject.value})
    q = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g {_iri(AG.sourcePath)} {_literal(Literal(source_key))} }} }}"
    return sorted(URIRef(r["g"]) for r in _select(store, q))


def _document_triples(graph: Graph, doc: URIRef, source_key: str | None) -> list[tuple]:
    triples = _graph_triples(graph)
    if source_key and (doc, AG.sourcePath, Literal(source_key)) not in graph:
        triples.append((doc, AG.sourcePath, Literal(source_key)))
    return triples


def _graph_triples(graph: Graph) -> list[tuple]:
    """Every triple of an rdflib graph. A plain ``Graph`` on rdflib's default in-memory store is read
    straight from that store's per-graph set of triples: ``graph.triples`` also works out every
    triple's contexts, which made it a third of the cost of writing a document. Anything else (or an
    rdflib whose store no longer has that set) takes the public API."""
    store = graph.store
    if type(graph) is Graph and type(store) is Memory:
        ident = graph.identifier
        found = getattr(store, "_Memory__contextTriples", {}).get(f"{type(ident).__name__}:{ident}")
        if found is not None:
            return list(found)
    return list(graph.triples((None, None, None)))


_IRI_TEXT: dict[str, str] = {}  # IRI -> its N-Triples form; keyed by plain str (URIRef == is slow Python)


def _iri(term: str) -> str:
    key = str(term)
    text = _IRI_TEXT.get(key)
    if text is None:
        text = "<" + _IRI_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04X}", key) + ">"
        if len(_IRI_TEXT) < 200_000:
            _IRI_TEXT[key] = text
    return text


_IRI_ESCAPE = re.compile('[<>"{}|^`\\\\ \t\n\r]')  # not allowed raw in an N-Triples/SPARQL IRI


def _literal(term: Literal) -> str:
    lex = _string(str(term))
    language, datatype = term.language, term.datatype
    if language:
        return f'{lex}@{language}'
    if datatype is not None and str(datatype) != _XSD_STRING:
        return f'{lex}^^{_IRI_TEXT.get(str(datatype)) or _iri(datatype)}'
    return lex


def _string(lex: str) -> str:
    """A plain string literal in N-Triples / SPARQL form."""
    if "\\" in lex or '"' in lex or "\n" in lex or "\r" in lex:
        lex = lex.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{lex}"'


_XSD_STRING = str(XSD.string)


def _term(term: object) -> str:
    """N-Triples / SPARQL form of an rdflib term (the same syntax serves N-Quads and INSERT DATA)."""
    kind = type(term)
    if kind is URIRef:
        return _IRI_TEXT.get(str(term)) or _iri(term)
    if kind is Literal:
        return _literal(term)
    if isinstance(term, URIRef):
        return _iri(term)
    if isinstance(term, Literal):
        return _literal(term)
    if isinstance(term, BNode):
        return "_:b" + "".join(c if c.isalnum() else "_" for c in str(term))
    raise StoreError(f"cannot store term {term!r}")


def _select(store: Store, sparql: str, typed: bool = False) -> list[dict]:
    """SELECT rows as {var: lexical value} (internal queries only; every graph is the default graph);
    with ``typed``, as rdflib terms."""
    if store.ox is not None:
        try:
            result = store.ox.query(sparql, use_default_graph_as_union=True)
            names = [v.value for v in result.variables]
            convert = _rdflib_terms() if typed else (lambda t: t.value)
            return [{n: convert(t) for n, t in zip(names, row) if t is not None} for row in result]
        except (OSError, SyntaxError) as exc:
            raise StoreError(_one_line(str(exc))) from None
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # noqa: BLE001 - RocksDB "Corruption: ..." (RuntimeError), pyo3 panics
            raise StoreError(damaged(store.spec, exc)) from None
    if typed:
        data = _http_post(store.query_url, {"query": sparql}, accept="application/sparql-results+json")
        return _json_rows(data, typed=True)
    return _http_select(store, sparql)


def _http_select(store: Store, sparql: str) -> list[dict[str, str]]:
    data = _http_post(store.query_url, {"query": sparql}, accept="application/sparql-results+json")
    return [{k: str(v) for k, v in row.items()} for row in _json_rows(data, typed=False)]


def _http_query(store: Store, sparql: str) -> Result:
    """A query on a remote endpoint as an rdflib Result (rdflib's SPARQLStore returns a tuple on HTTP
    errors and drops our prefixes, so the request is made here)."""
    import io

    prologue = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())  # the query may redefine them
    # triples for CONSTRUCT and DESCRIBE: Virtuoso answers them in JSON when JSON is acceptable at all
    accept = ("application/n-triples, text/turtle;q=0.8" if _query_form(sparql) in ("CONSTRUCT", "DESCRIBE")
              else "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8")
    data, ctype = _http_post(store.query_url, {"query": prologue + sparql}, with_type=True, accept=accept)
    if ctype in ("application/n-triples", "text/turtle", "text/plain"):
        result = Result("CONSTRUCT")
        result.graph = Graph()
        result.graph.parse(data=data.decode("utf-8"), format="nt" if ctype != "text/turtle" else "turtle")
        return result
    answer = _ask_answer(data) if (ctype or "").endswith("json") else None
    if answer is not None:
        result = Result("ASK")
        result.askAnswer = answer
        return result
    try:
        return Result.parse(io.BytesIO(data), content_type=ctype or "application/sparql-results+json")
    except Exception as exc:  # noqa: BLE001 - rdflib result parsers raise many types
        raise StoreError(f"{store.query_url}: unreadable answer ({ctype}): {_one_line(str(exc))}") from None


def _query_form(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first of these words in the query's structure."""
    from .query import _mask

    found = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", _mask(sparql), re.I)
    return found.group(1).upper() if found else "SELECT"


def _http_ask(store: Store, sparql: str) -> bool:
    data = _http_post(store.query_url, {"query": sparql}, accept="application/sparql-results+json")
    answer = _ask_answer(data)
    if answer is None:
        raise StoreError(f"{store.query_url}: unexpected ASK answer")
    return answer


def _ask_answer(data: bytes) -> bool | None:
    """An ASK's answer in SPARQL JSON: ``{"boolean": true}``, or Virtuoso's form - a one-row SELECT of
    ``?__ASK_RETVAL`` (1 or 0) - which it gives for an ASK sent as a form; None if ``data`` is neither."""
    try:
        doc = json.loads(data)
    except ValueError:
        return None
    if not isinstance(doc, dict):
        return None
    if "boolean" in doc:
        return bool(doc["boolean"])
    if doc.get("head", {}).get("vars") == ["__ASK_RETVAL"]:
        rows = doc.get("results", {}).get("bindings", [])
        return bool(rows) and str(rows[0].get("__ASK_RETVAL", {}).get("value")) not in ("0", "false")
    return None


def _json_rows(data: bytes, typed: bool) -> list[dict]:
    try:
        doc = json.loads(data)
        bindings = doc["results"]["bindings"]
    except (ValueError, KeyError, TypeError):
        if isinstance(doc, dict) and "boolean" in doc:
            return []
        raise StoreError("the endpoint did not return SPARQL JSON results") from None
    rows = []
    for b in bindings:
        row: dict = {}
        for k, v in b.items():
            if not typed:
                row[k] = v["value"]
            elif v["type"] == "uri":
                row[k] = URIRef(v["value"])
            elif v["type"] == "bnode":
                row[k] = BNode(v["value"])
            else:
                row[k] = Literal(v["value"], lang=v.get("xml:lang"), datatype=v.get("datatype"))
        rows.append(row)
    return rows


def _http_update(store: Store, update: str) -> None:
    req = urllib.request.Request(store.update_url, data=update.encode("utf-8"),
                                 headers={"Content-Type": "application/sparql-update; charset=utf-8"})
    _http_open(req, store.update_url)


def _http_post(url: str, form: dict[str, str], accept: str, with_type: bool = False):  # noqa: ANN201
    req = urllib.request.Request(url, data=urllib.parse.urlencode(form).encode("utf-8"),
                                 headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
    return _http_open(req, url, with_type)


TRUNCATION_HEADERS = ("X-Actorgraph-Truncated", "X-SPARQL-MaxRows")  # actorgraph serve, Virtuoso


def _http_open(req: urllib.request.Request, url: str, with_type: bool = False):  # noqa: ANN201
    """The response body (and its media type with ``with_type``); HTTP 400 -> QueryError, else StoreError."""
    try:
        with urllib.request.urlopen(req, timeout=HTTP_TIMEOUT) as resp:
            body = resp.read()
            ctype = (resp.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            for header in TRUNCATION_HEADERS:  # a capped answer read as the whole store would lose data silently
                if resp.headers.get(header):
                    raise StoreError(f"{url}: the endpoint cut its answer at {resp.headers[header]} results "
                                     f"({header}); raise its result limit (actorgraph serve --max-results) "
                                     "or read the store directly")
            return (body, ctype) if with_type else body
    except urllib.error.HTTPError as exc:
        body = exc.read().decode("utf-8", "replace")
        err = QueryError if exc.code == 400 else StoreError
        raise err(f"{url}: HTTP {exc.code}: {_one_line(body) or exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise StoreError(f"{url}: {reason}") from None


def _one_line(text: str) -> str:
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    return " ".join(lines)[:300]


def store_size(store: Store) -> int:
    """Number of triples (every graph; each triple is in one), for progress messages and benchmarks."""
    if store.ox is not None:
        return len(store.ox)
    rows = _select(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (STRSTARTS(STR(?g), \"{_OURS}\")) }}")
    return int(rows[0]["n"]) if rows else 0


def default_source(explicit_store: str | None, graph_file: str | None, out: str | os.PathLike = "out") -> str:
    """What a read-only subcommand reads when told nothing: ``out/store`` if it exists, else ``out/graph.ttl``."""
    if explicit_store and graph_file:
        raise StoreError("give either --store or a GRAPH file, not both")
    if explicit_store or graph_file:
        return str(explicit_store or graph_file)
    for candidate in (Path(out) / "store", Path(out) / "graph.ttl"):
        if candidate.exists():
            return str(candidate)
    raise StoreError("nothing to read: pass --store DIR|sparql+http://... or a GRAPH file (no out/store or out/graph.ttl here)")


_WRITING = frozenset({"DocumentWriter", "drop_document", "drop_graph", "put_document", "put_documents", "put_graph",
                      "refresh_derived"})


def __getattr__(name: str):  # noqa: ANN202 - the writing functions live in graph.store.write (no import cycle)
    if name in _WRITING:
        from . import write as storewrite

        return getattr(storewrite, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
