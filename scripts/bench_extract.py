"""Benchmark: extraction throughput against the bare spaCy parser, measured in the same run.

    python scripts/bench_extract.py            # 1,000 article-length documents
    python scripts/bench_extract.py --docs 200 # quicker

It builds a deterministic corpus of article-length documents (3-5 kB each) by shuffling the paragraphs
of the seed articles and the passages of the development set, then reports documents/second for

* ``bare``: ``nlp.pipe`` of the same spaCy model, without actorgraph's entity ruler (the baseline);
* ``extract x1``: actorgraph's whole extraction (ruler + rules) in one process;
* ``extract x2``: the same with ``--workers 2`` (parse and rules in two processes), timed warm like
  the one-process run (pipelines loaded before the clock starts), and cold (starting the workers too);

and the ratios extract/bare (target ≥ 0.8) and x2/x1 (target ≥ 1.6). Figures vary with the machine, so
only ratios measured in one run are comparable; nothing here is asserted by the test suite.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph import gazetteer  # noqa: E402
from graph.extract import ExtractorPool, extract, extract_parallel  # noqa: E402
from graph.ingest import make_document  # noqa: E402
from graph.nlp import get_pipeline, model_name  # noqa: E402


def corpus(n: int, seed: int = 7) -> list:
    paragraphs = []
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        paragraphs += [x for x in p.read_text(encoding="utf-8").split("\n") if x.strip()]
    for line in (ROOT / "tests" / "data" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            paragraphs.append(json.loads(line)["text"])
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        size = rng.randint(3000, 5000)
        parts, length = [], 0
        while length < size:
            para = rng.choice(paragraphs)
            parts.append(para)
            length += len(para)
        docs.append(make_document("\n".join(parts), date="2026-02-05", source=f"bench:{i}"))
    return docs


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()

    import spacy

    docs = corpus(args.docs)
    chars = sum(len(d.text) for d in docs)
    gz = gazetteer.load()
    bare = spacy.load(model_name())
    nlp = get_pipeline(gz)
    warm = docs[:20]
    list(bare.pipe(d.text for d in warm))
    list(extract(warm, nlp, gz))

    t_bare = timed(lambda: list(bare.pipe(d.text for d in docs)))
    n_found = []
    t_one = timed(lambda: n_found.append(sum(len(ex.interactions) for ex in extract(docs, nlp, gz))))
    t_two = t_cold = float("nan")
    if args.workers > 1:
        # Like the one-worker run (whose pipeline is loaded before the clock starts), the workers are
        # started and warmed first; the cold figure, which includes starting them, is printed too.
        with ExtractorPool(workers=args.workers) as pool:
            pool.warm()
            t_two = timed(lambda: pool.extract(docs))
        t_cold = timed(lambda: extract_parallel(docs, workers=args.workers))

    rate = lambda t: len(docs) / t  # noqa: E731
    print(f"corpus: {len(docs)} documents, {chars / len(docs):.0f} characters each on average, "
          f"{n_found[0]} interactions found; model {model_name()}")
    print()
    print("| run | seconds | documents/s | ratio |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| bare `nlp.pipe` (baseline) | {t_bare:.1f} | {rate(t_bare):.1f} | 1.00 |")
    print(f"| extract, 1 worker | {t_one:.1f} | {rate(t_one):.1f} | {t_bare / t_one:.2f} of bare |")
    if args.workers > 1:
        print(f"| extract, {args.workers} workers (warm, like the runs above) | {t_two:.1f} | {rate(t_two):.1f} "
              f"| {t_one / t_two:.2f}× one worker |")
        print(f"| extract, {args.workers} workers, cold (including starting them) | {t_cold:.1f} | {rate(t_cold):.1f} "
              f"| {t_one / t_cold:.2f}× one worker |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
