"""Documents longer than spaCy parses in one piece: split before extraction, merged back after.

Why: spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters) with a ValueError, and a
30 MB report is a real input, not an error. Documents up to ``LONG_DOCUMENT`` characters are parsed
whole, exactly as before; a longer one is cut into pieces of at most ``PIECE_CHARS`` characters (the
parser's memory grows with the length of what it is given) at the last paragraph break before the
limit, else the last line break, else the end of a sentence, else a space. Each piece is extracted as
a document of its own, with the parent's id, title, source and date; the pieces' sentence indices and
character offsets are then shifted into the parent's text, so the merged extraction reads as if the
document had been parsed whole: every sentence and trigger offset points into the document's text.

What a cut costs: rules that look across the document (the document date inferred from its first
sentences, the parties of a mediation named elsewhere in the text, "the two allies" resolved against
earlier sentences) see only their piece. The date the first piece infers is given to the others, so
relative dates resolve against one document date.

The rules themselves are untouched: this is the pipeline's business (``graph.pipeline``).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from .model import Document, Extraction, Interaction, Sentence

__all__ = ["LONG_DOCUMENT", "PIECE_CHARS", "extract_long", "Extractor", "merge", "Piece", "spans", "split"]

LONG_DOCUMENT = 1_000_000  # characters: spaCy's default nlp.max_length; up to this a document is one piece
PIECE_CHARS = 100_000  # characters per piece of a longer document

_BREAKS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'’”)\]]*\s+"), re.compile(r"\s+"))


@dataclass(frozen=True)
class Piece:
    """A part of a long document, extracted as a document of its own."""

    document: Document  # the parent's id, title, source and date; the piece's text
    offset: int  # where the piece's text starts in the parent's text


def spans(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of ``text``, each at most ``size`` characters (default
    ``PIECE_CHARS``), together exactly the text; a cut falls after the last break of the strongest
    kind inside the window.

    >>> spans("One. Two. Three.", size=10)
    [(0, 10), (10, 16)]
    """
    size = size or PIECE_CHARS
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        out.append((start, end))
        start = end
    out.append((start, len(text)))
    return out


def _cut(text: str, start: int, limit: int) -> int:
    """The end of the piece that starts at ``start``: just after the last break before ``limit``
    (the break's whitespace stays with the earlier piece), or ``limit`` itself if there is none in
    the second half of the window (a cut too early would make a tiny piece)."""
    floor = start + (limit - start) // 2
    for pattern in _BREAKS:
        last = None
        for m in pattern.finditer(text, floor, limit):
            last = m
        if last is not None and last.end() <= limit:
            return last.end()
    return limit


def split(document: Document, *, limit: int | None = None, size: int | None = None) -> list[Piece]:
    """``document`` as one piece if it is at most ``limit`` characters (default ``LONG_DOCUMENT``),
    else as several of at most ``size`` (default ``PIECE_CHARS``)."""
    if len(document.text) <= (limit or LONG_DOCUMENT):
        return [Piece(document, 0)]
    return [Piece(replace(document, text=document.text[a:b]), a) for a, b in spans(document.text, size)]


def merge(document: Document, parts: list[tuple[Piece, Extraction]]) -> Extraction:
    """One extraction for ``document`` from its pieces' extractions (in text order): sentences
    renumbered and every offset moved into the document's text."""
    if len(parts) == 1 and parts[0][0].offset == 0 and parts[0][0].document == document:
        return parts[0][1]
    merged = Extraction(document=document, doc_date=parts[0][1].doc_date)
    offices = {}
    for piece, ex in parts:
        shift = len(merged.sentences)
        merged.sentences += [_moved_sentence(s, shift, piece.offset) for s in ex.sentences]
        merged.interactions += [_moved_interaction(ix, shift, piece.offset) for ix in ex.interactions]
        for actor_id, actor in ex.actors.items():
            merged.actors.setdefault(actor_id, actor)
        offices.update(dict.fromkeys(ex.offices))
    merged.offices = list(offices)
    return merged


def _moved_sentence(s: Sentence, shift: int, offset: int) -> Sentence:
    return Sentence(s.doc_id, s.index + shift, s.start + offset, s.end + offset, s.text)


def _moved_interaction(ix: Interaction, shift: int, offset: int) -> Interaction:
    return replace(ix, sentence=ix.sentence + shift, trigger_start=ix.trigger_start + offset,
                   trigger_end=ix.trigger_end + offset)


Extractor = Callable[[list[Document]], list[Extraction]]


def extract_long(documents: list[Document], run: Extractor, *, limit: int | None = None,
                 size: int | None = None) -> list[Extraction]:
    """Extract ``documents`` with ``run`` (documents in, extractions out, same order), splitting
    the long ones. Two passes when a document is split: the first pieces (with every short document),
    then the other pieces, dated with the date the first piece found (unless the document has one)."""
    planned = [split(d, limit=limit, size=size) for d in documents]
    if all(len(p) == 1 for p in planned):
        return run(documents)
    first = run([pieces[0].document for pieces in planned])
    rest: list[Document] = []
    for pieces, ex in zip(planned, first):
        date = pieces[0].document.date or ex.doc_date
        rest += [replace(p.document, date=date) for p in pieces[1:]]
    later = iter(run(rest) if rest else [])
    out = []
    for document, pieces, ex in zip(documents, planned, first):
        parts = [(pieces[0], ex)] + [(p, next(later)) for p in pieces[1:]]
        out.append(merge(document, parts))
    return out
