"""Parse repairs for constructions of news English the small statistical parser gets wrong.

The **split perfect**: a time adverbial between the auxiliary and the
participle — "Kenya has for years accused Uganda …", "Russia has since 2022 supplied weapons to Mali",
"China has over the past decade armed Pakistan". The parser takes "has" for the main verb (possession)
and hangs the participle under the time noun ("years → accused", acl) or reads it as an adjective
("armed Pakistan", amod), so the act loses its subject and object. The ``split_perfect`` component,
after the parser, makes the participle the head of the clause again: the auxiliary, the subject and the
time phrase hang on it, and what the time phrase swallowed after the participle is its object.
And a **root tagged as a noun** that has a subject and an object is a verb ("Chile and Bolivia reset ties");
a **name hung as a modifier** on a verb with no subject is its subject ("once Armenia and Azerbaijan sign");
a **fronted name before an apposition** is the subject ("Beijing, Phnom Penh's largest creditor and closest
backer, has said"); a **second complement after a comma** with no subject is a conjunct of the speech
verb ("said Tehran would not pay, demanded that Baghdad …").

>>> import spacy
>>> from graph import parse_repair
>>> from graph.nlp import model_name
>>> nlp = spacy.load(model_name()); _ = nlp.add_pipe("split_perfect", after="parser")
>>> doc = nlp("Kenya has for years accused Uganda of stealing cattle.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text in ("Kenya", "has", "accused", "Uganda")]
[('Kenya', 'nsubj', 'accused'), ('has', 'aux', 'accused'), ('accused', 'ROOT', 'accused'), ('Uganda', 'dobj', 'accused')]
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

__all__ = ["split_perfect", "TIME_PREPS", "repair_split_perfect", "repair_root_noun", "repair_name_before_subjectless_verb",
           "repair_fronted_name_apposition", "repair_subjectless_ccomp_after_comma"]

TIME_PREPS = frozenset({"for", "since", "over", "during", "throughout", "until", "in"})
_TIME_WORDS = frozenset({"the", "a", "past", "last", "recent", "several", "many", "few", "two", "three", "four",
                         "five", "ten", "decades", "decade", "years", "year", "months", "month", "weeks", "week",
                         "days", "then", "now", "long", "some", "time", "least", "at", "more", "than", "over"})
_MAX_GAP = 6  # tokens of the time phrase
_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "relcl"})  # 'has' heading a clause of its own


def _time_phrase_end(doc: Doc, prep: Token) -> int | None:
    """Index of the participle right after a time phrase opened by ``prep`` ('for years', 'since 2022',
    'over the past decade'); None when what follows is no time phrase or no participle."""
    for k in range(prep.i + 1, min(len(doc), prep.i + 1 + _MAX_GAP)):
        t = doc[k]
        if t.tag_ in ("VBN", "VBD") or (t.dep_ == "amod" and t.text.endswith("ed")):
            return k if k > prep.i + 1 else None
        if not (t.lower_ in _TIME_WORDS or t.like_num or t.ent_type_ in ("DATE", "TIME")):
            return None
    return None


def _rehead(tok: Token, head: Token, dep: str) -> None:
    tok.head = head
    tok.dep_ = dep


def repair_split_perfect(doc: Doc) -> Doc:
    """Make the participle of 'has <time phrase> <participle>' the clause's head (see the module)."""
    for have in doc:
        if have.lower_ not in ("has", "have", "had") or have.dep_ not in _CLAUSE_DEPS:  # (no lemmas yet)
            continue
        nxt = doc[have.i + 1] if have.i + 1 < len(doc) else None
        if nxt is None or nxt.lower_ not in TIME_PREPS or nxt.head != have:
            continue
        k = _time_phrase_end(doc, nxt)
        if k is None:
            continue
        verb = doc[k]
        sent_end = have.sent.end
        moved = [c for c in have.children if c != verb]
        # what the time phrase or the participle's noun swallowed after the participle is the clause's
        swallowed = [t for t in doc[k + 1:sent_end] if t.head.i < k and t.head.i >= nxt.i and t.head != verb]
        _rehead(verb, verb if have.dep_ == "ROOT" else have.head, have.dep_)
        verb.tag_, verb.pos_ = "VBN", "VERB"
        _rehead(have, verb, "aux")
        for c in moved:
            _rehead(c, verb, "dobj" if c.i > k and c.dep_ in ("dobj", "pobj") else c.dep_)
        for t in swallowed:
            _rehead(t, verb, "dobj" if t.dep_ in ("pobj", "dobj", "nsubj") else t.dep_)
    return doc


def repair_root_noun(doc: Doc) -> Doc:
    """A clause's root the tagger called a noun but the parser gave a subject and an object is a verb:
    'Chile and Bolivia reset ties', 'the two sides cut links' (past forms spelt like nouns)."""
    for tok in doc:
        deps = {c.dep_ for c in tok.children}
        if tok.dep_ == "ROOT" and tok.tag_ in ("NN", "NNS") and "nsubj" in deps and "dobj" in deps:  # (POS comes later)
            tok.tag_, tok.pos_ = ("VBZ" if tok.text.endswith("s") else "VBD"), "VERB"
    return doc


_FINITE = frozenset({"VB", "VBP", "VBD", "VBZ"})


def repair_name_before_subjectless_verb(doc: Doc) -> Doc:
    """A finite verb with no subject whose name to its left the parser hung on it as a modifier
    ('only once Armenia and Azerbaijan sign the treaty': Armenia nmod of sign) has that name for subject."""
    for verb in doc:
        if verb.tag_ not in _FINITE or verb.dep_ not in _CLAUSE_DEPS \
                or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
            continue
        name = next((c for c in verb.lefts if c.dep_ in ("nmod", "npadvmod") and c.tag_ in ("NNP", "NNPS")), None)
        if name is not None:
            name.dep_ = "nsubj"
    return doc


def repair_fronted_name_apposition(doc: Doc) -> Doc:
    """'Beijing, Phnom Penh's largest creditor and closest backer, has said …': the parser hangs the name on
    the appositive noun as a modifier and makes that noun the subject. The name, set off by a comma, is
    the subject; the noun phrase between the commas is its apposition."""
    for name in doc:
        if name.dep_ not in ("nmod", "compound") or name.tag_ not in ("NNP", "NNPS") or name.i + 1 >= len(doc) \
                or doc[name.i + 1].text != ",":
            continue
        noun = name.head
        if noun.i <= name.i + 1 or noun.dep_ not in ("nsubj", "nsubjpass") or noun.tag_ not in ("NN", "NNS"):  # (no POS yet)
            continue
        edge = noun.right_edge.i  # (the closing comma may already hang on the noun)
        if doc[edge].text != "," and (edge + 1 >= len(doc) or doc[edge + 1].text != ","):
            continue
        verb = noun.head
        _rehead(name, verb, noun.dep_)
        _rehead(noun, name, "appos")
    return doc


def repair_subjectless_ccomp_after_comma(doc: Doc) -> Doc:
    """'… said Tehran would not go on supplying gas, demanded that Baghdad find a way …': a finite verb after
    a comma that the parser made a second complement of the verb, with no subject of its own, is that
    verb's conjunct (the same speaker's next act)."""
    for verb in doc:
        head = verb.head
        if verb.dep_ != "ccomp" or verb.tag_ not in ("VBD", "VBZ") or verb.i == 0 or doc[verb.i - 1].text != "," \
                or head.i >= verb.i or head.tag_ not in ("VBD", "VBZ"):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for c in verb.children) \
                or not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children) \
                or not any(c.dep_ == "ccomp" and c.i < verb.i for c in head.children):
            continue
        verb.dep_ = "conj"
    return doc


@Language.component("split_perfect")
def split_perfect(doc: Doc) -> Doc:
    """Registered pipeline component (after the parser): ``repair_split_perfect``, ``repair_root_noun``,
    ``repair_name_before_subjectless_verb``, ``repair_fronted_name_apposition`` and
    ``repair_subjectless_ccomp_after_comma``."""
    for repair in (repair_split_perfect, repair_root_noun, repair_name_before_subjectless_verb,
                   repair_fronted_name_apposition, repair_subjectless_ccomp_after_comma):
        doc = repair(doc)
    return doc
