"""The report's charts: centrality bars, cooperation and conflict per dyad and month, the network.

Rendered with matplotlib's Agg backend (no display, deterministic output) into PNGs written
atomically. Actor labels are data, not formulas: ``$`` is escaped so matplotlib never reads mathtext.
"""
from __future__ import annotations

import io
import re
from collections.abc import Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display, deterministic raster output; must precede pyplot

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from ..analyse import Analysis, Dyad  # noqa: E402
from ..fileio import write_atomic  # noqa: E402

__all__ = ["centrality_chart", "dyads_chart", "network_chart"]

TOP_ACTORS = 15
TOP_DYADS = 8
NETWORK_ACTORS = 80  # the picture of the network draws at most the most central ones
SEED = 7
TYPE_COLOURS = {
    "State": "#4e79a7", "Person": "#f28e2b", "Organisation": "#59a14f", "ArmedGroup": "#e15759",
    "CollectiveActor": "#b07aa1", "Actor": "#9d9d9d",
}
COOP_COLOUR, CONFLICT_COLOUR = "#59a14f", "#e15759"


def _save_figure(fig, path: Path) -> Path:  # noqa: ANN001 - a matplotlib Figure
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, metadata={"Software": None})
    plt.close(fig)
    return write_atomic(path, buf.getvalue())


def _mpl(text: str) -> str:
    """Matplotlib treats $…$ as mathtext; actor labels are data, not formulas."""
    return str(text).replace("$", r"\$")


def _no_data(ax, text: str = "no counted interactions") -> None:
    ax.text(0.5, 0.5, text, ha="center", va="center", fontsize=12, color="#666")
    ax.set_axis_off()


def centrality_chart(analysis: Analysis, path: Path) -> Path:
    """Horizontal bars: PageRank and brokerage of the top actors (by PageRank)."""
    top = analysis.ranked_actors()[:TOP_ACTORS]
    fig, axes = plt.subplots(1, 2, figsize=(10, max(2.5, 0.38 * len(top) + 1.2)), sharey=True)
    if not top:
        for ax in axes:
            _no_data(ax)
    else:
        labels = [_mpl(a.label) for a in reversed(top)]
        axes[0].barh(labels, [a.pagerank for a in reversed(top)], color="#4e79a7")
        axes[0].set_title("PageRank")
        axes[1].barh(labels, [a.brokerage for a in reversed(top)], color="#f28e2b")
        axes[1].set_title("Brokerage (betweenness on cooperation ties)")
        for ax in axes:
            ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    return _save_figure(fig, path)


def _is_month(p: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-\d{2}", p))


def _month_axis(dyads: Sequence[Dyad]) -> list[str]:
    """Every month from the first to the last dated period of ``dyads`` (year-only periods and
    "undated" are drawn apart at the end: they have no month)."""
    months = sorted({p for d in dyads for p in d.periods if _is_month(p)})
    if not months:
        return []
    (y, m), (y2, m2) = (int(months[0][:4]), int(months[0][5:])), (int(months[-1][:4]), int(months[-1][5:]))
    axis = []
    while (y, m) <= (y2, m2):
        axis.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return axis


def dyads_chart(analysis: Analysis, path: Path) -> Path:
    """Cooperation (up, green) and conflict (down, red) per month, one row per busiest dyad, on a
    shared month axis: when relations turned, not only how they add up. Periods known only to the
    year, or undated, get their own columns after the months."""
    dyads = analysis.dyads[:TOP_DYADS]
    axis = _month_axis(dyads)
    extra = sorted({p for d in dyads for p in d.periods if not _is_month(p)}, key=lambda p: (p == "undated", p))
    columns = axis + extra
    fig, axes = plt.subplots(max(1, len(dyads)), 1, figsize=(max(7.0, 0.32 * len(columns) + 3), 0.9 + 1.25 * max(1, len(dyads))),
                             sharex=True, squeeze=False)
    if not dyads:
        _no_data(axes[0][0])
        return _save_figure(fig, path)
    peak = max(max(c, k) for d in dyads for c, k in d.periods.values()) or 1
    x = range(len(columns))
    for ax, d in zip((row[0] for row in axes), dyads):
        coop = [d.periods.get(c, (0, 0))[0] for c in columns]
        conf = [d.periods.get(c, (0, 0))[1] for c in columns]
        ax.bar(x, coop, color=COOP_COLOUR, width=0.8)
        ax.bar(x, [-k for k in conf], color=CONFLICT_COLOUR, width=0.8)
        ax.axhline(0, color="#333", linewidth=0.6)
        ax.set_ylim(-peak * 1.2, peak * 1.2)
        ax.set_yticks([])
        ax.set_ylabel(_mpl(f"{analysis.label(d.a)} –\n{analysis.label(d.b)}"), rotation=0, ha="right", va="center",
                      fontsize=8)
        ax.spines[["top", "right", "left"]].set_visible(False)
    last = axes[-1][0]
    last.set_xticks(list(x), columns, rotation=60, ha="right", fontsize=8)
    axes[0][0].set_title(f"Cooperation (up) and conflict (down) per month, busiest dyads (tallest bar = {peak})",
                         fontsize=10)
    fig.tight_layout()
    return _save_figure(fig, path)


def network_chart(analysis: Analysis, path: Path) -> Path:
    """A static picture of the actor network (spring layout, fixed seed): the ``NETWORK_ACTORS``
    most central actors and the ties among them (more would be an unreadable blot, and slow)."""
    m = analysis.network
    cut = m.number_of_nodes() > NETWORK_ACTORS
    if cut:
        m = m.subgraph({a.id for a in analysis.ranked_actors()[:NETWORK_ACTORS]})
    fig, ax = plt.subplots(figsize=(10, 8))
    if m.number_of_nodes() == 0:
        _no_data(ax)
        return _save_figure(fig, path)
    layout = nx.Graph()
    layout.add_nodes_from(sorted(m.nodes))
    layout.add_edges_from(sorted((u, v) for u, v in m.edges() if u != v))
    pos = nx.spring_layout(layout, seed=SEED, k=1.8 / max(1, len(layout)) ** 0.5)
    nodes = sorted(m.nodes)
    pr = {a: analysis.actors[a].pagerank if a in analysis.actors else 0 for a in nodes}
    peak = max(pr.values()) or 1
    nx.draw_networkx_nodes(m, pos, nodelist=nodes, ax=ax,
                           node_color=[TYPE_COLOURS.get(m.nodes[a].get("type", "Actor"), "#9d9d9d") for a in nodes],
                           node_size=[300 + 1700 * pr[a] / peak for a in nodes], alpha=0.9)
    # one arc per (u, v, relation): parallel edges bend by different amounts so none hides another
    groups: dict[tuple[str, float], list[tuple[str, str]]] = {}
    seen: dict[tuple[str, str], int] = {}
    for u, v, d in sorted(m.edges(data=True), key=lambda e: (e[0], e[1], e[2]["relation"])):
        if u == v:
            continue
        k = seen.get((u, v), 0)
        seen[(u, v)] = k + 1
        groups.setdefault((d["colour"], 0.08 + 0.12 * k), []).append((u, v))
    for (colour, rad), edges in sorted(groups.items()):
        sub = nx.DiGraph(edges)
        ends = sorted(sub.nodes)
        nx.draw_networkx_edges(sub, pos, edgelist=edges, nodelist=ends, ax=ax, edge_color=colour, width=1.8,
                               arrows=True, arrowsize=14, connectionstyle=f"arc3,rad={rad}",
                               node_size=[300 + 1700 * pr[a] / peak for a in ends])
    nx.draw_networkx_labels(m, pos, labels={a: _mpl(m.nodes[a].get("label", a)) for a in nodes}, ax=ax, font_size=9)
    rels = sorted({d["relation"] for _, _, d in m.edges(data=True)})
    handles = [Line2D([0], [0], color=analysis.relations.get(r, {}).get("colour", "#888"), lw=2,
                      label=_mpl(analysis.relations.get(r, {}).get("label", r))) for r in rels]
    types = sorted({m.nodes[a].get("type", "Actor") for a in nodes})
    handles += [Patch(color=TYPE_COLOURS.get(t, "#9d9d9d"), label=t) for t in types]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    ax.set_title(f"Actor network (counted interactions): the {NETWORK_ACTORS} most central of "
                 f"{analysis.network.number_of_nodes():,} actors" if cut else "Actor network (counted interactions)")
    ax.set_axis_off()
    fig.tight_layout()
    return _save_figure(fig, path)
