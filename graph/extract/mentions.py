"""Mentions: which tokens name which actor, and which named people are officials.

The entity ruler (``graph.nlp``) has marked gazetteer aliases; here a place after a locative preposition
("talks in Muscat") is set apart from an acting state, and PERSON entities with a title ("Iranian
Foreign Minister Abbas Araghchi", "Araghchi, Iran's foreign minister") become officials with an Office
and an affiliation. Later surname-only mentions and an unambiguous "the foreign minister" are linked.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Span, Token

from .. import layout  # noqa: F401 - Token._.ag_layout (datelines)
from ..gazetteer import Gazetteer
from ..model import Actor, Office
from ..namespaces import person_id
from .context import DocContext, FAMILY_NAME_FIRST, Mention


def _is_location(tok: Token, gz: Gazetteer) -> bool:
    """'in Muscat', 'talks in Oman': the object of a locative preposition names a place."""
    head = tok
    while head.dep_ in ("compound", "conj", "appos") and head.head != head:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in gz.word_list("location_preps")


def find_mentions(ctx: DocContext) -> None:
    doc, gz = ctx.doc, ctx.gz
    for ent in doc.ents:
        if ent.ent_id_:
            actor, kind, sector = (ent.ent_id_.split("|") + ["", ""])[:3]
            if actor not in gz.actors or gz.actors[actor].type == "Person":
                continue
            # (the place of a dateline, "BEIRUT —", is where the story was filed)
            m = Mention(actor, kind, sector or None, ent.start, ent.end,
                        location=kind == "city" or _is_location(ent.root, gz) or ent[0]._.ag_layout == "dateline")
            for i in range(ent.start, ent.end):
                ctx.mentions[i] = m
    _contextual_names(ctx)
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            _person(ctx, ent)
    _surname_mentions(ctx)


def _contextual_names(ctx: DocContext) -> None:
    """'the North' in a story that names North Korea is North Korea (ontology/lexicon.ttl
    ag:ContextualName): a name that means an actor only where the document names that actor, so a
    story about Sudan's north is not about Pyongyang."""
    named = {m.actor for m in ctx.mentions.values()}
    for tok in ctx.doc:
        actor = ctx.gz.contextual_names.get(tok.text)
        if actor in named and tok.i not in ctx.mentions and tok.i > 0 and ctx.doc[tok.i - 1].lower_ == "the" \
                and tok.pos_ == "PROPN" and not (tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].pos_ == "PROPN"):
            ctx.mentions[tok.i] = Mention(actor, "name", None, tok.i, tok.i + 1, location=_is_location(tok, ctx.gz))


def _title_before(ctx: DocContext, start: int, sent_start: int) -> tuple[str | None, int]:
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


def _affiliation_near(ctx: DocContext, left: int, sent: Span) -> tuple[str | None, float]:
    """The state/organisation a title belongs to: 'Oman's', 'Iranian', 'US' right before the title,
    else the nearest actor mention in the sentence, else the document's most mentioned state."""
    i = left - 1
    if i >= sent.start and ctx.doc[i].text in ("'s", "’s"):
        i -= 1
    if i >= sent.start and i in ctx.mentions and ctx.mentions[i].kind != "person":
        return ctx.mentions[i].actor, 1.0

    def candidate(m) -> bool:  # noqa: ANN001 - a Mention
        # no one holds an office of "the West" or "the Gulf states": a collective is nobody's employer
        return m is not None and m.kind != "person" and not m.location \
            and ctx.gz.actors[m.actor].type != "CollectiveActor"
    # The nearest actor before the title in the sentence, else the last one of the previous sentence
    # ("… the Omani foreign ministry said. Foreign Minister Badr Albusaidi …"), else the nearest after.
    for j in range(left - 1, sent.start - 1, -1):
        m = ctx.mentions.get(j)
        if candidate(m):
            return m.actor, 0.8
    if sent.start > 0:
        prev = ctx.doc[sent.start - 1].sent
        for j in range(prev.end - 1, prev.start - 1, -1):
            m = ctx.mentions.get(j)
            if candidate(m):
                return m.actor, 0.7
    for j in range(left, sent.end):
        m = ctx.mentions.get(j)
        if candidate(m):
            return m.actor, 0.6
    counts = Counter(m.actor for m in ctx.mentions.values() if m.kind != "person" and not m.location
                     and ctx.gz.actors[m.actor].type == "State")
    return (counts.most_common(1)[0][0], 0.6) if counts else (None, 0.0)


def _person(ctx: DocContext, ent: Span) -> None:
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
        if affiliation is None and not (tstart > sent.start and doc[tstart - 1].lower_ in gz.word_list("faction_modifiers")):
            # ("the eastern commander Khalifa Haftar", "the rebel leader": a faction's man, no state's)
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


def _surname_mentions(ctx: DocContext) -> None:
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
