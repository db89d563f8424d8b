"""Shared state for the extraction rules of one document: mentions, resolved arguments, and the
context object every rule reads and appends to. Kept apart so that mentions, arguments, modality and
the rules themselves can live in small modules without importing each other in circles.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..gazetteer import Gazetteer, Trigger
from ..model import Actor, Document, Interaction, Office

__all__ = [
    "FAMILY_NAME_FIRST", "MODIFIERS", "PAST_OFFICE_WORDS", "NUMBER_WORDS", "PERSON_PRONOUNS", "PLURAL_PRONOUNS", "PRONOUNS",
    "QUANTIFIERS", "SUBJ", "DocContext", "Mention", "Ref", "latest_act"
]

SUBJ = ("nsubj", "nsubjpass", "csubj")
MODIFIERS = ("poss", "amod", "compound", "nmod", "npadvmod")
PRONOUNS = {"it", "its", "they", "their", "them", "he", "his", "she", "her", "him", "itself", "themselves"}
PERSON_PRONOUNS = {"he", "his", "she", "her", "him"}
FAMILY_NAME_FIRST = {"CHN", "TWN", "KOR", "PRK", "VNM", "KHM", "HKG", "MNG"}
PLURAL_PRONOUNS = {"they", "their", "them", "themselves"}
# 'a RETIRED NATO general', 'the LATE king', 'ONETIME foreign minister': offices no longer held
PAST_OFFICE_WORDS = frozenset({"former", "ex", "retired", "erstwhile", "onetime", "one-time", "late"})
QUANTIFIERS = {"one", "some", "most", "many", "all", "part", "several", "each", "both", "none", "any",
               "hundreds", "thousands", "dozens", "scores", "tens", "millions", "much", "members", "remnants",
               "elements", "units", "few", "half", "rest"}


@dataclass
class Mention:
    """Tokens ``start``..``end`` that name ``actor``; ``location`` marks a place reading ("talks in
    Muscat"), which is kept so that later rules can tell a place from a party."""

    actor: str  # actor id (a person id for officials)
    kind: str  # name | capital | demonym | part | person
    sector: str | None
    start: int  # token index
    end: int
    location: bool = False
    affiliation: str | None = None  # for persons


@dataclass
class Ref:
    """An argument resolved to an actor, with how it was found (for the confidence and the rule)."""

    actor: str
    sector: str | None = None
    official: str | None = None  # person id when a titled person acted for the actor
    factor: float = 1.0
    how: str = ""


@dataclass
class DocContext:
    """Per-document state shared by the rules."""

    doc: Doc
    document: Document
    gz: Gazetteer
    doc_date: str | None
    mentions: dict[int, Mention] = field(default_factory=dict)  # token index -> mention
    persons: dict[str, Actor] = field(default_factory=dict)
    offices: list[Office] = field(default_factory=list)
    surnames: dict[str, str] = field(default_factory=dict)
    titles_held: dict[str, list[str]] = field(default_factory=dict)  # lower title -> person ids
    interactions: list[Interaction] = field(default_factory=list)
    salience: list[tuple[int, int, Interaction]] = field(default_factory=list)  # (sentence, depth, ix)
    # (mediator, trigger, entry, sentence, modality, reporter, parties the sentence names)
    deferred_mediation: list[tuple[Ref, Token, Trigger, int, str, Ref | None, frozenset[str]]] = field(default_factory=list)
    sent_index: dict[int, int] = field(default_factory=dict)  # first token of a sentence -> its index
    events: list[tuple[int, str, str, str]] = field(default_factory=list)  # (token, lemma, relation, actor) without target
    sentence_dates: dict[int, tuple] = field(default_factory=dict)  # sentence start -> (DATE spans, episode); see when.sentence_dates
    home: str | None = None  # the state a story was filed from (its dateline), once mentions are found
    resolving_subjects: set[int] = field(default_factory=set)  # verbs whose subject is being resolved (no loops)

    def type_of(self, actor: str) -> str:
        """The actor type of a mention's actor: a gazetteer actor's own, "Person" for an official named
        in the text (whose id the gazetteer does not know: 'P_Maj_Sahel' must not raise KeyError)."""
        known = self.gz.actors.get(actor)
        return known.type if known is not None else "Person"

    @property
    def title_heads(self) -> dict[str, str | None]:
        """Words that end a title ("minister", "envoy", "chief") with their sector."""
        return self.gz.title_heads
def latest_act(ctx: DocContext, sent_idx: int, tok: Token,
               keep: Callable[[Interaction], bool] | None = None) -> list[Interaction]:
    """The claims of the latest act told before ``tok`` (of those ``keep`` accepts): in its sentence, else
    in the one before — what a pro-verb repeats ('Mali did the same') or a label is pinned on ('called it
    a provocation')."""
    for s in (sent_idx, sent_idx - 1):
        before = [ix for ix in ctx.interactions if ix.sentence == s and not ix.source.startswith("P_")
                  and (s < sent_idx or ix.trigger_start < tok.idx) and (keep is None or keep(ix))]
        if before:
            last = max(ix.trigger_start for ix in before)
            return [ix for ix in before if ix.trigger_start == last]
    return []


NUMBER_WORDS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
