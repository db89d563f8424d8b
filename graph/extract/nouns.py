"""Noun frames: an event noun ("strikes", "talks", "backing") or a role noun ("ally", "backer") and its roles.

An event noun takes its agent from a possessor or modifier ("Israel's strikes", "US strikes"), a
by/from-phrase, or the verb that hands it its subject ("Israel LAUNCHED strikes", "the US HELD talks"
— light verbs); its patient from its own prepositions ("strikes ON Iran", "talks WITH Iran", "talks
BETWEEN A and B"). Role nouns relate their holder to their owner ("Belarus, Russia's closest ally").
The steps run in the order of :data:`NOUN_STEPS`; each names the construction it reads.
"""
from __future__ import annotations

from spacy.tokens import Token

from .arguments import (CIRCUMSTANCE_PREPS, accusation, accused_refs, actor_pairs, args_or_pair, circumstance_path,
                        collective_pair, event_owner, event_partners, governor, main_governor, nationality_refs, np_refs,
                        object_path, pair_noun, prep_objects, resolve_pair, role_noun_of, role_taker, subject_refs, talk_parties,
                        third_party_subject)
from .context import SUBJ, Ref
from .frames import Frame, Step, plays, run_steps
from .mediation import mediation
from .modality import clause_modality, governing_lemma, noun_modality
from .triggers import triggers_for, verb_lemma

__all__ = ["noun_frame", "NOUN_STEPS"]

FINISHED = True
PLACES = ("in", "inside", "at", "near")


def noun_frame(frame: Frame) -> None:
    """Fill and emit the frame of a trigger noun."""
    run_steps(frame, NOUN_STEPS)


def _relay(refs: list[Ref], factor: float, how: str) -> list[Ref]:
    """The same actors, found one step further away (a lower factor, a new rule name)."""
    return [Ref(r.actor, r.sector, r.official, r.factor * factor, how) for r in refs]


def _subjects_of(f: Frame, verb: Token, factor: float, how: str) -> list[Ref]:
    return _relay(subject_refs(f.ctx, verb), factor, how)


# ------------------------------------------------------------------ does the noun count


def modifier_of_a_thing(f: Frame) -> bool:
    """'war crimes', 'attack helicopters', 'aid workers': a trigger noun that only modifies a noun which
    names no event is no event of its own ('arms sales', 'ceasefire talks' modify an event: the head
    speaks for both)."""
    head = f.tok.head
    return f.tok.dep_ == "compound" and head.pos_ == "NOUN" and head.i not in f.ctx.mentions \
        and not triggers_for(f.gz, head) and head.lemma_.lower() not in f.gz.word_list("generic_event_nouns") \
        and head.lemma_.lower() not in f.gz.word_list("event_vehicle_nouns")


def joint_show_of_force(f: Frame) -> bool:
    """'joint patrols around Lake Chad' are cooperation, not a show of force; a noun that is itself
    an actor's name ("the Alliance") is no event."""
    return (plays(f.gz, f.trig.relation, "threat") and any(c.lower_ in f.gz.word_list("cooperative_modifiers")
                                                   for c in f.tok.children)) or f.tok.i in f.ctx.mentions


def political_camp(f: Frame) -> bool:
    """'the crackdown on Tanzania's opposition', 'the Venezuelan opposition': a stance noun owned by a
    state with no 'to' complement names a political camp (lexicon word list ``camp_nouns``), not a stance."""
    if f.tok.lemma_.lower() not in f.gz.word_list("camp_nouns"):
        return False
    owned = any(c.dep_ in ("poss", "amod", "compound") and c.i in f.ctx.mentions for c in f.tok.children) \
        or any(c.dep_ == "det" and c.lower_ == "the" for c in f.tok.children)
    return owned and not any(c.dep_ == "prep" and c.lower_ == "to" for c in f.tok.children)


def verb_idiom_object(f: Frame) -> bool:
    """'Mali severed ties with Ukraine', 'Algeria cut off diplomatic relations with Morocco': a noun an
    entry of its governing verb names among its required objects, for an act of the other sign, is part of
    that verb's act (lex:cut_ties: opposes), not an event of its own (no cooperation told as ended besides)."""
    gv = governor(f.tok)
    if gv is None or not object_path(f.tok, gv) or f.tok.dep_ == "nsubj":
        return False
    lemma, sign = f.tok.lemma_.lower(), f.gz.relations.get(f.relation, {}).get("sign", 0)
    for key in {gv.lemma_.lower(), verb_lemma(gv)}:  # (an act of the other sign: hosting talks keeps the talks)
        if any(lemma in t.requires_object and f.gz.relations.get(t.relation, {}).get("sign", 0) * sign < 0
               for t in f.gz.triggers.get((key, "VERB"), [])):
            return FINISHED
    return False


def _made_by_another(f: Frame) -> bool:
    """A stance noun someone else took: its own author named ('US demands', 'criticism from the EU') or
    one the text told before ('rejected THE demands'). Not so 'avoided public criticism of Iran': the
    criticism would be the subject's own, and it is avoided."""
    n = f.tok
    return any(c.dep_ in ("poss", "compound", "amod", "nmod") and c.i in f.ctx.mentions for c in n.children) \
        or bool(prep_objects(f.ctx, n, ("from", "by"))) \
        or any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "these", "those", "such", "its", "their")
               for c in n.children)


def noun_modality_step(f: Frame) -> bool:
    """A nominal event is presupposed unless negated or wished for (see ``modality.noun_modality``);
    one that is ceased ('halted imports of Japanese seafood', 'suspended intelligence sharing with the
    US') went on and stops: both."""
    # a stance taken ('rejected criticism from the European Parliament', 'dismissed the protest') was
    # taken whatever the answer, like an appeal made of the one who rejects it
    made_of = f.trig.recipient_from_governor or (plays(f.gz, f.trig.relation, "opposition", "appeal", "demand")
                                                 and _made_by_another(f))
    f.modality, f.reporter = noun_modality(f.ctx, f.tok, made_of_governor=made_of)
    gv = governor(f.tok)
    ceased = gv is not None and gv.lemma_.lower() in f.gz.word_list("cessation_verbs") \
        and not (f.plays("talks") and governing_lemma(f.gz, gv) in f.gz.word_list("calling_off_verbs")) \
        and object_path(f.tok, gv) and not circumstance_path(f.tok, gv) and f.tok.dep_ != "nsubj" \
        and not (gv.dep_ in ("xcomp", "advcl") and gv.head.lemma_.lower() in f.gz.word_list("agreement_verbs"))
    if ceased:
        clause, reporter = clause_modality(f.ctx, gv)
        if clause in ("asserted", "reported"):  # (not "threatened to halt imports": nothing ceased yet)
            f.modality, f.reporter, f.also_negated = clause, reporter, True
    return False


# ------------------------------------------------------------------ role nouns


def _is_role_noun(f: Frame) -> bool:
    return f.plays("alliance") or f.lemma in f.gz.word_list("role_nouns")


def allies_pair(f: Frame) -> bool:
    """'the two allies', 'both partners': the pair of the most salient cooperative interaction before.
    Calling two actors allies describes them, even inside a report."""
    if not f.plays("alliance"):
        return False
    if pair_noun(f.ctx, f.tok) and f.tok.dep_ != "appos":
        pair = collective_pair(f.ctx, f.tok, f.sent_idx) or resolve_pair(f.ctx, f.sent_idx, before=f.tok.idx)
        if len(pair) == 2:
            f.emit(pair[0], pair[1], "noun:pair")
        return FINISHED
    if f.modality == "reported":
        f.modality, f.reporter = "asserted", None
    return False


def _role_owners(f: Frame, preps: tuple[str, ...], how: str) -> list[Ref]:
    """Whose role it is: 'Russia's ally', 'a Russian ally', 'an ally of Russia' (but 'al Qaeda's Afghan
    affiliate' operates in Afghanistan: the modifier of a place-modified role is where, not whose; and
    an owner named with a preposition beats a possessor, which then says among whom)."""
    n, ctx = f.tok, f.ctx
    deps = ("poss",) if n.lemma_.lower() in f.gz.word_list("place_modified_roles") else ("poss", "compound", "amod")
    named = [r for _, p in prep_objects(ctx, n, preps) for r in np_refs(ctx, p, how=how)]
    if named:  # 'one of Europe's most vocal backers OF UKRAINE': the possessor is the field, not whose
        return named
    owners = [r for c in n.children if c.dep_ in deps for r in np_refs(ctx, c, how=how)]
    if not owners and n.dep_ == "pobj" and n.head.lower_ == "among":
        # "has been among the most generous donors TO UKRAINE": the parser hangs the owner on 'among'
        owners = [r for _, p in prep_objects(ctx, n.head, preps) if p != n for r in np_refs(ctx, p, how=how)]
    return owners


PAST_ROLE_WORDS = ("former", "erstwhile", "onetime", "one-time", "ex", "once", "formerly", "previously")


def _past_role(n: Token) -> bool:
    """'HTS was ONCE al Qaeda's affiliate', 'a FORMER ally of Moscow': a role no longer held."""
    words = [c.lower_ for c in n.children if c.dep_ in ("amod", "advmod")]
    if n.dep_ == "attr" and n.head.pos_ in ("VERB", "AUX"):
        words += [c.lower_ for c in n.head.children if c.dep_ == "advmod"]
    return any(w in PAST_ROLE_WORDS for w in words)


def seen_as_role(f: Frame) -> bool:
    """'Eritrea is widely seen as a backer of the Sudanese army': a role others attribute — reported."""
    n = f.tok
    if not (_is_role_noun(f) and n.dep_ == "pobj" and n.head.lower_ == "as"
            and n.head.head.lemma_.lower() in f.gz.word_list("perception_verbs")):
        return False
    holders = [r for c in n.head.head.children if c.dep_ == "nsubjpass" for r in np_refs(f.ctx, c, how="seen-as")]
    owners = _role_owners(f, ("of", "to", "with"), "role-of")
    mod = "negated" if f.modality == "negated" else "reported"
    for h in holders:
        for o in owners:
            f.emit(h, o, "noun:seen-as", modality=mod, reporter=None)
    return FINISHED


def _role_node(n: Token) -> Token:
    """'one of the largest buyers of Iranian oil': the role is predicated of the quantifier."""
    if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lower_ in ("one", "some", "among"):
        return n.head.head
    return n


def _role_holders(f: Frame, node: Token) -> list[Ref] | None:
    """Who holds the role a role noun names: the noun it is in apposition to ('Belarus, Russia's
    closest ally'), the subject of a copula ('the US remains Israel's security guarantor') or of a role
    verb with 'as' ('Oman served as chief mediator', 'Qatar acted as an intermediary'). None: the
    noun is in none of these positions."""
    ctx = f.ctx
    while node.dep_ == "conj" and node.head.dep_ in ("appos", "attr", "conj"):
        node = node.head  # "France, the former colonial power AND ONE OF Madagascar's largest donors"
    if node.dep_ == "appos":
        return np_refs(ctx, node.head, how="apposition")
    if node.dep_ == "attr":
        return subject_refs(ctx, node.head) if node.head.pos_ in ("VERB", "AUX") else []
    if node.dep_ == "pobj" and node.head.lower_ == "as" and node.head.head.lemma_.lower() in f.gz.word_list("role_verbs"):
        return _relay(subject_refs(ctx, node.head.head), 0.95, "role-as")
    if node.dep_ == "pobj" and node.head.lower_ == "among" and node.head.head.lemma_.lower() in ("be", "remain", "become", "rank"):
        return _relay(subject_refs(ctx, node.head.head), 0.95, "role-among")  # "has been among Kyiv's backers"
    return None


def appositive_role(f: Frame) -> bool:
    """A role noun predicated of an actor — in apposition, after a copula, after 'serve as': the
    holder of the role and its owner ('Belarus, Russia's closest ally'); a mediator's parties
    ('Oman served as chief mediator between Iran and the US'); coordinated holders with no owner are
    each other's ('Ethiopia and Eritrea, which … became unlikely partners'; but 'Egypt and the UAE,
    Haftar's main backers' back someone the gazetteer does not know)."""
    n = f.tok
    holders = _role_holders(f, _role_node(n)) if _is_role_noun(f) else None
    if holders is None:
        return False
    if _past_role(n):
        return FINISHED
    if f.plays("mediation"):
        parties = [r for _, p in prep_objects(f.ctx, n, ("between", "for", "of"))
                   for r in args_or_pair(f.ctx, p, f.sent_idx, "mediator-of", adversaries=True)]
        mediation(f, holders, parties)
        return FINISHED
    owners = _role_owners(f, ("of", "with", "to", "from"), "ally-of")
    if owners:
        for h in holders:
            for o in owners:  # ('Hezbollah, Iran's main proxy': the owner is the patron, ag:reverse)
                f.emit(*((o, h) if f.trig.reverse else (h, o)), "noun:apposition")
    elif len(holders) > 1 and f.symmetric and not any(c.dep_ == "poss" for c in n.children) \
            and not prep_objects(f.ctx, n, ("of", "with")):
        for a, b in actor_pairs(holders):
            f.emit(a, b, "noun:apposition")
    return FINISHED


# ------------------------------------------------------------------ agents


def _compound_head(f: Frame) -> list[Token]:
    """'the EU sanctions PACKAGE against Moscow', 'a sanctions REGIME on Iran': the noun a trigger modifies
    as a compound carries the trigger's owner and roles (the compound says what kind of package it is)."""
    n = f.tok
    h = n.head
    if n.dep_ != "compound" or h.pos_ != "NOUN" or h.i in f.ctx.mentions:
        return []
    return [h]


def possessor_and_modifiers(f: Frame) -> bool:
    """'Israel's strikes' (possessor), 'US strikes', 'US-Iran talks' (modifiers: two actors of a
    reciprocal event are its parties, not its agents), 'the TTP, whose attacks on…', 'the Oman talks'
    (one place modifier of a meeting is its venue), 'strikes by Israel' (agent prepositions)."""
    n, ctx, trig = f.tok, f.ctx, f.trig
    place_roles = f.gz.word_list("place_modified_roles")  # ("its Afghan affiliate": where, not who)
    for c in [c for h in (n, *_compound_head(f)) for c in h.children if c != n]:
        if c.dep_ == "poss" and c.tag_ == "WP$":
            rel = next((a for a in n.ancestors if a.dep_ == "relcl"), None)
            f.sources += np_refs(ctx, rel.head, expand_conj=False, factor=0.9, how="whose") if rel is not None else []
        elif c.dep_ == "poss":
            f.sources += np_refs(ctx, c, how="possessor")
        elif c.dep_ in ("amod", "compound", "nmod", "npadvmod") and n.lemma_.lower() not in place_roles:
            f.modifiers += np_refs(ctx, c, how=f"modifier:{c.dep_}")
            # "Russian-Belarusian drills", "Saudi-Iranian talks": the parser hangs the first on the second
            f.modifiers += [r for cc in c.children if cc.dep_ in ("amod", "compound", "npadvmod", "nmod")
                            and c.i in ctx.mentions and cc.i in ctx.mentions for r in np_refs(ctx, cc, how="modifier:nested")]
    mod_actors = {r.actor for r in f.modifiers}
    if trig.compound_is_venue and len(mod_actors) == 1 and not f.sources and not any(
            c.i in ctx.mentions and ctx.mentions[c.i].kind == "part" for c in n.children):
        f.modifiers = []  # (but "the White House meeting" is the president's)
    coordinated = any(c.dep_ == "conj" for m in n.children if m.dep_ in ("amod", "compound", "nmod") for c in m.children)
    multi_party = len(mod_actors) >= 2 and (f.symmetric or trig.between_mutual) and not (
        coordinated and not trig.between_mutual)
    if multi_party:
        f.between = list(f.modifiers)
    else:
        f.sources += f.modifiers
    for _, p in prep_objects(ctx, n, trig.agent_preps):
        f.sources += np_refs(ctx, p, how="noun-agent")
    f.governor = governor(n)
    return False


def reaction_from(f: Frame) -> bool:
    """'drawing condemnation from Kyiv': a reaction elicited from someone is theirs."""
    gv = f.governor
    if not f.sources and f.tok.dep_ == "dobj" and gv is not None and f.tok.head == gv \
            and gv.lemma_.lower() in f.gz.word_list("elicit_verbs"):
        f.sources = [r for _, p in prep_objects(f.ctx, gv, f.trig.agent_preps) for r in np_refs(f.ctx, p, how="reaction-from")]
    return False


def claimed_by(f: Frame) -> bool:
    """'an attack claimed by the Islamic State group': the participle's agent carried it out; 'the
    Houthis claimed responsibility for a missile attack on a tanker': so did whoever claims it."""
    for c in f.tok.children:
        if not f.sources and c.dep_ == "acl" and c.lemma_.lower() in f.gz.word_list("claim_verbs"):
            f.sources = [r for _, p in prep_objects(f.ctx, c, ("by",)) for r in np_refs(f.ctx, p, factor=0.9, how="claimed-by")]
    verb = _responsibility_verb(f.tok)
    if not f.sources and verb is not None:
        f.sources = _subjects_of(f, verb, 0.9, "claimed-responsibility")
        if verb.lemma_.lower() in f.gz.word_list("negating_verbs"):  # 'Pakistan denied responsibility for …'
            f.modality = "negated"
    return False


def _responsibility_verb(n: Token) -> Token | None:
    """The verb of 'claimed / took / denied responsibility for <n>' (the parser hangs 'for' on the
    noun or on the verb)."""
    if n.dep_ != "pobj" or n.head.lower_ != "for":
        return None
    head = n.head.head
    verb = head.head if head.lemma_.lower() == "responsibility" else head
    owns = head.lemma_.lower() == "responsibility" or any(
        c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in head.children)
    return verb if owns and verb.pos_ == "VERB" else None


def _event_subject(f: Frame, gv: Token) -> bool:
    """'its mutual defence treaty with the Philippines extends to armed attacks on Philippine vessels':
    an event noun as the light verb's subject does not do the event its object names (the treaty's
    owner attacks no one)."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN" and c.i not in f.ctx.mentions
               and c.lemma_.lower() not in f.gz.agent_nouns and c.lemma_.lower() not in f.gz.word_list("role_nouns")
               and triggers_for(f.gz, c) for c in gv.children)  # (a role — 'Moscow's ally', 'its affiliate' — is someone)


def _doers(gz) -> frozenset[str]:  # noqa: ANN001 - a Gazetteer
    """Verbs whose subject does (or ends, refuses, plans) the event noun they take as object."""
    return gz.word_list("light_verbs") | gz.word_list("negating_verbs") | gz.word_list("presupposing_verbs") \
        | gz.word_list("planning_verbs") | gz.word_list("cessation_verbs")  # ('Uzbekistan cut off gas supplies to …')


def light_verb_subject(f: Frame) -> bool:
    """'Israel launched strikes on Iran', 'the US held talks with Iran', 'Iran suspended cooperation
    with the IAEA', 'the EU is preparing sanctions against Moscow': a light, negating, presupposing or
    planning verb hands its subject to the event noun it takes as object ('mediators kept the truce alive' are not its parties)."""
    gz, gv = f.gz, f.governor
    doers = _doers(gz)
    if not f.sources and gv is not None and governing_lemma(gz, gv) in doers and object_path(f.tok, gv) \
            and not third_party_subject(f.ctx, gv) and not _event_subject(f, gv) and not _undergone(f):
        f.sources = _subjects_of(f, gv, 0.9, "light-verb")
        if gv.lemma_.lower() in gz.word_list("planning_verbs"):
            # ('preparing a 20th package of sanctions': not imposed yet; 'is not preparing' any)
            if any(c.dep_ == "neg" for c in gv.children):
                f.modality = "negated"
            elif f.modality in ("asserted", "reported"):
                f.modality = "hypothetical"
    return False


def role_in_the_event(f: Frame) -> bool:
    """'Egypt played a central role in the mediation between Israel and Hamas', 'Iran denied any part in
    the attack': who takes the role takes part in the event (see ``arguments.role_taker``)."""
    role = role_noun_of(f.ctx, f.tok)
    if f.sources or role is None:
        return False
    f.sources = role_taker(f.ctx, f.tok) or []
    mod, rep = noun_modality(f.ctx, role)
    if mod != "asserted":  # "Iran denied any role in the attack": as (un)real as the role
        f.modality, f.reporter = mod, rep
    return False


def joined_another_s_act(f: Frame) -> bool:
    """'Turkey JOINED South Africa's genocide case against Israel', 'Chile joined Mexico's appeal to the
    court': who joins another's act does it too and works with its owner (cooperatesWith); 'Japan joined
    Western sanctions against Russia': it does it too."""
    gv = f.governor
    if not f.sources or gv is None or gv.lemma_.lower() not in f.gz.word_list("joining_verbs") \
            or not (f.tok.dep_ == "dobj" and f.tok.head == gv):
        return False
    possessed = any(c.dep_ == "poss" for c in f.tok.children)
    symmetric = f.gz.relations.get(f.trig.relation, {}).get("symmetric", False)
    if not possessed and (symmetric or not any(c.dep_ in ("amod", "compound") and c.i in f.ctx.mentions
                                               for c in f.tok.children)):
        return False  # ('joined the OPEC+ alliance': membership, no act of the bloc's done again)
    owners = {r.actor for r in f.sources}
    joiners = [r for r in _subjects_of(f, gv, 0.85, "joined-act") if r.actor not in owners]
    partnership = f.gz.vocabulary.the("agreement")
    for j in joiners if possessed else []:  # ('joined WESTERN sanctions': a bloc's measures, no partner named)
        for o in list(f.sources):
            f.emit(j, o, "noun:joined-act", relation=partnership, cameo="")
    f.sources += joiners
    return False


def talks_beside_the_clause(f: Frame) -> bool:
    """'travelled to Abu Dhabi FOR talks with the UAE president', 'lifted the tariffs AFTER talks with
    Canberra', 'DURING a meeting with Modi', 'during a visit to Hanoi', 'Iran IS IN talks with Oman',
    'remained in contact with both governments', 'wrapped up the details AT a summit with Trump': talks the
    clause is for, after, during, at or in are its subject's; a visit BY someone during the clause is with its
    subject."""
    gv = f.governor
    if gv is None or not f.plays("talks"):
        return False
    cur = f.tok
    while cur.head != gv and cur.head != cur and cur.dep_ in ("pobj", "prep", "compound", "conj", "appos"):
        cur = cur.head
    state = cur.lower_ == "in" and gv.lemma_.lower() in ("be", "remain", "stay", "keep")  # 'is IN talks with'
    on_verb = cur.dep_ == "prep" and cur.head == gv and (cur.lower_ in CIRCUMSTANCE_PREPS + ("for", "at") or state)
    # (a partner named — 'talks WITH', 'a visit TO Hanoi' — not 'talks between' others)
    partner = any(c.dep_ == "prep" and c.lower_ in f.trig.target_preps and c.lower_ != "between" for c in f.tok.children)
    if on_verb and partner and not f.sources:
        f.sources = _subjects_of(f, gv, 0.85, "beside-clause")
    elif on_verb and f.sources and not f.targets and not partner:
        # "Serbia agreed to buy the jets DURING A VISIT BY Macron", "during the Qatari emir's visit": the
        # visitor met the clause's subject
        own = {r.actor for r in f.sources}
        f.targets = [r for r in _subjects_of(f, gv, 0.85, "visited-subject") if r.actor not in own]
    return False


def agreed_cessation(f: Frame) -> bool:
    """'Thailand and Cambodia agreed to halt hostilities', 'agreed with Kyiv to stop strikes on energy
    sites': agreeing to stop fighting is a truce between those who agree (cooperatesWith); the
    fighting itself happened (the noun's own frame goes on)."""
    gv = f.governor
    if not f.plays("force") or gv is None or gv.lemma_.lower() not in f.gz.word_list("cessation_verbs") \
            or gv.head.lemma_.lower() not in f.gz.word_list("agreement_verbs") or not (
                gv.dep_ == "xcomp" or (gv.dep_ == "advcl" and any(c.lower_ == "to" for c in gv.children))):
        return False
    agree = gv.head
    parties = subject_refs(f.ctx, agree) + [r for _, p in prep_objects(f.ctx, agree, ("with",))
                                            for r in np_refs(f.ctx, p, how="agreed-with")]
    modality, reporter = clause_modality(f.ctx, agree, relation=f.rel("agreement"))
    for a, b in actor_pairs(parties):
        f.emit(a, b, "noun:agreed-cessation", relation=f.rel("agreement"), cameo=f.relation_code(f.rel("agreement")),
               modality=modality, reporter=reporter, tok=agree)
    return False


def relative_light_verb(f: Frame) -> bool:
    """'the framework agreement that Congo and the M23 rebels signed', 'the treaty he signed with
    Putin': a light verb in a relative clause about the noun names its parties ('talks that Oman
    hosted' is mediation, not parties)."""
    gz = f.gz
    f.relative_hosts = [c for c in f.tok.children if c.dep_ == "relcl" and c.lemma_.lower() in gz.word_list("light_verbs")
                        and not any(cc.dep_ == "dobj" and cc.tag_ not in ("WDT", "WP") for cc in c.children)
                        and not any(plays(f.gz, t.relation, "mediation") for t in triggers_for(gz, c))]
    if not f.sources and f.relative_hosts:
        f.sources = [r for c in f.relative_hosts for r in _subjects_of(f, c, 0.9, "relative-light-verb")]
    return False


# ------------------------------------------------------------------ patients


def _role_hosts(f: Frame) -> list[Token]:
    """Where the noun's prepositions may hang: the noun, its light-verb relative clauses, and — under
    a light, ending or planning verb — every noun up to that verb ('pledged 40 billion euros in aid for
    Ukraine') and the verb itself ('impose tariffs … on the country', 'suspended its declaration with
    Somalia')."""
    hosts = [f.tok] + _compound_head(f) + f.relative_hosts
    gv = f.governor
    # (a verb that ends or plans the event too: 'suspended its peace declaration WITH SOMALIA')
    # ('lifted tariffs ON Australian barley': the parser hangs the target on the verb that ends the event)
    carriers = _doers(f.gz) | f.gz.word_list("cessation_verbs")
    if gv is not None and gv.lemma_.lower() in carriers and object_path(f.tok, gv):
        cur, top = f.tok.head, f.tok
        while cur != gv and cur.head != cur:
            if cur.pos_ in ("NOUN", "PROPN", "NUM"):
                hosts.append(cur)
            top, cur = cur, cur.head
        if top.dep_ == "dobj" and (top == f.tok or f.tok.dep_ == "compound"):  # ('imposed a sanctions regime ON Iran')
            hosts.append(gv)
    return hosts


def prepositional_roles(f: Frame) -> bool:
    """'strikes ON Iran', 'talks WITH Iran', 'talks BETWEEN A and B', 'days of fighting WITH the
    Congolese army' (both sides fight); a place ('a strike on US forces at Al Udeid air base IN
    Qatar') is no target beside a named one."""
    ctx, trig = f.ctx, f.trig
    f.hosts = _role_hosts(f)
    named_elsewhere = any(q not in PLACES + ("between",) for q, _ in prep_objects(ctx, f.tok, trig.target_preps))
    for prep, p in [pp for host in f.hosts for pp in prep_objects(ctx, host, trig.target_preps)]:
        if prep in PLACES and (f.targets or named_elsewhere):
            continue
        refs = args_or_pair(ctx, p, f.sent_idx, f"prep:{prep}", place_ok=True,
                            adversaries=prep == "between" and f.plays("mediation"))
        if trig.target_is_possessor and not refs:
            refs = np_refs(ctx, p, factor=0.9, how="object-owner")
        (f.between if prep == "between" else f.targets).extend(refs)
        if prep == "with" and trig.between_mutual:
            f.mutual |= {r.actor for r in refs}
    doers = {r.actor for r in f.sources}  # ('protest notes to … embassies in Tehran' from Iran: not Iran's own)
    f.targets = [r for r in f.targets if r.actor not in doers]
    return False


def _dated(tok: Token) -> bool:
    """'a 2018 agreement', 'an 1893 treaty': the noun carries the year it was made."""
    return any(c.like_num and len(c.text) == 4 and c.text.isdigit() and 1600 < int(c.text) < 2100
               for c in tok.children if c.dep_ in ("nummod", "compound", "amod", "npadvmod"))


def dated_agreement(f: Frame) -> bool:
    """'reviews a 2018 agreement with India', 'renounced its claim in an 1893 treaty with Britain', 'the
    1890 Anglo-German treaty', 'UNDER an agreement with Baghdad': an agreement dated by its year, or one
    acted under, was made — between the clause's subject and its 'with' party when it names no other —
    whatever the clause does with it now or who tells of it."""
    gv = f.governor
    under = f.tok.dep_ == "pobj" and f.tok.head.lower_ == "under"
    if not f.cameo.startswith("057") or not (_dated(f.tok) or under):
        return False
    if not f.sources and f.targets and gv is not None:
        f.sources = _subjects_of(f, gv, 0.8, "dated-agreement")
    if not any(c.dep_ == "neg" or c.lower_ == "no" for c in f.tok.children):
        f.modality, f.reporter = "asserted", None  # presupposed: 'must honour', 'renounced … in', 'said … ignored'
    return False


def measure_on_nationals(f: Frame) -> bool:
    """'a full ban on travellers from Chad and Eritrea', 'entry curbs on Russian citizens': a measure
    on a state's people is a measure against that state (the decision recorded with batch 24), where
    their mere detention is not."""
    if f.targets or not f.cameo.startswith("16"):
        return False
    f.targets = [r for _, p in prep_objects(f.ctx, f.tok, f.trig.target_preps) for r in nationality_refs(f.ctx, p)]
    return False


def measure_on_an_event(f: Frame) -> bool:
    """'its embargo ON ARMS SALES TO ISRAEL', 'a freeze on aid to Colombia': a measure whose 'on' names an
    event, not an actor, is aimed at that event's partner (``ban_nouns``)."""
    if f.targets or f.lemma not in f.gz.word_list("ban_nouns"):
        return False
    for _, event in prep_objects(f.ctx, f.tok, ("on",)):
        trig = next(iter(triggers_for(f.gz, event)), None)
        if trig is not None:
            f.targets += event_partners(f.ctx, event, trig.target_preps, how="banned-event")
    return False


def border_sides(f: Frame) -> bool:
    """'five days of fighting along their border', 'clashes on the Thai-Cambodian frontier': the two
    sides of the border fight each other."""
    if not f.plays("force") or not f.trig.between_mutual or f.between or f.targets:
        return False
    for _prep, p in prep_objects(f.ctx, f.tok, ("along", "across", "on", "at")):
        if p.lemma_.lower() in f.gz.word_list("border_nouns") - {"region", "area", "zone", "coast", "province", "district"}:
            owners = np_refs(f.ctx, p, factor=0.85, how="border-sides")
            f.between = owners if len({r.actor for r in owners}) > 1 else f.between
    return False


def relative_between(f: Frame) -> bool:
    """'the ceasefire that took effect between Thailand and Cambodia': a relative clause about the
    noun says between whom it is (not 'a summit to mediate between …')."""
    if "between" not in f.trig.target_preps or f.between:
        return False
    for c in f.tok.children:
        if c.dep_ == "relcl" and c not in f.relative_hosts \
                and not any(plays(f.gz, t.relation, "mediation") for t in triggers_for(f.gz, c)):
            for _prep, p in prep_objects(f.ctx, c, ("between",)):
                f.between.extend(args_or_pair(f.ctx, p, f.sent_idx, "relative:between", place_ok=True))
    return False


def under_pressure(f: Frame) -> bool:
    """'Baghdad expelled the diplomats under pressure from Washington', 'Iraq bowed to U.S. pressure':
    the clause's subject is the one pressured."""
    n, gv = f.tok, f.governor
    if not f.targets and f.sources and f.plays("appeal") and gv is not None and n.dep_ == "pobj" \
            and n.head.lower_ in ("under", "despite", "amid", "after") and (n.head.head == gv or not object_path(n, gv)):
        f.targets = _subjects_of(f, gv, 0.85, "pressured-subject")
    elif not f.targets and f.sources and (f.plays("appeal") or f.plays("demand")) and gv is not None and n.dep_ == "pobj" \
            and n.head.lower_ == "to" \
            and n.head.head == gv and gv.lemma_.lower() in f.gz.word_list("yielding_verbs"):
        f.targets = _subjects_of(f, gv, 0.85, "yielded-to")  # "Iraq bowed to U.S. pressure"
    return False


def _undergone(f: Frame) -> bool:
    """Does the governing verb's subject undergo the noun ('suffered raids', 'came under attack',
    'received aid', 'took delivery of' — word list undergoing_verbs, a verb or a verb and its noun)?"""
    n, gv = f.tok, f.governor
    if gv is None:
        return False
    undergoing = f.gz.word_list("undergoing_verbs")
    lemma = gv.lemma_.lower()
    if (lemma in undergoing or f"{lemma} {n.lemma_.lower()}" in undergoing) and object_path(n, gv) and not f.symmetric:
        return True  # (a reciprocal event has no one who undergoes it: 'got a deal with Seoul')
    return n.dep_ == "pobj" and n.head.lower_ == "under" and n.head.head == gv and lemma in ("come", "be", "remain")


def undergone_by_subject(f: Frame) -> bool:
    """'Benin has suffered repeated raids by JNIM', 'Kyiv faces pressure from Washington', 'came under
    attack from': the subject of an undergoing verb is the event's target, never its doer (named by the
    noun's possessor, modifier or 'by'/'from', or by the verb's)."""
    n, gv = f.tok, f.governor
    if f.targets or not _undergone(f):
        return False
    f.targets = _subjects_of(f, gv, 0.85, "undergone-by")
    if not f.sources:  # ('suffered raids BY JNIM': the doer hung on the verb)
        f.sources = [r for _, p in prep_objects(f.ctx, gv, ("by", "from")) for r in np_refs(f.ctx, p, how="undergone-from")]
    return False


def in_an_attack(f: Frame) -> bool:
    """'Boko Haram fighters killed 20 soldiers in an attack on a base': the clause's subject attacked."""
    n, gv = f.tok, f.governor
    if not f.sources and f.plays("force") and n.dep_ == "pobj" and n.head.lower_ in ("in", "during") \
            and gv is not None and n.head.head == gv:
        f.sources = _subjects_of(f, gv, 0.85, "in-attack")
    return False


def responded_with(f: Frame) -> bool:
    """'Tehran retaliated with missile barrages on Israeli cities (and a strike on US forces)': the
    responder carried them out."""
    n, gv = f.tok, f.governor
    if f.sources or n.dep_ not in ("pobj", "conj") or gv is None or gv.lemma_.lower() not in f.gz.word_list("retaliation_verbs"):
        return False
    head = n
    while head.dep_ == "conj" and head.head != head:
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ == "with" and head.head.head == gv:
        f.sources = _subjects_of(f, gv, 0.85, "responded-with")
    return False


def in_support_of(f: Frame) -> bool:
    """'struck the insurgents' positions in support of Somali troops': the clause's subject supports."""
    n, gv = f.tok, f.governor
    if not f.sources and f.plays("support") and n.dep_ == "pobj" and n.head.lower_ == "in" and gv is not None:
        f.sources = _subjects_of(f, gv, 0.85, "in-support-of")
    return False


def turned_to_for(f: Frame) -> bool:
    """'turned to Russia for security assistance': the one turned to supports the one turning."""
    n, gv = f.tok, f.governor
    if f.plays("support") and n.dep_ == "pobj" and n.head.lower_ == "for" and gv is not None \
            and gv.lemma_.lower() in f.gz.word_list("recourse_verbs") and not f.sources:
        f.sources = [r for _, p in prep_objects(f.ctx, gv, ("to",)) for r in np_refs(f.ctx, p, factor=0.9, how="turned-to")]
        if f.sources:
            f.targets = _subjects_of(f, gv, 0.9, "turning-subject")
    return False


def at_whose_request(f: Frame) -> bool:
    """'keeps a detachment there AT LIBREVILLE'S REQUEST', 'at the request of the Iraqi government': the
    one who asked made the appeal of whoever acts at it."""
    gv, n = f.governor, f.tok
    if f.targets or gv is None or not f.trig.recipient_from_governor or n.dep_ != "pobj" or n.head.lower_ != "at" \
            or n.head.head != gv:
        return False
    gv = main_governor(n) or gv  # ('positions held by mutineers … at the request of': the striking was asked)
    if not f.sources:
        f.sources = [r for _, p in prep_objects(f.ctx, n, ("of",)) for r in np_refs(f.ctx, p, how="requester")]
    f.targets = [r for r in _subjects_of(f, gv, 0.85, "at-request") if r.actor not in {s.actor for s in f.sources}]
    return False


def helped_by(f: Frame) -> bool:
    """'shot down the drones with help from the US': the helper supports the clause's subject."""
    n, gv = f.tok, f.governor
    if not f.targets and f.sources and f.plays("support") and n.dep_ == "pobj" \
            and n.head.lower_ in ("with", "thanks") and gv is not None:
        f.targets = _subjects_of(f, gv, 0.85, "helped-subject")
    return False


def light_verb_recipient(f: Frame) -> bool:
    """'ECOWAS gave Niger's rulers an ultimatum': the light verb's indirect object."""
    gv = f.governor
    if not f.targets and gv is not None and gv.lemma_.lower() in f.gz.word_list("light_verbs") and object_path(f.tok, gv):
        for c in gv.children:
            if c.dep_ in ("dative", "iobj") and c.pos_ != "ADP":
                f.targets += np_refs(f.ctx, c, factor=0.9, how="light-verb-dative")
    return False


def clause_of_appeal(f: Frame) -> bool:
    """'the U.S. request that Israel stand down': the subject of the clause an appeal noun governs
    ('a call that the Kremlin described' is a relative clause, the noun one of its arguments)."""
    if f.targets or not f.plays("appeal", "demand", "threat"):
        return False
    for c in f.tok.children:
        relative_arg = c.dep_ == "relcl" and any(cc.tag_ in ("WDT", "WP") and cc.dep_ != "mark" for cc in c.children)
        if c.dep_ in ("acl", "ccomp", "relcl") and not relative_arg:
            for cc in c.children:
                if cc.dep_ in ("nsubj", "nsubjpass") and cc.tag_ not in ("WDT", "WP"):
                    f.targets += np_refs(f.ctx, cc, factor=0.9, how="noun-clause-subject")
    return False


def demand_recipient(f: Frame) -> bool:
    """'Iran cannot accept US demands': a demand is made of the one who must accept or reject it — whatever
    else its phrase names ('turned down a German request to re-export ammunition TO UKRAINE')."""
    gv = f.governor
    if f.trig.recipient_from_governor and gv is not None and f.tok.head == gv \
            and verb_lemma(gv) in f.gz.word_list("response_verbs"):
        f.targets = _subjects_of(f, gv, 0.9, "recipient") or f.targets
    return False


def attacks_responded_to(f: Frame) -> bool:
    """'its troops had responded to attacks by Armenian units': the attacks were on the responder."""
    n = f.tok
    if not f.targets and f.sources and f.plays("force") and n.dep_ == "pobj" and n.head.lower_ in ("to", "for") \
            and n.head.head.lemma_.lower() in f.gz.word_list("response_acts"):
        f.targets = _subjects_of(f, n.head.head, 0.85, "responder")
    return False


def reaction_to_event(f: Frame) -> bool:
    """'…, drawing condemnation from Kyiv': condemnation of the clause the reaction hangs on — its
    subject ('the Dominican Republic has deported thousands, drawing criticism from U.N. officials'),
    else whoever acted in this sentence."""
    if f.targets or f.between or not f.trig.target_is_possessor or not f.sources:
        return False
    own = {x.actor for x in f.sources}
    gv = f.governor
    if gv is not None and gv.dep_ in ("advcl", "conj") and gv.lemma_.lower() in f.gz.word_list("elicit_verbs"):
        f.targets = [r for r in _subjects_of(f, gv.head, 0.85, "reaction-to-clause") if r.actor not in own]
    elif gv is not None and gv.dep_ == "relcl" and gv.lemma_.lower() in f.gz.word_list("elicit_verbs"):
        # "…, a step that drew a sharp rebuke from neighbouring Croatia": the step's author
        f.targets = [r for r in event_owner(f.ctx, gv.head, f.sources, any_event=True) if r.actor not in own]
    if not f.targets:
        f.targets = _own_earlier_stance(f, own)
    if not f.targets and not _held_capacity(f.tok):  # ('Britain and France, which hold VETOES': no act)
        f.targets = [r for r in event_owner(f.ctx, f.tok, f.sources, any_event=True) if r.actor not in own]
    return False


def _own_earlier_stance(f: Frame, own: set[str]) -> list[Ref]:
    """'The Netherlands objected to Bulgaria's accession … before dropping ITS opposition': a stance
    noun whose possessive pronoun is its source names that source's own earlier stance of the relation —
    aimed at what that one was aimed at (not at the latest other actor's act)."""
    possessors = [c for c in f.tok.children if c.dep_ == "poss"]
    if not possessors:
        return []
    if not any(c.lower_ in ("its", "their") for c in possessors):
        gv = f.governor  # a named possessor counts only as the one acting on its stance
        if gv is None or gv == f.tok or not {r.actor for r in subject_refs(f.ctx, gv)} & own:
            return []  # ('Beijing rejected Hanoi's protest': another's stance, not one's own dropped or kept)
    for _, _, ix in reversed(f.ctx.salience):
        if ix.source in own and ix.relation == f.relation and ix.trigger_start < f.tok.idx and ix.target not in own:
            return [Ref(ix.target, None, None, 0.8, "own-earlier-stance")]
    return []


def _held_capacity(n: Token) -> bool:
    """A bare plural held or had ('which HOLD VETOES', 'HAVE nuclear weapons'): a power possessed, no act
    told before that it could refer to."""
    return n.tag_ == "NNS" and n.dep_ == "dobj" and n.head.lemma_.lower() in ("hold", "have", "wield", "possess", "retain") \
        and not any(c.dep_ in ("det", "poss") for c in n.children)


def accused_of(f: Frame) -> bool:
    """'Hezbollah blamed Israel for the attack': Israel attacked Hezbollah, says Hezbollah (reported)."""
    verb = accusation(f.ctx, f.tok) if f.plays("force", "support", "threat", "opposition") else None
    if verb is None:
        return False
    accuser = subject_refs(f.ctx, verb)
    f.sources = f.sources or (accused_refs(f.ctx, f.tok) or [])
    f.targets = f.targets or _relay(accuser, 0.8, "accuser-victim")
    f.modality, f.reporter = ("negated" if f.modality == "negated" else "reported"), next(iter(accuser), None)
    return False


def mediation_noun(f: Frame) -> bool:
    """'Qatar's mediation between Israel and Hamas', 'a round of talks under Omani mediation'."""
    if not f.plays("mediation"):
        return False
    parties = f.between or f.targets
    if not parties and f.tok.head.pos_ in ("NOUN", "PROPN"):
        parties = talk_parties(f.ctx, f.tok.head, f.sent_idx)
    if f.sources:
        mediation(f, f.sources, parties)
    return FINISHED


# ------------------------------------------------------------------ emitting


def emit_roles(f: Frame) -> bool:
    """Every pair between (both ways for mutual events), every agent with every patient."""
    pairs = list(actor_pairs(f.between))
    for a, b in pairs:
        f.emit(a, b, "noun:between")
        if f.trig.between_mutual and not f.symmetric:
            f.emit(b, a, "noun:between")
    if f.between and f.sources and not pairs:
        for s in f.sources:
            for t in f.between:
                f.emit(s, t, "noun:between")
    for s in f.sources:
        for t in f.targets:
            f.emit(s, t, "noun")
            if t.actor in f.mutual and not f.symmetric:
                f.emit(t, s, "noun:mutual")
    if f.sources and not f.targets and not f.between and f.modality in ("asserted", "reported"):
        f.ctx.events.extend((f.tok.i, f.lemma, f.relation, r.actor) for r in f.sources)
    return False


def endorsed_hostility(f: Frame) -> bool:
    """'Austria has backed every EU sanctions package against Moscow', 'aligned itself with the sanctions
    on Russia': who endorses a hostile measure takes a stance against its target (``endorsing_verbs``)."""
    gv = f.governor
    if gv is None or not f.targets or f.ctx.gz.relations.get(f.relation, {}).get("sign", 0) >= 0 \
            or gv.lemma_.lower() not in f.gz.word_list("endorsing_verbs") or not object_path(f.tok, gv):
        return False
    opposes = f.gz.vocabulary.the("opposition")
    mod, rep = clause_modality(f.ctx, gv, relation=opposes, stance=True)
    doers = {r.actor for r in f.sources}
    for s in (r for r in subject_refs(f.ctx, gv) if r.actor not in doers):
        for t in f.targets:
            f.emit(s, t, "noun:endorsed", relation=opposes, cameo="110", modality=mod, reporter=rep)
    return False


def _after_fighting(f: Frame) -> bool:
    return f.plays("force") and f.trig.between_mutual and any(
        a.dep_ == "prep" and a.lower_ in ("after", "following", "amid") for a in f.tok.ancestors)


def fighting_before_truce(f: Frame) -> bool:
    """'The ceasefire that India and Pakistan announced, after four days of exchanges, has held': the
    fighting before a truce was between the truce's parties."""
    if not _after_fighting(f) or f.sources or f.targets or f.between:
        return False
    n = f.tok
    truce_at = {c.idx for c in f.sent.root.children if c.dep_ in SUBJ and c.i < n.i}
    truces = [ix for ix in f.ctx.interactions if ix.sentence == f.sent_idx and plays(f.gz, ix.relation, "agreement")
              and ix.trigger_start in truce_at]
    f.sources = [Ref(a, None, None, 0.8, "truce-parties")
                 for a in dict.fromkeys(a for ix in truces for a in (ix.source, ix.target))]
    return False


def _named_as(f: Frame) -> bool:
    """'… met Iranian counterparts in what one diplomat described as "talks about talks"': an event
    noun that names what another act was (after 'describe as', 'call', 'dub') has no parties of its
    own; the act it names has them."""
    naming = f.gz.word_list("naming_verbs")
    return any(a.pos_ == "VERB" and a.lemma_.lower() in naming for a in f.tok.ancestors if a != f.sent.root)


def _reacts_to(f: Frame, verb: Token) -> bool:
    """'Japan, the Philippines and Australia criticized the exercises': a verb that relates its subject
    to the event one-sidedly (criticising, condemning, welcoming, mediating it) makes the subject an
    onlooker, not a party; verbs of taking part ('held', 'signed', 'agreed to') name no such relation."""
    if verb.lemma_.lower() in f.gz.word_list("light_verbs") or not (f.tok.dep_ == "dobj" and f.tok.head == verb):
        return False
    relations = {t.relation for t in triggers_for(f.gz, verb)} - set(f.gz.vocabulary.playing("mediation"))  # (_mediators_of)
    return bool(relations) and not any(f.gz.relations[r]["symmetric"] for r in relations)


def _root_has_partner(f: Frame) -> bool:
    """'their diplomats are quietly talking to Tehran again, through a channel Oman has kept open': when
    the main verb has a partner of its own, an event noun hanging on it is that same exchange, not one
    among its coordinated subjects."""
    root = f.sent.root
    if not f.symmetric or not any(t.relation == f.relation for t in triggers_for(f.gz, root)):
        return False
    objects = [c for c in root.children if c.dep_ in ("dobj", "dative")]
    objects += [p for c in root.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    return any(np_refs(f.ctx, o) for o in objects if o != f.tok and f.tok not in o.subtree)


def _mediators_of(f: Frame) -> set[str]:
    """'Egypt, Qatar and Turkey, which mediated the October agreement': whoever mediates the event,
    as a verb above the noun states it (the sentence's deferred mediation is not resolved yet)."""
    verbs = [a for a in f.tok.ancestors if a.pos_ == "VERB" and any(plays(f.gz, t.relation, "mediation") for t in triggers_for(f.gz, a))]
    return {r.actor for v in verbs for r in subject_refs(f.ctx, v)}


def main_clause_parties(f: Frame) -> bool:
    """'Saudi Arabia and Iran agreed …, after four days of secret talks': a reciprocal event with no
    parties of its own is the main clause's subjects' — not when they are its mediators ('Qatar and
    Egypt, which have mediated …, said a deal was close') nor when the event is what they ask an
    addressee to do ('urged both sides to move to the second phase of the agreement')."""
    n, sent, ctx = f.tok, f.sent, f.ctx
    if not (f.symmetric or _after_fighting(f)) or f.sources or f.targets or f.between \
            or n.dep_ not in ("pobj", "dobj", "nsubj") or n == sent.root or third_party_subject(ctx, sent.root):
        return False
    verb = next((a for a in n.ancestors if a.pos_ in ("VERB", "AUX")), sent.root)
    if verb != sent.root and n.dep_ == "pobj" and n.head.head == verb and not object_path(n, verb):
        return False  # "signed agreements … to reopen the ports TO GRAIN EXPORTS": where another verb's object goes
    if _named_as(f) or _reacts_to(f, verb) or _root_has_partner(f):
        return False
    sources = _subjects_of(f, sent.root, 0.8, "clause-parties")
    mediators = {ix.source for ix in ctx.interactions if ix.sentence == f.sent_idx and plays(f.gz, ix.relation, "mediation")}
    mediators |= _mediators_of(f)
    asked = any(c.dep_ == "dobj" for c in sent.root.children) and any(
        a.dep_ == "xcomp" and a.head == sent.root for a in n.ancestors)
    f.sources = sources if len(sources) > 1 and not asked and not any(r.actor in mediators for r in sources) else []
    return False


REFERRING = ("the", "this", "that", "these", "those")
RENEWED = ("next", "new", "further", "second", "third", "another", "fresh", "latest", "renewed", "resumed", "last")


def _refers_back(f: Frame) -> bool:
    """'a new round of talks', 'the next round', 'another ceasefire' (a renewed event between the same
    parties); 'suspended the talks', 'the truce collapsed' (an event named before, now ended). A plain
    definite reference ('the talks come weeks after…') says nothing new about its event."""
    n = f.tok
    heads = [n] + ([n.head.head] if n.dep_ == "pobj" and n.head.lower_ == "of" else [])
    if any(c.dep_ in ("amod", "advmod", "det") and c.lower_ in RENEWED for h in heads for c in h.children):
        return True
    definite = any(c.dep_ == "det" and c.lower_ in REFERRING for c in n.children)
    return definite and (f.also_negated or f.modality == "negated")


def event_anaphora(f: Frame) -> bool:
    """'Israel and Hamas held talks in Doha … A new round is due in Cairo': an event noun with no
    parties of its own that refers back is between the parties of the latest such event before it,
    with its own modality (the new round is hypothetical; 'Iran suspended the talks' negated)."""
    if not (f.symmetric or f.plays("force")) or len(f.sources) > 1 or f.targets or f.between \
            or not _refers_back(f):
        return False
    party = {r.actor for r in f.sources}  # "Tehran suspended the talks": one party named, the other known
    earlier = [ix for _, _, ix in reversed(f.ctx.salience) if ix.relation == f.relation and ix.trigger_start < f.tok.idx
               and not ix.source.startswith("P_") and not ix.target.startswith("P_")
               and (not party or party & {ix.source, ix.target})]
    if not earlier:
        return False
    ix = earlier[0]
    src, tgt = Ref(ix.source, None, None, 0.75, "event-anaphora"), Ref(ix.target, None, None, 0.75, "event-anaphora")
    if party and ix.target in party:
        src, tgt = tgt, src
    src = f.sources[0] if party else src
    f.emit(src, tgt, "noun:event-anaphora")
    if f.trig.between_mutual and not f.symmetric:  # "renewed hostilities": both sides
        f.emit(tgt, src, "noun:event-anaphora")
    return FINISHED


def _own_fight(f: Frame) -> bool:
    """Is a mutual event the subjects' own — launched, waged, resumed, or halted by agreement
    ('Thailand and Cambodia agreed to halt hostilities') — rather than one they end for others
    ('France and the US brokered a deal ending the fighting')?"""
    gv = f.governor
    if gv is None:
        return False
    if gv.lemma_.lower() in f.gz.word_list("light_verbs"):
        return True
    return gv.lemma_.lower() in f.gz.word_list("cessation_verbs") and gv.head.lemma_.lower() in f.gz.word_list("agreement_verbs")


VISIT_CODE = "042"  # CAMEO 'make a visit': a trip goes to someone


def _each_its_own(n: Token) -> bool:
    """'Japan and South Korea EACH pledged investment to secure their OWN tariff deals', 'their RESPECTIVE
    deals': one event per party, not one among them (but 'formed their own alliance' is theirs together)."""
    mods = {c.lower_ for c in n.children}
    if "respective" in mods:
        return True
    return "own" in mods and any(c.lower_ == "each" for a in n.ancestors if a.pos_ in ("VERB", "AUX") for c in a.subtree
                                 if c.dep_ in ("nsubj", "advmod", "appos", "det", "npadvmod") and c.i < n.i)


def coordinated_parties(f: Frame) -> bool:
    """'the US and Iran met …', 'India and Pakistan agreed to a ceasefire after four days of exchanges',
    'Thailand and Cambodia halted hostilities': several parties of one reciprocal event (or of a mutual
    one a verb hands them) relate to each other."""
    handed = f.trig.between_mutual and any(r.how.startswith("light-verb") for r in f.sources) and _own_fight(f)
    # ('Russia and Cuba sent delegations': each its own trip, to a third; but 'the visit' is the two's meeting)
    visit = f.trig.cameo == VISIT_CODE and f.tok.tag_ == "NNS"
    own = _each_its_own(f.tok)
    if (f.symmetric or _after_fighting(f) or handed) and not (visit or own) and not f.targets and not f.between \
            and len(f.sources) > 1:
        for a, b in actor_pairs(f.sources):
            f.emit(a, b, "noun:coordinated")
            if not f.symmetric:
                f.emit(b, a, "noun:coordinated")
    return FINISHED


NOUN_STEPS: tuple[Step, ...] = (
    verb_idiom_object, modifier_of_a_thing, joint_show_of_force, political_camp, noun_modality_step, allies_pair, seen_as_role, appositive_role,
    possessor_and_modifiers, reaction_from, claimed_by, role_in_the_event, light_verb_subject, joined_another_s_act, talks_beside_the_clause, agreed_cessation, relative_light_verb,
    prepositional_roles, measure_on_nationals, measure_on_an_event, dated_agreement, border_sides, relative_between, under_pressure, undergone_by_subject, in_an_attack, responded_with,
    in_support_of, turned_to_for, at_whose_request, helped_by, light_verb_recipient, clause_of_appeal, demand_recipient,
    attacks_responded_to, reaction_to_event, accused_of, mediation_noun,
    emit_roles, endorsed_hostility, fighting_before_truce, main_clause_parties, event_anaphora, coordinated_parties,
)
