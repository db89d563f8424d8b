"""Time: the date an interaction happened, read off its sentence.

The closest date expression in the trigger's own clause wins, normalised against the document date;
a named episode ("the 12-day war", ``ontology/episodes.ttl``) dates an interaction with no more
precise date. A document without a date gets the first full date near its top.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .. import dates
from ..gazetteer import Gazetteer
from .arguments import governor
from .context import DocContext

__all__ = ["sentence_dates", "date_for", "infer_doc_date"]


def sentence_dates(doc: Doc, sentences: list[Span], gz: Gazetteer) -> dict[int, tuple[list[Span], dict | None]]:
    """Sentence start -> (its DATE entities, the named episode it mentions). Built once per document:
    ``Span.ents`` walks every entity of the document, too slow to call for each interaction."""
    by_sentence: dict[int, list[Span]] = {}
    for e in doc.ents:
        if e.label_ == "DATE" and not dates.looks_like_duration(e.text):
            by_sentence.setdefault(e.sent.start, []).append(e)
    out = {}
    for sent in sentences:
        low = sent.text.lower()
        out[sent.start] = (by_sentence.get(sent.start, []),
                           next((ep for ep in gz.episodes if any(a in low for a in ep["aliases"])), None))
    return out


def date_for(ctx: DocContext, trig: Token, sent: Span) -> tuple[str | None, str | None, str | None]:
    """(date, text, episode id) for an interaction at ``trig``."""
    cands, episode = ctx.sentence_dates[sent.start]
    best = None
    if cands:
        # Prefer a date inside the trigger's own clause, then the nearest by token distance.
        clause = {t.i for t in (governor(trig) or trig).subtree}
        scored = sorted(cands, key=lambda e: (0 if e.root.i in clause else 1, abs(e.root.i - trig.i)))
        for e in scored:
            past = trig.tag_ in ("VBD", "VBN") or trig.pos_ == "NOUN"
            value = dates.normalise(e.text, ctx.doc_date, past=past)
            if value:
                best = (value, e.text)
                break
    if episode and episode.get("start"):
        ep_month = episode["start"][:7]
        if best is None or (len(best[0]) == 4 and ep_month.startswith(best[0])):
            return ep_month, (best[1] + "; " if best else "") + episode["label"], episode["id"]
        return best[0], best[1], episode["id"]
    if best:
        return best[0], best[1], None
    return None, None, None


def infer_doc_date(doc: Doc, reference: str) -> str | None:
    """A document date from the text when metadata has none: the first full date ('on Feb. 5')
    in the first sentences, resolved against ``reference``."""
    for sent in list(doc.sents)[:4]:
        for e in sent.ents:
            if e.label_ != "DATE":
                continue
            value = dates.normalise(e.text, reference, past=True)
            if value and len(value) == 10:
                return value
    return None
