"""graph.views.report: the brief's content, escaping of untrusted text, valid tables and PNGs."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Graph

from graph.analyse import analyse
from graph.views.report import FILES, Mark, md_escape, md_table, quote, write_report
from test_analyse import build, claim

HOSTILE = 'Oman | mediated <script>alert("x")</script> between *the* US and [Iran](javascript:x).'


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[Path, str, str]:
    g = build(
        ("d1", "Talks <b>in</b> Muscat | day 1", [
            claim("USA", "pressures", "ISR", "reported", "2026-02-05", confidence=0.85),
            claim("USA", "pressures", "ISR", "asserted", "2026-02-07", confidence=0.75),
            claim("OMN", "mediates", "USA", other="IRN", date="2026-02", text=HOSTILE),
            claim("USA", "supports", "ISR", date="2026-01-03"),
            claim("USA", "threatens", "IRN"),
            claim("ISR", "attacks", "IRN", date="2026-01-20"),
            claim("P_Abbas_Araghchi", "negotiatesWith", "USA", date="2026-02-06"),
            claim("IRN", "attacks", "ISR", "hypothetical", text="Iran could strike Israel " + "again " * 60),
            claim("HEZ", "attacks", "ISR", "negated", text="Hezbollah did not attack Israel."),
        ]))
    out = tmp_path_factory.mktemp("report")
    paths = write_report(g, analyse(g), out)
    assert [p.name for p in paths] == list(FILES)
    return out, (out / "report.md").read_text(), (out / "report.html").read_text()


def _section(md: str, heading: str) -> str:
    start = md.index(f"## {heading}")
    nxt = md.find("\n## ", start + 1)
    return md[start: nxt if nxt > 0 else None]


def test_summary_and_actor_rows(report):
    _, md, html = report
    assert ("1 document, 6 actors (1 official), 9 relations, 9 interactions. The figures below count the 7 "
            "asserted or reported interaction(s), among 5 actor(s)") in md
    assert re.search(r"\| hypothetical +\| +1 \| no +\|", md)
    row = next(line for line in md.splitlines() if line.startswith("| Abbas Araghchi ") and "Person" in line)
    assert "Foreign Minister of Iran" in row
    assert "Foreign Minister of Iran" in html


def test_ties_pressure_mediation_balance_rows(report):
    _, md, _ = report
    ties = _section(md, "Strongest ties")
    first = next(line for line in ties.splitlines() if line.startswith("| United States"))
    assert re.match(r"\| United States +\| pressures +\| Israel +\| +2 \| +0\.80 \| +1\.60 \| "
                    r"\[E\d+\]\(#e\d+\), \[E\d+\]", first)
    assert "| United States | threatens | Iran" in re.sub(r" +", " ", _section(md, "Who pressures whom"))
    assert re.search(r"\| Oman +\| Iran +\| United States +\| +1 \|", _section(md, "Who mediates between whom"))
    assert "United States" in _section(md, "Brokers")
    dy = re.sub(r" +", " ", _section(md, "Cooperation and conflict by dyad"))
    assert "| Israel – United States | 2026-02 | 2 | 0 | +2 |" in dy
    assert "| Iran – United States | undated | 0 | 1 | -1 |" in dy
    bal = _section(md, "Structural balance")
    assert "balance ratio 0.50" in bal and "+--" in bal and "++-" in bal


def test_non_asserted_claims_apart(report):
    _, md, _ = report
    apart = _section(md, "Claims not counted (hypothetical or negated)")
    assert "hypothetical" in apart and "negated" in apart and "Hezbollah" in apart
    assert "Hezbollah" not in _section(md, "Actors") and "Hezbollah" not in _section(md, "Strongest ties")


def test_evidence_quotes_whole_sentences_with_the_trigger_marked(report):
    _, md, html = report
    ev = _section(md, "Evidence")
    assert ev.count("<a id=\"e") == 9
    line = next(l for l in ev.splitlines() if "Iran could strike Israel" in l)
    quote = line.split("“")[1].split("”")[0]
    assert quote == "Iran could strike Israel" + " again" * 60  # never cut: the end may be what matters
    assert "…" not in md
    assert "hypothetical, confidence 0.80, undated" in line
    assert "(d1); reported, confidence 0.85, 2026-02-05" in ev
    assert "“United States **threatens** Iran.”" in ev  # the trigger, marked
    assert "United States <mark>threatens</mark> Iran." in html
    # every reference points at an anchor that exists
    refs = set(re.findall(r'href="#(e\d+)"', html))
    anchors = set(re.findall(r'id="(e\d+)"', html))
    assert refs and refs <= anchors


def test_evidence_marks_the_trigger_by_its_offsets(tmp_path):
    from graph.views.report import write_report as write
    from render_fixtures import seed_graph

    g = seed_graph()  # real sentence nodes and offsets: "urged" is marked where the offsets say
    write(g, analyse(g), tmp_path)
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert ("“The United States has privately **urged** Israel to refrain from unilateral military action "
            "against Iran, Israeli officials said on Feb. 5.”") in md


def test_html_escapes_untrusted_text(report):
    _, _, html = report
    assert "<script>" not in html and "<b>in</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "Talks &lt;b&gt;in&lt;/b&gt; Muscat" in html

    class Tags(HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags: set[str] = set()
            self.stack: list[str] = []

        def handle_starttag(self, tag, attrs):
            self.tags.add(tag)
            if tag not in ("meta", "img", "br"):
                self.stack.append(tag)

        def handle_endtag(self, tag):
            assert self.stack.pop() == tag

    p = Tags()
    p.feed(html)
    assert "script" not in p.tags and p.stack == []


def test_markdown_escapes_and_tables_are_valid(report):
    _, md, _ = report
    assert r"Oman \| mediated \<script\>" in md and r"\[Iran\](javascript:x)" in md
    assert "<script>" not in md
    unescaped_pipes = re.compile(r"(?<!\\)\|")
    lines = md.splitlines()
    i = 0
    tables = 0
    while i < len(lines):
        if lines[i].startswith("|"):
            block = []
            while i < len(lines) and lines[i].startswith("|"):
                block.append(lines[i])
                i += 1
            tables += 1
            counts = {len(unescaped_pipes.findall(line)) for line in block}
            assert len(counts) == 1, block  # same number of cells on every row
            assert re.fullmatch(r"\|( -+:? \|)+", block[1]), block[1]
            assert len({len(line) for line in block}) == 1, block  # aligned
        else:
            i += 1
    assert tables >= 8


def test_pngs_are_valid(report):
    out, _, html = report
    for name in ("centrality.png", "dyads.png", "graph.png"):
        data = (out / name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000
        assert f'src="{name}"' in html
    assert not list(out.glob(".*.tmp"))


def test_empty_analysis(tmp_path):
    paths = write_report(Graph(), analyse(Graph()), tmp_path / "empty")
    assert all(p.exists() for p in paths)
    md = (tmp_path / "empty" / "report.md").read_text()
    assert "0 documents, 0 actors, 0 relations, 0 interactions." in md and "No counted ties." in md
    for name in ("centrality.png", "dyads.png", "graph.png"):
        assert (tmp_path / "empty" / name).read_bytes()[:4] == b"\x89PNG"


def test_rewrite_replaces_files(tmp_path):
    g = build(("d1", "A", [claim("USA", "supports", "ISR")]))
    write_report(g, analyse(g), tmp_path)
    g2 = build(("d2", "B", [claim("IRN", "threatens", "ISR")]))
    write_report(g2, analyse(g2), tmp_path)
    md = (tmp_path / "report.md").read_text()
    assert "Iran" in md and "United States" not in md
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(FILES)


def test_helpers():
    assert md_escape("a|b <i>*x*_y_ [l](u) `c` \\ #") == r"a\|b \<i\>\*x\*\_y\_ \[l\](u) \`c\` \\ \#"
    assert md_escape("two\nlines") == "two lines"
    assert md_table(["A", "Num"], [["x|y", "3"]], "lr") == [
        "| A    | Num |", "| ---- | --: |", r"| x\|y |   3 |"]
    assert quote("Iran said no.", (5, 9)) == ["Iran ", Mark("said"), " no."]
    assert quote("Iran said no, it said.", None, "said") == ["Iran ", Mark("said"), " no, it said."]
    assert quote("Iran unsaid it.", None, "said") == ["Iran unsaid it."]  # a whole word or nothing


def test_officials_section_lists_office_holders(tmp_path):
    from rdflib import Graph

    from graph.analyse import analyse
    from graph.views.report import write_report

    g = Graph().parse(data="""@prefix ag: <https://w3id.org/actorgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ag:P_X a ag:Person ; rdfs:label "Abbas <b>Araghchi</b>" ; ag:holdsOffice ag:Office_IRN_FM .
ag:Office_IRN_FM a ag:Office ; ag:officeTitle "Foreign Minister" ; ag:officeOf ag:IRN .
ag:IRN a ag:State ; rdfs:label "Iran" .
""", format="turtle")
    write_report(g, analyse(g), tmp_path)
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "### Officials" in md and "Foreign Minister" in md and "| Iran" in md
    assert "<b>Araghchi</b>" not in html and "&lt;b&gt;Araghchi&lt;/b&gt;" in html
