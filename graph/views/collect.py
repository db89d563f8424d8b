"""What the page and the report show, read once from the union RDF graph: the one source of truth.

``collect`` turns the graph into plain dicts — interaction records, one edge per (source, relation,
target), the actors drawn (every party to an interaction, every official found in the text and the
state an official serves), documents — and ``counts_of`` counts them. The page draws exactly these
actors and edges, and the build's summary line and the report quote the same ``Counts``, so the three
can never disagree (``tests/test_views.py`` checks it on the seeds).

Every string here may come from an article and is untrusted: it is data, escaped by whoever writes
it out (JSON in a script block for the page, ``html.escape``/Markdown escapes for the report).
"""
from __future__ import annotations

import calendar
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL

from ..namespaces import AG, ONTOLOGY_DIR, SYMMETRIC, WD

__all__ = ["Counts", "collect", "counts_of", "date_bounds", "relation_meta", "search_names"]

from ..vocabulary import ACTOR_TYPES  # noqa: E402 - the ontology's actor classes, defined once
KINDS = ("State", "Official", "Person", "Organisation", "ArmedGroup", "CollectiveActor", "Actor")
MODALITIES = ("Asserted", "Reported", "Hypothetical", "Negated")
_COLOUR_RE = re.compile(r"^#[0-9A-Fa-f]{3,8}$")
_QID_RE = re.compile(r"^Q[0-9]+$")
_DEFAULT_COLOUR = "#8a8a8a"
_NAME_KINDS = ("name", "capital", "demonym", "part")  # gazetteer alias kinds a search may use (not cities)


@dataclass(frozen=True)
class Counts:
    """How much the graph holds, counted once (see the module docstring).

    ``actors`` are the actors the page draws: parties to an interaction (any modality, a mediation's
    other party included), officials found in the text and the states they serve; ``officials`` is
    how many of them are officials. ``relations`` are the page's edges: one per (source, relation,
    target), symmetric relations unordered, a mediation linking the mediator to both parties."""

    documents: int
    actors: int
    officials: int
    relations: int
    interactions: int

    def sentence(self) -> str:
        """The line the CLI prints and the report and page repeat."""
        officials = f" ({self.officials} official{'s' if self.officials != 1 else ''})" if self.officials else ""
        return (f"{_n(self.documents, 'document')}, {_n(self.actors, 'actor')}{officials}, "
                f"{_n(self.relations, 'relation')}, {_n(self.interactions, 'interaction')}")

    def as_dict(self) -> dict[str, int]:
        return {"documents": self.documents, "actors": self.actors, "officials": self.officials,
                "relations": self.relations, "interactions": self.interactions}


def _n(k: int, noun: str) -> str:
    return f"{k:,} {noun}{'' if k == 1 else 's'}"


def counts_of(data: dict) -> Counts:
    """The counts of what :func:`collect` returned."""
    return Counts(documents=len(data["documents"]), actors=len(data["nodes"]),
                  officials=sum(1 for n in data["nodes"].values() if n["type"] == "Official"),
                  relations=len(data["edges"]), interactions=len(data["records"]))


# ---------------------------------------------------------------------------- small readers

class _Terms:
    """ag: terms as plain attributes, made once: rdflib's ``Namespace`` builds a new URIRef on every
    attribute access, which was a sixth of the time ``collect`` took at 2,000 actors."""

    def __getattr__(self, name: str) -> URIRef:
        term = AG[name]
        setattr(self, name, term)
        return term


_AG = _Terms()




def _local(iri) -> str:
    """Short, stable id for the page: the ag: local name, or the full IRI for anything foreign."""
    s = str(iri)
    return s[len(str(AG)):] if s.startswith(str(AG)) else s


def _iri(local: str) -> URIRef:
    """Inverse of ``_local``."""
    return URIRef(local) if "://" in local else AG[local]


def _num(value) -> float | None:
    try:
        return float(value.toPython() if isinstance(value, Literal) else value)
    except (TypeError, ValueError):
        return None


def date_bounds(lexical: str) -> tuple[str, str] | None:
    """The day interval an xsd:date / gYearMonth / gYear covers, so partial dates filter by overlap."""
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", lexical)
    if not m:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    if day:
        return (f"{year}-{month}-{day}",) * 2
    if month:
        last = calendar.monthrange(int(year), int(month))[1] if 1 <= int(month) <= 12 else 31
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    return f"{year}-01-01", f"{year}-12-31"


def _label(g: Graph, node) -> str:
    """rdfs:label; several documents may label a person differently — take the fullest name."""
    labels = sorted({str(x) for x in g.objects(node, RDFS.label)}, key=lambda s: (-len(s), s))
    return labels[0] if labels else _local(node)


def _actor_type(g: Graph, node) -> str:
    """The node kind drawn: a person with an office or a state to serve is an Official."""
    types = {_local(t) for t in g.objects(node, RDF.type)}
    kind = next((t for t in ACTOR_TYPES if t in types), "Actor")
    if kind == "Person" and ((node, _AG.holdsOffice, None) in g or (node, _AG.affiliatedWith, None) in g):
        return "Official"
    return kind


# ---------------------------------------------------------------------------- relations


def _schema(g: Graph) -> Graph:
    """Relation colours and symmetry live in the ontology; read them from the graph if it carries
    the ontology (the build's union does), else from ``ontology/actorgraph.ttl``."""
    return g if (None, _AG.colour, None) in g else _ontology_file()


@lru_cache(maxsize=1)
def _ontology_file() -> Graph:
    onto = Graph()
    path = ONTOLOGY_DIR / "actorgraph.ttl"
    if path.exists():
        onto.parse(path, format="turtle")
    return onto


def _relation_order(rid: str) -> int:
    from ..namespaces import RELATIONS

    return RELATIONS.index(rid) if rid in RELATIONS else len(RELATIONS)


def relation_meta(g: Graph, used: Iterable[str]) -> list[dict]:
    """Label, colour, direction and sign of each relation in use, in the ontology's order."""
    schema = _schema(g)
    out = []
    for rid in sorted(set(used), key=lambda r: (_relation_order(r), r)):
        prop = _iri(rid)
        colour = str(schema.value(prop, _AG.colour) or _DEFAULT_COLOUR)
        label = schema.value(prop, RDFS.label)
        quad = schema.value(prop, _AG.quadClass)
        quad_label = schema.value(quad, RDFS.label) if quad is not None else None
        out.append({
            "id": rid,
            "label": str(label) if label else rid,
            "colour": colour if _COLOUR_RE.match(colour) else _DEFAULT_COLOUR,
            "symmetric": (prop, RDF.type, OWL.SymmetricProperty) in schema or rid in SYMMETRIC,
            "sign": int(_num(schema.value(prop, _AG.sign)) or 0),
            "quad": str(quad_label) if quad_label else "",
        })
    return out


def _quad_label(g: Graph, quad) -> str | None:
    """"verbal conflict" for ag:VerbalConflict, from the graph or else the ontology file."""
    if quad is None:
        return None
    label = g.value(quad, RDFS.label) or _schema(g).value(quad, RDFS.label)
    return str(label) if label else _local(quad)


# ---------------------------------------------------------------------------- interactions


def _utf16(text: str, index: int) -> int:
    """JavaScript counts string positions in UTF-16 units; Python in code points."""
    return len(text[:index].encode("utf-16-le")) // 2


def trigger_span(g: Graph, po: dict, text: str) -> tuple[int, int] | None:
    """Where the trigger sits in the evidence sentence (Python indexes), or None if unsure."""
    sentence = po.get(_AG.evidence)
    start, end, trigger = _num(po.get(_AG.charStart)), _num(po.get(_AG.charEnd)), po.get(_AG.trigger)
    s_start = _num(g.value(sentence, _AG.charStart)) if sentence is not None else None
    if None in (start, end, s_start) or trigger is None:
        return None
    a, b = int(start - s_start), int(end - s_start)
    if not (0 <= a < b <= len(text)) or text[a:b] != str(trigger):
        return None
    return a, b


def _evidence(g: Graph, po: dict) -> dict:
    """The page's evidence record of one Interaction (what its panel shows)."""
    text = str(po.get(_AG.evidenceText) or "")
    if not text and po.get(_AG.evidence) is not None:
        text = str(g.value(po[_AG.evidence], _AG.text) or "")
    date, reported = po.get(_AG.date), po.get(_AG.reportedOn)
    bounds = date_bounds(str(date or reported)) if (date or reported) is not None else None
    modality = _local(po.get(_AG.modality, _AG.Asserted))
    span = trigger_span(g, po, text)
    return {
        "text": text,
        "mark": [_utf16(text, span[0]), _utf16(text, span[1])] if span else None,
        "trigger": str(po.get(_AG.trigger) or ""),
        "modality": modality.lower() if modality in MODALITIES else modality,
        "confidence": _num(po.get(_AG.confidence)),
        "date": str(date) if date is not None else None,
        "reportedOn": str(reported) if reported is not None else None,
        "lo": bounds[0] if bounds else None,
        "hi": bounds[1] if bounds else None,
        "dateText": str(po.get(_AG.dateText) or "") or None,
        "cameo": str(po.get(_AG.cameoCode) or "") or None,
        "quad": _quad_label(g, po.get(_AG.quadClass)),
        "goldstein": _num(po.get(_AG.goldstein)),
        "rule": str(po.get(_AG.rule) or "") or None,
        "reportedBy": _label(g, po[_AG.reportedBy]) if _AG.reportedBy in po else None,
        "otherParty": _label(g, po[_AG.otherParty]) if _AG.otherParty in po else None,
        "official": _label(g, po[_AG.sourceOfficial]) if _AG.sourceOfficial in po else None,
        "doc": _local(po[_AG.document]).rsplit("/", 1)[-1] if _AG.document in po else None,
        "docIri": str(po.get(_AG.document) or "") or None,
    }


def _interaction_records(g: Graph) -> list[dict]:
    """Every well-formed Interaction as a flat dict of Python values."""
    records = []
    for ix in g.subjects(RDF.type, _AG.Interaction):
        po: dict = {}
        for p, o in g.predicate_objects(ix):
            po.setdefault(p, o)  # functional properties; keep the first of any duplicate
        src, tgt, rel = po.get(_AG.source), po.get(_AG.target), po.get(_AG.relation)
        if src is None or tgt is None or rel is None:
            continue
        records.append({
            "iri": str(ix), "source": _local(src), "target": _local(tgt), "relation": _local(rel),
            "other": _local(po[_AG.otherParty]) if _AG.otherParty in po else None,
            "sentence": str(po.get(_AG.evidence) or ix),
            "official": _local(po[_AG.sourceOfficial]) if _AG.sourceOfficial in po else None,
            "at": int(po[_AG.charStart]) if isinstance(po.get(_AG.charStart), Literal) else 0,
            "ev": _evidence(g, po),
        })
    # by date, then in reading order within a document (the first statement of a symmetric relation
    # gives its edge's direction); the IRI, a hash, only breaks ties
    records.sort(key=lambda r: (r["ev"]["lo"] or "9999", r["ev"]["doc"] or "", r["at"], r["iri"]))
    return records


def _edge_ends(r: dict) -> list[tuple[str, str]]:
    """A mediation links the mediator to both parties (as the analysis counts it)."""
    ends = [(r["source"], r["target"])]
    if r["relation"] == "mediates" and r["other"] and r["other"] not in (r["target"], r["source"]):
        ends.append((r["source"], r["other"]))
    return ends


def _aggregate(records: list[dict], relations: dict[str, dict]) -> list[dict]:
    """One edge per (source, relation, target). Symmetric relations are stored in the direction the
    text gave; here "A negotiates with B" and "B negotiates with A" are the same edge."""
    groups: dict[tuple, dict] = {}
    for i, r in enumerate(records):
        rel = r["relation"]
        for s, t in _edge_ends(r):
            key = (min(s, t), rel, max(s, t)) if relations[rel]["symmetric"] else (s, rel, t)
            e = groups.setdefault(key, {"from": s, "to": t, "rel": rel, "ix": [], "sentences": set(),
                                        "officials": set(), "modalities": Counter()})
            e["ix"].append(i)
            e["sentences"].add(r["sentence"])
            e["modalities"][r["ev"]["modality"]] += 1
            if r["official"]:
                e["officials"].add(r["official"])
    return [{"from": e["from"], "to": e["to"], "rel": e["rel"], "ix": e["ix"], "n": len(e["sentences"]),
             "asserted": e["modalities"]["asserted"] > 0, "modalities": dict(sorted(e["modalities"].items())),
             "officials": sorted(e["officials"])}
            for e in (groups[k] for k in sorted(groups))]


# ---------------------------------------------------------------------------- actors


def _profile(g: Graph, node: URIRef) -> dict:
    """Who the actor is: offices held or served, Wikidata link, analysis metrics."""
    held = []
    for office in sorted(set(g.objects(node, _AG.holdsOffice))):
        of = g.value(office, _AG.officeOf)
        held.append({"label": _label(g, office), "title": str(g.value(office, _AG.officeTitle) or ""),
                     "of": _label(g, of) if of is not None else None})
    served = []
    for office in sorted(set(g.subjects(_AG.officeOf, node))):
        holders = sorted(_label(g, p) for p in set(g.subjects(_AG.holdsOffice, office)))
        served.append({"label": _label(g, office), "title": str(g.value(office, _AG.officeTitle) or ""),
                       "holders": holders})
    wikidata = None
    for same in sorted(g.objects(node, OWL.sameAs)):
        qid = str(same)[len(str(WD)):] if str(same).startswith(str(WD)) else ""
        if _QID_RE.match(qid):  # only a well-formed Q-id becomes a link: never a data-chosen URL
            wikidata = qid
            break
    metrics = {}
    for name in ("degree", "inDegree", "outDegree", "weightedDegree", "pagerank", "betweenness", "brokerage",
                 "mediations", "community"):
        v = _num(g.value(node, AG[name]))
        if v is not None:
            metrics[name] = round(v, 6) if name in ("pagerank", "betweenness", "brokerage") else int(v)
    return {"offices": held, "officesOf": served, "wikidata": wikidata, "metrics": metrics}


def _officials(g: Graph) -> set[str]:
    """Persons the text found as officials: offices come from the text only (a store's copy of the
    gazetteer ties well-known people to states but names no office), so holding one means found."""
    return {_local(p) for p in g.subjects(_AG.holdsOffice, None)}


def _office_links(g: Graph, people: Iterable[str]) -> list[dict]:
    """The "office" edges: each official to the state or organisation it serves, with the title."""
    links = []
    for aid in sorted(people):
        node = _iri(aid)
        titles = {str(g.value(o, _AG.officeOf)): str(g.value(o, _AG.officeTitle) or _label(g, o))
                  for o in g.objects(node, _AG.holdsOffice)}
        serves = set(g.objects(node, _AG.affiliatedWith)) | {g.value(o, _AG.officeOf) for o in g.objects(node, _AG.holdsOffice)}
        for org in sorted(s for s in serves if s is not None):
            links.append({"from": aid, "to": _local(org), "title": titles.get(str(org), "")})
    return links


def collect(g: Graph, gz=None) -> dict:  # noqa: ANN001 - a graph.gazetteer.Gazetteer, imported lazily
    """Everything the page and the report show, as plain JSON-able data (before any cut).

    ``gz`` supplies the names a search may use (aliases, capitals, surnames); without it they are
    read from the graph when it carries the gazetteer (a store does), else from ``ontology/``."""
    records = _interaction_records(g)
    relations = {r["id"]: r for r in relation_meta(g, {r["relation"] for r in records})}
    edges = _aggregate(records, relations)
    actor_ids = {a for e in edges for a in (e["from"], e["to"])}
    people = (_officials(g) | {r["official"] for r in records if r["official"]} | actor_ids) & _persons(g)
    offices = _office_links(g, people)
    actor_ids |= people | {o["to"] for o in offices}
    names = search_names(g, actor_ids, gz)
    nodes = {}
    for aid in sorted(actor_ids):
        node = _iri(aid)
        label = _label(g, node)
        nodes[aid] = {"id": aid, "iri": str(node), "label": label, "type": _actor_type(g, node),
                      "names": names.get(aid, []), **_profile(g, node)}
    return {"records": records, "relations": relations, "edges": edges, "nodes": nodes,
            "affiliations": offices, "documents": _documents(g)}


def _persons(g: Graph) -> set[str]:
    return {_local(p) for p in g.subjects(RDF.type, _AG.Person)}


def _documents(g: Graph) -> dict[str, dict]:
    """Every ag:Document of the graph (one with no interaction is still a document of the corpus)."""
    docs = {}
    for node in sorted(set(g.subjects(RDF.type, _AG.Document))):
        key = _local(node).rsplit("/", 1)[-1]
        docs[key] = {
            "iri": str(node),
            "title": str(g.value(node, DCTERMS.title) or ""),
            "date": str(g.value(node, DCTERMS.date) or "") or None,
            "source": str(g.value(node, _AG.sourcePath) or "") or None,
        }
    return docs


# ---------------------------------------------------------------------------- search names


def search_names(g: Graph, actor_ids: Iterable[str], gz=None) -> dict[str, list[str]]:  # noqa: ANN001
    """Other names an analyst may type for each actor: aliases and abbreviations ("US", "U.S."),
    capitals ("Washington"), demonyms, government parts ("Pentagon") and, for people, the surname.

    Why: the page's search answered "no such actor" for names the extractor itself knows. The
    gazetteer is the source (the one the build used, ``gz``); a graph read back from a store carries
    it in its ontology graph; a bare graph file falls back to the gazetteer under ``ontology/``."""
    ids = set(actor_ids)
    if gz is not None:
        table = _names_from_gazetteer(gz, ids)
    elif (None, _AG.alias, None) in g:
        table = _names_from_graph(g, ids)
    else:
        table = _names_from_gazetteer(_default_gazetteer(), ids)
    for aid in ids:
        if aid.startswith("P_"):  # "Araghchi" for Abbas Araghchi, from the id written from the name
            table.setdefault(aid, set()).add(aid.rsplit("_", 1)[-1])
    return {aid: sorted(v) for aid, v in table.items() if aid in ids}


def _names_from_gazetteer(gz, ids: set[str]) -> dict[str, set[str]]:  # noqa: ANN001
    table: dict[str, set[str]] = defaultdict(set)
    for alias in gz.aliases:
        if alias.actor in ids and alias.kind in _NAME_KINDS:
            table[alias.actor].add(alias.text)
    return table


def _names_from_graph(g: Graph, ids: set[str]) -> dict[str, set[str]]:
    table: dict[str, set[str]] = defaultdict(set)
    for aid in ids:
        node = _iri(aid)
        for p in (_AG.alias, _AG.capital, _AG.demonym, _AG.partName):
            for value in g.objects(node, p):
                table[aid].add(str(value).split("|", 1)[0].strip())
    return table


@lru_cache(maxsize=1)
def _default_gazetteer():  # noqa: ANN202 - graph.gazetteer.Gazetteer
    from .. import gazetteer

    return gazetteer.load()
