"""Page and report as a user gets them from the command line: one source of truth for every count,
refreshed by ingest, rendered from a store built elsewhere; and the CLI's words (progress, skipped
files, a --help that does not load spaCy)."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graph.errors import InputError
from graph.views.outputs import default_out

ROOT = Path(__file__).resolve().parent.parent
DATA_RE = re.compile(r'<script type="application/json" id="ag-data">(.*?)</script>', re.S)
COUNTS_RE = re.compile(r"\d+ documents?, \d+ actors?(?: \(\d+ officials?\))?, \d+ relations?, \d+ interactions?")


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600, env={**os.environ, "PYTHONPATH": str(ROOT)})


def page_counts(html_path: Path) -> tuple[str, dict]:
    data = json.loads(DATA_RE.search(html_path.read_text(encoding="utf-8")).group(1))
    return data["countsLine"], data["counts"]


def report_counts(folder: Path) -> set[str]:
    md = (folder / "report.md").read_text(encoding="utf-8")
    html = (folder / "report.html").read_text(encoding="utf-8")
    assert set(COUNTS_RE.findall(html)) == set(COUNTS_RE.findall(md))
    return set(COUNTS_RE.findall(md))


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("views") / "out"
    r = run("build", str(ROOT / "seeds"), "-o", str(out), "--reference-date", "2026-11-23")
    assert r.returncode == 0, r.stderr
    return out, r.stdout


def rdf_counts(ttl: Path) -> dict[str, int]:
    """Documents, interactions and officials counted in the written graph, without actorgraph's code."""
    from rdflib import Graph

    g = Graph().parse(ttl)
    ask = "PREFIX ag: <https://w3id.org/actorgraph/ontology#> SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { %s }"
    return {name: int(next(iter(g.query(ask % where))).n) for name, where in (
        ("documents", "?x a ag:Document"), ("interactions", "?x a ag:Interaction"),
        ("officials", "?x ag:holdsOffice ?o"))}


def test_counts_read_the_same_in_the_cli_summary_the_page_and_the_report(seed_build):
    out, stdout = seed_build
    line = COUNTS_RE.search(stdout.splitlines()[0]).group(0)
    page_line, counts = page_counts(out / "graph.html")
    assert page_line == line
    assert report_counts(out) == {line}
    expected = rdf_counts(out / "graph.ttl")
    assert {k: counts[k] for k in expected} == expected and expected["documents"] == 2 and expected["officials"] == 2
    assert line == (f"2 documents, {counts['actors']} actors (2 officials), {counts['relations']} relations, "
                    f"{expected['interactions']} interactions")
    # and the page draws exactly what it counts
    data = json.loads(DATA_RE.search((out / "graph.html").read_text(encoding="utf-8")).group(1))
    assert (len(data["documents"]), len(data["nodes"]), len(data["edges"])) == (2, counts["actors"], counts["relations"])
    assert {"USA", "ISR", "IRN", "OMN", "P_Abbas_Araghchi", "P_Benjamin_Netanyahu"} <= {n["id"] for n in data["nodes"]}


def test_render_and_report_commands_read_a_store_built_elsewhere(seed_build, tmp_path):
    out, stdout = seed_build
    line = COUNTS_RE.search(stdout).group(0)
    store = tmp_path / "elsewhere" / "store"
    shutil.copytree(out / "store", store)
    r = run("render", "--store", str(store))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"wrote {store.parent / 'graph.html'}: {line}"  # beside the store, not in the cwd
    assert page_counts(store.parent / "graph.html")[0] == line
    r = run("report", "--store", str(store), "-o", str(tmp_path / "brief"))
    assert r.returncode == 0, r.stderr
    assert report_counts(tmp_path / "brief") == {line}
    assert sorted(p.name for p in (tmp_path / "brief").iterdir()) == sorted(
        ["report.md", "report.html", "centrality.png", "dyads.png", "graph.png"])
    r = run("render", str(out / "graph.ttl"), "-o", str(tmp_path / "page.html"), "--max-nodes", "3")
    assert r.returncode == 0 and "4 less central actors left out" in r.stdout
    assert page_counts(tmp_path / "page.html")[0] == line  # counts are of the graph, not of the cut
    r = run("render", "--store", str(tmp_path / "nothing-here"))
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr


def test_outputs_go_beside_the_store_and_a_remote_store_needs_a_folder(tmp_path):
    assert default_out(str(tmp_path / "corpus" / "store")) == (tmp_path / "corpus").resolve()
    assert default_out(str(tmp_path / "corpus" / "graph.ttl")) == (tmp_path / "corpus").resolve()
    with pytest.raises(InputError, match="name the output folder with -o DIR"):
        default_out("sparql+http://127.0.0.1:7878/query")


def test_ingest_refreshes_the_page_and_report_beside_the_store(seed_build, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, stem in ((first, "000_6be235a7fb228b2a"), (second, "001_cdfa9290fd9a2767")):
        folder.mkdir()
        for suffix in (".txt", ".meta.json"):
            shutil.copy(ROOT / "seeds" / (stem + suffix), folder)
    out = tmp_path / "out"
    r = run("build", str(first), "-o", str(out), "--reference-date", "2026-11-23")
    assert r.returncode == 0, r.stderr
    assert page_counts(out / "graph.html")[1]["documents"] == 1
    r = run("ingest", str(second), "--store", str(out / "store"), "--reference-date", "2026-11-23")
    assert r.returncode == 0, r.stderr
    line = COUNTS_RE.search(seed_build[1]).group(0)  # what a build of both articles says
    assert f"the store now holds {line}" in r.stdout
    assert f"wrote {out / 'graph.html'}" in r.stdout
    assert page_counts(out / "graph.html")[0] == line
    assert report_counts(out) == {line}
    assert "Oman" in (out / "report.md").read_text(encoding="utf-8")


def test_help_imports_neither_spacy_nor_rdflib():
    # what makes `actorgraph --help` slow is loading spaCy/rdflib; the behaviour, not a timing, is tested
    probe = ("import sys\nfrom graph.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
             "heavy = [m for m in ('spacy', 'rdflib', 'networkx', 'matplotlib', 'pyoxigraph') if m in sys.modules]\n"
             "print('HEAVY', heavy)")
    for args in ([], ["build"], ["ingest"], ["render"], ["report"], ["evaluate"]):
        r = subprocess.run([sys.executable, "-c", probe, *args, "--help"], cwd=ROOT, capture_output=True, text=True,
                           timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert "usage: actorgraph" in r.stdout, r.stderr
        assert r.stdout.strip().splitlines()[-1] == "HEAVY []", (args, r.stdout[-200:])


def test_unsupported_files_are_named_in_one_line(tmp_path):
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(ROOT / "seeds" / "000_6be235a7fb228b2a.txt", folder)
    shutil.copy(ROOT / "seeds" / "000_6be235a7fb228b2a.meta.json", folder)  # a sidecar is not skipped: it is read
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    (folder / "sub" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (folder / ".DS_Store").write_bytes(b"\x00")
    r = run("build", str(folder), "-o", str(tmp_path / "out"), "--store", "none")
    assert r.returncode == 0, r.stderr
    warnings = [ln for ln in r.stderr.splitlines() if ln.startswith("warning:")]
    from graph.ingest import SUFFIXES

    assert warnings == [f"warning: skipped 2 unsupported files: {folder / 'scan.pdf'}, {folder / 'sub' / 'photo.jpg'} "
                        f"(read: {', '.join(sorted(SUFFIXES))})"]


def test_progress_bar_with_eta_on_a_terminal_only(tmp_path):
    import fcntl
    import pty
    import struct
    import termios

    def build(out: Path, tty: bool) -> str:
        cmd = [sys.executable, "-m", "graph.cli", "build", str(ROOT / "seeds"), "-o", str(out), "--store", "none"]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        if not tty:
            return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300, env=env).stderr
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal has a size
        proc = subprocess.Popen(cmd, cwd=ROOT, stdin=slave, stdout=subprocess.DEVNULL, stderr=slave, env=env)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        assert proc.wait(timeout=300) == 0
        os.close(master)
        return b"".join(chunks).decode("utf-8", "replace")

    on_tty = build(tmp_path / "a", tty=True)
    assert re.search(r"extracting: +\d+%\|.*\| \d/2 \[\d\d:\d\d<\d\d:\d\d", on_tty), on_tty[-500:]  # count, ETA
    assert "extracting" not in build(tmp_path / "b", tty=False)


@pytest.mark.slow
def test_a_wheel_ships_the_page_code(tmp_path):
    """A non-editable install finds the page's static files: the wheel holds them and they load
    from it (zipimport, the checkout off the path)."""
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
                       capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    (wheel,) = tmp_path.glob("actorgraph-*.whl")
    probe = ("import graph.views.render_page as r, sys\nassert 'site-packages' not in r.__file__ and '.whl' in r.__file__\n"
             "print(len(r.static_text('page.js')), len(r.static_text('page.css')), len(r.static_text('page.html')))")
    r = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                       env={**{k: v for k, v in os.environ.items() if k != "PYTHONPATH"}, "PYTHONPATH": str(wheel),
                            "PYTHONNOUSERSITE": "1"})
    assert r.returncode == 0, r.stderr
    sizes = [int(x) for x in r.stdout.split()]
    assert all(n > 1000 for n in sizes)
    shutil.rmtree(ROOT / "build", ignore_errors=True)  # setuptools' scratch folder in the checkout
