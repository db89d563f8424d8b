"""The offline HTML graph: one self-contained page an analyst can open from a file, with no network.

The union RDF graph is read once (``graph.views.collect``) into plain dicts — actors, officials,
aggregated edges, evidence, documents — and put into the page as JSON; the page's own script
(``static/page.js``) builds the vis-network view, the filters, the time slider, focus mode and the side
panels from that JSON. Why not pyvis's ``write_html``: its template pulls bootstrap from a CDN even
with ``cdn_resources="in_line"`` and renders data through Jinja, so we take from pyvis the
vis-network bundle it ships (inlined, never fetched) and write our own page.

Every string that comes from an article (sentences, titles, labels, source paths) is untrusted: it
travels only inside a ``<script type="application/json">`` block with ``< > &`` and U+2028/9
escaped, and the page writes it with ``textContent`` — never as markup. A Content-Security-Policy
that allows only the page's own inline scripts (by hash) is a second lock on the same door.
"""
from __future__ import annotations

import html
import json
import math
import os
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph

from ..fileio import write_atomic
from ..store.store import Store
from .collect import KINDS, Counts, collect, counts_of, date_bounds
from .gather import EVIDENCE_PER_EDGE

__all__ = ["EVIDENCE_PER_PAGE", "RenderStats", "date_bounds", "evidence_allowance", "json_for_script", "page_data",
           "render_html", "screenshot", "select"]

# colour, vis shape, legend glyph: shape as well as colour, so the legend survives colour blindness
TYPE_STYLE = {
    "State": ("#3b6ea8", "dot", "\u25cf"),
    "Official": ("#e8a33d", "diamond", "\u25c6"),
    "Person": ("#d9b26f", "diamond", "\u25c7"),
    "Organisation": ("#5b9a4b", "square", "\u25a0"),
    "ArmedGroup": ("#c0392b", "triangle", "\u25b2"),
    "CollectiveActor": ("#8e6fb5", "hexagon", "\u2b22"),
    "Actor": ("#8a8a8a", "dot", "\u25cf"),
}
TYPE_LABEL = {"State": "State", "Official": "Official", "Person": "Person", "Organisation": "Organisation",
              "ArmedGroup": "Armed group", "CollectiveActor": "Collective actor", "Actor": "Other actor"}
# Communities (blocs of the cooperation layer) beyond these colours are drawn grey.
COMMUNITY_COLOURS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
                     "#9c755f", "#17becf", "#bcbd22", "#8c564b")
OVERVIEW_ABOVE = 60  # more actors than this: the page opens on an overview of the strongest ones
OVERVIEW_TOP = 40
# Sentences the page embeds in all (each edge embeds at most --evidence of its own): the edges grow with
# the corpus - 6,212 at 30,000 short documents, 2,120 of them with 10 or more claims - and 10 sentences
# each made a 22 MB page there (26,000 sentences, ~600 bytes each with their document). Past this budget
# every edge keeps the same number of its first sentences, at least one, the busiest edges one more with
# what is left; the page says how many more there are and the query that lists them.
EVIDENCE_PER_PAGE = 12_000


@dataclass(frozen=True)
class RenderStats:
    """What went into the page, so the build can log it and tests can check it."""

    path: Path
    nodes: int  # actors drawn
    edges: int  # aggregated (source, relation, target) edges drawn
    asserted_edges: int  # of which visible by default (at least one asserted interaction)
    affiliation_edges: int  # official -> state "office" links drawn
    interactions: int  # Interaction nodes behind the drawn edges
    dropped_nodes: int  # actors left out by max_nodes
    dropped_edges: int  # edges left out because an end was dropped
    size_metric: str  # pagerank | betweenness | degree
    bytes: int
    counts: Counts | None = None  # of the whole graph, before any max_nodes cut


# ---------------------------------------------------------------------------- sizing and cutting


def size_metric(nodes: dict[str, dict]) -> str:
    """PageRank if the analysis ran, else betweenness, else the degree we count ourselves."""
    for name in ("pagerank", "betweenness"):
        values = [n["metrics"].get(name) for n in nodes.values()]
        if any(v is not None for v in values) and max(v or 0 for v in values) > 0:
            return name
    return "degree"


def _centrality(node: dict, metric: str) -> float:
    return float(node["degree"] if metric == "degree" else node["metrics"].get(metric) or 0.0)


def _degrees(data: dict) -> None:
    """Each node's degree (edges drawn) and weight (interactions behind them: the overview's rank)."""
    degree, weight = Counter(), Counter()
    for e in data["edges"]:
        for end in {e["from"], e["to"]}:
            degree[end] += 1
            weight[end] += e.get("total", len(e["ix"]))
    for aid, n in data["nodes"].items():
        n["degree"], n["weight"] = degree[aid], weight[aid]


def select(data: dict, max_nodes: int | None) -> tuple[dict, int, int]:
    """Keep the ``max_nodes`` most central actors and the edges among them; say how much was cut."""
    _degrees(data)
    nodes, edges, affs = data["nodes"], data["edges"], data["affiliations"]
    if max_nodes is None or len(nodes) <= max_nodes:
        return data, 0, 0
    metric = size_metric(nodes)
    ranked = sorted(nodes.values(), key=lambda n: (-_centrality(n, metric), -n["weight"], n["label"], n["id"]))
    keep = {n["id"] for n in ranked[:max(0, max_nodes)]}
    kept_edges = [e for e in edges if e["from"] in keep and e["to"] in keep]
    out = dict(data, nodes={k: v for k, v in nodes.items() if k in keep}, edges=kept_edges,
               affiliations=[a for a in affs if a["from"] in keep and a["to"] in keep])
    return out, len(nodes) - len(keep), len(edges) - len(kept_edges)


# ---------------------------------------------------------------------------- page data


def _curves(edges: list[dict]) -> None:
    """Fan out parallel edges between the same two actors so that each stays visible and clickable:
    the k-th edge of a pair bends by 0.3 × ⌈k/2⌉ of the pair's distance, alternately to either side.
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
            e["curve"] = {"type": "curvedCW" if side > 0 else "curvedCCW", "roundness": round(0.3 * ((k + 1) // 2), 2)}
        for e in group:
            e["parallel"] = len(group)


def _communities(data: dict) -> dict[str, int]:
    """Each actor's bloc: ``ag:community`` when the analysis wrote it, else Louvain (networkx) on the
    cooperative edges drawn; an official takes the bloc of the state it serves."""
    nodes = data["nodes"]
    found = {aid: n["metrics"]["community"] for aid, n in nodes.items() if "community" in n["metrics"]}
    if not found:
        import networkx as nx

        from ..analyse import communities

        u = nx.Graph()
        u.add_nodes_from(sorted(nodes))
        for e in data["edges"]:
            if data["relations"][e["rel"]]["sign"] > 0 and e["from"] != e["to"]:
                w = u.get_edge_data(e["from"], e["to"], {"weight": 0})["weight"]
                u.add_edge(e["from"], e["to"], weight=w + e.get("total", len(e["ix"])))
        found = {a: i for i, part in enumerate(communities(u)) for a in part if u.degree(a)}
    for a in data["affiliations"]:
        if a["from"] not in found and a["to"] in found:
            found[a["from"]] = found[a["to"]]
    return found


def _dated(edges: list[dict]) -> list[str]:
    """Every first and last day of the edges' claims (from their stubs: embedded or not)."""
    return sorted(d for e in edges for s in e["stubs"] for d in s[:2] if d)


def _months(edges: list[dict]) -> list[str]:
    """Every month from the first dated claim to the last (the time slider's stops)."""
    dated = _dated(edges)
    if not dated:
        return []
    (y, m), (y2, m2) = (int(dated[0][:4]), int(dated[0][5:7])), (int(dated[-1][:4]), int(dated[-1][5:7]))
    out = []
    while (y, m) <= (y2, m2):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _date_range(edges: list[dict]) -> list[str] | None:
    dated = _dated(edges)
    return [dated[0], dated[-1]] if dated else None


def _page_nodes(data: dict, metric: str) -> list[dict]:
    community = _communities(data)
    sizes = Counter(community.values())
    ranked = sorted(sizes, key=lambda c: (-sizes[c], c))  # the largest blocs get the colours
    colour_of = {c: COMMUNITY_COLOURS[i] for i, c in enumerate(ranked) if i < len(COMMUNITY_COLOURS)}
    nodes = []
    for n in data["nodes"].values():
        c = community.get(n["id"])
        nodes.append({**n, "value": round(math.sqrt(max(_centrality(n, metric), 0.0)), 6),
                      "centrality": _centrality(n, metric), "community": c,
                      "communityColour": colour_of.get(c, "#b0b0b0")})
    return nodes


def evidence_allowance(available: list[int], totals: list[int], budget: int | None) -> list[int]:
    """How many of its embedded sentences (``available``, at most --evidence) each edge keeps on the
    page: all of them while their sum stays within ``budget``; else the same number for every edge,
    the largest that fits and at least one, then one more each for the edges with the most claims
    (``totals``) while the budget lasts."""
    if budget is None or sum(available) <= budget:
        return list(available)
    k = 1
    while k < max(available) and sum(min(a, k + 1) for a in available) <= budget:
        k += 1
    kept = [min(a, k) for a in available]
    left = budget - sum(kept)
    for i in sorted(range(len(kept)), key=lambda i: (-totals[i], i)):
        if left <= 0:
            break
        if kept[i] < available[i]:
            kept[i] += 1
            left -= 1
    return kept


def _embedded(data: dict, per_page: int | None) -> tuple[list[list[int]], list[dict], dict[str, dict]]:
    """Each edge's embedded records (indexes into the page's evidence), the evidence and the documents
    it cites - within ``per_page`` sentences (``evidence_allowance``). A record leaves out its empty
    fields and its document IRI, a document its IRI: the page reads neither (the bytes of every record)."""
    edges = data["edges"]
    allowed = evidence_allowance([len(e["ix"]) for e in edges], [e["total"] for e in edges], per_page)
    kept = [e["ix"][:n] for e, n in zip(edges, allowed)]
    used_ix = sorted({i for ix in kept for i in ix})
    remap = {old: new for new, old in enumerate(used_ix)}
    evidence = [{k: v for k, v in data["records"][i]["ev"].items() if v is not None and k != "docIri"} for i in used_ix]
    cited = {ev["doc"] for ev in evidence if "doc" in ev}
    documents = {k: {f: v for f, v in d.items() if v is not None and f != "iri"}
                 for k, d in data["documents"].items() if k in cited}
    return [[remap[i] for i in ix] for ix in kept], evidence, documents


def page_data(data: dict, title: str, dropped_nodes: int, total_nodes: int, counts: Counts | None = None,
              per_page: int | None = EVIDENCE_PER_PAGE) -> dict:
    """The JSON the page reads: node/edge lists in vis terms plus evidence (at most ``per_page``
    sentences, see ``evidence_allowance``), documents and counts."""
    _degrees(data)
    metric = size_metric(data["nodes"])
    _curves(data["edges"])
    embedded, evidence, documents = _embedded(data, per_page)
    nodes = _page_nodes(data, metric)
    edges = [{"id": f"e{k}", "from": e["from"], "to": e["to"], "rel": e["rel"], "n": e["n"], "asserted": e["asserted"],
              "modalities": e["modalities"], "officials": e["officials"], "curve": e.get("curve"),
              "parallel": e.get("parallel", 1), "ev": ix, "total": e["total"],
              "stubs": e["stubs"]} for k, (e, ix) in enumerate(zip(data["edges"], embedded))]
    months = _months(data["edges"])
    types = sorted({n["type"] for n in nodes}, key=KINDS.index)
    counts = counts or counts_of(data)
    return {
        "title": title, "sizeMetric": metric, "counts": counts.as_dict(), "countsLine": counts.sentence(),
        "totalNodes": total_nodes, "droppedNodes": dropped_nodes,
        "overview": OVERVIEW_TOP if len(nodes) > OVERVIEW_ABOVE else 0,
        "dateRange": _date_range(data["edges"]),
        "months": months,
        "relations": [data["relations"][r] for r in data["relations"] if any(e["rel"] == r for e in edges)],
        "types": [{"id": t, "label": TYPE_LABEL[t], "colour": TYPE_STYLE[t][0], "shape": TYPE_STYLE[t][1],
                   "glyph": TYPE_STYLE[t][2]} for t in types],
        "nodes": nodes, "edges": edges,
        "affiliations": [{"id": f"a{k}", **a} for k, a in enumerate(data["affiliations"])],
        "evidence": evidence, "documents": documents,
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


def _as_graph(g: Graph) -> Graph:
    if isinstance(g, Dataset):
        union = Graph()
        for s, p, o, _ in g.quads((None, None, None, None)):
            union.add((s, p, o))
        return union
    return g


def render_html(g: Graph | Store | None, out_path: str | os.PathLike, *, max_nodes: int | None = None,
                title: str = "actorgraph", data: dict | None = None, gz=None,  # noqa: ANN001
                per_edge: int | None = EVIDENCE_PER_EDGE, per_page: int | None = EVIDENCE_PER_PAGE) -> RenderStats:
    """Write the interactive actor graph of ``g`` (a graph or a store) to ``out_path`` as one HTML
    file that works from file:// with no network. ``data`` is what :func:`graph.views.collect.collect`
    returned, when the caller has it already (the build collects once for page and report);
    ``per_edge``: the sentences embedded per edge, ``per_page`` in all (the rest are counted; None:
    every sentence collected)."""
    from .render_page import build_page

    data = data if data is not None else collect(g if isinstance(g, Store) else _as_graph(g), gz, per_edge)
    counts = counts_of(data)
    kept, dropped_nodes, dropped_edges = select(data, max_nodes)
    page = page_data(kept, title, dropped_nodes, len(data["nodes"]), counts, per_page if per_edge is not None else None)
    payload = build_page(json_for_script(page), html.escape(title)).encode("utf-8")
    out = write_atomic(Path(out_path), payload)
    return RenderStats(
        path=out, nodes=len(page["nodes"]), edges=len(page["edges"]),
        asserted_edges=sum(1 for e in page["edges"] if e["asserted"]), affiliation_edges=len(page["affiliations"]),
        interactions=len(page["evidence"]), dropped_nodes=dropped_nodes, dropped_edges=dropped_edges,
        size_metric=page["sizeMetric"], bytes=len(payload), counts=counts)


def screenshot(html_path: str | os.PathLike, png_path: str | os.PathLike, width: int = 1400,
               height: int = 900, *, show_all: bool = False,
               edge: tuple[str, str, str] | None = None, focus: str | None = None) -> Path:
    """PNG of the page once its layout has settled (needs selenium and Chromium; see graph.views.browser).
    ``show_all`` also draws the dashed non-asserted edges; ``edge=("USA", "pressures", "ISR")`` opens
    that edge's evidence panel; ``focus="IRN"`` focuses an actor's neighbourhood."""
    from .browser import screenshot as _shot

    return _shot(html_path, png_path, width=width, height=height, show_all=show_all, edge=edge, focus=focus)
