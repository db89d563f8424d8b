"""graph.views.background: the report's charts drawn in a spawned process are the very bytes drawn here,
and anything wrong with that process leaves the drawing to the report."""
from __future__ import annotations

from concurrent.futures import Future

import pytest

from graph.analyse import Analysis, analyse
from graph.views.background import CHART_FILES, ChartPool, chart_analysis, draw_charts
from graph.views.report import FILES
from test_analyse import build, claim


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    """A small analysis with every chart's material: dyads over months, a network, brokers."""
    return analyse(build(("d1", "Talks in Muscat", [
        claim("USA", "pressures", "ISR", "reported", "2026-02-05"), claim("USA", "supports", "ISR", date="2026-01-03"),
        claim("OMN", "mediates", "USA", other="IRN", date="2026-02"), claim("ISR", "attacks", "IRN", date="2026-01-20"),
        claim("USA", "threatens", "IRN", date="2025-11-02"), claim("P_Abbas_Araghchi", "negotiatesWith", "USA")])))


def test_chart_files_are_the_reports_last_three():
    assert FILES[-3:] == CHART_FILES


def test_charts_from_the_pool_are_the_same_bytes(analysis, tmp_path):
    here, there = tmp_path / "here", tmp_path / "there"
    here.mkdir()
    there.mkdir()
    draw_charts(analysis, here)
    with ChartPool() as pool:
        pool.start()
        pending = pool.draw(analysis, there)
        assert pending is not None
        paths = ChartPool.paths(pending, analysis, there)
    assert [p.name for p in paths] == list(CHART_FILES)
    for name in CHART_FILES:
        assert (here / name).read_bytes() == (there / name).read_bytes(), name


def test_the_slim_copy_draws_the_same_charts(analysis, tmp_path):
    slim = chart_analysis(analysis)
    assert not slim.rows and analysis.rows  # the rows stay behind; the original is untouched
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    draw_charts(analysis, tmp_path / "a")
    draw_charts(slim, tmp_path / "b")
    for name in CHART_FILES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_a_failed_drawing_is_done_here(analysis, tmp_path):
    failed: Future = Future()
    failed.set_exception(RuntimeError("the process died"))
    paths = ChartPool.paths(failed, analysis, tmp_path)
    assert [p.name for p in paths] == list(CHART_FILES) and all(p.stat().st_size > 0 for p in paths)


def test_a_disabled_pool_starts_nothing(analysis, tmp_path):
    with ChartPool(enabled=False) as pool:
        pool.start()
        assert pool.draw(analysis, tmp_path) is None and pool.executor is None
    assert [p.name for p in ChartPool.paths(None, analysis, tmp_path)] == list(CHART_FILES)
