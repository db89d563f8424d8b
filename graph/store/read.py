"""What the analysis and the report read from a store, with SPARQL: no rdflib graph of the corpus.

Why: ``graph.analyse.analyse`` reads an rdflib graph, and an rdflib graph of ten million triples does
not fit this machine's memory (a 20,000-article build peaked at 3.2 GB before #14). Here the same
rows come from the store's indexes: one row per interaction with only what the metrics use (no
sentence text; ``hydrate`` fetches the texts of the few rows a report quotes), the involved actors'
labels, types and offices, the documents, the relations' metadata. ``analyse_store`` hands them to
``graph.analyse.analyse_rows``: the metrics are the same code, whatever the source.

Every query sees the union of the store's graphs (``graph.store.derived``); the listings are written as
hash-joined subqueries, each one index scan (see ``ontology/queries/adversaries.rq``).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import pyoxigraph as ox
from rdflib import Graph

from .. import analyse as analyse_mod
from ..memory import release
from ..namespaces import AG, PREFIXES
from .store import Store, _rdflib_dataset, _rdflib_terms, query

__all__ = ["PREFIX_MAP", "VALUES_CHUNK", "INTERACTION_COLUMNS", "interaction_query", "memory_store", "select",
    "select_values", "select_interactions", "COLUMNS_PER_QUERY", "count", "interaction_rows", "actor_table",
    "document_table", "analyse_store", "hydrate"]

PREFIX_MAP = {k: str(v) for k, v in PREFIXES.items()}
VALUES_CHUNK = 400  # IRIs per VALUES block when fetching details of chosen rows or actors

# What an interaction row may carry: column -> property (one index scan each, hash-joined on ?i)
INTERACTION_COLUMNS = {"source": "ag:source", "target": "ag:target", "relation": "ag:relation",
                       "modality": "ag:modality", "confidence": "ag:confidence", "date": "ag:date",
                       "reportedOn": "ag:reportedOn", "otherParty": "ag:otherParty", "reportedBy": "ag:reportedBy",
                       "official": "ag:sourceOfficial", "sentence": "ag:evidence", "at": "ag:charStart",
                       "doc": "ag:document"}
_REQUIRED = ("source", "target", "relation")
_ROW_COLUMNS = ("source", "target", "relation", "modality", "confidence", "date", "reportedOn", "otherParty",
                "reportedBy", "doc")


def interaction_query(columns: Sequence[str]) -> str:
    """``SELECT ?i ?column…``: one row per interaction (more where a property has several values) with
    ``columns`` of ``INTERACTION_COLUMNS`` - source, target and relation required, the rest optional.
    The analysis and the page read every interaction through it, each the columns it uses."""
    patterns = ["{ SELECT ?i WHERE { ?i a ag:Interaction } }"]
    for c in columns:
        pattern = f"{{ SELECT ?i ?{c} WHERE {{ ?i {INTERACTION_COLUMNS[c]} ?{c} }} }}"
        patterns.append(pattern if c in _REQUIRED else "OPTIONAL " + pattern)
    return f"SELECT ?i {' '.join('?' + c for c in columns)}\nWHERE {{\n  " + "\n  ".join(patterns) + "\n}"


COLUMNS_PER_QUERY = 4  # hash-joined columns per query when every interaction is read (select_interactions)


def select_interactions(store: Store, columns: Sequence[str], width: int = COLUMNS_PER_QUERY) -> Iterator[tuple]:
    """(IRI, the value of each of ``columns``…) of every interaction, once each: plain strings (an
    IRI, a literal's lexical form), None where unbound, the smallest value where a property has
    several (merged stores); in no particular order. The columns are read ``width`` at a time, in
    queries of ``interaction_query`` - the required ones (source, target, relation) in the first -
    and joined here on the IRI, every repeated value shared.

    Why not one query: it hash-joins one table per column, and its memory grows faster than its
    columns (measured at 330,000 interactions: 235 MB with 3 columns, 630 MB with 6, 1.34 GB with
    11, all freed only when it ends); queries of four columns peak at ~350 MB and take about the
    same time in all, while what is joined here costs ~300 bytes an interaction."""
    required = [c for c in columns if c in _REQUIRED]
    optional = [c for c in columns if c not in _REQUIRED]
    first = max(1, width - len(required))
    groups = [required + optional[:first]] + [optional[k:k + width] for k in range(first, len(optional), width)]
    slot = {c: n for n, c in enumerate(columns)}
    found: dict[str, list] = {}
    shared: dict[str, str] = {}
    for n, group in enumerate(groups):
        places = [slot[c] for c in group]
        for i, *values in select_values(store, interaction_query(group)):
            row = found.get(i)
            if row is None:
                if n:
                    continue  # lacks a required column: not read as an interaction
                row = found[i] = [None] * len(columns)
            for place, v in zip(places, values):
                if v is not None and (row[place] is None or v < row[place]):
                    row[place] = shared.setdefault(v, v)
        release()  # what the query's hash joins held (graph.memory)
    shared.clear()
    for i, row in found.items():
        yield (i, *row)


def memory_store(g: Graph) -> Store:
    """An rdflib graph (or dataset) copied into an in-memory Oxigraph store, so that it is read with
    the same queries as a store (``graph.views`` renders every graph this way)."""
    from .store import _term

    inner = ox.Store()
    if hasattr(g, "quads") and getattr(g, "context_aware", False):
        triples: Iterable = (q[:3] for q in g.quads((None, None, None, None)))
    else:
        triples = g.triples((None, None, None))
    inner.load(input="".join(f"{_term(s)} {_term(p)} {_term(o)} .\n" for s, p, o in triples),
               format=ox.RdfFormat.N_TRIPLES)
    return Store(spec="(graph)", kind="memory", dataset=_rdflib_dataset(inner), ox=inner)


def select(store: Store, sparql: str) -> Iterator[dict]:
    """Rows of a SELECT on the union of the store's graphs, as {variable: rdflib term}, streamed on a
    local store (a remote endpoint's answer is read whole)."""
    if store.ox is None:
        for row in query(store, sparql):
            yield {k: v for k, v in row.asdict().items() if v is not None}
        return
    convert = _rdflib_terms()
    result = store.ox.query(sparql, prefixes=PREFIX_MAP, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    for row in result:
        yield {n: convert(t) for n, t in zip(names, row) if t is not None}


def select_values(store: Store, sparql: str) -> Iterator[tuple]:
    """Rows of a SELECT on the union of the store's graphs as tuples of plain strings - an IRI, a
    literal's lexical form - or None where unbound, in the order of its variables. Why: readers of
    every interaction need only the text, and making rdflib terms of it was half of reading them."""
    if store.ox is None:
        for row in query(store, sparql):
            yield tuple(None if t is None else str(t) for t in row)
        return
    for row in store.ox.query(sparql, prefixes=PREFIX_MAP, use_default_graph_as_union=True):
        yield tuple(None if t is None else t.value for t in row)


def count(store: Store, sparql_where: str, distinct: str | None = None) -> int:
    """``SELECT (COUNT(*) AS ?n) WHERE { … }``, or ``COUNT(DISTINCT ?var)``: the union default graph
    yields a triple once per graph that holds it (a document's type is in its own graph and in the
    derived one), so counting things needs DISTINCT."""
    what = f"DISTINCT ?{distinct}" if distinct else "*"
    rows = list(select(store, f"SELECT (COUNT({what}) AS ?n) WHERE {{ {sparql_where} }}"))
    return int(rows[0]["n"]) if rows else 0


# ---------------------------------------------------------------- the analysis


def interaction_rows(store: Store) -> list[analyse_mod.Row]:
    """One slim row per interaction (every modality): the keys of ``analyse.interaction_table`` that
    the metrics use, in a slotted ``analyse.Row``, each repeated string and number shared (actor ids,
    relations, dates, documents, confidences are few). A property with several values (merged
    stores) gives its smallest, as in ``interaction_table``."""
    intern: dict = {}
    numbers: dict = {}

    def local(term) -> str | None:  # noqa: ANN001
        if term is None:
            return None
        text = analyse_mod.local_name(term)
        return intern.setdefault(text, text)

    def intern_iri(text: str) -> str:
        return intern.setdefault(text, text)

    def number(lexical: str | None) -> float:
        if lexical not in numbers:
            numbers[lexical] = analyse_mod._float(lexical, 0.0)
        return numbers[lexical]

    rows = [_slim_row(values, local, intern_iri, number) for values in select_interactions(store, _ROW_COLUMNS)]
    return sorted(rows, key=analyse_mod._row_order)


def _slim_row(values: tuple, local, intern_iri, number) -> analyse_mod.Row:  # noqa: ANN001 - interning functions
    i, source, target, relation, modality, confidence, date, reported_on, other, by, doc = values
    return analyse_mod.Row(
        iri=i, source=local(source), target=local(target), relation=local(relation),
        modality=intern_iri((local(modality) or "asserted").lower()), confidence=number(confidence),
        date=local(date), reported_on=local(reported_on), other_party=local(other),
        reported_by=local(by), document=local(doc) or "", doc_iri=None if doc is None else intern_iri(doc))


def actor_table(store: Store, actors: Iterable[str]) -> dict[str, dict]:
    """``analyse.actor_table`` for ``actors``, read with SPARQL a few hundred at a time."""
    wanted = sorted({a for a in actors if a})
    labels: dict[str, list[str]] = {}
    types: dict[str, set[str]] = {}
    offices: dict[str, set] = {}
    for chunk in _chunks(wanted):
        values = " ".join(f"<{AG[a]}>" for a in chunk)
        for b in select(store, f"SELECT ?a ?l ?t WHERE {{ VALUES ?a {{ {values} }} "
                               "{ ?a rdfs:label ?l } UNION { ?a a ?t } }"):
            a = analyse_mod.local_name(b["a"])
            if "l" in b:
                labels.setdefault(a, []).append(str(b["l"]))
            if "t" in b:
                types.setdefault(a, set()).add(analyse_mod.local_name(b["t"]))
        for b in select(store, f"""SELECT ?a ?title ?of ?label WHERE {{ VALUES ?a {{ {values} }} ?a ag:holdsOffice ?o .
                OPTIONAL {{ ?o ag:officeTitle ?title }} OPTIONAL {{ ?o ag:officeOf ?of }} OPTIONAL {{ ?o rdfs:label ?label }} }}"""):
            title, of = str(b.get("title", "")), analyse_mod.local_name(b.get("of")) or ""
            offices.setdefault(analyse_mod.local_name(b["a"]), set()).add(
                (title, of, str(b.get("label") or f"{title} of {of}".strip())))
    return {a: {"id": a, "label": min(labels[a]) if a in labels else a,
                "type": next((t for t in analyse_mod.ACTOR_TYPES if t in types.get(a, ())), "Actor"),
                "offices": sorted(offices.get(a, ()))} for a in wanted}


def document_table(store: Store) -> list[dict]:
    """``analyse.document_table``: every document's iri, id, title and date."""
    docs: dict[str, dict] = {}
    for b in select(store, """SELECT ?d ?id ?title ?date WHERE { ?d a ag:Document .
            OPTIONAL { ?d dct:identifier ?id } OPTIONAL { ?d dct:title ?title } OPTIONAL { ?d dct:date ?date } }"""):
        d = str(b["d"])
        row = {"iri": d, "id": str(b.get("id") or analyse_mod.local_name(b["d"])), "title": str(b.get("title") or ""),
               "date": str(b["date"]) if "date" in b else None}
        old = docs.get(d)
        docs[d] = row if old is None else {k: min((x for x in (old[k], row[k]) if x), default=old[k], key=str)
                                           for k in row}
    return sorted(docs.values(), key=lambda d: (d["date"] or "~", d["id"]))


def analyse_store(store: Store, modalities: Sequence[str] = analyse_mod.FACTUAL_MODALITIES) -> analyse_mod.Analysis:
    """``analyse.analyse`` on a store, read with SPARQL (see the module docstring)."""
    rows = interaction_rows(store)
    involved = {a for r in rows for a in (r["source"], r["target"], r["other_party"], r["reported_by"]) if a}
    return analyse_mod.analyse_rows(rows, analyse_mod.relation_info(store), actor_table(store, involved),
                                    document_table(store), modalities)


# ---------------------------------------------------------------- the texts of chosen rows


def hydrate(store: Store, rows: Sequence[dict]) -> None:
    """Fill in the evidence of ``rows`` (sentence, trigger and where it sits, the document's title
    and date) in place: what a report quotes, read for those rows only."""
    todo = {r["iri"]: r for r in rows if "sentence" not in r}
    for chunk in _chunks(sorted(todo)):
        values = " ".join(f"<{i}>" for i in chunk)
        found = select(store, f"""SELECT ?i ?text ?sentText ?trigger ?charStart ?charEnd ?sentStart ?title ?docDate
            WHERE {{ VALUES ?i {{ {values} }}
              OPTIONAL {{ ?i ag:evidenceText ?text }} OPTIONAL {{ ?i ag:trigger ?trigger }}
              OPTIONAL {{ ?i ag:charStart ?charStart }} OPTIONAL {{ ?i ag:charEnd ?charEnd }}
              OPTIONAL {{ ?i ag:evidence ?s OPTIONAL {{ ?s ag:text ?sentText }} OPTIONAL {{ ?s ag:charStart ?sentStart }} }}
              OPTIONAL {{ ?i ag:document ?d OPTIONAL {{ ?d dct:title ?title }} OPTIONAL {{ ?d dct:date ?docDate }} }} }}""")
        for b in found:
            row = todo[str(b["i"])]
            if "sentence" in row:
                continue  # a multi-valued optional repeats the row: the first answer is kept
            row["sentence"] = str(b.get("text") or b.get("sentText") or "")
            row["trigger"] = str(b.get("trigger") or "")
            row["trigger_span"] = analyse_mod._trigger_span(b)
            row["doc_title"] = str(b.get("title") or "")
            row["doc_date"] = str(b["docDate"]) if "docDate" in b else None
    for row in todo.values():
        row.setdefault("sentence", "")
        row.setdefault("trigger", "")
        row.setdefault("trigger_span", None)
        row.setdefault("doc_title", "")


def _chunks(items: Sequence, size: int = VALUES_CHUNK) -> Iterator[Sequence]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
