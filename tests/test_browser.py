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
from render_fixtures import HOSTILE_SENTENCE, HOSTILE_TITLE, hostile_extraction, seed_extractions, seed_graph, union_graph

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(find_chromium() is None, reason="Chromium and chromedriver not installed (apt install chromium chromium-driver)"),
]

DOCS_PNG = Path(__file__).resolve().parent.parent / "docs" / "graph.png"


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("pages")
    render_html(seed_graph(), d / "seed.html", title="Seed story")
    render_html(union_graph(seed_extractions() + [hostile_extraction()]), d / "hostile.html")
    return {"seed": d / "seed.html", "hostile": d / "hostile.html"}


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
    assert counts["nodes"] == 6 and counts["relations"] == len(every) == 9
    assert counts["shown"] == counts["visible"]["edges"] == len(asserted) == 8
    assert counts["visible"] == {"nodes": 6, "edges": 8, "affiliations": 1}
    browser.find_element("id", "ag-show-all").click()
    assert js(browser, "return actorgraph.visibleCounts().edges") == len(every)
    assert js(browser, "return actorgraph.edges.get({filter: function (e) { return e.dashes === true && !e.hidden; }}).length") == 1
    assert "9 of 9 relations" in browser.find_element("id", "ag-summary").text


def test_relation_filter_hides_its_edges(browser, pages):
    open_page(browser, pages["seed"])
    attack_ids = js(browser, "return actorgraph.data.edges.filter(function (e) { return e.rel === 'attacks'; }).map(function (e) { return e.id; })")
    assert len(attack_ids) == 2
    browser.find_element("css selector", "input[data-relation=attacks]").click()
    hidden = js(browser, "return arguments[0].map(function (id) { return actorgraph.edges.get(id).hidden; })", attack_ids)
    assert hidden == [True, True]
    assert js(browser, "return actorgraph.visibleCounts().edges") == 6
    browser.find_element("css selector", "input[data-type=State]").click()  # actor-type filter too
    assert js(browser, "return actorgraph.visibleCounts()") == {"nodes": 0, "edges": 0, "affiliations": 0}


def test_date_filter_and_dated_only(browser, pages):
    open_page(browser, pages["seed"])
    visible = lambda: set(js(browser, """return actorgraph.edges.get({filter: function (e) { return !e.hidden && e.kind === 'relation'; }})
                                         .map(function (e) { return e.from + ' ' + e.rel + ' ' + e.to; })"""))
    set_date = "var el = document.getElementById(arguments[0]); el.value = arguments[1]; el.dispatchEvent(new Event('change'));"
    js(browser, set_date, "ag-from", "2026-01-01")
    after = visible()
    assert "USA attacks IRN" not in after and "ISR attacks IRN" not in after  # June 2025
    assert "USA demands IRN" in after  # undated: kept
    assert "OMN mediates USA" not in after  # gYear 2025 ends before 2026
    browser.find_element("id", "ag-dated-only").click()
    assert visible() == {"USA negotiatesWith IRN"}  # dated 2026-02-06 and asserted


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
