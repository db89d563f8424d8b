"""Page and report from one graph, in one call: what ``build``, ``ingest``, ``render`` and ``report`` share.

``write_views`` reads the graph once (``collect``), counts it once (``Counts``) and hands the same
data to the page and the counts to the report, so the CLI's summary line, the page's header and the
report's summary always agree. ``build`` calls it after extraction, ``ingest`` after the store
changed (so ``out/graph.html`` and ``out/report.*`` never lag behind the store), and the ``render``
and ``report`` commands call it (``render_source``, ``report_source``) on a store or graph file built
elsewhere.

This module imports nothing heavy at the top: the page's and the report's modules load when they are used.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import Future

    from rdflib import Graph

    from ..analyse import Analysis
    from ..store.store import Store
    from .collect import Counts
    from .render import RenderStats

__all__ = ["Views", "default_out", "render_source", "report_source", "write_views"]

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
                html: bool = True, report: bool = True, per_edge: int | None = 10, charts: Future | None = None) -> Views:
    """Write ``graph.html`` (or ``page``) and the report (``report.md``/``.html`` + PNG charts) of the
    union graph or store ``g`` into ``out_dir``; every file atomically. ``analysis`` is reused when the
    caller has it (else computed: from a store with SPARQL, ``graph.store.read``); ``gz`` gives the
    search names (aliases, capitals) of the gazetteer used; ``per_edge``: the sentences the page
    embeds per edge (the rest are counted, one query away); ``charts``: the report's charts being drawn
    elsewhere (``graph.views.background``), else drawn here."""
    from ..store.store import Store
    from .collect import collect, counts_of

    out = Path(out_dir)
    check_out_dir(out)
    data = collect(g, gz, per_edge)
    views = Views(counts=counts_of(data))
    if html:
        from .render import render_html

        views.page = render_html(None, Path(page) if page else out / PAGE, max_nodes=max_nodes, title=title, data=data,
                                 per_edge=per_edge)
        views.paths.append(views.page.path)
    del data["records"]  # the page's sentences: the report reads its own
    if report:
        from .report import write_report

        hydrate = None
        if isinstance(g, Store):
            from ..store.read import analyse_store, hydrate as read_sentences

            analysis = analysis or analyse_store(g)
            hydrate = lambda rows: read_sentences(g, rows)  # noqa: E731
        else:
            from ..analyse import analyse

            analysis = analysis or analyse(g)
        views.paths.extend(write_report(g, analysis, out, counts=views.counts, officials=officials_of(data),
                                        hydrate=hydrate, charts=charts))
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


def render_source(source: str, out: str | Path | None = None, *, title: str | None = None,
                  max_nodes: int | None = None) -> Views:
    """Write the page of the store or RDF file ``source``: into the folder ``out`` (default: the one
    holding the source, ``default_out``) as graph.html, or to ``out`` itself when it names a .html file.
    The store is read with SPARQL where it is: no rdflib copy of the corpus."""
    from ..store.store import open_source

    target = Path(out) if out else default_out(source)
    page = target if target.suffix.lower() in (".html", ".htm") else target / PAGE
    with open_source(source) as store:
        return write_views(store, page.parent, title=title or f"actorgraph — {source}", max_nodes=max_nodes,
                           page=page, report=False)


def report_source(source: str, out: str | Path | None = None, *, title: str | None = None) -> Views:
    """Write the report (report.md, report.html, charts) of the store or RDF file ``source`` into the
    folder ``out`` (default: the one holding the source, ``default_out``)."""
    from ..store.store import open_source

    folder = Path(out) if out else default_out(source)
    with open_source(source) as store:
        return write_views(store, folder, title=title or f"actorgraph — {source}", html=False)
