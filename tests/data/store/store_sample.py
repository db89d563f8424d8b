"""A small, hand-made corpus written by the real RDF writer (graph.rdf), for the store/export/validate/
serve tests: two documents, several modalities and date precisions, an official with an office, and
hostile article text (HTML, a spreadsheet formula)."""
from __future__ import annotations

import hashlib

from rdflib import Dataset, Graph

from graph.model import Actor, Document, Extraction, Interaction, Office, Sentence
from graph.namespaces import ONTOLOGY_DIR, ONTOLOGY_GRAPH, doc_iri
from graph.rdf import bind_prefixes, document_graph

HOSTILE = '<script>alert("x")</script> & =HYPERLINK("http://evil") said Iran.'


def _doc(text: str, source: str, date: str) -> Document:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return Document(id=sha[:16], text=text, title=source, date=date, source=source, sha256=sha)


def _sentences(doc: Document, parts: list[str]) -> list[Sentence]:
    out, start = [], 0
    for i, part in enumerate(parts):
        start = doc.text.index(part, start)
        out.append(Sentence(doc.id, i, start, start + len(part), part))
        start += len(part)
    return out


def extractions() -> list[Extraction]:
    a_parts = ["The United States urged Israel to hold back.",
               "Iran could attack Israel.",
               "Washington negotiated with Tehran in February, and Oman mediated between them.",
               HOSTILE + " The US pressed Israel again."]
    a = _doc(" ".join(a_parts), "seeds/a.txt", "2026-02-05")
    ex_a = Extraction(document=a, doc_date="2026-02-05", sentences=_sentences(a, a_parts))
    ex_a.actors = {k: Actor(k, label, "State") for k, label in
                   [("USA", "United States"), ("ISR", "Israel"), ("IRN", "Iran"), ("OMN", "Oman")]}
    s = ex_a.sentences
    ex_a.interactions = [
        Interaction("USA", "pressures", "ISR", a.id, 0, "urged", s[0].start + 18, s[0].start + 23, "reported", 0.85,
                    "0256", -0.3, 1, "2026-02-05", "Feb. 5", reported_by="ISR"),
        Interaction("IRN", "attacks", "ISR", a.id, 1, "attack", s[1].start + 11, s[1].start + 17, "hypothetical", 0.4,
                    "190", -10.0, 4),
        Interaction("USA", "negotiatesWith", "IRN", a.id, 2, "negotiated", s[2].start + 11, s[2].start + 21,
                    "asserted", 0.7, "046", 7.0, 1, "2026-02", "in February"),
        Interaction("OMN", "mediates", "USA", a.id, 2, "mediated", s[2].start + 57, s[2].start + 65, "asserted", 0.6,
                    "045", 5.0, 1, "2026", other_party="IRN"),
        Interaction("USA", "pressures", "ISR", a.id, 3, "pressed", s[3].start + len(HOSTILE) + 8,
                    s[3].start + len(HOSTILE) + 15, "asserted", 0.75, "020", -0.5, 1),
    ]
    b_parts = ["Foreign Minister Abbas Araghchi rejected the American demands.",
               "Iran did not attack the United States."]
    b = _doc(" ".join(b_parts), "seeds/b.txt", "2026-03")
    ex_b = Extraction(document=b, doc_date="2026-03", sentences=_sentences(b, b_parts))
    ex_b.actors = {"IRN": Actor("IRN", "Iran", "State"), "USA": Actor("USA", "United States", "State"),
                   "P_Abbas_Araghchi": Actor("P_Abbas_Araghchi", "Abbas Araghchi", "Person", affiliation="IRN")}
    ex_b.offices = [Office("P_Abbas_Araghchi", "Foreign Minister", "IRN")]
    t = ex_b.sentences
    ex_b.interactions = [
        Interaction("P_Abbas_Araghchi", "opposes", "USA", b.id, 0, "rejected", 32, 40, "asserted", 0.8, "110", -2.0, 3,
                    source_official="P_Abbas_Araghchi"),
        Interaction("IRN", "attacks", "USA", b.id, 1, "attack", t[1].start + 13, t[1].start + 19, "negated", 0.5,
                    "190", -10.0, 4),
    ]
    return [ex_a, ex_b]


def document_graphs() -> list[tuple]:
    """(document IRI, graph, source path) per document, as the pipeline hands them to the store."""
    return [(doc_iri(ex.document.id), document_graph(ex), ex.document.source) for ex in extractions()]


def schema() -> Graph:
    g = Graph()
    g.parse(ONTOLOGY_DIR / "actorgraph.ttl", format="turtle")
    return g


def dataset(with_schema: bool = True) -> Dataset:
    ds = Dataset()
    bind_prefixes(ds)
    for iri, g, _src in document_graphs():
        target = ds.graph(iri)
        for t in g:
            target.add(t)
    if with_schema:
        onto = ds.graph(ONTOLOGY_GRAPH)
        for t in schema():
            onto.add(t)
    return ds


def union() -> Graph:
    g = bind_prefixes(Graph())
    for _iri, dg, _src in document_graphs():
        g += dg
    return g
