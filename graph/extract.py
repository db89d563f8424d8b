"""Find actors, officials and interactions in a parsed document.

How it works, in the order a reader would check a claim:

1. **Mentions.** The entity ruler (see ``graph.nlp``) has marked every gazetteer alias with its actor.
   A capital or country after a locative preposition ("talks in Muscat") is a place, not an actor.
   PERSON entities with a title ("Iranian Foreign Minister Abbas Araghchi", "Araghchi, Iran's foreign
   minister") become officials with an Office; later surname-only mentions and an unambiguous
   "the foreign minister" are the same person.
2. **Triggers.** Every token whose (lemma, part of speech) is in ``ontology/lexicon.ttl`` is a
   candidate. Its arguments come from the dependency parse: subject / passive agent / object /
   preposition objects for verbs; possessor, modifiers, "by"-phrases and light-verb subjects for nouns
   ("Washington's plea to Jerusalem", "Israel launched strikes on Iran"); coordination expands both
   sides ("the US and Iran met"); control verbs pass their object on ("urged Israel to refrain").
3. **Modality.** Negation, modal auxiliaries, conditionals, intent verbs ("plans to strike") and
   reported speech ("Israeli officials said") are read off the clause; they are kept but flagged.
4. **Time.** The closest date expression in the sentence, normalised against the document date; a
   named episode ("the 12-day clash") dates an interaction that has no more precise date.
5. **Document context.** "The two allies" and parties of mediation the sentence leaves implicit are
   resolved from the document's earlier, salient interactions — with a lower confidence.

Every interaction keeps the sentence, the trigger offsets and the rule (``path``) that found it.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import dates
from .gazetteer import Gazetteer, Trigger
from .model import Actor, Document, Extraction, Interaction, Office, Sentence
from .namespaces import person_id

SUBJ = ("nsubj", "nsubjpass", "csubj")
MODIFIERS = ("poss", "amod", "compound", "nmod", "npadvmod")
PRONOUNS = {"it", "its", "they", "their", "them", "he", "his", "she", "her", "him", "itself", "themselves"}
PERSON_PRONOUNS = {"he", "his", "she", "her", "him"}
FAMILY_NAME_FIRST = {"CHN", "TWN", "KOR", "PRK", "VNM", "KHM", "HKG", "MNG"}
PLURAL_PRONOUNS = {"they", "their", "them", "themselves"}
QUANTIFIERS = {"one", "some", "most", "many", "all", "part", "several", "each", "both", "none", "any",
               "hundreds", "thousands", "dozens", "scores", "tens", "millions"}


@dataclass
class Mention:
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
class _Ctx:
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
    deferred_mediation: list[tuple[Ref, Token, Trigger, int, str, Ref | None]] = field(default_factory=list)
    sent_index: dict[int, int] = field(default_factory=dict)  # first token of a sentence -> its index
    events: list[tuple[int, str, str, str]] = field(default_factory=list)  # (token, lemma, relation, actor) without target


# ---------------------------------------------------------------------------------------- mentions

def _is_location(tok: Token, gz: Gazetteer) -> bool:
    """'in Muscat', 'talks in Oman': the object of a locative preposition names a place."""
    head = tok
    while head.dep_ in ("compound", "conj", "appos") and head.head != head:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in gz.word_list("location_preps")


def find_mentions(ctx: _Ctx) -> None:
    doc, gz = ctx.doc, ctx.gz
    for ent in doc.ents:
        if ent.ent_id_:
            actor, kind, sector = (ent.ent_id_.split("|") + ["", ""])[:3]
            if actor not in gz.actors or gz.actors[actor].type == "Person":
                continue
            m = Mention(actor, kind, sector or None, ent.start, ent.end,
                        location=kind == "city" or _is_location(ent.root, gz))
            for i in range(ent.start, ent.end):
                ctx.mentions[i] = m
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            _person(ctx, ent)
    _surname_mentions(ctx)


def _title_before(ctx: _Ctx, start: int, sent_start: int) -> tuple[str | None, int]:
    """Longest title ending right before token ``start`` ("special envoy", "Foreign Minister")."""
    doc, titles = ctx.doc, ctx.gz.titles
    for k in range(min(6, start - sent_start), 0, -1):
        phrase = " ".join(t.text for t in doc[start - k:start]).lower()
        if phrase in titles:
            return phrase, start - k
    return None, start


def _canonical_title(text: str) -> str:
    small = {"of", "the", "and", "for"}
    return " ".join(w if w in small else (w[0].upper() + w[1:]) for w in text.split())


def _affiliation_near(ctx: _Ctx, left: int, sent: Span) -> tuple[str | None, float]:
    """The state/organisation a title belongs to: 'Oman's', 'Iranian', 'US' right before the title,
    else the nearest actor mention in the sentence, else the document's most mentioned state."""
    i = left - 1
    if i >= sent.start and ctx.doc[i].text in ("'s", "’s"):
        i -= 1
    if i >= sent.start and i in ctx.mentions and ctx.mentions[i].kind != "person":
        return ctx.mentions[i].actor, 1.0
    # The nearest actor before the title in the sentence, else the last one of the previous sentence
    # ("… the Omani foreign ministry said. Foreign Minister Badr Albusaidi …"), else the nearest after.
    for j in range(left - 1, sent.start - 1, -1):
        m = ctx.mentions.get(j)
        if m and m.kind != "person" and not m.location:
            return m.actor, 0.8
    if sent.start > 0:
        prev = ctx.doc[sent.start - 1].sent
        for j in range(prev.end - 1, prev.start - 1, -1):
            m = ctx.mentions.get(j)
            if m and m.kind != "person" and not m.location:
                return m.actor, 0.7
    for j in range(left, sent.end):
        m = ctx.mentions.get(j)
        if m and m.kind != "person" and not m.location:
            return m.actor, 0.6
    counts = Counter(m.actor for m in ctx.mentions.values() if m.kind != "person" and not m.location
                     and ctx.gz.actors[m.actor].type == "State")
    return (counts.most_common(1)[0][0], 0.6) if counts else (None, 0.0)


def _person(ctx: _Ctx, ent: Span) -> None:
    doc, gz = ctx.doc, ctx.gz
    sent = ent.sent
    start = ent.start
    # NER sometimes swallows the title: "Foreign Minister Abbas Araghchi".
    title, tstart = None, start
    for k in range(min(4, len(ent) - 1), 0, -1):
        phrase = " ".join(t.text for t in doc[start:start + k]).lower()
        if phrase in gz.titles:
            title, tstart, start = phrase, start, start + k
            break
    if title is None:
        title, tstart = _title_before(ctx, start, sent.start)
    name_span = doc[start:ent.end]
    while len(name_span) and name_span[-1].text in ("'s", "’s"):
        name_span = name_span[:-1]
    if not len(name_span):
        return
    name = name_span.text
    affiliation, aff_conf = (None, 0.0)
    if title is None:
        # Apposition: "Abbas Araghchi, Iran's foreign minister".
        for child in name_span.root.children:
            if child.dep_ == "appos":
                words = [t for t in child.subtree if t.i not in ctx.mentions and t.dep_ not in ("det", "case", "punct")]
                phrase = " ".join(t.text for t in words).lower()
                if phrase in gz.titles:
                    title = phrase
                    mentioned = [ctx.mentions[t.i].actor for t in child.subtree if t.i in ctx.mentions]
                    if mentioned:
                        affiliation, aff_conf = mentioned[0], 1.0
    pid = ctx.surnames.get(name_span[-1].text) if len(name_span) == 1 else None
    if ent.ent_id_:
        pid = ent.ent_id_.split("|")[0]
    pid = pid or person_id(name)
    gazetteer_person = ctx.gz.actors.get(pid)
    if gazetteer_person is not None and pid not in ctx.persons:
        ctx.persons[pid] = Actor(pid, gazetteer_person.label, "Person", gazetteer_person.wikidata, gazetteer_person.affiliation)
        name = gazetteer_person.label
        parts = name.split()
        if len(parts) > 1:
            ctx.surnames.setdefault(parts[-1], pid)
    known = ctx.persons.get(pid)
    if title is None and known is None:
        known_actor = ctx.gz.actors.get(pid)
        if known_actor is None:
            return  # a name without a title is not (yet) an official
        ctx.persons[pid] = Actor(pid, known_actor.label, "Person", known_actor.wikidata, known_actor.affiliation)
        known = ctx.persons[pid]
    if title is not None:
        if affiliation is None and known is not None and known.affiliation:
            affiliation, aff_conf = known.affiliation, 0.95
        if affiliation is None:
            affiliation, aff_conf = _affiliation_near(ctx, tstart, sent)
        if known is None:
            ctx.persons[pid] = known = Actor(pid, name, "Person", None, affiliation)
        elif known.affiliation is None:
            known.affiliation = affiliation
        if affiliation:
            canon = _canonical_title(title)
            office = Office(pid, canon, affiliation, gz.titles.get(title))
            if office not in ctx.offices:
                ctx.offices.append(office)
                ctx.titles_held.setdefault(title.lower(), []).append(pid)
    if len(name_span) > 1:
        ctx.surnames.setdefault(name_span[-1].text, pid)
        if known is not None and known.affiliation in FAMILY_NAME_FIRST:  # "Lee Jae-myung" -> "Lee"
            ctx.surnames.setdefault(name_span[0].text, pid)
        if "-" in name_span[-1].text:  # "al-Busaidi" -> "Busaidi"
            ctx.surnames.setdefault(name_span[-1].text.split("-")[-1], pid)
    sector = None
    for o in ctx.offices:
        if o.person == pid:
            sector = o.sector
    m = Mention(pid, "person", sector, name_span.start, name_span.end, affiliation=known.affiliation)
    first = tstart if title is not None and tstart < start else ent.start
    for i in range(first, ent.end):  # the title belongs to the person: "Foreign Minister … met"
        if i not in ctx.mentions or ctx.mentions[i].kind != "name" or i >= ent.start:
            ctx.mentions[i] = m


def _surname_mentions(ctx: _Ctx) -> None:
    """'Araghchi said…' after 'Foreign Minister Abbas Araghchi'; 'the foreign minister' when only one."""
    doc = ctx.doc
    first_seen = {pid: min(m.start for m in ctx.mentions.values() if m.actor == pid) for pid in ctx.persons}
    for tok in doc:
        if tok.i in ctx.mentions:
            continue
        pid = ctx.surnames.get(tok.text)
        if pid and tok.pos_ in ("PROPN", "NOUN") and tok.text[:1].isupper() and tok.i > first_seen.get(pid, 10**9):
            p = ctx.persons[pid]
            ctx.mentions[tok.i] = Mention(pid, "person", _sector_of(ctx, pid), tok.i, tok.i + 1, affiliation=p.affiliation)
    for tok in doc:
        if tok.i in ctx.mentions or tok.pos_ != "NOUN":
            continue
        det = [c for c in tok.children if c.dep_ == "det" and c.lower_ == "the"]
        if not det:
            continue
        words = [c for c in tok.lefts if c.dep_ in ("compound", "amod")] + [tok]
        phrase = " ".join(t.text for t in words).lower()
        holders = ctx.titles_held.get(phrase)
        if holders and len(set(holders)) == 1:
            pid = holders[0]
            if tok.i > first_seen.get(pid, 10**9):
                p = ctx.persons[pid]
                ctx.mentions[tok.i] = Mention(pid, "person", _sector_of(ctx, pid), tok.i, tok.i + 1, affiliation=p.affiliation)


def _sector_of(ctx: _Ctx, pid: str) -> str | None:
    return next((o.sector for o in ctx.offices if o.person == pid), None)


# ---------------------------------------------------------------------------------------- arguments

def _ref_from_mention(ctx: _Ctx, m: Mention, factor: float, how: str, sector: str | None = None,
                      place_ok: bool = False) -> Ref | None:
    if m.location and not place_ok:
        return None
    if m.kind == "person":
        if not m.affiliation:
            return None
        return Ref(m.affiliation, sector or m.sector, m.actor, factor, how)
    return Ref(m.actor, sector or m.sector, None, factor, how)


NUMBER_WORDS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _group_size(ctx: _Ctx, tok: Token) -> int:
    """'the three leaders' -> 3 (a group noun without actor modifiers), else 0."""
    if tok.lemma_.lower() not in ctx.gz.word_list("pair_nouns") or tok.tag_ not in ("NNS", "NNPS"):
        return 0
    if any(c.i in ctx.mentions for c in tok.children):
        return 0
    for c in tok.children:
        if c.dep_ == "nummod":
            return NUMBER_WORDS.get(c.lower_, int(c.text) if c.text.isdigit() else 0)
    return 0


def _resolve_group(ctx: _Ctx, sent_idx: int, size: int) -> list[Ref]:
    """'the three leaders' -> the actors of the latest sentence whose interactions involve exactly that many."""
    for s in range(sent_idx, max(-1, sent_idx - 3), -1):
        actors: list[str] = []
        for si, _d, ix in ctx.salience:
            if si == s and not ix.source.startswith("P_"):
                for a in (ix.source, ix.target):
                    if a not in actors and _pair_type_ok(ctx, a, False):
                        actors.append(a)
        if len(actors) == size:
            return [Ref(a, None, None, 0.8, "group-anaphora") for a in actors]
    return []


def _pair_noun(ctx: _Ctx, tok: Token) -> bool:
    """'the two allies', 'both sides', 'the allies': a pair to resolve from context."""
    if tok.lemma_.lower() not in ctx.gz.word_list("pair_nouns") or tok.tag_ not in ("NNS", "NNPS"):
        return False
    kids = {c.lower_ for c in tok.children}
    has_actor_mod = any(c.i in ctx.mentions for c in tok.children)
    return not has_actor_mod and ("two" in kids or "both" in kids or "the" in kids)


def _anaphoric(ctx: _Ctx, t: Token) -> Mention | None:
    """'the group' / 'the alliance' / 'the island': the latest earlier mention of an actor of the type
    the noun names (ontology/lexicon.ttl ag:AnaphoricNoun), if the noun has no actor modifier."""
    wanted = ctx.gz.anaphors.get(t.lemma_.lower())
    if not wanted or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children):
        return None
    if any(c.i in ctx.mentions for c in t.children):
        return None
    window_start = t.sent.start
    if window_start > 0:
        window_start = ctx.doc[window_start - 1].sent.start
    latest = None
    for i in range(t.i - 1, -1, -1):
        m = ctx.mentions.get(i)
        if m and not m.location and m.kind != "person" and ctx.gz.actors[m.actor].type in wanted:
            if latest is None:
                latest = m
            if i < window_start:
                break
            if _np_role(ctx.doc[i]) in SUBJ:
                return m  # the topic: 'The Iran-backed Houthis … talks with the group'
    return latest


def _pronoun(ctx: _Ctx, tok: Token) -> list[Ref]:
    """Resolve it/its/they/their to an actor: parallel possessor, then latest subject, then latest mention."""
    low = tok.lower_
    want_person = low in PERSON_PRONOUNS
    # Parallel structure: "Iran's missile programme and its backing" -> Iran.
    if tok.dep_ == "poss":
        holder = tok.head
        for other in holder.conjuncts:
            for c in other.children:
                if c.dep_ == "poss" and c.i in ctx.mentions:
                    r = _ref_from_mention(ctx, ctx.mentions[c.i], 0.85, "pronoun-parallel")
                    return [r] if r else []
    sent = tok.sent
    candidates: list[tuple[int, Mention]] = []
    for i in range(tok.i - 1, max(sent.start - 1, 0) - 1, -1):
        m = ctx.mentions.get(i)
        if m and not m.location and (m.kind == "person") == want_person:
            candidates.append((i, m))
    if not candidates and sent.start > 0:
        prev = ctx.doc[sent.start - 1].sent
        for i in range(prev.end - 1, prev.start - 1, -1):
            m = ctx.mentions.get(i)
            if m and not m.location and (m.kind == "person") == want_person:
                candidates.append((i, m))
    if not candidates:
        return []
    subjects = [(i, m) for i, m in candidates if _np_role(ctx.doc[i]) in SUBJ]
    i, m = (subjects or candidates)[0]
    if low in PLURAL_PRONOUNS:  # "Qatar and Egypt resumed their mediation": both of them
        tok_i = ctx.doc[i]
        group = [tok_i] + list(tok_i.conjuncts)
        if len(group) > 1:
            refs = [_ref_from_mention(ctx, ctx.mentions[g.i], 0.8, "pronoun") for g in group if g.i in ctx.mentions]
            if len([r for r in refs if r]) > 1:
                return [r for r in refs if r]
    r = _ref_from_mention(ctx, m, 0.8, "pronoun")
    return [r] if r else []


def _np_role(tok: Token) -> str:
    """Dependency role of the noun phrase a token sits in ('Iran' in 'Iran's military' -> role of 'military')."""
    while tok.dep_ in ("compound", "amod", "poss", "conj", "nmod", "npadvmod", "flat") and tok.head != tok:
        tok = tok.head
    return tok.dep_


def np_refs(ctx: _Ctx, tok: Token, *, expand_conj: bool = True, factor: float = 1.0, how: str = "",
            place_ok: bool = False) -> list[Ref]:
    """Actors a noun phrase headed by ``tok`` stands for ('Israeli officials' -> Israel, GOV).

    ``place_ok``: the phrase is the object of a trigger's own preposition ('fired at Israel'), so a
    country name there is a target even after a locative preposition."""
    out: list[Ref] = []
    heads = [tok] + (list(tok.conjuncts) if expand_conj else [])
    for t in heads:
        out.extend(_single_refs(ctx, t, factor, how, place_ok))
    seen: set[str] = set()
    uniq = []
    for r in out:
        if r.actor not in seen:
            seen.add(r.actor)
            uniq.append(r)
    return uniq


def _single_refs(ctx: _Ctx, t: Token, factor: float, how: str, place_ok: bool = False) -> list[Ref]:
    m = ctx.mentions.get(t.i)
    if m is not None:
        r = _ref_from_mention(ctx, m, factor, how or "mention", place_ok=place_ok)
        return [r] if r else []
    if t.lower_ in PRONOUNS and t.pos_ == "PRON":
        return [Ref(r.actor, r.sector, r.official, r.factor * factor, how or r.how) for r in _pronoun(ctx, t)]
    # "one of the largest Russian air attacks", "some of Iran's proxies": look inside the of-phrase.
    if t.lower_ in QUANTIFIERS or (t.pos_ == "NUM" and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)):
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return _single_refs(ctx, p, factor * 0.95, how or "quantifier", place_ok)
        return []
    if t.pos_ not in ("NOUN", "PROPN"):
        return []
    anaphor = _anaphoric(ctx, t)
    if anaphor is not None:
        return [Ref(anaphor.actor, anaphor.sector, None, factor * 0.8, how or "definite-anaphora")]
    if t.lemma_.lower() in ctx.gz.word_list("non_state_nouns"):
        for c in t.children:  # "M23 rebels", "Houthi fighters": a group named as modifier is the group
            m = ctx.mentions.get(c.i)
            if c.dep_ in MODIFIERS and m is not None and ctx.gz.actors[m.actor].type in ("ArmedGroup", "Organisation"):
                return np_refs(ctx, c, factor=factor, how=how or "group-modifier")
        for c in t.children:  # "Syrian rebels led by Hayat Tahrir al-Sham"
            if c.dep_ == "acl":
                for _, p in _prep_objects(ctx, c, ("by",)):
                    return np_refs(ctx, p, factor=factor * 0.9, how=how or "led-by")
        return []
    mods = [c.lower_ for c in t.lefts if c.dep_ in ("amod", "compound") and c.i not in ctx.mentions]
    sector = ctx.gz.agent_nouns.get(" ".join(mods[-1:] + [t.lemma_.lower()])) or ctx.gz.agent_nouns.get(t.lemma_.lower())
    scale = 0.95 if sector or t.lemma_.lower() in ("strike", "attack", "raid") else 0.85
    found: list[Ref] = []
    for c in t.children:
        if c.dep_ not in MODIFIERS:
            continue
        for cc in [c] + list(c.conjuncts):
            m = ctx.mentions.get(cc.i)
            if m is not None:
                r = _ref_from_mention(ctx, m, factor * scale, how or f"modifier:{c.dep_}", sector)
                if r:
                    found.append(r)
            elif cc.dep_ == "poss" and cc.tag_ == "WP$":  # "Orban, whose government is …": the clause's head
                rel = t
                while rel.dep_ != "relcl" and rel.head != rel:
                    rel = rel.head
                if rel.dep_ == "relcl":
                    found.extend(Ref(r.actor, sector or r.sector, r.official, r.factor * factor * 0.9, how or "whose")
                                 for r in np_refs(ctx, rel.head, expand_conj=False))
            elif cc.dep_ == "poss" and cc.lower_ in PRONOUNS:
                found.extend(Ref(r.actor, sector or r.sector, r.official, r.factor * factor * scale, how or "pronoun")
                             for r in _pronoun(ctx, cc))
    # "facilities used by Iran's Revolutionary Guards": the user/holder of a thing stands for it.
    if not found:
        for c in t.children:
            if c.dep_ == "acl" and c.lemma_.lower() in ctx.gz.word_list("holder_participles"):
                for _, p in _prep_objects(ctx, c, ("by",)):
                    found += np_refs(ctx, p, factor=factor * 0.85, how=how or "held-by")
    # "nine sites in Pakistan", "towns inside Armenia": the place a target noun is in.
    if not found and not sector and place_ok:
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "inside", "across", "near", "of", "throughout"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        found += np_refs(ctx, p, factor=factor * 0.85, how=how or "place-of-target", place_ok=True)
    # "officials in Tehran" / "the government of Iran": an agent noun with an of/in/from phrase.
    if not found and sector:
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "in", "from"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        for pp in [p] + list(p.conjuncts):
                            m = ctx.mentions.get(pp.i)
                            if m is not None and m.kind != "person":
                                found.append(Ref(m.actor, sector, None, factor * 0.9, how or "agent-of"))
    return found


def _subject_refs(ctx: _Ctx, v: Token, depth: int = 0) -> list[Ref]:
    """Who does ``v``: its subject, the passive agent, or — for infinitives, conjuncts and relative
    clauses — the subject it inherits (object control for 'urge X to …')."""
    if depth > 4:
        return []
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) or (v.tag_ == "VBN" and v.dep_ == "conj")
    if passive:
        for verb in [v] + list(v.conjuncts):  # "armed and financed by Iran": the agent is shared
            for c in verb.children:
                if c.dep_ == "agent":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return np_refs(ctx, p, how="passive-agent")
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children):
            return []
    for c in v.children:
        if c.dep_ in ("nsubj", "csubj", "expl"):
            if c.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
                return np_refs(ctx, v.head, factor=0.95, how="relative")
            size = _group_size(ctx, c)
            if size > 2:
                return _resolve_group(ctx, ctx.sent_index.get(c.sent.start, 0), size)
            if _pair_noun(ctx, c):
                return _resolve_pair(ctx, ctx.sent_index.get(c.sent.start, 0),
                                     cooperative=c.lemma_.lower() in ("ally", "partner"))
            return np_refs(ctx, c, how="subject")
    head = v.head
    if head == v:
        return []
    accused = _accused(ctx, v)
    if accused is not None:  # "accused the UAE of supplying the RSF": the UAE is the one supplying
        return accused
    if v.dep_ == "xcomp":
        if head.lemma_.lower() in ctx.gz.word_list("object_control"):
            for c in head.children:
                if c.dep_ in ("dobj", "dative"):
                    return [Ref(r.actor, r.sector, r.official, r.factor * 0.9, "object-control") for r in np_refs(ctx, c)]
        return [Ref(r.actor, r.sector, r.official, r.factor * 0.9, "control") for r in _subject_refs(ctx, head, depth + 1)]
    if v.dep_ in ("acomp", "attr") and head.pos_ in ("VERB", "AUX"):  # "negotiators are due to meet"
        return _subject_refs(ctx, head, depth + 1)
    if v.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        return [Ref(r.actor, r.sector, r.official, r.factor * 0.9, "conj-subject") for r in _subject_refs(ctx, head, depth + 1)]
    if v.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
        return np_refs(ctx, head, factor=0.9, how="participle-head")
    if v.dep_ == "advcl" and v.tag_ == "VBG":
        return [Ref(r.actor, r.sector, r.official, r.factor * 0.85, "adverbial") for r in _subject_refs(ctx, head, depth + 1)]
    return []


def _accusation(ctx: _Ctx, tok: Token) -> Token | None:
    """The accusing verb when ``tok`` is what someone is accused OF / blamed FOR."""
    head = tok.head
    if tok.dep_ in ("pcomp", "pobj") and head.dep_ == "prep" and head.lower_ in ("of", "for") \
            and head.head.lemma_.lower() in ctx.gz.word_list("accusation_verbs"):
        return head.head
    return None


def _accused(ctx: _Ctx, tok: Token) -> list[Ref] | None:
    verb = _accusation(ctx, tok)
    if verb is None:
        return None
    return [Ref(r.actor, r.sector, r.official, r.factor * 0.9, "accused") for c in verb.children
            if c.dep_ in ("dobj", "nsubjpass") for r in np_refs(ctx, c)]


def _prep_objects(ctx: _Ctx, tok: Token, preps: Iterable[str]) -> list[tuple[str, Token]]:
    preps = set(preps)
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    out.append((c.lower_, p))
    return out


# ---------------------------------------------------------------------------------------- modality

def _clause_modality(ctx: _Ctx, v: Token, *, ignore_modals: bool = False, relation: str = "") -> tuple[str, Ref | None]:
    """Modality of the clause headed by verb ``v``: negated, hypothetical, reported or asserted.

    For demands and appeals, 'seeks to broaden the talks' IS the demand: wanting verbs listed as
    ``demand_carriers`` do not make it hypothetical."""
    gz = ctx.gz
    modals, conds = gz.word_list("hypothetical_modals"), gz.word_list("conditional_marks")
    intents, negating = gz.word_list("intent_verbs"), gz.word_list("negating_verbs")
    speech = gz.word_list("speech_verbs")
    carriers = gz.word_list("demand_carriers")
    negated = hypothetical = denied = False
    reporter: Ref | None = None
    reported = False
    cur = v
    own = True  # False right after a conjunction: "did not attack and urged…" — the negation is not ours
    for _ in range(6):
        kids = list(cur.children)
        if own and any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in kids):
            negated = True
        if own and not ignore_modals and any(c.dep_ == "aux" and c.lower_ in modals for c in kids):
            hypothetical = True
        if own and any(c.dep_ == "mark" and c.lower_ in conds for c in kids):
            hypothetical = True
        own = True
        if any(c.dep_ == "advmod" and c.lower_ in gz.word_list("report_adverbs") for c in kids):
            reported = True
        for c in kids:  # "…, Israeli officials say."  /  "according to Israeli officials"
            if c.dep_ == "parataxis" and c.lemma_.lower() in speech:
                reported = True
                reporter = reporter or next(iter(_subject_refs(ctx, c)), None)
            if c.dep_ == "prep" and c.lower_ == "according":
                reported = True
                for p in c.subtree:
                    if p.dep_ == "pobj" and not reporter:
                        reporter = next(iter(np_refs(ctx, p)), None)
        head = cur.head
        if head == cur:
            break
        lemma = head.lemma_.lower()
        if cur.dep_ == "xcomp":
            if lemma in negating:
                negated = not negated
                denied = True
            elif lemma in intents and not (relation in ("demands", "pressures") and lemma in carriers):
                hypothetical = True
            cur = head
            continue
        if cur.dep_ == "ccomp":
            if lemma in speech:
                reported = True
                reporter = reporter or next(iter(_subject_refs(ctx, head)), None)
                if lemma == "deny":
                    negated = not negated
                    denied = True
            elif lemma in intents:
                hypothetical = True
            cur = head
            continue
        if cur.dep_ == "conj":
            cur, own = head, False
            continue
        verb = _accusation(ctx, cur)
        if verb is not None:
            reported = True
            reporter = reporter or next(iter(_subject_refs(ctx, verb)), None)
            cur = verb
            continue
        break
    # "urged Israel not to launch strikes": a negated wish is still only a wish; "refused to meet",
    # "denied attacking" and a plain "did not attack" are denials.
    if negated and (denied or not hypothetical):
        return "negated", reporter
    if hypothetical:
        return "hypothetical", reporter
    if reported:
        return "reported", reporter
    return "asserted", None


def _governor(tok: Token) -> Token | None:
    """The verb a noun is an argument of ('strikes' in 'might permit Israeli strikes' -> permit)."""
    cur = tok
    for _ in range(6):
        if cur.head == cur:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        if cur.dep_ in ("conj", "appos", "compound", "pobj", "prep", "amod"):
            if cur.dep_ == "pobj" and cur.head.dep_ == "agent":
                return cur.head.head
            cur = cur.head
            continue
        if cur.head.pos_ in ("VERB", "AUX"):
            return cur.head
        cur = cur.head
    return None


def _noun_modality(ctx: _Ctx, n: Token) -> tuple[str, Ref | None]:
    """A nominal event ('Iran's backing for armed groups') is presupposed unless negated ('no talks'),
    or it is the direct argument of a modal/intent/negating verb ('might permit Israeli strikes')."""
    gz = ctx.gz
    if any((c.dep_ == "neg") or (c.dep_ == "det" and c.lower_ == "no") for c in n.children):
        return "negated", None
    gv = _governor(n)
    if gv is None:
        return "asserted", None
    direct = n.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and n.head == gv
    mod, rep = _clause_modality(ctx, gv)
    lemma = gv.lemma_.lower()
    if direct:
        if lemma in gz.word_list("negating_verbs"):
            return ("asserted" if mod == "negated" else "negated"), rep
        if lemma in gz.word_list("intent_verbs") and lemma not in gz.word_list("light_verbs"):
            return "hypothetical", rep
        return mod, rep
    # Deeper inside the clause: only reported speech and conditionals carry over.
    return (mod if mod in ("reported", "hypothetical") and _clause_has_condition(ctx, gv) or mod == "reported" else "asserted"), rep


def _clause_has_condition(ctx: _Ctx, v: Token) -> bool:
    conds = ctx.gz.word_list("conditional_marks")
    modals = ctx.gz.word_list("hypothetical_modals")
    return any((c.dep_ == "mark" and c.lower_ in conds) or (c.dep_ == "aux" and c.lower_ in modals) for c in v.children)


# ---------------------------------------------------------------------------------------- dates

def _date_for(ctx: _Ctx, trig: Token, sent: Span) -> tuple[str | None, str | None, str | None]:
    """(date, text, episode id) for an interaction at ``trig``."""
    cands = [e for e in sent.ents if e.label_ == "DATE" and not dates.looks_like_duration(e.text)]
    low = sent.text.lower()
    episode = next((ep for ep in ctx.gz.episodes if any(a in low for a in ep["aliases"])), None)
    best = None
    if cands:
        anchor = trig
        # Prefer a date inside the trigger's own clause, then the nearest by token distance.
        clause = {t.i for t in (_governor(trig) or trig).subtree}
        scored = sorted(cands, key=lambda e: (0 if e.root.i in clause else 1, abs(e.root.i - anchor.i)))
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
    attached to a verb of saying or in the first sentence, resolved against ``reference``."""
    for sent in list(doc.sents)[:4]:
        for e in sent.ents:
            if e.label_ != "DATE":
                continue
            value = dates.normalise(e.text, reference, past=True)
            if value and len(value) == 10:
                return value
    return None


# ---------------------------------------------------------------------------------------- triggers

def _triggers_for(gz: Gazetteer, tok: Token) -> list[Trigger]:
    pos = "VERB" if tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBG") and tok.dep_ in ("amod", "acl") else \
        "NOUN" if tok.pos_ in ("NOUN", "PROPN") else tok.pos_
    lemma = tok.lemma_.lower()
    found = gz.triggers.get((lemma, pos)) or gz.triggers.get((tok.lower_, pos)) or []
    if pos == "NOUN" and not found and lemma.endswith("s"):
        found = gz.triggers.get((lemma[:-1], pos), [])
    return found


def _object_lemmas(tok: Token) -> set[str]:
    out = set()
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr"):
            for cc in [c] + list(c.conjuncts):
                out.add(cc.lemma_.lower())
        if c.dep_ in ("prep", "dative"):
            out.add("_prep")
    return out


def _refine(ctx: _Ctx, tok: Token, relation: str, code: str) -> str:
    scope = {t.lemma_.lower() for t in tok.subtree}
    if tok.head != tok:
        scope |= {t.lemma_.lower() for t in tok.head.subtree} if tok.pos_ == "NOUN" else set()
    for rel, words, refined in ctx.gz.refinements:
        if rel == relation and scope & words and refined:
            return refined
    return code


def _emit(ctx: _Ctx, sent_idx: int, sent: Span, tok: Token, trig: Trigger, relation: str, cameo: str,
          src: Ref, tgt: Ref, modality: str, reporter: Ref | None, path: str,
          other: Ref | None = None, factor: float = 1.0) -> None:
    if src.actor == tgt.actor:
        return
    if modality == "reported" and reporter is not None and reporter.actor == src.actor:
        modality, reporter = "asserted", None  # an actor reporting its own act: the act is the news
    if other is not None and other.actor in (src.actor, tgt.actor):
        return
    gz = ctx.gz
    code = _refine(ctx, tok, relation, cameo or gz.relations.get(relation, {}).get("cameo", ""))
    date, date_text, episode = _date_for(ctx, tok, sent)
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
    depth = 0
    t = tok
    while t.head != t and depth < 20:
        t, depth = t.head, depth + 1
    ctx.salience.append((sent_idx, depth, ix))
    if src.official:  # officials act for their state; keep the person-level claim too, linked
        person_ix = Interaction(**{**ix.__dict__, "source": src.official, "source_official": None,
                                   "path": ix.path + "+official"})
        ctx.interactions.append(person_ix)


def _pairs(refs: list[Ref]) -> Iterator[tuple[Ref, Ref]]:
    for i, a in enumerate(refs):
        for b in refs[i + 1:]:
            if a.actor != b.actor:
                yield a, b


def _resolve_pair(ctx: _Ctx, sent_idx: int, cooperative: bool = True) -> list[Ref]:
    """'the two allies' -> the parties of the most salient cooperative interaction before here;
    'both sides' / 'the warring parties' (``cooperative=False``) -> of the most salient one of any kind."""
    signs = {name: r["sign"] for name, r in ctx.gz.relations.items()}
    hostile = {frozenset((ix.source, ix.target)) for _, _, ix in ctx.salience
               if signs.get(ix.relation, 0) < 0 and ix.modality in ("asserted", "reported")} if cooperative else set()
    for s in range(sent_idx, max(-1, sent_idx - 4), -1):
        cands = [(d, ix) for si, d, ix in ctx.salience if si == s and (signs.get(ix.relation, 0) > 0 or not cooperative)
                 and ix.relation != "mediates" and frozenset((ix.source, ix.target)) not in hostile
                 and _pair_type_ok(ctx, ix.source, cooperative) and _pair_type_ok(ctx, ix.target, cooperative)]
        if cands:
            _, ix = min(cands, key=lambda c: c[0])
            return [Ref(ix.source, None, None, 0.85, "pair-anaphora"), Ref(ix.target, None, None, 0.85, "pair-anaphora")]
    return []


def _pair_type_ok(ctx: _Ctx, actor: str, cooperative: bool) -> bool:
    a = ctx.gz.actors.get(actor)
    if a is None:
        return False
    return a.type == "State" if cooperative else a.type in ("State", "ArmedGroup", "Organisation")


def _args_or_pair(ctx: _Ctx, tok: Token, sent_idx: int, how: str, place_ok: bool = False) -> list[Ref]:
    size = _group_size(ctx, tok)
    if size > 2:
        return _resolve_group(ctx, sent_idx, size)
    if _pair_noun(ctx, tok):
        return _resolve_pair(ctx, sent_idx, cooperative=tok.lemma_.lower() in ("ally", "partner"))
    return np_refs(ctx, tok, how=how, place_ok=place_ok)


def _instrument(ctx: _Ctx, v: Token) -> Trigger | None:
    """'hit by US tariffs', 'sanctions hit Iran': the agent is itself an event noun of another
    relation; the verb only says it landed. Returns that noun's trigger."""
    agents = [c for c in v.children if c.dep_ == "nsubj"]
    agents += [p for c in v.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    for a in agents:
        for t in ctx.gz.triggers.get((a.lemma_.lower(), "NOUN"), []):
            if t.relation != "attacks":
                return t
    return None


def _verb_rule(ctx: _Ctx, sent_idx: int, sent: Span, v: Token, trig: Trigger) -> None:
    gz = ctx.gz
    relation, cameo = trig.relation, trig.cameo
    if relation == "attacks":
        instrument = _instrument(ctx, v)
        if instrument is not None:
            relation, cameo = instrument.relation, instrument.cameo
    objs = _object_lemmas(v)
    if v.dep_ in ("amod", "acl") and v.head.pos_ in ("NOUN", "PROPN"):
        objs.add(v.head.lemma_.lower())  # "the meeting, hosted by Turkey": the noun is the object
    if trig.requires_object and not (objs & set(trig.requires_object)):
        return
    if trig.complements:
        _complement_rule(ctx, sent_idx, sent, v, trig)
        return
    if trig.label_words:  # "called the Chinese actions 'escalatory'": only a hostile label counts
        subj_tokens = {t.i for c in v.children if c.dep_ in SUBJ for t in c.subtree}
        if not any(t.lemma_.lower() in trig.label_words or t.lower_ in trig.label_words
                   for t in v.subtree if t.i not in subj_tokens):
            return
    negated_use = trig.negated_relation is not None
    modality, reporter = _clause_modality(ctx, v, ignore_modals=negated_use, relation=relation)
    if negated_use:
        if modality != "negated":
            return
        relation, cameo = trig.negated_relation, trig.negated_cameo or cameo
        modality = "reported" if reporter else "asserted"

    # Participles modifying a noun: "Oman-mediated negotiations", "Iran-backed Houthis".
    if v.dep_ in ("amod", "acl") and v.head.pos_ in ("NOUN", "PROPN") and not any(c.dep_ in SUBJ for c in v.children):
        srcs = []
        for c in v.children:
            if c.dep_ in ("npadvmod", "compound", "nmod", "advmod", "amod", "poss") and c.i in ctx.mentions:
                srcs += [r for r in np_refs(ctx, c, how="participle-modifier")]
        if v.i > 1 and v.nbor(-1).text == "-" and v.i - 2 in ctx.mentions:
            srcs += np_refs(ctx, v.nbor(-2), how="hyphen-compound")
        agent = _prep_objects(ctx, v, trig.agent_preps)
        for _, p in agent:
            srcs += np_refs(ctx, p, how="participle-agent")
        if srcs:
            noun = v.head
            mod, rep = _noun_modality(ctx, noun)
            if mod != "negated":  # "Iran-backed militias" describes; it is not what a source or a modal says
                mod, rep = "asserted", None
            if relation == "mediates":
                parties = _talk_parties(ctx, noun, sent_idx)
                _mediation(ctx, sent_idx, sent, v, trig, srcs, parties, mod, rep)
                return
            for s in srcs:
                for t in _args_or_pair(ctx, noun, sent_idx, "modified-noun"):
                    _emit(ctx, sent_idx, sent, v, trig, relation, cameo, s, t, mod, rep, "participle")
            return
        if v.dep_ == "acl" and v.head.i in ctx.mentions:  # "non-state actors aligned with Tehran"
            srcs = np_refs(ctx, v.head, expand_conj=False, how="participle-head")
            tgts = [r for _, p in _prep_objects(ctx, v, trig.target_preps) for r in np_refs(ctx, p, how="prep")]
            for s in srcs:
                for t in tgts:
                    _emit(ctx, sent_idx, sent, v, trig, relation, cameo, s, t, modality, reporter, "acl")
        return

    subjects = _subject_refs(ctx, v)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) or (
        v.tag_ == "VBN" and v.dep_ == "conj" and any(c.dep_ in ("nsubjpass", "auxpass") for c in v.head.children))
    targets: list[Ref] = []
    between: list[Ref] = []
    patient_holder = v
    if passive and not any(c.dep_ == "nsubjpass" for c in v.children) and v.dep_ == "conj":
        patient_holder = v.head  # "is armed and financed by Iran": the patient sits on the first verb
    for c in list(v.children) + [c for c in patient_holder.children if patient_holder != v and c.dep_ == "nsubjpass"]:
        if c.dep_ == "nsubjpass" and passive and c.tag_ in ("WDT", "WP") and patient_holder.dep_ == "relcl":
            targets += np_refs(ctx, patient_holder.head, factor=0.95, how="relative-patient")
            continue
        if trig.object_is_theme and c.dep_ == "dobj" and not _prep_objects(ctx, v, ("with",)):
            continue  # "sent their ambassadors to the ceremony": the object is what is sent
        if (c.dep_ == "dobj" or (passive and c.dep_ == "nsubjpass")) or (c.dep_ == "dative" and c.pos_ != "ADP"):
            if trig.target_is_possessor and c.i not in ctx.mentions and c.pos_ in ("NOUN", "PROPN"):
                targets += [Ref(r.actor, r.sector, r.official, r.factor * 0.9, "object-owner") for r in np_refs(ctx, c)]
            else:
                targets += _args_or_pair(ctx, c, sent_idx, "object", place_ok=relation == "attacks")
    for prep, p in _prep_objects(ctx, v, trig.target_preps):
        refs = _args_or_pair(ctx, p, sent_idx, f"prep:{prep}", place_ok=True)
        (between if prep == "between" else targets).extend(refs)
    # "Qassem rejected any timetable": a rejection without a named target answers the latest demand
    # or appeal made of the subject in this document.
    if not targets and trig.target_is_possessor and relation == "opposes":
        subj = {r.actor for r in subjects}
        asked = [ix for _, _, ix in reversed(ctx.salience) if ix.target in subj and ix.source not in subj
                 and ix.relation in ("demands", "pressures")]
        asked.sort(key=lambda ix: ix.relation != "demands")  # a demand first, else the latest appeal (stable sort)
        if asked:
            targets = [Ref(asked[0].source, None, None, 0.75, "answers-demand")]
    # "a move Egypt and Saudi Arabia condemned", "the militias it supports": a relative clause whose
    # subject is not the relative pronoun has the modified noun as its object.
    if not targets and v.dep_ == "relcl" and not any(c.dep_ in ("dobj", "nsubjpass") for c in v.children) \
            and any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in v.children):
        targets += _event_owner(ctx, v.head, subjects) if trig.target_is_possessor else \
            np_refs(ctx, v.head, factor=0.9, how="relative-object", place_ok=relation == "attacks")
    # 1: "condemned the raids" — the target is whoever carried out the event the object names.
    for c in v.children:
        if not targets and c.dep_ == "dobj" and trig.target_is_possessor and c.i not in ctx.mentions:
            targets += _event_owner(ctx, c, subjects)
    # "demanded that Iran halt…", "said Iran must stop…": the subject of the complement clause.
    if not targets and relation in ("demands", "pressures", "opposes", "threatens"):
        for c in v.children:
            if c.dep_ in ("ccomp", "xcomp"):
                for cc in c.children:
                    if cc.dep_ in ("nsubj", "nsubjpass"):
                        targets += np_refs(ctx, cc, factor=0.9, how="complement-subject")
    # "recalled its ambassador from Belarus": when the object is the subject's own, its preposition names the target.
    subj_actors = {r.actor for r in subjects}
    if targets and all(t.actor in subj_actors for t in targets):
        targets = [r for c in v.children if c.dep_ == "dobj" for _, p in _prep_objects(ctx, c, trig.target_preps)
                   for r in np_refs(ctx, p, factor=0.85, how="object-prep", place_ok=True)]
    # "warned that the army would resume strikes on Hamas": the threatened actor inside the warning.
    if not targets and relation == "threatens":
        subj = {r.actor for r in subjects}
        for c in v.children:
            if c.dep_ in ("ccomp", "xcomp", "advcl") and not targets:
                for t in c.subtree:
                    if (t.i in ctx.mentions and ctx.mentions[t.i].kind != "person") or \
                            (t.pos_ == "NOUN" and t.dep_ in ("pobj", "dobj") and _anaphoric(ctx, t) is not None):
                        refs = [r for r in np_refs(ctx, t, expand_conj=False, factor=0.8, how="warning-target", place_ok=True)
                                if r.actor not in subj]
                        if refs:
                            targets += refs
                            break
    # "broaden the talks to include Iran's missile programme": the owner inside the object's clause;
    # also the fallback when the parser lost the object ("cannot accept uncompromising US demands").
    has_object = any(c.dep_ in ("dobj", "nsubjpass") for c in v.children)
    if trig.target_is_possessor and not targets and (relation == "demands" or not has_object):
        for t in v.subtree:
            if t.i in ctx.mentions and t.i != v.i and ctx.mentions[t.i].kind != "person":
                if all(t.i not in range(c.left_edge.i, c.right_edge.i + 1) for c in v.children if c.dep_ in SUBJ):
                    targets += np_refs(ctx, t, factor=0.85, how="complement-owner")
                    break
    if any(t.lower_ in ("other", "another") and t.head.lower_ in ("each", "one") or
           (t.lower_ in ("each", "one") and any(c.lower_ in ("other", "another") for c in t.children))
           for c in v.children for t in c.subtree) and len(subjects) > 1:
        targets = []  # "agreed not to use force against each other": every pair, both ways
        for a, b in _pairs(subjects):
            _emit(ctx, sent_idx, sent, v, trig, relation, cameo, a, b, modality, reporter, "verb:reciprocal")
            _emit(ctx, sent_idx, sent, v, trig, relation, cameo, b, a, modality, reporter, "verb:reciprocal")
        return
    symmetric = gz.relations.get(relation, {}).get("symmetric", False)
    prep_targets = [r for prep, p in _prep_objects(ctx, v, trig.target_preps) if prep != "between"
                    for r in np_refs(ctx, p, place_ok=True)]
    if symmetric and prep_targets:
        targets = prep_targets
    if relation == "mediates":
        parties = between or targets
        if not parties:
            for c in v.children:
                if c.dep_ == "dobj":
                    parties = _talk_parties(ctx, c, sent_idx)
        _mediation(ctx, sent_idx, sent, v, trig, subjects, parties, modality, reporter)
        return
    symmetric = gz.relations.get(relation, {}).get("symmetric", False)
    if not targets and not between and modality in ("asserted", "reported"):
        ctx.events.extend((v.i, v.lemma_.lower(), relation, r.actor) for r in subjects)
    if between:
        for a, b in _pairs(between):
            _emit(ctx, sent_idx, sent, v, trig, relation, cameo, a, b, modality, reporter, "verb:between")
    if targets:
        for s in subjects:
            for t in targets:
                if trig.reverse:
                    s, t = t, s
                _emit(ctx, sent_idx, sent, v, trig, relation, cameo, s, t, modality, reporter, "verb:" + ("passive" if passive else "active"))
    elif (symmetric or trig.between_mutual) and len(subjects) > 1:  # "the US and Iran met", "the two armies clashed"
        for a, b in _pairs(subjects):
            _emit(ctx, sent_idx, sent, v, trig, relation, cameo, a, b, modality, reporter, "verb:coordinated-subject")
            if not symmetric:
                _emit(ctx, sent_idx, sent, v, trig, relation, cameo, b, a, modality, reporter, "verb:coordinated-subject")


def _complement_rule(ctx: _Ctx, sent_idx: int, sent: Span, v: Token, trig: Trigger) -> None:
    """'Islamabad vowed to retaliate', 'vowed to hunt down JNIM's leaders': a threat carried by its
    complement verb. The target is the actor inside the complement, else whoever last attacked the
    subject in this document."""
    comps = [c for c in v.children if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in trig.complements]
    if not comps:
        return
    modality, reporter = _clause_modality(ctx, v, relation=trig.relation)
    subjects = _subject_refs(ctx, v)
    targets = [r for c in comps for t in c.subtree if t.i in ctx.mentions and t.i != v.i
               for r in np_refs(ctx, t, expand_conj=False, factor=0.85, how="complement-target", place_ok=True)]
    if not targets:
        for s in subjects:
            attackers = [ix for _, _, ix in reversed(ctx.salience) if ix.relation == "attacks" and ix.target == s.actor
                         and ix.modality in ("asserted", "reported")]
            if attackers:
                targets = [Ref(attackers[0].source, None, None, 0.75, "counterpart")]
    for s in subjects:
        for t in targets:
            _emit(ctx, sent_idx, sent, v, trig, trig.relation, trig.cameo, s, t, modality, reporter, "verb:complement")


def _event_owner(ctx: _Ctx, noun: Token, subjects: list[Ref]) -> list[Ref]:
    """Who did the event a noun names ('condemned the raids', 'a move Egypt condemned'): its own
    possessor/modifier, else the source of the latest earlier factual interaction whose trigger has the
    same lemma (or, for generic nouns like 'move', of the latest one) not done by the subject."""
    own = np_refs(ctx, noun, expand_conj=False, factor=0.9, how="event-owner")
    if own:
        return own
    lemma = noun.lemma_.lower()
    generic = lemma in ctx.gz.word_list("generic_event_nouns")
    if not generic and (lemma, "NOUN") not in ctx.gz.triggers:
        return []
    subj = {r.actor for r in subjects}
    # Earlier interactions and target-less events ("North Korea test-fired a missile"), latest first.
    candidates = [(ctx.doc.char_span(ix.trigger_start, ix.trigger_end), ix.relation, ix.source)
                  for _, _, ix in ctx.salience if ix.modality in ("asserted", "reported")]
    candidates = [(span.root.i if span is not None else -1, span.root.lemma_.lower() if span is not None else "", rel, src)
                  for span, rel, src in candidates] + list(ctx.events)
    related_relations = {t.relation for t in ctx.gz.triggers.get((lemma, "NOUN"), [])}
    for i, trig_lemma, rel, src in sorted(candidates, reverse=True):
        if src in subj or i >= noun.i:
            continue
        if generic or trig_lemma in (lemma, lemma.rstrip("s")) or rel in related_relations:
            return [Ref(src, None, None, 0.75, "event-anaphora")]
    return []


def _talk_parties(ctx: _Ctx, noun: Token, sent_idx: int) -> list[Ref]:
    """Parties of a negotiation noun: 'talks between A and B', 'US-Iran talks', 'talks with B' + subject."""
    parties: list[Ref] = []
    for prep, p in _prep_objects(ctx, noun, ("between", "with")):
        parties += _args_or_pair(ctx, p, sent_idx, f"prep:{prep}", place_ok=True)
    mods = [r for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "poss") for r in np_refs(ctx, c, how="modifier")]
    if len({r.actor for r in mods}) >= 2:
        parties += mods
    gv = _governor(noun)
    if gv is not None and gv.lemma_.lower() in ctx.gz.word_list("light_verbs") | {"meet", "take", "sit"} \
            and (_object_path(noun, gv) or (noun.dep_ == "pobj" and noun.head.head == gv)):
        parties = _subject_refs(ctx, gv) + parties  # "Serbian and Kosovan negotiators met in EU-facilitated talks"
    for c in noun.children:  # "a round of talks between …"
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in ("talk", "talks", "negotiation", "meeting", "dialogue"):
                    parties += _talk_parties(ctx, p, sent_idx)
    seen, out = set(), []
    for r in parties:
        if r.actor not in seen:
            seen.add(r.actor)
            out.append(r)
    return out


def _mediation(ctx: _Ctx, sent_idx: int, sent: Span, tok: Token, trig: Trigger, mediators: list[Ref],
               parties: list[Ref], modality: str, reporter: Ref | None) -> None:
    for m in mediators:
        ps = [p for p in parties if p.actor != m.actor]
        if len(ps) >= 2:
            for a, b in _pairs(ps):
                _emit(ctx, sent_idx, sent, tok, trig, "mediates", trig.cameo, m, a, modality, reporter, "mediation", other=b)
                _emit(ctx, sent_idx, sent, tok, trig, "mediates", trig.cameo, m, b, modality, reporter, "mediation", other=a)
        else:
            ctx.deferred_mediation.append((m, tok, trig, sent_idx, modality, reporter))


def _object_path(n: Token, gv: Token) -> bool:
    """Is noun ``n`` (part of) the object of ``gv``: 'launched strikes', 'pledged euros in aid'?"""
    cur, hops = n, 0
    while cur != gv and hops < 4:
        if cur.dep_ in ("nsubj", "csubj", "advcl", "relcl", "ccomp", "xcomp", "acl"):
            return False
        cur, hops = cur.head, hops + 1
    return cur == gv and n.dep_ != "nsubj"


def _noun_rule(ctx: _Ctx, sent_idx: int, sent: Span, n: Token, trig: Trigger) -> None:
    gz = ctx.gz
    if n.i in ctx.mentions:
        return
    relation, cameo = trig.relation, trig.cameo
    modality, reporter = _noun_modality(ctx, n)

    # "the two allies" / "X's ally" / "an ally of X": the ally noun names the relation itself.
    if relation == "alliedWith" and _pair_noun(ctx, n) and n.dep_ != "appos":
        pair = _resolve_pair(ctx, sent_idx)
        if len(pair) == 2:
            _emit(ctx, sent_idx, sent, n, trig, relation, cameo, pair[0], pair[1], modality, reporter, "noun:pair")
        return
    if relation == "alliedWith" and modality == "reported":
        modality, reporter = "asserted", None  # "close allies", "its Russian allies": descriptive
    if (relation == "alliedWith" or n.lemma_.lower() in gz.word_list("role_nouns")) and n.dep_ in ("appos", "attr"):
        if n.dep_ == "appos":
            holders = np_refs(ctx, n.head, how="apposition")
        else:
            holders = [r for c in n.head.children if c.dep_ in SUBJ for r in np_refs(ctx, c, how="copula-subject")]
        owners = [r for c in n.children if c.dep_ in ("poss", "compound", "amod") for r in np_refs(ctx, c, how="ally-of")]
        owners += [r for _, p in _prep_objects(ctx, n, ("of", "with")) for r in np_refs(ctx, p, how="ally-of")]
        if owners:
            for h in holders:
                for o in owners:
                    _emit(ctx, sent_idx, sent, n, trig, relation, cameo, h, o, modality, reporter, "noun:apposition")
        elif len(holders) > 1:
            for a, b in _pairs(holders):
                _emit(ctx, sent_idx, sent, n, trig, relation, cameo, a, b, modality, reporter, "noun:apposition")
        return

    sources: list[Ref] = []
    mods: list[Ref] = []
    for c in n.children:
        if c.dep_ == "poss":
            sources += np_refs(ctx, c, how="possessor")
        elif c.dep_ in ("amod", "compound", "nmod", "npadvmod"):
            mods += np_refs(ctx, c, how=f"modifier:{c.dep_}")
    mod_actors = {r.actor for r in mods}
    if trig.compound_is_venue and len(mod_actors) == 1 and not sources:
        mods = []  # "the Oman talks": a venue
    coordinated = any(c.dep_ == "conj" for m in n.children if m.dep_ in ("amod", "compound", "nmod") for c in m.children)
    multi_party = len(mod_actors) >= 2 and (gz.relations.get(relation, {}).get("symmetric", False)
                                            or trig.between_mutual) and not (coordinated and not trig.between_mutual)
    if not multi_party:
        sources += mods
    for _, p in _prep_objects(ctx, n, trig.agent_preps):
        sources += np_refs(ctx, p, how="noun-agent")
    for c in n.children:  # "an attack claimed by the Islamic State group"
        if not sources and c.dep_ == "acl" and c.lemma_.lower() in gz.word_list("claim_verbs"):
            sources = [r for _, p in _prep_objects(ctx, c, ("by",)) for r in np_refs(ctx, p, factor=0.9, how="claimed-by")]
    gv = _governor(n)
    if not sources and gv is not None and gv.lemma_.lower() in gz.word_list("light_verbs") and _object_path(n, gv):
        sources = [Ref(r.actor, r.sector, r.official, r.factor * 0.9, "light-verb") for r in _subject_refs(ctx, gv)]

    targets: list[Ref] = []
    between: list[Ref] = list(mods) if multi_party else []
    prep_hosts = [n]
    if gv is not None and gv.lemma_.lower() in gz.word_list("light_verbs") and _object_path(n, gv) and n.dep_ == "dobj":
        prep_hosts.append(gv)  # "impose tariffs and visa bans on the country": the preposition sits on the verb
    for prep, p in [pp for host in prep_hosts for pp in _prep_objects(ctx, host, trig.target_preps)]:
        refs = _args_or_pair(ctx, p, sent_idx, f"prep:{prep}", place_ok=True)
        if trig.target_is_possessor and not refs:
            refs = np_refs(ctx, p, factor=0.9, how="object-owner")
        (between if prep == "between" else targets).extend(refs)
    if not targets and sources and relation == "pressures" and gv is not None and n.dep_ == "pobj" \
            and n.head.lower_ in ("under", "despite", "amid", "after") and not _object_path(n, gv):
        targets = [Ref(r.actor, r.sector, r.official, r.factor * 0.85, "pressured-subject") for r in _subject_refs(ctx, gv)]
    if not targets and sources and relation == "supports" and n.dep_ == "pobj" and n.head.lower_ in ("with", "thanks") \
            and gv is not None:
        targets = [Ref(r.actor, r.sector, r.official, r.factor * 0.85, "helped-subject") for r in _subject_refs(ctx, gv)]
    # "ECOWAS gave Niger's rulers an ultimatum": the light verb's indirect object.
    if not targets and gv is not None and gv.lemma_.lower() in gz.word_list("light_verbs") and _object_path(n, gv):
        for c in gv.children:
            if c.dep_ in ("dative", "iobj") and c.pos_ != "ADP":
                targets += np_refs(ctx, c, factor=0.9, how="light-verb-dative")
    # "the U.S. request that Israel stand down": the subject of the clause the noun governs.
    if not targets:
        for c in n.children:
            # a relative clause counts only when the noun is not one of its arguments
            # ("the request that Israel stand down" yes; "a call that the Kremlin described" no)
            relative_arg = c.dep_ == "relcl" and any(cc.tag_ in ("WDT", "WP") and cc.dep_ != "mark" for cc in c.children)
            if c.dep_ in ("acl", "ccomp", "relcl") and not relative_arg and relation in ("pressures", "demands", "threatens"):
                for cc in c.children:
                    if cc.dep_ in ("nsubj", "nsubjpass") and cc.tag_ not in ("WDT", "WP"):
                        targets += np_refs(ctx, cc, factor=0.9, how="noun-clause-subject")
    # "Iran cannot accept US demands": the demand is made of the one who must accept it.
    if not targets and trig.recipient_from_governor and gv is not None and n.head == gv \
            and gv.lemma_.lower() in gz.word_list("response_verbs"):
        targets = [Ref(r.actor, r.sector, r.official, r.factor * 0.9, "recipient") for r in _subject_refs(ctx, gv)]

    if not targets and not between and trig.target_is_possessor and sources:
        # "drawing condemnation from Kyiv": condemnation of whoever acted in this sentence
        targets = [r for r in _event_owner(ctx, n, sources) if r.actor not in {x.actor for x in sources}]
    verb = _accusation(ctx, n) if relation in ("attacks", "supports", "threatens", "opposes") else None
    if verb is not None:  # "Hezbollah blamed Israel for the attack": Israel attacked Hezbollah, says Hezbollah
        accuser = _subject_refs(ctx, verb)
        sources = sources or (_accused(ctx, n) or [])
        targets = targets or [Ref(r.actor, r.sector, r.official, r.factor * 0.8, "accuser-victim") for r in accuser]
        modality, reporter = ("negated" if modality == "negated" else "reported"), next(iter(accuser), None)
    if relation == "mediates":
        parties = between or targets
        if not parties and n.head.pos_ in ("NOUN", "PROPN"):
            parties = _talk_parties(ctx, n.head, sent_idx)
        if sources:
            _mediation(ctx, sent_idx, sent, n, trig, sources, parties, modality, reporter)
        return
    symmetric = gz.relations.get(relation, {}).get("symmetric", False)
    if between:
        pairs = list(_pairs(between))
        for a, b in pairs:
            _emit(ctx, sent_idx, sent, n, trig, relation, cameo, a, b, modality, reporter, "noun:between")
            if trig.between_mutual and not symmetric:
                _emit(ctx, sent_idx, sent, n, trig, relation, cameo, b, a, modality, reporter, "noun:between")
        if sources and not pairs:
            for s in sources:
                for t in between:
                    _emit(ctx, sent_idx, sent, n, trig, relation, cameo, s, t, modality, reporter, "noun:between")
    for s in sources:
        for t in targets:
            _emit(ctx, sent_idx, sent, n, trig, relation, cameo, s, t, modality, reporter, "noun")
    if sources and not targets and not between and modality in ("asserted", "reported"):
        ctx.events.extend((n.i, n.lemma_.lower(), relation, r.actor) for r in sources)
    if symmetric and not targets and not between and len(sources) > 1:
        for a, b in _pairs(sources):
            _emit(ctx, sent_idx, sent, n, trig, relation, cameo, a, b, modality, reporter, "noun:coordinated")
    # "an Israeli raid on Iranian targets" is handled above; "US strikes hit Iranian sites" by the verb.


def _resolve_deferred(ctx: _Ctx, sentences: list[Span]) -> None:
    """Mediation whose parties the sentence leaves implicit ('Oman-mediated negotiations'): the
    parties are the document's most frequently negotiating pair."""
    if not ctx.deferred_mediation:
        return

    def pair_counts(relations: tuple[str, ...], sentence: int | None) -> Counter:
        return Counter(frozenset((ix.source, ix.target)) for ix in ctx.interactions
                       if ix.relation in relations and (sentence is None or ix.sentence == sentence)
                       and ctx.gz.actors.get(ix.source) is not None and ctx.gz.actors.get(ix.target) is not None)

    for m, tok, trig, sent_idx, mod, rep in ctx.deferred_mediation:
        # the deal/talks of this sentence first, then the document's negotiations, then its agreements
        pairs = (pair_counts(("negotiatesWith", "cooperatesWith"), sent_idx) or pair_counts(("negotiatesWith",), None)
                 or pair_counts(("cooperatesWith",), None))
        if not pairs:
            continue
        top = pairs.most_common(1)[0][0]
        a, b = sorted(top)
        if m.actor in top:
            continue
        ra, rb = Ref(a, None, None, 0.7, "document-context"), Ref(b, None, None, 0.7, "document-context")
        sent = sentences[sent_idx]
        _emit(ctx, sent_idx, sent, tok, trig, "mediates", trig.cameo, m, ra, mod, rep, "mediation:context", other=rb)
        _emit(ctx, sent_idx, sent, tok, trig, "mediates", trig.cameo, m, rb, mod, rep, "mediation:context", other=ra)


# ---------------------------------------------------------------------------------------- driver

def _dedupe(interactions: list[Interaction]) -> list[Interaction]:
    """One interaction per (source, relation, target, sentence, modality, other party): the most confident."""
    best: dict[tuple, Interaction] = {}
    for ix in interactions:
        key = (ix.source, ix.relation, ix.target, ix.sentence, ix.modality, ix.other_party)
        if key not in best or ix.confidence > best[key].confidence:
            best[key] = ix
    return sorted(best.values(), key=lambda i: (i.sentence, i.trigger_start, i.source, i.relation, i.target))


def extract_doc(spacy_doc: Doc, document: Document, gz: Gazetteer, reference_date: str | None = None) -> Extraction:
    """Everything actorgraph reads from one parsed document."""
    reference_date = reference_date or dt.date.today().isoformat()
    doc_date = document.date or infer_doc_date(spacy_doc, reference_date)
    ctx = _Ctx(spacy_doc, document, gz, doc_date)
    find_mentions(ctx)
    sentences: list[Span] = list(spacy_doc.sents)
    ctx.sent_index = {sent.start: i for i, sent in enumerate(sentences)}
    records: list[Sentence] = []
    for idx, sent in enumerate(sentences):
        text = sent.text
        lead = len(text) - len(text.lstrip())
        stripped = text.strip()
        records.append(Sentence(document.id, idx, sent.start_char + lead, sent.start_char + lead + len(stripped), stripped))
        for tok in sent:
            for trig in _triggers_for(gz, tok):
                if trig.pos == "VERB":
                    _verb_rule(ctx, idx, sent, tok, trig)
                else:
                    _noun_rule(ctx, idx, sent, tok, trig)
    _resolve_deferred(ctx, sentences)
    interactions = _dedupe(ctx.interactions)
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
    return Extraction(document=document, sentences=records, actors=actors, offices=list(ctx.offices),
                      interactions=interactions, doc_date=doc_date)


def extract(documents: Iterable[Document], nlp: Language, gz: Gazetteer, *, batch_size: int = 32,
            n_process: int = 1, reference_date: str | None = None) -> Iterator[Extraction]:
    """Parse and extract a stream of documents (spaCy's ``nlp.pipe`` does the batching/processes)."""
    docs = list(documents)
    for document, parsed in zip(docs, nlp.pipe((d.text for d in docs), batch_size=batch_size, n_process=n_process)):
        yield extract_doc(parsed, document, gz, reference_date)


# ---------------------------------------------------------------------------------------- workers

_WORKER: dict = {}


def _init_worker(extra: tuple[str, ...], model: str | None) -> None:
    from . import gazetteer as gazetteer_mod
    from .nlp import get_pipeline

    gz = gazetteer_mod.load(extra)
    _WORKER["gz"], _WORKER["nlp"] = gz, get_pipeline(gz, model)


def _work(batch: list[Document], reference_date: str | None) -> list[Extraction]:
    gz, nlp = _WORKER["gz"], _WORKER["nlp"]
    return [extract_doc(parsed, d, gz, reference_date) for d, parsed in zip(batch, nlp.pipe(d.text for d in batch))]


def extract_parallel(documents: list[Document], *, extra: Iterable[str] = (), model: str | None = None,
                     workers: int = 2, reference_date: str | None = None, batch: int = 16) -> list[Extraction]:
    """Parse and extract in ``workers`` processes, each with its own pipeline; results in input order.

    Both the parse and our rules run in the workers, so the speed-up covers the whole extraction
    (spaCy's own ``n_process`` would leave our rules in the parent process)."""
    from concurrent.futures import ProcessPoolExecutor
    import multiprocessing as mp

    chunks = [documents[i:i + batch] for i in range(0, len(documents), batch)]
    ctx = mp.get_context("spawn")  # a clean interpreter per worker: forked spaCy state was measured slower
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                             initargs=(tuple(map(str, extra)), model)) as pool:
        results = pool.map(_work, chunks, [reference_date] * len(chunks))
        return [ex for chunk in results for ex in chunk]
