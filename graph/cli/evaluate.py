"""``actorgraph evaluate GOLD.jsonl``: score the extractor against gold annotations
(``graph.evaluate_cli.evaluate_file``); and ``python -m graph.evaluate GOLD.jsonl [--predict mod:fn]``,
which describes a gold set or scores any predictor (``gold_main``)."""
from __future__ import annotations

import argparse
import importlib
import sys

__all__ = ["configure_parser", "gold_main", "run"]


def configure_parser(p: argparse.ArgumentParser) -> None:
    """The options of ``actorgraph evaluate`` (the README's command reference lists them)."""
    p.add_argument("gold", help="gold annotations: JSONL, one document per line (see README)")
    p.add_argument("--actors", action="append", default=[], metavar="FILE.ttl", help="extra actor dictionary")
    p.add_argument("--model", default=None, help="spaCy pipeline name")
    p.add_argument("--max-list", type=int, default=50, help="list at most this many misses and false positives")
    p.add_argument("--inventory", default=None, metavar="FILE|none",
                   help="actor ids the gold annotates (default: inventory.json beside the gold file, if any); "
                        "predictions naming other actors are not scored")


def run(args: argparse.Namespace) -> int:
    """Score the extractor and print the report."""
    from ..evaluate import format_report
    from ..evaluate_cli import evaluate_file

    report = evaluate_file(args.gold, tuple(args.actors), args.model, args.inventory)
    print(format_report(report, max_list=args.max_list))
    return 0


def _load_predictor(spec: str):  # noqa: ANN202 - graph.evaluate.Predictor
    """``package.module:function`` -> the function (it must take a GoldDoc)."""
    module, _, name = spec.partition(":")
    if not name:
        raise SystemExit(f"--predict wants module:function, got {spec!r}")
    return getattr(importlib.import_module(module), name)


def gold_main(argv: list[str] | None = None) -> int:
    """``python -m graph.evaluate GOLD.jsonl [--predict mod:fn]``: describe the gold set or score it."""
    from ..evaluate import describe, format_report, load_gold, score

    ap = argparse.ArgumentParser(prog="python -m graph.evaluate", description=gold_main.__doc__)
    ap.add_argument("gold", help="gold JSONL file")
    ap.add_argument("--predict", help="module:function taking a GoldDoc, returning (s, r, t, modality) tuples")
    args = ap.parse_args(argv)
    try:
        docs = load_gold(args.gold)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(describe(docs))
    if args.predict:
        print()
        print(format_report(score(docs, _load_predictor(args.predict))))
    return 0
