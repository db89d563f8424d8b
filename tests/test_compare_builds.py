"""scripts/compare_builds.py: two output folders agree when only the store generation's id differs,
and any other difference, or a file only one of them has, is named."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import compare_builds  # noqa: E402


def outputs(folder: Path, generation: str, sentence: str = "Talks.") -> Path:
    folder.mkdir()
    (folder / "graph.trig").write_text(f'<g> {{ <s> ag:generation "{generation}" . }}\n', encoding="utf-8")
    (folder / "report.md").write_text(f"# Report\n\nE1: {sentence}\n", encoding="utf-8")
    return folder


def test_only_the_generation_id_may_differ(tmp_path):
    old = outputs(tmp_path / "old", "20261206T184651Z-7e5f294f")
    assert compare_builds.differences(old, outputs(tmp_path / "same", "20261207T000000Z-00000000")) == []
    assert compare_builds.differences(old, outputs(tmp_path / "new", "20261206T184651Z-7e5f294f", "Strikes.")) == \
        ["report.md: differs"]
    (old / "graph.html").write_text("<html></html>", encoding="utf-8")
    assert compare_builds.differences(old, tmp_path / "same") == [f"graph.html: only in {old}"]
    assert compare_builds.main([str(old), str(tmp_path / "same")]) == 1
