#!/usr/bin/env python3
"""Benchmark: the peak memory of a whole ``build`` at corpus sizes spaCy would take hours to reach,
stage by stage, in the build's own process.

    python scripts/bench_memory.py --documents 30000          # ~320,000 interactions, a few minutes
    python scripts/bench_memory.py --documents 300 1000        # a quick run

Why: issue #14 asks for a peak RSS of at most 2 GB at 100,000 short documents, and a run of that
size spends most of its time parsing. What grows with the corpus is what the build's main process
keeps after the parse - the write stream, the analysis, the page - so this benchmark leaves the
parse out: the seeds and the development sets (tests/data/dev*.jsonl, ~11 interactions a document, about
what three short documents give) are extracted once (in a child process, so that spaCy's memory is
not counted), and the build is then fed copies of those extractions, each under a new document id
and with a text of its own (the original, then "(copy k)"), through the real ``graph.pipeline.build``
with only ``graph.stream.extractor`` replaced. The build runs in this process, with one worker (the
main process does every stage), and a thread samples its RSS every 0.1 s, keeping the peak of each
stage: write (extraction records into the store), derive, analyse, write-back (the analysis as RDF,
committed), export, views (page and report), publish (the rest: between stages and at the end).
Figures are for the README; nothing here is asserted by the test suite. Needs ``psutil``.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import pickle
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("seeds", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests" / "data").glob("dev*.jsonl")))
REFERENCE = "2026-02-05"
STAGES = ("write", "derive", "analyse", "write-back", "export", "views", "publish")
_COPY = "\n\n(copy {k})"


# ------------------------------------------------------------------------------ the extractions


def extract_sources(path: Path, sources: tuple[str, ...] = SOURCES) -> None:
    """In a child process: extract ``sources`` once, for real, and pickle the extraction records."""
    sys.path.insert(0, str(ROOT))
    from graph.sources.inputs import read_inputs
    from graph.stream import extractor

    docs = read_inputs([ROOT / s for s in sources])
    with extractor(reference_date=REFERENCE) as (run, _elsewhere):
        found = run(docs)
    path.write_bytes(pickle.dumps(found))


def cached_extractions(work: Path, sources: tuple[str, ...] = SOURCES) -> list:
    """The extraction records of ``sources``, made in a child process (spaCy's memory is its own)."""
    path = work / "extractions.pickle"
    subprocess.run([sys.executable, __file__, "--extract", str(path), *sources], check=True, cwd=ROOT)
    return pickle.loads(path.read_bytes())


def write_corpus(path: Path, extractions: list, n: int) -> None:
    """``n`` documents as JSONL: the extracted documents in turn, each copy's text its own."""
    with path.open("w", encoding="utf-8") as f:
        for k in range(n):
            doc = extractions[k % len(extractions)].document
            f.write(json.dumps({"id": f"{doc.id}-c{k}", "text": doc.text + _COPY.format(k=k), "title": doc.title,
                                "date": doc.date or REFERENCE}) + "\n")


def replay(extractions: list) -> Callable[[list], list]:
    """An extractor that answers each document of a corpus from ``write_corpus`` with its original's
    extraction, moved to the copy's document id."""
    by_text = {ex.document.text: ex for ex in extractions}

    def copy(doc) -> object:  # noqa: ANN001 - a graph.model.Document
        ex = by_text[doc.text[:doc.text.rindex("\n\n(copy ")]]
        return dataclasses.replace(
            ex, document=doc,
            sentences=[dataclasses.replace(s, doc_id=doc.id) for s in ex.sentences],
            interactions=[dataclasses.replace(ix, doc_id=doc.id) for ix in ex.interactions])

    return lambda docs: [copy(d) for d in docs]


# ------------------------------------------------------------------------------------ measuring


class Sampler:
    """The process's RSS every ``every`` seconds, the peak kept per stage (``stage`` says which)."""

    def __init__(self, every: float = 0.1) -> None:
        import psutil

        self.process = psutil.Process()
        self.every = every
        self.stage = "start"
        self.peaks: dict[str, int] = {}
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._done.is_set():
            self.sample()
            self._done.wait(self.every)

    def sample(self) -> None:
        rss = self.process.memory_info().rss
        self.peaks[self.stage] = max(self.peaks.get(self.stage, 0), rss)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._thread.join()
        self.sample()


def _staged(sampler: Sampler, name: str, fn: Callable) -> Callable:
    """``fn`` with the sampler's stage set to ``name`` while it runs (sampled on entry and exit)."""
    def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        sampler.sample()
        sampler.stage = name
        try:
            return fn(*args, **kwargs)
        finally:
            sampler.sample()
            sampler.stage = "publish"  # until the next stage: what the build does between them and at the end
    return wrapper


@contextmanager
def patched(sampler: Sampler, extractions: list) -> Iterator[None]:
    """The build's extractor replaced by ``replay``, and its stages wrapped for the sampler."""
    sys.path.insert(0, str(ROOT))
    from graph import analyse, stream
    from graph.store import export, generation, read, store
    from graph.views import outputs

    @contextmanager
    def extractor(**_options):  # noqa: ANN003, ANN202
        yield replay(extractions), False

    targets = [(stream, "extractor", extractor), (stream, "write", _staged(sampler, "write", stream.write)),
               (store, "refresh_derived", _staged(sampler, "derive", store.refresh_derived)),
               (read, "analyse_store", _staged(sampler, "analyse", read.analyse_store)),
               (analyse, "write_back", _staged(sampler, "write-back", analyse.write_back)),
               (generation, "commit", _staged(sampler, "write-back", generation.commit)),
               (export, "export_trig_and_turtle", _staged(sampler, "export", export.export_trig_and_turtle)),
               (outputs, "write_views", _staged(sampler, "views", outputs.write_views))]
    saved = [(module, name, getattr(module, name)) for module, name, _new in targets]
    for module, name, new in targets:
        setattr(module, name, new)
    try:
        yield
    finally:
        for module, name, old in saved:
            setattr(module, name, old)


def measured(work: Path, extractions: list, n: int) -> dict:
    """One build of ``n`` copied documents in this process: peaks per stage, times, interactions."""
    from graph.pipeline import build

    corpus = work / f"copies-{n}.jsonl"
    write_corpus(corpus, extractions, n)
    with Sampler() as sampler, patched(sampler, extractions):
        started = time.perf_counter()
        result = build([corpus], work / f"out-{n}", reference_date=REFERENCE, keep_extractions=False)
        seconds = time.perf_counter() - started
    return {"documents": n, "interactions": sum(result.modalities.values()), "seconds": seconds,
            "stages": result.stages, "peaks": sampler.peaks, "peak": max(sampler.peaks.values()),
            "load": os.getloadavg()[1]}


def report(found: dict) -> str:
    """One Markdown row: documents, interactions, peak RSS per stage and overall (GB), seconds, load."""
    gb = lambda b: f"{b / 2**30:.2f}"  # noqa: E731
    cells = [f"{found['documents']:,}", f"{found['interactions']:,}"]
    cells += [gb(found["peaks"].get(s, 0)) for s in STAGES]
    cells += [gb(found["peak"]), f"{found['seconds']:.1f}", f"{found['load']:.1f}"]
    return "| " + " | ".join(cells) + " |"


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--extract":
        extract_sources(Path(sys.argv[2]), tuple(sys.argv[3:]) or SOURCES)
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, nargs="+", default=[30000], help="corpus sizes (one build each)")
    ap.add_argument("--sources", nargs="+", default=list(SOURCES), help="what is extracted once and copied (paths under the repository)")
    ap.add_argument("--keep", type=Path, help="write the corpora and the builds' outputs (their stores) here and keep them")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        extractions = cached_extractions(work, tuple(args.sources))
        print("| documents | interactions | " + " | ".join(f"peak in {s} GB" for s in STAGES)
              + " | peak GB | seconds | load |")
        print("| ---: " * (len(STAGES) + 5) + "|")
        for n in args.documents:
            found = measured(work, extractions, n)
            print(f"[{time.strftime('%H:%M:%S')}] {json.dumps(found)}", file=sys.stderr)
            print(report(found), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
