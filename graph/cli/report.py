"""``actorgraph report``: the analyst's brief (report.md, report.html, charts) of a store or graph
(``graph.views.outputs.report_source``)."""
from __future__ import annotations

import argparse
from pathlib import Path

from .render import add_view_source_arguments

__all__ = ["configure_parser", "run"]


def configure_parser(p: argparse.ArgumentParser) -> None:
    """The options of ``actorgraph report`` (the README's command reference lists them)."""
    add_view_source_arguments(p)
    p.add_argument("-o", "--out", metavar="DIR", default=None,
                   help="output folder (default: the folder holding the store or graph file)")


def run(args: argparse.Namespace) -> int:
    """Write the report and say where, with the counts it quotes."""
    from ..store.store import default_source
    from ..views.outputs import default_out, report_source

    source = default_source(args.store, args.graph)
    out = Path(args.out) if args.out else default_out(source)
    views = report_source(source, out, title=args.title)
    print(f"wrote {out / 'report.md'}, report.html and charts: {views.counts.sentence()}")
    return 0
