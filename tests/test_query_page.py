"""The endpoint's query page as a web user meets it: the readable query, its parameters as form fields,
headers that do not break mid-word, and no advice to use the command line's --bind."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from graph.store.query import saved_queries
from graph.endpoint.serve import render_page
from graph.views.query_page import parameters, saved_view

ROOT = Path(__file__).resolve().parent.parent


def test_parameters_are_the_plain_projected_variables():
    assert parameters("SELECT ?source ?relation WHERE { ?s ?p ?o }") == ["source", "relation"]
    assert parameters("# SELECT ?x WHERE\nSELECT DISTINCT ?a (COUNT(?s) AS ?n) ?b WHERE { }") == ["a", "b"]
    assert parameters("ASK { ?s ?p ?o }") == []
    evidence = saved_queries()["evidence"]
    assert parameters(evidence.plain) == ["source", "relation", "target", "modality", "confidence", "date",
                                          "document", "title", "sentence"]


def test_saved_view_shows_the_readable_twin_and_runs_what_the_cli_runs():
    q = saved_queries()["evidence"]
    view = saved_view("evidence", {"name": ["evidence"]})
    assert view.message == "" and view.run == q.text_for({})  # unpinned: the Oxigraph-tuned text runs
    assert "Written for Oxigraph" not in view.shown and not view.shown.lstrip().startswith("#")
    assert view.shown.strip() == "\n".join(ln for ln in q.plain.splitlines() if not ln.startswith("#")).strip()
    for var in ("source", "relation", "target", "date"):
        assert f'name="bind.{var}"' in view.form
    assert "--bind" not in view.form and "narrow it with the fields below" in view.form
    pinned = saved_view("evidence", {"bind.source": ["USA"], "bind.relation": ["pressures"], "bind.target": [""]})
    assert "VALUES ?source { <https://w3id.org/actorgraph/ontology#USA> }" in pinned.shown
    assert pinned.run == q.text_for({"source": __import__("rdflib").URIRef("https://w3id.org/actorgraph/ontology#USA"),
                                     "relation": __import__("rdflib").URIRef("https://w3id.org/actorgraph/ontology#pressures")})
    assert 'value="USA"' in pinned.form and 'value="pressures"' in pinned.form
    refused = saved_view("evidence", {"bind.source": ["USA> } UNION { ?s ?p ?o"]})
    assert refused.run == "" and "is not an actor id" in refused.message


def test_saved_view_escapes_what_the_user_typed():
    view = saved_view("evidence", {"bind.title": ['"<script>alert(1)</script>"']})
    assert "<script>" not in view.form and "&lt;script&gt;" in view.form


def test_headers_do_not_break_mid_word():
    page = render_page("SELECT ?source WHERE { }", {}, "<table><thead><tr><th>source</th></tr></thead></table>", "", "src")
    th = re.search(r"\}th\{[^}]*\}", page).group(0)
    assert "white-space:nowrap" in th and "overflow-wrap:normal" in th


@pytest.mark.slow
def test_the_served_page_narrows_a_saved_query_with_its_fields(tmp_path):
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-m", "graph.cli", "build", str(ROOT / "seeds"), "-o", str(out),
                        "--reference-date", "2026-11-23"], cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 0, r.stderr
    proc = subprocess.Popen([sys.executable, "-m", "graph.cli", "serve", "--store", str(out / "store"), "--port", "0",
                             "--quiet", "--workers", "1"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    try:
        url = proc.stdout.readline().split()[2].rstrip("/")
        with urllib.request.urlopen(url + "/?name=evidence", timeout=60) as resp:
            page = resp.read().decode()
        shown = re.sub(r'href="[^"]*"', "", page)  # what a reader sees (download links carry the text run)
        assert 'name="bind.source"' in page and "Written for Oxigraph" not in shown and "--bind" not in shown
        query = urllib.parse.urlencode({"name": "evidence", "bind.source": "USA", "bind.relation": "pressures",
                                        "bind.target": "ISR"})
        with urllib.request.urlopen(f"{url}/?{query}", timeout=60) as resp:
            page = resp.read().decode()
        rows = re.findall(r"<tr><td>", page)
        assert len(rows) >= 4 and "plea to Jerusalem" in page and "ag:ISR" in page and "ag:OMN" not in page
        bad = urllib.parse.urlencode({"name": "evidence", "bind.source": "USA> } UNION { ?s ?p ?o"})
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(f"{url}/?{bad}", timeout=60)
        assert err.value.code == 400 and "is not an actor id" in err.value.read().decode()
    finally:
        proc.terminate()
        proc.wait(10)
