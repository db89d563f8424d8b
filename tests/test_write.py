"""graph.store.write: a batch's documents are checked a chunk at a time, each once and before the batch
is loaded; whole graphs are loaded into a generation no one reads yet, and written in one update elsewhere."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from graph.model import Actor, Document, Extraction, Interaction, Sentence
from graph.namespaces import AG, doc_iri
from graph.store import write as write_mod
from graph.store.ntriples import document_triples
from graph.store.rdf import document_graph
from graph.store.store import open_store
from graph.store.write import DocumentWriter, load_graph, put_graph, unseen


def _extraction(n: int) -> Extraction:
    doc = Document(id=f"d{n}", text=f"The United States pressed Israel ({n}).", source=f"corpus.jsonl#{n}")
    ix = Interaction(source="USA", relation="pressures", target="ISR", doc_id=doc.id, sentence=0, trigger="pressed",
                     trigger_start=18, trigger_end=25, confidence=0.8)
    actors = {"USA": Actor("USA", "United States", "State", "Q30"), "ISR": Actor("ISR", "Israel", "State", "Q801")}
    return Extraction(doc, [Sentence(doc.id, 0, 0, len(doc.text), doc.text)], actors, [], [ix])


def _write(st, count: int, check) -> DocumentWriter:  # noqa: ANN001
    with DocumentWriter(st, check=check) as writer:
        for n in range(count):
            ex = _extraction(n)
            writer.put_triples(doc_iri(ex.document.id), document_triples(ex, None), ex.document.source,
                               lambda ex=ex: document_graph(ex, None))
    return writer


def test_documents_are_checked_in_chunks_each_once(tmp_path, monkeypatch):
    monkeypatch.setattr(write_mod, "CHECK_LINES", 60)
    checked: list[bytes] = []
    with open_store(tmp_path / "s") as st:
        writer = _write(st, 12, checked.append)
        assert len(writer.results) == 12 and len(st.ox) > 0
    assert len(checked) > 2  # several chunks in one batch (the batch is far below 400,000 lines)
    text = b"".join(checked).decode()
    for n in range(12):  # every document's own lines, once
        assert text.count(f"{doc_iri(f'd{n}')}> <http://purl.org/dc/terms/identifier>") == 1


def test_a_failing_chunk_stops_the_batch_before_it_is_loaded(tmp_path, monkeypatch):
    monkeypatch.setattr(write_mod, "CHECK_LINES", 60)
    calls = []

    def check(data: bytes) -> None:
        calls.append(data)
        if len(calls) == 2:
            raise ValueError("violates the shapes")

    with open_store(tmp_path / "s") as st:
        with pytest.raises(ValueError, match="violates"):
            _write(st, 12, check)
        assert not list(st.ox.quads_for_pattern(None, None, None, ox.NamedNode(str(doc_iri("d0")))))


def test_graphs_are_loaded_only_into_an_unseen_generation(tmp_path):
    name = URIRef("https://example.org/g")
    g = Graph()
    g.add((URIRef("https://example.org/s"), AG.score, Literal(7.0)))
    with open_store(tmp_path / "s") as st:
        assert not unseen(st)  # an open store: readers may see it between two transactions
        st.generation = "20261207T000000Z-test"
        assert unseen(st)
        put_graph(st, name, g)
        load_graph(st, name, list(g), "cannot write")  # again: replaced, not added to
        stored = list(st.ox.quads_for_pattern(None, None, None, ox.NamedNode(str(name))))
        assert len(stored) == 1 and stored[0].object.value in ("7.0", "7.0E0", "7")
        st.committed = True
        assert not unseen(st)
