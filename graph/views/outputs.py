"""Page and report from one graph, in one call: what ``build``, ``ingest``, ``render`` and ``report`` share.

``write_views`` reads the graph once (``collect``), counts it once (``Counts``) and hands the same
data to the page and the counts to the report, so the CLI's summary line, the page's header and the
report's summary always agree. ``build`` calls it after extraction, ``ingest`` after the store
changed (so ``out/graph.html`` and ``out/report.*`` never lag behind the store), and the ``render``
and ``report`` commands call it on a store or graph file built elsewhere.

This module imports nothing heavy at the top: the CLI imports it to build ``--help``.
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import Graph

    from ..analyse import Analysis
    from ..store import Store
    from .collect import Counts
    from .render import RenderStats

__all__ = ["Views", "default_out", "write_views"]

PAGE = "graph.html"


@dataclass
class Views:
    """What ``write_views`` wrote and the counts every output quotes."""

    counts: Counts
    paths: list[Path] = field(default_factory=list)
    page: RenderStats | None = None


def check_out_dir(out: Path) -> None:
    """Refuse a folder that is a file, or a file's place taken by a folder, before writing anything."""
    from ..errors import InputError
    from .report import FILES

    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a folder")
    for name in (PAGE, *FILES):
        if (out / name).is_dir():
            raise InputError(f"{out / name}: is a folder; cannot write the {name} there")


def write_views(g: Graph | Store, out_dir: str | Path, *, analysis: Analysis | None = None, gz=None,  # noqa: ANN001
                title: str = "actorgraph", max_nodes: int | None = None, page: str | Path | None = None,
                html: bool = True, report: bool = True, per_edge: int | None = 10) -> Views:
    """Write ``graph.html`` (or ``page``) and the report (``report.md``/``.html`` + PNG charts) of the
    union graph or store ``g`` into ``out_dir``; every file atomically. ``analysis`` is reused when the
    caller has it (else computed: from a store with SPARQL, ``graph.storeread``); ``gz`` gives the
    search names (aliases, capitals) of the gazetteer used; ``per_edge``: the sentences the page
    embeds per edge (the rest are counted, one query away)."""
    from ..store import Store
    from .collect import collect, counts_of

    out = Path(out_dir)
    check_out_dir(out)
    data = collect(g, gz, per_edge)
    views = Views(counts=counts_of(data))
    if html:
        from .render import render_html

        views.page = render_html(None, Path(page) if page else out / PAGE, max_nodes=max_nodes, title=title, data=data)
        views.paths.append(views.page.path)
    del data["records"]  # the page's sentences: the report reads its own
    if report:
        from .report import write_report

        hydrate = None
        if isinstance(g, Store):
            from ..storeread import analyse_store, hydrate as read_sentences

            analysis = analysis or analyse_store(g)
            hydrate = lambda rows: read_sentences(g, rows)  # noqa: E731
        else:
            from ..analyse import analyse

            analysis = analysis or analyse(g)
        views.paths.extend(write_report(g, analysis, out, counts=views.counts, officials=officials_of(data),
                                        hydrate=hydrate))
    return views


def officials_of(data: dict) -> list[tuple[str, str, str]]:
    """(name, office title, served) of every official on the page: the report's officials table."""
    nodes, rows = data["nodes"], set()
    for link in data["affiliations"]:
        person, org = nodes[link["from"]], nodes.get(link["to"], {"label": link["to"]})
        rows.add((person["label"], link["title"] or "—", org["label"]))
    return sorted(rows, key=lambda r: (r[2], r[0]))


def default_out(source: str) -> Path:
    """Where a store's page and report go: the folder that holds the store (``out/`` for
    ``out/store``), or that holds the graph file. A remote store has no such folder."""
    from ..errors import InputError

    if "://" in source:
        raise InputError(f"{source} is a remote store: name the output folder with -o DIR")
    return Path(source).resolve().parent


# ------------------------------------------------------------------------------------------- CLI


def _source_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("graph", nargs="?", metavar="GRAPH",
                   help="an RDF file (.ttl .trig .nq .nt .jsonld .rdf) instead of a store")
    p.add_argument("--store", metavar="STORE",
                   help="store directory or sparql+http(s):// endpoint (default: out/store, else out/graph.ttl)")
    p.add_argument("--title", default=None, help="title of the page or report")


def configure_render_parser(p: argparse.ArgumentParser) -> None:
    from ..cli import positive_int

    _source_arguments(p)
    p.add_argument("-o", "--out", metavar="PATH", default=None,
                   help="output folder (default: the folder holding the store or graph file) or a .html file")
    p.add_argument("--max-nodes", type=positive_int, default=None, metavar="N",
                   help="keep only the N most central actors in the page (the page itself opens on an overview)")


def configure_report_parser(p: argparse.ArgumentParser) -> None:
    _source_arguments(p)
    p.add_argument("-o", "--out", metavar="DIR", default=None,
                   help="output folder (default: the folder holding the store or graph file)")


def run_render_cli(args: argparse.Namespace) -> int:
    from ..store import default_source, open_source

    source = default_source(args.store, args.graph)
    target = Path(args.out) if args.out else default_out(source)
    page = target if target.suffix.lower() in (".html", ".htm") else target / PAGE
    with open_source(source) as store:  # read with SPARQL where it is: no rdflib copy of the corpus
        views = write_views(store, page.parent, title=args.title or f"actorgraph — {source}",
                            max_nodes=args.max_nodes, page=page, report=False)
    stats = views.page
    cut = f"; {stats.dropped_nodes} less central actors left out (--max-nodes)" if stats and stats.dropped_nodes else ""
    print(f"wrote {page}: {views.counts.sentence()}{cut}")
    return 0


def run_report_cli(args: argparse.Namespace) -> int:
    from ..store import default_source, open_source

    source = default_source(args.store, args.graph)
    out = Path(args.out) if args.out else default_out(source)
    with open_source(source) as store:
        views = write_views(store, out, title=args.title or f"actorgraph — {source}", html=False)
    print(f"wrote {out / 'report.md'}, report.html and charts: {views.counts.sentence()}")
    return 0
