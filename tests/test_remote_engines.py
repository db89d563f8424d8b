"""The whole command line against real remote SPARQL servers started on loopback (#14 item 5):
``oxigraph serve`` and Debian's Virtuoso. Build, ingest, query (pages too), export, validate and render
give what the same commands give on a local store."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset

import engines

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = "2026-11-23"
META = "https://w3id.org/actorgraph/graph/meta"
SUMMARIES = "https://w3id.org/actorgraph/graph/summaries"  # kept by local stores alone (graph.store.summary)
EXTRA = "Qatar mediated talks between Israel and Hamas in Doha on Tuesday."


def run(*args: str, code: int = 0) -> subprocess.CompletedProcess:
    r = subprocess.run([sys.executable, "-m", "graph.cli", *args], cwd=ROOT, capture_output=True, text=True,
                       timeout=900, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert r.returncode == code, r.stderr
    return r


@pytest.fixture(params=["oxigraph", "virtuoso"])
def endpoint(request, tmp_path):
    """A fresh server of each engine; the store spec actorgraph is given."""
    if request.param == "oxigraph":
        with engines.oxigraph(tmp_path / "oxigraph") as url:
            yield f"sparql+{url}/query"
    else:
        with engines.virtuoso(tmp_path / "virtuoso") as url:
            yield f"sparql+{url}"


@pytest.fixture(scope="module")
def local(tmp_path_factory) -> Path:
    """The same build and ingest into a local store: what a remote store must hold too."""
    out = tmp_path_factory.mktemp("local") / "out"
    extra = out.parent / "extra.txt"
    extra.write_text(EXTRA, encoding="utf-8")
    run("build", str(ROOT / "seeds"), "-o", str(out), "--reference-date", REFERENCE)
    run("ingest", str(extra), "--store", str(out / "store"), "--reference-date", REFERENCE)
    run("export", "--store", str(out / "store"), "-o", str(out / "all.trig"))
    return out


def quads(trig: Path) -> set[tuple]:
    """Every quad of a TriG file (literals normalised by rdflib: 0.850 is 0.85), the meta graph and the
    summaries aside (the pages of a local store are read from them; a remote one's read listings through)."""
    ds = Dataset()
    ds.parse(trig, format="trig")
    return {(s, p, o, str(g)) for s, p, o, g in ds.quads((None, None, None, None)) if str(g) not in (META, SUMMARIES)}


@pytest.mark.slow
def test_the_command_line_on_a_remote_store(endpoint, local, tmp_path):
    extra = tmp_path / "extra.txt"
    extra.write_text(EXTRA, encoding="utf-8")
    built = run("build", str(ROOT / "seeds"), "-o", str(tmp_path / "out"), "--store", endpoint,
                "--reference-date", REFERENCE)
    assert built.stdout.split(" in ")[0] == _line_of_build(local)
    assert "1 added" in run("ingest", str(extra), "--store", endpoint, "--reference-date", REFERENCE).stdout
    assert "1 unchanged" in run("ingest", str(extra), "--store", endpoint).stdout

    # the store holds what a local store holds, quad for quad (the documents' source paths aside)
    run("export", "--store", endpoint, "-o", str(tmp_path / "all.trig"))
    mine, theirs = _unsourced(quads(tmp_path / "all.trig")), _unsourced(quads(local / "all.trig"))
    assert mine == theirs and len(mine) > 20_000

    rows = json.loads(run("query", "--store", endpoint, "--name", "who-pressures-whom", "--format", "json").stdout)
    assert any(r["source"]["value"].endswith("#USA") and r["target"]["value"].endswith("#ISR")
               for r in rows["results"]["bindings"])
    page = run("query", "--store", endpoint, "--name", "evidence", "--limit", "3")
    total = len(run("query", "--store", str(local / "store"), "--name", "evidence", "--format", "csv", "--limit", "0")
                .stdout.splitlines()) - 1
    assert page.stdout.splitlines()[-1] == f"3 of {total} rows (--limit 0 for all, --offset N)"
    every = run("query", "--store", endpoint, "--name", "evidence", "--format", "csv", "--limit", "0").stdout
    assert len(every.splitlines()) == total + 1
    assert ": conforms to the shapes" in run("validate", "--store", endpoint).stderr
    run("render", "--store", endpoint, "-o", str(tmp_path / "page.html"))
    assert _counts(tmp_path / "page.html") == _counts(local / "graph.html")


def test_an_endpoint_whose_default_graph_is_not_the_union_is_refused(tmp_path):
    with engines.oxigraph(tmp_path / "plain", union=False) as url:
        r = run("build", str(ROOT / "seeds"), "-o", str(tmp_path / "out"), "--store", f"sparql+{url}/query",
                "--reference-date", REFERENCE, code=2)
    assert r.stderr.count("\n") == 1 and "not the union of its named graphs" in r.stderr
    assert "--union-default-graph" in r.stderr


def _unsourced(found: set[tuple]) -> set[tuple]:
    """Quads without the extra document's source path (a temporary folder of its own in each run) and
    with that document's graph name kept (its IRI is the hash of its text: the same)."""
    return {q for q in found if not str(q[1]).endswith("#sourcePath")}


def _line_of_build(out: Path) -> str:
    """The counts a build of the seeds alone prints (a second local build; its line without the time)."""
    r = run("build", str(ROOT / "seeds"), "-o", str(out.parent / "seeds-only"), "--store", "none",
            "--reference-date", REFERENCE)
    return r.stdout.split(" in ")[0]


def _counts(page: Path) -> dict:
    import re

    html = page.read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="ag-data">(.*?)</script>', html, re.S).group(1))
    return data["counts"]
