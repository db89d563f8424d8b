"""Summaries kept in the store, so that a saved listing's page costs the page, not the corpus.

Why: the grouped listings (``adversaries``, ``who-pressures-whom``) group every factual claim by its
(source, relation, target) before they can sort or page anything; on disk at 1,000,000 triples that
grouping alone took ~120 ms of their ~360 ms page (26,000 claims into 8,320 pairs), whatever the page
size. So the derive step (``graph.store.write.refresh_derived``, after every ingest) groups once and
writes one summary node per dyad into the summaries graph (``https://w3id.org/actorgraph/graph/summaries``)::

    <https://w3id.org/actorgraph/dyad/HASH> a ag:Dyad ;
        ag:dyadSource ag:USA ; ag:dyadRelation ag:pressures ; ag:dyadTarget ag:ISR ;
        ag:claims 12 ; ag:firstDate "2024-03" ; ag:lastDate "2025-06-02" ; ag:maxConfidence 0.91 ;
        ag:rank 17 .

The mediators listing's groups get one ``ag:Mediation`` node each (mediator, the two parties, the
sentences, its ``ag:rank`` among mediations) the same way. ``ag:rank`` is a dyad's place among all dyads by (claims, descending; then source, relation and target
IRIs): any listing of dyads in that order, narrowed to some relations, is its rows by ascending rank,
so its page is the first N ranks of one index scan (``ontology/queries/page/``). The summary counts what
the grouped listings count: asserted or reported ``ag:Interaction``s with a source, relation and target.

The same refresh keeps what makes the sorted listings (``interactions`` by report date, ``evidence`` by
confidence, ``timeline`` by when) *bounded* pages instead of a sort of every claim: a count of rows per sort key value::

    <https://w3id.org/actorgraph/key/HASH> a ag:KeyCount ; ag:countsKey ag:reportedOn ;
        ag:keyValue "2025-06-02"^^xsd:date ; ag:rows 31 .

(no ``ag:keyValue``: the rows without one), and the timeline's key itself on each claim it lists
(``?i ag:when "2025-06"``: the text of its ``ag:date``, else of its ``ag:reportedOn``), so that rows of
one key are an index lookup. A page reads the counts in the listing's order (a few thousand keys
against hundreds of thousands of claims), picks the keys its rows fall in, and looks those rows up
(``graph.store.query``, the page file's ``# keys:`` line).

Staleness: every document write removes the summaries' marker in the same request (``graph.store.write``),
and the page formulations run only while the marker ``<…/graph/summaries> ag:dyadCount N`` is there (their
``# if:`` line); a refresh writes the marker last, so an interrupted one leaves none. Without it a
page reads the whole listing through, as before: slower, never wrong. Own properties (``ag:dyadSource``,
not ``ag:source``), so no query of interactions ever meets a summary node.
"""
from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterator

import pyoxigraph as ox
from rdflib import RDF, Literal

from ..errors import StoreError
from ..namespaces import AG, GRAPHS
from .store import Store, _iri, _one_line, _select, _term

__all__ = ["SUMMARY_GRAPH", "DYAD_BASE", "KEY_BASE", "MEDIATION_BASE", "dyad_iri", "dyad_rows", "ranked", "summary_lines",
           "mediation_lines", "key_lines", "stale_update", "refresh_summaries", "has_summaries"]

SUMMARY_GRAPH = GRAPHS["summaries"]
DYAD_BASE = "https://w3id.org/actorgraph/dyad/"
KEY_BASE = "https://w3id.org/actorgraph/key/"
MEDIATION_BASE = "https://w3id.org/actorgraph/mediation/"
_LOAD_LINES = 200_000  # summary lines per bulk load: ~30 MB of text, whatever the corpus

# Written for Oxigraph on disk: each { SELECT ?i ... } one index scan, hash-joined on ?i (see
# ontology/queries/adversaries.rq); run once per refresh, not per page.
_GROUPED = """PREFIX ag: <AG#>
SELECT ?source ?relation ?target (COUNT(DISTINCT ?i) AS ?claims) (MIN(?date) AS ?first) (MAX(?date) AS ?last)
       (MAX(?c) AS ?confidence)
WHERE {
  { SELECT ?i WHERE { VALUES ?m { ag:Asserted ag:Reported } ?i ag:modality ?m } }
  { SELECT ?i WHERE { ?i a ag:Interaction } }
  { SELECT ?i ?source WHERE { ?i ag:source ?source } }
  { SELECT ?i ?relation WHERE { ?i ag:relation ?relation } }
  { SELECT ?i ?target WHERE { ?i ag:target ?target } }
  OPTIONAL { SELECT ?i ?date WHERE { ?i ag:date ?d BIND(STR(?d) AS ?date) } }
  OPTIONAL { SELECT ?i ?c WHERE { ?i ag:confidence ?c } }
}
GROUP BY ?source ?relation ?target""".replace("AG#", str(AG))


# The mediators listing's groups (ontology/queries/mediators.rq): a mediator between two parties, the pair
# named once (the first by its IRI's text), and the distinct sentences that say so.
_MEDIATIONS = """PREFIX ag: <AG#>
SELECT ?mediator ?partyA ?partyB (COUNT(DISTINCT ?s) AS ?sentences) WHERE {
  ?i ag:relation ag:mediates ; ag:target ?partyA ; ag:otherParty ?partyB .
  FILTER (STR(?partyA) < STR(?partyB))
  ?i ag:modality ?m .
  FILTER (?m IN (ag:Asserted, ag:Reported))
  ?i a ag:Interaction ; ag:source ?mediator ; ag:evidence ?s .
} GROUP BY ?mediator ?partyA ?partyB""".replace("AG#", str(AG))


# The rows of each sorted listing by its sort key: the listing's own required patterns (a claim lacking one
# is no row of it), hash-joined; one row per value, as the listing gives (the shapes allow one of each).
_REQUIRED = {  # the key counted: (the other properties the listing requires, whether the key is optional)
    "reportedOn": (("source", "relation", "target", "modality", "confidence", "trigger"), True),  # interactions
    "confidence": (("source", "relation", "target", "modality", "evidenceText", "document"), False),  # evidence
}


def _key_counts(key: str) -> str:
    """The (?key ?rows) counts of the listing sorted by ``ag:KEY`` (``_REQUIRED``)."""
    required, optional = _REQUIRED[key]
    joins = " ".join(f"{{ SELECT ?i WHERE {{ ?i <{AG[p]}> ?x }} }}" for p in required)
    keyed = f"{{ SELECT ?i ?key WHERE {{ ?i <{AG[key]}> ?key }} }}"
    return (f"SELECT ?key (COUNT(*) AS ?rows) WHERE {{ {{ SELECT ?i WHERE {{ ?i a <{AG.Interaction}> }} }}\n  {joins}\n"
            f"  {'OPTIONAL ' if optional else ''}{keyed} }} GROUP BY ?key")


_WHEN = """PREFIX ag: <AG#>
SELECT ?i ?when WHERE {
  { SELECT ?i WHERE { VALUES ?m { ag:Asserted ag:Reported } ?i ag:modality ?m } }
  { SELECT ?i WHERE { ?i a ag:Interaction } }
  { SELECT ?i WHERE { ?i ag:source ?x } } { SELECT ?i WHERE { ?i ag:relation ?x } } { SELECT ?i WHERE { ?i ag:target ?x } }
  { SELECT ?i WHERE { ?i ag:evidenceText ?x } }
  OPTIONAL { SELECT ?i ?d WHERE { ?i ag:date ?d } }
  OPTIONAL { SELECT ?i ?r WHERE { ?i ag:reportedOn ?r } }
  BIND(STR(COALESCE(?d, ?r)) AS ?when) FILTER (BOUND(?when))
}""".replace("AG#", str(AG))


def dyad_iri(source: str, relation: str, target: str) -> str:
    """The summary node of a dyad: a hash of its three IRIs (stable across refreshes)."""
    key = f"{source} {relation} {target}".encode("utf-8")
    return DYAD_BASE + hashlib.sha1(key).hexdigest()[:20]


def _rows(store: Store, query: str) -> Iterator[dict[str, str]]:
    """A SELECT's rows on a local store as {variable: N-Triples text} (unbound ones left out): the
    summaries are written back as text, so no term is made an rdflib object."""
    try:
        found = store.ox.query(query, use_default_graph_as_union=True)
        names = [v.value for v in found.variables]
        for row in found:
            yield {n: str(t) for n, t in zip(names, row) if t is not None}
    except (OSError, SyntaxError) as exc:
        raise StoreError(_one_line(str(exc))) from None


def dyad_rows(store: Store) -> list[dict[str, str]]:
    """Every dyad of factual claims, grouped in the store: {source, relation, target, claims, first,
    last, confidence} as N-Triples text (first, last and confidence absent when no claim has one)."""
    return list(_rows(store, _GROUPED))


def _integer(text: str) -> int:
    """The value of an xsd:integer literal's N-Triples text (``"12"^^<…#integer>``)."""
    return int(text[1:text.index('"', 1)])


def ranked(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """``rows`` in rank order: most claims first, then by source, relation and target IRI - the order
    of SPARQL's ``ORDER BY DESC(?claims) ?source ?relation ?target`` (IRIs compare by their text, here
    the N-Triples text between the brackets)."""
    return sorted(rows, key=lambda r: (-_integer(r["claims"]), r["source"][1:-1], r["relation"][1:-1], r["target"][1:-1]))


def summary_lines(rows: list[dict[str, str]]) -> Iterator[str]:
    """The summary triples of the ranked ``rows`` as N-Triples lines (no final dot)."""
    props = [(_iri(AG[p]), key) for p, key in (("dyadSource", "source"), ("dyadRelation", "relation"),
             ("dyadTarget", "target"), ("claims", "claims"), ("firstDate", "first"), ("lastDate", "last"),
             ("maxConfidence", "confidence"))]
    rdf_type, dyad, rank = _iri(RDF.type), _iri(AG.Dyad), _iri(AG.rank)
    for k, row in enumerate(rows, 1):
        node = _iri(dyad_iri(row["source"][1:-1], row["relation"][1:-1], row["target"][1:-1]))
        yield f"{node} {rdf_type} {dyad}"
        for prop, key in props:
            if key in row:
                yield f"{node} {prop} {row[key]}"
        yield f"{node} {rank} {_term(Literal(k))}"


def mediation_lines(store: Store) -> Iterator[str]:
    """One ``ag:Mediation`` node per mediator and pair of parties, ranked as the mediators listing
    orders them (most sentences first, then mediator, first and second party IRI), as N-Triples lines."""
    rows = sorted(_rows(store, _MEDIATIONS), key=lambda r: (-_integer(r["sentences"]), r["mediator"][1:-1],
                                                            r["partyA"][1:-1], r["partyB"][1:-1]))
    rdf_type, cls, rank = _iri(RDF.type), _iri(AG.Mediation), _iri(AG.rank)
    props = [(_iri(AG[key]), key) for key in ("mediator", "partyA", "partyB", "sentences")]
    for k, row in enumerate(rows, 1):
        spo = f"{row['mediator']} {row['partyA']} {row['partyB']}"
        node = _iri(MEDIATION_BASE + hashlib.sha1(spo.encode("utf-8")).hexdigest()[:20])
        yield f"{node} {rdf_type} {cls}"
        yield from (f"{node} {prop} {row[key]}" for prop, key in props)
        yield f"{node} {rank} {_term(Literal(k))}"


def key_lines(store: Store) -> Iterator[str]:
    """The sort-key counts of the interactions listing (by ``ag:reportedOn``), of the evidence (by
    ``ag:confidence``) and of the timeline (by ``ag:when``), and each timeline claim's ``ag:when``, as
    N-Triples lines (no final dot)."""
    counts: dict[tuple[str, str | None], int] = {}
    for key in _REQUIRED:
        for row in _rows(store, _key_counts(key)):
            counts[(_iri(AG[key]), row.get("key"))] = _integer(row["rows"])
    when = _iri(AG.when)
    for row in _rows(store, _WHEN):
        value = row["when"]
        yield f"{row['i']} {when} {value}"
        counts[(when, value)] = counts.get((when, value), 0) + 1
    typ, key_count = _iri(RDF.type), _iri(AG.KeyCount)
    counts_key, key_value, rows = _iri(AG.countsKey), _iri(AG.keyValue), _iri(AG.rows)
    for (prop, value), n in counts.items():
        node = _iri(KEY_BASE + hashlib.sha1(f"{prop} {value}".encode("utf-8")).hexdigest()[:20])
        yield f"{node} {typ} {key_count}"
        yield f"{node} {counts_key} {prop}"
        if value is not None:
            yield f"{node} {key_value} {value}"
        yield f"{node} {rows} {_term(Literal(n))}"


def stale_update() -> str:
    """The update that marks the summaries stale (run with each document write): their marker goes,
    one triple, so a write stays cheap; the next refresh replaces the graph (deleting a graph costs a
    delete per quad in Oxigraph: ~25 s for the 224,000 quads of a 1,000,000-triple store, loaded)."""
    marker = f"{_iri(SUMMARY_GRAPH)} {_iri(AG.dyadCount)} ?n"
    return f"DELETE WHERE {{ GRAPH {_iri(SUMMARY_GRAPH)} {{ {marker} }} }}"


def _marker(count: int) -> str:
    return f"{_iri(SUMMARY_GRAPH)} {_iri(AG.dyadCount)} {_term(Literal(count))}"


def has_summaries(store: Store) -> bool:
    """Whether the store holds current summaries (their marker, written last by ``refresh_summaries``)."""
    return bool(_select(store, f"SELECT ?n WHERE {{ {_iri(SUMMARY_GRAPH)} {_iri(AG.dyadCount)} ?n }} LIMIT 1"))


def refresh_summaries(store: Store) -> int:
    """Recompute the summaries graph (the dyad summaries and the sort-key counts) from the documents'
    claims on a local store; returns the number of dyads. Bulk loads (RocksDB's sorted-file ingestion)
    of ``_LOAD_LINES`` lines each after the old graph is dropped (at 100,000 documents the whole text
    was hundreds of MB, held three times over), then the marker in a request of its own, so that an
    interrupted refresh leaves no marker. A remote endpoint keeps none (returns 0): pages are made from
    them only on a local store (``graph.store.query.select_rows``), a remote one reads listings through."""
    if store.ox is None:
        return 0
    rows = ranked(dyad_rows(store))
    lines = itertools.chain(summary_lines(rows), mediation_lines(store), key_lines(store))
    graph = f" {_iri(SUMMARY_GRAPH)} .\n"
    try:
        store.ox.update(f"DROP SILENT GRAPH {_iri(SUMMARY_GRAPH)}")
        while chunk := list(itertools.islice(lines, _LOAD_LINES)):  # the text of a chunk at a time, not of all
            store.ox.bulk_load(input="".join(line + graph for line in chunk).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        store.ox.update(f"INSERT DATA {{ GRAPH {_iri(SUMMARY_GRAPH)} {{ {_marker(len(rows))} }} }}")
    except (OSError, SyntaxError, ValueError, RuntimeError) as exc:
        raise StoreError(f"cannot write the summaries: {_one_line(str(exc))}") from None
    return len(rows)
