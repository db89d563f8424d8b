"""The store layout: every triple in exactly one graph, the shared ones in a derived graph.

Why: a store used to hold every triple twice - in its document's named graph and in a materialised
default graph that merged them all - because documents share triples (an official's label, the
direct triple ``ag:USA ag:pressures ag:ISR``) and pyoxigraph 0.5's union default graph counts a triple
once per graph that holds it (oxigraph#1919). The copy cost a third of the ingest rate (158,000
triples/s without it against 67,000-88,000 with it, measured for #4). Now a triple lives in one graph
only, so the union default graph (``use_default_graph_as_union``; Virtuoso's default; ``oxigraph serve
--union-default-graph``) sees each triple once:

* a document's **own** triples - about the document, its sentences and interactions (subjects under
  its IRI), and anything with a blank node - stay in its named graph;
* a **shared** triple it states (an office, an official's label and affiliation, an actor the
  ontology graph does not describe) is written in its graph as an ``rdf:Statement`` node (``<doc/…/st/
  HASH> rdf:subject … ; rdf:predicate … ; rdf:object …``): the document's record that it said so;
* a **direct relation triple** its own asserted or reported interaction implies is not written in it
  at all: the interaction says it;
* a triple the ontology graph already holds (a gazetteer actor's type, label, Wikidata link) is not
  repeated;
* the **derived graph** (``https://w3id.org/actorgraph/graph/derived``) holds every shared triple and
  every direct relation triple once: what the documents' statements and factual interactions imply,
  minus what the ontology graph holds. Writers keep it up to date (``graph.store``) and every new
  generation recomputes it whole (``refresh_update``), so it can always be rebuilt from the documents.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable

from rdflib import RDF, BNode, URIRef

from ..namespaces import AG, GRAPHS, ONTOLOGY_GRAPH

__all__ = ["DERIVED_GRAPH", "FACTUAL", "is_own", "implied", "statement_iri", "statement", "statement_lines", "refresh_update",
    "underive_update"]

DERIVED_GRAPH = GRAPHS["derived"]
FACTUAL = frozenset({AG.Asserted, AG.Reported})
_INTERACTION_KEYS = {AG.source: 0, AG.relation: 1, AG.target: 2}


def is_own(doc: str, s: object, o: object) -> bool:
    """Whether a triple belongs to its document alone: its subject is the document or lies under it
    (sentences, interactions, statements), or it holds a blank node (a new one in every load)."""
    if isinstance(s, BNode) or isinstance(o, BNode):
        return True
    text = str(s)
    return text == doc or text.startswith(doc + "/")


def implied(doc: str, triples: Iterable[tuple]) -> set[tuple]:
    """The direct relation triples (source, relation, target) that the document's own asserted or
    reported interactions imply - what ``graph.store.rdf.add_interaction`` adds beside each factual claim."""
    found: dict[object, list] = {}
    factual: set = set()
    typed: set = set()
    keys, modality, rdf_type, interaction = _INTERACTION_KEYS, AG.modality, RDF.type, AG.Interaction
    for s, p, o in triples:  # the predicate first: most triples are none of these five
        k = keys.get(p)
        if k is not None:
            found.setdefault(s, [None, None, None])[k] = o
        elif p == modality:
            if o in FACTUAL:
                factual.add(s)
        elif p == rdf_type and o == interaction:
            typed.add(s)
    prefix = doc + "/"
    return {tuple(v) for k, v in found.items()
            if k in factual and k in typed and None not in v and str(k).startswith(prefix)}


def statement_iri(doc: str, spo: str) -> URIRef:
    """The statement node of a shared triple (its N-Triples text ``spo``) in document ``doc``."""
    return URIRef(f"{doc}/st/{hashlib.sha1(spo.encode('utf-8')).hexdigest()[:16]}")


_TYPE, _STATEMENT, _SUBJECT, _PREDICATE, _OBJECT = RDF.type, RDF.Statement, RDF.subject, RDF.predicate, RDF.object
_STATEMENT_TEXT = [f"<{t}>" for t in (_TYPE, _STATEMENT, _SUBJECT, _PREDICATE, _OBJECT)]


def statement(node: URIRef, s: object, p: object, o: object) -> list[tuple]:
    """The ``rdf:Statement`` node recording that the document states (s, p, o)."""
    return [(node, _TYPE, _STATEMENT), (node, _SUBJECT, s), (node, _PREDICATE, p), (node, _OBJECT, o)]


def statement_lines(prefix: str, spo: str, s: str, p: str, o: str) -> list[str]:
    """``statement`` as N-Triples lines (no final dot) for the writer: ``prefix`` is the document IRI
    in N-Triples form without its closing ``>`` and with a ``/``; ``spo`` the triple's text."""
    node = f"{prefix}st/{hashlib.sha1(spo.encode('utf-8')).hexdigest()[:16]}>"
    typ, statement_class, subject, predicate, obj = _STATEMENT_TEXT
    return [f"{node} {typ} {statement_class}", f"{node} {subject} {s}", f"{node} {predicate} {p}", f"{node} {obj} {o}"]


# Full IRIs, no PREFIX: these updates are joined to others with ";", after which Oxigraph takes no prologue.
_SUPPORT = ("""{{ GRAPH {g} {{ ?x{n} a <RDF#Statement> ; <RDF#subject> ?s ; <RDF#predicate> ?p ; <RDF#object> ?o }} }}
  UNION {{ GRAPH {g} {{ ?i{n} a <AG#Interaction> ; <AG#source> ?s ; <AG#relation> ?p ; <AG#target> ?o ;
           <AG#modality> ?m{n} }} FILTER (?m{n} IN (<AG#Asserted>, <AG#Reported>)) }}"""
            .replace("RDF#", str(RDF)).replace("AG#", str(AG)))


_ALL = ("""{{ SELECT DISTINCT ?s ?p ?o WHERE {{
    {{ {{ SELECT ?x ?s WHERE {{ GRAPH ?g1 {{ ?x <RDF#subject> ?s }} }} }}
      {{ SELECT ?x ?p WHERE {{ GRAPH ?g2 {{ ?x <RDF#predicate> ?p }} }} }}
      {{ SELECT ?x ?o WHERE {{ GRAPH ?g3 {{ ?x <RDF#object> ?o }} }} }} }}
    UNION
    {{ {{ SELECT ?i WHERE {{ GRAPH ?g0 {{ ?i <AG#modality> ?m }} FILTER (?m IN (<AG#Asserted>, <AG#Reported>)) }} }}
      {{ SELECT ?i WHERE {{ GRAPH ?g7 {{ ?i a <AG#Interaction> }} }} }}
      {{ SELECT ?i ?s WHERE {{ GRAPH ?g4 {{ ?i <AG#source> ?s }} }} }}
      {{ SELECT ?i ?p WHERE {{ GRAPH ?g5 {{ ?i <AG#relation> ?p }} }} }}
      {{ SELECT ?i ?o WHERE {{ GRAPH ?g6 {{ ?i <AG#target> ?o }} }} }} }} }} }}
  FILTER NOT EXISTS {{ GRAPH <{ontology}> {{ ?s ?p ?o }} }}"""
        .replace("RDF#", str(RDF)).replace("AG#", str(AG)))


def refresh_update() -> str:
    """One SPARQL update (one transaction) that recomputes the derived graph from every document.
    Each pattern is one index scan, hash-joined (nested lookups per statement took 20 s at 1.4 million
    quads, this 3.4 s); statement nodes are named under their document, so no join needs ``?g``."""
    return (f"DROP SILENT GRAPH <{DERIVED_GRAPH}> ;\n"
            f"INSERT {{ GRAPH <{DERIVED_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{\n  "
            + _ALL.format(ontology=ONTOLOGY_GRAPH) + " }")


def underive_update(dropped: list[str]) -> str:
    """A SPARQL update removing from the derived graph the triples only the ``dropped`` graphs (IRIs
    in N-Triples form) supported; run before they are dropped."""
    names = ", ".join(dropped)
    return (f"DELETE {{ GRAPH <{DERIVED_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{\n"
            f"  VALUES ?old {{ {' '.join(dropped)} }}\n  " + _SUPPORT.format(g="?old", n="")
            + "\n  FILTER NOT EXISTS { " + _SUPPORT.format(g="?other", n="2")
            + f" FILTER (?other NOT IN ({names}, <{DERIVED_GRAPH}>)) }} }}")
