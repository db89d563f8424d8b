"""``actorgraph render``: the offline interactive page (graph.html) of a store or graph built elsewhere
(``graph.views.outputs.render_source``)."""
from __future__ import annotations

import argparse

from .args import positive_int

__all__ = ["add_view_source_arguments", "configure_parser", "run"]


def add_view_source_arguments(p: argparse.ArgumentParser) -> None:
    """``[GRAPH] [--store STORE] [--title TITLE]``: what render and report read, and the title they give."""
    p.add_argument("graph", nargs="?", metavar="GRAPH",
                   help="an RDF file (.ttl .trig .nq .nt .jsonld .rdf) instead of a store")
    p.add_argument("--store", metavar="STORE",
                   help="store directory or sparql+http(s):// endpoint (default: out/store, else out/graph.ttl)")
    p.add_argument("--title", default=None, help="title of the page or report")


def configure_parser(p: argparse.ArgumentParser) -> None:
    """The options of ``actorgraph render`` (the README's command reference lists them)."""
    add_view_source_arguments(p)
    p.add_argument("-o", "--out", metavar="PATH", default=None,
                   help="output folder (default: the folder holding the store or graph file) or a .html file")
    p.add_argument("--max-nodes", type=positive_int, default=None, metavar="N",
                   help="keep only the N most central actors in the page (the page itself opens on an overview)")


def run(args: argparse.Namespace) -> int:
    """Render, then say what the page shows and how many actors ``--max-nodes`` left out."""
    from ..store.store import default_source
    from ..views.outputs import render_source

    source = default_source(args.store, args.graph)
    views = render_source(source, args.out, title=args.title, max_nodes=args.max_nodes)
    stats = views.page  # always there: render writes the page
    cut = f"; {stats.dropped_nodes} less central actors left out (--max-nodes)" if stats.dropped_nodes else ""
    print(f"wrote {stats.path}: {views.counts.sentence()}{cut}")
    return 0
