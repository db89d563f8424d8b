"""``actorgraph validate``: check a store or graph against the SHACL shapes, exit 1 on violations
(``graph.store.validate.check_source``)."""
from __future__ import annotations

import argparse
import sys

from .args import add_source_arguments

__all__ = ["configure_parser", "run"]


def configure_parser(p: argparse.ArgumentParser) -> None:
    """The options of ``actorgraph validate`` (the README's command reference lists them)."""
    add_source_arguments(p)
    p.add_argument("--shapes", metavar="FILE", help="SHACL shapes to check (default: ontology/shapes.ttl)")
    p.add_argument("--max", type=int, default=50, metavar="N", help="print at most N results (default 50; 0: all)")


def run(args: argparse.Namespace) -> int:
    """Print at most ``--max`` results and a summary line; 0 if the source conforms, else 1."""
    from ..store.store import default_source
    from ..store.validate import check_source

    check = check_source(default_source(args.store, args.graph), args.shapes)
    results = check.results
    shown = results if args.max <= 0 else results[: args.max]
    for v in shown:
        print(v)
    if len(shown) < len(results):
        print(f"... and {len(results) - len(shown)} more (use --max 0 to see all)")
    status = "conforms" if check.conforms else "does NOT conform"
    print(f"{check.where}: {status} to the shapes ({check.violations} violation(s), "
          f"{len(results) - check.violations} warning(s))", file=sys.stderr)
    return 0 if check.conforms else 1
