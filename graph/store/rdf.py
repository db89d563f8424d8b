"""Turn extractions into RDF: one named graph per document, plus the direct-triple view.

Every interaction is written twice, on purpose:

* a reified ``ag:Interaction`` node carrying source, target, relation, the evidence sentence, the
  document, offsets, confidence, modality, date and CAMEO coding — the provenance;
* a direct triple ``ag:USA ag:pressures ag:ISR`` for easy queries — only for claims the text presents
  as having happened (asserted, or reported by a named source). Hypothetical and negated claims exist
  only as Interaction nodes, so a plain ``?a ag:attacks ?b`` never returns a strike that did not happen.

Names come from the content hash (see ``graph.namespaces``), so rebuilding or re-ingesting an
unchanged document yields identical triples.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL

from ..gazetteer import Gazetteer
from ..model import Actor, Document, Extraction, Interaction
from ..namespaces import (
    AG, ANALYSIS_GRAPH, ONTOLOGY_GRAPH, PREFIXES, WD, actor_iri, doc_iri, interaction_iri,
    office_iri, sentence_iri,
)
from ..vocabulary import VOCABULARY

__all__ = [
    "FACTUAL", "MODALITY_IRI", "QUAD_IRI", "add_interaction", "assemble", "bind_prefixes", "date_literal",
    "describe_actor", "document_graph", "document_strings", "interaction_key", "ontology_graph", "union"
]

MODALITY_IRI = {
    "asserted": AG.Asserted,
    "reported": AG.Reported,
    "hypothetical": AG.Hypothetical,
    "negated": AG.Negated,
}
QUAD_IRI = {code: AG[name] for name, code in VOCABULARY.quad_classes}  # 1 -> ag:VerbalCooperation, from ag:quadCode
FACTUAL = frozenset({"asserted", "reported"})

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_literal(value: str) -> Literal:
    """A typed date literal at the precision the text gave: xsd:date, xsd:gYearMonth or xsd:gYear."""
    m = _DATE_RE.match(value)
    if not m:
        raise ValueError(f"not an ISO date, year-month or year: {value!r}")
    if m.group(3):
        return Literal(value, datatype=XSD.date)
    if m.group(2):
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value, datatype=XSD.gYear)


def bind_prefixes(g: Graph) -> Graph:
    """``g`` with actorgraph's prefixes bound, so that its Turtle reads ``ag:USA``, not full IRIs."""
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


def interaction_key(ix: Interaction) -> str:
    """Stable id of an interaction inside its document: same claim, same IRI on every run.

    Built from everything ``extract._dedupe`` keeps apart (modality included: a claim reported by
    one side and denied by the other is two interactions on the same words, and one IRI for both
    would merge them into a node with two modalities and two confidences)."""
    raw = (f"{ix.sentence}|{ix.trigger_start}|{ix.source}|{ix.relation}|{ix.target}|{ix.other_party or ''}"
           f"|{ix.modality}")
    return hashlib.sha256(raw.encode()).hexdigest()[:12]


def describe_actor(g: Graph, actor: Actor, gazetteer: Gazetteer | None = None) -> None:
    """Type, label and Wikidata link of an actor — enough for a self-contained document graph."""
    node = actor_iri(actor.id)
    g.add((node, RDF.type, AG[actor.type]))
    g.add((node, RDFS.label, Literal(actor.label)))
    if actor.wikidata:
        g.add((node, OWL.sameAs, WD[actor.wikidata]))
    if actor.affiliation:
        g.add((node, AG.affiliatedWith, actor_iri(actor.affiliation)))
        if gazetteer is not None and actor.affiliation in gazetteer.actors:
            describe_actor(g, gazetteer.actors[actor.affiliation])


def document_strings(doc: Document) -> list[tuple[URIRef, str]]:
    """The document's optional text properties that are set (title, source, hash, author, URL): one
    list for both writers (this module's rdflib graph and ``graph.store.ntriples``)."""
    fields = ((DCTERMS.title, doc.title), (AG.sourcePath, doc.source), (AG.sha256, doc.sha256),
              (DCTERMS.creator, doc.author), (AG.url, doc.url))
    return [(p, v) for p, v in fields if v]


def document_graph(ex: Extraction, gazetteer: Gazetteer | None = None, identifier: URIRef | None = None) -> Graph:
    """All triples that one document contributes: the document, its evidence sentences, actors,
    offices, interactions and direct triples. This is what goes into the document's named graph.

    >>> from graph.model import Document, Extraction, Interaction, Sentence
    >>> ix = Interaction(source="OMN", relation="mediates", target="IRN", doc_id="d1", sentence=0,
    ...                  trigger="mediated", trigger_start=5, trigger_end=13)
    >>> ex = Extraction(Document(id="d1", text="Oman mediated."), [Sentence("d1", 0, 0, 14, "Oman mediated.")],
    ...                 interactions=[ix])
    >>> g = document_graph(ex)
    >>> (AG.OMN, AG.mediates, AG.IRN) in g   # the direct triple, for a factual claim
    True
    >>> node = g.value(predicate=AG.relation, object=AG.mediates)   # the reified claim, with its evidence
    >>> str(g.value(node, AG.evidenceText)), g.value(node, AG.modality) == AG.Asserted
    ('Oman mediated.', True)
    """
    doc = ex.document
    g = bind_prefixes(Graph(identifier=identifier or doc_iri(doc.id)))
    d = doc_iri(doc.id)
    g.add((d, RDF.type, AG.Document))
    g.add((d, DCTERMS.identifier, Literal(doc.id)))
    if ex.doc_date:
        g.add((d, DCTERMS.date, date_literal(ex.doc_date)))
    for predicate, value in document_strings(doc):
        g.add((d, predicate, Literal(value)))

    used_sentences = {ix.sentence for ix in ex.interactions}
    for s in ex.sentences:
        if s.index not in used_sentences:
            continue  # only evidence sentences: keeps the store lean, every sentence written is cited
        node = sentence_iri(doc.id, s.index)
        g.add((node, RDF.type, AG.Sentence))
        g.add((node, AG.inDocument, d))
        g.add((node, AG["index"], Literal(s.index)))  # AG.index is str.index
        g.add((node, AG.charStart, Literal(s.start)))
        g.add((node, AG.charEnd, Literal(s.end)))
        g.add((node, AG.text, Literal(s.text)))

    for actor in ex.actors.values():
        describe_actor(g, actor, gazetteer)

    for office in ex.offices:
        o = office_iri(office.of, office.title)
        holder = ex.actors.get(office.of)
        of_label = holder.label if holder else (gazetteer.actors[office.of].label if gazetteer and office.of in gazetteer.actors else office.of)
        g.add((o, RDF.type, AG.Office))
        g.add((o, RDFS.label, Literal(f"{office.title} of {of_label}")))
        g.add((o, AG.officeTitle, Literal(office.title)))
        g.add((o, AG.officeOf, actor_iri(office.of)))
        g.add((actor_iri(office.person), AG.holdsOffice, o))
        g.add((actor_iri(office.person), AG.affiliatedWith, actor_iri(office.of)))

    sentences = {s.index: s for s in ex.sentences}
    for ix in ex.interactions:
        add_interaction(g, ix, sentences[ix.sentence].text, reported_on=ex.doc_date)
    return g


def add_interaction(g: Graph, ix: Interaction, evidence_text: str, *, reported_on: str | None = None) -> URIRef:
    """The reified Interaction (and, for a factual claim, its direct triple).

    ``reported_on`` is the document's date: every claim carries it as ``ag:reportedOn`` at the
    document date's precision, so that a claim whose sentence names no date still sits on a
    timeline (most news sentences give none; the page's time slider and the report's monthly dyad
    chart fall back to it when ``ag:date`` is absent)."""
    node = interaction_iri(ix.doc_id, interaction_key(ix))
    src, tgt, rel = actor_iri(ix.source), actor_iri(ix.target), AG[ix.relation]
    g.add((node, RDF.type, AG.Interaction))
    g.add((node, AG.source, src))
    g.add((node, AG.target, tgt))
    g.add((node, AG.relation, rel))
    g.add((node, AG.evidence, sentence_iri(ix.doc_id, ix.sentence)))
    g.add((node, AG.document, doc_iri(ix.doc_id)))
    g.add((node, AG.evidenceText, Literal(evidence_text)))
    g.add((node, AG.trigger, Literal(ix.trigger)))
    g.add((node, AG.charStart, Literal(ix.trigger_start)))
    g.add((node, AG.charEnd, Literal(ix.trigger_end)))
    g.add((node, AG.confidence, Literal(round(ix.confidence, 3), datatype=XSD.decimal)))
    g.add((node, AG.modality, MODALITY_IRI[ix.modality]))
    if ix.cameo:
        g.add((node, AG.cameoCode, Literal(ix.cameo)))
    if ix.quad:
        g.add((node, AG.quadClass, QUAD_IRI[ix.quad]))
    g.add((node, AG.goldstein, Literal(round(ix.goldstein, 1), datatype=XSD.decimal)))
    if ix.date:
        g.add((node, AG.date, date_literal(ix.date)))
    if ix.date_text:
        g.add((node, AG.dateText, Literal(ix.date_text)))
    if reported_on:
        g.add((node, AG.reportedOn, date_literal(reported_on)))
    if ix.reported_by:
        g.add((node, AG.reportedBy, actor_iri(ix.reported_by)))
    if ix.other_party:
        g.add((node, AG.otherParty, actor_iri(ix.other_party)))
    if ix.source_sector:
        g.add((node, AG.sourceSector, AG[ix.source_sector]))
    if ix.target_sector:
        g.add((node, AG.targetSector, AG[ix.target_sector]))
    if ix.source_official:
        g.add((node, AG.sourceOfficial, actor_iri(ix.source_official)))
    if ix.episode:
        g.add((node, AG.episode, AG[ix.episode]))
    if ix.path:
        g.add((node, AG.rule, Literal(ix.path)))
    if ix.modality in FACTUAL:
        g.add((src, rel, tgt))
    return node


def ontology_graph(gazetteer: Gazetteer) -> Graph:
    """The ontology/gazetteer/lexicon graph, as read from ``ontology/`` (named graph ``ONTOLOGY_GRAPH``)."""
    g = bind_prefixes(Graph(identifier=ONTOLOGY_GRAPH))
    for t in gazetteer.graph:
        g.add(t)
    return g


def assemble(extractions: Iterable[Extraction], gazetteer: Gazetteer) -> Dataset:
    """A Dataset with the schema in the ontology graph and one named graph per document."""
    ds = Dataset()
    bind_prefixes(ds)
    onto = ds.graph(ONTOLOGY_GRAPH)
    for t in gazetteer.schema:
        onto.add(t)
    for ex in extractions:
        g = ds.graph(doc_iri(ex.document.id))
        for t in document_graph(ex, gazetteer):
            g.add(t)
    ds.graph(ANALYSIS_GRAPH)
    return ds


def union(ds: Dataset) -> Graph:
    """All named graphs merged into one plain Graph (what ``out/graph.ttl`` holds)."""
    g = bind_prefixes(Graph())
    for quad in ds.quads((None, None, None, None)):
        g.add(quad[:3])
    return g
