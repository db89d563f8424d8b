"""The offline HTML graph: one self-contained page an analyst can open from a file, with no network.

The union RDF graph is read once into plain dicts (actors, aggregated edges, evidence, documents) and
put into the page as JSON; the page's own script (``graph.views.render_page``) builds the vis-network view,
the filters and the side panels from that JSON. Why not pyvis's ``write_html``: its template pulls
bootstrap from a CDN even with ``cdn_resources="in_line"`` and renders data through Jinja, so we only
take from pyvis the vis-network bundle it ships (inlined, never fetched) and write our own page.

Every string that comes from an article (sentences, titles, labels, source paths) is untrusted: it
travels only inside a ``<script type="application/json">`` block with ``< > &`` and U+2028/9
escaped, and the page writes it with ``textContent`` — never as markup. A Content-Security-Policy
that allows only the page's own inline scripts (by hash) is a second lock on the same door.
"""
from __future__ import annotations

import argparse
import calendar
import html
import json
import math
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL

from ..fileio import write_atomic
from ..namespaces import AG, ONTOLOGY_DIR, SYMMETRIC, WD

ACTOR_TYPES = ("State", "Person", "Organisation", "ArmedGroup", "CollectiveActor")
# colour, vis shape, legend glyph: shape as well as colour, so the legend survives colour blindness
TYPE_STYLE = {
    "State": ("#3b6ea8", "dot", "\u25cf"),
    "Person": ("#e8a33d", "diamond", "\u25c6"),
    "Organisation": ("#5b9a4b", "square", "\u25a0"),
    "ArmedGroup": ("#c0392b", "triangle", "\u25b2"),
    "CollectiveActor": ("#8e6fb5", "hexagon", "\u2b22"),
    "Actor": ("#8a8a8a", "dot", "\u25cf"),
}
TYPE_LABEL = {"State": "State", "Person": "Person", "Organisation": "Organisation", "ArmedGroup": "Armed group",
              "CollectiveActor": "Collective actor", "Actor": "Other actor"}
MODALITIES = ("Asserted", "Reported", "Hypothetical", "Negated")
_COLOUR_RE = re.compile(r"^#[0-9A-Fa-f]{3,8}$")
_QID_RE = re.compile(r"^Q[0-9]+$")
_DEFAULT_COLOUR = "#8a8a8a"


@dataclass(frozen=True)
class RenderStats:
    """What went into the page, so the build can log it and tests can check it."""

    path: Path
    nodes: int  # actors drawn
    edges: int  # aggregated (source, relation, target) edges drawn
    asserted_edges: int  # of which visible by default (at least one asserted interaction)
    affiliation_edges: int  # person -> state links drawn
    interactions: int  # Interaction nodes behind the drawn edges
    dropped_nodes: int  # actors left out by max_nodes
    dropped_edges: int  # edges left out because an end was dropped
    size_metric: str  # pagerank | betweenness | degree
    bytes: int


# ---------------------------------------------------------------------------- reading the RDF


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


def _schema(g: Graph) -> Graph:
    """Relation colours and symmetry live in the ontology; read them from the graph if it carries
    the ontology (the build's union does), else from ``ontology/actorgraph.ttl``."""
    return g if (None, AG.colour, None) in g else _ontology_file()


@lru_cache(maxsize=1)
def _ontology_file() -> Graph:
    onto = Graph()
    path = ONTOLOGY_DIR / "actorgraph.ttl"
    if path.exists():
        onto.parse(path, format="turtle")
    return onto


def relation_meta(g: Graph, used: Iterable[str]) -> list[dict]:
    """Label, colour, direction and sign of each relation in use, in the ontology's order."""
    schema = _schema(g)
    ids = sorted(set(used), key=lambda r: (_relation_order(r), r))
    out = []
    for rid in ids:
        prop = _iri(rid)
        colour = str(schema.value(prop, AG.colour) or _DEFAULT_COLOUR)
        label = schema.value(prop, RDFS.label)
        quad = schema.value(prop, AG.quadClass)
        quad_label = schema.value(quad, RDFS.label) if quad is not None else None
        out.append({
            "id": rid,
            "label": str(label) if label else rid,
            "colour": colour if _COLOUR_RE.match(colour) else _DEFAULT_COLOUR,
            "symmetric": (prop, RDF.type, OWL.SymmetricProperty) in schema or rid in SYMMETRIC,
            "sign": int(_num(schema.value(prop, AG.sign)) or 0),
            "quad": str(quad_label) if quad_label else "",
        })
    return out


def _relation_order(rid: str) -> int:
    from ..namespaces import RELATIONS

    return RELATIONS.index(rid) if rid in RELATIONS else len(RELATIONS)


def _label(g: Graph, node) -> str:
    """rdfs:label; several documents may label a person differently — take the fullest name."""
    labels = sorted({str(x) for x in g.objects(node, RDFS.label)}, key=lambda s: (-len(s), s))
    return labels[0] if labels else _local(node)


def _actor_type(g: Graph, node) -> str:
    types = {_local(t) for t in g.objects(node, RDF.type)}
    return next((t for t in ACTOR_TYPES if t in types), "Actor")


def _utf16(text: str, index: int) -> int:
    """JavaScript counts string positions in UTF-16 units; Python in code points."""
    return len(text[:index].encode("utf-16-le")) // 2


def _trigger_span(g: Graph, po: dict, text: str) -> list[int] | None:
    """Where the trigger sits in the evidence sentence (for highlighting), or None if unsure."""
    sentence = po.get(AG.evidence)
    start, end, trigger = _num(po.get(AG.charStart)), _num(po.get(AG.charEnd)), po.get(AG.trigger)
    s_start = _num(g.value(sentence, AG.charStart)) if sentence is not None else None
    if None in (start, end, s_start) or trigger is None:
        return None
    a, b = int(start - s_start), int(end - s_start)
    if not (0 <= a < b <= len(text)) or text[a:b] != str(trigger):
        return None
    return [_utf16(text, a), _utf16(text, b)]


def _quad_label(g: Graph, quad) -> str | None:
    """"verbal conflict" for ag:VerbalConflict, from the graph or else the ontology file."""
    if quad is None:
        return None
    label = g.value(quad, RDFS.label) or _schema(g).value(quad, RDFS.label)
    return str(label) if label else _local(quad)


def _interaction_records(g: Graph) -> list[dict]:
    """Every well-formed Interaction as a flat dict of Python values."""
    records = []
    for ix in g.subjects(RDF.type, AG.Interaction):
        po: dict = {}
        for p, o in g.predicate_objects(ix):
            po.setdefault(p, o)  # functional properties; keep the first of any duplicate
        src, tgt, rel = po.get(AG.source), po.get(AG.target), po.get(AG.relation)
        if src is None or tgt is None or rel is None:
            continue
        text = str(po.get(AG.evidenceText) or "")
        if not text and po.get(AG.evidence) is not None:
            text = str(g.value(po[AG.evidence], AG.text) or "")
        date = po.get(AG.date)
        bounds = date_bounds(str(date)) if date is not None else None
        modality = _local(po.get(AG.modality, AG.Asserted))
        records.append({
            "iri": str(ix),
            "source": _local(src), "target": _local(tgt), "relation": _local(rel),
            "sentence": str(po.get(AG.evidence) or ix),
            "official": _local(po[AG.sourceOfficial]) if AG.sourceOfficial in po else None,
            "at": int(po[AG.charStart]) if isinstance(po.get(AG.charStart), Literal) else 0,
            "ev": {
                "text": text,
                "mark": _trigger_span(g, po, text),
                "trigger": str(po.get(AG.trigger) or ""),
                "modality": modality.lower() if modality in MODALITIES else modality,
                "confidence": _num(po.get(AG.confidence)),
                "date": str(date) if date is not None else None,
                "lo": bounds[0] if bounds else None,
                "hi": bounds[1] if bounds else None,
                "dateText": str(po.get(AG.dateText) or "") or None,
                "cameo": str(po.get(AG.cameoCode) or "") or None,
                "quad": _quad_label(g, po.get(AG.quadClass)),
                "goldstein": _num(po.get(AG.goldstein)),
                "rule": str(po.get(AG.rule) or "") or None,
                "reportedBy": _label(g, po[AG.reportedBy]) if AG.reportedBy in po else None,
                "otherParty": _label(g, po[AG.otherParty]) if AG.otherParty in po else None,
                "official": _label(g, po[AG.sourceOfficial]) if AG.sourceOfficial in po else None,
                "doc": _local(po[AG.document]).rsplit("/", 1)[-1] if AG.document in po else None,
                "docIri": str(po.get(AG.document) or "") or None,
            },
        })
    # by date, then in reading order within a document (the first statement of a symmetric relation
    # gives its edge's direction); the IRI, a hash, only breaks ties
    records.sort(key=lambda r: (r["ev"]["lo"] or "9999", r["ev"]["doc"] or "", r["at"], r["iri"]))
    return records


def _documents(g: Graph, records: list[dict]) -> dict[str, dict]:
    docs = {}
    for r in records:
        iri, key = r["ev"]["docIri"], r["ev"]["doc"]
        if not iri or key in docs:
            continue
        node = URIRef(iri)
        docs[key] = {
            "iri": iri,
            "title": str(g.value(node, DCTERMS.title) or ""),
            "date": str(g.value(node, DCTERMS.date) or "") or None,
            "source": str(g.value(node, AG.sourcePath) or "") or None,
        }
    return docs


def _aggregate(records: list[dict], relations: dict[str, dict]) -> list[dict]:
    """One edge per (source, relation, target). Symmetric relations are stored in the direction the
    text gave; here "A negotiates with B" and "B negotiates with A" are the same edge."""
    groups: dict[tuple, dict] = {}
    for i, r in enumerate(records):
        s, rel, t = r["source"], r["relation"], r["target"]
        key = (min(s, t), rel, max(s, t)) if relations[rel]["symmetric"] else (s, rel, t)
        e = groups.setdefault(key, {"from": s, "to": t, "rel": rel, "ix": [], "sentences": set(),
                                    "officials": set(), "modalities": Counter()})
        e["ix"].append(i)
        e["sentences"].add(r["sentence"])
        e["modalities"][r["ev"]["modality"]] += 1
        if r["official"]:
            e["officials"].add(r["official"])
    edges = []
    for key in sorted(groups):
        e = groups[key]
        edges.append({
            "from": e["from"], "to": e["to"], "rel": e["rel"], "ix": e["ix"],
            "n": len(e["sentences"]),
            "asserted": e["modalities"]["asserted"] > 0,
            "modalities": dict(sorted(e["modalities"].items())),
            "officials": sorted(e["officials"]),
        })
    return edges


def _curves(edges: list[dict]) -> None:
    """Fan out parallel edges between the same two actors so that each stays visible and clickable.
    Sides are chosen against the pair's canonical direction, so A->B and B->A never coincide."""
    by_pair: dict[tuple, list[dict]] = defaultdict(list)
    for e in edges:
        by_pair[tuple(sorted((e["from"], e["to"])))].append(e)
    for pair, group in by_pair.items():
        for k, e in enumerate(group):
            if k == 0 or e["from"] == e["to"]:
                e["curve"] = None
                continue
            side = 1 if k % 2 else -1
            if (e["from"], e["to"]) != pair:
                side = -side
            e["curve"] = {"type": "curvedCW" if side > 0 else "curvedCCW", "roundness": round(0.18 * ((k + 1) // 2), 2)}


def _profile(g: Graph, node: URIRef) -> dict:
    """Who the actor is: offices held or served, affiliation, Wikidata link, analysis metrics."""
    held = []
    for office in sorted(set(g.objects(node, AG.holdsOffice))):
        of = g.value(office, AG.officeOf)
        held.append({"label": _label(g, office), "title": str(g.value(office, AG.officeTitle) or ""),
                     "of": _label(g, of) if of is not None else None})
    served = []
    for office in sorted(set(g.subjects(AG.officeOf, node))):
        holders = sorted(_label(g, p) for p in set(g.subjects(AG.holdsOffice, office)))
        served.append({"label": _label(g, office), "title": str(g.value(office, AG.officeTitle) or ""),
                       "holders": holders})
    wikidata = None
    for same in sorted(g.objects(node, OWL.sameAs)):
        qid = str(same)[len(str(WD)):] if str(same).startswith(str(WD)) else ""
        if _QID_RE.match(qid):  # only a well-formed Q-id becomes a link: never a data-chosen URL
            wikidata = qid
            break
    metrics = {}
    for name in ("degree", "inDegree", "outDegree", "weightedDegree", "pagerank", "betweenness", "community"):
        v = _num(g.value(node, AG[name]))
        if v is not None:
            metrics[name] = round(v, 6) if name in ("pagerank", "betweenness") else int(v)
    return {"offices": held, "officesOf": served, "wikidata": wikidata, "metrics": metrics}


def collect(g: Graph) -> dict:
    """Everything the page shows, as plain JSON-able data (all actors, before any max_nodes cut)."""
    records = _interaction_records(g)
    relations = {r["id"]: r for r in relation_meta(g, {r["relation"] for r in records})}
    edges = _aggregate(records, relations)

    actor_ids = {r["source"] for r in records} | {r["target"] for r in records}
    actor_ids |= {r["official"] for r in records if r["official"]}
    affiliations = []
    for aid in sorted(actor_ids):
        node = _iri(aid)
        if _actor_type(g, node) != "Person":
            continue
        for org in sorted(set(g.objects(node, AG.affiliatedWith))):
            affiliations.append({"from": aid, "to": _local(org)})
    actor_ids |= {a["to"] for a in affiliations}  # a person's state is drawn, to link to

    degree = Counter()
    for e in edges:
        degree[e["from"]] += 1
        if e["to"] != e["from"]:
            degree[e["to"]] += 1
    nodes = {}
    for aid in sorted(actor_ids):
        node = _iri(aid)
        profile = _profile(g, node)
        nodes[aid] = {"id": aid, "iri": str(node), "label": _label(g, node), "type": _actor_type(g, node),
                      "degree": degree[aid], **profile}
    for a in affiliations:
        office = next((o["title"] or o["label"] for o in nodes[a["from"]]["offices"]
                       if o["of"] == nodes[a["to"]]["label"]), "")
        a["title"] = office
    return {"records": records, "relations": relations, "edges": edges, "nodes": nodes,
            "affiliations": affiliations, "documents": _documents(g, records)}


def size_metric(nodes: dict[str, dict]) -> str:
    """PageRank if the analysis ran, else betweenness, else the degree we count ourselves."""
    for name in ("pagerank", "betweenness"):
        values = [n["metrics"].get(name) for n in nodes.values()]
        if any(v is not None for v in values) and max(v or 0 for v in values) > 0:
            return name
    return "degree"


def _centrality(node: dict, metric: str) -> float:
    return float(node["degree"] if metric == "degree" else node["metrics"].get(metric) or 0.0)


def select(data: dict, max_nodes: int | None) -> tuple[dict, int, int]:
    """Keep the ``max_nodes`` most central actors and the edges among them; say how much was cut."""
    nodes, edges, affs = data["nodes"], data["edges"], data["affiliations"]
    if max_nodes is None or len(nodes) <= max_nodes:
        return data, 0, 0
    metric = size_metric(nodes)
    ranked = sorted(nodes.values(), key=lambda n: (-_centrality(n, metric), n["label"], n["id"]))
    keep = {n["id"] for n in ranked[:max(0, max_nodes)]}
    kept_edges = [e for e in edges if e["from"] in keep and e["to"] in keep]
    out = dict(data, nodes={k: v for k, v in nodes.items() if k in keep}, edges=kept_edges,
               affiliations=[a for a in affs if a["from"] in keep and a["to"] in keep])
    return out, len(nodes) - len(keep), len(edges) - len(kept_edges)


def page_data(data: dict, title: str, dropped_nodes: int, total_nodes: int) -> dict:
    """The JSON the page reads: node/edge lists in vis terms plus evidence and documents."""
    metric = size_metric(data["nodes"])
    _curves(data["edges"])
    used_ix = sorted({i for e in data["edges"] for i in e["ix"]})
    remap = {old: new for new, old in enumerate(used_ix)}
    evidence = [data["records"][i]["ev"] for i in used_ix]
    used_docs = {ev["doc"] for ev in evidence}
    nodes = []
    for n in data["nodes"].values():
        value = math.sqrt(max(_centrality(n, metric), 0.0))
        nodes.append({**n, "value": round(value, 6), "centrality": _centrality(n, metric)})
    edges = []
    for k, e in enumerate(data["edges"]):
        edges.append({"id": f"e{k}", "from": e["from"], "to": e["to"], "rel": e["rel"], "n": e["n"],
                      "asserted": e["asserted"], "modalities": e["modalities"], "officials": e["officials"],
                      "curve": e.get("curve"), "ev": [remap[i] for i in e["ix"]]})
    affiliations = [{"id": f"a{k}", **a} for k, a in enumerate(data["affiliations"])]
    dated = sorted(d for ev in evidence for d in (ev["lo"], ev["hi"]) if d)
    types = sorted({n["type"] for n in nodes}, key=lambda t: (ACTOR_TYPES + ("Actor",)).index(t))
    return {
        "title": title,
        "sizeMetric": metric,
        "totalNodes": total_nodes,
        "droppedNodes": dropped_nodes,
        "dateRange": [dated[0], dated[-1]] if dated else None,
        "relations": [data["relations"][r] for r in data["relations"] if any(e["rel"] == r for e in edges)],
        "types": [{"id": t, "label": TYPE_LABEL[t], "colour": TYPE_STYLE[t][0], "shape": TYPE_STYLE[t][1],
                   "glyph": TYPE_STYLE[t][2]} for t in types],
        "nodes": nodes,
        "edges": edges,
        "affiliations": affiliations,
        "evidence": evidence,
        "documents": {k: v for k, v in data["documents"].items() if k in used_docs},
    }


# ---------------------------------------------------------------------------- writing the page


def json_for_script(obj) -> str:
    """JSON that can sit inside <script type="application/json">: no character of the data can end
    the element or start markup, whatever the article said."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    for ch, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def render_html(g: Graph, out_path: str | os.PathLike, *, max_nodes: int | None = None,
                title: str = "actorgraph") -> RenderStats:
    """Write the interactive actor graph of ``g`` (the union graph) to ``out_path`` as one HTML file
    that works from file:// with no network."""
    from .render_page import build_page

    if isinstance(g, Dataset):
        union = Graph()
        for s, p, o, _ in g.quads((None, None, None, None)):
            union.add((s, p, o))
        g = union
    data = collect(g)
    total_nodes = len(data["nodes"])
    kept, dropped_nodes, dropped_edges = select(data, max_nodes)
    page = page_data(kept, title, dropped_nodes, total_nodes)
    text = build_page(json_for_script(page), html.escape(title))
    out = Path(out_path)
    payload = text.encode("utf-8")
    write_atomic(out, payload)
    return RenderStats(
        path=out,
        nodes=len(page["nodes"]),
        edges=len(page["edges"]),
        asserted_edges=sum(1 for e in page["edges"] if e["asserted"]),
        affiliation_edges=len(page["affiliations"]),
        interactions=len(page["evidence"]),
        dropped_nodes=dropped_nodes,
        dropped_edges=dropped_edges,
        size_metric=page["sizeMetric"],
        bytes=len(payload),
    )


def screenshot(html_path: str | os.PathLike, png_path: str | os.PathLike, width: int = 1400,
               height: int = 900, *, show_all: bool = False,
               edge: tuple[str, str, str] | None = None) -> Path:
    """PNG of the page once its layout has settled (needs selenium and Chromium; see graph.views.browser).
    ``show_all`` also draws the dashed non-asserted edges; ``edge=("USA", "pressures", "ISR")`` opens
    that edge's evidence panel, which makes a better picture for the docs."""
    from .browser import screenshot as _shot

    return _shot(html_path, png_path, width=width, height=height, show_all=show_all, edge=edge)


# ---------------------------------------------------------------------------- CLI


def configure_parser(parser: argparse.ArgumentParser) -> None:
    from ..cli import positive_int

    parser.add_argument("graph", nargs="?", metavar="GRAPH",
                        help="an RDF file (.ttl .trig .nq .nt .jsonld .rdf) instead of a store")
    parser.add_argument("--store", metavar="STORE",
                        help="store directory or sparql+http(s):// endpoint (default: out/store, else out/graph.ttl)")
    parser.add_argument("-o", "--output", default="graph.html", help="HTML file to write (default: graph.html)")
    parser.add_argument("--max-nodes", type=positive_int, default=None, metavar="N", help="keep only the N most central actors")
    parser.add_argument("--title", default="actorgraph", help="page title")


def run_cli(args: argparse.Namespace) -> int:
    from ..store import default_source, open_source, union_graph

    with open_source(default_source(args.store, args.graph)) as store:
        g = union_graph(store)
    stats = render_html(g, args.output, max_nodes=args.max_nodes, title=args.title)
    dropped = f"; {stats.dropped_nodes} less central actors left out" if stats.dropped_nodes else ""
    print(f"wrote {stats.path}: {stats.nodes} actors, {stats.edges} edges ({stats.asserted_edges} asserted){dropped}")
    return 0
