"""Triggers: which lexicon entries (``ontology/lexicon.ttl``) a token can be.

A token is looked up by (lemma, part of speech); a phrasal verb ("ordered OUT", "lashed OUT at") is
an entry of its own. An entry may require an object ("HOSTED talks" is mediation, "hosted a warship"
base access) or, on a noun, a modifier ("a PHONE call"): the specific reading beats the generic one.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from ..gazetteer import Gazetteer, Trigger

__all__ = ["trigger_pos", "triggers_for", "gerund_entries", "phrasal_object", "requirement_met", "object_lemmas", "participle_patient", "instrument"]


def trigger_pos(tok: Token) -> str:
    """The lexicon's part of speech for a token: participles modifying a noun count as verbs."""
    if tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBG") and tok.dep_ in ("amod", "acl"):
        return "VERB"
    return "NOUN" if tok.pos_ in ("NOUN", "PROPN") else tok.pos_


def triggers_for(gz: Gazetteer, tok: Token) -> list[Trigger]:
    """Every lexicon entry ``tok`` instantiates here, the object-specific ones first and alone."""
    pos = trigger_pos(tok)
    lemma = tok.lemma_.lower()
    particle = _particle(gz, tok, lemma) if pos == "VERB" else None
    phrasal = _entries(gz, f"{lemma} {particle}", pos) if particle else None
    if phrasal:
        return [t for t in phrasal if not t.requires_object or requirement_met(tok, t)]
    if particle in MEANING_PARTICLES:
        return []  # "stood down", "called off", "backed down", "pulled out": another verb than the plain one
    found = _entries(gz, lemma, pos) or _entries(gz, tok.lower_, pos)
    if pos == "NOUN" and not found and lemma.endswith("s"):
        found = _entries(gz, lemma[:-1], pos)
    if pos == "NOUN" and not found and tok.lower_.endswith("ing") and (
            tok.dep_ in ("amod", "compound") or (tok.dep_ == "pobj" and tok.tag_ == "NN" and not tok.n_lefts)):
        # "a mediating role": the tagger's noun is the verb's participle; "a role in MEDIATING between …":
        # a bare gerund after a preposition is the verb
        found = gerund_entries(gz, tok.lower_)
    # "hosted talks" is mediation, not a host's visit; "shuttle diplomacy" is mediation, not talks
    specific = [t for t in found if t.requires_object and requirement_met(tok, t)]
    # "supplied gas TO Poland" is trade: an entry whose object is named beats one that wants only a
    # preposition
    named = [t for t in specific if requirement_met(tok, t, lexical_only=True)]
    if named or specific:
        return named or specific
    return [t for t in found if (not t.requires_object or pos == "VERB") and not excluded(tok, t)]


def excluded(tok: Token, trig: Trigger) -> bool:
    """Does the trigger's object (a verb's) or modifier (a noun's) rule the entry out ('shares a BORDER
    with', 'OIL deliveries' are no support)? Entries that also require an object check it there."""
    return bool(trig.excludes_object) and bool(_constraint_words(tok, trig) & set(trig.excludes_object))


def _constraint_words(tok: Token, trig: Trigger) -> set[str]:
    """What an entry's required and excluded objects are matched against: a verb's objects, a noun's
    modifiers."""
    if trig.pos == "VERB":
        return object_lemmas(tok)
    return {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")} | _of_theme(tok)


def _of_theme(noun: Token) -> set[str]:
    """What an event noun's 'of' phrase says it is of: 'sales OF ELECTRICITY', 'deliveries of Russian
    gas and oil', 'sales of its share of the electricity' (through a quantity word)."""
    out = set()
    for p in (p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"):
        for cc in [p] + list(p.conjuncts):
            out.add(cc.lemma_.lower())
            out.update(_quantified_lemmas(cc))
    return out


# particles that make a phrasal verb mean something else than its verb ("stand down" is no standing
# by, "back down" no backing); "stepped UP attacks", "hit BACK" keep their verb's meaning
MEANING_PARTICLES = ("down", "off", "out", "away", "ahead")  # (+ "pressed AHEAD with the project": went on)


def _particle(gz: Gazetteer, tok: Token, lemma: str) -> str | None:
    """The verb's particle: a 'prt' child, or a preposition right after the verb that makes a phrasal
    entry of the lexicon ('brushed off the criticism' parsed with 'off' as a preposition)."""
    prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    if prt is not None:
        return prt
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and (nxt.dep_ == "prep" or (nxt.dep_ == "advmod" and nxt.tag_ in ("RBR", "JJR"))) \
            and nxt.head == tok and _entries(gz, f"{lemma} {nxt.lower_}", "VERB"):
        return nxt.lower_  # (and a comparative that makes one: 'DREW CLOSER to China')
    # separated from the verb by its object: 'ordered Russian border guards OUT of the airport'
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    after = [c for c in tok.children if obj is not None and c.i == obj.right_edge.i + 1 and c.dep_ in ("prep", "advmod")]
    if after and _entries(gz, f"{lemma} {after[0].lower_}", "VERB"):
        return after[0].lower_
    return None


def verb_lemma(tok: Token) -> str:
    """The verb's lemma with its particle ('turned DOWN the request' -> 'turn down'): what word lists
    of phrasal verbs are matched against."""
    prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    return f"{tok.lemma_.lower()} {prt}" if prt else tok.lemma_.lower()


def phrasal_object(tok: Token) -> Token | None:
    """The object of a phrasal verb whose particle the parser made a preposition ('brushed off THE
    CRITICISM')."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.dep_ == "prep" and nxt.head == tok:
        return next((p for p in nxt.children if p.dep_ == "pobj"), None)
    return None


def gerund_entries(gz: Gazetteer, word: str) -> list[Trigger]:
    """The VERB entries of an -ing form the tagger took for a noun ('mediating' -> mediate,
    'stopping' -> stop, 'bombing' -> bomb)."""
    stem = word[:-3]
    for cand in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else None):
        if cand and _entries(gz, cand, "VERB"):
            return _entries(gz, cand, "VERB")
    return []


def _entries(gz: Gazetteer, lemma: str, pos: str) -> list[Trigger]:
    """The hand-written entries for (lemma, pos), else the generated ones (PETRARCH2, WordNet)."""
    return gz.triggers.get((lemma, pos)) or gz.generated.get((lemma, pos)) or []


def requirement_met(tok: Token, trig: Trigger, lexical_only: bool = False) -> bool:
    """A verb's required object, or a noun's required modifier ("a PHONE call"; "a call for restraint"
    is not a conversation); with ``lexical_only``, a named one, not just a preposition (``_prep``)."""
    found = _constraint_words(tok, trig)
    if lexical_only:
        found = {w for w in found if not w.startswith("_prep")}
    return bool(found & set(trig.requires_object)) and not found & set(trig.excludes_object)


# a hyphenated military designation: F-35(s), S-400, MiG-29, Su-57, J-10C, KF-21
DESIGNATION = re.compile(r"^[a-z]{1,4}-\d{1,3}[a-z]?s?$")


def name_forms(t: Token) -> set[str]:
    """The forms under which a named thing is listed (the word lists are lower-case and singular): the
    tagger leaves 'Rafales' or 'F-35s' as written; '_designation' for any military designation."""
    if not (t.text[:1].isupper() or DESIGNATION.match(t.lower_)):
        return set()
    low = t.lower_
    out = {low, low[:-1]} if low.endswith("s") and len(low) > 3 else {low}
    if DESIGNATION.match(low):
        out.add("_designation")
    return out


def time_phrase(prep: Token) -> bool:
    """'called Macron ON MONDAY', 'met in March': a preposition whose object is a date or time says
    when, not to or on whom."""
    objs = [p for p in prep.children if p.dep_ == "pobj"]
    return bool(objs) and all(p.ent_type_ in ("DATE", "TIME") for p in objs)


def object_lemmas(tok: Token) -> set[str]:
    """Lemmas of what a verb acts on: its object(s), the noun a relative clause or participle
    describes, the surface subject a passive participle is about; ``_prep`` when it has a preposition,
    ``_coordinated_subject`` when it has several subjects and no object,
    ``_to`` (and ``_to:LEMMA``) when it has an infinitive complement."""
    out = set()
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr"):
            if c.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
                c = tok.head  # "talks that Iraq and Oman had hosted": the relative pronoun is the noun
            for cc in [c] + list(c.conjuncts):
                out.add(cc.lemma_.lower())
                out.update(f"{k.lemma_.lower()} {cc.lemma_.lower()}" for k in cc.children if k.dep_ == "compound")
                out.update(name_forms(cc))  # "bought 24 Rafales", "F-35s"; "a BATTLE GROUP" (compound + noun)
                out.update(_quantified_lemmas(cc))  # "buys nearly all of its gas", "a large share of its crude"
                of = quantified_noun(cc)  # "$5 billion of Canadian CANOLA seed": what the goods are
                out.update(k.lemma_.lower() for k in (of.children if of is not None else ()) if k.dep_ == "compound")
        if c.dep_ in ("prep", "dative"):
            out.add("_prep")  # any preposition, or this one ("trade WITH") — unless it says when ('ON MONDAY')
            if not time_phrase(c):
                out.add(f"_prep:{c.lower_}")
        if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            out.update(("_to", f"_to:{c.lemma_.lower()}"))  # an infinitive ("agreed TO EXTEND the corridor")
    if any(c.dep_ == "nsubj" and c.conjuncts for c in tok.children) and not any(c.dep_ in ("dobj", "ccomp") for c in tok.children):
        out.add("_coordinated_subject")  # "the ceasefire India and Pakistan AGREED on May 10": agreed with each other
    if not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
        # "ties between Tehran and Baku had been thawing": an intransitive verb's subject is what changes
        out.update(c.lemma_.lower() for c in tok.children if c.dep_ == "nsubj" and c.pos_ == "NOUN")
    if tok.dep_ == "relcl" and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
        out.add(tok.head.lemma_.lower())  # "the treaty he signed with Putin": the described noun is the object
    if tok.dep_ in ("amod", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
        out.add(tok.head.lemma_.lower())  # "the meeting, hosted by Turkey": the noun is the object
    subj = participle_patient(tok)
    if subj is not None:
        out.add(subj.lemma_.lower())
    return out


QUANTITY_NOUNS = ("all", "most", "much", "some", "part", "share", "portion", "bulk", "half", "third", "quarter",
                  "majority", "lot", "plenty", "none", "any", "each", "one", "many", "several", "rest",
                  # measures and sums: '$5 billion of Canadian canola', '2 million barrels of Russian oil'
                  "billion", "million", "trillion", "thousand", "barrel", "tonne", "ton", "worth", "percent", "%",
                  "shipment", "cargo", "consignment", "volume", "amount", "quantity", "batch", "unit", "delivery")


def quantified_noun(tok: Token) -> Token | None:
    """The noun a quantity word or number is of ('all of its gas', '$5 billion of Canadian canola' ->
    the gas, the canola), or None."""
    if tok.lower_ not in QUANTITY_NOUNS and tok.lemma_.lower() not in QUANTITY_NOUNS and tok.tag_ != "CD":
        return None
    return next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                 if p.dep_ == "pobj"), None)


def _quantified_lemmas(tok: Token) -> set[str]:
    """The lemma of the noun a quantity word is of ('all of its gas' -> gas)."""
    of = quantified_noun(tok)
    return {of.lemma_.lower()} if of is not None else set()


def participle_patient(tok: Token) -> Token | None:
    """'Talks … resumed in Almaty, hosted by Kazakhstan': a passive participle hung on the clause is
    about the clause's subject."""
    if tok.dep_ == "advcl" and tok.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def instrument(gz: Gazetteer, v: Token) -> Trigger | None:
    """'hit by US tariffs', 'sanctions hit Iran': the agent is itself an event noun of another
    relation; the verb only says it landed. Returns that noun's trigger."""
    agents = [c for c in v.children if c.dep_ == "nsubj"]
    agents += [p for c in v.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    force = gz.vocabulary.playing("force")  # an attack noun is the act itself ('strikes hit Iran')
    for a in agents:
        for t in gz.triggers.get((a.lemma_.lower(), "NOUN"), []):
            if t.relation not in force:
                return t
    return None
