"""The HTML graph in a real headless Chromium: offline, error-free, counts right, filters, panels, XSS.

Skipped only when no Chromium + chromedriver is installed (CI installs Debian's ``chromium`` and
``chromium-driver``). Set ACTORGRAPH_UPDATE_DOCS=1 to also refresh docs/graph.png from the seed story.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from graph.views.browser import chrome, find_chromium, wait_stable
from graph.views.render import render_html
from render_fixtures import (
    HOSTILE_SENTENCE, HOSTILE_TITLE, hostile_extraction, seed_extractions, seed_graph, undated_extraction, union_graph,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(find_chromium() is None, reason="Chromium and chromedriver not installed (apt install chromium chromium-driver)"),
]

ROOT = Path(__file__).resolve().parent.parent
DOCS_PNG = ROOT / "docs" / "graph.png"


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("pages")
    render_html(seed_graph(), d / "seed.html", title="Seed story")
    render_html(union_graph(seed_extractions() + [hostile_extraction()]), d / "hostile.html")
    render_html(union_graph(seed_extractions() + [undated_extraction()]), d / "undated.html")
    return {"seed": d / "seed.html", "hostile": d / "hostile.html", "undated": d / "undated.html"}


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory) -> Path:
    """The page of the real seed build (spaCy, the gazetteer, the analysis), as a user gets it."""
    from graph.pipeline import build

    out = tmp_path_factory.mktemp("seed-build")
    build([ROOT / "seeds"], out, store=None, reference_date="2026-11-23", report=False)
    return out / "graph.html"


@pytest.fixture(scope="module")
def browser():
    with chrome(1400, 900) as driver:
        yield driver


def drain(driver) -> None:
    driver.get_log("performance")
    driver.get_log("browser")


def open_page(driver, path: Path) -> float:
    drain(driver)
    driver.get(path.resolve().as_uri())
    return wait_stable(driver, timeout=30)


def js(driver, script: str, *args):
    return driver.execute_script(script, *args)


def test_page_loads_offline_without_errors(browser, pages):
    page = pages["seed"].resolve().as_uri()
    open_page(browser, pages["seed"])
    time.sleep(0.3)
    requests = []
    for entry in browser.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] == "Network.requestWillBeSent":
            requests.append((msg["params"]["request"]["url"], msg["params"].get("documentURL", "")))
    ours = [url for url, doc in requests if doc == page]
    assert ours and ours[0] == page  # the log did capture the page's own load
    assert all(url.startswith(("file:", "data:", "about:", "blob:")) for url in ours), ours
    assert not [url for url, _ in requests if url.startswith(("http:", "https:", "ws:", "wss:", "ftp:"))]
    severe = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []
    assert js(browser, "return typeof vis === 'object' && document.body.dataset.ready") == "1"


def test_dataset_counts_match_the_rdf(browser, pages):
    open_page(browser, pages["seed"])
    from test_render import expected_edges

    every, asserted = expected_edges(seed_graph())
    counts = js(browser, """
        var ag = window.actorgraph;
        var rel = ag.edges.get({filter: function (e) { return e.kind === 'relation'; }});
        return {nodes: ag.nodes.length, relations: rel.length,
                shown: rel.filter(function (e) { return !e.hidden; }).length,
                drawn: Object.keys(ag.network.body.nodes).length, visible: ag.visibleCounts()};""")
    assert counts["nodes"] == 6 and counts["relations"] == len(every) == 10
    assert counts["shown"] == counts["visible"]["edges"] == len(asserted) == 9
    assert counts["visible"] == {"nodes": 6, "edges": 9, "affiliations": 1}
    header = browser.find_element("id", "ag-counts").text
    assert header == "2 documents, 6 actors (1 official), 10 relations, 12 interactions"
    browser.find_element("id", "ag-show-all").click()
    assert js(browser, "return actorgraph.visibleCounts().edges") == len(every)
    assert js(browser, "return actorgraph.edges.get({filter: function (e) { return e.dashes === true && !e.hidden; }}).length") == 1
    assert "showing 6 of 6 actors, 10 of 10 relations" in browser.find_element("id", "ag-summary").text


def test_relation_filter_hides_its_edges(browser, pages):
    open_page(browser, pages["seed"])
    attack_ids = js(browser, "return actorgraph.data.edges.filter(function (e) { return e.rel === 'attacks'; }).map(function (e) { return e.id; })")
    assert len(attack_ids) == 2
    browser.find_element("css selector", "input[data-relation=attacks]").click()
    hidden = js(browser, "return arguments[0].map(function (id) { return actorgraph.edges.get(id).hidden; })", attack_ids)
    assert hidden == [True, True]
    assert js(browser, "return actorgraph.visibleCounts().edges") == 7
    browser.find_element("css selector", "input[data-type=State]").click()  # actor-type filter too
    assert js(browser, "return actorgraph.visibleCounts()") == {"nodes": 0, "edges": 0, "affiliations": 0}


def visible_triples(browser) -> set[str]:
    return set(js(browser, """return actorgraph.edges.get({filter: function (e) { return !e.hidden && e.kind === 'relation'; }})
                              .map(function (e) { return e.from + ' ' + e.rel + ' ' + e.to; })"""))


def test_time_slider_by_month(browser, pages):
    open_page(browser, pages["undated"])
    months = js(browser, "return actorgraph.data.months")
    assert months[0] == "2025-01" and months[-1] == "2026-02" and len(months) == 14
    bars = browser.find_elements("css selector", "#ag-histogram div")
    assert len(bars) == 14 and bars[-1].get_attribute("title").startswith("2026-02: ")
    slide = "var el = document.getElementById(arguments[0]); el.value = arguments[1]; el.dispatchEvent(new Event('input'));"
    js(browser, slide, "ag-from", months.index("2026-01"))
    assert browser.find_element("id", "ag-period").text == "2026-01 \u2013 2026-02"
    after = visible_triples(browser)
    assert "USA attacks IRN" not in after and "ISR attacks IRN" not in after  # June 2025
    assert "OMN mediates USA" not in after  # gYear 2025 ends before 2026
    # no date in its sentence: sits at the date its document was reported (2026-02-05)
    assert "USA demands IRN" in after
    assert "USA alliedWith ISR" in after
    assert "SAU supports YEM" in after  # an undated document: kept ...
    browser.find_element("id", "ag-dated-only").click()
    assert "SAU supports YEM" not in visible_triples(browser)  # ... unless "dated only"
    js(browser, slide, "ag-to", months.index("2025-06"))  # "to" before "from" pulls "from" back
    assert browser.find_element("id", "ag-period").text == "2025-06"
    # a date known only to the year (Oman's mediation "since 2025") overlaps every month of that year
    assert visible_triples(browser) == {"USA attacks IRN", "ISR attacks IRN", "OMN mediates USA", "OMN mediates IRN"}
    assert [b.get_attribute("class") for b in browser.find_elements("css selector", "#ag-histogram div")].count("") == 1


def test_clicking_an_edge_shows_its_evidence(browser, pages):
    open_page(browser, pages["seed"])
    from selenium.webdriver.common.action_chains import ActionChains

    edge = js(browser, "return actorgraph.data.edges.find(function (e) { return e.rel === 'alliedWith'; })")
    point = js(browser, """
        var net = actorgraph.network, p = net.getPositions([arguments[0], arguments[1]]);
        var a = p[arguments[0]], b = p[arguments[1]];
        return net.canvasToDOM({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2});""", edge["from"], edge["to"])
    canvas = browser.find_element("css selector", "#ag-graph canvas")
    size = canvas.size
    ActionChains(browser).move_to_element_with_offset(
        canvas, int(point["x"] - size["width"] / 2), int(point["y"] - size["height"] / 2)).click().perform()
    time.sleep(0.2)
    panel = browser.find_element("id", "ag-panel-body")
    assert panel.get_attribute("data-edge") == edge["id"]
    assert "The United States remains Israel's closest ally." in panel.text
    assert "asserted" in panel.text and "CAMEO 062" in panel.text
    assert "US urges Israel to hold off as Iran talks resume" in panel.text  # the document title
    assert "seeds/001_cdfa9290fd9a2767.txt" in panel.text
    assert js(browser, "return actorgraph.network.getSelectedEdges()") == [edge["id"]]
    # every supporting sentence is listed: two reports of the US pressing Israel
    press = js(browser, "return actorgraph.data.edges.find(function (e) { return e.rel === 'pressures'; }).id")
    js(browser, "actorgraph.selectEdge(arguments[0])", press)
    items = browser.find_elements("css selector", "#ag-panel-body .ag-evidence li")
    assert len(items) == 2 and all("reported" in li.text and "reported by Israel" in li.text for li in items)
    assert browser.find_element("css selector", "#ag-panel-body mark").text == "pressed"


def click_at(browser, point: dict) -> None:
    """A real mouse click at a point of the canvas (DOM coordinates)."""
    from selenium.webdriver.common.action_chains import ActionChains

    canvas = browser.find_element("css selector", "#ag-graph canvas")
    size = canvas.size
    ActionChains(browser).move_to_element_with_offset(
        canvas, int(round(point["x"] - size["width"] / 2)), int(round(point["y"] - size["height"] / 2))).click().perform()
    time.sleep(0.15)


CLEAR_POINT = """// the point of the edge (t in 0.3..0.7) farthest from every other visible edge, in DOM pixels,
    // with the edge's normal there and that clearance: edges of other pairs may cross it anywhere,
    // but an edge bundled with another has no clear point at all
    var net = actorgraph.network, id = arguments[0], e = net.body.edges[id], scale = net.getScale();
    var others = actorgraph.visibleIds().edges.filter(function (x) { return x !== id; }).map(function (x) { return net.body.edges[x]; });
    var best = null;
    [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7].forEach(function (t) {
      var p = e.edgeType.getPoint(t), clear = Infinity;
      others.forEach(function (o) {
        var d = o.edgeType.getDistanceToEdge(o.from.x, o.from.y, o.to.x, o.to.y, p.x, p.y) * scale;
        clear = Math.min(clear, d);
      });
      if (best === null || clear > best.clear) best = {t: t, clear: clear};
    });
    var at = function (t) { var q = e.edgeType.getPoint(t); return net.canvasToDOM({x: q.x, y: q.y}); };
    var m = at(best.t), a = at(best.t - 0.02), b = at(best.t + 0.02), dx = b.x - a.x, dy = b.y - a.y;
    var len = Math.sqrt(dx * dx + dy * dy) || 1;
    return {x: m.x, y: m.y, nx: -dy / len, ny: dx / len, clear: best.clear};"""
SLACK = 4  # pixels: a hand is not exact; a click this far beside an edge must still select it


@pytest.mark.parametrize("page", ["seed", "real"])
def test_clicking_each_edge_selects_that_edge(browser, pages, seed_build, page):
    # parallel edges (the US and Iran: talks, demands, opposition, strikes, mediation) each get their
    # own curve; a click on any edge where it is drawn (away from where other edges cross it), or a
    # few pixels beside it, selects that edge and no other
    open_page(browser, pages["seed"] if page == "seed" else seed_build)
    browser.find_element("id", "ag-show-all").click()
    ids = js(browser, "return actorgraph.visibleIds().edges.filter(function (id) { return id[0] === 'e'; })")
    pairs = js(browser, "return actorgraph.data.edges.map(function (e) { return e.parallel; })")
    assert len(ids) >= 8 and max(pairs) >= 3
    for edge_id in ids:
        m = js(browser, CLEAR_POINT, edge_id)
        assert m["clear"] > 2 * SLACK, (edge_id, m)  # somewhere along it, no other edge within 8 px
        for side in (0, SLACK, -SLACK):
            click_at(browser, {"x": m["x"] + side * m["nx"], "y": m["y"] + side * m["ny"]})
            assert js(browser, "return actorgraph.network.getSelectedEdges()") == [edge_id], (edge_id, side)
            assert browser.find_element("id", "ag-panel-body").get_attribute("data-edge") == edge_id
    # the panel of one of several parallel edges lists the others, one click away
    many = js(browser, "return actorgraph.data.edges.filter(function (e) { return e.parallel >= 3; })[0].id")
    js(browser, "actorgraph.selectEdge(arguments[0])", many)
    also = browser.find_elements("css selector", "#ag-panel-body h2.ag-also + ul button")
    assert len(also) >= 2
    also[0].click()
    assert browser.find_element("id", "ag-panel-body").get_attribute("data-edge") != many


def test_officials_are_on_the_page_with_their_office_edges(browser, seed_build):
    open_page(browser, seed_build)
    officials = js(browser, """return actorgraph.data.nodes.filter(function (n) { return n.type === 'Official'; })
                               .map(function (n) { return n.id; }).sort()""")
    assert officials == ["P_Abbas_Araghchi", "P_Benjamin_Netanyahu"]
    offices = js(browser, "return actorgraph.data.affiliations.map(function (a) { return [a.from, a.to, a.title]; })")
    assert sorted(offices) == [["P_Abbas_Araghchi", "IRN", "Foreign Minister"],
                               ["P_Benjamin_Netanyahu", "ISR", "Prime Minister"]]
    shown = set(js(browser, "return actorgraph.visibleIds().nodes"))
    assert set(officials) <= shown
    assert js(browser, "return actorgraph.visibleCounts().affiliations") == 2
    browser.find_element("id", "ag-show-aff").click()  # the officials toggle hides them and their office edges
    assert not set(officials) & set(js(browser, "return actorgraph.visibleIds().nodes"))
    assert js(browser, "return actorgraph.visibleCounts().affiliations") == 0
    browser.find_element("id", "ag-show-aff").click()
    assert set(officials) <= set(js(browser, "return actorgraph.visibleIds().nodes"))


@pytest.mark.parametrize("query,actor", [
    ("Araghchi", "P_Abbas_Araghchi"), ("netanyahu", "P_Benjamin_Netanyahu"), ("US", "USA"), ("U.S.", "USA"),
    ("Washington", "USA"), ("america", "USA"), ("Tehran", "IRN"), ("Iranian", "IRN"), ("Muscat", "OMN"),
    ("Jerusalem", "ISR"), ("Oman", "OMN"), ("united st", "USA"),
])
def test_search_by_alias_capital_and_surname(browser, seed_build, query, actor):
    if browser.current_url != seed_build.resolve().as_uri():
        open_page(browser, seed_build)
    box = browser.find_element("id", "ag-search")
    box.clear()
    box.send_keys(query + "\n")
    time.sleep(0.2)
    assert browser.find_element("id", "ag-search-msg").text == ""
    assert browser.find_element("id", "ag-panel-body").get_attribute("data-node") == actor
    assert js(browser, "return actorgraph.state.focus") == actor
    box.clear()
    box.send_keys("Atlantis\n")
    assert browser.find_element("id", "ag-search-msg").text == "no such actor"


def test_focus_mode_fades_all_but_the_neighbourhood(browser, seed_build):
    open_page(browser, seed_build)
    point = js(browser, "var p = actorgraph.network.getPositions(['OMN']).OMN; return actorgraph.network.canvasToDOM(p);")
    click_at(browser, point)  # a real click on Oman
    assert js(browser, "return actorgraph.state.focus") == "OMN"
    assert browser.find_element("id", "ag-panel-body").get_attribute("data-node") == "OMN"
    style = js(browser, """var out = {}; actorgraph.nodes.forEach(function (n) {
        if (!n.hidden) out[n.id] = typeof n.color === 'string' ? 'full' : (n.color.background.indexOf('rgba(200') === 0 ? 'faded' : 'full'); });
        return out;""")
    assert {k for k, v in style.items() if v == "full"} == {"OMN", "USA", "IRN"}  # Oman and the two it mediates between
    assert style["ISR"] == "faded"
    assert browser.find_element("id", "ag-focus-label").text == "Focus: Oman and its neighbours"
    from selenium.webdriver.common.keys import Keys

    browser.find_element("tag name", "body").send_keys(Keys.ESCAPE)
    assert js(browser, "return actorgraph.state.focus") is None
    assert js(browser, "return actorgraph.nodes.get('ISR').color") == "#3b6ea8"


def test_overview_at_500_actors(browser, tmp_path):
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_render import synthetic_graph

    stats = render_html(synthetic_graph(500), tmp_path / "big.html")
    assert stats.nodes == 500 and stats.dropped_nodes == 0
    open_page(browser, tmp_path / "big.html")
    top = js(browser, """var d = actorgraph.data, ids = actorgraph.visibleIds().nodes;
        var ranked = d.nodes.slice().sort(function (a, b) { return (b.weight - a.weight) || a.label.localeCompare(b.label); });
        return {shown: ids.sort(), top: ranked.slice(0, d.overview).map(function (n) { return n.id; }).sort(),
                overview: d.overview, colourBy: actorgraph.state.colourBy};""")
    assert top["overview"] == 40 and top["colourBy"] == "bloc"
    assert set(top["shown"]) <= set(top["top"]) and len(top["shown"]) >= 30  # the strongest actors first
    assert "overview: the 40 actors with most interactions" in browser.find_element("id", "ag-summary").text
    blocs = browser.find_elements("css selector", "#ag-blocs .ag-dot")
    assert len(blocs) >= 3  # blocs (Louvain on cooperation ties) as colour, with a legend
    coloured = js(browser, "return new Set(actorgraph.nodes.get().filter(function (n) { return !n.hidden; }).map(function (n) { return n.color; })).size")
    assert coloured >= 3
    # focus on an actor outside the overview: it and its neighbours are shown and laid out
    outsider = js(browser, """var shown = new Set(actorgraph.visibleIds().nodes);
        return actorgraph.data.nodes.filter(function (n) { return !shown.has(n.id) && n.degree >= 2; })[0].id""")
    js(browser, "actorgraph.focus(arguments[0])", outsider)
    wait_stable(browser, timeout=30)
    assert outsider in js(browser, "return actorgraph.visibleIds().nodes")
    js(browser, "actorgraph.clearFocus()")
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("id", "ag-top")).select_by_value("0")  # show all
    wait_stable(browser, timeout=60)
    assert js(browser, "return actorgraph.visibleCounts().nodes") > 400
    assert js(browser, "return actorgraph.network.physics.options.enabled") is False  # frozen again
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []


def test_search_and_actor_profile(browser, pages):
    open_page(browser, pages["seed"])
    box = browser.find_element("id", "ag-search")
    box.send_keys("araghchi\n")
    time.sleep(0.5)
    assert js(browser, "return actorgraph.network.getSelectedNodes()") == ["P_Abbas_Araghchi"]
    panel = browser.find_element("id", "ag-panel-body")
    assert "Abbas Araghchi" in panel.text and "Foreign Minister of Iran" in panel.text and "Iran" in panel.text
    js(browser, "actorgraph.showNode('IRN')")
    assert "Foreign Minister: Abbas Araghchi" in panel.text
    link = panel.find_element("css selector", "a")
    assert link.get_attribute("href") == "https://www.wikidata.org/wiki/Q794"


def test_hostile_document_stays_text(browser, pages):
    open_page(browser, pages["hostile"])
    browser.find_element("id", "ag-show-all").click()
    edge = js(browser, "return actorgraph.data.edges.find(function (e) { return e.rel === 'threatens'; }).id")
    js(browser, "actorgraph.selectEdge(arguments[0])", edge)
    time.sleep(0.3)
    panel = browser.find_element("id", "ag-panel-body")
    text = js(browser, "return document.getElementById('ag-panel-body').textContent")
    assert HOSTILE_SENTENCE.replace("\u2028", "") in text.replace("\u2028", "")
    assert HOSTILE_TITLE in text
    assert panel.find_elements("css selector", "img, script, b, iframe") == []
    assert js(browser, "return document.querySelectorAll('img').length") == 0
    assert js(browser, "return typeof window.__pwned") == "undefined"
    # tooltips are plain text too: vis-network 9 writes string titles with innerText
    assert js(browser, "return actorgraph.edges.get(arguments[0]).title", edge).startswith("Iran threatens Israel")
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []


def test_screenshot(tmp_path, pages):
    from graph.views.render import screenshot

    png = screenshot(pages["seed"], tmp_path / "graph.png", 1400, 900, show_all=True, edge=("USA", "pressures", "ISR"))
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    assert int.from_bytes(data[16:20], "big") == 1400 and int.from_bytes(data[20:24], "big") == 900
    if os.environ.get("ACTORGRAPH_UPDATE_DOCS") == "1":
        DOCS_PNG.parent.mkdir(exist_ok=True)
        DOCS_PNG.write_bytes(data)


def test_large_graph_is_cut_laid_out_and_frozen(browser, tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from bench_render import synthetic_graph

    stats = render_html(synthetic_graph(600), tmp_path / "big.html", max_nodes=400)
    assert stats.nodes == 400 and stats.dropped_nodes == 200 and stats.dropped_edges > 0
    settled_ms = open_page(browser, tmp_path / "big.html")
    assert settled_ms < 15_000
    state = js(browser, """var n = actorgraph.network;
        return {physics: n.physics.options.enabled, nodes: actorgraph.nodes.length,
                summary: document.getElementById('ag-summary').textContent};""")
    assert state["physics"] is False  # frozen after stabilisation
    assert state["nodes"] == 400 and "200 of 600 actors left out" in state["summary"]
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
