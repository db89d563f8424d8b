"""One generation of a store: written whole, recognised, and checked by its readers.

A build or an ingest writes documents, the ontology graph and the analysis graph. Written one after
the other into the live store, an interruption left documents without their analysis (``brokers``: 0
rows where graph.ttl had 5) or an analysis of the documents before the ingest, and ``validate`` still
said the store conformed. Now:

* ``writing(spec)`` gives the writer a store to write a new generation into. For a directory that is a
  private copy of the store (``graph.store.directory``), swapped in whole when the writer is done, so that an
  interruption leaves the previous generation untouched. For a remote endpoint (which has no copy) it
  puts a *pending* marker in the meta graph first.
* ``commit(store, analysis)`` ends every generation: the analysis graph and the meta graph (the
  generation id, and a hash of the set of documents the analysis was computed over) in one update
  request - one transaction - which also clears a pending marker.
* ``check_readable`` (run by ``graph.store.open_source``) refuses a store with a pending marker (an
  interrupted remote writer) or whose data does not hold the generation its state file names (damage:
  RocksDB opens an *older* state after a truncated MANIFEST, silently).
* ``problems`` (run by ``actorgraph validate``) adds what SHACL cannot see: a missing analysis graph,
  an analysis computed over another set of documents (stale), no generation record at all.

The meta graph (``https://w3id.org/actorgraph/graph/meta``), also written into graph.ttl/graph.trig::

    <…/graph/meta> ag:generation "20261206T090000Z-1a2b3c4d" ;
        ag:documentSet "<sha256 of the sorted document IRIs>" ; ag:documentCount 2 .
"""
from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal

from . import directory as storedir
from . import store as store_mod
from ..errors import StoreError
from ..namespaces import AG, ANALYSIS_GRAPH, GRAPHS

__all__ = ["META_GRAPH", "Record", "documents_hash", "meta_graph", "record", "document_iris", "has_analysis",
    "claimed", "writing", "checkpoint", "commit", "committed_generation", "check_readable", "problems"]

META_GRAPH = GRAPHS["meta"]


@dataclass(frozen=True)
class Record:
    """What the meta graph says: the committed generation, a pending one, the analysed document set."""

    generation: str | None = None
    pending: str | None = None
    documents_hash: str | None = None
    document_count: int | None = None


def documents_hash(iris: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(set(map(str, iris)))).encode("utf-8")).hexdigest()


def meta_graph(generation: str, document_iris: Iterable[str]) -> Graph:
    """The meta graph of a generation whose analysis covers ``document_iris``."""
    iris = sorted(set(map(str, document_iris)))
    g = Graph(identifier=META_GRAPH)
    g.add((META_GRAPH, AG.generation, Literal(generation)))
    g.add((META_GRAPH, AG.documentSet, Literal(documents_hash(iris))))
    g.add((META_GRAPH, AG.documentCount, Literal(len(iris))))
    return g


def record(store: store_mod.Store) -> Record:
    """The meta graph's record (from the union of the graphs: a store, or a graph file)."""
    rows = store_mod._select(store, f"SELECT ?p ?o WHERE {{ <{META_GRAPH}> ?p ?o }}")
    values = {r["p"]: r["o"] for r in rows if "o" in r}
    count = values.get(str(AG.documentCount))
    return Record(values.get(str(AG.generation)), values.get(str(AG.pendingGeneration)),
                  values.get(str(AG.documentSet)), int(count) if count is not None and count.isdigit() else None)


def document_iris(store: store_mod.Store) -> list[str]:
    rows = store_mod._select(store, f"SELECT DISTINCT ?d WHERE {{ ?d a <{AG.Document}> }}")
    return sorted(r["d"] for r in rows)


def has_analysis(store: store_mod.Store) -> bool:
    return bool(store_mod._select(store, f"SELECT ?s WHERE {{ ?s a <{AG.AnalysisSummary}> }} LIMIT 1"))


# ---------------------------------------------------------------- writing


@contextmanager
def claimed(spec: str | None, wait: float = storedir.DEFAULT_WAIT) -> Iterator[None]:
    """The writer's turn on a store directory, claimed *before* the work that will be written (the
    extraction): a second build or ingest waits up to ``wait`` seconds before its work, instead of
    failing after it. Nothing to claim for a remote endpoint or no store."""
    if spec is None or "://" in spec:
        yield
        return
    path = Path(spec)
    store_mod.prepare_directory(path)  # a file where the store should be is refused before the work
    with storedir.writer_lock(path, wait):
        yield


@contextmanager
def writing(spec: str, *, generation: str | None = None, wait: float = storedir.DEFAULT_WAIT,
            fresh_if_damaged: bool = False, claimed: bool = False, empty: bool = False) -> Iterator[store_mod.Store]:
    """A store to write one new generation of ``spec`` into; the caller ends with ``commit``.

    ``fresh_if_damaged``: a store that cannot be read starts over empty (``build`` rewrites every
    document anyway) instead of failing (``ingest`` would silently lose the documents it cannot see).
    ``claimed``: the caller holds the writer's turn already (``claimed(spec)``).
    ``empty``: a local store's new generation starts empty instead of from a copy of the live one
    (``build`` writes the whole corpus: a copy would keep graphs an earlier version wrote)."""
    generation = generation or storedir.new_generation()
    if spec.startswith(("sparql+http://", "sparql+https://")):
        with _writing_remote(spec, generation) as st:
            yield st
        return
    if "://" in spec:
        raise StoreError(f"unsupported store {spec!r}: give a directory or a sparql+http(s):// URL")
    with _writing_local(Path(spec), generation, wait, fresh_if_damaged, claimed, empty) as st:
        yield st


@contextmanager
def _writing_remote(spec: str, generation: str) -> Iterator[store_mod.Store]:
    st = store_mod.open_store(spec)
    try:
        st.generation = generation
        marker = f"<{META_GRAPH}> <{AG.pendingGeneration}> \"{generation}\""
        store_mod._http_update(st, f"INSERT DATA {{ GRAPH <{META_GRAPH}> {{ {marker} }} }}")
        if not store_mod._http_ask(st, f"ASK {{ {marker} }}"):  # the endpoint's default graph is not the union
            store_mod._http_update(st, f"DELETE DATA {{ GRAPH <{META_GRAPH}> {{ {marker} }} }}")
            raise StoreError(store_mod.not_union(st.query_url))
        yield st
        _require_commit(st)
    finally:
        st.close()


@contextmanager
def _writing_local(path: Path, generation: str, wait: float, fresh_if_damaged: bool,
                   claimed: bool, empty: bool = False) -> Iterator[store_mod.Store]:
    store_mod.prepare_directory(path)
    with nullcontext() if claimed else storedir.writer_lock(path, wait):
        copy = storedir.copy_path(path, generation)
        st = None
        try:
            if not empty:
                _start_copy(path, copy, fresh_if_damaged, wait)
            inner = store_mod.open_directory(copy, read_only=False)
            st = store_mod.Store(spec=str(path), kind="oxigraph", dataset=store_mod._rdflib_dataset(inner), ox=inner,
                                 path=copy, generation=generation)
            del inner  # st.close() must drop the last reference, or RocksDB stays open under rmtree
            yield st
            _require_commit(st)
            st.close()
            storedir.write_state(copy, generation, complete=True)
            storedir.swap_in(path, copy, wait)
        except BaseException:
            if st is not None:
                st.close()
            storedir.remove_tree(copy)
            raise


def _start_copy(path: Path, copy: Path, fresh_if_damaged: bool, wait: float) -> None:
    """Checkpoint the live store into ``copy``, or leave ``copy`` to be created empty when there is
    no store yet (or a damaged one, with ``fresh_if_damaged``)."""
    if not path.exists() or (path.is_dir() and not any(path.iterdir())):
        return
    checkpoint(path, copy, wait, allow_damaged=fresh_if_damaged)


def checkpoint(path: Path, target: Path, wait: float = storedir.READ_WAIT, *, allow_damaged: bool = False) -> bool:
    """A checkpoint of the store ``path`` in ``target`` (hard links: cheap); False (nothing written)
    if the store is damaged and ``allow_damaged``, else a one-line ``StoreError``.

    A store that a generation swap put in place was closed cleanly: a checkpoint of a read-only
    opening, beside its readers, is complete. Any other store (written in place, perhaps by a writer
    killed before it flushed) is checkpointed from a read-write opening under the exclusive lock:
    one taken read-only leaves out what is only in RocksDB's log - measured, not assumed."""
    if not (path / "CURRENT").exists():
        raise StoreError(f"{path}: exists and is not a store directory; name another --store or remove it")
    clean = (storedir.read_state(path) or {}).get("complete") is True
    lock = storedir.shared(path, wait) if clean else storedir.exclusive(path, wait, "it is being read (waiting to copy it)")
    live = None
    try:
        try:
            inner = store_mod.open_directory(path, read_only=clean)
            live = store_mod.Store(spec=str(path), kind="oxigraph", dataset=store_mod._rdflib_dataset(inner),
                                   ox=inner, path=path, read_only=clean)
            check_readable(live)
        except StoreError:
            if allow_damaged:
                return False
            raise
        try:
            live.ox.backup(str(target))
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"cannot copy store {path}: {store_mod._one_line(str(exc))}") from None
        return True
    finally:
        if live is not None:
            live.close()
        lock.release()


def _require_commit(st: store_mod.Store) -> None:
    if not st.committed:
        raise StoreError(f"store {st.spec}: the new generation was not committed (a bug: commit() was not called)")


def commit(st: store_mod.Store, analysis: Graph) -> None:
    """End the generation being written: the analysis graph and the meta graph (with the hash of the
    document set the analysis covers), and no pending marker - in one update request (one transaction)
    where readers could see the store between two (a remote one); loaded, the meta graph last, into a
    local generation, which no one reads until it is swapped in (``graph.store.write.load_graph``)."""
    if st.generation is None:
        raise StoreError(f"store {st.spec}: commit() outside writing()")
    from .write import graph_update, graph_updates, load_graph, unseen

    meta = meta_graph(st.generation, document_iris(st))
    results, record_ = list(analysis.triples((None, None, None))), list(meta.triples((None, None, None)))
    if unseen(st):  # a local generation no one reads before it is swapped in: the meta graph last
        load_graph(st, ANALYSIS_GRAPH, results, f"cannot write the analysis of {st.spec}")
        load_graph(st, META_GRAPH, record_, f"cannot write the analysis of {st.spec}")
    elif st.ox is not None:
        try:
            st.ox.update(" ;\n".join((graph_update(ANALYSIS_GRAPH, results), graph_update(META_GRAPH, record_))))
        except (OSError, SyntaxError, ValueError, RuntimeError) as exc:
            raise StoreError(f"cannot write the analysis of {st.spec}: {store_mod._one_line(str(exc))}") from None
    else:  # in pieces an endpoint can parse; the meta graph last, which ends the pending marker
        for update in graph_updates(ANALYSIS_GRAPH, results) + [graph_update(META_GRAPH, record_)]:
            store_mod._http_update(st, update)
    st.committed = True


def committed_generation(spec: str | None) -> str | None:
    """The generation a store last completed, without opening a local one (its state file)."""
    if spec is None:
        return None
    if "://" not in spec:
        state = storedir.read_state(Path(spec)) or {}
        return state.get("generation") if state.get("complete") else None
    try:
        with store_mod.open_store(spec) as st:
            rec = record(st)
    except StoreError:
        return None
    return None if rec.pending else rec.generation


# ---------------------------------------------------------------- reading


def check_readable(st: store_mod.Store) -> None:
    """``StoreError`` for a store its readers must not trust (see the module docstring)."""
    if st.kind == "memory":
        return
    rec = record(st)
    if rec.pending:
        raise StoreError(f"store {st.spec} was left incomplete by an interrupted build or ingest (generation "
                         f"{rec.pending}); run the build or ingest again to finish it")
    state = storedir.read_state(st.path) if st.kind == "oxigraph" and st.path is not None else None
    if state and state.get("complete") and state.get("generation") != rec.generation:
        raise StoreError(
            f"store {st.spec} is damaged: it does not hold the data last written to it (generation "
            f"{state.get('generation')}; it holds {rec.generation or 'no generation'}: a truncated MANIFEST, or "
            "an older copy put in its place?); delete the folder and run actorgraph build to write it again")


def problems(st: store_mod.Store) -> list[tuple[str, str]]:
    """(severity, message) for ``validate``: what makes the store or graph file inconsistent."""
    try:
        check_readable(st)
    except StoreError as exc:
        return [("Violation", str(exc))]
    iris = document_iris(st)
    if not iris:
        return []
    rec = record(st)
    analysed = has_analysis(st)
    if rec.generation is None:  # not written by a build of this version: hand-made data, or older
        return [] if not analysed else [(
            "Warning", "no generation record (written by an older actorgraph?): whether the analysis graph "
                       "covers these documents cannot be told; a build records one")]
    if not analysed:
        return [("Violation", "no analysis graph: the documents were written but not their analysis (an "
                              "interrupted build or ingest?); run actorgraph build or ingest again")]
    if rec.documents_hash != documents_hash(iris):
        return [("Violation", f"the analysis graph is stale: it was computed over another set of documents "
                              f"({rec.document_count} then, {len(iris)} now: an interrupted ingest, or documents "
                              "written by hand?); run actorgraph ingest or build again")]
    return []
