"""Documents longer than spaCy parses at once are extracted in pieces and merged back (#13 item 9).

An article over spaCy's 1,000,000-character limit was a ValueError traceback; now it is split at
paragraph/sentence boundaries, and the merged extraction's sentence indices and offsets point into
the whole document's text."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from graph import chunks
from graph.store import rdf
from graph.ingest import make_document
from graph.pipeline import check_shapes, extract_documents

ROOT = Path(__file__).resolve().parent.parent

PARAGRAPHS = [
    "Qatar mediated talks between Israel and Hamas in Doha on Monday.",
    "Russia attacked Ukraine on Tuesday. Ukrainian officials said the strikes hit Kharkiv.",
    "China threatened Taiwan with new military drills.",
    "Iran backs the Houthis, which attacked ships in the Red Sea.",
    "The United States pressed Israel not to strike Iran.",
    "Oman mediated indirect negotiations between Washington and Tehran.",
]


def _text(repeat: int) -> str:
    return "\n\n".join(f"{p} (Report {i}.)" for i in range(repeat) for p in PARAGRAPHS)


def test_spans_cover_the_text_and_cut_at_breaks():
    text = _text(30)
    parts = chunks.spans(text, 500)
    assert "".join(text[a:b] for a, b in parts) == text
    assert all(b - a <= 500 for a, b in parts) and len(parts) > 5
    assert all(text[a:b].endswith("\n\n") for a, b in parts[:-1])  # paragraph breaks preferred
    no_paragraphs = text.replace("\n\n", " ")
    parts = chunks.spans(no_paragraphs, 500)
    assert all(no_paragraphs[a:b].rstrip()[-1] in ".)" for a, b in parts[:-1])  # else sentence ends
    solid = "x" * 1234
    assert chunks.spans(solid, 500) == [(0, 500), (500, 1000), (1000, 1234)]  # else a hard cut


def test_a_document_within_the_limit_is_one_piece():
    doc = make_document(_text(2))
    assert chunks.split(doc) == [chunks.Piece(doc, 0)]


def test_pieces_are_merged_with_document_offsets_and_indices(monkeypatch):
    doc = make_document(_text(6), date="2025-03-14", title="Long")
    whole = extract_documents([doc], reference_date="2025-03-14")[0]
    monkeypatch.setattr(chunks, "LONG_DOCUMENT", 1000)
    monkeypatch.setattr(chunks, "PIECE_CHARS", 400)
    assert len(chunks.split(doc, limit=1000, size=400)) > 5
    seen: list[int] = []
    real_merge = chunks.merge
    monkeypatch.setattr(chunks, "merge", lambda d, parts: seen.append(len(parts)) or real_merge(d, parts))
    merged = extract_documents([doc], reference_date="2025-03-14")[0]
    assert seen and seen[0] > 5  # really extracted in pieces
    assert merged.document == doc and merged.doc_date == "2025-03-14"
    assert [s.index for s in merged.sentences] == list(range(len(merged.sentences)))
    for s in merged.sentences:
        assert doc.text[s.start:s.end] == s.text and s.doc_id == doc.id
    for ix in merged.interactions:
        assert doc.text[ix.trigger_start:ix.trigger_end] == ix.trigger
        assert merged.sentences[ix.sentence].start <= ix.trigger_start < merged.sentences[ix.sentence].end
    assert max(ix.trigger_start for ix in merged.interactions) > 2000  # found in the later pieces too
    # the paragraphs stand alone, so the pieces find what the whole document gives
    assert {ix.key() for ix in merged.interactions} == {ix.key() for ix in whole.interactions}
    ds = rdf.assemble([merged], __import__("graph.gazetteer", fromlist=["load"]).load())
    check_shapes(rdf.union(ds))  # unique sentence and interaction IRIs, offsets in order


def test_later_pieces_get_the_date_the_first_piece_found(monkeypatch):
    text = "TEHRAN, Feb. 5, 2026 - Iran said on Monday it rejected US demands.\n\n" + _text(6)
    doc = make_document(text)  # no metadata date: the first sentences date the document
    whole = extract_documents([doc], reference_date="2026-11-23")[0]
    monkeypatch.setattr(chunks, "LONG_DOCUMENT", 1000)
    monkeypatch.setattr(chunks, "PIECE_CHARS", 400)
    merged = extract_documents([doc], reference_date="2026-11-23")[0]
    assert whole.doc_date and merged.doc_date == whole.doc_date
    late = {(ix.key(), ix.date) for ix in merged.interactions if ix.trigger_start > 1500}
    assert any(date for _key, date in late)  # "on Monday" resolved against the document date
    assert {(ix.key(), ix.date) for ix in merged.interactions} == {(ix.key(), ix.date) for ix in whole.interactions}


@pytest.mark.slow
def test_an_article_over_a_million_characters_is_built(tmp_path):
    """The real thing: a 1.05 M-character article through ``actorgraph build``."""
    text = _text(1)
    big = tmp_path / "report.txt"
    body = "\n\n".join(f"{PARAGRAPHS[i % len(PARAGRAPHS)]} (Section {i}.)" for i in range(15_000))
    big.write_text(text + "\n\n" + body, encoding="utf-8")
    assert big.stat().st_size > 1_000_000
    r = subprocess.run([sys.executable, "-m", "graph.cli", "build", str(big), "-o", str(tmp_path / "out"),
                        "--store", "none", "--reference-date", "2026-11-23", "--max-nodes", "50"], cwd=ROOT,
                       capture_output=True, text=True, timeout=1800, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert r.returncode == 0, r.stderr[-2000:]
    g = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    offsets = [int(o) for o in g.objects(None, rdf.AG.charStart)]
    assert max(offsets) > 1_000_000
