"""scripts/bench_memory.py: the copies it feeds a build are the extracted documents under new ids, and
a smoke run measures every stage (its figures belong in the README, not here)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.sources.inputs import read_inputs
from render_fixtures import seed_extractions

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import bench_memory  # noqa: E402


def test_each_copy_is_its_original_extraction_under_the_copy_id(tmp_path):
    originals = seed_extractions()
    corpus = tmp_path / "copies.jsonl"
    bench_memory.write_corpus(corpus, originals, 5)
    docs = read_inputs([corpus])
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    assert len(docs) == len(set(texts)) == 5
    copies = bench_memory.replay(originals)(docs)
    for k, (doc, ex) in enumerate(zip(docs, copies)):
        original = originals[k % len(originals)]
        assert ex.document is doc and doc.text.startswith(original.document.text)
        assert {ix.doc_id for ix in ex.interactions} | {s.doc_id for s in ex.sentences} == {doc.id}
        assert [(ix.source, ix.relation, ix.target, ix.trigger_start) for ix in ex.interactions] == \
            [(ix.source, ix.relation, ix.target, ix.trigger_start) for ix in original.interactions]


@pytest.mark.slow
def test_a_smoke_run_measures_every_stage():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_memory.py"), "--documents", "20",
                           "--sources", "seeds"], capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    row = next(line for line in proc.stdout.splitlines() if line.startswith("| 20 |")).strip("| ").split(" | ")
    peaks = [float(x) for x in row[2:2 + len(bench_memory.STAGES)]]
    assert int(row[1].replace(",", "")) > 20 and all(0.05 < p < 8 for p in peaks)  # GB, every stage sampled
