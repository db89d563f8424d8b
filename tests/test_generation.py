"""The store and the build's files as one generation; readers that take no write lock; damaged stores.

#13 items 7, 9 and 11, on the real Oxigraph store and the real command line:

* SIGINT or ``kill -9`` at any point of a build or an ingest leaves outputs that agree with each
  other (the previous generation, or the new one), or that ``validate`` reports - and the next build
  or ingest puts right;
* ``query``/``export``/``validate`` open the store read-only: a concurrent ingest waits for them instead
  of failing after its work, readers do not block each other, a read-only store can be queried;
* a store RocksDB cannot read is one line naming the store and what to do.
"""
from __future__ import annotations

import contextlib
import csv
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph import outputs
from graph.store import directory as storedir
from graph.store import store as store_mod
from graph.cli import main
from graph.errors import StoreError
from graph.namespaces import ANALYSIS_GRAPH
from graph.pipeline import build, ingest_files

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
REFERENCE = "2026-11-23"
DOCS = {
    "a.txt": "Iran backs the Houthis. Saudi Arabia attacked the Houthis in Yemen on Monday.",
    "b.txt": "Qatar mediated talks between Israel and Hamas. Egypt mediated between Israel and Hamas too.",
    "c.txt": "The United States pressed Israel not to strike Iran. Oman mediated talks between Iran and the United States.",
}

KILLER = """
import importlib, os, signal, sys
target, when = sys.argv[1], sys.argv[2]
module_name, attr = target.split(":")
owner = importlib.import_module(module_name)
if "." in attr:
    cls, attr = attr.split(".")
    owner = getattr(owner, cls)
original = getattr(owner, attr)

def killer(*args, **kwargs):
    if when == "before":
        os.kill(os.getpid(), signal.SIGKILL)
    result = original(*args, **kwargs)
    os.kill(os.getpid(), signal.SIGKILL)
    return result

setattr(owner, attr, killer)
from graph.cli import main
sys.exit(main(sys.argv[3:]))
"""


def cli(*args: str, killer: tuple[str, str] | None = None) -> subprocess.CompletedProcess:
    prefix = ["-c", KILLER, *killer] if killer else ["-m", "graph.cli"]
    return subprocess.run([sys.executable, *prefix, *args], cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env=ENV)


def corpus(tmp_path: Path, names: tuple[str, ...] = ("a.txt", "b.txt")) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / name).write_text(DOCS[name], encoding="utf-8")
    return folder


def rows(source: Path, name: str = "brokers") -> list[list[str]]:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(["query", str(source), "--name", name, "--format", "csv"]) == 0
    return list(csv.reader(io.StringIO(buf.getvalue())))


def interactions(source: Path) -> int:
    return len(rows(source, "interactions")) - 1


def n_documents(store: Path) -> int:
    with store_mod.open_source(store) as st:
        return len(store_mod.documents(st))


def validate_exit(source: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["validate", str(source)])
    return code, out.getvalue() + err.getvalue()


def assert_store_whole(store: Path) -> int:
    """The store opens for readers and is one complete generation (its analysis covers exactly its
    documents); its number of documents."""
    from graph.store import generation

    with store_mod.open_source(store) as st:
        assert generation.problems(st) == []
        return len(store_mod.documents(st))


def assert_store_consistent(store: Path, documents: int) -> None:
    """The store is one complete generation, validate says so, and nothing is left beside it."""
    assert assert_store_whole(store) == documents
    code, text = validate_exit(store)
    assert code == 0 and "Warning" not in text, text
    leftovers = [p.name for p in store.parent.iterdir() if p.name.startswith((".staging-", f".{store.name}.new-",
                                                                               f".{store.name}.old-"))]
    assert leftovers == []


def assert_one_generation(out: Path, documents: int) -> None:
    """The store and the build's files are the same generation, complete, and validate says so."""
    assert_store_consistent(out / "store", documents)
    assert rows(out / "store") == rows(out / "graph.ttl")
    assert interactions(out / "store") == interactions(out / "graph.ttl") > 0
    code, text = validate_exit(out / "graph.ttl")
    assert code == 0, text
    assert outputs.problems(out, lambda _s: None) == []


@pytest.fixture()
def built(tmp_path) -> Path:
    """A build of two documents, the corpus grown to three afterwards."""
    folder = corpus(tmp_path)
    out = tmp_path / "out"
    build([folder], out, reference_date=REFERENCE, report=False)
    (folder / "c.txt").write_text(DOCS["c.txt"], encoding="utf-8")
    return out


# ---------------------------------------------------------------- interruptions (#13 item 11)


def test_ctrl_c_during_the_store_write_leaves_the_previous_generation(built, monkeypatch):
    """SIGINT after the files were written left a store without its analysis graph (brokers: 0 rows,
    5 in graph.ttl), and validate still said it conformed."""
    from graph.store import rdf

    before = (built / "graph.ttl").read_bytes()
    assert_one_generation(built, 2)

    def interrupted(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - Ctrl-C lands while the store is written
        raise KeyboardInterrupt

    monkeypatch.setattr(rdf, "ontology_graph", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build([built.parent / "corpus"], built, reference_date=REFERENCE, report=False)
    assert (built / "graph.ttl").read_bytes() == before  # the files were not replaced either
    assert_one_generation(built, 2)
    monkeypatch.undo()
    build([built.parent / "corpus"], built, reference_date=REFERENCE, report=False)
    assert_one_generation(built, 3)


@pytest.mark.slow
@pytest.mark.parametrize("target,when", [
    ("graph.store.write:DocumentWriter.flush", "after"),  # a batch of documents written, analysis not yet
    ("graph.store.rdf:ontology_graph", "before"),  # mid store write
    ("graph.outputs:Staging.publish", "before"),  # store swapped in, files not yet published
    ("graph.outputs:_move", "after"),  # half the files published
])
def test_kill_9_mid_rebuild_leaves_one_generation_or_a_reported_one(built, target, when):
    """``kill -9`` mid-rebuild left graph.ttl, the store and the page from different states."""
    r = cli("build", str(built.parent / "corpus"), "-o", str(built), "--reference-date", REFERENCE, "--no-validate",
            killer=(target, when))
    assert r.returncode == -signal.SIGKILL, r.stderr
    documents = assert_store_whole(built / "store")  # the store is always one whole generation
    code, text = validate_exit(built / "graph.ttl")
    if documents == 2:  # killed before the commit point: the previous generation, files and store
        assert rows(built / "store") == rows(built / "graph.ttl") and code == 0, text
    else:  # after it: the files lag behind the store, and validate says so
        assert documents == 3 and code == 1 and "were not all published" in text, text
    build([built.parent / "corpus"], built, reference_date=REFERENCE, report=False)
    assert_one_generation(built, 3)


@pytest.mark.slow
def test_the_next_command_publishes_the_files_of_a_build_killed_after_its_store(built):
    """The commit point passed (store swapped in): the next build or ingest rolls the files forward."""
    r = cli("build", str(built.parent / "corpus"), "-o", str(built), "--reference-date", REFERENCE, "--no-validate",
            killer=("graph.outputs:_move", "after"))
    assert r.returncode == -signal.SIGKILL, r.stderr
    generation = storedir.read_state(built / "store")["generation"]
    assert "1 unchanged" in cli("ingest", str(built.parent / "corpus" / "a.txt"), "--store", str(built / "store")).stdout
    assert outputs.problems(built, lambda _s: None) == [] and not list(built.glob(".staging-*"))
    assert generation in (built / "graph.ttl").read_text(encoding="utf-8")  # the killed build's files, all
    assert interactions(built / "graph.ttl") > 0 and "Oman" in (built / "graph.ttl").read_text(encoding="utf-8")


@pytest.mark.slow
def test_kill_9_mid_ingest_leaves_the_store_as_it_was(built):
    """A killed ingest left documents whose analysis was never computed (a stale analysis graph)."""
    r = cli("ingest", str(built.parent / "corpus" / "c.txt"), "--store", str(built / "store"),
            "--reference-date", REFERENCE, killer=("graph.store.write:DocumentWriter.flush", "after"))
    assert r.returncode == -signal.SIGKILL, r.stderr
    assert assert_store_whole(built / "store") == 2  # as it was, its analysis intact
    assert rows(built / "store") == rows(built / "graph.ttl")
    assert "1 added" in cli("ingest", str(built.parent / "corpus" / "c.txt"), "--store", str(built / "store"),
                            "--reference-date", REFERENCE).stdout
    assert_store_consistent(built / "store", 3)  # and the killed ingest's copy is gone


def test_validate_reports_a_missing_or_stale_analysis_graph(built):
    sys.path.insert(0, str(Path(__file__).parent / "data" / "store"))
    import store_sample

    with store_mod.open_store(built / "store") as st:  # written in place, as a library caller may
        iri, graph, source = next(iter(store_sample.document_graphs()))
        store_mod.put_document(st, iri, graph, source)
    code, text = validate_exit(built / "store")
    assert code == 1 and "the analysis graph is stale" in text and "2 then, 3 now" in text, text
    with store_mod.open_store(built / "store") as st:
        store_mod.drop_graph(st, ANALYSIS_GRAPH)
    code, text = validate_exit(built / "store")
    assert code == 1 and "no analysis graph" in text, text


def test_a_build_records_its_generation_in_its_files_and_store(built):
    manifest = (built / outputs.MANIFEST).read_text(encoding="utf-8")
    state = storedir.read_state(built / "store")
    assert state["complete"] and state["generation"] in manifest
    assert state["generation"] in (built / "graph.ttl").read_text(encoding="utf-8")  # the meta graph
    (built / "graph.html").write_text("<html>another build</html>", encoding="utf-8")
    code, text = validate_exit(built / "graph.ttl")
    assert code == 1 and "graph.html: not the file of generation" in text, text


# ---------------------------------------------------------------- read-only readers (#13 item 7)


def test_readers_do_not_block_each_other_and_an_ingest_waits_for_them(built):
    """``query``/``export``/``validate`` opened the store read-write: a concurrent ingest failed after
    its extraction, and two readers could not read at once."""
    first = store_mod.open_source(built / "store")
    second = store_mod.open_source(built / "store")  # a second reader at the same time
    assert len(store_mod.documents(first)) == len(store_mod.documents(second)) == 2
    proc = subprocess.Popen([sys.executable, "-m", "graph.cli", "ingest", str(built.parent / "corpus" / "c.txt"),
                             "--store", str(built / "store"), "--reference-date", REFERENCE, "--wait", "120"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    time.sleep(8)  # the ingest extracts, then waits to swap its generation in while the readers read
    assert proc.poll() is None and len(store_mod.documents(first)) == 2
    first.close()
    second.close()
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0 and "1 added" in out, err
    assert_store_consistent(built / "store", 3)


def test_a_second_writer_waits_before_its_work_and_fails_in_one_line_when_the_wait_ends(built):
    holder = storedir.acquire(built / "store", "write.lock", True, 0, "test")
    try:
        started = time.monotonic()
        r = cli("ingest", str(built.parent / "corpus" / "c.txt"), "--store", str(built / "store"), "--wait", "1")
        assert r.returncode == 2 and r.stderr.count("\n") == 1, r.stderr
        assert "is in use: another build or ingest is writing it (waited 1 s)" in r.stderr
        assert time.monotonic() - started < 60  # it gave up before extracting, not after
    finally:
        holder.release()
    assert n_documents(built / "store") == 2


def test_a_read_only_store_can_be_queried(built):
    """A store the user cannot write (a read-only disk, another user's folder) could not be queried:
    every reader opened it read-write."""
    from test_ingest import as_nobody

    import shutil
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="ag-readonly-"))  # where another user can reach it
    try:
        shutil.copytree(built / "store", base / "store")
        for path in [base, *base.rglob("*")]:
            os.chmod(path, 0o755 if path.is_dir() else 0o644)  # readable, not writable, by another user

        def query_as_nobody() -> tuple[int, str]:
            buf, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(err):
                code = main(["query", "--store", str(base / "store"), "--name", "mediators", "--format", "csv"])
            return code, buf.getvalue() + err.getvalue()

        answer = as_nobody(query_as_nobody)
        assert answer.startswith("ok (0, ") and "QAT" in answer, answer
    finally:
        shutil.rmtree(base, ignore_errors=True)


# ---------------------------------------------------------------- damaged stores (#13 item 9)


def _truncate_current(store: Path) -> None:
    (store / "CURRENT").write_bytes((store / "CURRENT").read_bytes()[:3])


def _truncate_manifest(store: Path) -> None:
    manifest = next(store.glob("MANIFEST-*"))
    manifest.write_bytes(manifest.read_bytes()[: manifest.stat().st_size // 2])


def _truncate_sst(store: Path) -> None:
    biggest = max(store.glob("*.sst"), key=lambda p: p.stat().st_size)
    biggest.write_bytes(biggest.read_bytes()[: biggest.stat().st_size // 2])


@pytest.mark.parametrize("damage", [_truncate_current, _truncate_manifest, _truncate_sst],
                         ids=["CURRENT", "MANIFEST", "sst"])
def test_a_damaged_store_is_one_line_naming_the_store_and_what_to_do(built, tmp_path, damage):
    """A truncated CURRENT or .sst was a RuntimeError traceback; a truncated MANIFEST opened an older,
    emptier state without a word."""
    store = built / "store"
    damage(store)
    for args in (["query", "--store", str(store), "--name", "brokers"],
                 ["export", "--store", str(store), "-o", str(tmp_path / "x.nq")],
                 ["ingest", str(built.parent / "corpus" / "c.txt"), "--store", str(store)],
                 ["serve", "--store", str(store), "--port", "0"]):
        r = cli(*args)
        assert r.returncode == 2 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr, (args, r.stderr)
        assert f"store {store}" in r.stderr and "damaged" in r.stderr and "actorgraph build" in r.stderr, r.stderr
    code, text = validate_exit(store)
    assert code in (1, 2) and "damaged" in text and "Traceback" not in text
    assert not (tmp_path / "x.nq").exists()
    build([built.parent / "corpus"], built, reference_date=REFERENCE, report=False)  # a build writes it anew
    assert_one_generation(built, 3)


def test_open_source_refuses_a_directory_that_is_not_a_store(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.txt").write_text("x")
    with pytest.raises(StoreError, match="not a store directory"):
        store_mod.open_source(tmp_path / "notes")
