"""One parsed document in, one :class:`~graph.model.Extraction` out.

Mentions first (which tokens name which actor, who holds which office), then a frame for every
trigger token in reading order — so that "the two allies" or "condemned the raids" can look back
at what was said before — then the document-level steps of ``graph.extract.discourse``.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import Gazetteer
from ..model import Actor, Document, Extraction, Sentence
from .context import DocContext
from .discourse import dedupe, denied_claims, ellipsis, repeated_acts, resolve_deferred_mediation
from .patterns import pattern_claims
from .frames import Frame
from .mentions import find_mentions
from .nouns import noun_frame
from .triggers import triggers_for
from .verbs import verb_frame
from .when import infer_doc_date, sentence_dates

__all__ = ["extract_doc", "extract"]


def _sentence_record(document: Document, idx: int, sent: Span) -> Sentence:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    return Sentence(document.id, idx, sent.start_char + lead, sent.start_char + lead + len(stripped), stripped)


def _frames_of_sentence(ctx: DocContext, idx: int, sent: Span) -> None:
    for tok in sent:
        for trig in triggers_for(ctx.gz, tok):
            frame = Frame(ctx, idx, sent, tok, trig, trig.relation, trig.cameo)
            (verb_frame if trig.pos == "VERB" else noun_frame)(frame)
    denied_claims(ctx, idx, sent)
    ellipsis(ctx, idx, sent)
    repeated_acts(ctx, idx, sent)


def _actors_of(ctx: DocContext, interactions) -> dict[str, Actor]:
    """Every actor an interaction or an office names, from the gazetteer or the text's officials."""
    gz = ctx.gz
    actors: dict[str, Actor] = {}
    for ix in interactions:
        for aid in (ix.source, ix.target, ix.reported_by, ix.other_party):
            if aid and aid not in actors:
                actor = gz.actors.get(aid) or ctx.persons.get(aid)
                if actor is not None:
                    actors[aid] = actor
    for office in ctx.offices:
        actors.setdefault(office.person, ctx.persons[office.person])
        if office.of in gz.actors:
            actors.setdefault(office.of, gz.actors[office.of])
    return actors


def extract_doc(spacy_doc: Doc, document: Document, gz: Gazetteer, reference_date: str | None = None) -> Extraction:
    """Everything actorgraph reads from one parsed document.

    >>> from graph import gazetteer, nlp, ingest
    >>> gz = gazetteer.load()
    >>> doc = ingest.make_document("Oman mediated talks between Iran and the United States.", date="2025-04-12")
    >>> ex = extract_doc(nlp.get_pipeline(gz)(doc.text), doc, gz)
    >>> sorted({(ix.source, ix.relation, ix.target) for ix in ex.interactions})
    [('IRN', 'negotiatesWith', 'USA'), ('OMN', 'mediates', 'IRN'), ('OMN', 'mediates', 'USA')]
    """
    reference_date = reference_date or dt.date.today().isoformat()
    doc_date = document.date or infer_doc_date(spacy_doc, reference_date)
    ctx = DocContext(spacy_doc, document, gz, doc_date)
    find_mentions(ctx)
    sentences: list[Span] = list(spacy_doc.sents)
    ctx.sent_index = {sent.start: i for i, sent in enumerate(sentences)}
    ctx.sentence_dates = sentence_dates(spacy_doc, sentences, gz)
    records = [_sentence_record(document, idx, sent) for idx, sent in enumerate(sentences)]
    for idx, sent in enumerate(sentences):
        _frames_of_sentence(ctx, idx, sent)
    pattern_claims(ctx)  # the sentence shapes of ontology/patterns.ttl
    resolve_deferred_mediation(ctx, sentences)
    interactions = dedupe(ctx.interactions)
    return Extraction(document=document, sentences=records, actors=_actors_of(ctx, interactions),
                      offices=list(ctx.offices), interactions=interactions, doc_date=doc_date)


def extract(documents: Iterable[Document], nlp: Language, gz: Gazetteer, *, batch_size: int = 32,
            n_process: int = 1, reference_date: str | None = None) -> Iterator[Extraction]:
    """Parse and extract a stream of documents (spaCy's ``nlp.pipe`` does the batching/processes)."""
    docs = list(documents)
    for document, parsed in zip(docs, nlp.pipe((d.text for d in docs), batch_size=batch_size, n_process=n_process)):
        yield extract_doc(parsed, document, gz, reference_date)
