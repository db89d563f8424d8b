"""Score the extractor on several gold sets at once and print one row per set.

    python scripts/eval_sets.py tests/data/*.jsonl
    python scripts/eval_sets.py tests/data/dev.jsonl --snapshot before.json   # keep every prediction
    python scripts/eval_sets.py tests/data/dev.jsonl --compare before.json    # what changed since

Only aggregate scores are printed (exact P/R/F1, relaxed F1, modality accuracy, officials recall when
the gold lists officials), so a held-out set can be scored without its passages or misses being
shown to whoever tunes the rules. ``--snapshot`` writes every predicted tuple per passage; ``--compare``
counts passages and tuples that differ from such a snapshot (a refactoring should change none) and
lists the differences only for sets whose name does not contain ``heldout``.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph import evaluate  # noqa: E402
from graph.evaluate_cli import inventory_for, make_predictor, resolver  # noqa: E402


def _predictions(docs, predict) -> dict[str, list[list[str]]]:
    return {d.id: [list(t) for t in predict(d)] for d in docs}


def _compare(name: str, now: dict, before: dict, show: bool) -> str:
    changed = [k for k in now if sorted(map(tuple, now[k])) != sorted(map(tuple, before.get(k, [])))]
    lines = [f"{name}: {len(changed)} passage(s) differ from the snapshot"]
    if show:
        for k in changed:
            a, b = set(map(tuple, now[k])), set(map(tuple, before.get(k, [])))
            lines += [f"  {k} + {' '.join(t)}" for t in sorted(a - b)]
            lines += [f"  {k} - {' '.join(t)}" for t in sorted(b - a)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+", help="gold JSONL files")
    ap.add_argument("--snapshot", help="write every prediction to this JSON file")
    ap.add_argument("--compare", help="compare with a snapshot written by --snapshot")
    ap.add_argument("--model", default=None)
    ap.add_argument("--inventory", default=None, help="as for actorgraph evaluate (none: score every prediction)")
    args = ap.parse_args(argv)
    predict, gz = make_predictor((), args.model)
    before = json.loads(Path(args.compare).read_text()) if args.compare else {}
    snapshot: dict[str, dict] = {}
    rows = [f"{'set':<28} {'docs':>4} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'relF1':>6} {'mod':>6} {'offR':>6}"]
    notes = []
    for path in args.gold:
        docs = evaluate.load_gold(path)
        name = Path(path).stem
        preds = _predictions(docs, predict)
        snapshot[name] = preds
        rep = evaluate.score(docs, lambda d: preds[d.id], resolve=resolver(gz),
                             inventory=inventory_for(path, gz, args.inventory))
        e, r, m = rep.exact, rep.relaxed, rep.modality
        off = evaluate.official_recall(docs, predict_officials(gz)) if any(d.officials for d in docs) else None
        rows.append(f"{name:<28} {rep.n_docs:>4} {e.gold:>5} {e.pred:>5} {e.precision:6.3f} {e.recall:6.3f} "
                    f"{e.f1:6.3f} {r.f1:6.3f} {m.accuracy:6.3f} " + (f"{off:6.3f}" if off is not None else "     -"))
        if args.compare:
            notes.append(_compare(name, preds, before.get(name, {}), show="heldout" not in name))
    print("\n".join(rows))
    if notes:
        print("\n".join(notes))
    if args.snapshot:
        Path(args.snapshot).write_text(json.dumps(snapshot, indent=0, sort_keys=True))
    return 0


def predict_officials(gz):
    """A ``doc -> [(name, actor)]`` function: the officials the extractor finds in a passage."""
    from graph.extract import extract_doc
    from graph.ingest import make_document
    from graph.nlp import get_pipeline

    nlp = get_pipeline(gz)
    spellings: dict[str, list[str]] = {}  # a known person's other spellings ("Zelenskyy" for "Zelensky")
    for a in gz.aliases:
        if a.kind == "name" and a.actor.startswith("P_"):
            spellings.setdefault(a.actor, []).append(a.text)

    def run(gold) -> list[tuple[str, str]]:
        doc = make_document(gold.text, title=gold.title or "", date=gold.date)
        ex = extract_doc(nlp(doc.text), doc, gz)
        return [(name, o.of) for o in ex.offices if o.person in ex.actors
                for name in [ex.actors[o.person].label, *spellings.get(o.person, [])]]

    return run


if __name__ == "__main__":
    raise SystemExit(main())
