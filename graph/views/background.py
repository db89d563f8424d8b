"""The report's three charts drawn in a process of their own while the build does the rest.

Why: at 10,000 short documents the charts (``graph.views.charts``: matplotlib, Agg) took ~7 s of the
~50 s a build spent after extraction - pure Python, holding the GIL - and nothing the build does
next needs them: not the commit of the analysis, not graph.trig/graph.ttl, not the page, not the
report's text. So ``build`` and ``ingest`` hand the analysis to one spawned process as soon as it is
computed, and the report picks the PNGs up at the end; on a two-core machine they are drawn on the
second core meanwhile. The bytes are the same: the same code draws them, from the same analysis,
with matplotlib's deterministic Agg backend (``tests/test_background.py``). The build's own process
no longer imports matplotlib at all.

The process is spawned (not forked: a fork of a process holding a store and a gigabyte of heap would
be counted twice by every RSS figure, and forking threads is unsafe) and warmed - matplotlib and
networkx imported - when the pool starts, so its start costs nothing on the build's path. Anything
going wrong there (the process cannot start, dies, raises) makes the charts be drawn in the build's
process instead, as before: the outputs never depend on the pool.
"""
from __future__ import annotations

import dataclasses
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..analyse import Analysis

__all__ = ["CHART_FILES", "ChartPool", "draw_charts", "chart_analysis"]

CHART_FILES = ("centrality.png", "dyads.png", "graph.png")  # in the order of ``graph.views.report.FILES``


def draw_charts(analysis: Analysis, out_dir: str | Path) -> list[Path]:
    """Draw the three charts of ``analysis`` into ``out_dir`` (each written atomically); their paths,
    in the order of ``CHART_FILES``. What the report always did, wherever it runs."""
    from .charts import centrality_chart, dyads_chart, network_chart

    out = Path(out_dir)
    return [centrality_chart(analysis, out / CHART_FILES[0]), dyads_chart(analysis, out / CHART_FILES[1]),
            network_chart(analysis, out / CHART_FILES[2])]


def chart_analysis(analysis: Analysis) -> Analysis:
    """The part of ``analysis`` the charts read (actors, dyads, the counted network, relations,
    labels), without the rows and documents, which grow with the corpus and would only be pickled
    across for nothing (7.5 MB at 10,000 short documents, most of it rows)."""
    return dataclasses.replace(analysis, rows=[], excluded=[], documents=[], ties=[], pressures=[], mediations=[],
                               triads=[])


def _warm() -> None:
    """In the pool's process: import what drawing needs before the first chart is asked for."""
    from . import charts  # noqa: F401 - imported for its side effect (matplotlib, networkx loaded)


class ChartPool:
    """``with ChartPool() as pool: pool.start() … pending = pool.draw(analysis, out_dir) …
    ChartPool.paths(pending, analysis, out_dir)``. ``enabled=False`` (no report asked for) starts
    nothing; nothing starts before ``start`` or ``draw`` either (a build starts it once extraction is
    over: its workers have the cores until then)."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.executor: ProcessPoolExecutor | None = None

    def start(self) -> None:
        """Spawn the process and have it import matplotlib (once; nothing if disabled or started)."""
        if not self.enabled or self.executor is not None:
            return
        self.enabled = False  # one attempt: a pool that cannot start leaves the drawing to the report
        try:
            self.executor = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            self.executor.submit(_warm)
        except (OSError, RuntimeError):
            self.executor = None

    def draw(self, analysis: Analysis, out_dir: str | Path) -> Future | None:
        """Start drawing the charts of ``analysis`` into ``out_dir``; None if there is no pool."""
        self.start()
        if self.executor is None:
            return None
        try:
            return self.executor.submit(draw_charts, chart_analysis(analysis), str(out_dir))
        except RuntimeError:  # the pool broke or was shut down: the report draws them itself
            return None

    @staticmethod
    def paths(pending: Future | None, analysis: Analysis, out_dir: str | Path) -> list[Path]:
        """The charts' paths once drawn: the pool's, or - without one, or if it failed - drawn here."""
        if pending is not None:
            try:
                return [Path(p) for p in pending.result()]
            except Exception:  # noqa: BLE001 - any failure there is retried here, where it will surface
                pass
        return draw_charts(analysis, out_dir)

    def close(self) -> None:
        """Stop the process, after the drawing in progress (it writes into the staging folder, which
        must not be published or removed under it)."""
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None

    def __enter__(self) -> ChartPool:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
