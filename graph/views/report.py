"""An analyst's brief from an :class:`graph.analyse.Analysis`: Markdown, HTML and three PNG charts.

The brief is written once, as a list of blocks (headings, paragraphs, tables, lists, images), and
rendered twice — to Markdown and to HTML — so that both files always say the same thing.

Every claim in a table points to numbered evidence (E1, E2 …) at the end: the sentence (shortened),
the document, modality, confidence and date, so that a reader can check each number against the text.

Article text is untrusted: in HTML every piece of text goes through ``html.escape`` (and the page
forbids scripts), in Markdown the characters that make markup (``| * _ [ ] < > ` \\``) are
backslash-escaped; in charts ``$`` is escaped so that labels are never read as mathtext.
All files are written atomically (temporary file in the same directory, then ``os.replace``).
"""
from __future__ import annotations

import html
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..fileio import write_atomic

import matplotlib

matplotlib.use("Agg")  # no display, deterministic raster output; must precede pyplot

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from rdflib import Graph  # noqa: E402

from ..analyse import Analysis, Tie, document_table, period  # noqa: E402

QUOTE_CHARS = 200
MAX_REFS = 6  # evidence links shown per table cell; the rest are counted
TOP_ACTORS = 15
TOP_TIES = 15
TOP_DYADS = 10
SEED = 7
TYPE_COLOURS = {
    "State": "#4e79a7", "Person": "#f28e2b", "Organisation": "#59a14f", "ArmedGroup": "#e15759",
    "CollectiveActor": "#b07aa1", "Actor": "#9d9d9d",
}
COOP_COLOUR, CONFLICT_COLOUR = "#59a14f", "#e15759"
FILES = ("report.md", "report.html", "centrality.png", "dyads.png", "graph.png")


# ---------------------------------------------------------------- document model

@dataclass(frozen=True)
class Ref:
    """An internal link (to an evidence item)."""

    text: str
    anchor: str


Inline = str | Ref
Cell = Inline | list[Inline]


@dataclass
class Block:
    kind: str  # h | p | table | ul | img | evidence
    text: list[Inline] = field(default_factory=list)
    level: int = 2
    anchor: str | None = None
    headers: list[str] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)
    align: str = ""  # one of l/r per column
    items: list[list[Inline]] = field(default_factory=list)
    src: str = ""


def _inl(cell: Cell) -> list[Inline]:
    return cell if isinstance(cell, list) else [cell]


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md_escape(text: str) -> str:
    """Plain text for Markdown: one line, markup characters backslash-escaped (CommonMark allows
    escaping any ASCII punctuation), so a hostile sentence cannot open a tag, a link or a table cell."""
    return _MD_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", str(text)))


def _md_inline(parts: Sequence[Inline]) -> str:
    return "".join(f"[{md_escape(p.text)}](#{p.anchor})" if isinstance(p, Ref) else md_escape(p) for p in parts)


def _html_inline(parts: Sequence[Inline]) -> str:
    return "".join(f'<a href="#{html.escape(p.anchor)}">{html.escape(p.text)}</a>' if isinstance(p, Ref)
                   else html.escape(str(p)) for p in parts)


def md_table(headers: Sequence[str], rows: Sequence[Sequence[Cell]], align: str = "") -> list[str]:
    """A GitHub-flavoured Markdown table, columns padded to equal width."""
    align = (align or "l" * len(headers)).ljust(len(headers), "l")
    cells = [[md_escape(h) for h in headers]] + [[_md_inline(_inl(c)) for c in row] for row in rows]
    widths = [max(3, *(len(r[i]) for r in cells)) for i in range(len(headers))]

    def line(r: list[str]) -> str:
        return "| " + " | ".join(c.rjust(w) if a == "r" else c.ljust(w)
                                 for c, w, a in zip(r, widths, align)) + " |"

    sep = "| " + " | ".join(("-" * (w - 1) + ":") if a == "r" else "-" * w for w, a in zip(widths, align)) + " |"
    return [line(cells[0]), sep] + [line(r) for r in cells[1:]]


def render_markdown(title: str, blocks: Sequence[Block]) -> str:
    out = [f"# {md_escape(title)}", ""]
    for n, b in enumerate(blocks):
        if b.kind == "h":
            out += ["#" * b.level + " " + _md_inline(b.text), ""]
        elif b.kind == "p":
            out += [_md_inline(b.text), ""]
        elif b.kind == "table":
            out += md_table(b.headers, b.rows, b.align) + [""]
        elif b.kind == "ul":
            out += ["- " + _md_inline(item) for item in b.items] + [""]
        elif b.kind == "img":
            out += [f"![{md_escape(_plain(b.text))}]({b.src})", ""]
        elif b.kind == "evidence":
            out += [f'- <a id="{b.anchor}"></a>' + _md_inline(b.text)]
            if n + 1 == len(blocks) or blocks[n + 1].kind != "evidence":
                out.append("")
    return "\n".join(out).rstrip() + "\n"


_CSS = """body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;
color:#222;line-height:1.45}table{border-collapse:collapse;margin:.5em 0 1.2em;font-size:.92em}
th,td{border:1px solid #ccc;padding:.25em .55em;vertical-align:top}th{background:#f3f3f3}td.r{text-align:right}
img{max-width:100%;border:1px solid #ddd;margin:.5em 0}li.ev{margin:.35em 0}h2{border-bottom:1px solid #ddd;
padding-bottom:.2em;margin-top:1.6em}a{color:#1f5f9f}"""


def render_html(title: str, blocks: Sequence[Block]) -> str:
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'; object-src 'none'\">",
           f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>",
           f"<h1>{html.escape(title)}</h1>"]
    in_list = False
    for b in blocks:
        if b.kind != "evidence" and in_list:
            out.append("</ul>")
            in_list = False
        if b.kind == "h":
            out.append(f"<h{b.level}>{_html_inline(b.text)}</h{b.level}>")
        elif b.kind == "p":
            out.append(f"<p>{_html_inline(b.text)}</p>")
        elif b.kind == "table":
            align = (b.align or "l" * len(b.headers)).ljust(len(b.headers), "l")
            out.append("<table><thead><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in b.headers)
                       + "</tr></thead><tbody>")
            for row in b.rows:
                out.append("<tr>" + "".join(f'<td{" class=r" if a == "r" else ""}>{_html_inline(_inl(c))}</td>'
                                            for c, a in zip(row, align)) + "</tr>")
            out.append("</tbody></table>")
        elif b.kind == "ul":
            out.append("<ul>" + "".join(f"<li>{_html_inline(i)}</li>" for i in b.items) + "</ul>")
        elif b.kind == "img":
            out.append(f'<p><img src="{html.escape(b.src)}" alt="{html.escape(_plain(b.text))}"></p>')
        elif b.kind == "evidence":
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f'<li class="ev" id="{html.escape(b.anchor or "")}">{_html_inline(b.text)}</li>')
    if in_list:
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _plain(parts: Sequence[Inline]) -> str:
    return "".join(p.text if isinstance(p, Ref) else p for p in parts)


# ---------------------------------------------------------------- writing files

def atomic_write(path: Path, data: bytes) -> Path:
    """Write ``data`` so that readers see the old file or the new one, never half of it."""
    return write_atomic(path, data)


def _save_figure(fig, path: Path) -> Path:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, metadata={"Software": None})
    plt.close(fig)
    return atomic_write(path, buf.getvalue())


# ---------------------------------------------------------------- text helpers

def shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    """One line, at most ``limit`` characters, cut at a word boundary with an ellipsis."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "…"


def _fmt(x: float, places: int = 3) -> str:
    return f"{x:.{places}f}"


def _mpl(text: str) -> str:
    """Matplotlib treats $…$ as mathtext; actor labels are data, not formulas."""
    return str(text).replace("$", r"\$")


class _Brief:
    """Builds the blocks; holds the evidence numbering shared by all sections."""

    def __init__(self, analysis: Analysis):
        self.an = analysis
        self.blocks: list[Block] = []
        every = sorted(analysis.rows + analysis.excluded, key=lambda r: (
            r["date"] or "~", r["document"], r["source"], r["relation"], r["target"], r["iri"]))
        self.evidence = every
        self.number = {r["iri"]: n for n, r in enumerate(every, 1)}

    # -- blocks
    def h(self, text: str, level: int = 2) -> None:
        self.blocks.append(Block("h", [text], level=level))

    def p(self, *parts: Inline) -> None:
        self.blocks.append(Block("p", list(parts)))

    def table(self, headers: list[str], rows: list[list[Cell]], align: str = "") -> None:
        self.blocks.append(Block("table", headers=headers, rows=rows, align=align))

    def ul(self, items: list[list[Inline]]) -> None:
        self.blocks.append(Block("ul", items=items))

    def img(self, src: str, alt: str) -> None:
        self.blocks.append(Block("img", [alt], src=src))

    # -- helpers
    def refs(self, rows: Sequence[dict]) -> list[Inline]:
        nums = sorted({self.number[r["iri"]] for r in rows if r["iri"] in self.number})
        out: list[Inline] = []
        for i, n in enumerate(nums[:MAX_REFS]):
            if i:
                out.append(", ")
            out.append(Ref(f"E{n}", f"e{n}"))
        if len(nums) > MAX_REFS:
            out.append(f" (+{len(nums) - MAX_REFS} more)")
        return out

    def rel(self, relation: str) -> str:
        return self.an.relations.get(relation, {}).get("label", relation)

    def lab(self, actor: str | None) -> str:
        return self.an.label(actor)


def _summary(b: _Brief) -> None:
    an = b.an
    total = sum(an.modality_counts.values())
    b.h("Summary")
    b.p(f"{len(an.documents)} document(s), {len(an.actors)} actor(s) in the counted network, "
        f"{total} interaction(s) extracted, of which {len(an.rows)} counted "
        f"({' and '.join(an.modalities)}); {len(an.excluded)} hypothetical or negated claim(s) are listed apart.")
    order = ["asserted", "reported", "hypothetical", "negated"]
    mods = sorted(an.modality_counts, key=lambda m: (order.index(m) if m in order else 9, m))
    b.table(["Modality", "Interactions", "Counted"],
            [[m, str(an.modality_counts[m]), "yes" if m in an.modalities else "no"] for m in mods] or [["—", "0", ""]],
            "lrl")
    findings: list[list[Inline]] = []
    ranked = an.ranked_actors()
    if ranked:
        findings.append([f"Most central actor (PageRank): {ranked[0].label} ({_fmt(ranked[0].pagerank)})."])
    if an.brokers():
        top = an.brokers()[0]
        findings.append([f"Main broker (betweenness): {top.label} ({_fmt(top.betweenness)})."])
    if an.ties:
        t = an.ties[0]
        findings.append([f"Strongest tie: {b.lab(t.source)} {b.rel(t.relation)} {b.lab(t.target)} "
                         f"({t.weight} interaction(s)) — ", *b.refs(t.evidence)])
    if an.balance_ratio is not None:
        findings.append([f"Structural balance: {an.balanced} of {len(an.triads)} triad(s) balanced "
                         f"(ratio {_fmt(an.balance_ratio, 2)})."])
    if findings:
        b.h("Key findings", 3)
        b.ul(findings)
    if an.documents:
        b.h("Documents", 3)
        per_doc: dict[str, int] = {}
        for r in an.rows + an.excluded:
            per_doc[r["document"]] = per_doc.get(r["document"], 0) + 1
        b.table(["Title", "Document", "Date", "Interactions"],
                [[d["title"] or "(untitled)", d["id"], d["date"] or "", str(per_doc.get(d["id"], 0))]
                 for d in an.documents], "lllr")
    b.img("graph.png", "The actor network: nodes coloured by actor type, edges by relation")


def _actors(b: _Brief) -> None:
    an = b.an
    b.h("Actors")
    if not an.actors:
        b.p("No actor takes part in a counted interaction.")
        return
    b.table(["Actor", "Type", "Offices held", "Degree (out/in)", "Interactions", "PageRank", "Betweenness",
             "Community"],
            [[a.label, a.type, "; ".join(o[2] for o in a.offices) or "—", f"{a.degree} ({a.out_degree}/{a.in_degree})",
              str(a.weighted_degree), _fmt(a.pagerank), _fmt(a.betweenness), str(a.community)]
             for a in an.ranked_actors()], "llllrrrr")
    b.p("Degree counts distinct ties (one per relation and counterpart); Interactions counts the supporting "
        "claims. PageRank treats symmetric relations (negotiates with, cooperates with, allied with) as mutual.")
    b.h("Relations by actor", 3)
    b.table(["Actor", "Relation", "Out", "In", "Interactions out", "Interactions in"],
            [[a.label, b.rel(rel), str(d["out"]), str(d["in"]), str(d["out_weight"]), str(d["in_weight"])]
             for a in sorted(an.actors.values(), key=lambda a: a.label) for rel, d in a.by_relation.items()],
            "llrrrr")
    b.img("centrality.png", "PageRank and betweenness of the most central actors")


def _tie_rows(b: _Brief, ties: Sequence[Tie]) -> list[list[Cell]]:
    return [[b.lab(t.source), b.rel(t.relation), b.lab(t.target), str(t.weight), _fmt(t.confidence, 2),
             _fmt(t.strength, 2), b.refs(t.evidence)] for t in ties]


def _ties(b: _Brief) -> None:
    an = b.an
    b.h("Strongest ties")
    if not an.ties:
        b.p("No counted ties.")
    else:
        b.p("Ranked by strength = interactions × mean confidence.")
        b.table(["Source", "Relation", "Target", "Interactions", "Mean confidence", "Strength", "Evidence"],
                _tie_rows(b, an.ties[:TOP_TIES]), "lllrrrl")
    b.h("Who pressures whom")
    if not an.pressures:
        b.p("No pressure, demand or threat was counted.")
    else:
        b.table(["Source", "Relation", "Target", "Interactions", "Mean confidence", "Strength", "Evidence"],
                _tie_rows(b, an.pressures), "lllrrrl")
    b.h("Who mediates between whom")
    if not an.mediations:
        b.p("No mediation was counted.")
    else:
        b.table(["Mediator", "Between", "And", "Interactions", "Evidence"],
                [[b.lab(m.mediator), b.lab(m.party_a), b.lab(m.party_b) if m.party_b else "(not named)",
                  str(m.weight), b.refs(m.evidence)] for m in an.mediations], "lllrl")


def _structure(b: _Brief) -> None:
    an = b.an
    b.h("Brokers")
    brokers = an.brokers()
    if not brokers:
        b.p("No actor lies on a shortest path between two others.")
    else:
        b.p("Betweenness centrality on the undirected network (normalised): the share of shortest paths "
            "between other actors that run through this one.")
        b.table(["Actor", "Betweenness", "Ties"], [[a.label, _fmt(a.betweenness), str(a.degree)] for a in brokers],
                "lrr")
    b.h("Communities")
    if not an.communities:
        b.p("No communities (empty network).")
    else:
        b.table(["Community", "Members"],
                [[str(i), ", ".join(b.lab(x) for x in part)] for i, part in enumerate(an.communities)], "rl")


def _dyads(b: _Brief) -> None:
    an = b.an
    b.h("Cooperation and conflict by dyad")
    if not an.dyads:
        b.p("No dyads.")
        return
    b.p("Each counted interaction between two actors, in either direction, by month of the event "
        "(year when only the year is known); sign from the relation (cooperation +, conflict −).")
    rows: list[list[Cell]] = []
    for d in an.dyads:
        for per, (coop, conf) in d.periods.items():
            ev = [r for r in d.evidence if _period_of(r) == per]
            rows.append([f"{b.lab(d.a)} – {b.lab(d.b)}", per, str(coop), str(conf), f"{coop - conf:+d}", b.refs(ev)])
    b.table(["Dyad", "Period", "Cooperation", "Conflict", "Net", "Evidence"], rows, "llrrrl")
    b.table(["Dyad", "Cooperation", "Conflict", "Net", "Overall"],
            [[f"{b.lab(d.a)} – {b.lab(d.b)}", str(d.cooperation), str(d.conflict), f"{d.net:+d}",
              "cooperative" if d.net > 0 else "conflictual" if d.net < 0 else "mixed"] for d in an.dyads], "lrrrl")
    b.img("dyads.png", "Cooperation and conflict per dyad and period")


def _period_of(row: dict) -> str:
    return period(row["date"])


def _balance(b: _Brief) -> None:
    an = b.an
    b.h("Structural balance")
    if not an.triads:
        left_out = f" ({an.ambivalent_triads} triangle(s) with a mixed side were left out)."
        b.p("No triangle of actors with a clear sign on every side" + (left_out if an.ambivalent_triads else "."))
        return
    b.p(f"{an.balanced} balanced and {an.unbalanced} unbalanced triad(s): balance ratio "
        f"{_fmt(an.balance_ratio or 0, 2)}. Balanced: +++ (all friends) or +−− (a common enemy); "
        "unbalanced: ++− (two friends at odds) or −−− (all against all), the configurations expected to shift."
        + (f" {an.ambivalent_triads} triangle(s) with a mixed side were left out." if an.ambivalent_triads else ""))
    rows: list[list[Cell]] = []
    for t in sorted(an.triads, key=lambda t: (t.balanced, t.members)):
        (x, y, z), (sxy, sxz, syz) = t.members, t.signs
        sides = f"{b.lab(x)}–{b.lab(y)} {'+' if sxy > 0 else '−'}, {b.lab(x)}–{b.lab(z)} {'+' if sxz > 0 else '−'}, " \
                f"{b.lab(y)}–{b.lab(z)} {'+' if syz > 0 else '−'}"
        rows.append([", ".join(b.lab(m) for m in t.members), t.pattern, sides, "yes" if t.balanced else "no"])
    b.table(["Triad", "Signs", "Sides", "Balanced"], rows, "llll")


def _excluded(b: _Brief) -> None:
    an = b.an
    b.h("Claims not counted (hypothetical or negated)")
    if not an.excluded:
        b.p("None.")
        return
    b.p("These claims are possibilities, conditions or denials; they are not part of any figure above.")
    b.table(["Source", "Relation", "Target", "Modality", "Confidence", "Date", "Evidence"],
            [[b.lab(r["source"]), b.rel(r["relation"]), b.lab(r["target"]), r["modality"], _fmt(r["confidence"], 2),
              r["date"] or "", b.refs([r])] for r in an.excluded], "llllrll")


def _evidence(b: _Brief) -> None:
    b.h("Evidence")
    if not b.evidence:
        b.p("No interactions.")
        return
    for n, r in enumerate(b.evidence, 1):
        doc = f"{r['doc_title']} ({r['document']})" if r["doc_title"] else r["document"]
        claim = f"{b.lab(r['source'])} {b.rel(r['relation'])} {b.lab(r['target'])}"
        if r.get("other_party") and r["relation"] == "mediates" and r["other_party"] != r["target"]:
            claim = f"{b.lab(r['source'])} mediates between {b.lab(r['target'])} and {b.lab(r['other_party'])}"
        meta = [r["modality"], f"confidence {_fmt(r['confidence'], 2)}", r["date"] or "undated"]
        if r.get("reported_by"):
            meta.insert(1, f"according to {b.lab(r['reported_by'])}")
        b.blocks.append(Block("evidence", [f"E{n}: {claim} — “{shorten(r['sentence'])}” — {doc}; {', '.join(meta)}"],
                              anchor=f"e{n}"))


def officials_table(g: Graph) -> list[tuple[str, str, str]]:
    """(name, office title, state/organisation label) of every office holder in ``g``, sorted."""
    q = """PREFIX ag: <https://w3id.org/actorgraph/ontology#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT DISTINCT ?name ?title ?ofLabel ?of WHERE {
      ?p ag:holdsOffice ?o ; rdfs:label ?name . ?o ag:officeTitle ?title ; ag:officeOf ?of .
      OPTIONAL { ?of rdfs:label ?ofLabel } }"""
    rows = {(str(r.name), str(r.title), str(r.ofLabel or r.of).rsplit("#", 1)[-1]) for r in g.query(q)}
    return sorted(rows, key=lambda r: (r[2], r[0]))


def _officials(b: _Brief, officials: Sequence[tuple[str, str, str]]) -> None:
    if not officials:
        return
    b.h("Officials", 3)
    b.table(["Official", "Office", "Serves"], [[n, t, of] for n, t, of in officials], "lll")
    b.p("Officials are read from the text (title + name); their actions are also counted for the state "
        "or organisation they serve.")


def brief_blocks(analysis: Analysis, officials: Sequence[tuple[str, str, str]] = ()) -> list[Block]:
    """The brief as renderer-neutral blocks (what both report.md and report.html show)."""
    b = _Brief(analysis)
    _summary(b)
    _actors(b)
    _officials(b, officials)
    _ties(b)
    _structure(b)
    _dyads(b)
    _balance(b)
    _excluded(b)
    _evidence(b)
    return b.blocks


# ---------------------------------------------------------------- charts

def _no_data(ax, text: str = "no counted interactions") -> None:
    ax.text(0.5, 0.5, text, ha="center", va="center", fontsize=12, color="#666")
    ax.set_axis_off()


def centrality_chart(analysis: Analysis, path: Path) -> Path:
    """Horizontal bars: PageRank and betweenness of the top actors (by PageRank)."""
    top = analysis.ranked_actors()[:TOP_ACTORS]
    fig, axes = plt.subplots(1, 2, figsize=(10, max(2.5, 0.38 * len(top) + 1.2)), sharey=True)
    if not top:
        for ax in axes:
            _no_data(ax)
    else:
        labels = [_mpl(a.label) for a in reversed(top)]
        axes[0].barh(labels, [a.pagerank for a in reversed(top)], color="#4e79a7")
        axes[0].set_title("PageRank")
        axes[1].barh(labels, [a.betweenness for a in reversed(top)], color="#f28e2b")
        axes[1].set_title("Betweenness (brokerage)")
        for ax in axes:
            ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    return _save_figure(fig, path)


def dyads_chart(analysis: Analysis, path: Path) -> Path:
    """Diverging bars per dyad and period: cooperation up (green), conflict down (red)."""
    bars: list[tuple[str, int, int]] = []
    for d in analysis.dyads[:TOP_DYADS]:
        name = f"{analysis.label(d.a)} – {analysis.label(d.b)}"
        for per, (coop, conf) in d.periods.items():
            bars.append((_mpl(f"{name}\n{per}"), coop, conf))
    fig, ax = plt.subplots(figsize=(max(6, 0.55 * len(bars) + 2), 4.8))
    if not bars:
        _no_data(ax)
    else:
        x = range(len(bars))
        ax.bar(x, [c for _, c, _ in bars], color=COOP_COLOUR, label="cooperation")
        ax.bar(x, [-k for _, _, k in bars], color=CONFLICT_COLOUR, label="conflict")
        ax.axhline(0, color="#333", linewidth=0.8)
        ax.set_xticks(list(x), [n for n, _, _ in bars], rotation=60, ha="right", fontsize=8)
        ax.set_ylabel("interactions (conflict below zero)")
        ax.set_title("Cooperation vs conflict per dyad and period")
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        peak = max(max(c, k) for _, c, k in bars) or 1
        ax.set_ylim(-peak * 1.15, peak * 1.15)
        ax.yaxis.get_major_locator().set_params(integer=True)
    fig.tight_layout()
    return _save_figure(fig, path)


def network_chart(analysis: Analysis, path: Path) -> Path:
    """A static picture of the actor network (spring layout, fixed seed)."""
    m = analysis.network
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
    ax.set_title("Actor network (counted interactions)")
    ax.set_axis_off()
    fig.tight_layout()
    return _save_figure(fig, path)


# ---------------------------------------------------------------- entry point

def write_report(g: Graph | None, analysis: Analysis, out_dir: Path | str,
                 title: str = "Actor network brief") -> list[Path]:
    """Write report.md, report.html, centrality.png, dyads.png and graph.png into ``out_dir``.

    ``g`` is the graph the analysis came from; the analysis already carries everything the brief
    shows (evidence rows, labels, offices), so ``g`` is only used to fill in documents when the
    analysis has none. Returns the paths written, in the order of ``FILES``.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if g is not None and not analysis.documents:
        analysis.documents = document_table(g)
    blocks = brief_blocks(analysis, officials_table(g) if g is not None else ())
    paths = [
        atomic_write(out / "report.md", render_markdown(title, blocks).encode("utf-8")),
        atomic_write(out / "report.html", render_html(title, blocks).encode("utf-8")),
        centrality_chart(analysis, out / "centrality.png"),
        dyads_chart(analysis, out / "dyads.png"),
        network_chart(analysis, out / "graph.png"),
    ]
    return paths


__all__ = ["FILES", "brief_blocks", "md_escape", "md_table", "render_html", "render_markdown", "shorten",
           "write_report", "atomic_write"]
