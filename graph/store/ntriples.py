"""A document's triples as N-Triples text, straight from its extraction record.

Why: building each document's rdflib graph (``graph.store.rdf.document_graph``: ~2,200 ``Graph.add``
per article, each creating rdflib terms and indexing them three ways) was most of the write stage of a
build, and the writer only turns that graph back into N-Triples text to bulk-load it. ``document_triples``
yields the very same triples as text, with no rdflib term on the way (``tests/test_store.py`` checks,
over real extractions, that they equal ``document_graph``'s triple for triple). ``document_graph``
stays the reference and serves whoever wants an rdflib graph (export, the remote-store path).

Literal forms are rdflib's: typed literals that rdflib writes in a form of its own (decimals, dates)
are made by rdflib once per distinct value and cached; strings and integers follow ``_literal``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL

from ..gazetteer import Gazetteer
from ..model import Actor, Extraction, Interaction
from ..namespaces import AG, WD, actor_iri, doc_iri, interaction_iri, office_iri, sentence_iri
from . import rdf as _rdf
from .rdf import FACTUAL, MODALITY_IRI, QUAD_IRI, date_literal
from .store import _iri, _literal, _string

__all__ = ["DocumentTriples", "document_triples", "source_triple"]

_INTEGER = "^^" + _iri(XSD.integer)


@dataclass(slots=True)
class DocumentTriples:
    """One document's triples as (subject, predicate, object) N-Triples terms, each once, and the
    direct relation triples (``"s p o"``) its factual interactions imply (see ``graph.store.derived``)."""

    doc: str  # the document IRI in N-Triples form, ``<…>``
    triples: dict[tuple[str, str, str], None] = field(default_factory=dict)  # an ordered set
    implied: set[str] = field(default_factory=set)

    def add(self, s: str, p: str, o: str) -> None:
        self.triples[(s, p, o)] = None


class _P:
    """The N-Triples form of every predicate and class a document graph uses, made once."""

    def __getattr__(self, name: str) -> str:
        text = _iri(AG[name])
        setattr(self, name, text)
        return text


_AG = _P()
_TYPE, _LABEL, _SAME = _iri(RDF.type), _iri(RDFS.label), _iri(OWL.sameAs)
_DCT = {name: _iri(DCTERMS[name]) for name in ("identifier", "date")}


@lru_cache(maxsize=64)
def _predicate(p: URIRef) -> str:
    return _iri(p)


@lru_cache(maxsize=4096)
def _actor(actor_id: str) -> str:
    return _iri(actor_iri(actor_id))


_DECIMALS: dict[tuple[type, str], str] = {}


def _decimal(value: float) -> str:
    """Cached by type and repr: 1 and 1.0, 0.0 and -0.0 are equal keys to a dict, not to rdflib."""
    key = (type(value), repr(value))
    text = _DECIMALS.get(key)
    if text is None:
        text = _literal(Literal(value, datatype=XSD.decimal))
        if len(_DECIMALS) < 100_000:
            _DECIMALS[key] = text
    return text


@lru_cache(maxsize=1024)
def _date(value: str) -> str:
    return _literal(date_literal(value))


def _int(value: int) -> str:
    return f'"{int(value)}"{_INTEGER}'


def source_triple(doc: str, key: str) -> tuple[str, str, str]:
    """The ``ag:sourcePath`` triple a writer adds to a document given with a source key."""
    return doc, _AG.sourcePath, _string(key)


def document_triples(ex: Extraction, gazetteer: Gazetteer | None = None) -> DocumentTriples:
    """What ``graph.store.rdf.document_graph`` makes of ``ex``, as N-Triples terms."""
    doc = ex.document
    d = _iri(doc_iri(doc.id))
    out = DocumentTriples(d)
    add = out.add
    add(d, _TYPE, _AG.Document)
    add(d, _DCT["identifier"], _string(doc.id))
    if ex.doc_date:
        add(d, _DCT["date"], _date(ex.doc_date))
    for predicate, value in _rdf.document_strings(doc):
        add(d, _predicate(predicate), _string(value))
    used = {ix.sentence for ix in ex.interactions}
    for s in ex.sentences:
        if s.index in used:
            node = _iri(sentence_iri(doc.id, s.index))
            add(node, _TYPE, _AG.Sentence)
            add(node, _AG.inDocument, d)
            add(node, _AG.index, _int(s.index))
            add(node, _AG.charStart, _int(s.start))
            add(node, _AG.charEnd, _int(s.end))
            add(node, _AG.text, _string(s.text))
    for actor in ex.actors.values():
        _describe(out, actor, gazetteer)
    for office in ex.offices:
        _office(out, ex, office, gazetteer)
    texts = {s.index: s.text for s in ex.sentences}
    for ix in ex.interactions:
        _interaction(out, ix, texts[ix.sentence], ex.doc_date, ix.doc_id == doc.id)
    return out


def _describe(out: DocumentTriples, actor: Actor, gazetteer: Gazetteer | None) -> None:
    node = _actor(actor.id)
    out.add(node, _TYPE, _iri(AG[actor.type]))
    out.add(node, _LABEL, _string(actor.label))
    if actor.wikidata:
        out.add(node, _SAME, _iri(WD[actor.wikidata]))
    if actor.affiliation:
        out.add(node, _AG.affiliatedWith, _actor(actor.affiliation))
        if gazetteer is not None and actor.affiliation in gazetteer.actors:
            _describe(out, gazetteer.actors[actor.affiliation], None)


def _office(out: DocumentTriples, ex: Extraction, office, gazetteer: Gazetteer | None) -> None:  # noqa: ANN001
    o = _iri(office_iri(office.of, office.title))
    holder = ex.actors.get(office.of)
    known = gazetteer is not None and office.of in gazetteer.actors
    of_label = holder.label if holder else (gazetteer.actors[office.of].label if known else office.of)
    person = _actor(office.person)
    out.add(o, _TYPE, _AG.Office)
    out.add(o, _LABEL, _string(f"{office.title} of {of_label}"))
    out.add(o, _AG.officeTitle, _string(office.title))
    out.add(o, _AG.officeOf, _actor(office.of))
    out.add(person, _AG.holdsOffice, o)
    out.add(person, _AG.affiliatedWith, _actor(office.of))


def _interaction(out: DocumentTriples, ix: Interaction, evidence: str, reported_on: str | None, ours: bool) -> None:
    """``graph.store.rdf.add_interaction``, as text (``ours``: the claim is named under the document, as
    ``graph.store.derived.implied`` requires of the claims that imply a direct triple)."""
    node = _iri(interaction_iri(ix.doc_id, _rdf.interaction_key(ix)))  # looked up here: one definition
    src, tgt, rel = _actor(ix.source), _actor(ix.target), _iri(AG[ix.relation])
    add, ag = out.add, _AG
    add(node, _TYPE, ag.Interaction)
    add(node, ag.source, src)
    add(node, ag.target, tgt)
    add(node, ag.relation, rel)
    add(node, ag.evidence, _iri(sentence_iri(ix.doc_id, ix.sentence)))
    add(node, ag.document, _iri(doc_iri(ix.doc_id)))
    add(node, ag.evidenceText, _string(evidence))
    add(node, ag.trigger, _string(ix.trigger))
    add(node, ag.charStart, _int(ix.trigger_start))
    add(node, ag.charEnd, _int(ix.trigger_end))
    add(node, ag.confidence, _decimal(round(ix.confidence, 3)))
    add(node, ag.modality, _iri(MODALITY_IRI[ix.modality]))
    if ix.cameo:
        add(node, ag.cameoCode, _string(ix.cameo))
    if ix.quad:
        add(node, ag.quadClass, _iri(QUAD_IRI[ix.quad]))
    add(node, ag.goldstein, _decimal(round(ix.goldstein, 1)))
    if ix.date:
        add(node, ag.date, _date(ix.date))
    if ix.date_text:
        add(node, ag.dateText, _string(ix.date_text))
    if reported_on:
        add(node, ag.reportedOn, _date(reported_on))
    for value, predicate in ((ix.reported_by, ag.reportedBy), (ix.other_party, ag.otherParty),
                             (ix.source_official, ag.sourceOfficial)):
        if value:
            add(node, predicate, _actor(value))
    for value, predicate in ((ix.source_sector, ag.sourceSector), (ix.target_sector, ag.targetSector),
                             (ix.episode, ag.episode)):
        if value:
            add(node, predicate, _iri(AG[value]))
    if ix.path:
        add(node, ag.rule, _string(ix.path))
    if ix.modality in FACTUAL:
        add(src, rel, tgt)
        if ours:
            out.implied.add(f"{src} {rel} {tgt}")
