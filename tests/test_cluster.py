"""Extraction on a real Dask cluster (#14): a ``dask scheduler`` and two ``dask worker`` processes on
loopback; the build's outputs equal a build in one process, triple for triple."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="dask[distributed] is not installed (pip install -e '.[test]')")

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
REFERENCE = "2026-11-23"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _dask() -> str:
    exe = shutil.which("dask") or str(Path(sys.executable).parent / "dask")
    if not Path(exe).exists():
        pytest.skip("the dask command (pip install 'dask[distributed]') is not installed")
    return exe


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A scheduler and two single-threaded workers, each its own process, on loopback."""
    from distributed import Client

    port, logs = _free_port(), tmp_path_factory.mktemp("dask")
    address = f"tcp://127.0.0.1:{port}"
    procs = [subprocess.Popen([_dask(), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                              stdout=subprocess.DEVNULL, stderr=open(logs / "scheduler.log", "wb"), env=ENV)]
    try:
        for k in range(2):
            procs.append(subprocess.Popen(
                [_dask(), "worker", address, "--nthreads", "1", "--name", f"w{k}", "--no-dashboard",
                 "--host", "127.0.0.1"], stdout=subprocess.DEVNULL, stderr=open(logs / f"w{k}.log", "wb"), env=ENV))
        with Client(address, timeout="60s", set_as_default=False) as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()


def corpus(tmp_path: Path) -> Path:
    """The seeds and 20 passages of the development set: enough documents for both workers."""
    import json

    folder = tmp_path / "corpus"
    folder.mkdir()
    for f in (ROOT / "seeds").iterdir():
        shutil.copy(f, folder)
    lines = (ROOT / "tests" / "data" / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:20]
    rows = [{k: v for k, v in json.loads(line).items() if k in ("id", "title", "date", "text")} for line in lines]
    (folder / "dev.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return folder


def quads(out: Path) -> list[str]:
    """Every quad of the build's store, sorted, without the meta graph (its generation id and time differ)."""
    import pyoxigraph as ox

    store = ox.Store.read_only(str(out / "store"))
    meta = "https://w3id.org/actorgraph/graph/meta"
    return sorted(str(q) for q in store if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == meta))


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=900, env=env or ENV)


@pytest.mark.slow
def test_a_build_on_the_cluster_equals_a_build_in_one_process(cluster, tmp_path):
    from distributed import Client

    from graph.cluster import worker_documents

    folder = corpus(tmp_path)
    here, there = tmp_path / "here", tmp_path / "there"
    r = cli("build", str(folder), "-o", str(here), "--reference-date", REFERENCE)
    assert r.returncode == 0, r.stderr
    r = cli("build", str(folder), "-o", str(there), "--reference-date", REFERENCE, "--cluster", cluster)
    assert r.returncode == 0, r.stderr
    mine, theirs = quads(here), quads(there)
    assert len(mine) > 1000 and mine == theirs
    assert r.stdout.splitlines()[0].split(" in ")[0] == cli_line(here)
    with Client(cluster, timeout="30s", set_as_default=False) as client:
        per_worker = client.run(worker_documents)
    assert len(per_worker) == 2 and all(n > 0 for n in per_worker.values()), per_worker  # both worked
    assert sum(per_worker.values()) >= 22


def cli_line(out: Path) -> str:
    """The summary line the page of a build carries (the CLI's line without its time)."""
    import json
    import re

    html = (out / "graph.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="ag-data">(.*?)</script>', html, re.S).group(1))
    return data["countsLine"] + " (" + ", ".join(f"{k} {v}" for k, v in sorted(modality_counts(out).items())) + ")"


def modality_counts(out: Path) -> dict[str, int]:
    import pyoxigraph as ox

    store = ox.Store.read_only(str(out / "store"))
    rows = store.query("SELECT ?m (COUNT(*) AS ?n) WHERE { ?i <https://w3id.org/actorgraph/ontology#modality> ?m } "
                       "GROUP BY ?m", use_default_graph_as_union=True)
    return {r["m"].value.rsplit("#", 1)[1].lower(): int(r["n"].value) for r in rows}


@pytest.mark.slow
def test_ingest_on_the_cluster_named_by_the_environment(cluster, tmp_path):
    folder = corpus(tmp_path)
    out = tmp_path / "out"
    r = cli("build", str(ROOT / "seeds"), "-o", str(out), "--reference-date", REFERENCE)
    assert r.returncode == 0, r.stderr
    r = cli("ingest", str(folder / "dev.jsonl"), "--store", str(out / "store"), "--reference-date", REFERENCE,
            env={**ENV, "ACTORGRAPH_CLUSTER": cluster})
    assert r.returncode == 0, r.stderr
    assert "20 documents: 20 added" in r.stdout
    assert "the store now holds 22 documents" in r.stdout


def test_an_unreachable_cluster_is_one_line_and_writes_nothing(tmp_path):
    out = tmp_path / "out"
    r = cli("build", str(ROOT / "seeds"), "-o", str(out), "--cluster", f"tcp://127.0.0.1:{_free_port()}")
    assert r.returncode == 2, r.stderr
    assert r.stderr.count("\n") == 1 and "cannot reach the Dask scheduler" in r.stderr and "Traceback" not in r.stderr
    assert not (out / "store").exists() and not (out / "graph.ttl").exists()
