"""Mentions: which tokens name which actor, and which named people are officials.

The entity ruler (``graph.nlp``) has marked gazetteer aliases; here a place after a locative preposition
("talks in Muscat") is set apart from an acting state, and PERSON entities with a title ("Iranian
Foreign Minister Abbas Araghchi", "Araghchi, Iran's foreign minister") become officials with an Office
and an affiliation. Later surname-only mentions and an unambiguous "the foreign minister" are linked.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from .. import layout  # noqa: F401 - Token._.ag_layout (datelines)
from ..gazetteer import Gazetteer, name_words
from ..model import Actor, Office
from ..names import PARTICLES
from ..namespaces import person_id
from .arguments import anaphoric, institution_owner
from .context import PAST_OFFICE_WORDS, DocContext, FAMILY_NAME_FIRST, Mention

__all__ = ["find_mentions", "LEADS"]


def possessive_marker(tok: Token) -> bool:
    """"'s", or the bare apostrophe of a plural name ('The Marshall Islands' President', 'the Philippines'
    coast guard') when the tagger makes it a possessive."""
    return tok.text in ("'s", "’s") or (tok.text in ("'", "’") and tok.tag_ == "POS")


def _is_location(tok: Token, gz: Gazetteer) -> bool:
    """'in Muscat', 'talks in Oman': the object of a locative preposition names a place."""
    head = tok
    while head.dep_ in ("compound", "conj", "appos") and head.head != head:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in gz.word_list("location_preps")


def _names_a_venue(tok: Token, gz: Gazetteer) -> bool:
    """'the Cairo framework', 'the Minsk accords', 'its Kuala Lumpur peace declaration': a capital that
    modifies a thing (no one who acts, no event a trigger names but an agreement) is where it was made,
    not the state (but 'Beijing authorities' are China's, and 'the Doha talks' are left to the
    trigger's own rule)."""
    phrase = tok.head
    while phrase.dep_ == "compound" and phrase.head.pos_ == "NOUN":  # 'the Kuala Lumpur peace declaration'
        phrase = phrase.head
    if tok.dep_ != "compound" or tok.head.pos_ != "NOUN" or not any(
            c.dep_ in ("det", "poss") and c.i < tok.i for c in phrase.children):
        return False  # (a determiner opens the phrase: 'that Tehran halt enrichment' misparsed is no phrase)
    head = phrase.lemma_.lower()
    if any(t.relation in gz.vocabulary.playing("agreement") for t in gz.triggers.get((head, "NOUN"), ())):
        return True  # 'its Kuala Lumpur peace declaration', 'the Doha agreement': where a deal was made
    return head not in gz.agent_nouns and head not in gz.title_heads and head not in gz.anaphors \
        and (head, "NOUN") not in gz.triggers and head not in gz.word_list("group_nouns")


def _negated_prefix(doc: Doc, start: int) -> bool:
    """'a major non-NATO ally', 'non-EU states': a name after 'non-' names what something is not."""
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ == "non" \
        and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_


def find_mentions(ctx: DocContext) -> None:
    doc, gz = ctx.doc, ctx.gz
    for ent in doc.ents:
        if ent.ent_id_:
            actor, kind, sector = (ent.ent_id_.split("|") + ["", ""])[:3]
            if actor not in gz.actors or gz.actors[actor].type == "Person" or _negated_prefix(doc, ent.start):
                continue
            # (the place of a dateline, "BEIRUT —", is where the story was filed)
            m = Mention(actor, kind, sector or None, ent.start, ent.end,
                        location=kind == "city" or _is_location(ent.root, gz) or ent[0]._.ag_layout == "dateline"
                        or (kind == "capital" and _names_a_venue(ent.root, gz)))
            for i in range(ent.start, ent.end):
                ctx.mentions[i] = m
    _national_namesakes(ctx)
    _contextual_names(ctx)
    ctx.home = _dateline_state(ctx)
    _owned_parts(ctx)
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            _person(ctx, ent)
    _surname_mentions(ctx)
    _leaders_named_as_such(ctx)


def _national_namesakes(ctx: DocContext) -> None:
    """'Russian Security Council', "Iran's Supreme National Security Council": a body named like an
    organisation's (lexicon word list ``national_namesakes``) right after a state is that state's."""
    names = ctx.gz.word_list("national_namesakes")
    for m in {m.start: m for m in ctx.mentions.values()}.values():
        if ctx.doc[m.start:m.end].text.lower() not in names:
            continue
        before = m.start - 1
        if before >= 0 and possessive_marker(ctx.doc[before]):
            before -= 1
        owner = ctx.mentions.get(before)
        if owner is None or owner.location or owner.kind == "person" or ctx.type_of(owner.actor) != "State":
            continue
        part = Mention(owner.actor, "part", "GOV", m.start, m.end)
        for i in range(m.start, m.end):
            ctx.mentions[i] = part


def _contextual_names(ctx: DocContext) -> None:
    """'the North' in a story that names North Korea is North Korea (ontology/lexicon.ttl
    ag:ContextualName): a name that means an actor only where the document names that actor, so a
    story about Sudan's north is not about Pyongyang. Capitals too ambiguous for the gazetteer
    ('Georgetown': a university too; ``ag:bare true``) stand for their state the same way."""
    named = {m.actor for m in ctx.mentions.values()}
    for tok in ctx.doc:
        actor = ctx.gz.contextual_names.get(tok.text)
        bare = tok.text in ctx.gz.contextual_bare  # a capital too ambiguous for the gazetteer: 'Georgetown'
        if actor in named and tok.i not in ctx.mentions and (bare or tok.i > 0 and ctx.doc[tok.i - 1].lower_ == "the") \
                and tok.pos_ == "PROPN" and not (tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].pos_ == "PROPN"):
            kind = "capital" if bare else "name"
            ctx.mentions[tok.i] = Mention(actor, kind, None, tok.i, tok.i + 1,
                                          location=_is_location(tok, ctx.gz) or tok._.ag_layout == "dateline"
                                          or (bare and _names_a_venue(tok, ctx.gz)))


def _part_owner(ctx: DocContext, m: Mention) -> str | None:
    """The state written before a government part ("Israel's Ministry of Defence", "the Pakistani
    Foreign Office"), when it is another state than the one the part's name belongs to by default."""
    doc = ctx.doc
    before = ctx.mentions.get(m.start - 2) if m.start >= 2 and possessive_marker(doc[m.start - 1]) else \
        ctx.mentions.get(m.start - 1)
    if before is None or before.kind not in ("name", "demonym", "capital") or before.actor == m.actor:
        return None
    return before.actor if ctx.type_of(before.actor) == "State" else None


def _owned_parts(ctx: DocContext) -> None:
    """Names of government parts that many states use ("Foreign Office", "Ministry of Defence") mean
    the gazetteer's state unless the text writes another owner before them; once it has, the same
    name later in the story is that owner's too ("Pakistan's Foreign Office said … Foreign Office
    spokesman X told reporters"). Unqualified, a name every state uses (lexicon word list
    ``shared_part_names``) in a story filed from a state's city is that state's ("ISLAMABAD — The
    Foreign Office said")."""
    owners: dict[str, str] = {}
    home, shared = ctx.home, ctx.gz.word_list("shared_part_names")
    for m in sorted({id(m): m for m in ctx.mentions.values() if m.kind == "part"}.values(), key=lambda m: m.start):
        name = ctx.doc[m.start:m.end].text.lower()
        owner = _part_owner(ctx, m) or owners.get(name) or (home if name in shared and home != m.actor else None)
        if owner is None:
            continue
        owners[name] = owner
        moved = Mention(owner, "part", m.sector, m.start, m.end, location=m.location)
        for i in range(m.start, m.end):
            ctx.mentions[i] = moved


def _title_before(ctx: DocContext, start: int, sent_start: int) -> tuple[str | None, int]:
    """The title ending right before token ``start``: the longest listed title ("special envoy",
    "Foreign Minister") or a title's head word ("official", "chief"), with the modifiers news puts
    before it ("Chief Cabinet Secretary", "top Asia official", "junta chief"). Returns (lower-case
    title, its first token). Rank abbreviations between the title and the name ("military spokesman
    Brig. Gen. Yahya Saree") are skipped: the office is the title; alone, the rank is."""
    ranks = ctx.gz.word_list_cased("title_abbreviations")
    end = start
    while end - 1 >= sent_start and ctx.doc[end - 1].text in ranks:
        end -= 1
    if end < start:
        title, first = _title_before(ctx, end, sent_start)
        return (title, first) if title is not None else (ctx.doc[end:start].text.lower(), end)
    doc, titles = ctx.doc, ctx.gz.titles
    domain = _domain_phrase_start(ctx, start, sent_start)
    if domain is not None:  # "Assistant Secretary of State for African Affairs Molly Phee"
        title, first = _title_before(ctx, domain, sent_start)
        return (doc[first:start].text.lower(), first) if title is not None else (None, start)
    first = next((start - k for k in range(min(6, start - sent_start), 0, -1)
                  if doc[start - k:start].text.lower() in titles  # as written: "Secretary-General"
                  or " ".join(t.text for t in doc[start - k:start]).lower() in titles), None)
    if first is None and start - 1 >= sent_start and doc[start - 1].lower_.endswith("s"):
        plural = _plural_title(ctx, start, sent_start)  # "Presidents Kagame of Rwanda and Ruto of Kenya"
        if plural is not None:
            return plural
    if first is None:
        if start - 1 < sent_start or doc[start - 1].lower_ not in ctx.title_heads:
            return None, start
        first = start - 1
    while first - 1 >= max(sent_start, start - 5) and doc[first - 1].pos_ in ("ADJ", "NOUN", "PROPN") \
            and doc[first - 1].i not in ctx.mentions and doc[first - 1].ent_type_ in ("", "ORG") \
            and doc[first - 1].text[:1].isalpha():
        first -= 1
    first = _hyphen_prefix(doc, first, sent_start)
    return doc[first:start].text.lower(), first


def _domain_phrase_start(ctx: DocContext, start: int, sent_start: int) -> int | None:
    """Where the 'for …' phrase of a long title starts, if the words right before token ``start`` are
    one: 'for', capitalised words, ending in a word of the lexicon list ``title_domain_words``
    ('for African Affairs', 'for Arms Control and International Security')."""
    doc = ctx.doc
    if start - 2 < sent_start or doc[start - 1].lower_ not in ctx.gz.word_list("title_domain_words"):
        return None
    for i in range(start - 2, max(sent_start, start - 8) - 1, -1):
        if doc[i].lower_ == "for":
            return i if i > sent_start else None
        if not (doc[i].text[:1].isupper() or doc[i].lower_ in ("and", "of", "the", "&")):
            return None
    return None


def _plural_title(ctx: DocContext, start: int, sent_start: int) -> tuple[str, int] | None:
    """A plural title before a list of names ("Foreign Ministers Sergey Lavrov of Russia and Wang Yi of
    China"): each name holds the singular title."""
    doc = ctx.doc
    for k in range(min(4, start - sent_start), 0, -1):
        words = [t.text.lower() for t in doc[start - k:start]]
        singular = " ".join(words[:-1] + [words[-1][:-1]])
        if words[-1].endswith("s") and singular in ctx.gz.titles:
            return singular, _hyphen_prefix(doc, start - k, sent_start)
    return None


def _hyphen_prefix(doc: Doc, first: int, sent_start: int) -> int:
    """The start of a title with a hyphenated prefix the tokenizer split off ('co - presidents',
    'vice - president'): the marker of its owner stands before the prefix."""
    while first - 2 >= sent_start and doc[first - 1].text == "-" and not doc[first - 2].whitespace_ \
            and not doc[first - 1].whitespace_ and doc[first - 2].is_alpha:
        first -= 2
    return first


def _list_title(ctx: DocContext, name: Span) -> tuple[str | None, int]:
    """The title a later name of a list shares with the first ('Presidents A of X, B of Y and C of Z')
    and where that plural title starts (its owner's marker stands before it: "Nicaragua's co-presidents
    Daniel Ortega and Rosario Murillo"); (None, the name's start) when there is none."""
    first = name.root
    while first.dep_ in ("conj", "appos") and first.head.pos_ == "PROPN" and first.head.i < first.i \
            and first.head.ent_type_ in ("PERSON", ""):
        first = first.head
    if first == name.root:
        return None, name.start
    start = next((e.start for e in ctx.doc.ents if e.start <= first.i < e.end), first.i)
    inside = [p for end in range(start + 1, first.i) for p in [_plural_title(ctx, end, start)] if p and p[1] == start]
    # (the model's entity may have swallowed it: "Foreign Ministers Sergey Lavrov")
    plural = inside[0] if inside else _plural_title(ctx, start, first.sent.start)
    return plural if plural is not None else (None, name.start)


def _owner_after(ctx: DocContext, name: Span) -> str | None:
    """'Paul Kagame of Rwanda': the state or organisation named right after the name with 'of'."""
    doc = ctx.doc
    if name.end + 1 < len(doc) and doc[name.end].lower_ == "of":
        m = ctx.mentions.get(name.end + 1) or ctx.mentions.get(name.end + 2)  # "of the United States"
        if m is not None and m.kind != "person":
            return m.actor
    return None


def _canonical_title(text: str) -> str:
    small = {"of", "the", "and", "for", "to", "on"}
    return " ".join(w if w in small else "-".join(p[:1].upper() + p[1:] for p in w.split("-")) for w in text.split())


def _title_sector(ctx: DocContext, title: str) -> str | None:
    """The sector of a title: as listed, else of the longest listed title it ends in once a 'for …'
    phrase is set aside ('Assistant Secretary of State for African Affairs' is a Secretary of State's),
    else of its head word."""
    if title in ctx.gz.titles:
        return ctx.gz.titles[title]
    words = title.split(" for ")[0].split()
    listed = next((" ".join(words[k:]) for k in range(1, len(words)) if " ".join(words[k:]) in ctx.gz.titles), None)
    if listed is not None:
        return ctx.gz.titles[listed]
    return ctx.title_heads.get(title.split()[-1]) if title else None


def _marker_before(ctx: DocContext, left: int, sent: Span) -> str | None:
    """'Oman's', 'Iranian', 'U.S.' right before a title: whose office it is (over an adjective the
    title took: "Eswatini's acting government spokesperson")."""
    i = left - 1
    while i > sent.start and i > left - 3 and ctx.doc[i].tag_ in ("JJ", "VBG", "VBN") and i not in ctx.mentions:
        i -= 1
    if i >= sent.start and possessive_marker(ctx.doc[i]):
        i -= 1
    if i >= sent.start and i in ctx.mentions and ctx.mentions[i].kind != "person":
        return ctx.mentions[i].actor
    return None


def _apposed_office_owner(ctx: DocContext, name: Span, exclude: set[str]) -> str | None:
    """"Uganda's army chief, General John Okello, wrote …", "John Okello, Uganda's army chief, said …":
    the owner ('s, or a demonym) of an office noun the name is in apposition with."""
    root = name.root
    nouns = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    for noun in nouns:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ctx.gz.title_heads:
            continue
        for child in noun.children:
            m = ctx.mentions.get(child.i)
            if child.dep_ in ("poss", "amod", "compound") and _employer(ctx, m, exclude):
                return m.actor
        owner = _office_of(ctx, noun, exclude)
        if owner is not None:
            return owner
    return None


def _office_of(ctx: DocContext, noun: Token, exclude: set[str]) -> str | None:
    """'foreign minister OF Sudan', 'foreign minister IN Afghanistan's Taliban administration': the actor
    the office noun's of/in phrase names — the body itself before the state that owns it."""
    for p in (p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "in") for p in c.children if p.dep_ == "pobj"):
        m = ctx.mentions.get(p.i)
        if _employer(ctx, m, exclude) and m.kind != "capital":
            return m.actor
        if p.pos_ == "NOUN":
            mods = _bodies_first([c for c in p.children if c.dep_ in ("compound", "amod", "poss")
                                  and _employer(ctx, ctx.mentions.get(c.i), exclude)])
            if mods:
                return ctx.mentions[mods[0].i].actor
    return None


def _bodies_first(named: list[Token]) -> list[Token]:
    """Mentions in a title's phrase, the body an office is in before the state owning it: in
    "Afghanistan's TALIBAN administration" the compound, then the possessor of the same noun."""
    bodies = {t.i for t in named if t.dep_ == "compound"}
    return sorted(named, key=lambda t: t.dep_ == "poss" and any(c.i in bodies for c in t.head.children))


def _clause_subject_state(ctx: DocContext, left: int, sent: Span, exclude: set[str]) -> str | None:
    """'Nigeria refused a U.S. request, with Foreign Minister Yusuf Tuggar saying …', 'Iran is wary: Ali
    Akbar Velayati, an adviser to the supreme leader, warned …': a state that is the subject of a clause
    of the sentence, named before the title, is whose office it is (before the dateline's)."""
    before = sent[:max(0, left - sent.start)]
    colon = next((t.i for t in reversed(before) if t.text in (":", ";")), None)  # "Iran is wary: X, an adviser …"
    for subj in (t for t in before if (t.dep_ == "nsubj" and t.head == sent.root) or (
            t.dep_ in ("nsubj", "nsubjpass") and colon is not None and t.head.i < colon and t.head.dep_ != "relcl")):
        m = ctx.mentions.get(subj.i)
        if m is None or m.kind == "person" or m.location or m.actor in exclude or ctx.type_of(m.actor) != "State":
            continue
        return m.actor
    return None


def _institution_named_before(ctx: DocContext, title: str, left: int) -> str | None:
    """'Myanmar's junta … Junta spokesman Zaw Min Tun', 'Mali's army said … army spokesman': a title
    that names a state's institution (``home_institution_nouns``) is of the state that institution
    was last named with."""
    words = set(title.split()[:-1]) & ctx.gz.word_list("home_institution_nouns") if title else set()
    return institution_owner(ctx, words, left) if words else None


def _employer(ctx: DocContext, m: Mention | None, exclude: set[str]) -> bool:
    """Can this mention be the one a title belongs to? (Not a person, a place, a collective — no one
    holds an office of "the West" — nor an actor the person acts upon.)"""
    return m is not None and m.kind != "person" and not m.location and m.actor not in exclude \
        and ctx.type_of(m.actor) != "CollectiveActor"


def _acted_upon(ctx: DocContext, name: Span) -> set[str]:
    """Actors inside the objects of the clause the person is the subject of: in "Vice Foreign Minister
    Sun Weidong summoned Japan's ambassador", Japan is whom he acts upon, not whom he serves."""
    verb = name.root.head if name.root.dep_ in ("nsubj", "nsubjpass") else None
    if verb is None:
        return set()
    return {ctx.mentions[t.i].actor for c in verb.children if c.dep_ in ("dobj", "prep", "dative")
            for t in _argument_tokens(c) if t.i in ctx.mentions and ctx.mentions[t.i].kind != "person"
            and not ctx.mentions[t.i].location}


def _argument_tokens(tok: Token) -> list[Token]:
    """The tokens of an argument phrase without its appositions, clauses and place or time phrases ('a
    memorandum with Modi, the first such pact in Sri Lanka's history': Sri Lanka is not acted upon)."""
    out = [tok]
    for c in tok.children:
        if c.dep_ not in ("appos", "relcl", "acl", "advcl", "punct") \
                and not (c.dep_ == "prep" and c.lower_ in ("in", "at", "during", "since", "throughout", "across")):
            out += _argument_tokens(c)  # ("the first such pact in Sri Lanka's history": where, not whom)
    return out


def _dateline_state(ctx: DocContext) -> str | None:
    """The state a story was filed from ("BEIRUT —", "ADDIS ABABA, Ethiopia (AP) —" -> Lebanon,
    Ethiopia): in wire copy, that state's officials are often named with their title alone
    ("President Joseph Aoun"). The place is looked up by name, since datelines are in capitals."""
    words: list[str] = []
    for tok in ctx.doc:
        if tok._.ag_layout != "dateline":
            if words:
                break
            continue
        if tok.text == "/" and words:
            return None  # "TEHRAN/KABUL", "ALGIERS/PARIS": filed from both sides, no home state
        if tok.text in (",", "(", "—", "–", "-", "--") and words:
            break
        words.append(tok.text)
    actor = ctx.gz.place_index.get(" ".join(words).lower()) if words else None
    return actor if actor is not None and ctx.type_of(actor) == "State" else None


def _title_named_before(ctx: DocContext, title: str, left: int) -> str | None:
    """'South Korea summons Russian envoy … Ambassador Georgy Zinoviev': the same office named earlier
    with its state ('Russian envoy', 'Russia's ambassador') is this person's. Envoy and ambassador are
    one office here."""
    if not title:
        return None
    words = title.split()
    head = words[-1]
    same = {head} | ({"envoy", "ambassador"} if head in ("envoy", "ambassador") else set())
    for tok in reversed(ctx.doc[:left]):
        if tok.lower_ in same or tok.lemma_.lower() in same:
            mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound") and c.i not in ctx.mentions}
            if not set(words[:-1]) <= mods:
                continue  # "Prime Minister …" is not the office of an earlier "Turkish Foreign Minister"
            mod = next((c for c in tok.children if c.dep_ in ("amod", "compound", "poss") and c.i in ctx.mentions
                        and ctx.mentions[c.i].kind != "person"), None)
            if mod is not None and ctx.type_of(ctx.mentions[mod.i].actor) != "CollectiveActor":
                return ctx.mentions[mod.i].actor
    return None


def _voice_of_previous(ctx: DocContext, title: str, sent: Span, exclude: set[str]) -> str | None:
    """'India's Ministry of External Affairs rejected the charge. Spokesperson Randhir Jaiswal said …':
    a spokesperson who opens the sentence after an institution spoke speaks for that institution's
    actor (the previous sentence's subject: a government part, or an agency noun with its owner)."""
    if not title or not set(title.split()) & ctx.gz.word_list("voice_titles") or sent.start == 0:
        return None
    prev = ctx.doc[sent.start - 1].sent
    for subj in (c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")):
        for t in subj.subtree:
            m = ctx.mentions.get(t.i)
            voice = m is not None and (m.kind == "part" or subj.lemma_.lower() in ctx.gz.agent_nouns
                                       or subj.lemma_.lower() in ("ministry", "office", "department"))
            if voice and _employer(ctx, m, exclude):
                return m.actor
    return None


def _topic_of_previous(ctx: DocContext, left: int, sent: Span, exclude: set[str], owners: bool = False) -> str | None:
    """'Mauritius is pursuing Tromelin. Prime Minister Navinchandra Ramgoolam has asked France …': a title
    that opens the sentence right after one whose (last main clause's) subject is a state — the story's
    turn to that state — is that state's office (before the dateline's). (It misreads a passing remark: '… Neighbouring
    Slovakia has declined to contribute. President Petr Pavel said …' in a story from Prague.) ``owners``:
    also the owner of an agent noun subject ('Sudan's army-led government banned …'), a weaker cue
    tried only where the dateline names no one state."""
    if left != sent.start or sent.start == 0:
        return None
    prev = ctx.doc[sent.start - 1].sent
    last = max([prev.root] + [c for c in prev.root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")],
               key=lambda t: t.i)  # its last main clause ('Algeria expelled … and France recalled …')
    subj = next((c for c in last.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if owners and subj is not None and subj.i not in ctx.mentions and subj.lemma_.lower() in ctx.gz.agent_nouns:
        # "Sudan's army-led government banned …": the state owning the agent noun
        subj = next((c for c in subj.children if c.dep_ in ("poss", "compound") and c.i in ctx.mentions), None)
    m = ctx.mentions.get(subj.i) if subj is not None else None
    if m is None or m.kind not in ("name", "capital") or m.location or m.actor in exclude or ctx.type_of(m.actor) != "State":
        return None
    return m.actor


def _sender(ctx: DocContext, name: Span | None, exclude: set[str]) -> str | None:
    """'Greece … sent Foreign Minister George Gerapetritis to Benghazi': the state that sends, appoints
    or dispatches the person is the one the person serves."""
    if name is None:
        return None
    verb = name.root.head if name.root.dep_ == "dobj" else None
    if verb is None or verb.lemma_.lower() not in ctx.gz.word_list("sending_verbs"):
        return None
    for c in verb.children:
        if c.dep_ == "nsubj":
            m = ctx.mentions.get(c.i)
            if _employer(ctx, m, exclude):
                return m.actor
    return None


def _national_title(ctx: DocContext, title: str) -> str | None:
    """The state of an office only its news names so ('Deputy Secretary of State', 'Taoiseach'; lexicon
    ag:NationalTitle), the title words anywhere in the title ('Assistant Secretary of State for …')."""
    padded = f" {title.lower()} "
    return next((state for words, state in ctx.gz.national_titles.items() if f" {words} " in padded), None)


def _affiliation_near(ctx: DocContext, left: int, sent: Span, title: str = "", name: Span | None = None
                      ) -> tuple[str | None, float]:
    """The state/organisation a title belongs to: a marker right before the title; else the state the
    story was filed from (for a state's offices); else the nearest actor before the title in the
    sentence, the last one of the previous sentence ("… the Omani foreign ministry said. Foreign
    Minister Badr Albusaidi …"), the nearest after; else the document's most mentioned state."""
    marked = _marker_before(ctx, left, sent)
    if marked is not None:
        return marked, 1.0
    exclude = _acted_upon(ctx, name) if name is not None else set()
    apposed = _apposed_office_owner(ctx, name, exclude) if name is not None else None
    if apposed is not None:
        return apposed, 1.0
    national = _national_title(ctx, title)
    if national is not None and national not in exclude:
        return national, 0.9
    named = _title_named_before(ctx, title, left) or _institution_named_before(ctx, title, left) \
        or _sender(ctx, name, exclude) or _voice_of_previous(ctx, title, sent, exclude)
    if named is not None:
        return named, 0.9
    subject = _clause_subject_state(ctx, left, sent, exclude) or _topic_of_previous(ctx, left, sent, exclude)
    if subject is not None:
        return subject, 0.85
    home = ctx.home
    words = set(title.split())
    if home is not None and home not in exclude and not words & ctx.gz.word_list("organisation_titles") \
            and not words & ctx.gz.word_list("posted_abroad_titles") and not (words and words <= ctx.gz.word_list("unattached_titles")):
        return home, 0.8
    owner = _topic_of_previous(ctx, left, sent, exclude, owners=True) if home is None else None
    if owner is not None:
        return owner, 0.75
    for j in range(left - 1, sent.start - 1, -1):
        if _employer(ctx, ctx.mentions.get(j), exclude):
            return ctx.mentions[j].actor, 0.8
    if sent.start > 0:
        prev = ctx.doc[sent.start - 1].sent
        for j in range(prev.end - 1, prev.start - 1, -1):
            if _employer(ctx, ctx.mentions.get(j), exclude):
                return ctx.mentions[j].actor, 0.7
    for j in range(left, sent.end):
        if _employer(ctx, ctx.mentions.get(j), exclude):
            return ctx.mentions[j].actor, 0.6
    counts = Counter(m.actor for m in ctx.mentions.values() if m.kind != "person" and not m.location
                     and ctx.type_of(m.actor) == "State" and m.actor not in exclude)
    return (counts.most_common(1)[0][0], 0.6) if counts else (None, 0.0)


def _split_title(ctx: DocContext, ent: Span) -> tuple[str | None, int, Span | None]:
    """(title, its first token, the name) of a PERSON entity: NER sometimes swallows the title
    ("Foreign Minister Abbas Araghchi"), else the title stands right before it."""
    doc, start = ctx.doc, ent.start
    title, tstart = None, start
    for k in range(min(4, len(ent) - 1), 0, -1):
        phrase = " ".join(t.text for t in doc[start:start + k]).lower()
        if phrase in ctx.gz.titles:
            title, tstart, start = phrase, start, start + k
            break
        if phrase.endswith("s") and phrase[:-1] in ctx.gz.titles:  # "Foreign Ministers Sergey Lavrov of Russia and …"
            title, tstart, start = phrase[:-1], start, start + k
            break
    if title is None:
        title, tstart = _title_before(ctx, start, ent.sent.start)
    name = doc[start:ent.end]
    while len(name) and possessive_marker(name[-1]):
        name = name[:-1]
    return title, tstart, (name if len(name) else None)


def _title_phrase(ctx: DocContext, noun: Token) -> str | None:
    """The title a noun phrase states ("Iran's foreign minister", "the foreign ministry's top Asia
    official", "head of the council"): its words before the head, without determiners, possessors
    and actor names, when the head is a title word."""
    if noun.lower_ not in ctx.title_heads and noun.lemma_.lower() not in ctx.title_heads:
        return None
    words = [t for t in noun.lefts if t.dep_ in ("amod", "compound", "nmod") and t.i not in ctx.mentions] + [noun]
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i)).lower()


def _appositive_title(ctx: DocContext, name: Span) -> tuple[str | None, str | None]:
    """(title, affiliation) from an apposition: "Abbas Araghchi, Iran's foreign minister", "Colombia's
    defence minister, Pedro Sanchez, said", "Rashad al-Alimi, head of the Presidential Council"."""
    root = name.root
    candidates = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        candidates.append(root.head)
    for noun in candidates:
        title = _title_phrase(ctx, noun)
        if title is None:
            continue
        # "Iran's foreign minister", "head of Yemen's Presidential Council": the title's own phrase
        # (the title's words without the name: the name's whole phrase when the title governs it)
        skip = range(root.left_edge.i, root.right_edge.i + 1) if noun == root.head else range(name.start, name.end)
        inside = [t for t in noun.subtree if t.i not in skip]
        posted = bool(set(title.lower().split()) & ctx.gz.word_list("posted_abroad_titles"))
        named = _bodies_first([t for t in inside if t.i in ctx.mentions and ctx.mentions[t.i].kind != "person"
                               and not (posted and _posted_to(t))])
        mentioned = [ctx.mentions[t.i].actor for t in named]
        # "the group's jailed founder, Abdullah Ocalan": the group named before
        mentioned += [a.actor for t in inside if t.dep_ == "poss" and t.pos_ == "NOUN"
                      for a in [anaphoric(ctx, t)] if a is not None]
        # "a senior adviser to Supreme Leader Ali Khamenei": the known person served
        mentioned += [ctx.gz.actors[pid].affiliation for t in inside if t.ent_type_ == "PERSON"
                      for pid in [t.ent_id_.split("|")[0]] if pid in ctx.gz.actors and ctx.gz.actors[pid].affiliation]
        if posted:  # "Russia's deputy U.N. ambassador, Anna Evstigneeva": posted to the body, serving the state
            mentioned.sort(key=lambda a: ctx.type_of(a) != "State")
        return title, (mentioned[0] if mentioned else None)
    return None, None


def _posted_to(t: Token) -> bool:
    """'ambassador TO Ukraine', 'envoy IN Kyiv', 'envoy FOR Libya': where an envoy is posted, not whom
    the envoy serves."""
    return t.dep_ == "pobj" and t.head.lower_ in ("to", "in", "at", "for")


LEADS = ("government", "administration", "regime", "cabinet", "junta", "presidency")


def _role_cue(ctx: DocContext, name: Span, known: Actor | None) -> tuple[str | None, str | None]:
    """A known leader the text names without a title but in a role: "the Marcos government", "the
    Trump administration" (who leads it), "South Korea's Lee Jae-myung" (whose leader he is)."""
    if known is None or ctx.gz.actors.get(known.id) is None:
        return None, None
    root = name.root
    if root.dep_ in ("compound", "poss", "nmod") and root.head.lemma_.lower() in LEADS:
        return "leader", known.affiliation
    doc = ctx.doc
    if name.start >= 2 and possessive_marker(doc[name.start - 1]):
        m = ctx.mentions.get(name.start - 2)
        if m is not None and m.kind != "person" and ctx.type_of(m.actor) == "State":
            return "leader", m.actor
    return None, None


def _identify(ctx: DocContext, ent: Span, name: Span) -> tuple[str, Actor | None]:
    """The person's id (a gazetteer person, an earlier full name's surname, or one made from the name)
    and what is known of them so far."""
    pid = ctx.surnames.get(name[-1].text) if len(name) == 1 else None
    if ent.ent_id_ and _names_the_known_person(ctx, ent.ent_id_.split("|")[0], name):
        pid = ent.ent_id_.split("|")[0]
    pid = pid or person_id(name.text)
    known = ctx.gz.actors.get(pid)
    if known is not None and pid not in ctx.persons:
        ctx.persons[pid] = Actor(pid, known.label, "Person", known.wikidata, known.affiliation)
        parts = known.label.split()
        if len(parts) > 1:
            ctx.surnames.setdefault(parts[-1], pid)
    return pid, ctx.persons.get(pid)


NAME_PARTICLES = name_words(PARTICLES | {"jr", "sr"})  # (bin, al, van, …: no given name)


def _names_the_known_person(ctx: DocContext, pid: str, name: Span) -> bool:
    """'Tene Birahima Ouattara' is not Alassane Ouattara, nor 'Nawaz Sharif' Shehbaz Sharif: a name the
    ruler matched by a known person's surname is theirs only if its other parts are among their names."""
    words = ctx.gz.person_words.get(pid)
    if words is None:  # not a gazetteer person (an actor's id on a name part)
        return True
    return not name_words([name.text]) - words - NAME_PARTICLES


def _former(ctx: DocContext, title: str, tstart: int) -> bool:
    """A title of an office no longer held: 'former', 'ex-', 'retired' in it or right before it."""
    words = set(title.replace("-", " ").lower().split())
    before = ctx.doc[tstart - 1].lower_ if tstart > 0 else ""
    return bool(PAST_OFFICE_WORDS & words) or before in PAST_OFFICE_WORDS | {"ex-"}



def _faction_title(ctx: DocContext, title: str, tstart: int, sent: Span) -> bool:
    """'the eastern commander Khalifa Haftar', 'the rebel leader': a faction's man, no state's (the words
    of a long title's 'for …' phrase set aside: '… for Western Hemisphere Affairs')."""
    factions = ctx.gz.word_list("faction_modifiers")
    return bool(set(title.split(" for ")[0].split()) & factions) or (tstart > sent.start and ctx.doc[tstart - 1].lower_ in factions)


def _record_office(ctx: DocContext, pid: str, name: str, title: str, affiliation: str | None,
                   known: Actor | None) -> Actor:
    if known is None:
        ctx.persons[pid] = known = Actor(pid, name, "Person", None, affiliation)
    elif known.affiliation is None:
        known.affiliation = affiliation
    if affiliation:
        office = Office(pid, _canonical_title(title), affiliation, _title_sector(ctx, title))
        if office not in ctx.offices:
            ctx.offices.append(office)
            ctx.titles_held.setdefault(title.lower(), []).append(pid)
    return known


def _remember_surnames(ctx: DocContext, pid: str, name: Span, known: Actor | None) -> None:
    if len(name) > 1:
        ctx.surnames.setdefault(name[-1].text, pid)
        if known is not None and known.affiliation in FAMILY_NAME_FIRST:  # "Lee Jae-myung" -> "Lee"
            ctx.surnames.setdefault(name[0].text, pid)
        if "-" in name[-1].text:  # "al-Busaidi" -> "Busaidi"
            ctx.surnames.setdefault(name[-1].text.split("-")[-1], pid)


def _person(ctx: DocContext, ent: Span) -> None:
    """A PERSON entity: an official when a title (before it, inside it or in apposition) or the
    gazetteer says so; the title's owner is the affiliation (see ``_affiliation_near``)."""
    title, tstart, name = _split_title(ctx, ent)
    if name is None:
        return
    affiliation = None
    if title is None:
        title, affiliation = _appositive_title(ctx, name)
    if title is None:
        title, listed = _list_title(ctx, name)  # (the mention stays the name: the title is the first one's)
        affiliation = _marker_before(ctx, listed, ent.sent) if title is not None else None
    pid, known = _identify(ctx, ent, name)
    if title is None:
        title, affiliation = _role_cue(ctx, name, known)
        tstart = name.start
    if title is not None and affiliation is None:
        affiliation = _owner_after(ctx, name)
    if title is None and known is None:
        return  # a name without a title is not (yet) an official
    if title is not None and _former(ctx, title, tstart):
        return  # "former Prime Minister Betssy Chávez", "ex-President Pedro Castillo": no longer acts for the state
    if title is not None:
        if affiliation is None and known is not None and known.affiliation:
            affiliation = known.affiliation
        if affiliation is None and not _faction_title(ctx, title, tstart, ent.sent):
            affiliation, _conf = _affiliation_near(ctx, tstart, ent.sent, title, name)
        label = known.label if known is not None and ctx.gz.actors.get(pid) is not None else name.text
        known = _record_office(ctx, pid, label, title, affiliation, known)
    _remember_surnames(ctx, pid, name, known)
    sector = next((o.sector for o in ctx.offices if o.person == pid), None)
    m = Mention(pid, "person", sector, name.start, name.end, affiliation=known.affiliation)
    first = tstart if title is not None and tstart < name.start else ent.start
    for i in range(first, ent.end):  # the title belongs to the person: "Foreign Minister … met"
        if i not in ctx.mentions or ctx.mentions[i].kind != "name" or i >= ent.start:
            ctx.mentions[i] = m


def _leaders_named_as_such(ctx: DocContext) -> None:
    """'… urge Vladimir Putin to agree … when the two leaders meet': known people a counted 'leaders'
    refers back to hold their state's leadership (an office the text names; the state is the
    gazetteer's)."""
    for tok in ctx.doc:
        if tok.lower_ != "leaders" or not any(c.lower_ in ("two", "both", "three") for c in tok.children):
            continue
        size = 3 if any(c.lower_ == "three" for c in tok.children) else 2
        people: list[str] = []
        for i in range(tok.i - 1, max(-1, tok.i - 80), -1):
            m = ctx.mentions.get(i)
            if m is not None and m.kind == "person" and m.actor not in people:
                people.append(m.actor)
            if len(people) == size:
                break
        for pid in people:
            person = ctx.persons.get(pid)
            if person is not None and person.affiliation and not any(o.person == pid for o in ctx.offices):
                ctx.offices.append(Office(pid, "Leader", person.affiliation, "GOV"))


def _given_names(ctx: DocContext) -> dict[tuple[str, ...], str]:
    """The leading words of each official's name ('Abiy' of 'Abiy Ahmed', 'Hassan Sheikh' of 'Hassan
    Sheikh Mohamud'): Ethiopian, Eritrean and many Somali and Arab names are shortened from the front,
    not to a surname. A prefix two officials share ('Mohammed') names neither."""
    found: dict[tuple[str, ...], str | None] = {}
    for m in {m.start: m for m in ctx.mentions.values() if m.kind == "person"}.values():
        words = tuple(t.text for t in ctx.doc[m.start:m.end])
        for k in range(1, len(words)):
            prefix = words[:k]
            found[prefix] = m.actor if found.get(prefix, m.actor) == m.actor else None
    return {k: v for k, v in found.items() if v is not None}


def _given_name_mentions(ctx: DocContext, first_seen: dict[str, int]) -> None:
    """A later PERSON entity that is exactly the front of one official's name refers to that official."""
    given = _given_names(ctx)
    for ent in ctx.doc.ents if given else ():
        if ent.label_ != "PERSON" or any(i in ctx.mentions for i in range(ent.start, ent.end)):
            continue
        pid = given.get(tuple(t.text for t in ent))
        if pid is None or ent.start < first_seen.get(pid, 10**9):
            continue
        p = ctx.persons[pid]
        m = Mention(pid, "person", _sector_of(ctx, pid), ent.start, ent.end, affiliation=p.affiliation)
        for i in range(ent.start, ent.end):
            ctx.mentions[i] = m


def _surname_mentions(ctx: DocContext) -> None:
    """'Araghchi said…' after 'Foreign Minister Abbas Araghchi' ('Abiy' after 'Abiy Ahmed': see
    ``_given_names``); 'the foreign minister' when only one."""
    doc = ctx.doc
    # a person with no mention left (another mention took its tokens) is first seen nowhere: no surname
    # mention follows it (min() of nothing stopped whole builds: tests/test_extract.py)
    first_seen: dict[str, int] = {}
    for m in ctx.mentions.values():
        if m.actor in ctx.persons:
            first_seen[m.actor] = min(m.start, first_seen.get(m.actor, m.start))
    _given_name_mentions(ctx, first_seen)
    for tok in doc:
        if tok.i in ctx.mentions:
            continue
        pid = ctx.surnames.get(tok.text)
        if pid and tok.pos_ in ("PROPN", "NOUN") and tok.text[:1].isupper() and tok.i > first_seen.get(pid, 10**9):
            p = ctx.persons[pid]
            ctx.mentions[tok.i] = Mention(pid, "person", _sector_of(ctx, pid), tok.i, tok.i + 1, affiliation=p.affiliation)
    heads = {t.split()[-1] for t in ctx.titles_held}  # "the foreign MINISTER": only nouns that end a held title
    for tok in doc if heads else ():
        if tok.i in ctx.mentions or tok.pos_ != "NOUN" or tok.lower_ not in heads:
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


def _sector_of(ctx: DocContext, pid: str) -> str | None:
    return next((o.sector for o in ctx.offices if o.person == pid), None)
