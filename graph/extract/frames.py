"""Frames: one predicate with its roles, on its way to becoming interactions.

A :class:`Frame` is built for every trigger token (a verb, an event noun, a participle, a role noun):
the relation and CAMEO code its lexicon entry names, the actors found in its roles (``sources`` —
agents; ``targets`` — patients and recipients; ``between`` — the parties of "talks between A and B"),
its modality and who reports it. Small named steps (``graph.extract.verbs``, ``graph.extract.nouns``)
fill the roles one construction at a time; :meth:`Frame.emit` turns a (source, target) pair into an
:class:`~graph.model.Interaction` that keeps the sentence, the trigger offsets and the steps that
found it, so every claim can be explained.

Steps are plain functions ``step(frame) -> bool``: ``True`` means the frame is finished (it emitted
what it had, or the construction rules it out). :func:`run_steps` applies them in order.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..gazetteer import Gazetteer, Trigger
from ..model import Actor, Interaction
from .arguments import tree_depth
from .context import DocContext, Ref
from .when import date_for

__all__ = ["Frame", "Step", "run_steps", "refine_code", "plays", "KEEP"]


def plays(gz: Gazetteer, relation: str, *roles: str) -> bool:
    """Does ``relation`` play one of ``roles`` (``ag:extractionRole``: 'force', 'appeal', 'mediation'…)?

    >>> from graph.gazetteer import load
    >>> gz = load()
    >>> plays(gz, "attacks", "force"), plays(gz, "pressures", "demand", "appeal"), plays(gz, "opposes", "force")
    (True, True, False)
    """
    return any(relation in gz.vocabulary.playing(role) for role in roles)

KEEP = object()  # "leave the frame's own value": the default of Frame.emit's reporter


@dataclass
class Frame:
    """A predicate in a sentence and what the steps have found about it so far."""

    ctx: DocContext
    sent_idx: int
    sent: Span
    tok: Token
    trig: Trigger
    relation: str
    cameo: str
    modality: str = "asserted"
    reporter: Ref | None = None
    sources: list[Ref] = field(default_factory=list)
    targets: list[Ref] = field(default_factory=list)
    between: list[Ref] = field(default_factory=list)
    mutual: set[str] = field(default_factory=set)  # "clashed WITH Y": Y fought back
    passive: bool = False
    preps: list[tuple[str, Token]] = field(default_factory=list)  # the trigger's own prepositional objects
    # for event nouns: the verb the noun is an argument of ("LAUNCHED strikes"), the actors modifying
    # it ("US-Iran talks"), light-verb relative clauses about it ("the treaty they SIGNED"), and the
    # tokens whose prepositions name its roles (the noun, those clauses, the phrase up to a light verb)
    governor: Token | None = None
    modifiers: list[Ref] = field(default_factory=list)
    relative_hosts: list[Token] = field(default_factory=list)
    hosts: list[Token] = field(default_factory=list)
    # "China halted imports of Japanese seafood": a ceased act is both presupposed (it went on) and
    # negated (it stops) — the guidelines keep one claim per polarity class, so both are emitted
    also_negated: bool = False

    @property
    def gz(self):
        return self.ctx.gz

    @property
    def lemma(self) -> str:
        return self.tok.lemma_.lower()

    @property
    def symmetric(self) -> bool:
        return self.gz.relations.get(self.relation, {}).get("symmetric", False)

    def plays(self, *roles: str) -> bool:
        """Does the frame's relation play one of these roles (``ag:extractionRole`` in the ontology)?
        Rules ask for a role ('force', 'appeal'), never for a relation's name."""
        return plays(self.gz, self.relation, *roles)

    def rel(self, role: str) -> str:
        """The relation a rule emits for ``role`` ('agreement' -> cooperatesWith)."""
        return self.gz.vocabulary.the(role)

    def relation_code(self, relation: str) -> str:
        """The default CAMEO code of a relation (``ontology/actorgraph.ttl``)."""
        return self.gz.relations.get(relation, {}).get("cameo", "")

    def emit(self, src: Ref, tgt: Ref, path: str, *, relation: str | None = None, cameo: str | None = None,
             modality: str | None = None, reporter=KEEP, other: Ref | None = None, factor: float = 1.0,
             tok: Token | None = None) -> None:
        """Record ``src`` —relation→ ``tgt`` (the frame's own relation, modality and reporter unless given)."""
        relation = relation or self.relation
        cameo = self.cameo if cameo is None else cameo
        modality = modality or self.modality
        reporter = self.reporter if reporter is KEEP else reporter
        emit_interaction(self.ctx, self.sent_idx, self.sent, tok or self.tok, self.trig, relation, cameo, src, tgt,
                         modality, reporter, path, other=other, factor=factor)
        if self.also_negated and modality in ("asserted", "reported"):
            emit_interaction(self.ctx, self.sent_idx, self.sent, tok or self.tok, self.trig, relation, cameo, src, tgt,
                             "negated", reporter, path + "+ceased", other=other, factor=factor * 0.9)


Step = Callable[[Frame], bool]


def run_steps(frame: Frame, steps: Sequence[Step]) -> None:
    """Apply ``steps`` in order until one says the frame is finished."""
    for step in steps:
        if step(frame):
            return


def refine_code(ctx: DocContext, tok: Token, relation: str, code: str) -> str:
    """A more specific CAMEO code when the trigger's clause has one of a refinement's words
    (``ag:CodeRefinement``: "urged restraint" is 0256, not 020)."""
    scope = {t.lemma_.lower() for t in tok.subtree}
    if tok.head != tok:
        scope |= {t.lemma_.lower() for t in tok.head.subtree} if tok.pos_ == "NOUN" else set()
    for rel, words, refined in ctx.gz.refinements:
        if rel == relation and scope & words and refined:
            return refined
    return code


def emit_interaction(ctx: DocContext, sent_idx: int, sent: Span, tok: Token, trig: Trigger, relation: str, cameo: str,
                     src: Ref, tgt: Ref, modality: str, reporter: Ref | None, path: str,
                     other: Ref | None = None, factor: float = 1.0) -> None:
    """Append one interaction (and, for an official's act, its person-level twin) to the document."""
    if src.actor == tgt.actor:
        return
    if trig.target_types and ctx.gz.actors.get(tgt.actor, Actor("", "", "")).type not in trig.target_types:
        return
    if tgt.actor.lower() in trig.excluded_targets:
        return  # ('lodged a complaint with the ICJ' asks no court to act: ag:excludesTargetFrom)
    if other is not None and other.actor in (src.actor, tgt.actor):
        return
    gz = ctx.gz
    code = refine_code(ctx, tok, relation, cameo or gz.relations.get(relation, {}).get("cameo", ""))
    date, date_text, episode = date_for(ctx, tok, sent)
    conf = trig.strength * src.factor * tgt.factor * factor
    if modality == "reported":
        conf *= 0.95
    ix = Interaction(
        source=src.actor, relation=relation, target=tgt.actor, doc_id=ctx.document.id, sentence=sent_idx,
        trigger=tok.text, trigger_start=tok.idx, trigger_end=tok.idx + len(tok.text), modality=modality,
        confidence=max(0.05, min(0.99, conf)), cameo=code, goldstein=gz.goldstein(code), quad=gz.quad(code),
        date=date, date_text=date_text, reported_by=(reporter.official or reporter.actor) if reporter else None,
        other_party=other.actor if other else None, source_sector=src.sector, target_sector=tgt.sector,
        source_official=src.official, episode=episode,
        path="+".join(p for p in (path, src.how, tgt.how) if p),
    )
    ctx.interactions.append(ix)
    ctx.salience.append((sent_idx, tree_depth(tok), ix))
    if src.official:  # officials act for their state; keep the person-level claim too, linked
        person_ix = Interaction(**{**ix.__dict__, "source": src.official, "source_official": None,
                                   "path": ix.path + "+official"})
        ctx.interactions.append(person_ix)
