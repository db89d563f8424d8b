"""The HTML graph, checked as text: self-contained, data complete and escaped, max_nodes, atomic write.

What the page *does* in a browser is tested in test_browser.py.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest
from rdflib import Dataset, Literal

from graph.views import render
from graph.namespaces import AG
from graph.views.render import date_bounds, json_for_script, render_html
from render_fixtures import HOSTILE_SENTENCE, HOSTILE_TITLE, hostile_extraction, seed_extractions, seed_graph, union_graph

DATA_RE = re.compile(r'<script type="application/json" id="ag-data">(.*?)</script>', re.S)


def page_json(html: str) -> dict:
    m = DATA_RE.search(html)
    assert m, "data block missing"
    return json.loads(m.group(1))


def outside_data(html: str) -> str:
    return DATA_RE.sub("", html)


def expected_edges(g) -> tuple[set, set]:
    """(source, relation, target) over Interactions, symmetric relations unordered, straight from RDF:
    all edges, and those with at least one asserted interaction."""
    rows = g.query("""
        PREFIX ag: <https://w3id.org/actorgraph/ontology#>
        SELECT ?s ?r ?t ?m ?o WHERE { ?i a ag:Interaction ; ag:source ?s ; ag:relation ?r ; ag:target ?t ; ag:modality ?m
                                      OPTIONAL { ?i ag:otherParty ?o } }""")
    sym = {"negotiatesWith", "cooperatesWith", "alliedWith"}
    every, asserted = set(), set()
    for s, r, t, m, o in rows:
        s, r, t = (str(x).split("#")[-1] for x in (s, r, t))
        targets = {t} | ({str(o).split("#")[-1]} if o is not None and r == "mediates" else set())  # both parties
        for t in targets:
            key = (min(s, t), r, max(s, t)) if r in sym else (s, r, t)
            every.add(key)
            if str(m).endswith("#Asserted"):
                asserted.add(key)
    return every, asserted


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory) -> tuple[str, render.RenderStats]:
    out = tmp_path_factory.mktemp("render") / "graph.html"
    stats = render_html(seed_graph(), out)
    return out.read_text(encoding="utf-8"), stats


def test_page_fetches_nothing(seed_page):
    html, _ = seed_page
    rest = outside_data(html)
    markup = re.sub(r"<script>.*?</script>", "", rest, flags=re.S)  # the HTML and CSS around the scripts
    # no external script, stylesheet, image, font or import: every resource is inline
    assert not re.search(r"""<script[^>]*\ssrc\s*=""", rest, re.I)
    assert not re.search(r"""<link[^>]*\shref\s*=\s*(?!["']?data:)""", markup, re.I)
    assert not re.search(r"""\s(?:src|href|action|poster)\s*=\s*["']?\s*(?:[a-z]+:)?//""", markup, re.I)
    assert not re.search(r"""url\((?!\s*["']?\s*data:)""", markup, re.I)  # CSS: only data: images
    assert "@import" not in markup and "@font-face" not in markup
    for cdn in ("cdnjs", "jsdelivr", "unpkg", "bootstrap", "tom-select", "googleapis"):
        assert cdn not in rest.lower()
    assert "vis-network" in rest and "new vis.Network" in rest  # the library itself is inlined
    # the page's own script loads nothing (its one URL is the Wikidata link an analyst may click)
    app = re.findall(r"<script>(.*?)</script>", html, re.S)[-1]
    for api in ("fetch(", "XMLHttpRequest", "WebSocket", "importScripts", "innerHTML", "outerHTML",
                "insertAdjacentHTML", "document.write", "eval("):
        assert api not in app
    assert re.findall(r"https?://[^\s\"']+", app) == ["https://www.wikidata.org/wiki/"]


def test_csp_allows_exactly_the_page_scripts(seed_page):
    html, _ = seed_page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 2
    for body in scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_counts_match_the_rdf(seed_page):
    html, stats = seed_page
    data = page_json(html)
    every, asserted = expected_edges(seed_graph())
    assert stats.edges == len(data["edges"]) == len(every) == 10  # Oman's mediation links it to both parties
    assert stats.asserted_edges == sum(e["asserted"] for e in data["edges"]) == len(asserted) == 9
    actors = {a for s, _, t in every for a in (s, t)} | {"P_Abbas_Araghchi"}  # official, linked to Iran
    assert {n["id"] for n in data["nodes"]} == actors and stats.nodes == 6
    assert data["affiliations"] == [{"id": "a0", "from": "P_Abbas_Araghchi", "to": "IRN", "title": "Foreign Minister"}]
    assert stats.interactions == len(data["evidence"]) == 12
    assert stats.dropped_nodes == stats.dropped_edges == 0


def test_edges_carry_relation_style_and_evidence(seed_page):
    data = page_json(seed_page[0])
    rel = {r["id"]: r for r in data["relations"]}
    assert rel["attacks"]["colour"] == "#e15759" and not rel["attacks"]["symmetric"]
    assert rel["negotiatesWith"]["symmetric"]  # drawn without arrow
    edges = {(e["from"], e["rel"], e["to"]): e for e in data["edges"]}
    # US->Israel pressure is only ever *reported*: dashed and hidden by default
    press = edges[("USA", "pressures", "ISR")]
    assert not press["asserted"] and press["n"] == 2 and press["modalities"] == {"reported": 2}
    # Israel attacks Iran: one asserted raid + one hypothetical strike -> solid
    attack = edges[("ISR", "attacks", "IRN")]
    assert attack["asserted"] and attack["modalities"] == {"asserted": 1, "hypothetical": 1}
    # symmetric: "US meets Iran" and "Iran talks with Washington" are one edge
    talks = [e for e in data["edges"] if e["rel"] == "negotiatesWith"]
    assert len(talks) == 1 and talks[0]["n"] == 2 and talks[0]["officials"] == ["P_Abbas_Araghchi"]
    ev = data["evidence"][press["ev"][-1]]
    assert ev["modality"] == "reported" and ev["reportedBy"] == "Israel" and ev["cameo"] == "0256"
    assert ev["date"] == "2026-02-05" and ev["dateText"] == "Feb. 5" and ev["confidence"] == 0.85
    assert ev["text"][ev["mark"][0]:ev["mark"][1]] == "urged"  # trigger highlight offsets
    doc = data["documents"][ev["doc"]]
    assert doc["title"].startswith("US urges Israel") and doc["source"] == "seeds/001_cdfa9290fd9a2767.txt"
    mediation = data["evidence"][edges[("OMN", "mediates", "USA")]["ev"][0]]
    assert mediation["otherParty"] == "Iran" and (mediation["lo"], mediation["hi"]) == ("2025-01-01", "2025-12-31")


def test_actor_profiles(seed_page):
    nodes = {n["id"]: n for n in page_json(seed_page[0])["nodes"]}
    assert nodes["IRN"]["wikidata"] == "Q794" and nodes["IRN"]["type"] == "State"
    assert nodes["IRN"]["officesOf"] == [{"label": "Foreign Minister of Iran", "title": "Foreign Minister",
                                          "holders": ["Abbas Araghchi"]}]
    assert nodes["P_Abbas_Araghchi"]["offices"][0]["of"] == "Iran"
    assert nodes["NON_STATE_ACTORS"]["type"] == "CollectiveActor"
    # no analysis in the graph: sized by the degree we count
    assert nodes["USA"]["degree"] == 7 and nodes["USA"]["metrics"] == {}


def test_hostile_text_is_data_not_markup(tmp_path):
    g = union_graph(seed_extractions() + [hostile_extraction()])
    out = tmp_path / "hostile.html"
    render_html(g, out, title='<script>alert("t")</script>')
    html = out.read_text(encoding="utf-8")
    for needle in ("<script>window.__pwned", "<img src=x", "onerror=\"window", "<b>bold", "\u2028", "\u2029",
                   '<script>alert("t")'):
        assert needle not in html
    assert "<title>&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;</title>" in html
    assert html.count("</script>") == 3  # the data block and two scripts: nothing from the data
    data = page_json(html)
    assert HOSTILE_SENTENCE in [ev["text"] for ev in data["evidence"]]  # round-trips unchanged
    assert HOSTILE_TITLE in [d["title"] for d in data["documents"].values()]


def test_json_for_script_escapes_breakout_characters():
    text = json_for_script({"a": "</script><!-- & \u2028\u2029 >"})
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029 >"}


def test_max_nodes_keeps_the_most_central(tmp_path):
    g = seed_graph()
    stats = render_html(g, tmp_path / "g.html", max_nodes=3)
    data = page_json((tmp_path / "g.html").read_text(encoding="utf-8"))
    kept = {n["id"] for n in data["nodes"]}
    assert kept == {"USA", "IRN", "ISR"}  # degree 7, 7, 4
    assert all(e["from"] in kept and e["to"] in kept for e in data["edges"])
    assert stats.nodes == 3 and stats.dropped_nodes == 3
    assert stats.edges + stats.dropped_edges == 10 and stats.dropped_edges == 3  # mediates ×2, supports
    assert data["droppedNodes"] == 3 and data["totalNodes"] == 6
    assert render_html(g, tmp_path / "all.html", max_nodes=50).dropped_nodes == 0


def test_analysis_metrics_size_and_rank_nodes(tmp_path):
    g = seed_graph()
    ranks = {"OMN": 0.5, "NON_STATE_ACTORS": 0.3, "ISR": 0.1, "USA": 0.05, "IRN": 0.04, "P_Abbas_Araghchi": 0.01}
    for actor, pr in ranks.items():
        g.add((AG[actor], AG.pagerank, Literal(pr)))
        g.add((AG[actor], AG.community, Literal(1)))
    stats = render_html(g, tmp_path / "g.html", max_nodes=2)
    data = page_json((tmp_path / "g.html").read_text(encoding="utf-8"))
    assert stats.size_metric == data["sizeMetric"] == "pagerank"
    assert {n["id"] for n in data["nodes"]} == {"OMN", "NON_STATE_ACTORS"}
    assert data["nodes"][0]["metrics"]["community"] == 1


def test_write_is_atomic(tmp_path, monkeypatch):
    out = tmp_path / "site" / "graph.html"
    render_html(seed_graph(), out)
    before = out.read_bytes()

    def boom(*_a, **_k):
        raise RuntimeError("disk full")

    monkeypatch.setattr("graph.fileio.os.replace", boom)
    with pytest.raises(RuntimeError):
        render_html(union_graph([hostile_extraction()]), out)
    assert out.read_bytes() == before  # the old page is untouched
    assert [p.name for p in out.parent.iterdir()] == ["graph.html"]  # and no temp file is left


def test_dataset_and_empty_graph(tmp_path):
    ds = Dataset()
    for t in seed_graph():
        ds.graph(AG["g1"]).add(t)
    assert render_html(ds, tmp_path / "ds.html").edges == 10
    empty = render_html(union_graph([]), tmp_path / "empty.html")
    assert (empty.nodes, empty.edges) == (0, 0)
    assert page_json((tmp_path / "empty.html").read_text(encoding="utf-8"))["nodes"] == []


def test_date_bounds_cover_the_precision_given():
    assert date_bounds("2026-02-05") == ("2026-02-05", "2026-02-05")
    assert date_bounds("2024-02") == ("2024-02-01", "2024-02-29")
    assert date_bounds("2025") == ("2025-01-01", "2025-12-31")
    assert date_bounds("sometime") is None


def test_cli_render(tmp_path):
    from graph.cli import main

    ttl = tmp_path / "graph.ttl"
    seed_graph().serialize(ttl, format="turtle")
    out = tmp_path / "page.html"
    assert main(["render", str(ttl), "-o", str(out), "--max-nodes", "4"]) == 0
    assert len(page_json(out.read_text(encoding="utf-8"))["nodes"]) == 4
    assert main(["render", str(tmp_path / "missing.ttl"), "-o", str(out)]) == 2


# ---------------------------------------------------------------- the page's evidence budget (#14)


def test_evidence_allowance_shares_the_budget_evenly_then_by_claims():
    from graph.views.render import evidence_allowance

    assert evidence_allowance([3, 1, 10], [3, 1, 40], 20) == [3, 1, 10]  # within budget: all
    assert evidence_allowance([3, 1, 10], [3, 1, 40], None) == [3, 1, 10]
    # two each (7; three each would be 10), then one more each for the busiest while it lasts
    assert evidence_allowance([3, 1, 10, 10], [3, 1, 40, 12], 8) == [2, 1, 3, 2]
    assert evidence_allowance([3, 1, 10, 10], [3, 1, 40, 12], 9) == [2, 1, 3, 3]
    # more edges than the budget: one sentence each, never none
    assert evidence_allowance([5] * 10, [9] * 10, 4) == [1] * 10
    assert evidence_allowance([0, 2], [0, 2], 1) == [0, 1]


def test_the_page_embeds_at_most_its_budget_and_says_what_is_left(tmp_path):
    """With a budget below what the edges hold, every edge keeps at least its first sentence, the page
    embeds no more than the budget allows, its counts stay whole, and no record or document carries a
    field the page does not read."""
    render_html(seed_graph(), tmp_path / "full.html")
    full = page_json((tmp_path / "full.html").read_text(encoding="utf-8"))
    slots = sum(len(e["ev"]) for e in full["edges"])  # a mediation's sentence serves both its edges
    assert len(full["evidence"]) == 12 and slots > len(full["edges"]) == 10
    stats = render_html(seed_graph(), tmp_path / "cut.html", per_page=slots - 1)
    data = page_json((tmp_path / "cut.html").read_text(encoding="utf-8"))
    assert sum(len(e["ev"]) for e in data["edges"]) == slots - 1 and len(data["evidence"]) <= slots - 1
    assert stats.edges == len(data["edges"]) == 10 and all(len(e["ev"]) >= 1 for e in data["edges"])
    assert [e["total"] for e in data["edges"]] == [e["total"] for e in full["edges"]]  # the counts stay whole
    cut = [e for e in data["edges"] if len(e["ev"]) < e["total"]]
    assert len(cut) == 1 and len(cut[0]["ev"]) == cut[0]["total"] - 1  # "… and 1 more interaction"
    first = {(e["from"], e["rel"], e["to"]): full["evidence"][e["ev"][0]]["text"] for e in full["edges"]}
    assert first == {(e["from"], e["rel"], e["to"]): data["evidence"][e["ev"][0]]["text"] for e in data["edges"]}
    assert set(data["documents"]) == {ev["doc"] for ev in data["evidence"]}
    for ev in data["evidence"]:
        assert "docIri" not in ev and None not in ev.values()
    assert all("iri" not in d and None not in d.values() for d in data["documents"].values())


def test_a_page_of_many_edges_stays_within_its_budget():
    """Edges grow with the corpus (6,212 at 30,000 short documents, 10 sentences each for the busy
    ones made a 22 MB page): the page data of 4,000 edges of 10 sentences each embeds the budget alone,
    and weighs what the budget weighs, not what the edges hold."""
    from graph.views.render import EVIDENCE_PER_PAGE, page_data

    sentence = "Officials said the envoy urged the council to hold talks on the border agreement before the summit. " * 2
    records, edges, documents = [], [], {}
    for k in range(4500):
        a, b = f"S{k % 200:03d}", f"O{k // 200:03d}"
        ix = list(range(len(records), len(records) + 10))
        for j in ix:
            doc = f"{j:016x}"
            documents[doc] = {"iri": f"https://w3id.org/actorgraph/doc/{doc}", "title": f"Article {j}", "date": "2025-01-02",
                              "source": f"https://news.example/{j}"}
            records.append({"ev": {"text": sentence, "mark": [20, 25], "trigger": "urged", "modality": "asserted",
                                   "confidence": 0.8, "date": None, "reportedOn": "2025-01-02", "lo": "2025-01-02",
                                   "hi": "2025-01-02", "dateText": None, "cameo": "020", "quad": "Verbal cooperation",
                                   "goldstein": 3.0, "rule": "verb:nsubj-dobj", "reportedBy": None, "otherParty": None,
                                   "official": None, "doc": doc, "docIri": documents[doc]["iri"]}})
        edges.append({"from": a, "to": b, "rel": "pressures", "ix": ix, "total": 10 + k % 50, "n": 10, "asserted": True,
                      "modalities": {"asserted": 10}, "officials": [], "stubs": [["2025-01-02", "2025-01-02", "asserted", 10]]})
    actors = {x for e in edges for x in (e["from"], e["to"])}
    nodes = {a: {"id": a, "iri": str(AG[a]), "label": a, "type": "State", "names": [], "offices": [], "officesOf": [],
                 "wikidata": None, "metrics": {}} for a in sorted(actors)}
    data = {"records": records, "edges": edges, "nodes": nodes, "affiliations": [], "documents": documents,
            "relations": {"pressures": {"id": "pressures", "label": "pressures", "colour": "#000", "symmetric": False,
                                        "sign": -1, "quad": "Verbal conflict"}},
            "totals": {"interactions": len(records), "documents": len(documents)}}
    page = page_data(data, "many", 0, len(nodes))
    assert len(page["evidence"]) == EVIDENCE_PER_PAGE == sum(len(e["ev"]) for e in page["edges"])
    assert min(len(e["ev"]) for e in page["edges"]) == EVIDENCE_PER_PAGE // 4500  # the same share each, then
    assert max(len(e["ev"]) for e in page["edges"]) == EVIDENCE_PER_PAGE // 4500 + 1  # one more for the busiest
    busiest = max(page["edges"], key=lambda e: e["total"])
    assert len(busiest["ev"]) == EVIDENCE_PER_PAGE // 4500 + 1 and len(page["documents"]) == EVIDENCE_PER_PAGE
    size = len(json_for_script(page).encode("utf-8"))
    assert size < 12e6, size  # ~600 bytes a sentence with its document, plus the edges
