"""The fast serialiser (graph.store.ntriples) makes exactly what document_graph makes, and the writer
stores the same quads from either."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.extract import extract
from graph.model import Actor, Document, Extraction, Interaction, Office, Sentence
from graph.namespaces import doc_iri
from graph.sources.inputs import read_inputs
from graph.store.ntriples import document_triples
from graph.store.rdf import document_graph
from graph.store.store import _graph_triples, open_store
from graph.store.write import DocumentWriter, as_text

ROOT = Path(__file__).resolve().parent.parent


def _reference(ex, gz):  # noqa: ANN001, ANN202
    found = as_text(doc_iri(ex.document.id), _graph_triples(document_graph(ex, gz)))
    return found.doc, set(found.triples), found.implied


def _fast(ex, gz):  # noqa: ANN001, ANN202
    found = document_triples(ex, gz)
    assert len(found.triples) == len(set(found.triples))
    return found.doc, set(found.triples), found.implied


@pytest.fixture(scope="module")
def real(gz, nlp):
    """Real extractions: every seed article and the development set, as a build reads them."""
    inputs = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt")) + [str(ROOT / "tests" / "data" / "dev.jsonl")]
    docs = read_inputs(inputs)
    return list(extract(docs, nlp, gz, batch_size=16, reference_date="2026-02-05"))


def test_real_extractions_serialise_like_document_graph(real, gz):
    assert sum(len(ex.interactions) for ex in real) > 300 and sum(len(ex.offices) for ex in real) > 5
    for ex in real:
        assert _fast(ex, gz) == _reference(ex, gz), ex.document.id
        assert _fast(ex, None) == _reference(ex, None), ex.document.id


def _every_field() -> Extraction:
    doc = Document(id="d0", text='He said "x"\\\nthen.\r', title="A \"title\"", date="2025-03", source="a/b.txt",
                   sha256="ab" * 32, author="Somebody", url="https://example.org/a?b=c")
    sentences = [Sentence("d0", 0, 0, 10, 'He said "x"\\'), Sentence("d0", 1, 11, 16, "then.\r")]
    base = dict(source="USA", relation="pressures", target="ISR", doc_id="d0", sentence=0, trigger="said",
                trigger_start=3, trigger_end=7)
    ixs = [Interaction(**base, confidence=1, goldstein=-0.04, cameo="042", quad=3, date="2025-03-14",
                       date_text="on 14 March", reported_by="P_X", other_party="IRN", source_sector="GOV",
                       target_sector="MIL", source_official="P_X", path="verb/pressure"),
           Interaction(**{**base, "trigger_start": 4}, modality="reported", confidence=0.3333, goldstein=7.0, date="2025"),
           Interaction(**{**base, "sentence": 1}, modality="hypothetical", confidence=0.0),
           Interaction(**{**base, "relation": "attacks"}, modality="negated", confidence=0.25),
           Interaction(**{**base, "doc_id": "other"}, confidence=0.5)]  # named under another document
    actors = {"USA": Actor("USA", "United States", "State", "Q30"),
              "P_X": Actor("P_X", 'X "the" Y', "Person", None, "USA"),
              "P_Z": Actor("P_Z", "Z", "Person", None, "NOWHERE")}
    offices = [Office("P_X", "Foreign Minister", "USA"), Office("P_Z", "Envoy", "NOWHERE")]
    return Extraction(doc, sentences, actors, offices, ixs, doc_date="2025-03")


def test_every_field_serialises_like_document_graph(gz):
    ex = _every_field()
    for gazetteer in (gz, None):
        assert _fast(ex, gazetteer) == _reference(ex, gazetteer)


def test_the_writer_stores_the_same_quads_from_text_and_from_graphs(tmp_path, real, gz):
    exs = real[:20] + [_every_field()]
    with open_store(tmp_path / "a") as a, open_store(tmp_path / "b") as b:
        with DocumentWriter(a, batch_triples=500) as wa, DocumentWriter(b, batch_triples=500) as wb:
            for ex in exs:
                iri, key = doc_iri(ex.document.id), ex.document.source or f"k{ex.document.id}"
                wa.put(iri, document_graph(ex, gz), key)
                wb.put_triples(iri, document_triples(ex, gz), key, lambda ex=ex: document_graph(ex, gz))
        assert wa.results == wb.results and set(a.ox) == set(b.ox) and len(a.ox) > 1000


def test_dev_jsonl_is_read(real):
    lines = (ROOT / "tests" / "data" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(real) >= len([x for x in lines if x.strip() and json.loads(x).get("text")])
