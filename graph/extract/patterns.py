"""Sentence shapes as data: the ``ag:DependencyPattern`` entries of ``ontology/patterns.ttl`` run through
spaCy's ``DependencyMatcher``.

A pattern's node ids name roles: ``TRIGGER`` (the predicate, whose offsets the claim keeps as
provenance), ``SOURCE`` and ``TARGET`` (resolved to actors as any argument is: names, demonyms, agent
nouns, pronouns, 'the two countries'); other nodes (``VENUE``, ``CLAUSE`` …) only shape the match. What a
pattern cannot say is a **guard**, a small check registered here by name (``GUARDS``) and named by the
pattern's ``ag:guard``. The claim's modality is the trigger clause's, as for the frame steps; a pattern
with ``ag:mutual true`` holds both ways (a clash).

>>> from graph import gazetteer, nlp, ingest
>>> from graph.extract import extract_doc
>>> gz = gazetteer.load()
>>> doc = ingest.make_document("The European Union took China to the World Trade Organization in 2022.")
>>> ex = extract_doc(nlp.get_pipeline(gz)(doc.text), doc, gz)
>>> sorted((ix.source, ix.relation, ix.target, ix.path.split("+")[0]) for ix in ex.interactions)
[('EU', 'opposes', 'CHN', 'pattern:take_to_court')]
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.matcher import DependencyMatcher
from spacy.tokens import Token
from spacy.vocab import Vocab

from ..gazetteer import DependencyPattern, Gazetteer, Trigger
from .arguments import args_or_pair, np_refs
from .context import DocContext
from .frames import emit_interaction
from .modality import clause_modality, noun_modality

__all__ = ["GUARDS", "guard", "pattern_claims"]

Guard = Callable[[DocContext, dict[str, Token]], bool]
GUARDS: dict[str, Guard] = {}


def guard(name: str) -> Callable[[Guard], Guard]:
    """Register a check by the name a pattern's ``ag:guard`` uses (like rdflib's plugin registry)."""
    def register(fn: Guard) -> Guard:
        GUARDS[name] = fn
        return fn
    return register


@guard("venue_is_a_court")
def _venue_is_a_court(ctx: DocContext, nodes: dict[str, Token]) -> bool:
    """'to the World Trade Organization', 'to arbitration', 'to the International Court of Justice': a
    court, tribunal or dispute body (``legal_venues``: words, or the ids of the bodies the gazetteer knows)."""
    venue = nodes["VENUE"]
    venues = ctx.gz.word_list("legal_venues")
    words = {venue.lemma_.lower()} | {c.lemma_.lower() for c in venue.children if c.dep_ in ("compound", "amod")}
    m = ctx.mentions.get(venue.i)
    return bool(words & venues) or (m is not None and m.actor.lower() in venues)


@guard("nearest_clause")
def _nearest_clause(ctx: DocContext, nodes: dict[str, Token]) -> bool:
    """The CLAUSE node is the verb nearest above the trigger (not a clause further up: 'X said Y is locked
    in a war of words with Z' is Y's)."""
    return next((a for a in nodes["TRIGGER"].ancestors if a.pos_ in ("VERB", "AUX")), None) == nodes["CLAUSE"]


_MATCHERS: dict[tuple[int, int], tuple[DependencyMatcher, dict[int, DependencyPattern]]] = {}


def _matcher(gz: Gazetteer, vocab: Vocab) -> tuple[DependencyMatcher, dict[int, DependencyPattern]]:
    """One matcher per gazetteer and vocabulary, built on first use (patterns are compiled once)."""
    key = (id(gz), id(vocab))
    if key not in _MATCHERS:
        matcher, by_key = DependencyMatcher(vocab), {}
        for p in gz.patterns:
            unknown = set(p.guards) - set(GUARDS)
            if unknown:
                raise ValueError(f"pattern {p.name}: unknown guard(s) {sorted(unknown)}")
            matcher.add(p.name, [list(p.nodes)])
            by_key[vocab.strings[p.name]] = p
        _MATCHERS[key] = (matcher, by_key)
    return _MATCHERS[key]


def pattern_claims(ctx: DocContext) -> None:
    """Run every pattern over the document and emit what each match says."""
    if not ctx.gz.patterns:
        return
    matcher, by_key = _matcher(ctx.gz, ctx.doc.vocab)
    for match_id, token_ids in matcher(ctx.doc):
        pattern = by_key[match_id]
        nodes = {node["RIGHT_ID"]: ctx.doc[i] for node, i in zip(pattern.nodes, token_ids)}
        if all(GUARDS[name](ctx, nodes) for name in pattern.guards):
            _emit_match(ctx, pattern, nodes)


def _emit_match(ctx: DocContext, pattern: DependencyPattern, nodes: dict[str, Token]) -> None:
    """The claims of one match: every SOURCE actor with every TARGET actor (both ways when mutual)."""
    trigger = nodes["TRIGGER"]
    sent_idx = ctx.sent_index.get(trigger.sent.start, 0)
    sources = np_refs(ctx, nodes["SOURCE"], how="pattern-source") if "SOURCE" in nodes else []
    targets = args_or_pair(ctx, nodes["TARGET"], sent_idx, "pattern-target") if "TARGET" in nodes else []
    mod, reporter = (clause_modality(ctx, trigger) if trigger.pos_ in ("VERB", "AUX") else noun_modality(ctx, trigger))
    trig = Trigger(trigger.lemma_.lower(), trigger.pos_, pattern.relation, pattern.cameo, pattern.strength)
    for s in sources:
        for t in targets:
            for a, b in ((s, t), (t, s)) if pattern.mutual else ((s, t),):
                emit_interaction(ctx, sent_idx, trigger.sent, trigger, trig, pattern.relation, pattern.cameo, a, b,
                                 mod, reporter, f"pattern:{pattern.name}")
