"""Writing documents and graphs into a store, in the layout of ``graph.store.derived``.

Document semantics (``put_document``): the graph name is the document IRI, which is made from the
content hash, so an unchanged article is recognised by its IRI alone ("unchanged", nothing written).
A changed article from the same source path or URL (``ag:sourcePath``) replaces the old one: the old
document's graph is dropped and the new one inserted in the same transaction ("replaced").

A document comes as an rdflib graph (as ``graph.store.rdf.document_graph`` makes it) or, on the build's
path, as N-Triples terms made straight from its extraction record (``graph.store.ntriples``: the same
triples, without rdflib's cost); what is written is its own triples and its records of the shared
triples it states (``ag:states``, one quad each) in its named graph, and its shared triples and their
statement nodes in the derived graph (``graph.store.derived``), each once.
``DocumentWriter`` does that for a stream of documents in batches - one atomic bulk load per batch on
Oxigraph - and can check each batch (the documents as they were given, shared triples and all) before
it is written.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef

from . import derived, summary
from .derived import DERIVED_GRAPH
from .ntriples import DocumentTriples, source_triple
from ..errors import StoreError
from ..namespaces import ONTOLOGY_GRAPH
from .store import (
    ADDED, DEFAULT_BATCH_TRIPLES, LOAD_THREADS, REPLACED, UNCHANGED, Store, _document_triples, _documents_from,
    _graph_triples, _has_document, _http_update, _iri, _one_line, _select, _term, _writable,
)

__all__ = ["MAX_BULK_QUADS", "WORST_LINES", "CHECK_LINES", "REMOTE_TRIPLES", "REMOTE_BATCH", "put_document", "layout",
    "known_triples", "replace_update", "replace_updates", "graph_update", "graph_updates", "put_documents",
    "DocumentWriter", "as_text", "put_graph", "unseen", "load_graph", "refresh_derived", "run_update", "drop_graph",
    "drop_document"]

MAX_BULK_QUADS = 999_999  # Oxigraph splits a bulk load at 1,000,000 quads; below that a load is one atomic ingestion
WORST_LINES = 6  # lines a triple may take: its record (1), its statement node (4) and a derived copy (1)
REMOTE_TRIPLES = 1000  # triples per update request to a remote endpoint (Virtuoso's parser runs out of memory
# on one INSERT DATA of the 23,000-triple ontology graph); readers refuse the store until its generation ends
REMOTE_BATCH = 50  # documents checked together before they are sent to a remote endpoint one update each
CHECK_LINES = 50_000  # N-Triples lines checked at a time, while the batch they belong to is still filling
_STATES = _iri(derived.STATES)
Check = Callable[[bytes], None]  # called with a batch's documents as N-Triples; raises to refuse them


# ---------------------------------------------------------------- one document at a time


def put_document(store: Store, doc_iri: str | URIRef, graph: Graph, source_key: str | None) -> str:
    """Write one document's graph as its own named graph, in one transaction.

    Returns ``"unchanged"`` (a graph with this IRI is already stored: same content hash, nothing
    written), ``"added"``, or ``"replaced"`` (documents with the same ``source_key`` but another hash
    were dropped in the same transaction). ``source_key`` is the ``ag:sourcePath`` (path or URL); it is
    added to the graph if missing, so the next version of the file can find and replace this one.
    """
    doc = URIRef(str(doc_iri))
    _writable(store)
    if _has_document(store, doc):
        return UNCHANGED
    old = [d for d in _documents_from(store, source_key) if d != doc] if source_key else []
    own, shared = layout(doc, _document_triples(graph, doc, source_key), known_triples(store))
    if store.ox is not None:
        try:
            store.ox.update(replace_update(doc, own, shared, old))
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot write {doc}: {_one_line(str(exc))}") from None
    else:
        for update in replace_updates(doc, own, shared, [*old, doc]):
            _http_update(store, update)
    return REPLACED if old else ADDED


def layout(doc: URIRef, triples: list[tuple], known: set[str]) -> tuple[list[tuple], list[tuple]]:
    """(triples for the document's graph, shared triples for the derived graph): see ``graph.store.derived``."""
    d = str(doc)
    implied = derived.implied(d, triples)
    own: list[tuple] = []
    shared: list[tuple] = []
    for s, p, o in triples:
        if derived.is_own(d, s, o):
            own.append((s, p, o))
            continue
        spo = f"{_term(s)} {_term(p)} {_term(o)}"
        if spo in known:
            continue
        shared.append((s, p, o))
        if (s, p, o) not in implied:
            node = derived.statement_iri(spo)
            own.append((doc, derived.STATES, node))
            shared += derived.statement(node, s, p, o)
    return own, shared


def known_triples(store: Store) -> set[str]:
    """The ontology graph's triples in N-Triples form: a document need not repeat them (read once per
    store; ``put_graph`` of the ontology graph forgets them)."""
    cached = getattr(store, "_known", None)
    if cached is None:
        rows = _select(store, f"SELECT ?s ?p ?o WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }}", typed=True)
        cached = {f"{_term(r['s'])} {_term(r['p'])} {_term(r['o'])}" for r in rows
                  if not isinstance(r.get("s"), BNode) and not isinstance(r.get("o"), BNode) and len(r) == 3}
        store._known = cached
    return cached


def replace_update(name: URIRef, own: list[tuple], shared: list[tuple], drop: Iterable[URIRef]) -> str:
    """One SPARQL update request (atomic on Oxigraph): the dropped graphs' support leaves the derived
    graph, the graphs go, then the new graph and its shared triples are inserted."""
    dropped = list(dict.fromkeys(drop))
    parts = [summary.stale_update()]  # the summaries no longer hold (graph.store.summary)
    if dropped:
        parts.append(derived.underive_update([_iri(d) for d in dropped]))
        parts += [f"DROP SILENT GRAPH {_iri(d)}" for d in dropped]
    if own:
        parts.append(f"INSERT DATA {{ GRAPH {_iri(name)} {{\n{_lines(own)}}} }}")
    if shared:
        parts.append(f"INSERT DATA {{ GRAPH {_iri(DERIVED_GRAPH)} {{\n{_lines(shared)}}} }}")
    return " ;\n".join(parts)


def replace_updates(name: URIRef, own: list[tuple], shared: list[tuple], drop: Iterable[URIRef],
                    size: int = REMOTE_TRIPLES) -> list[str]:
    """``replace_update`` as requests of at most ``size`` triples each, for a remote endpoint."""
    dropped = list(dict.fromkeys(drop))
    first = [summary.stale_update(), derived.underive_update([_iri(d) for d in dropped])]
    first += [f"DROP SILENT GRAPH {_iri(d)}" for d in dropped]
    return [" ;\n".join(first)] + _inserts(name, own, size) + _inserts(DERIVED_GRAPH, shared, size)


def graph_update(name: URIRef, triples: list[tuple]) -> str:
    """Replace a whole non-document graph (ontology, analysis, meta, sources) in one update."""
    parts = [f"DROP SILENT GRAPH {_iri(name)}"]
    if triples:
        parts.append(f"INSERT DATA {{ GRAPH {_iri(name)} {{\n{_lines(triples)}}} }}")
    return " ;\n".join(parts)


def graph_updates(name: URIRef, triples: list[tuple], size: int = REMOTE_TRIPLES) -> list[str]:
    """``graph_update`` as requests of at most ``size`` triples each, for a remote endpoint."""
    return [f"DROP SILENT GRAPH {_iri(name)}"] + _inserts(name, triples, size)


def _inserts(name: URIRef, triples: list[tuple], size: int) -> list[str]:
    return [f"INSERT DATA {{ GRAPH {_iri(name)} {{\n{_lines(triples[i:i + size])}}} }}"
            for i in range(0, len(triples), size)]


def _lines(triples: Iterable[tuple]) -> str:
    return "".join(f"{_term(s)} {_term(p)} {_term(o)} .\n" for s, p, o in triples)


# ---------------------------------------------------------------- many documents


def put_documents(store: Store, items: Iterable[tuple[str | URIRef, Graph, str | None]],
                  batch_triples: int = DEFAULT_BATCH_TRIPLES, threads: int = LOAD_THREADS,
                  check: Check | None = None) -> dict[URIRef, str]:
    """``put_document`` for many documents, fast: new documents are written in batches.

    On an Oxigraph directory each batch of whole documents is one ``bulk_load`` (one atomic RocksDB
    ingestion of sorted files, several times faster than a transaction per document); up to
    ``threads`` batches load at once while the next one is serialised (pyoxigraph releases the GIL).
    Replacements still go one at a time as a DROP + INSERT update, after the loads in flight. Either
    way a document is completely in the store or not at all. ``check`` sees each batch before it is
    written. Returns ``{document IRI: "added" | "unchanged" | "replaced"}``.
    """
    with DocumentWriter(store, batch_triples=batch_triples, threads=threads, check=check) as writer:
        for doc_iri, graph, key in items:
            writer.put(URIRef(str(doc_iri)), graph, key)
    return writer.results


class DocumentWriter:
    """Documents written as they come, a batch at a time (see ``put_documents``), for a caller that
    produces them in a stream: ``with DocumentWriter(st) as w: w.put(doc, graph, key)``.

    A shared triple (and its statement node) is written to the derived graph once, not once per
    document: it is left out when the batch being built already has it, or when a load that *completed*
    wrote it (so it is durably there). A replacement can delete derived triples, so it first writes the pending batch,
    waits for every load and forgets what was written."""

    def __init__(self, store: Store, *, batch_triples: int = DEFAULT_BATCH_TRIPLES, threads: int = LOAD_THREADS,
                 check: Check | None = None) -> None:
        _writable(store)
        self.store, self.inner, self.check = store, store.ox, check
        self.results: dict[URIRef, str] = {}
        self.known = known_triples(store)
        self.batch_lines = max(2, min(batch_triples, MAX_BULK_QUADS))
        self.threads = max(1, threads)
        self.pool = ThreadPoolExecutor(max_workers=self.threads, thread_name_prefix="bulk-load") if self.inner is not None else None
        self.inflight: deque = deque()  # (future, source keys, shared triples and nodes) per load
        self._reset()
        self.written: set[str] = set()  # shared triples and statement nodes that completed loads wrote
        self.summaries_stale = False

    def _reset(self) -> None:
        self.lines: list[str] = []  # the pending batch: N-Quads lines
        self.plain: list[str] = []  # the pending batch's documents not checked yet, as given (N-Triples)
        self.unchecked = 0  # their lines
        self.docs: dict[URIRef, tuple] = {}  # pending documents (graph and key, kept for a remote store)
        self.keys: set[str] = set()
        self.shared: set[str] = set()  # shared triples and statement nodes in the pending batch

    def __enter__(self) -> DocumentWriter:
        return self

    def __exit__(self, exc_type, *exc: object) -> None:  # noqa: ANN001
        try:
            if exc_type is None:
                self.flush()
                self.wait()
            else:  # let the loads in flight end (they cannot be stopped); the error being raised wins
                for future, _keys, _shared in self.inflight:
                    future.exception()
        finally:
            if self.pool is not None:
                self.pool.shutdown(wait=True)

    def put(self, doc: URIRef, graph: Graph, key: str | None) -> None:
        """Add one document given as an rdflib graph (written with its batch); its status lands in ``results``."""
        if doc in self.results or doc in self.docs:
            self.results.setdefault(doc, UNCHANGED)
            return
        self.put_triples(doc, as_text(doc, _graph_triples(graph)), key, lambda: graph)

    def put_triples(self, doc: URIRef, found: DocumentTriples, key: str | None, graph: Callable[[], Graph]) -> None:
        """Add one document given as N-Triples terms (``graph.store.ntriples``); ``graph`` makes its rdflib
        graph, which only a replacement, an oversized document or a remote store needs."""
        if doc in self.results or doc in self.docs:
            self.results.setdefault(doc, UNCHANGED)
            return
        if key and (key in self.keys or any(key in keys for _f, keys, _s in self.inflight)):
            self.flush()  # an earlier version of this file is being written: finish it, then replace it
            self.wait()
        if _has_document(self.store, doc):
            self.results[doc] = UNCHANGED
            return
        if key:
            found.add(*source_triple(found.doc, key))
        if self.inner is None or (key and any(d != doc for d in _documents_from(self.store, key))):
            self._put_alone(doc, graph(), key, found)
            return
        size = WORST_LINES * len(found.triples)
        if len(self.lines) + size > MAX_BULK_QUADS:
            self.flush()
        if size > MAX_BULK_QUADS:  # perhaps too big for one atomic bulk load: one transaction
            self._check(_plain(found))
            self.results[doc] = put_document(self.store, doc, graph(), key)
            return
        self._serialise(found)
        self.docs[doc] = ()
        if key:
            self.keys.add(key)
        if len(self.lines) >= self.batch_lines:
            self.flush()
        elif self.unchecked >= CHECK_LINES:
            self._check_pending()

    def _put_alone(self, doc: URIRef, graph: Graph, key: str | None, found: DocumentTriples) -> None:
        """A replacement (DROP + INSERT) or a document for a remote store: one update each, after the
        pending batch; a remote store's documents are checked in batches of ``REMOTE_BATCH``."""
        if self.inner is not None:
            self.flush()
            self.wait()
            self.written.clear()  # the replacement may delete derived triples
            self._check(_plain(found))
            self.results[doc] = put_document(self.store, doc, graph, key)
            return
        self.docs[doc] = (graph, key)
        if self.check is not None:
            self.plain.append(_plain(found))
        if len(self.docs) >= REMOTE_BATCH:
            self.flush()

    def _serialise(self, found: DocumentTriples) -> None:
        """The document's lines into the pending batch, in the layout of ``graph.store.derived``."""
        d = found.doc
        prefix = d[:-1] + "/"
        graph_end = f" {d} .\n"
        derived_end = f" {_iri(DERIVED_GRAPH)} .\n"
        implied, lines, shared, written, known = found.implied, self.lines, self.shared, self.written, self.known
        states = _STATES
        plain = [] if self.check is not None else None
        for s, p, o in found.triples:
            spo = f"{s} {p} {o}"
            if plain is not None:
                plain.append(spo)
            # own: about the document or what lies under it, or with a blank node
            if s == d or s.startswith(prefix) or s.startswith("_:") or o.startswith("_:"):
                lines.append(spo + graph_end)
                continue
            if spo in known:
                continue
            if spo not in implied:  # the document's record; the statement node once, beside the triple
                node, quads = derived.statement_lines(spo, s, p, o)
                lines.append(f"{d} {states} {node}{graph_end}")
                if node not in shared and node not in written:
                    shared.add(node)
                    lines.extend(line + derived_end for line in quads)
            if spo not in shared and spo not in written:
                shared.add(spo)
                lines.append(spo + derived_end)
        if plain is not None:
            plain.append("")
            self.plain.append(" .\n".join(plain))
            self.unchecked += len(plain)

    def _check(self, text: str) -> None:
        if self.check is not None and text:
            self.check(text.encode("utf-8"))

    def _check_pending(self) -> None:
        """Check the documents of the pending batch not checked yet. Why not the whole batch at once
        when it is written: a batch is up to 400,000 lines, and the last one was checked after the
        last document was extracted - ~3 s at 10,000 short documents that nothing overlapped. Checked
        ``CHECK_LINES`` at a time, they are checked while the workers extract the next documents, for
        the same work in all (measured: 3.0-3.2 s for 6,000 documents in chunks of 250 to 6,000).
        Each document carries its actors' descriptions, so a chunk is checked as its batch would be."""
        self._check("".join(self.plain))
        self.plain, self.unchecked = [], 0

    def flush(self) -> None:
        """Check the pending batch, then start writing it (after the oldest load, if ``threads`` are busy)."""
        if not self.docs:
            return
        self._check_pending()
        docs, pending = list(self.docs), self.docs
        if self.inner is None:
            self._reset()
            for doc in docs:
                graph, key = pending[doc]
                self.results[doc] = put_document(self.store, doc, graph, key)
            return
        while len(self.inflight) >= self.threads:
            self._finish_oldest()
        if not self.summaries_stale:  # before the first load: the summaries no longer hold
            run_update(self.store, summary.stale_update(), "cannot mark the summaries stale")
            self.summaries_stale = True
        data = "".join(self.lines).encode("utf-8")
        future = self.pool.submit(self._load, data, docs)
        self.inflight.append((future, self.keys, self.shared))
        for d in docs:
            self.results[d] = ADDED
        self._reset()

    def wait(self) -> None:
        """Wait for every load in flight (re-raising the first failure after all have ended)."""
        error: BaseException | None = None
        while self.inflight:
            try:
                self._finish_oldest()
            except BaseException as exc:  # noqa: BLE001 - re-raised below, once the others are done
                error = error or exc
        if error is not None:
            raise error

    def _finish_oldest(self) -> None:
        future, _keys, shared = self.inflight.popleft()
        future.result()
        self.written |= shared

    def _load(self, data: bytes, docs: list[URIRef]) -> None:
        try:
            self.inner.bulk_load(input=data, format=ox.RdfFormat.N_QUADS)
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot write documents {docs[0]}...: {_one_line(str(exc))}") from None


def as_text(doc: URIRef, triples: list[tuple]) -> DocumentTriples:
    """A document's rdflib triples as N-Triples terms, with the direct triples its claims imply."""
    found = DocumentTriples(_iri(doc))
    for s, p, o in triples:
        found.add(_term(s), _term(p), _term(o))
    found.implied = {f"{_term(s)} {_term(p)} {_term(o)}" for s, p, o in derived.implied(str(doc), triples)}
    return found


def _plain(found: DocumentTriples) -> str:
    return "".join(f"{s} {p} {o} .\n" for s, p, o in found.triples)


# ---------------------------------------------------------------- whole graphs


def put_graph(store: Store, graph_iri: str | URIRef, graph: Graph) -> None:
    """Replace a whole named graph (the ontology graph, the analysis graph) in one transaction. A new
    ontology graph also recomputes the derived graph (which leaves out what the ontology holds)."""
    _writable(store)
    name = URIRef(str(graph_iri))
    triples = list(graph.triples((None, None, None)))
    if store.ox is not None and _same_graph(store.ox, name, triples):
        return  # rewriting an unchanged ontology graph on every build would cost seconds
    refresh = [derived.refresh_update()] if name == ONTOLOGY_GRAPH else []
    if name == ONTOLOGY_GRAPH:
        store._known = None
    if unseen(store):
        load_graph(store, name, triples, f"cannot write graph {name}")
        for update in refresh:
            run_update(store, update, f"cannot write graph {name}")
    elif store.ox is not None:
        run_update(store, " ;\n".join([graph_update(name, triples), *refresh]), f"cannot write graph {name}")
    else:
        for update in graph_updates(name, triples) + refresh:
            run_update(store, update, f"cannot write graph {name}")


def unseen(store: Store) -> bool:
    """Is ``store`` a local generation being written (``graph.store.generation.writing``)? No reader
    opens it before it is committed and swapped in whole, so a graph may be replaced there in two
    steps (``load_graph``) rather than in one SPARQL update."""
    return store.ox is not None and store.generation is not None and not store.committed


def load_graph(store: Store, name: URIRef | str, triples: list[tuple], what: str) -> None:
    """Replace graph ``name`` of a local store: dropped, then ``triples`` loaded by Oxigraph's N-Triples
    parser. Why not ``graph_update``'s INSERT DATA: its SPARQL parser is the slow part of writing a
    whole graph - 1.6 s for the ~44,000 triples of the analysis at 10,000 short documents, against
    ~0.1 s loaded (measured). Two transactions: only for a store no one reads yet (``unseen``)."""
    try:
        store.ox.update(f"DROP SILENT GRAPH {_iri(name)}")
        if triples:
            store.ox.load(input=_lines(triples), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(name)))
    except (OSError, SyntaxError, ValueError, RuntimeError) as exc:
        raise StoreError(f"{what}: {_one_line(str(exc))}") from None


def refresh_derived(store: Store) -> None:
    """Recompute the derived graph from every document (see ``graph.store.derived``), then the dyad
    summaries the saved listings' pages read (``graph.store.summary``)."""
    _writable(store)
    run_update(store, derived.refresh_update(), "cannot recompute the derived graph")
    summary.refresh_summaries(store)


def run_update(store: Store, update: str, what: str) -> None:
    if store.ox is not None:
        try:
            store.ox.update(update)
        except (OSError, SyntaxError, ValueError, RuntimeError) as exc:
            raise StoreError(f"{what}: {_one_line(str(exc))}") from None
    else:
        _http_update(store, update)


def _same_graph(inner: ox.Store, name: URIRef, triples: list[tuple]) -> bool:
    """Does the stored graph ``name`` hold exactly ``triples``? Both sides are read back from Oxigraph
    (the new ones through a scratch in-memory store), so that its canonical forms ("7.0" is stored as
    "7") compare equal; any other difference only means a rewrite."""
    graph = ox.NamedNode(name)
    stored = {f"{q.subject} {q.predicate} {q.object}" for q in inner.quads_for_pattern(None, None, None, graph)}
    if len(stored) != len(set(triples)):
        return False
    scratch = ox.Store()
    scratch.load(input=_lines(triples), format=ox.RdfFormat.N_TRIPLES)
    return stored == {f"{q.subject} {q.predicate} {q.object}" for q in scratch.quads_for_pattern(None, None, None, None)}


def drop_graph(store: Store, graph_iri: str | URIRef) -> None:
    """Remove one named graph (e.g. a document whose source file was deleted), and from the derived
    graph what only it supported."""
    _writable(store)
    name = URIRef(str(graph_iri))
    run_update(store, replace_update(name, [], [], [name]), f"cannot drop graph {name}")


def drop_document(store: Store, doc_iri: str | URIRef) -> None:
    """Remove a document (its named graph), e.g. when its source file left the corpus."""
    drop_graph(store, doc_iri)
