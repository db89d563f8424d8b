"""Network analysis of the actor graph: who matters, who brokers, who sides with whom.

Input is the union RDF graph (see ``docs/rdf-shape.md``). Everything is read from the reified
``ag:Interaction`` nodes, never from the direct triples, because only the nodes carry the evidence,
the modality and the date that an analyst needs to check a number.

By default only claims the text presents as having happened (asserted or reported) are counted:
a strike that "could" happen or "did not" happen must not make an actor central. Hypothetical and
negated claims are kept aside in ``Analysis.excluded`` so that the report can list them separately.

Output is deterministic (sorted inputs, fixed seeds, own PageRank without scipy) so that re-running
the analysis on an unchanged store writes identical triples into the analysis named graph.

Conventions, chosen once here so that analyse, report and the page agree:

* Degrees count *edges* of the multigraph: one edge per (source, relation, target), however many
  interactions support it; ``weight`` is the number of supporting interactions.
* A mediation ``M mediates A`` with ``ag:otherParty B`` links the mediator to both sides (edges M→A and
  M→B, both ``mediates``): a mediator stands between two parties.
* Symmetric relations (negotiatesWith, cooperatesWith, alliedWith) are stored in the direction the
  text gave; degrees keep that direction, PageRank treats them as mutual (both directions).
* Signs come from ``ag:sign`` of the relation (cooperation +1, conflict −1); a pair's signed edge is
  the sign of the sum of sign × weight over all its edges, in both directions (0 = ambivalent, left
  out of the balance count).
* The cooperation and conflict layers are analysed apart (``Analysis.layers``): brokerage is
  betweenness on the cooperation layer (``ActorStats.brokerage``), blocs are Louvain communities of
  the cooperation layer, and the mediators the text names come first among the brokers. Betweenness
  over every tie stays as a centrality (``ActorStats.betweenness``), never called brokerage.
* A claim's place in time is its ``ag:date``, else the date it was reported (``ag:reportedOn``).
"""
from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations

import networkx as nx
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDFS

from .namespaces import AG, ANALYSIS_GRAPH, DOC, ONTOLOGY_DIR, PREFIXES
from .vocabulary import ACTOR_TYPES, RELATIONS, SYMMETRIC, VOCABULARY, read_vocabulary

FACTUAL_MODALITIES = ("asserted", "reported")
NON_FACTUAL_MODALITIES = ("hypothetical", "negated")
# the relations whose ag:feedsAnalysis names the pressure list / the mediation analysis (ontology/actorgraph.ttl);
# analyse() reads them from the graph it is given, so user Turtle can add one
PRESSURE_RELATIONS = VOCABULARY.feeding("pressure")
MEDIATION_RELATIONS = VOCABULARY.feeding("mediation")
QUAD_CODES = VOCABULARY.quad_codes  # "VerbalCooperation" -> 1 … "MaterialConflict" -> 4, from ag:quadCode
SEED = 42
DECIMALS = 6

# IRIs of the nodes written back (per-relation degrees, triads, summary) live under the analysis
# graph's own name, so they are stable across runs and obviously analysis output.
_RESULT_BASE = str(ANALYSIS_GRAPH) + "/"


# ---------------------------------------------------------------- reading the RDF

def local_name(term) -> str | None:
    """``ag:USA`` -> ``USA``; ``doc:abc`` -> ``abc``; other IRIs are returned whole."""
    if term is None:
        return None
    s = str(term)
    for base in (str(AG), str(DOC)):
        if s.startswith(base):
            return s[len(base):]
    return s


ROW_KEYS = ("iri", "source", "target", "relation", "modality", "confidence", "date", "date_text", "reported_on",
            "cameo", "quad", "quad_class", "goldstein", "document", "doc_iri", "doc_title", "doc_date", "sentence",
            "sentence_iri", "trigger", "trigger_span", "other_party", "reported_by")
_ROW_KEYS = frozenset(ROW_KEYS)


class Row:
    """One interaction as a slotted record that reads and writes like the dict ``interaction_table``
    gives (``row["source"]``, ``row.get("trigger_span")``, ``"sentence" in row``, ``row.items()``): a
    key never set is absent, as in a dict. Why: the analysis of a store keeps one row per
    interaction, and a dict of a dozen keys is ~460 bytes before its values, a slotted record ~200;
    at 300,000 interactions (100,000 short documents) that is a tenth of the build's memory.

    >>> r = Row(iri="i1", source="USA", date=None)
    >>> r["source"], r.get("date"), r.get("sentence", ""), "sentence" in r, "date" in r
    ('USA', None, '', False, True)
    >>> r["sentence"] = "Talks."; r.setdefault("sentence", ""), dict(r.items())
    ('Talks.', {'iri': 'i1', 'source': 'USA', 'date': None, 'sentence': 'Talks.'})
    """

    __slots__ = ROW_KEYS

    def __init__(self, **values: object) -> None:
        for key, value in values.items():
            setattr(self, key, value)

    def __getitem__(self, key: str) -> object:
        if key not in _ROW_KEYS:
            raise KeyError(key)
        try:
            return getattr(self, key)
        except AttributeError:
            raise KeyError(key) from None

    def __setitem__(self, key: str, value: object) -> None:
        if key not in _ROW_KEYS:
            raise KeyError(f"{key}: not a column of an interaction row")
        setattr(self, key, value)

    def __contains__(self, key: object) -> bool:
        return key in _ROW_KEYS and hasattr(self, key)  # type: ignore[arg-type]

    def get(self, key: str, default: object = None) -> object:
        return getattr(self, key, default) if key in _ROW_KEYS else default

    def setdefault(self, key: str, default: object = None) -> object:
        if key not in self:
            self[key] = default
        return self[key]

    def keys(self) -> list[str]:
        return [k for k in ROW_KEYS if hasattr(self, k)]

    def items(self) -> list[tuple[str, object]]:
        return [(k, getattr(self, k)) for k in ROW_KEYS if hasattr(self, k)]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Row, dict)):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    __hash__ = None  # type: ignore[assignment] - mutable, like the dict it stands for

    def __repr__(self) -> str:
        return f"Row({dict(self.items())!r})"


_INTERACTIONS_QUERY = """
SELECT ?i ?source ?target ?relation ?modality ?confidence ?date ?dateText ?cameo ?quad ?goldstein
       ?doc ?docId ?title ?docDate ?text ?sentText ?sentence ?sentStart ?trigger ?charStart ?charEnd ?otherParty
       ?reportedBy ?reportedOn
WHERE {
  ?i a ag:Interaction ; ag:source ?source ; ag:target ?target ; ag:relation ?relation .
  OPTIONAL { ?i ag:modality ?modality }
  OPTIONAL { ?i ag:confidence ?confidence }
  OPTIONAL { ?i ag:date ?date }
  OPTIONAL { ?i ag:dateText ?dateText }
  OPTIONAL { ?i ag:reportedOn ?reportedOn }
  OPTIONAL { ?i ag:cameoCode ?cameo }
  OPTIONAL { ?i ag:quadClass ?quad }
  OPTIONAL { ?i ag:goldstein ?goldstein }
  OPTIONAL { ?i ag:trigger ?trigger }
  OPTIONAL { ?i ag:charStart ?charStart }
  OPTIONAL { ?i ag:charEnd ?charEnd }
  OPTIONAL { ?i ag:otherParty ?otherParty }
  OPTIONAL { ?i ag:reportedBy ?reportedBy }
  OPTIONAL { ?i ag:evidenceText ?text }
  OPTIONAL { ?i ag:evidence ?sentence . OPTIONAL { ?sentence ag:text ?sentText }
             OPTIONAL { ?sentence ag:charStart ?sentStart } }
  OPTIONAL { ?i ag:document ?doc .
             OPTIONAL { ?doc dct:identifier ?docId }
             OPTIONAL { ?doc dct:title ?title }
             OPTIONAL { ?doc dct:date ?docDate } }
}
"""


def _float(term, default: float = 0.0) -> float:
    if term is None:
        return default
    try:
        return float(term.toPython() if isinstance(term, Literal) else term)
    except (TypeError, ValueError):
        return default


def _str(term) -> str | None:
    return None if term is None else str(term)


def _row(b) -> dict:
    doc = b.get("doc")
    modality = (local_name(b.get("modality")) or "asserted").lower()
    quad = local_name(b.get("quad"))
    return {
        "iri": str(b["i"]),
        "source": local_name(b["source"]),
        "target": local_name(b["target"]),
        "relation": local_name(b["relation"]),
        "modality": modality,
        "confidence": _float(b.get("confidence"), 0.0),
        "date": _str(b.get("date")),
        "date_text": _str(b.get("dateText")),
        "reported_on": _str(b.get("reportedOn")),
        "cameo": _str(b.get("cameo")) or "",
        "quad": QUAD_CODES.get(quad or "", 0),
        "quad_class": quad or "",
        "goldstein": _float(b.get("goldstein"), 0.0),
        "document": _str(b.get("docId")) or local_name(doc) or "",
        "doc_iri": _str(doc),
        "doc_title": _str(b.get("title")) or "",
        "doc_date": _str(b.get("docDate")),
        "sentence": _str(b.get("text")) or _str(b.get("sentText")) or "",
        "sentence_iri": _str(b.get("sentence")),
        "trigger": _str(b.get("trigger")) or "",
        "trigger_span": _trigger_span(b),
        "other_party": local_name(b.get("otherParty")),
        "reported_by": local_name(b.get("reportedBy")),
    }


def _trigger_span(b) -> tuple[int, int] | None:  # noqa: ANN001 - a binding dict
    """Where the trigger sits in the evidence sentence (character offsets), when the offsets agree
    with the text; None otherwise (the report then marks nothing rather than the wrong words)."""
    text = _str(b.get("text")) or _str(b.get("sentText")) or ""
    try:
        a = int(b["charStart"].toPython()) - int(b["sentStart"].toPython())
        z = int(b["charEnd"].toPython()) - int(b["sentStart"].toPython())
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    trigger = _str(b.get("trigger")) or ""
    return (a, z) if 0 <= a < z <= len(text) and text[a:z] == trigger else None


def _row_order(r: dict) -> tuple:
    return (r["date"] or "~", r["document"], r["source"], r["relation"], r["target"], r["iri"])


# predicate -> name of the SPARQL variable it fills, for the index walk that mirrors the query
_PIVOT = {
    AG.source: "source", AG.target: "target", AG.relation: "relation", AG.modality: "modality",
    AG.confidence: "confidence", AG.date: "date", AG.dateText: "dateText", AG.cameoCode: "cameo",
    AG.quadClass: "quad", AG.goldstein: "goldstein", AG.trigger: "trigger", AG.otherParty: "otherParty",
    AG.reportedBy: "reportedBy", AG.reportedOn: "reportedOn", AG.evidenceText: "text", AG.evidence: "sentence",
    AG.document: "doc", AG.charStart: "charStart", AG.charEnd: "charEnd",
}
_DOC_PIVOT = {DCTERMS.identifier: "docId", DCTERMS.title: "title", DCTERMS.date: "docDate"}


def _keep_min(b: dict, key: str, value) -> None:
    """Several values for one property (merged stores): keep the smallest, so triple order never matters."""
    old = b.get(key)
    if old is None or str(value) < str(old):
        b[key] = value


def _bindings_sparql(g: Graph) -> Iterable[dict]:
    for b in g.query(_INTERACTIONS_QUERY, initNs=PREFIXES):
        yield b.asdict()


def _bindings_triples(g: Graph) -> Iterable[dict]:
    """Same bindings as the SPARQL query, read straight from the triple indexes.

    rdflib's in-memory SPARQL engine pays a LeftJoin per OPTIONAL and row: ~6 s for 5,000
    interactions, against ~0.2 s for this walk. Stores with a native engine (Oxigraph, a SPARQL
    endpoint) get the query instead, where it is one round-trip."""
    docs: dict = {}
    sentences: dict = {}
    for i in sorted(set(g.subjects(RDF.type, AG.Interaction))):
        b: dict = {"i": i}
        for p, o in g.predicate_objects(i):
            key = _PIVOT.get(p)
            if key is not None:
                _keep_min(b, key, o)
        if not all(k in b for k in ("source", "target", "relation")):
            continue  # the query's required pattern
        doc = b.get("doc")
        if doc is not None:
            if doc not in docs:
                d: dict = {}
                for p, o in g.predicate_objects(doc):
                    key = _DOC_PIVOT.get(p)
                    if key is not None:
                        _keep_min(d, key, o)
                docs[doc] = d
            b.update(docs[doc])
        sent = b.get("sentence")
        if sent is not None:
            if sent not in sentences:
                sentences[sent] = min(g.objects(sent, AG.text), key=str, default=None)
            if sentences[sent] is not None:
                b["sentText"] = sentences[sent]
            start = min(g.objects(sent, AG.charStart), key=str, default=None)
            if start is not None:
                b["sentStart"] = start
        yield b


def _native_sparql(g: Graph) -> bool:
    """True when the store answers SPARQL itself (Oxigraph, SPARQL endpoints) rather than through
    rdflib's pure-Python engine."""
    from rdflib.plugins.stores.memory import Memory, SimpleMemory

    return not isinstance(g.store, (Memory, SimpleMemory))


def interaction_table(g: Graph, modalities: Sequence[str] | None = FACTUAL_MODALITIES,
                      method: str = "auto") -> list[dict]:
    """Every ``ag:Interaction`` as a flat dict, in one pass.

    Keys: iri, source, target, relation (ag: local names), modality (lower case), confidence,
    date, date_text, reported_on, cameo, quad (1-4, 0 unknown), quad_class, goldstein, document (id), doc_iri,
    doc_title, doc_date, sentence (evidence text), sentence_iri, trigger, trigger_span (offsets in the
    sentence, or None), other_party, reported_by.
    ``modalities=None`` returns all. Rows are sorted (date, document, source, relation, target); an
    interaction with several values for one property (merged stores) yields one row, the smallest
    value winning, so that the output never depends on triple order.

    ``method``: "sparql" runs the single SPARQL query ``_INTERACTIONS_QUERY``; "triples" reads the
    triple indexes; "auto" (default) picks the query for stores with a native SPARQL engine and the
    index walk for rdflib's in-memory store, where it is ~30 times faster. Both give the same rows.
    """
    if method not in ("auto", "sparql", "triples"):
        raise ValueError(f"method must be auto, sparql or triples, not {method!r}")
    use_sparql = method == "sparql" or (method == "auto" and _native_sparql(g))
    by_iri: dict[str, dict] = {}
    for binding in (_bindings_sparql(g) if use_sparql else _bindings_triples(g)):
        row = _row(binding)
        old = by_iri.get(row["iri"])
        if old is None:
            by_iri[row["iri"]] = row
        else:
            for k, v in row.items():
                if v is not None and (old[k] is None or str(v) < str(old[k])):
                    old[k] = v
    wanted = None if modalities is None else {m.lower() for m in modalities}
    rows = [r for r in by_iri.values() if wanted is None or r["modality"] in wanted]
    return sorted(rows, key=_row_order)


@functools.lru_cache(maxsize=1)
def _ontology_relations() -> dict[str, dict]:
    """Relation metadata from ``ontology/actorgraph.ttl`` — used when the graph analysed lacks the schema
    (a bare document graph, a graph.ttl exported without the ontology)."""
    g = Graph()
    try:
        g.parse(ONTOLOGY_DIR / "actorgraph.ttl", format="turtle")
    except Exception:  # a broken ontology must not stop the analysis; signs fall back below
        return {}
    return _relations_in(g)


def _relations_in(g: Graph) -> dict[str, dict]:
    """The relations ``g`` declares (graph.vocabulary), in CAMEO code order, as the analysis uses them:
    a sign of 0 counts as cooperation, the quad class by its local name. ``g`` may be a
    ``graph.store.Store``: its relation and quad-class descriptions are read into a graph first."""
    if not isinstance(g, Graph):
        g = _vocabulary_graph(g)
    return {r.name: {"sign": 1 if r.sign >= 0 else -1, "colour": r.colour, "label": r.label, "quad": r.quad_class,
                     "symmetric": r.symmetric, "analyses": tuple(sorted(r.analyses))}
            for r in read_vocabulary(g) if (AG[r.name], AG.sign, None) in g}


def _vocabulary_graph(store) -> Graph:  # noqa: ANN001 - a graph.store.Store
    """What ``read_vocabulary`` reads about relations, from a store: each sub-property of
    ``ag:interactsWith`` and each quad class with every property it has (one CONSTRUCT, not the store)."""
    g = Graph()
    for triple in store.query("""CONSTRUCT { ?p ?x ?y . ?q ?qx ?qy } WHERE {
            { ?p rdfs:subPropertyOf ag:interactsWith ; ?x ?y } UNION { ?q a ag:QuadClass ; ?qx ?qy } }"""):
        g.add(triple)
    return g


def relation_info(g: Graph | None = None) -> dict[str, dict]:
    """Per relation: sign (+1/-1), colour, label, default quad class, symmetric and the analyses it feeds
    (``ag:feedsAnalysis``) — from the graph if it has the schema, else from the ontology file. Unknown
    relations get sign +1 and grey.

    >>> relation_info()["threatens"]["sign"], relation_info()["threatens"]["analyses"]
    (-1, ('pressure',))
    """
    info = dict(_ontology_relations())
    if g is not None:
        info.update(_relations_in(g))
    for name in RELATIONS:
        info.setdefault(name, {"sign": 1, "colour": "#888888", "label": name, "quad": "",
                               "symmetric": name in SYMMETRIC, "analyses": ()})
    return info


def _min_value(g: Graph, s, p):
    return min(g.objects(s, p), key=str, default=None)


def actor_table(g: Graph, actors: Iterable[str] | None = None) -> dict[str, dict]:
    """Label, type and offices of actors (every typed actor and office holder, or just ``actors``).

    Offices are ``(title, of-actor id, office label)`` from ag:holdsOffice/ag:officeTitle/ag:officeOf.
    Read through the triple API: a handful of lookups per actor, which rdflib answers from its indexes
    faster than its SPARQL engine would.
    """
    if actors is None:
        wanted = {local_name(a) for t in ACTOR_TYPES for a in g.subjects(RDF.type, AG[t])}
        wanted |= {local_name(p) for p in g.subjects(AG.holdsOffice, None)}
    else:
        wanted = {a for a in actors if a}
    info: dict[str, dict] = {}
    for a in sorted(wanted):
        node = AG[a]
        types = {local_name(t) for t in g.objects(node, RDF.type)}
        label = _min_value(g, node, RDFS.label)
        offices = set()
        for o in g.objects(node, AG.holdsOffice):
            title = _str(_min_value(g, o, AG.officeTitle)) or ""
            of = local_name(_min_value(g, o, AG.officeOf)) or ""
            offices.add((title, of, _str(_min_value(g, o, RDFS.label)) or f"{title} of {of}".strip()))
        info[a] = {"id": a, "label": _str(label) or a,
                   "type": next((t for t in ACTOR_TYPES if t in types), "Actor"), "offices": sorted(offices)}
    return info


def document_table(g: Graph) -> list[dict]:
    """Every ag:Document: iri, id, title, date — for the report's summary."""
    docs = []
    for d in set(g.subjects(RDF.type, AG.Document)):
        docs.append({"iri": str(d), "id": _str(_min_value(g, d, DCTERMS.identifier)) or local_name(d),
                     "title": _str(_min_value(g, d, DCTERMS.title)) or "",
                     "date": _str(_min_value(g, d, DCTERMS.date))})
    return sorted(docs, key=lambda d: (d["date"] or "~", d["id"]))


# ---------------------------------------------------------------- networks

def _feeding(relations: dict[str, dict], analysis: str) -> tuple[str, ...]:
    """The relations of ``relations`` (see :func:`relation_info`) that feed ``analysis``, in its order."""
    return tuple(name for name, r in relations.items() if analysis in r.get("analyses", ()))


def _edge_ends(row: dict, mediation: Sequence[str] = MEDIATION_RELATIONS) -> list[tuple[str, str]]:
    """A mediation links the mediator to both parties; any other claim is one edge."""
    ends = [(row["source"], row["target"])]
    if row["relation"] in mediation and row.get("other_party") and row["other_party"] != row["target"]:
        ends.append((row["source"], row["other_party"]))
    return ends


def actor_network(source: Graph | Sequence[dict], modalities: Sequence[str] | None = FACTUAL_MODALITIES,
                  relations: dict[str, dict] | None = None) -> nx.MultiDiGraph:
    """The actor multigraph: one edge per (source, target, relation), keyed by relation.

    ``source`` is the RDF graph or rows already read by :func:`interaction_table` (which are then
    filtered by ``modalities`` too). Edge data: relation, weight (supporting interactions), evidence
    (the rows, sorted), confidence (mean), sign, colour, symmetric. Node data: label, type, offices
    when the RDF graph is given.
    """
    if isinstance(source, Graph):
        rows = interaction_table(source, modalities)
        relations = relations or relation_info(source)
        actors = actor_table(source, {a for r in rows for a in (r["source"], r["target"], r.get("other_party")) if a})
    else:
        wanted = None if modalities is None else {m.lower() for m in modalities}
        rows = sorted((r for r in source if wanted is None or r["modality"] in wanted), key=_row_order)
        relations = relations or relation_info(None)
        actors = {}
    mediation = _feeding(relations, "mediation")
    m = nx.MultiDiGraph()
    nodes = sorted({a for r in rows for pair in _edge_ends(r, mediation) for a in pair})
    for a in nodes:
        meta = actors.get(a, {"label": a, "type": "Actor", "offices": []})
        m.add_node(a, label=meta["label"], type=meta["type"], offices=meta["offices"])
    grouped: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for r in rows:
        for u, v in _edge_ends(r, mediation):
            grouped[(u, v, r["relation"])].append(r)
    for (u, v, rel) in sorted(grouped):
        ev = grouped[(u, v, rel)]
        meta = relations.get(rel, {"sign": 1, "colour": "#888888", "label": rel})
        m.add_edge(u, v, key=rel, relation=rel, weight=len(ev), evidence=ev,
                   confidence=sum(r["confidence"] for r in ev) / len(ev),
                   sign=meta["sign"], colour=meta["colour"], label=meta.get("label", rel),
                   symmetric=meta.get("symmetric", rel in SYMMETRIC))
    return m


def signed_network(m: nx.MultiDiGraph) -> nx.Graph:
    """Undirected simple graph of actor pairs: ``net`` = Σ sign × weight over all their edges (both
    directions), ``sign`` = sign of ``net`` (0 when cooperation and conflict cancel out),
    ``positive``/``negative`` = supporting interactions on each side."""
    s = nx.Graph()
    s.add_nodes_from(sorted(m.nodes))
    acc: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for u, v, d in m.edges(data=True):
        if u == v:
            continue
        pair = tuple(sorted((u, v)))
        acc[pair][0 if d["sign"] > 0 else 1] += d["weight"]
    for (u, v) in sorted(acc):
        pos, neg = acc[(u, v)]
        net = pos - neg
        s.add_edge(u, v, positive=pos, negative=neg, net=net, weight=pos + neg,
                   sign=(net > 0) - (net < 0))
    return s


def _simple_undirected(m: nx.MultiDiGraph) -> nx.Graph:
    u = nx.Graph()
    u.add_nodes_from(sorted(m.nodes))
    for a, b, d in sorted(m.edges(data=True), key=lambda e: (e[0], e[1], e[2]["relation"])):
        if a == b:
            continue
        if u.has_edge(a, b):
            u[a][b]["weight"] += d["weight"]
        else:
            u.add_edge(a, b, weight=d["weight"])
    return u


def _directed_for_pagerank(m: nx.MultiDiGraph) -> nx.DiGraph:
    d = nx.DiGraph()
    d.add_nodes_from(sorted(m.nodes))
    for a, b, data in sorted(m.edges(data=True), key=lambda e: (e[0], e[1], e[2]["relation"])):
        if a == b:
            continue
        pairs = [(a, b), (b, a)] if data["symmetric"] else [(a, b)]
        for x, y in pairs:
            if d.has_edge(x, y):
                d[x][y]["weight"] += data["weight"]
            else:
                d.add_edge(x, y, weight=data["weight"])
    return d


def pagerank(d: nx.DiGraph, alpha: float = 0.85, tol: float = 1e-12, max_iter: int = 1000) -> dict[str, float]:
    """Weighted PageRank by power iteration (networkx's own needs scipy, which we do not ship).

    Dangling actors (targets only) spread their rank uniformly, as in networkx. Sums to 1.

    >>> d = nx.DiGraph([("USA", "ISR", {"weight": 2}), ("IRN", "ISR", {"weight": 1})])
    >>> {actor: round(rank, 3) for actor, rank in pagerank(d).items()}
    {'IRN': 0.213, 'ISR': 0.574, 'USA': 0.213}
    """
    nodes = sorted(d.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    out_w = {a: sum(w for _, _, w in d.out_edges(a, data="weight")) for a in nodes}
    x = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(x[a] for a in nodes if out_w[a] == 0)
        nxt = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling / n)
        for a in nodes:
            if out_w[a]:
                share = alpha * x[a] / out_w[a]
                for _, b, w in d.out_edges(a, data="weight"):
                    nxt[b] += share * w
        err = sum(abs(nxt[a] - x[a]) for a in nodes)
        x = nxt
        if err < n * tol:
            break
    total = sum(x.values())
    return {a: x[a] / total for a in nodes}


# ---------------------------------------------------------------- results

@dataclass
class ActorStats:
    """One actor's place in the network. Degrees count multigraph edges (one per relation and
    counterpart); ``weighted_degree`` counts the supporting interactions."""

    id: str
    label: str
    type: str
    offices: list[tuple[str, str, str]] = field(default_factory=list)
    degree: int = 0
    in_degree: int = 0
    out_degree: int = 0
    weighted_degree: int = 0
    by_relation: dict[str, dict[str, int]] = field(default_factory=dict)  # rel -> out, in, out_weight, in_weight
    pagerank: float = 0.0
    betweenness: float = 0.0  # on every counted tie, hostile and cooperative alike: centrality, not brokerage
    brokerage: float = 0.0  # betweenness on the cooperation layer only: who links others who cooperate
    mediated: int = 0  # distinct mediations the text names this actor in (mediator between parties)
    community: int = -1  # bloc: Louvain community of the cooperation layer


@dataclass
class Tie:
    """One edge of the multigraph with its evidence: ``strength`` = weight × mean confidence."""

    source: str
    relation: str
    target: str
    weight: int
    confidence: float
    strength: float
    evidence: list[dict] = field(default_factory=list)


@dataclass
class Mediation:
    """``mediator`` mediates between ``party_a`` and ``party_b`` (party_b None if the text names one side)."""

    mediator: str
    party_a: str
    party_b: str | None
    weight: int
    evidence: list[dict] = field(default_factory=list)


@dataclass
class Triad:
    """Three actors all linked in the signed network. Balanced iff the product of the signs is positive
    (+++ friends, +−− common enemy); ++− and −−− are the unstable ones."""

    members: tuple[str, str, str]
    signs: tuple[int, int, int]  # of edges (m0,m1), (m0,m2), (m1,m2)
    balanced: bool

    @property
    def pattern(self) -> str:
        return "".join("+" if s > 0 else "-" for s in sorted(self.signs, reverse=True))


@dataclass
class Dyad:
    """Cooperation vs conflict between two actors (either direction), by period (YYYY-MM, YYYY when
    only the year is known, 'undated')."""

    a: str
    b: str
    periods: dict[str, tuple[int, int]] = field(default_factory=dict)  # period -> (cooperation, conflict)
    evidence: list[dict] = field(default_factory=list)

    @property
    def cooperation(self) -> int:
        return sum(c for c, _ in self.periods.values())

    @property
    def conflict(self) -> int:
        return sum(k for _, k in self.periods.values())

    @property
    def net(self) -> int:
        return self.cooperation - self.conflict


@dataclass
class Layer:
    """The ties of one sign, analysed on their own: "cooperation" (ag:sign +1: appeals, mediation,
    talks, cooperation, alliance, support) or "conflict" (−1). Why apart: a path through an enemy is
    not a bridge, and a hostile tie does not make two actors one community; mixing the two made the
    target of most attacks the "main broker" of the seed story."""

    name: str
    network: nx.Graph = field(default_factory=nx.Graph)  # undirected; weight = supporting interactions
    out_weight: dict[str, int] = field(default_factory=dict)  # claims an actor makes on this layer
    in_weight: dict[str, int] = field(default_factory=dict)  # claims made about (against, for) it
    betweenness: dict[str, float] = field(default_factory=dict)
    interactions: int = 0  # distinct claims (a mediation links its mediator to two parties: one claim)

    def top(self, weights: dict[str, int], n: int = 5) -> list[tuple[str, int]]:
        """The ``n`` actors with the most claims in ``weights`` (out_weight or in_weight)."""
        ranked = sorted(((a, w) for a, w in weights.items() if w > 0), key=lambda aw: (-aw[1], aw[0]))
        return ranked[:n]


@dataclass
class Analysis:
    """Everything computed from one graph; ``write_back`` turns it into RDF, ``report`` into a brief."""

    modalities: tuple[str, ...] = FACTUAL_MODALITIES
    rows: list[dict] = field(default_factory=list)  # counted interactions
    excluded: list[dict] = field(default_factory=list)  # hypothetical / negated, reported apart
    modality_counts: dict[str, int] = field(default_factory=dict)  # over all interactions
    documents: list[dict] = field(default_factory=list)
    actors: dict[str, ActorStats] = field(default_factory=dict)
    relations: dict[str, dict] = field(default_factory=dict)
    network: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)
    signed: nx.Graph = field(default_factory=nx.Graph)
    communities: list[list[str]] = field(default_factory=list)
    ties: list[Tie] = field(default_factory=list)  # strongest first
    pressures: list[Tie] = field(default_factory=list)
    mediations: list[Mediation] = field(default_factory=list)
    dyads: list[Dyad] = field(default_factory=list)
    layers: dict[str, Layer] = field(default_factory=dict)  # "cooperation", "conflict"
    triads: list[Triad] = field(default_factory=list)
    ambivalent_triads: int = 0  # triangles with a zero-net edge: neither balanced nor unbalanced
    labels: dict[str, str] = field(default_factory=dict)  # every actor named by any interaction, counted or not

    @property
    def balanced(self) -> int:
        return sum(t.balanced for t in self.triads)

    @property
    def unbalanced(self) -> int:
        return sum(not t.balanced for t in self.triads)

    @property
    def balance_ratio(self) -> float | None:
        """Share of balanced triads; None when there is no signed triangle to judge."""
        return self.balanced / len(self.triads) if self.triads else None

    def brokers(self) -> list[ActorStats]:
        """Who stands between others to bring them together, strongest first: actors the text names
        as mediating between parties (by mediations), then the bridges of the cooperation layer (by
        betweenness there). Betweenness over every tie is not used: a target of attacks from all
        sides lies on many shortest paths without brokering anything."""
        return sorted((a for a in self.actors.values() if a.mediated or a.brokerage > 0),
                      key=lambda a: (-a.mediated, -a.brokerage, a.id))

    def ranked_actors(self) -> list[ActorStats]:
        return sorted(self.actors.values(), key=lambda a: (-a.pagerank, -a.degree, a.id))

    def label(self, actor: str | None) -> str:
        if actor is None:
            return ""
        a = self.actors.get(actor)
        return a.label if a else self.labels.get(actor, actor)


def period(date: str | None) -> str:
    """Month bucket of an ag:date lexical form: '2026-02-05' and '2026-02' -> '2026-02'; '2026' stays
    a year; missing -> 'undated'.

    >>> period("2026-02-05"), period("2026"), period(None)
    ('2026-02', '2026', 'undated')
    """
    if not date:
        return "undated"
    return date[:7] if len(date) >= 7 else date[:4]


def when(row: dict) -> str | None:
    """The date a claim sits at on a timeline: when it happened (ag:date) if the text says, else when
    it was reported (ag:reportedOn, the document's date). Most news sentences give no date of their
    own; without the fallback most claims fell into an "undated" bucket.

    >>> when({"date": None, "reported_on": "2025-04-12"})
    '2025-04-12'
    """
    return row.get("date") or row.get("reported_on")


def _period_key(p: str) -> tuple:
    return (p == "undated", p)


def _triads(s: nx.Graph) -> tuple[list[Triad], int]:
    triads: list[Triad] = []
    ambivalent = 0
    nodes = sorted(s.nodes)
    rank = {n: i for i, n in enumerate(nodes)}
    for a in nodes:
        higher = sorted((n for n in s[a] if rank[n] > rank[a]), key=rank.get)
        for b, c in combinations(higher, 2):
            if not s.has_edge(b, c):
                continue
            signs = (s[a][b]["sign"], s[a][c]["sign"], s[b][c]["sign"])
            if 0 in signs:
                ambivalent += 1
                continue
            triads.append(Triad((a, b, c), signs, signs[0] * signs[1] * signs[2] > 0))
    return triads, ambivalent


def communities(u: nx.Graph) -> list[list[str]]:
    """Louvain communities of ``u`` (weighted, fixed seed), largest first; an actor with no tie is a
    community of its own. Deterministic, so the analysis graph is the same on every run.

    >>> u = nx.Graph([("USA", "ISR", {"weight": 3}), ("IRN", "IRQ", {"weight": 1})]); u.add_node("OMN")
    >>> communities(u)
    [['IRN', 'IRQ'], ['ISR', 'USA'], ['OMN']]
    """
    if u.number_of_nodes() == 0:
        return []
    if u.number_of_edges() == 0:
        parts = [{n} for n in u.nodes]
    else:
        parts = nx.community.louvain_communities(u, weight="weight", seed=SEED)
    return sorted((sorted(p) for p in parts), key=lambda p: (-len(p), p[0]))


def _layers(m: nx.MultiDiGraph) -> dict[str, Layer]:
    """The cooperation and conflict layers of the counted multigraph (by each relation's sign).
    Claims are counted once each: a mediation is one claim though it links the mediator to two parties."""
    layers = {"cooperation": Layer("cooperation"), "conflict": Layer("conflict")}
    made: dict[str, dict[str, set]] = {k: defaultdict(set) for k in layers}
    received: dict[str, dict[str, set]] = {k: defaultdict(set) for k in layers}
    for layer in layers.values():
        layer.network.add_nodes_from(sorted(m.nodes))
    for u, v, d in sorted(m.edges(data=True), key=lambda e: (e[0], e[1], e[2]["relation"])):
        name = "cooperation" if d["sign"] > 0 else "conflict"
        iris = {r["iri"] for r in d["evidence"]}
        made[name][u] |= iris
        received[name][v] |= iris
        net = layers[name].network
        if u != v:
            w = net.get_edge_data(u, v, {"weight": 0})["weight"]
            net.add_edge(u, v, weight=w + d["weight"])
    for name, layer in layers.items():
        layer.out_weight = {a: len(s) for a, s in made[name].items()}
        layer.in_weight = {a: len(s) for a, s in received[name].items()}
        layer.interactions = len(set().union(*made[name].values()))
        net = layer.network
        layer.betweenness = nx.betweenness_centrality(net, normalized=True) if net.number_of_edges() else {}
    return layers


def _actor_stats(m: nx.MultiDiGraph, meta: dict[str, dict], metrics: dict[str, dict[str, float]],
                 community_of: dict[str, int]) -> dict[str, ActorStats]:
    """One ActorStats per node of the counted multigraph: degrees, per-relation degrees, metrics."""
    actors: dict[str, ActorStats] = {}
    for a in sorted(m.nodes):
        info = meta.get(a, {"label": a, "type": "Actor", "offices": []})
        st = ActorStats(id=a, label=info["label"], type=info["type"], offices=info["offices"],
                        community=community_of.get(a, -1),
                        **{name: values.get(a, 0) for name, values in metrics.items()})
        for edges, side in ((m.out_edges(a, data=True), "out"), (m.in_edges(a, data=True), "in")):
            for _, _, d in edges:
                rd = st.by_relation.setdefault(d["relation"], {"out": 0, "in": 0, "out_weight": 0, "in_weight": 0})
                rd[side] += 1
                rd[f"{side}_weight"] += d["weight"]
        st.by_relation = dict(sorted(st.by_relation.items()))
        st.out_degree, st.in_degree = m.out_degree(a), m.in_degree(a)
        st.degree = st.out_degree + st.in_degree
        st.weighted_degree = int(m.degree(a, weight="weight"))
        actors[a] = st
    return actors


def _ties(m: nx.MultiDiGraph, pressure: Sequence[str] = PRESSURE_RELATIONS) -> tuple[list[Tie], list[Tie]]:
    """Every edge as a Tie, strongest first, and the pressure ties (the relations in ``pressure``:
    pressures, demands, threatens), listed in that order."""
    ties = [Tie(u, d["relation"], v, d["weight"], d["confidence"], d["weight"] * d["confidence"], d["evidence"])
            for u, v, d in m.edges(data=True)]
    ties.sort(key=lambda t: (-round(t.strength, 9), -t.weight, t.source, t.relation, t.target))
    pressure = tuple(pressure)
    pressures = [t for t in ties if t.relation in pressure]
    pressures.sort(key=lambda t: (pressure.index(t.relation), -t.weight, t.source, t.target))
    return ties, pressures


def _mediations(rows: Sequence[dict], mediation: Sequence[str] = MEDIATION_RELATIONS) -> list[Mediation]:
    """Who mediates between whom: one Mediation per (mediator, party, other party), most claims first."""
    med: dict[tuple[str, str, str | None], list[dict]] = defaultdict(list)
    for r in rows:
        if r["relation"] in mediation:
            b = r["other_party"] if r["other_party"] != r["target"] else None
            pa, pb = (r["target"], b) if b is None else tuple(sorted((r["target"], b)))
            med[(r["source"], pa, pb)].append(r)
    return [Mediation(k[0], k[1], k[2], len(v), v)
            for k, v in sorted(med.items(), key=lambda kv: (-len(kv[1]), kv[0][0], kv[0][1], kv[0][2] or ""))]


def _dyads(rows: Sequence[dict], relations: dict[str, dict]) -> list[Dyad]:
    """Cooperation and conflict per pair of actors and month (see :func:`when`), busiest pair first."""
    dy: dict[tuple[str, str], Dyad] = {}
    for r in rows:
        if r["source"] == r["target"]:
            continue
        a, b = sorted((r["source"], r["target"]))
        d = dy.setdefault((a, b), Dyad(a, b))
        sign = relations.get(r["relation"], {"sign": 1})["sign"]
        p = period(when(r))
        coop, conf = d.periods.get(p, (0, 0))
        d.periods[p] = (coop + (sign > 0), conf + (sign < 0))
        d.evidence.append(r)
    for d in dy.values():
        d.periods = dict(sorted(d.periods.items(), key=lambda kv: _period_key(kv[0])))
    return sorted(dy.values(), key=lambda d: (-(d.cooperation + d.conflict), d.a, d.b))


def _counted_network(rows: list[dict], meta: dict[str, dict], relations: dict[str, dict]) -> nx.MultiDiGraph:
    m = actor_network(rows, modalities=None, relations=relations)
    for a in m.nodes:
        info = meta.get(a, {"label": a, "type": "Actor", "offices": []})
        m.nodes[a].update(label=info["label"], type=info["type"], offices=info["offices"])
    return m


def analyse(g: Graph, modalities: Sequence[str] = FACTUAL_MODALITIES) -> Analysis:
    """Run every metric on the interactions of ``g`` whose modality is in ``modalities``.

    An empty graph (or one with no counted interactions) gives an empty but valid Analysis. A store
    too big for an rdflib graph is analysed by ``graph.store.read.analyse_store`` (the same metrics,
    from rows read with SPARQL).

    >>> from graph.model import Interaction
    >>> from graph.store.rdf import add_interaction, bind_prefixes
    >>> g = bind_prefixes(Graph())
    >>> for src, rel, tgt in [("USA", "pressures", "ISR"), ("ISR", "attacks", "IRN"), ("USA", "alliedWith", "ISR")]:
    ...     _ = add_interaction(g, Interaction(doc_id="d1", sentence=0, source=src, relation=rel, target=tgt,
    ...                                        trigger="x", trigger_start=0, trigger_end=1), "…")
    >>> an = analyse(g)
    >>> [(t.source, t.relation, t.target) for t in an.pressures]
    [('USA', 'pressures', 'ISR')]
    >>> an.actors["ISR"].degree, an.signed["ISR"]["IRN"]["sign"]
    (3, -1)
    """
    all_rows = interaction_table(g, None)
    involved = {a for r in all_rows for a in (r["source"], r["target"], r["other_party"], r["reported_by"]) if a}
    return analyse_rows(all_rows, relation_info(g), actor_table(g, involved), document_table(g), modalities)


def analyse_rows(all_rows: list[dict], relations: dict[str, dict], meta: dict[str, dict], documents: list[dict],
                 modalities: Sequence[str] = FACTUAL_MODALITIES) -> Analysis:
    """The metrics of ``analyse`` from what it reads: every interaction row (``interaction_table``,
    all modalities), the relations' metadata, the involved actors' labels, types and offices
    (``actor_table``) and the documents."""
    counted = {m.lower() for m in modalities}
    rows = [r for r in all_rows if r["modality"] in counted]
    m = _counted_network(rows, meta, relations)
    an = Analysis(modalities=tuple(modalities), rows=rows, excluded=[r for r in all_rows if r["modality"] not in counted],
                  modality_counts=dict(sorted(Counter(r["modality"] for r in all_rows).items())),
                  documents=documents, relations=relations, network=m, signed=signed_network(m),
                  labels={a: info["label"] for a, info in sorted(meta.items())})
    _find_structure(an, rows, relations)
    an.actors = _actor_stats(m, meta, _centralities(an), {a: i for i, part in enumerate(an.communities) for a in part})
    an.ties, an.pressures = _ties(m, _feeding(relations, "pressure"))
    return an


def _find_structure(an: Analysis, rows: list[dict], relations: dict[str, dict]) -> None:
    """Layers, blocs, mediations, dyads and triads: the network's shape, before the per-actor numbers."""
    an.layers = _layers(an.network)
    an.communities = communities(an.layers["cooperation"].network)
    an.mediations = _mediations(rows, _feeding(relations, "mediation"))
    an.dyads = _dyads(rows, relations)
    an.triads, an.ambivalent_triads = _triads(an.signed)


def _centralities(an: Analysis) -> dict[str, dict[str, float]]:
    """PageRank, betweenness over every tie, brokerage (cooperation layer) and mediations named."""
    u = _simple_undirected(an.network)
    return {"pagerank": pagerank(_directed_for_pagerank(an.network)),
            "betweenness": nx.betweenness_centrality(u, normalized=True) if u.number_of_nodes() else {},
            "brokerage": an.layers["cooperation"].betweenness,
            "mediated": dict(Counter(x.mediator for x in an.mediations))}


# ---------------------------------------------------------------- write-back

def _dec(x: float) -> Literal:
    return Literal(Decimal(f"{x:.{DECIMALS}f}"), datatype=XSD.decimal)


def _int(x: int) -> Literal:
    return Literal(int(x), datatype=XSD.integer)


def result_iri(*parts: str) -> URIRef:
    """IRI of a result node: ``…/graph/analysis/triad/A/B/C``."""
    return URIRef(_RESULT_BASE + "/".join(parts))


def write_back(analysis: Analysis) -> Graph:
    """The analysis as RDF, for the ``ANALYSIS_GRAPH`` named graph.

    On each actor: ag:degree, ag:inDegree, ag:outDegree, ag:weightedDegree (xsd:integer),
    ag:pagerank, ag:betweenness, ag:brokerage (xsd:decimal, 6 places), ag:mediations and
    ag:community (xsd:integer; the bloc, from the cooperation layer), and one
    ag:relationDegree node per relation it takes part in::

        ag:USA ag:relationDegree <…/analysis/degree/USA/pressures> .
        <…/analysis/degree/USA/pressures> a ag:RelationDegree ; ag:forRelation ag:pressures ;
            ag:outDegree 2 ; ag:inDegree 0 ; ag:outWeight 3 ; ag:inWeight 0 .

    Triads: ``<…/analysis/triad/A/B/C> a ag:Triad ; ag:member ag:A, ag:B, ag:C ; ag:balanced true ;
    ag:signPattern "++-"``. Summary ``<…/analysis/summary> a ag:AnalysisSummary`` with
    ag:balanceRatio (when there are triads), ag:balancedTriads, ag:unbalancedTriads,
    ag:interactionCount, ag:actorCount, ag:communityCount and ag:countedModality.
    Result nodes have IRIs (not blank nodes) so that the graph is identical across runs.
    """
    g = Graph(identifier=ANALYSIS_GRAPH)
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    g.bind("agr", _RESULT_BASE)
    for a in sorted(analysis.actors):
        st = analysis.actors[a]
        node = AG[a]
        g.add((node, AG.degree, _int(st.degree)))
        g.add((node, AG.inDegree, _int(st.in_degree)))
        g.add((node, AG.outDegree, _int(st.out_degree)))
        g.add((node, AG.weightedDegree, _int(st.weighted_degree)))
        g.add((node, AG.pagerank, _dec(st.pagerank)))
        g.add((node, AG.betweenness, _dec(st.betweenness)))
        g.add((node, AG.brokerage, _dec(st.brokerage)))
        if st.mediated:
            g.add((node, AG.mediations, _int(st.mediated)))
        if st.community >= 0:
            g.add((node, AG.community, _int(st.community)))
        for rel, rd in st.by_relation.items():
            rn = result_iri("degree", a, rel)
            g.add((node, AG.relationDegree, rn))
            g.add((rn, RDF.type, AG.RelationDegree))
            g.add((rn, AG.forRelation, AG[rel]))
            g.add((rn, AG.outDegree, _int(rd["out"])))
            g.add((rn, AG.inDegree, _int(rd["in"])))
            g.add((rn, AG.outWeight, _int(rd["out_weight"])))
            g.add((rn, AG.inWeight, _int(rd["in_weight"])))
    for t in analysis.triads:
        tn = result_iri("triad", *t.members)
        g.add((tn, RDF.type, AG.Triad))
        for mbr in t.members:
            g.add((tn, AG.member, AG[mbr]))
        g.add((tn, AG.balanced, Literal(t.balanced)))
        g.add((tn, AG.signPattern, Literal(t.pattern)))
    summary = result_iri("summary")
    g.add((summary, RDF.type, AG.AnalysisSummary))
    g.add((summary, AG.interactionCount, _int(len(analysis.rows))))
    g.add((summary, AG.actorCount, _int(len(analysis.actors))))
    g.add((summary, AG.communityCount, _int(len(analysis.communities))))
    g.add((summary, AG.balancedTriads, _int(analysis.balanced)))
    g.add((summary, AG.unbalancedTriads, _int(analysis.unbalanced)))
    if analysis.balance_ratio is not None:
        g.add((summary, AG.balanceRatio, _dec(analysis.balance_ratio)))
    for mod in analysis.modalities:
        g.add((summary, AG.countedModality, AG[mod.capitalize()]))
    return g


__all__ = [
    "Analysis", "ActorStats", "Dyad", "Layer", "Mediation", "Row", "ROW_KEYS", "Tie", "Triad", "actor_network", "actor_table", "analyse",
    "analyse_rows",
    "communities", "document_table", "interaction_table", "pagerank", "period", "relation_info", "signed_network",
    "when", "write_back",
]
