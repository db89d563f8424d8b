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
  ontology graph does not describe) is recorded in its graph by one quad, ``<doc> ag:states
  <…/statement/HASH>``, where ``HASH`` is the triple's alone; the statement node (``rdf:subject …
  ; rdf:predicate … ; rdf:object … ; a rdf:Statement``) lives once, in the derived graph, beside the
  triple. Why not the four-quad node in every document that states the triple (the layout before): it
  made 1.85 quads per triple given, which capped ingest at ~72,000 triples/s (#14);
* a **direct relation triple** its own asserted or reported interaction implies is not written in it
  at all: the interaction says it;
* a triple the ontology graph already holds (a gazetteer actor's type, label, Wikidata link) is not
  repeated;
* the **derived graph** (``https://w3id.org/actorgraph/graph/derived``) holds every shared triple and
  every direct relation triple once - what the statements the documents reference and their factual
  interactions imply, minus what the ontology graph holds - and the statement nodes some document
  references. Writers keep it up to date (``graph.store``) and every new generation recomputes its
  triples whole (``refresh_update``); the statement nodes are the one record of what a ``HASH``
  stands for, so a refresh keeps those a document still references and drops the others.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable

from rdflib import RDF, BNode, URIRef

from ..namespaces import AG, GRAPHS, ONTOLOGY_GRAPH

__all__ = ["DERIVED_GRAPH", "STATEMENT_BASE", "STATES", "FACTUAL", "is_own", "implied", "statement_iri", "statement",
    "statement_lines", "refresh_update", "underive_update"]

DERIVED_GRAPH = GRAPHS["derived"]
STATEMENT_BASE = "https://w3id.org/actorgraph/statement/"
STATES = AG.states
FACTUAL = frozenset({AG.Asserted, AG.Reported})
_INTERACTION_KEYS = {AG.source: 0, AG.relation: 1, AG.target: 2}


def is_own(doc: str, s: object, o: object) -> bool:
    """Whether a triple belongs to its document alone: its subject is the document or lies under it
    (sentences, interactions), or it holds a blank node (a new one in every load)."""
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


def _hash(spo: str) -> str:
    return hashlib.sha1(spo.encode("utf-8")).hexdigest()[:16]


def statement_iri(spo: str) -> URIRef:
    """The statement node of a shared triple (its N-Triples text ``spo``): the same in every document
    that states it, so its four quads are written once."""
    return URIRef(STATEMENT_BASE + _hash(spo))


_TYPE, _STATEMENT, _SUBJECT, _PREDICATE, _OBJECT = RDF.type, RDF.Statement, RDF.subject, RDF.predicate, RDF.object
_STATEMENT_TEXT = [f"<{t}>" for t in (_TYPE, _STATEMENT, _SUBJECT, _PREDICATE, _OBJECT)]


def statement(node: URIRef, s: object, p: object, o: object) -> list[tuple]:
    """The ``rdf:Statement`` node ``node`` of the shared triple (s, p, o), for the derived graph."""
    return [(node, _TYPE, _STATEMENT), (node, _SUBJECT, s), (node, _PREDICATE, p), (node, _OBJECT, o)]


def statement_lines(spo: str, s: str, p: str, o: str) -> tuple[str, list[str]]:
    """``statement`` as N-Triples for the writer: (the node, its four lines without a final dot);
    ``spo`` is the triple's text, ``s``/``p``/``o`` its terms."""
    node = f"<{STATEMENT_BASE}{_hash(spo)}>"
    typ, statement_class, subject, predicate, obj = _STATEMENT_TEXT
    return node, [f"{node} {typ} {statement_class}", f"{node} {subject} {s}", f"{node} {predicate} {p}",
                  f"{node} {obj} {o}"]


# Full IRIs, no PREFIX: these updates are joined to others with ";", after which Oxigraph takes no prologue.
def _full(text: str) -> str:
    return (text.replace("RDF#", str(RDF)).replace("AG#", str(AG)).replace("DERIVED", f"<{DERIVED_GRAPH}>")
            .replace("BASE", STATEMENT_BASE))


# What the dropped graphs (``?old``) support: the triples of the statements they reference, and the
# direct triples their factual interactions imply.
_DROPPED = _full("""{ GRAPH ?old { ?d <AG#states> ?x }
     GRAPH DERIVED { ?x <RDF#subject> ?s ; <RDF#predicate> ?p ; <RDF#object> ?o } }
  UNION { GRAPH ?old { ?i a <AG#Interaction> ; <AG#source> ?s ; <AG#relation> ?p ; <AG#target> ?o ;
          <AG#modality> ?m } FILTER (?m IN (<AG#Asserted>, <AG#Reported>)) }""")

# Whether no graph other than the dropped ones ({names}) supports ?s ?p ?o. Written so that Oxigraph
# starts each lookup from the bound triple (it keeps the written order inside EXISTS): as a join of the
# two GRAPH patterns it read every ag:states record for each candidate triple, and starting from
# ``?i a ag:Interaction`` every interaction (3 s and 1 s for one document's 109 candidates at 300,000
# triples; 8-20 s per replaced document at 1,000,000); the statement node found from the triple, then
# its records looked up, and the interactions found from their source, take 0.1 s together.
_ELSEWHERE = _full("""FILTER NOT EXISTS {{ GRAPH DERIVED {{ ?x2 <RDF#subject> ?s ; <RDF#predicate> ?p ; <RDF#object> ?o }}
      FILTER EXISTS {{ GRAPH ?other {{ ?d2 <AG#states> ?x2 }} FILTER (?other NOT IN ({names})) }} }}
  FILTER NOT EXISTS {{ GRAPH ?other {{ ?i2 <AG#source> ?s ; <AG#relation> ?p ; <AG#target> ?o ; a <AG#Interaction> ;
          <AG#modality> ?m2 }} FILTER (?m2 IN (<AG#Asserted>, <AG#Reported>)) FILTER (?other NOT IN ({names})) }}""")

# The derived graph's triples other than statement nodes; the statement nodes no document references.
_CLEAR = _full("""DELETE { GRAPH DERIVED { ?s ?p ?o } } WHERE {
  GRAPH DERIVED { ?s ?p ?o } FILTER (!STRSTARTS(STR(?s), "BASE")) } ;
DELETE { GRAPH DERIVED { ?x ?p ?o } } WHERE {
  GRAPH DERIVED { ?x ?p ?o } FILTER (STRSTARTS(STR(?x), "BASE"))
  FILTER NOT EXISTS { GRAPH ?g { ?d <AG#states> ?x } } }""")

# Each pattern one index scan, hash-joined (nested lookups per statement took 20 s at 1.4 million quads).
_ALL = _full("""{{ SELECT DISTINCT ?s ?p ?o WHERE {{
    {{ {{ SELECT ?x ?s WHERE {{ GRAPH DERIVED {{ ?x <RDF#subject> ?s }} }} }}
      {{ SELECT ?x ?p WHERE {{ GRAPH DERIVED {{ ?x <RDF#predicate> ?p }} }} }}
      {{ SELECT ?x ?o WHERE {{ GRAPH DERIVED {{ ?x <RDF#object> ?o }} }} }} }}
    UNION
    {{ {{ SELECT ?i WHERE {{ GRAPH ?g0 {{ ?i <AG#modality> ?m }} FILTER (?m IN (<AG#Asserted>, <AG#Reported>)) }} }}
      {{ SELECT ?i WHERE {{ GRAPH ?g7 {{ ?i a <AG#Interaction> }} }} }}
      {{ SELECT ?i ?s WHERE {{ GRAPH ?g4 {{ ?i <AG#source> ?s }} }} }}
      {{ SELECT ?i ?p WHERE {{ GRAPH ?g5 {{ ?i <AG#relation> ?p }} }} }}
      {{ SELECT ?i ?o WHERE {{ GRAPH ?g6 {{ ?i <AG#target> ?o }} }} }} }} }} }}
  FILTER NOT EXISTS {{ GRAPH <{ontology}> {{ ?s ?p ?o }} }}""")


def refresh_update() -> str:
    """One SPARQL update (one transaction) that recomputes the derived graph's triples from every
    document: its triples go, and so do the statement nodes no document references; then what the
    remaining statement nodes and the factual interactions imply goes in."""
    return (_CLEAR + " ;\n"
            f"INSERT {{ GRAPH <{DERIVED_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{\n  "
            + _ALL.format(ontology=ONTOLOGY_GRAPH) + " }")


def underive_update(dropped: list[str]) -> str:
    """A SPARQL update removing from the derived graph the triples only the ``dropped`` graphs (IRIs
    in N-Triples form) supported, then the statement nodes only they referenced; run before they are
    dropped (the triples first: their support is found through the statement nodes)."""
    names, values = ", ".join(dropped), " ".join(dropped)
    triples = (f"DELETE {{ GRAPH <{DERIVED_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{\n  VALUES ?old {{ {values} }}\n  "
               + _DROPPED + "\n  " + _ELSEWHERE.format(names=names) + " }")
    nodes = (f"DELETE {{ GRAPH <{DERIVED_GRAPH}> {{ ?x ?q ?v }} }} WHERE {{\n"
             f"  VALUES ?old {{ {values} }}\n  GRAPH ?old {{ ?d <{STATES}> ?x }} GRAPH <{DERIVED_GRAPH}> {{ ?x ?q ?v }}\n"
             f"  FILTER NOT EXISTS {{ GRAPH ?other {{ ?d2 <{STATES}> ?x }} FILTER (?other NOT IN ({names})) }} }}")
    return triples + " ;\n" + nodes
