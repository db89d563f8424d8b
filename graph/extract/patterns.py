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
from .arguments import args_or_pair, np_refs, subject_refs
from .context import SUBJ
from .context import DocContext
from .frames import emit_interaction
from .modality import clause_modality, noun_modality
from .triggers import time_phrase

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


def _answered_for(pred: Token) -> list[Token]:
    """What 'responsible FOR …' / 'guilty OF …' names."""
    return [p for c in pred.children if c.dep_ == "prep" and c.lower_ in ("for", "of") for p in c.children if p.dep_ == "pobj"]


def _a_harm(ctx: DocContext, noun: Token) -> bool:
    """A harm: a word of ``harm_nouns`` or an event noun of a hostile relation ('the STRIKE', 'the blockade')."""
    lemma = noun.lemma_.lower()
    if lemma in ctx.gz.word_list("harm_nouns"):
        return True
    entries = ctx.gz.triggers.get((lemma, "NOUN"), []) + ctx.gz.generated.get((lemma, "NOUN"), [])
    return any(ctx.gz.relations.get(t.relation, {}).get("sign", 0) < 0 for t in entries)


@guard("answers_for_a_harm")
def _answers_for_a_harm(ctx: DocContext, nodes: dict[str, Token]) -> bool:
    """What the PRED node ('responsible', 'accountable') says the target answers for, if anything, is a
    harm: 'responsible for the downing', not 'responsible for security' or 'for the talks'."""
    answered = _answered_for(nodes["PRED"])
    return not answered or any(_a_harm(ctx, n) for n in answered)


@guard("names_the_harm")
def _names_the_harm(ctx: DocContext, nodes: dict[str, Token]) -> bool:
    """The sentence says what the target answers for (a bare 'X is responsible' after a speech verb is
    too often a duty: 'said Baghdad was responsible')."""
    return bool(_answered_for(nodes["PRED"]))


@guard("a_person_travels")
def _a_person_travels(ctx: DocContext, nodes: dict[str, Token]) -> bool:
    """The SOURCE is a named person or a diplomatic agent noun ('the delegation', 'Iran's envoy') —
    not jets, troops or refugees, whose going somewhere is no visit."""
    source = nodes["SOURCE"]
    m = ctx.mentions.get(source.i)
    lemma = source.lemma_.lower()
    return (m is not None and m.kind == "person") or lemma in ctx.title_heads \
        or ctx.gz.agent_nouns.get(lemma) == "DIP"


@guard("a_joint_undertaking")
def _a_joint_undertaking(ctx: DocContext, nodes: dict[str, Token]) -> bool:
    """What the SOURCE is part of is a mission, operation or coalition (word list joint_undertakings)."""
    return nodes["UNDERTAKING"].lemma_.lower() in ctx.gz.word_list("joint_undertakings")


@guard("target_is_named")
def _target_is_named(ctx: DocContext, nodes: dict[str, Token]) -> bool:
    """The TARGET node names an actor or a person itself, or is a pronoun — not a thing of theirs
    ('called Mexico's decision "an unfriendly act"')."""
    target = nodes["TARGET"]
    return target.i in ctx.mentions or target.pos_ == "PRON"


@guard("hostile_label")
def _hostile_label(ctx: DocContext, nodes: dict[str, Token]) -> bool:
    """The LABEL node is one of the words that make 'call' hostile (lex:label's ag:requiresLabel) and the
    TARGET is an act, not an actor ('said Algeria's MOVE was unacceptable', not 'said Algeria was …')."""
    labels = {w for t in ctx.gz.triggers.get(("call", "VERB"), []) for w in t.label_words}
    label, target = nodes["LABEL"], nodes["TARGET"]
    return (label.lemma_.lower() in labels or label.lower_ in labels) and target.i not in ctx.mentions


@guard("bare_object")
def _bare_object(ctx: DocContext, nodes: dict[str, Token]) -> bool:
    """The verb has its object and nothing that makes it another verb: no label or complement ('called
    the strike a crime', 'called him to resign'), no appeal ('called ON'), no particle ('called off')."""
    blocking = ("oprd", "xcomp", "ccomp", "attr", "acomp", "prt", "dative")
    return not any(c.dep_ in blocking or (c.dep_ == "prep" and c.lower_ in ("on", "upon", "for", "to") and not time_phrase(c))
                   for c in nodes["TRIGGER"].children)


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
    source = nodes.get("SOURCE")
    if source is not None and source.dep_ in SUBJ and source.head == trigger:
        sources = subject_refs(ctx, trigger)  # ('Boric, WHO called Lula': the subject as any verb's is found)
    else:
        sources = np_refs(ctx, source, how="pattern-source") if source is not None else []
    targets = args_or_pair(ctx, nodes["TARGET"], sent_idx, "pattern-target") if "TARGET" in nodes else []
    mod, reporter = (clause_modality(ctx, trigger) if trigger.pos_ in ("VERB", "AUX") else noun_modality(ctx, trigger))
    trig = Trigger(trigger.lemma_.lower(), trigger.pos_, pattern.relation, pattern.cameo, pattern.strength)
    for s in sources:
        for t in targets:
            for a, b in ((s, t), (t, s)) if pattern.mutual else ((s, t),):
                emit_interaction(ctx, sent_idx, trigger.sent, trigger, trig, pattern.relation, pattern.cameo, a, b,
                                 mod, reporter, f"pattern:{pattern.name}")
