"""What the page and the report show, read from a store with SPARQL, with the evidence bounded.

``collect`` (``graph.views.collect``) hands every graph to ``gather``: an rdflib graph is copied into
an in-memory Oxigraph store first, a store is read as it is. Why: at 100,000 articles the corpus is
ten million triples and half a million claims; an rdflib graph of it did not fit in memory, and a
page embedding every sentence would weigh hundreds of megabytes. So:

* every interaction is read once, slim (who, what, whom, modality, dates, document, position), and
  aggregated into the page's edges as it streams by: counts per modality, distinct sentences,
  officials, and *stubs* - (first day, last day, modality, count) - that the time slider and the
  histogram filter by; nothing is kept per interaction but each edge's first ``per_edge`` records
  (a tuple kept for every one was most of the build's memory at 100,000 documents);
* each edge embeds at most ``per_edge`` records with their sentence (the first in reading order:
  by date, document, position), with its total, so the page says "and N more" and names the query
  that lists them all (``actorgraph query --name evidence --bind source=… --bind relation=… --bind
  target=…``); only those records' texts and documents are read;
* the actors drawn, the officials and their offices, and the documents the embedded records cite
  are read for those only.
"""
from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, URIRef

from ..analyse import MEDIATION_RELATIONS
from ..memory import release
from ..namespaces import AG, DOC, WD
from ..store.store import Store
from ..store.read import _chunks, count, select, select_interactions

__all__ = ["EVIDENCE_PER_EDGE", "local", "gather", "labels"]

EVIDENCE_PER_EDGE = 10  # sentences embedded per edge; the rest are counted and one query away

_RECORDS = ("source", "target", "relation", "modality", "date", "reportedOn", "otherParty", "official", "sentence",
            "at", "doc")
_AG = str(AG)


def local(iri: object) -> str:
    """Short, stable id for the page: the ag: local name, or the full IRI for anything foreign."""
    s = str(iri)
    return s[len(_AG):] if s.startswith(_AG) else s


def gather(store: Store, gz=None, per_edge: int | None = EVIDENCE_PER_EDGE) -> dict:  # noqa: ANN001 - a Gazetteer
    """The page's and the report's data (see ``graph.views.collect.collect``) from ``store``;
    ``per_edge``: sentences embedded per edge (None: all)."""
    from .collect import relation_meta_in, relation_schema

    schema = relation_schema(store)
    edges, chosen, found = _edges(_slim_records(store), _symmetry(schema), per_edge)
    release()  # what reading every interaction held (graph.memory)
    relations = {r["id"]: r for r in relation_meta_in(schema, found.relations)}
    records = _records(store, chosen)
    nodes, offices = _actors(store, edges, found.officials, gz)
    documents = _documents(store, {r["ev"]["docIri"] for r in records if r["ev"]["docIri"]})
    return {"records": records, "relations": relations, "edges": edges, "nodes": nodes, "affiliations": offices,
            "documents": documents, "totals": {"interactions": found.interactions, "documents": count(store, "?d a ag:Document", distinct="d")}}


# ---------------------------------------------------------------- interactions and edges


def _slim_records(store: Store) -> Iterator[tuple]:
    """(sort key, iri, source, relation, target, other, sentence, official, modality, lo, hi) per
    interaction, in the store's order; the sort key is the page's order: by date, then in reading
    order within a document (the first statement of a symmetric relation gives its edge's
    direction), the IRI, a hash, breaking ties. A property with several values (merged stores)
    gives its smallest (``graph.store.read.select_interactions``).

    Why a stream: at 100,000 documents a tuple kept per interaction was most of the page's memory;
    ``_edges`` keeps only what each edge shows."""
    from .collect import date_bounds

    intern: dict = {}
    keep = lambda x: intern.setdefault(x, x)  # noqa: E731 - actor ids, relations, dates repeat
    for i, source, target, relation, modality, date, reported_on, other, official, sentence, at, doc in \
            select_interactions(store, _RECORDS):
        when = date or reported_on
        bounds = date_bounds(when) if when is not None else None
        lo, hi = (keep(bounds[0]), keep(bounds[1])) if bounds else (None, None)
        modality = keep(local(modality or AG.Asserted))
        yield ((lo or "9999", keep(doc.rsplit("/", 1)[-1]) if doc is not None else "",
                int(at) if at is not None and at.lstrip("-").isdigit() else 0, i), i,
               keep(local(source)), keep(local(relation)), keep(local(target)),
               keep(local(other)) if other is not None else None, sentence or i,
               keep(local(official)) if official is not None else None,
               keep(modality.lower() if modality in ("Asserted", "Reported", "Hypothetical", "Negated") else modality),
               lo, hi)


def _symmetry(schema) -> Callable[[str], bool]:  # noqa: ANN001 - an rdflib Graph
    """Whether a relation is symmetric (its edge unordered), asked once per relation met."""
    from .collect import relation_meta_in

    known: dict[str, bool] = {}

    def symmetric(rel: str) -> bool:
        if rel not in known:
            known[rel] = relation_meta_in(schema, [rel])[0]["symmetric"]
        return known[rel]

    return symmetric


def _edge_ends(r: tuple, mediation: tuple[str, ...]) -> list[tuple[str, str]]:
    """A mediation (a relation that feeds the mediation analysis, graph.vocabulary) links the mediator
    to both parties, as the analysis counts it."""
    ends = [(r[2], r[4])]
    if r[3] in mediation and r[5] and r[5] not in (r[4], r[2]):
        ends.append((r[2], r[5]))
    return ends


@dataclass
class _Group:
    """One edge while the records stream by: its direction (from the first record in the page's
    order), its counts and stubs, and the first ``per_edge`` records in that order (``kept``)."""

    first: tuple  # the sort key of its first record
    ends: tuple[str, str]
    rel: str
    kept: list[tuple] = field(default_factory=list)
    total: int = 0
    sentences: set = field(default_factory=set)
    officials: set = field(default_factory=set)
    modalities: Counter = field(default_factory=Counter)
    stubs: Counter = field(default_factory=Counter)


@dataclass
class _Found:
    """What the stream held beyond the edges: how many interactions, the relations used and every
    official acting."""

    interactions: int = 0
    relations: set[str] = field(default_factory=set)
    officials: set[str] = field(default_factory=set)


def _edges(records: Iterable[tuple], symmetric: Callable[[str], bool],
           per_edge: int | None) -> tuple[list[dict], list[tuple], _Found]:
    """One edge per (source, relation, target) - symmetric relations unordered - with its counts and
    stubs, the records the page embeds (each edge's first ``per_edge`` in the page's order; all of
    them in that order, which ``ix`` indexes), and the relations and officials met."""
    groups: dict[tuple, _Group] = {}
    found = _Found()
    mediation = MEDIATION_RELATIONS  # the ontology's relations that feed the mediation analysis
    for r in records:
        rel = r[3]
        found.interactions += 1
        found.relations.add(rel)
        if r[7]:
            found.officials.add(r[7])
        for s, t in _edge_ends(r, mediation):
            key = (min(s, t), rel, max(s, t)) if symmetric(rel) else (s, rel, t)
            e = groups.get(key)
            if e is None:
                e = groups[key] = _Group(r[0], (s, t), rel)
            elif r[0] < e.first:
                e.first, e.ends = r[0], (s, t)
            _count(e, r, per_edge)
    chosen = sorted({r[1]: r for e in groups.values() for r in e.kept}.values())
    position = {r[1]: n for n, r in enumerate(chosen)}
    return [_edge(groups[k], position) for k in sorted(groups)], chosen, found


def _count(e: _Group, r: tuple, per_edge: int | None) -> None:
    """Record ``r`` counted into edge ``e``; kept if it is among the edge's first ``per_edge``."""
    e.total += 1
    if per_edge is None or (per_edge > 0 and (len(e.kept) < per_edge or r[0] < e.kept[-1][0])):
        bisect.insort(e.kept, r, key=lambda x: x[0])
        if per_edge is not None and len(e.kept) > per_edge:
            e.kept.pop()
    e.sentences.add(r[6])
    e.modalities[r[8]] += 1
    e.stubs[(r[9], r[10], r[8])] += 1
    if r[7]:
        e.officials.add(r[7])


def _edge(e: _Group, position: dict[str, int]) -> dict:
    return {"from": e.ends[0], "to": e.ends[1], "rel": e.rel, "ix": [position[r[1]] for r in e.kept],
            "total": e.total, "n": len(e.sentences), "asserted": e.modalities["asserted"] > 0,
            "modalities": dict(sorted(e.modalities.items())), "officials": sorted(e.officials),
            "stubs": [[lo, hi, m, n] for (lo, hi, m), n in sorted(e.stubs.items(), key=lambda kv: (
                kv[0][0] or "", kv[0][1] or "", kv[0][2]))]}


# ---------------------------------------------------------------- the embedded records


_DETAILS = """SELECT ?i ?text ?sentText ?trigger ?charStart ?charEnd ?sentStart ?confidence ?date ?reportedOn ?dateText
       ?cameo ?quad ?goldstein ?rule ?reportedBy ?otherParty ?official ?doc
WHERE {{ VALUES ?i {{ {values} }}
  OPTIONAL {{ ?i ag:evidenceText ?text }} OPTIONAL {{ ?i ag:trigger ?trigger }}
  OPTIONAL {{ ?i ag:charStart ?charStart }} OPTIONAL {{ ?i ag:charEnd ?charEnd }}
  OPTIONAL {{ ?i ag:evidence ?s OPTIONAL {{ ?s ag:text ?sentText }} OPTIONAL {{ ?s ag:charStart ?sentStart }} }}
  OPTIONAL {{ ?i ag:confidence ?confidence }} OPTIONAL {{ ?i ag:date ?date }} OPTIONAL {{ ?i ag:reportedOn ?reportedOn }}
  OPTIONAL {{ ?i ag:dateText ?dateText }} OPTIONAL {{ ?i ag:cameoCode ?cameo }} OPTIONAL {{ ?i ag:quadClass ?quad }}
  OPTIONAL {{ ?i ag:goldstein ?goldstein }} OPTIONAL {{ ?i ag:rule ?rule }} OPTIONAL {{ ?i ag:reportedBy ?reportedBy }}
  OPTIONAL {{ ?i ag:otherParty ?otherParty }} OPTIONAL {{ ?i ag:sourceOfficial ?official }}
  OPTIONAL {{ ?i ag:document ?doc }} }}"""


def _records(store: Store, chosen: list[tuple]) -> list[dict]:
    """The records the page embeds, with their evidence (what an edge's panel shows)."""
    details: dict[str, dict] = {}
    for b in _select_each(store, [r[1] for r in chosen], _DETAILS):
        details.setdefault(str(b["i"]), b)
    names = labels(store, {str(b[k]) for b in details.values() for k in ("reportedBy", "otherParty", "official")
                           if k in b} | {str(b["quad"]) for b in details.values() if "quad" in b})
    out = []
    for r in chosen:
        b = details.get(r[1], {})
        out.append({"iri": r[1], "source": r[2], "target": r[4], "relation": r[3], "other": r[5], "sentence": r[6],
                    "official": r[7], "at": r[0][2], "ev": _evidence(b, r, names)})
    return out


def _evidence(b: dict, r: tuple, names: dict[str, str]) -> dict:
    from .collect import _num, _utf16

    text = str(b.get("text") or b.get("sentText") or "")
    span = _span(b, text)
    name = lambda k: names.get(str(b[k]), local(b[k])) if k in b else None  # noqa: E731
    return {
        "text": text, "mark": [_utf16(text, span[0]), _utf16(text, span[1])] if span else None,
        "trigger": str(b.get("trigger") or ""), "modality": r[8], "confidence": _num(b.get("confidence")),
        "date": str(b["date"]) if "date" in b else None,
        "reportedOn": str(b["reportedOn"]) if "reportedOn" in b else None, "lo": r[9], "hi": r[10],
        "dateText": str(b.get("dateText") or "") or None, "cameo": str(b.get("cameo") or "") or None,
        "quad": name("quad"), "goldstein": _num(b.get("goldstein")), "rule": str(b.get("rule") or "") or None,
        "reportedBy": name("reportedBy"), "otherParty": name("otherParty"), "official": name("official"),
        "doc": str(b["doc"]).rsplit("/", 1)[-1] if "doc" in b else None,
        "docIri": str(b["doc"]) if "doc" in b else None,
    }


def _span(b: dict, text: str) -> tuple[int, int] | None:
    """Where the trigger sits in the evidence sentence (Python indexes), or None if unsure."""
    from .collect import _num

    start, end, s_start, trigger = _num(b.get("charStart")), _num(b.get("charEnd")), _num(b.get("sentStart")), b.get("trigger")
    if None in (start, end, s_start) or trigger is None:
        return None
    a, z = int(start - s_start), int(end - s_start)
    return (a, z) if 0 <= a < z <= len(text) and text[a:z] == str(trigger) else None


def _select_each(store: Store, iris: Sequence[str], query: str) -> Iterator[dict]:
    """Every binding of ``query`` (a template whose ``{values}`` takes a VALUES block) for ``iris``,
    asked in chunks so that no query grows with the corpus."""
    for chunk in _chunks(iris):
        yield from select(store, query.format(values=" ".join(f"<{i}>" for i in chunk)))


def labels(store: Store, iris: Iterable[str]) -> dict[str, str]:
    """The fullest label of each IRI (several documents may label a person differently), read from
    the store or, for a relation's quad class, from the ontology file when the store lacks it."""
    from .collect import _ontology_file

    found: dict[str, list[str]] = defaultdict(list)
    for b in _select_each(store, sorted(iris), "SELECT ?x ?l WHERE {{ VALUES ?x {{ {values} }} ?x rdfs:label ?l }}"):
        found[str(b["x"])].append(str(b["l"]))
    for iri in set(iris) - set(found):  # a store or graph without the ontology (a quad class's label)
        value = _ontology_file().value(URIRef(iri), RDFS.label)
        if value is not None:
            found[iri].append(str(value))
    return {k: sorted(set(v), key=lambda s: (-len(s), s))[0] for k, v in found.items()}


# ---------------------------------------------------------------- actors and documents


def _actors(store: Store, edges: list[dict], acting: set[str], gz) -> tuple[dict, list[dict]]:  # noqa: ANN001
    """The actors drawn (edge ends, officials - ``acting``: those named acting for a state - the
    states officials serve) with their profiles, and the "office" links."""
    from .collect import search_names

    ids = {a for e in edges for a in (e["from"], e["to"])}
    persons = _typed(store, "Person")
    holders = {local(b["p"]) for b in select(store, "SELECT DISTINCT ?p WHERE { ?p ag:holdsOffice ?o }")}
    people = (holders | acting | ids) & persons
    info = _describe(store, ids | people)
    offices = _office_links(info, people)
    ids |= people | {o["to"] for o in offices}
    info.update(_describe(store, ids - set(info)))
    names = search_names(store, ids, gz)
    nodes = {a: {"id": a, "iri": _iri(a), "label": info[a]["label"], "type": info[a]["type"], "names": names.get(a, []),
                 **{k: v for k, v in info[a]["profile"].items() if not k.startswith("_")}} for a in sorted(ids)}
    return nodes, offices


def _typed(store: Store, cls: str) -> set[str]:
    return {local(b["p"]) for b in select(store, f"SELECT DISTINCT ?p WHERE {{ ?p a ag:{cls} }}")}


def _iri(aid: str) -> str:
    return aid if "://" in aid else _AG + aid


_METRICS = ("degree", "inDegree", "outDegree", "weightedDegree", "pagerank", "betweenness", "brokerage", "mediations",
            "community")


def _describe(store: Store, ids: Iterable[str]) -> dict[str, dict]:
    """Label, kind and profile (offices held and served, Wikidata id, analysis metrics) of actors."""
    facts: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    wanted = sorted(ids)
    iris = [_iri(a) for a in wanted]
    for b in _select_each(store, iris, "SELECT ?a ?p ?o WHERE {{ VALUES ?a {{ {values} }} ?a ?p ?o }}"):
        facts[local(b["a"])][str(b["p"])].append(b["o"])
    for b in _select_each(store, iris, "SELECT ?a ?o WHERE {{ VALUES ?a {{ {values} }} ?o ag:officeOf ?a }}"):
        facts[local(b["a"])]["officesOf"].append(b["o"])
    offices = {str(o) for f in facts.values() for key in (str(AG.holdsOffice), "officesOf") for o in f.get(key, ())}
    office = _offices(store, offices)
    names = labels(store, {_iri(a) for a in wanted} | {o["of"] for o in office.values() if o["of"]}
                   | {h for o in office.values() for h in o["holders"]} | offices)
    return {a: _profile(a, facts.get(a, {}), office, names) for a in wanted}


def _offices(store: Store, iris: set[str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for b in _select_each(store, sorted(iris), """SELECT ?o ?title ?of ?holder WHERE {{ VALUES ?o {{ {values} }}
            OPTIONAL {{ ?o ag:officeTitle ?title }} OPTIONAL {{ ?o ag:officeOf ?of }} OPTIONAL {{ ?holder ag:holdsOffice ?o }} }}"""):
        o = out.setdefault(str(b["o"]), {"title": "", "of": None, "holders": set()})
        o["title"] = o["title"] or str(b.get("title") or "")
        o["of"] = o["of"] or (str(b["of"]) if "of" in b else None)
        if "holder" in b:
            o["holders"].add(str(b["holder"]))
    return out


def _profile(a: str, f: dict, office: dict[str, dict], names: dict[str, str]) -> dict:
    from .collect import ACTOR_TYPES, _QID_RE, _num

    label = names.get(_iri(a), a)
    types = {local(t) for t in f.get(str(RDF.type), ())}
    kind = next((t for t in ACTOR_TYPES if t in types), "Actor")
    if kind == "Person" and (f.get(str(AG.holdsOffice)) or f.get(str(AG.affiliatedWith))):
        kind = "Official"
    held = [{"label": names.get(str(o), local(o)), "title": office.get(str(o), {}).get("title", ""),
             "of": names.get(office[str(o)]["of"], local(office[str(o)]["of"])) if office.get(str(o), {}).get("of") else None}
            for o in sorted(set(f.get(str(AG.holdsOffice), ())))]
    served = [{"label": names.get(str(o), local(o)), "title": office.get(str(o), {}).get("title", ""),
               "holders": sorted(names.get(h, local(h)) for h in office.get(str(o), {}).get("holders", ()))}
              for o in sorted(set(f.get("officesOf", ())))]
    qids = sorted(str(x)[len(str(WD)):] for x in f.get("http://www.w3.org/2002/07/owl#sameAs", ())
                  if str(x).startswith(str(WD)))
    metrics = {}
    for name in _METRICS:
        values = f.get(str(AG[name]))
        v = _num(values[0]) if values else None
        if v is not None:
            metrics[name] = round(v, 6) if name in ("pagerank", "betweenness", "brokerage") else int(v)
    return {"label": label, "type": kind, "profile": {
        "offices": held, "officesOf": served, "wikidata": next((q for q in qids if _QID_RE.match(q)), None),
        "metrics": metrics, "_serves": sorted({str(x) for x in f.get(str(AG.affiliatedWith), ())}
                                              | {office[str(o)]["of"] for o in f.get(str(AG.holdsOffice), ())
                                                 if office.get(str(o), {}).get("of")}),
        "_titles": {office[str(o)]["of"]: office[str(o)]["title"] or names.get(str(o), local(o))
                    for o in f.get(str(AG.holdsOffice), ()) if office.get(str(o), {}).get("of")}}}


def _office_links(info: dict[str, dict], people: set[str]) -> list[dict]:
    """The "office" edges: each official to the state or organisation it serves, with the title."""
    links = []
    for aid in sorted(people):
        profile = info[aid]["profile"]
        for org in profile["_serves"]:
            links.append({"from": aid, "to": local(org), "title": profile["_titles"].get(org, "")})
    return links


def _documents(store: Store, iris: set[str]) -> dict[str, dict]:
    docs: dict[str, dict] = {}
    for b in _select_each(store, sorted(iris), """SELECT ?d ?title ?date ?source WHERE {{ VALUES ?d {{ {values} }}
            OPTIONAL {{ ?d dct:title ?title }} OPTIONAL {{ ?d dct:date ?date }} OPTIONAL {{ ?d ag:sourcePath ?source }} }}"""):
        key = str(b["d"])[len(str(DOC)):].rsplit("/", 1)[-1]
        docs.setdefault(key, {"iri": str(b["d"]), "title": str(b.get("title") or ""),
                              "date": str(b["date"]) if "date" in b else None,
                              "source": str(b["source"]) if "source" in b else None})
    return dict(sorted(docs.items()))
