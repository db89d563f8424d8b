"""An analyst's brief from an :class:`graph.analyse.Analysis`: Markdown, HTML and three PNG charts.

The brief is written once, as a list of blocks (headings, paragraphs, tables, lists, images), and
rendered twice — to Markdown and to HTML — so that both files always say the same thing. Its counts
of documents, actors, relations and interactions are the ``Counts`` the page and the build's summary
line quote (``graph.views.outputs.write_views`` passes them in).

Every claim in a table points to numbered evidence (E1, E2 …) at the end: the whole sentence with
its trigger marked, the document, modality, confidence and date, so that a reader can check each
number against the text — a sentence is never cut, since the words cut may be the ones that justify
the claim.

Article text is untrusted: in HTML every piece of text goes through ``html.escape`` (and the page
forbids scripts), in Markdown the characters that make markup (``| * _ [ ] < > ` \\``) are
backslash-escaped; in charts ``$`` is escaped so that labels are never read as mathtext.
All files are written atomically (temporary file in the same directory, then ``os.replace``).
"""
from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..analyse import Analysis, Tie, document_table, period, when
from ..fileio import write_atomic
from ..vocabulary import VOCABULARY
from .background import ChartPool

if TYPE_CHECKING:
    from concurrent.futures import Future

    from rdflib import Graph

    from .collect import Counts

__all__ = ["FILES", "brief_blocks", "md_escape", "md_table", "render_html", "render_markdown", "write_report"]

MAX_REFS = 6  # evidence links shown per table cell; the rest are counted
TOP_TIES = 15
TOP_LAYER = 5
TABLE_ROWS = 100  # rows a table shows at most; the rest are counted and one query away
EVIDENCE_ALL = 1000  # up to this many claims the evidence section lists them all, else the ones cited
FILES = ("report.md", "report.html", "centrality.png", "dyads.png", "graph.png")


# ---------------------------------------------------------------- document model

@dataclass(frozen=True)
class Ref:
    """An internal link (to an evidence item)."""

    text: str
    anchor: str


@dataclass(frozen=True)
class Mark:
    """Words to highlight: the trigger of a claim inside its evidence sentence."""

    text: str


Inline = str | Ref | Mark
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


def _md_one(p: Inline) -> str:
    if isinstance(p, Ref):
        return f"[{md_escape(p.text)}](#{p.anchor})"
    if isinstance(p, Mark):
        return f"**{md_escape(p.text)}**"
    return md_escape(p)


def _md_inline(parts: Sequence[Inline]) -> str:
    return "".join(_md_one(p) for p in parts)


def _html_one(p: Inline) -> str:
    if isinstance(p, Ref):
        return f'<a href="#{html.escape(p.anchor)}">{html.escape(p.text)}</a>'
    if isinstance(p, Mark):
        return f"<mark>{html.escape(p.text)}</mark>"
    return html.escape(str(p))


def _html_inline(parts: Sequence[Inline]) -> str:
    return "".join(_html_one(p) for p in parts)


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
img{max-width:100%;border:1px solid #ddd;margin:.5em 0}li.ev{margin:.35em 0}mark{background:#fff0a8}h2{border-bottom:1px solid #ddd;
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
    return "".join(p if isinstance(p, str) else p.text for p in parts)


# ---------------------------------------------------------------- text helpers

def _fmt(x: float, places: int = 3) -> str:
    return f"{x:.{places}f}"


def quote(sentence: str, span: tuple[int, int] | None, trigger: str = "") -> list[Inline]:
    """The whole evidence sentence on one line, its trigger marked: by the offsets when they hold,
    else the trigger's first whole-word occurrence, else nothing marked."""
    if span is None and trigger:
        m = re.search(r"(?<!\w)" + re.escape(trigger) + r"(?!\w)", sentence)
        span = (m.start(), m.end()) if m else None
    if span is None:
        return [sentence]
    a, z = span
    return [sentence[:a], Mark(sentence[a:z]), sentence[z:]]


def _date_note(r: dict) -> str:
    """'2025-06' when the sentence dates the claim, 'reported 2026-02-05' when only the document does."""
    if r.get("date"):
        return r["date"]
    return f"reported {r['reported_on']}" if r.get("reported_on") else "undated"


class _Brief:
    """Builds the blocks; holds the evidence numbering shared by all sections."""

    def __init__(self, analysis: Analysis, counts: Counts | None = None, hydrate=None):  # noqa: ANN001
        self.an = analysis
        self.counts = counts
        self.hydrate = hydrate  # fills in the sentences of the rows quoted (a store's rows are read slim)
        self.blocks: list[Block] = []
        every = sorted(analysis.rows + analysis.excluded, key=lambda r: (
            when(r) or "~", r["document"], r["source"], r["relation"], r["target"], r["iri"]))
        self.evidence = every
        self.number = {r["iri"]: n for n, r in enumerate(every, 1)}
        self.cited: set[str] = set()
        self.notes: list[str] = []

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
    def capped(self, rows: Sequence, what: str, limit: int = TABLE_ROWS) -> Sequence:
        """The first ``limit`` rows of a table; when more, a note saying how many and where they are."""
        if len(rows) > limit:
            self.notes.append(f"The first {limit:,} of {len(rows):,} are shown; {what}.")
        return rows[:limit]

    def note(self) -> None:
        """The notes of the tables just written, after them."""
        for text in self.notes:
            self.p(text)
        self.notes.clear()

    def refs(self, rows: Sequence[dict]) -> list[Inline]:
        nums = sorted({self.number[r["iri"]] for r in rows if r["iri"] in self.number})
        for n in nums[:MAX_REFS]:
            self.cited.add(self.evidence[n - 1]["iri"])
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


# ---------------------------------------------------------------- sections

def _count_sentence(b: _Brief) -> str:
    """The corpus in the words the build's summary line and the page use, then what the figures count."""
    an = b.an
    head = f"{b.counts.sentence()}." if b.counts else f"{len(an.documents)} document(s)."
    return (f"{head} The figures below count the {len(an.rows)} asserted or reported interaction(s), among "
            f"{len(an.actors)} actor(s) (an official's acts count for the state served); "
            f"{len(an.excluded)} hypothetical or negated claim(s) are listed apart.")


def _summary(b: _Brief) -> None:
    an = b.an
    b.h("Summary")
    b.p(_count_sentence(b))
    order = ["asserted", "reported", "hypothetical", "negated"]
    mods = sorted(an.modality_counts, key=lambda m: (order.index(m) if m in order else 9, m))
    b.table(["Modality", "Interactions", "Counted"],
            [[m, str(an.modality_counts[m]), "yes" if m in an.modalities else "no"] for m in mods] or [["—", "0", ""]],
            "lrl")
    findings = _findings(b)
    if findings:
        b.h("Key findings", 3)
        b.ul(findings)
    _documents(b)
    b.img("graph.png", "The actor network: nodes coloured by actor type, edges by relation")


def _findings(b: _Brief) -> list[list[Inline]]:
    """The headline facts, each with its evidence: centrality, brokers, the conflict layer, balance."""
    an, out = b.an, []
    ranked = an.ranked_actors()
    if ranked:
        out.append([f"Most central actor (PageRank): {ranked[0].label} ({_fmt(ranked[0].pagerank)})."])
    if an.mediations:
        m = an.mediations[0]
        between = f"between {b.lab(m.party_a)} and {b.lab(m.party_b)}" if m.party_b else f"with {b.lab(m.party_a)}"
        out.append([f"Broker: {b.lab(m.mediator)} mediates {between} ({m.weight} claim(s)) — ", *b.refs(m.evidence)])
    bridge = max(an.actors.values(), key=lambda a: (a.brokerage, a.id), default=None)
    if bridge is not None and bridge.brokerage > 0:
        out.append([f"Bridge of the cooperation and negotiation ties (betweenness on those ties only): "
                    f"{bridge.label} ({_fmt(bridge.brokerage)})."])
    conflict = an.layers.get("conflict")
    if conflict and conflict.interactions:
        (target, n_in), (source, n_out) = conflict.top(conflict.in_weight, 1)[0], conflict.top(conflict.out_weight, 1)[0]
        out.append([f"Conflict: most targeted {b.lab(target)} ({n_in} hostile claim(s)); "
                    f"most hostile {b.lab(source)} ({n_out})."])
    if an.ties:
        t = an.ties[0]
        out.append([f"Strongest tie: {b.lab(t.source)} {b.rel(t.relation)} {b.lab(t.target)} "
                    f"({t.weight} interaction(s)) — ", *b.refs(t.evidence)])
    if an.balance_ratio is not None:
        out.append([f"Structural balance: {an.balanced} of {len(an.triads)} triad(s) balanced "
                    f"(ratio {_fmt(an.balance_ratio, 2)})."])
    return out


def _documents(b: _Brief) -> None:
    an = b.an
    if not an.documents:
        return
    b.h("Documents", 3)
    per_doc: dict[str, int] = {}
    for r in an.rows + an.excluded:
        per_doc[r["document"]] = per_doc.get(r["document"], 0) + 1
    newest = sorted(an.documents, key=lambda d: (d["date"] or "", d["id"]), reverse=True) \
        if len(an.documents) > TABLE_ROWS else an.documents
    shown = b.capped(newest, "the newest are listed: actorgraph query -q with dct:title lists them all")
    b.table(["Title", "Document", "Date", "Interactions"],
            [[d["title"] or "(untitled)", d["id"], d["date"] or "", str(per_doc.get(d["id"], 0))]
             for d in shown], "lllr")
    b.note()


def _actors(b: _Brief) -> None:
    an = b.an
    b.h("Actors")
    if not an.actors:
        b.p("No actor takes part in a counted interaction.")
        return
    b.table(["Actor", "Type", "Offices held", "Degree (out/in)", "Interactions", "PageRank", "Brokerage",
             "Betweenness (all ties)", "Bloc"],
            [[a.label, a.type, "; ".join(o[2] for o in a.offices) or "—", f"{a.degree} ({a.out_degree}/{a.in_degree})",
              str(a.weighted_degree), _fmt(a.pagerank), _fmt(a.brokerage), _fmt(a.betweenness), str(a.community)]
             for a in b.capped(an.ranked_actors(), "the most central by PageRank; actorgraph query --name brokers "
                               "lists every actor's scores")], "llllrrrrr")
    b.note()
    b.p("Degree counts distinct ties (one per relation and counterpart); Interactions counts the supporting "
        "claims. PageRank treats symmetric relations (negotiates with, cooperates with, allied with) as mutual. "
        "Brokerage is betweenness on the cooperation and negotiation ties alone; betweenness over all ties mixes "
        "in hostile ones and says who is central, not who brokers. Blocs are Louvain communities of the "
        "cooperation ties.")
    b.h("Relations by actor", 3)
    top = an.ranked_actors()[:TABLE_ROWS] if len(an.actors) > TABLE_ROWS else an.actors.values()
    if len(an.actors) > TABLE_ROWS:
        b.notes.append(f"The {TABLE_ROWS:,} most central of {len(an.actors):,} actors are shown.")
    b.table(["Actor", "Relation", "Out", "In", "Interactions out", "Interactions in"],
            [[a.label, b.rel(rel), str(d["out"]), str(d["in"]), str(d["out_weight"]), str(d["in_weight"])]
             for a in sorted(top, key=lambda a: a.label) for rel, d in a.by_relation.items()],
            "llrrrr")
    b.note()
    b.img("centrality.png", "PageRank and brokerage of the most central actors")


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
                _tie_rows(b, b.capped(an.pressures, "actorgraph query --name who-pressures-whom lists them all")),
                "lllrrrl")
        b.note()


def _brokers(b: _Brief) -> None:
    an = b.an
    b.h("Brokers")
    b.h("Who mediates between whom", 3)
    if not an.mediations:
        b.p("No mediation was counted.")
    else:
        b.table(["Mediator", "Between", "And", "Interactions", "Evidence"],
                [[b.lab(m.mediator), b.lab(m.party_a), b.lab(m.party_b) if m.party_b else "(not named)",
                  str(m.weight), b.refs(m.evidence)]
                 for m in b.capped(an.mediations, "actorgraph query --name mediators lists them all")], "lllrl")
        b.note()
    b.h("Brokerage on the cooperation layer", 3)
    brokers = an.brokers()
    if not brokers:
        b.p("No actor mediates or links others through cooperation or negotiation ties.")
    else:
        b.p("Mediators named by the text first, then the actors that lie between others on the cooperation and "
            "negotiation ties (betweenness on those ties alone, normalised). A hostile tie is no bridge: "
            "betweenness over every tie is shown in the Actors table as a centrality.")
        b.table(["Actor", "Mediations", "Brokerage", "Cooperation ties"],
                [[a.label, str(a.mediated), _fmt(a.brokerage), str(an.layers["cooperation"].network.degree(a.id))]
                 for a in b.capped(brokers, "actorgraph query --name brokers lists them all")], "lrrr")
        b.note()
    b.h("Blocs", 3)
    if not an.communities:
        b.p("No communities (empty network).")
    else:
        b.p("Louvain communities of the cooperation ties (an actor with none is a bloc of its own).")
        b.table(["Bloc", "Members"],
                [[str(i), ", ".join(b.lab(x) for x in part[:TABLE_ROWS])
                  + (f" and {len(part) - TABLE_ROWS:,} more" if len(part) > TABLE_ROWS else "")]
                 for i, part in enumerate(b.capped(an.communities, "the largest are listed"))], "rl")
        b.note()


def _layers(b: _Brief) -> None:
    b.h("Cooperation and conflict, apart")
    b.p("Each layer counts only the ties of its sign (from the relation's ag:sign): who gives and who receives.")
    rows: list[list[Cell]] = []
    for name, layer in b.an.layers.items():
        if not layer.interactions:
            rows.append([name, "—", "—", "0"])
            continue
        top_out = ", ".join(f"{b.lab(a)} ({n})" for a, n in layer.top(layer.out_weight, TOP_LAYER))
        top_in = ", ".join(f"{b.lab(a)} ({n})" for a, n in layer.top(layer.in_weight, TOP_LAYER))
        rows.append([name, top_out, top_in, str(layer.interactions)])
    b.table(["Layer", "Most active (claims made)", "Most addressed (claims received)", "Interactions"], rows, "lllr")


def _dyads(b: _Brief) -> None:
    an = b.an
    b.h("Cooperation and conflict by dyad")
    if not an.dyads:
        b.p("No dyads.")
        return
    b.p("Each counted interaction between two actors, in either direction, by month: the month of the event "
        "when the sentence dates it, else the month the document reported it (year when only the year is known); "
        "sign from the relation (cooperation +, conflict −).")
    rows: list[list[Cell]] = []
    dyads = b.capped(an.dyads, "the busiest are listed; actorgraph query --name timeline lists every claim in time order")
    for d in dyads:
        for per, (coop, conf) in d.periods.items():
            ev = [r for r in d.evidence if period(when(r)) == per]
            rows.append([f"{b.lab(d.a)} – {b.lab(d.b)}", per, str(coop), str(conf), f"{coop - conf:+d}", b.refs(ev)])
    b.table(["Dyad", "Month", "Cooperation", "Conflict", "Net", "Evidence"], rows, "llrrrl")
    b.table(["Dyad", "Cooperation", "Conflict", "Net", "Overall"],
            [[f"{b.lab(d.a)} – {b.lab(d.b)}", str(d.cooperation), str(d.conflict), f"{d.net:+d}",
              "cooperative" if d.net > 0 else "conflictual" if d.net < 0 else "mixed"] for d in dyads], "lrrrl")
    b.note()
    b.img("dyads.png", "Cooperation and conflict per dyad and month")


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
    for t in b.capped(sorted(an.triads, key=lambda t: (t.balanced, t.members)), "the unbalanced come first"):
        (x, y, z), (sxy, sxz, syz) = t.members, t.signs
        sides = f"{b.lab(x)}–{b.lab(y)} {'+' if sxy > 0 else '−'}, {b.lab(x)}–{b.lab(z)} {'+' if sxz > 0 else '−'}, " \
                f"{b.lab(y)}–{b.lab(z)} {'+' if syz > 0 else '−'}"
        rows.append([", ".join(b.lab(m) for m in t.members), t.pattern, sides, "yes" if t.balanced else "no"])
    b.table(["Triad", "Signs", "Sides", "Balanced"], rows, "llll")
    b.note()


def _excluded(b: _Brief) -> None:
    an = b.an
    b.h("Claims not counted (hypothetical or negated)")
    if not an.excluded:
        b.p("None.")
        return
    b.p("These claims are possibilities, conditions or denials; they are not part of any figure above.")
    b.table(["Source", "Relation", "Target", "Modality", "Confidence", "Date", "Evidence"],
            [[b.lab(r["source"]), b.rel(r["relation"]), b.lab(r["target"]), r["modality"], _fmt(r["confidence"], 2),
              _date_note(r), b.refs([r])]
             for r in b.capped(an.excluded, "actorgraph query --name interactions lists every claim with its modality")],
            "llllrll")
    b.note()


def _evidence(b: _Brief) -> None:
    b.h("Evidence")
    if not b.evidence:
        b.p("No interactions.")
        return
    b.p("Each sentence in full, the words that triggered the claim marked.")
    shown = [(n, r) for n, r in enumerate(b.evidence, 1) if len(b.evidence) <= EVIDENCE_ALL or r["iri"] in b.cited]
    if len(shown) < len(b.evidence):
        b.p(f"The {len(shown):,} claims cited above are listed, of {len(b.evidence):,}; every claim with its "
            "sentence: actorgraph query --name evidence (narrow it with --bind source=… --bind relation=… "
            "--bind target=…).")
    if b.hydrate is not None:
        b.hydrate([r for _n, r in shown])
    for n, r in shown:
        doc = f"{r['doc_title']} ({r['document']})" if r["doc_title"] else r["document"]
        claim = f"{b.lab(r['source'])} {b.rel(r['relation'])} {b.lab(r['target'])}"
        if r.get("other_party") and r["relation"] in VOCABULARY.playing("mediation") and r["other_party"] != r["target"]:
            claim = f"{b.lab(r['source'])} {b.rel(r['relation'])} between {b.lab(r['target'])} and {b.lab(r['other_party'])}"
        meta = [r["modality"], f"confidence {_fmt(r['confidence'], 2)}", _date_note(r)]
        if r.get("reported_by"):
            meta.insert(1, f"according to {b.lab(r['reported_by'])}")
        sentence = " ".join(r["sentence"].split()) if r.get("trigger_span") is None else r["sentence"]
        text = [f"E{n}: {claim} — “", *quote(sentence, r.get("trigger_span"), r.get("trigger", "")),
                f"” — {doc}; {', '.join(meta)}"]
        b.blocks.append(Block("evidence", text, anchor=f"e{n}"))


def _officials(b: _Brief, officials: Sequence[tuple[str, str, str]]) -> None:
    if not officials:
        return
    b.h("Officials", 3)
    b.table(["Official", "Office", "Serves"], [[n, t, of] for n, t, of in officials], "lll")
    b.p("Officials are read from the text (title + name); their actions are also counted for the state "
        "or organisation they serve.")


def officials_table(g: Graph) -> list[tuple[str, str, str]]:
    """(name, office title, state/organisation label) of every office holder in ``g``, sorted."""
    q = """PREFIX ag: <https://w3id.org/actorgraph/ontology#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT DISTINCT ?name ?title ?ofLabel ?of WHERE {
      ?p ag:holdsOffice ?o ; rdfs:label ?name . ?o ag:officeTitle ?title ; ag:officeOf ?of .
      OPTIONAL { ?of rdfs:label ?ofLabel } }"""
    rows = {(str(r.name), str(r.title), str(r.ofLabel or r.of).rsplit("#", 1)[-1]) for r in g.query(q)}
    return sorted(rows, key=lambda r: (r[2], r[0]))


def brief_blocks(analysis: Analysis, officials: Sequence[tuple[str, str, str]] = (),
                 counts: Counts | None = None, hydrate=None) -> list[Block]:  # noqa: ANN001 - rows -> None
    """The brief as renderer-neutral blocks (what both report.md and report.html show). ``hydrate``
    fills in the sentences of the rows the evidence section quotes, when the analysis was read slim
    from a store (``graph.store.read.hydrate``)."""
    b = _Brief(analysis, counts, hydrate)
    _summary(b)
    _actors(b)
    _officials(b, officials)
    _ties(b)
    _brokers(b)
    _layers(b)
    _dyads(b)
    _balance(b)
    _excluded(b)
    _evidence(b)
    return b.blocks


# ---------------------------------------------------------------- entry point

def write_report(g: Graph | None, analysis: Analysis, out_dir: Path | str, title: str = "Actor network brief", *,
                 counts: Counts | None = None, officials: Sequence[tuple[str, str, str]] | None = None,
                 hydrate=None, charts: Future | None = None) -> list[Path]:  # noqa: ANN001 - rows -> None
    """Write report.md, report.html, centrality.png, dyads.png and graph.png into ``out_dir``.
    ``charts``: the three PNGs being drawn elsewhere (``graph.views.background``), waited for here;
    None draws them in this process.

    ``g`` is the graph the analysis came from; the analysis already carries the evidence rows, labels
    and offices, so ``g`` fills in documents when the analysis has none, and the officials table and
    the counts when the caller does not pass them (``write_views`` passes the page's, so both agree).
    Returns the paths written, in the order of ``FILES``.
    """
    from ..store.store import Store

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if g is not None and not analysis.documents:
        if isinstance(g, Store):
            from ..store.read import document_table as store_documents

            analysis.documents = store_documents(g)
        else:
            analysis.documents = document_table(g)
    if counts is None and g is not None:
        from .collect import collect, counts_of

        counts = counts_of(collect(g))
    if officials is None:
        officials = officials_table(g) if g is not None else ()
    blocks = brief_blocks(analysis, officials, counts, hydrate)
    texts = [write_atomic(out / "report.md", render_markdown(title, blocks).encode("utf-8")),
             write_atomic(out / "report.html", render_html(title, blocks).encode("utf-8"))]
    return texts + ChartPool.paths(charts, analysis, out)
