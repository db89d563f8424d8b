"""The persistent store: one named graph per document, idempotent, replace-on-change, crash-safe."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import engines
import pytest
from rdflib import RDF, RDFS, BNode, Dataset, Graph, Literal, URIRef

from graph.errors import QueryError, StoreError
from graph.store.query import saved_queries, with_bindings
from graph.namespaces import AG, ANALYSIS_GRAPH, DOC, ONTOLOGY_GRAPH
import graph.store.store as store_mod
from graph.store.store import (
    documents, drop_document, endpoints, load_file, open_source, open_store, put_document, put_documents,
    put_graph, query, store_size, union_graph,
)

ROOT = Path(__file__).resolve().parent.parent
LOOP = Path(__file__).parent / "data" / "store" / "ingest_loop.py"
COUNT = URIRef("urn:test:count")


def doc_graph(name: str, source: str, n: int = 3, text: str = "line") -> tuple[URIRef, Graph]:
    doc = DOC[name]
    g = Graph()
    g.add((doc, RDF.type, AG.Document))
    g.add((doc, AG.sourcePath, Literal(source)))
    g.add((doc, AG.sha256, Literal(name * 4)))
    for k in range(n):
        g.add((DOC[f"{name}/s{k}"], AG.text, Literal(f'{text} {k}\n"quoted" \\ é <b>')))
    return doc, g


def graph_names(st) -> set[str]:
    return {str(r.iri) for r in documents(st)}


def check_semantics(st) -> None:
    d1, g1 = doc_graph("aaaa", "seeds/a.txt", 3)
    assert put_document(st, d1, g1, "seeds/a.txt") == "added"
    assert put_document(st, d1, g1, "seeds/a.txt") == "unchanged"
    assert graph_names(st) == {str(d1)}
    d2, g2 = doc_graph("bbbb", "seeds/a.txt", 5, text="changed")  # same file, new content
    assert put_document(st, d2, g2, "seeds/a.txt") == "replaced"
    assert graph_names(st) == {str(d2)}
    d3, g3 = doc_graph("cccc", "seeds/c.txt", 2)
    assert put_document(st, d3, g3, "seeds/c.txt") == "added"
    recs = {str(r.iri): r for r in documents(st)}
    assert recs[str(d2)].source_path == "seeds/a.txt" and recs[str(d2)].sha256 == "bbbb" * 4
    rows = list(query(st, "SELECT ?t WHERE { ?s ag:text ?t }"))  # no GRAPH: the union
    assert len(rows) == 7 and any("changed 0" in str(r[0]) for r in rows)
    assert all("line" not in str(r[0]) or "changed" not in str(r[0]) for r in rows)
    texts = {str(o) for o in union_graph(st).objects(None, AG.text)}
    assert '"quoted" \\ é <b>' in next(iter(texts)) and len(texts) == 7


def test_add_unchanged_replaced(tmp_path):
    with open_store(tmp_path / "store") as st:
        check_semantics(st)


def shared_doc(name: str, source: str, extra: str) -> tuple[URIRef, Graph]:
    """A document that, like real ones, repeats triples other documents also hold (actor labels)."""
    doc, g = doc_graph(name, source, 1)
    g.add((AG.USA, RDFS.label, Literal("United States")))
    g.add((AG.USA, AG.pressures, AG.ISR))
    g.add((AG[extra], RDFS.label, Literal(extra)))
    return doc, g


def check_each_triple_once(st) -> None:
    before = store_size(st)
    put_document(st, *shared_doc("s1", "one.txt", "ONLY1"), "one.txt")
    put_document(st, *shared_doc("s2", "two.txt", "ONLY2"), "two.txt")
    labels = list(query(st, "SELECT ?l WHERE { ag:USA rdfs:label ?l }"))
    assert len(labels) == 1  # held by two graphs, seen once
    assert int(list(query(st, "SELECT (COUNT(*) AS ?n) WHERE { ?s ag:pressures ?o }"))[0][0]) == 1
    put_document(st, *shared_doc("s3", "one.txt", "ONLY3"), "one.txt")  # replaces s1
    rows = {str(r[0]) for r in query(st, "SELECT ?l WHERE { ?a rdfs:label ?l }")}
    assert rows == {"United States", "ONLY2", "ONLY3"}  # s1's own triple left, the shared one stayed
    drop_document(st, DOC["s2"])
    drop_document(st, DOC["s3"])
    assert list(query(st, "SELECT ?l WHERE { ?a rdfs:label ?l }")) == []
    assert store_size(st) == before == len(union_graph(st))


def test_default_graph_holds_each_triple_once(tmp_path):
    with open_store(tmp_path / "store") as st:
        check_each_triple_once(st)


def test_persistence_across_reopen(tmp_path):
    path = tmp_path / "store"
    with open_store(path) as st:
        d, g = doc_graph("dddd", "x.txt", 4)
        put_document(st, d, g, "x.txt")
        n = store_size(st)
    with open_store(path) as st:
        assert graph_names(st) == {str(d)}
        assert store_size(st) == n
        assert put_document(st, d, g, "x.txt") == "unchanged"
        assert store_size(st) == n


def test_put_documents_batches_and_statuses(tmp_path):
    with open_store(tmp_path / "store") as st:
        d0, g0 = doc_graph("d000", "s0")
        put_document(st, d0, g0, "s0")
        items = [(*doc_graph(f"n{i:03d}", f"s{i}", 6), f"s{i}") for i in range(1, 30)]
        items.append((d0, g0, "s0"))  # unchanged
        items.append((*doc_graph("r000", "s0"), "s0"))  # replaces d0
        items.append((*doc_graph("r005", "s5"), "s5"))  # replaces a document of this very batch
        status = put_documents(st, items, batch_triples=50)
        assert status[d0] == "unchanged"
        assert status[DOC["r000"]] == "replaced" and status[DOC["r005"]] == "replaced"
        assert sum(v == "added" for v in status.values()) == 29
        names = graph_names(st)
        assert str(d0) not in names and str(DOC["n005"]) not in names
        assert len(names) == 30
        # the source path is recorded even when the graph lacks it
        g = Graph()
        g.add((DOC["nosrc"], RDF.type, AG.Document))
        put_documents(st, [(DOC["nosrc"], g, "added-by-store.txt")])
        assert {r.source_path for r in documents(st) if r.iri == DOC["nosrc"]} == {"added-by-store.txt"}


def assert_default_is_union(st) -> None:
    """The layout of graph.store.derived: nothing in the default graph, no triple in two graphs, and the
    derived graph exactly what the documents' statements and factual interactions imply."""
    import pyoxigraph as ox

    from graph.store.derived import DERIVED_GRAPH

    seen: set = set()
    for q in st.ox.quads_for_pattern(None, None, None, None):
        assert not isinstance(q.graph_name, ox.DefaultGraph)
        triple = (q.subject, q.predicate, q.object)
        assert triple not in seen, f"{triple} in two graphs"
        seen.add(triple)
    name = ox.NamedNode(str(DERIVED_GRAPH))
    kept = set(st.ox.quads_for_pattern(None, None, None, name))
    store_mod.refresh_derived(st)
    assert set(st.ox.quads_for_pattern(None, None, None, name)) == kept


def test_put_documents_writes_shared_triples_once_and_keeps_the_union(tmp_path):
    """Batches (several loading at once) leave out default-graph copies already written; a replacement
    in the same call may delete such a copy, after which it is written again."""
    with open_store(tmp_path / "store") as st:
        # every document holds ag:USA's label and ag:USA ag:pressures ag:ISR, and one label of its own
        items = [(*shared_doc(f"u{i:02d}", f"u{i}.txt", f"ONLY{i}"), f"u{i}.txt") for i in range(12)]
        # u01 is replaced in the same call (its ONLY1 label leaves the default graph), then documents
        # holding ONLY1 again must write it again
        items.append((*shared_doc("v01", "u1.txt", "NEW1"), "u1.txt"))
        items += [(*shared_doc(f"w{i:02d}", f"w{i}.txt", "ONLY1"), f"w{i}.txt") for i in range(5)]
        blank = BNode()  # the same blank node in two documents: Oxigraph makes a new one per load
        for _doc, g, _key in (items[0], items[5]):
            g.add((AG.USA, AG.memberOf, blank))
        status = put_documents(st, items, batch_triples=10, threads=2)
        assert status[DOC["v01"]] == "replaced" and sum(v == "added" for v in status.values()) == 17
        assert_default_is_union(st)
        assert len(list(query(st, "SELECT ?l WHERE { ag:USA rdfs:label ?l }"))) == 1
        assert len(list(query(st, "SELECT ?l WHERE { ag:ONLY1 rdfs:label ?l }"))) == 1
        # dropping every holder of a shared triple but one keeps it; dropping the last removes it
        holders = [r.iri for r in documents(st) if "/u" in str(r.iri) or "/w" in str(r.iri)]
        for iri in holders[:-1]:
            drop_document(st, iri)
        assert_default_is_union(st)
        drop_document(st, holders[-1])
        drop_document(st, DOC["v01"])
        assert store_size(st) == 0


def test_the_batched_and_the_one_by_one_writes_store_the_same_quads(tmp_path):
    """put_documents (bulk loads, its own serialiser) and put_document (SPARQL updates) write the same
    layout: own triples and statements in the document's graph, shared triples once in the derived graph."""
    items = [(*shared_doc(f"q{i:02d}", f"q{i}.txt", f"ONLY{i % 3}"), f"q{i}.txt") for i in range(8)]
    with open_store(tmp_path / "a") as one, open_store(tmp_path / "b") as many:
        for doc, g, key in items:
            put_document(one, doc, g, key)
        put_documents(many, items, batch_triples=20)
        assert set(one.ox) == set(many.ox) and len(one.ox) > 8 * 4
        assert_default_is_union(many)


def _statement_nodes(st) -> set:
    """The statement nodes in the derived graph (graph.store.derived)."""
    import pyoxigraph as ox

    from graph.store.derived import DERIVED_GRAPH, STATEMENT_BASE

    return {q.subject for q in st.ox.quads_for_pattern(None, None, None, ox.NamedNode(str(DERIVED_GRAPH)))
            if q.subject.value.startswith(STATEMENT_BASE)}


def _records(st, doc: URIRef) -> set:
    """What ``doc`` says it states (``ag:states``), from its own graph."""
    import pyoxigraph as ox

    node = ox.NamedNode(str(doc))
    return {q.object for q in st.ox.quads_for_pattern(node, ox.NamedNode(str(AG.states)), None, node)}


def test_a_shared_triple_has_one_statement_node_and_one_record_per_document(tmp_path):
    """A document records each shared triple it states with one quad in its graph; the triple's
    statement node - the same for every document - is written once, beside the triple. It stays while
    a document states the triple (re-ingest, a refresh) and goes with the last one (a replacement, a drop)."""
    from graph.store import derived
    from graph.store.write import run_update

    items = [(*shared_doc(f"t{i}", f"t{i}.txt", "ONLY"), f"t{i}.txt") for i in range(3)]
    with open_store(tmp_path / "store") as st:
        put_documents(st, items[:2], batch_triples=10, threads=2)
        put_document(st, *items[2])
        nodes = _statement_nodes(st)
        assert len(nodes) == 3  # ag:USA's label, ag:USA ag:pressures ag:ISR, ag:ONLY's label
        assert all(_records(st, doc) == nodes for doc, _g, _k in items)
        size = store_size(st)
        assert size == 3 * 4 + 3 * 3 + 3 * 4 + 3  # own, records, statement nodes, shared triples
        assert set(put_documents(st, items).values()) == {"unchanged"} and store_size(st) == size
        run_update(st, derived.refresh_update(), "refresh")
        assert store_size(st) == size and _statement_nodes(st) == nodes
        drop_document(st, items[0][0])
        put_document(st, *shared_doc("t9", "t1.txt", "OTHER"), "t1.txt")  # replaces t1
        assert _statement_nodes(st) == nodes | _records(st, DOC["t9"]) and len(_statement_nodes(st)) == 4
        drop_document(st, items[2][0])  # the last to state ag:ONLY's label
        assert _statement_nodes(st) == _records(st, DOC["t9"]) and len(nodes & _statement_nodes(st)) == 2
        assert list(query(st, "SELECT ?l WHERE { ag:ONLY rdfs:label ?l }")) == []
        assert_default_is_union(st)
        drop_document(st, DOC["t9"])
        assert store_size(st) == 0


def test_a_triple_stated_by_one_document_and_implied_by_another_stays_while_either_does(tmp_path):
    """Dropping a document removes from the derived graph only what no other document supports, whether
    the other states the triple (``ag:states``) or implies it (an asserted interaction)."""
    from graph.store import summary
    from graph.store.derived import DERIVED_GRAPH

    def claiming(name: str) -> tuple[URIRef, Graph]:
        doc, g = doc_graph(name, f"{name}.txt", 1)
        claim = DOC[f"{name}/i0"]
        for p, o in ((RDF.type, AG.Interaction), (AG.source, AG.USA), (AG.relation, AG.pressures),
                     (AG.target, AG.ISR), (AG.modality, AG.Asserted)):
            g.add((claim, p, o))
        g.add((AG.USA, AG.pressures, AG.ISR))  # the direct triple the claim implies
        return doc, g

    pressing = "SELECT ?g WHERE { GRAPH ?g { ag:USA ag:pressures ag:ISR } }"
    for last in ("stating", "claiming"):
        with open_store(tmp_path / last) as st:
            put_document(st, *shared_doc("stating", "stating.txt", "ONLY"), "stating.txt")
            put_document(st, *claiming("claiming"), "claiming.txt")
            assert len(_records(st, DOC["stating"])) == 3 and not _records(st, DOC["claiming"])
            drop_document(st, DOC["claiming" if last == "stating" else "stating"])
            assert [str(r[0]) for r in query(st, pressing)] == [str(DERIVED_GRAPH)]
            assert_default_is_union(st)
            drop_document(st, DOC[last])
            left = {q.graph_name.value for q in st.ox}  # the summaries the refresh above wrote, if any
            assert list(query(st, pressing)) == [] and left <= {str(summary.SUMMARY_GRAPH)}


def test_a_refresh_keeps_the_statements_of_triples_the_ontology_now_holds(tmp_path):
    """A new ontology graph takes over a shared triple: it leaves the derived graph (each triple in one
    graph), but its statement node - the one record of what the documents' ``ag:states`` point at - stays."""
    with open_store(tmp_path / "store") as st:
        put_documents(st, [(*shared_doc(f"o{i}", f"o{i}.txt", "ONLY"), f"o{i}.txt") for i in range(2)])
        nodes = _statement_nodes(st)
        onto = Graph()
        onto.add((AG.USA, RDFS.label, Literal("United States")))
        put_graph(st, ONTOLOGY_GRAPH, onto)
        assert _statement_nodes(st) == nodes and len(nodes) == 3
        assert len(list(query(st, "SELECT ?l WHERE { ag:USA rdfs:label ?l }"))) == 1
        assert_default_is_union(st)
        put_graph(st, ONTOLOGY_GRAPH, Graph())  # and comes back when the ontology lets it go
        assert len(list(query(st, "SELECT ?l WHERE { ag:USA rdfs:label ?l }"))) == 1
        assert_default_is_union(st)


def test_put_documents_too_big_for_one_bulk_load(tmp_path, monkeypatch):
    """A document bigger than one atomic bulk load is written in its own transaction instead."""
    import graph.store.write as storewrite

    monkeypatch.setattr(storewrite, "MAX_BULK_QUADS", 12)
    with open_store(tmp_path / "store") as st:
        small = [(*doc_graph(f"sm{i}", f"sm{i}.txt", 1), f"sm{i}.txt") for i in range(3)]
        big = (*doc_graph("big0", "big.txt", 9), "big.txt")
        status = put_documents(st, [small[0], big, *small[1:]])
        assert set(status.values()) == {"added"} and len(graph_names(st)) == 4
        assert store_size(st) == 3 * 4 + 12
        assert_default_is_union(st)


def test_put_documents_failed_load_leaves_whole_documents(tmp_path):
    """A batch that cannot be loaded raises StoreError and writes nothing of its documents."""
    with open_store(tmp_path / "store") as st:
        items = [(*doc_graph(f"ok{i}", f"ok{i}.txt", 1), f"ok{i}.txt") for i in range(6)]
        bad_doc, bad = doc_graph("bad0", "bad.txt", 1)
        bad.add((bad_doc, AG.text, URIRef("not an iri")))  # rejected by Oxigraph's parser
        items.insert(3, (bad_doc, bad, "bad.txt"))
        with pytest.raises(StoreError, match="cannot write documents"):
            put_documents(st, items, batch_triples=4, threads=2)
        names = graph_names(st)
        assert str(bad_doc) not in names and {str(DOC[f"ok{i}"]) for i in range(3)} <= names
        for name in names:  # every stored document is whole
            assert len(list(query(st, f"SELECT * WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"))) == 4
        assert_default_is_union(st)


def test_graph_triples_fast_path_matches_rdflib():
    """put_documents reads rdflib's in-memory store directly; it must see what graph.triples sees."""
    ds = Dataset()
    d, g = doc_graph("gt01", "gt.txt", 3)
    ds.graph(d).__iadd__(g)
    ds.graph(DOC["other"]).add((AG.USA, RDFS.label, Literal("United States")))
    for graph in (g, ds.graph(d), ds.graph(DOC["other"]), ds.graph(DOC["empty"]), Graph()):
        assert sorted(store_mod._graph_triples(graph)) == sorted(graph.triples((None, None, None)))


def test_saved_queries_agree_with_their_plain_formulations(tmp_path):
    """The saved queries are shaped for Oxigraph (subquery joins, in-memory sort keys); on a corpus shaped
    like ours they return exactly what the plain formulations in scripts/bench_sparql.py return."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_sparql", ROOT / "scripts" / "bench_sparql.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    items, schema, analysis = bench.generate(40_000, seed=3)
    saved = bench.load_queries()
    with open_store(tmp_path / "store") as st:
        put_documents(st, items)
        put_graph(st, ANALYSIS_GRAPH, analysis)
        assert set(bench.REFERENCE_QUERIES) == set(bench.NARROW_BY)  # every saved query has a plain twin
        for name, (reference, order, _shaped) in bench.REFERENCE_QUERIES.items():
            assert bench.disagreement(st.ox, saved[name], reference, order) is None, name
            rows = list(query(st, saved[name]))
            assert len(rows) > 0, name
            # narrowed with --bind, the CLI runs the plain twin: the same rows as the saved text pinned
            var = bench.NARROW_BY[name]
            pin = {var: rows[len(rows) // 2][var]}
            q = saved_queries()[name]
            assert q.text_for(pin) != with_bindings(q.text, pin), name
            assert 0 < len(list(query(st, q.text_for(pin)))) <= len(rows), name
            assert bench.disagreement(st.ox, with_bindings(q.text, pin), q.text_for(pin), order) is None, name
        # a page of a saved listing is the listing's rows, in its order, and says how many there are:
        # read through while the store has no summaries (put_documents alone), from them once the derive
        # step has run (a build's), and read through again once a document write has made them stale
        from graph.store import summary
        from graph.store.query import _holds
        from graph.store.write import put_document, refresh_derived

        paged = {name: q for name, q in saved_queries().items() if q.page}
        assert set(paged) == {"adversaries", "evidence", "interactions", "mediators", "timeline", "who-pressures-whom"}
        assert not summary.has_summaries(st) and not any(_holds(st, q.condition) for q in paged.values())
        for name, q in paged.items():
            _assert_pages(st, q, saved[name], bench.ORDER_COLUMNS[name][0])
        refresh_derived(st)
        assert summary.has_summaries(st) and all(_holds(st, q.condition) for q in paged.values())
        for name, q in paged.items():
            _assert_pages(st, q, saved[name], bench.ORDER_COLUMNS[name][0])
        iri, g, src = bench.generate(2_000, seed=11)[0][0]
        put_document(st, iri, g, src)
        assert not summary.has_summaries(st)
        _assert_pages(st, paged["adversaries"], saved["adversaries"], bench.ORDER_COLUMNS["adversaries"][0])
        # a pinned aggregate (?sentences is a COUNT) stays on the saved text, where it filters the counts
        q = saved_queries()["who-pressures-whom"]
        assert q.text_for({"sentences": Literal(2)}) == with_bindings(q.text, {"sentences": Literal(2)})


def _assert_pages(st, q, text, order) -> None:  # noqa: ANN001
    """Pages of a seventh of the saved listing ``q`` (``select_rows``, as ``query --name`` prints them)
    walk its whole listing (``text``): every row once, in its order, each page counting them all."""
    from graph.store.query import select_rows

    result = query(st, text)
    names = [str(v) for v in result.vars]
    whole = [tuple(map(str, r)) for r in result]
    assert len(whole) >= 7, q.name  # several pages
    size = len(whole) // 7
    pages = [select_rows(st, text, page_of=q, limit=size, offset=k) for k in range(0, len(whole) + size, size)]
    assert {p.total for p in pages} == {len(whole)} and pages[0].names == names, q.name
    paged = [tuple(map(str, r)) for p in pages for r in p.rows]
    assert sorted(paged) == sorted(whole), q.name
    at = [names.index(c) for c in order]
    assert [tuple(r[i] for i in at) for r in paged] == [tuple(r[i] for i in at) for r in whole], q.name


def test_put_graph_replaces_wholesale_and_drop(tmp_path):
    with open_store(tmp_path / "store") as st:
        g = Graph()
        g.add((AG.USA, AG.degree, Literal(3)))
        g.add((AG.ISR, AG.degree, Literal(2)))
        put_graph(st, ANALYSIS_GRAPH, g)
        g2 = Graph()
        g2.add((AG.USA, AG.degree, Literal(4)))
        put_graph(st, ANALYSIS_GRAPH, g2)
        rows = list(query(st, "SELECT ?a ?d WHERE { GRAPH <https://w3id.org/actorgraph/graph/analysis> { ?a ag:degree ?d } }"))
        assert [(str(a), int(d)) for a, d in rows] == [(str(AG.USA), 4)]
        d, dg = doc_graph("eeee", "e.txt")
        put_document(st, d, dg, "e.txt")
        drop_document(st, d)
        assert documents(st) == []


def test_put_graph_unchanged_is_a_no_op_and_changes_are_written(tmp_path):
    from rdflib.namespace import XSD

    g = Graph()
    g.add((AG.pressures, AG.goldstein, Literal("7.0", datatype=XSD.decimal)))  # stored canonically as "7"
    g.add((AG.pressures, RDFS.label, Literal("pressures \"x\"\n", lang="en")))
    with open_store(tmp_path / "store") as st:
        put_graph(st, ANALYSIS_GRAPH, g)
        assert store_size(st) == 2
        put_graph(st, ANALYSIS_GRAPH, g)
        assert store_size(st) == 2
        g.set((AG.pressures, AG.goldstein, Literal("-2.5", datatype=XSD.decimal)))
        put_graph(st, ANALYSIS_GRAPH, g)
        assert [float(r[0]) for r in query(st, "SELECT ?v WHERE { ag:pressures ag:goldstein ?v }")] == [-2.5]


def test_query_converts_like_oxrdflib(tmp_path):
    """``query`` converts pyoxigraph rows itself (with a cache); it answers what ``store.dataset.query``
    (oxrdflib) answers, for every kind of term and query form, with the dataset's prefixes."""
    from rdflib.namespace import XSD

    doc, g = doc_graph("conv", "conv.txt", 2, text="héllo")
    g.add((doc, AG.n, Literal(7)))
    g.add((doc, AG.d, Literal("2024-01-02", datatype=XSD.date)))
    g.add((doc, AG.l, Literal("chat", lang="fr")))
    g.add((doc, AG.b, BNode()))
    with open_store(tmp_path / "store") as st:
        put_document(st, doc, g, "conv.txt")
        for text in ("SELECT ?s ?p ?o ?none WHERE { ?s ?p ?o OPTIONAL { ?s ag:nothing ?none } } ORDER BY ?s ?p ?o",
                     "SELECT ?x WHERE { ?x a foaf:Person }", "ASK { ?s a ag:Document }",
                     "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"):
            ours, theirs = query(st, text), st.dataset.query(text)
            assert ours.type == theirs.type
            if ours.type == "SELECT":
                assert ours.vars == theirs.vars and [tuple(r) for r in ours] == [tuple(r) for r in theirs]
            elif ours.type == "ASK":
                assert ours.askAnswer is theirs.askAnswer is True
            else:
                assert set(ours.graph) == set(theirs.graph) and len(ours.graph) == len(g)


def test_query_errors_are_one_line(tmp_path):
    with open_store(tmp_path / "store") as st:
        with pytest.raises(QueryError) as exc:
            query(st, "SELECT * WHERE {")
        assert "\n" not in str(exc.value)


def test_unusable_paths(tmp_path):
    f = tmp_path / "file.txt"
    f.write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        open_store(f)
    with pytest.raises(StoreError, match="unsupported store"):
        open_store("ftp://example.org/store")
    with open_store(tmp_path / "locked"):
        with pytest.raises(StoreError, match="in use"):
            open_store(tmp_path / "locked")
    with pytest.raises(StoreError, match="not usable"):
        open_store(f"sparql+http://127.0.0.1:{engines.free_port()}/query")
    with pytest.raises(StoreError, match="no such"):
        open_source(tmp_path / "missing.ttl")


def test_rdf_file_is_read_only_source(tmp_path):
    ttl = tmp_path / "g.ttl"
    ttl.write_text('@prefix ag: <https://w3id.org/actorgraph/ontology#> . ag:USA ag:pressures ag:ISR .')
    with load_file(ttl) as st:
        assert len(list(query(st, "SELECT * WHERE { ?s ag:pressures ?o }"))) == 1
        with pytest.raises(StoreError, match="cannot be written"):
            put_graph(st, ANALYSIS_GRAPH, Graph())
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle")
    with pytest.raises(StoreError, match="not valid"):
        load_file(bad)


def test_endpoint_urls():
    assert endpoints("sparql+http://h:7878/query") == ("http://h:7878/query", "http://h:7878/update")
    assert endpoints("sparql+https://h/ds/query") == ("https://h/ds/query", "https://h/ds/update")
    assert endpoints("sparql+http://h/sparql") == ("http://h/sparql", "http://h/sparql")
    assert endpoints("sparql+http://h/sparql?update=http://h/u&x=1") == ("http://h/sparql?x=1", "http://h/u")


def test_store_as_rdflib_dataset(tmp_path):
    """``store.dataset`` is a real rdflib Dataset over Oxigraph (what rdflib-based code can use)."""
    with open_store(tmp_path / "store") as st:
        d, g = doc_graph("ffff", "f.txt", 2)
        put_document(st, d, g, "f.txt")
        assert isinstance(st.dataset, Dataset)
        assert len(st.dataset.graph(d)) == len(g)
        assert len(list(st.query("SELECT * WHERE { ?s ?p ?o }"))) == len(g)  # Store.query == query(store, ...)


# ---------------------------------------------------------------- crash safety


SHARED_LOOP = """
import sys
sys.path.insert(0, {data!r})
from rdflib import RDFS, Literal
from graph.namespaces import AG
import ingest_loop

plain = ingest_loop.make_doc


def make_doc(i):
    # the same documents plus triples that other documents hold too (once in the derived graph, with
    # their statement nodes; in the document's own graph as one ag:states record each)
    doc, g, key = plain(i)
    g.add((AG.USA, RDFS.label, Literal("United States")))
    g.add((AG[f"K{{i % 7}}"], RDFS.label, Literal("held by every 7th document")))
    g.set((doc, ingest_loop.COUNT, Literal(int(g.value(doc, ingest_loop.COUNT)) + 2)))
    return doc, g, key


ingest_loop.make_doc = make_doc
ingest_loop.main()
"""


@pytest.mark.slow
@pytest.mark.parametrize("shared", [False, True], ids=["own-triples", "shared-triples"])
def test_kill_9_mid_ingest_leaves_only_complete_documents(tmp_path, shared):
    path = tmp_path / "store"
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    loop = LOOP
    if shared:
        loop = tmp_path / "shared_loop.py"
        loop.write_text(SHARED_LOOP.format(data=str(LOOP.parent)))
    rng = random.Random(7)
    committed: list[int] = []
    first = 0
    for _round in range(6):
        proc = subprocess.Popen([sys.executable, str(loop), str(path), str(first)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=env)
        wanted = rng.randint(15, 60)
        seen = 0
        deadline = time.monotonic() + 120
        while seen < wanted and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            committed.append(int(line))
            seen += 1
        time.sleep(rng.random() * 0.05)  # land somewhere inside a write
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        assert seen == wanted, proc.stderr.read()[-2000:]
        first = max(committed) + 20  # the killed one may have written more than it printed

    with open_store(path) as st:  # opens: RocksDB recovered from its log
        per_key: dict[str, list[int]] = {}
        for rec in documents(st):
            name = URIRef(rec.iri)
            size = list(query(st, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"))[0][0]
            marker = list(query(st, f"SELECT ?c WHERE {{ GRAPH <{name}> {{ <{name}> <{COUNT}> ?c }} }}"))
            assert marker, f"{name}: no size marker, the graph is partial"
            assert int(size) == int(marker[0][0]), f"{name}: {size} triples, expected {marker[0][0]}"
            per_key.setdefault(rec.source_path, []).append(int(str(name).rsplit("kill", 1)[1]))
        # never two versions of one source file, and nothing acknowledged as written was lost
        assert all(len(v) == 1 for v in per_key.values()), per_key
        for i in committed:
            key = f"src/{i % 40}.txt"
            assert key in per_key and per_key[key][0] >= i
        assert_default_is_union(st)  # and every triple is in one graph, the derived graph what they imply


# ---------------------------------------------------------------- remote SPARQL endpoint


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    with engines.oxigraph(tmp_path_factory.mktemp("oxigraph-server")) as url:
        yield url


@pytest.fixture
def fresh_oxigraph_server(tmp_path):
    """A server of one's own, for a test that rebuilds the whole store."""
    with engines.oxigraph(tmp_path / "oxigraph-server") as url:
        yield url


@pytest.mark.slow
def test_remote_endpoint_same_semantics(oxigraph_server):
    with open_store(f"sparql+{oxigraph_server}/query") as st:
        assert st.kind == "sparql" and st.update_url.endswith("/update")
        check_semantics(st)
        check_each_triple_once(st)
        g = Graph()
        g.add((AG.USA, AG.degree, Literal(3)))
        put_graph(st, ANALYSIS_GRAPH, g)
        assert len(list(query(st, "SELECT * WHERE { ?a ag:degree ?d }"))) == 1
        status = put_documents(st, [(*doc_graph("zzzz", "z.txt"), "z.txt"), (*doc_graph("aaaa", "seeds/a.txt"), "seeds/a.txt")])
        assert list(status.values()) == ["added", "replaced"]
        before = store_size(st)
        assert put_document(st, *doc_graph("zzzz", "z.txt"), "z.txt") == "unchanged"
        assert store_size(st) == before


@pytest.mark.slow
def test_benchmark_script_smoke_run():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_sparql.py"), "--triples", "20000", "--runs", "1"],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert proc.returncode in (0, 1), proc.stderr[-2000:]  # 1: a performance target missed on this machine
    assert "| put_documents" in proc.stdout and "| _degree |" in proc.stdout
    assert "Oxigraph disk ms" in proc.stdout


@pytest.mark.slow
def test_cli_build_ingest_query_export_validate_on_a_remote_endpoint(fresh_oxigraph_server, tmp_path):
    """The whole command line against a real SPARQL server, as a team sharing one endpoint uses it."""
    def run(*args: str) -> subprocess.CompletedProcess:
        r = subprocess.run([sys.executable, "-m", "graph.cli", *args], cwd=ROOT, capture_output=True, text=True,
                           timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert r.returncode == 0, r.stderr
        return r

    remote = f"sparql+{fresh_oxigraph_server}/query"
    run("build", str(ROOT / "seeds"), "--out", str(tmp_path / "out"), "--store", remote,
        "--reference-date", "2026-11-23")
    extra = tmp_path / "extra.txt"
    extra.write_text("Qatar mediated talks between Israel and Hamas in Doha on Tuesday.", encoding="utf-8")
    assert "1 added" in run("ingest", str(extra), "--store", remote, "--reference-date", "2026-11-23").stdout
    assert "1 unchanged" in run("ingest", str(extra), "--store", remote).stdout

    with open_store(remote) as st:
        assert {rec.source_path for rec in documents(st)} >= {str(extra)}
        assert len(documents(st)) == 3
        ask = "PREFIX ag: <https://w3id.org/actorgraph/ontology#> ASK { GRAPH ?g { ?i ag:relation ag:mediates ; ag:source ag:QAT } }"
        assert query(st, ask).askAnswer
        # analysis refreshed over the whole remote store after the ingest
        ask = ("PREFIX ag: <https://w3id.org/actorgraph/ontology#> "
               "ASK { GRAPH <https://w3id.org/actorgraph/graph/analysis> { ag:QAT ag:pagerank ?p } }")
        assert query(st, ask).askAnswer

    rows = json.loads(run("query", "--store", remote, "--name", "who-pressures-whom", "--format", "json").stdout)
    assert any(r["source"]["value"].endswith("#USA") and r["target"]["value"].endswith("#ISR")
               for r in rows["results"]["bindings"])
    trig = tmp_path / "x.trig"
    run("export", "--store", remote, "--format", "trig", "-o", str(trig))
    ds = Dataset()
    ds.parse(trig, format="trig")
    assert len([c for c in ds.graphs() if str(c.identifier).startswith(str(DOC))]) == 3
    assert ": conforms to the shapes" in run("validate", "--store", remote).stderr


def test_summaries_loaded_in_chunks_are_the_summaries(tmp_path, monkeypatch):
    """The summaries are bulk-loaded a chunk of lines at a time (memory bounded by the chunk, not the
    corpus): chunks of 7 lines give the very quads one load gives."""
    import importlib.util

    import pyoxigraph as ox

    from graph.store import summary

    spec = importlib.util.spec_from_file_location("bench_sparql", ROOT / "scripts" / "bench_sparql.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    items, _schema, _analysis = bench.generate(8_000, seed=4)
    graph = ox.NamedNode(str(summary.SUMMARY_GRAPH))
    found = []
    for size in (10**9, 7):
        monkeypatch.setattr(summary, "_LOAD_LINES", size)
        with open_store(tmp_path / f"store-{size}") as st:
            put_documents(st, items)
            dyads = summary.refresh_summaries(st)
            found.append({str(q) for q in st.ox.quads_for_pattern(None, None, None, graph)})
            assert summary.has_summaries(st) and dyads > 0
    assert found[0] == found[1] and len(found[0]) > 7 * 10  # many chunks
