"""Verb frames: a trigger verb (or participle) and its roles, one construction per step.

The steps run in the order of :data:`VERB_STEPS`. The first ones decide whether the verb counts here
at all and with which relation and modality; the middle ones find its roles (subject, object,
prepositional objects, and the constructions that hide them: relative clauses, complements,
free relatives, coordination); the last ones emit. Each step says in its docstring which English
construction it reads, with an example.
"""
from __future__ import annotations

from spacy.tokens import Token

from .arguments import (actor_pairs, anaphoric, args_or_pair, comma_antecedent, coordination_head, event_owner, event_partners,
                        main_governor, named_after_from, nationality_refs, np_refs, pair_noun,
                        prep_objects, referred_text, relative_clause, subject_refs, talk_parties, text_author)
from .context import PRONOUNS, SUBJ, DocContext, Ref
from .frames import Frame, Step, plays, run_steps
from .mediation import mediation
from .modality import clause_modality, noun_modality
from .threats import complement_threat
from .triggers import instrument, participle_patient, phrasal_object, quantified_noun, requirement_met, triggers_for

__all__ = ["verb_frame", "VERB_STEPS"]

INTELLIGENCE_SHARING = "064"  # CAMEO: share intelligence or information
STANCE_ROOTS = ("02", "05", "10", "11", "12")  # CAMEO roots of verbal acts: appeal, endorse, demand, criticise, reject
FINISHED = True


def verb_frame(frame: Frame) -> None:
    """Fill and emit the frame of a trigger verb."""
    run_steps(frame, VERB_STEPS)


# ------------------------------------------------------------------ does the verb count, and as what


def instrument_names_relation(f: Frame) -> bool:
    """'Iranian exports were hit by US tariffs': an attack verb whose agent is an event noun of another
    relation only says that event landed — the relation is the noun's."""
    if f.plays("force"):
        found = instrument(f.gz, f.tok)
        if found is not None:
            f.relation, f.cameo = found.relation, found.cameo
    return False


def required_object_missing(f: Frame) -> bool:
    """'Qatar hosted talks' is mediation, 'Qatar hosted a delegation' is not: an entry that requires
    an object counts only with it."""
    return bool(f.trig.requires_object) and not requirement_met(f.tok, f.trig)


def object_is_no_agent(f: Frame) -> bool:
    """'Kenya received Somalia's president' is a visit; 'Cuba received the Russian tanker' and 'France
    welcomed Iran's decision' are not: an entry whose object must be someone counts only when its
    direct object is an actor, a person or a noun for people (an envoy, a delegation, the two leaders)."""
    if not f.trig.object_is_agent:
        return False
    objs = [c for c in f.tok.children if c.dep_ == "dobj"]
    return bool(objs) and not any(_names_someone(f, o) for o in objs)


def _names_someone(f: Frame, o: Token) -> bool:
    """The token names an actor or person itself (not through a modifier: 'the RUSSIAN tanker')."""
    m = f.ctx.mentions.get(o.i)
    if m is not None and not m.location:
        return True
    lemma = o.lemma_.lower()
    gz = f.gz
    return o.ent_type_ in ("PERSON", "NORP") or lemma in gz.agent_nouns or lemma in gz.title_heads \
        or lemma in gz.word_list("pair_nouns") or lemma in gz.word_list("group_nouns") \
        or lemma in gz.anaphors


def _has_modal(clause: Token, modals: tuple[str, ...]) -> bool:
    """'Iraq MUST dismantle', 'Iraq HAS to dismantle', 'Iraq NEEDS to dismantle' (but not the perfect
    'have agreed', nor 'Serbia HAS YET TO answer', which says it has not)."""
    if any(c.dep_ == "aux" and c.lower_ in modals and c.lemma_.lower() not in ("have", "need") for c in clause.children):
        return True
    xcomps = [c for c in clause.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)]
    not_yet = any(t.lower_ == "yet" for x in [clause, *xcomps] for t in x.children)
    return clause.lemma_.lower() in modals and clause.pos_ in ("VERB", "AUX") and bool(xcomps) and not not_yet


def modal_complement(f: Frame) -> bool:
    """'He said Iraq must dismantle the factions', 'Iran must stop enriching, the envoy said': saying
    what another actor must (should) do demands (asks) it of that actor — the subject of the modal
    clause, and only an actor ('said the matter should be handled' asks nothing of anyone)."""
    if not f.trig.complement_modals:
        return False
    clauses = [c for c in f.tok.children if c.dep_ == "ccomp" and _has_modal(c, f.trig.complement_modals)]
    targets = [r for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")
               for r in np_refs(f.ctx, s, factor=0.9, how="modal-complement-subject")]
    if targets:
        f.modality, f.reporter = clause_modality(f.ctx, f.tok, relation=f.relation)
        for s in subject_refs(f.ctx, f.tok):
            for t in targets:
                f.emit(s, t, "verb:modal-complement")
    return FINISHED


def threat_by_complement(f: Frame) -> bool:
    """'Islamabad vowed to retaliate': an entry that counts only through its complement verb."""
    if f.trig.complements:
        complement_threat(f)
        return FINISHED
    return False


def hostile_label_missing(f: Frame) -> bool:
    """'called the Chinese actions escalatory' opposes; 'called the talks useful' does not: an entry
    with label words needs one of them outside its subject."""
    if not f.trig.label_words:
        return False
    subj_tokens = {t.i for c in f.tok.children if c.dep_ in SUBJ for t in c.subtree}
    return not any(t.lemma_.lower() in f.trig.label_words or t.lower_ in f.trig.label_words
                   for t in f.tok.subtree if t.i not in subj_tokens and not _in_an_adjunct(t, f.tok))


def _in_an_adjunct(t: Token, verb: Token) -> bool:
    """Is ``t`` inside a prepositional phrase other than an 'of' or 'as' ('called the Taliban allies IN THE
    FIGHT AGAINST TERRORISM' labels no one a terrorist; 'an act OF aggression', 'described China AS an
    enabler' are the label)?"""
    while t != verb and t.head != t:
        if t.dep_ == "prep" and t.lower_ not in ("of", "as"):
            return True
        t = t.head
    return False


def warning_of_danger_is_intelligence(f: Frame) -> bool:
    """'Washington warned Moscow of an imminent terrorist plot': a warning about a danger from
    elsewhere shares intelligence (CAMEO 064); it threatens no one."""
    if f.plays("threat") and f.lemma in ("warn", "alert") and any(
            t.lemma_.lower() in f.gz.word_list("danger_nouns") and t.head.lower_ == "of" and t.dep_ == "pobj"
            and not any(c.dep_ == "poss" for c in t.children) for t in f.tok.subtree):
        f.relation, f.cameo = f.rel("agreement"), INTELLIGENCE_SHARING
    return False


def _ceased_act(f: Frame) -> None:
    """'Britain has paused sharing intelligence with the US', 'stopped buying Russian oil': the act went
    on and stops — both claims stand (factual, as the clause above says; and negated)."""
    v = f.tok
    head = v.head
    if v.dep_ == "xcomp" and v.tag_ == "VBG" and head.lemma_.lower() in f.gz.word_list("cessation_verbs") \
            and head.lemma_.lower() not in ("end",):
        clause, reporter = clause_modality(f.ctx, head, relation=f.relation)
        if clause in ("asserted", "reported"):
            f.modality, f.reporter, f.also_negated = clause, reporter, True


def clause_modality_step(f: Frame) -> bool:
    """Modality from the clause and the clauses above it; an entry used only negated ('cannot accept
    US demands' opposes) counts only when negated, and then as a plain fact."""
    negated_use = f.trig.negated_relation is not None
    f.modality, f.reporter = clause_modality(f.ctx, f.tok, ignore_modals=negated_use, relation=f.relation,
                                             stance=f.cameo[:2] in STANCE_ROOTS)
    _ceased_act(f)
    if not negated_use:
        return False
    if f.modality != "negated":
        return FINISHED
    f.relation, f.cameo = f.trig.negated_relation, f.trig.negated_cameo or f.cameo
    f.modality = "reported" if f.reporter else "asserted"
    return False


# ------------------------------------------------------------------ participles modifying a noun


def _modifying_participle(v: Token) -> bool:
    """'Oman-mediated talks', 'Iran-backed Houthis' (not 'the coalition fighting ISIS': an active clause)."""
    active = v.tag_ == "VBG" and v.dep_ == "acl" and any(c.dep_ == "dobj" for c in v.children)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)  # "Bahrain's decision to normalise"
    return v.dep_ in ("amod", "acl") and v.head.pos_ in ("NOUN", "PROPN") \
        and not any(c.dep_ in SUBJ for c in v.children) and not active and not infinitive


def _participle_agents(f: Frame) -> list[Ref]:
    """Who did what a participle says: its modifier ('Iran-backed'), a hyphen compound, its by-phrase."""
    v, ctx = f.tok, f.ctx
    srcs = [r for c in v.children if c.dep_ in ("npadvmod", "compound", "nmod", "advmod", "amod", "poss")
            and c.i in ctx.mentions for r in np_refs(ctx, c, how="participle-modifier")]
    if v.i > 1 and v.nbor(-1).text == "-" and v.i - 2 in ctx.mentions:
        srcs += np_refs(ctx, v.nbor(-2), how="hyphen-compound")
    for _, p in prep_objects(ctx, v, f.trig.agent_preps):
        srcs += np_refs(ctx, p, how="participle-agent")
    return srcs


def role_participle(f: Frame) -> bool:
    """'Egypt played a central mediating role in the talks', 'took a leading part in brokering the
    deal': a participle modifying a role noun that a verb takes as object is that verb's subject's act
    (a mediator's parties come from the talks named, else from the document)."""
    v, ctx = f.tok, f.ctx
    role = v.head
    if v.dep_ not in ("amod", "compound") or role.lemma_.lower() not in f.gz.word_list("role_part_nouns") \
            or role.dep_ != "dobj":
        return False
    verb = role.head
    holders = _relay(subject_refs(ctx, verb), 0.9, "role-of-subject")
    scenes = [p for host in (role, verb) for _, p in prep_objects(ctx, host, ("in", "between", "for"))]
    f.modality, f.reporter = clause_modality(ctx, verb, relation=f.relation)
    if f.plays("mediation"):
        parties = [r for p in scenes for r in (talk_parties(ctx, p, f.sent_idx) or
                                               args_or_pair(ctx, p, f.sent_idx, "role-scene", adversaries=True))]
        mediation(f, holders, parties)
        return FINISHED
    for h in holders:
        for t in [r for p in scenes for r in np_refs(ctx, p, how="role-scene")]:
            f.emit(h, t, "verb:role")
    return FINISHED


def _relay(refs: list[Ref], factor: float, how: str) -> list[Ref]:
    return [Ref(r.actor, r.sector, r.official, r.factor * factor, how) for r in refs]


def participle_modifier(f: Frame) -> bool:
    """'Oman-mediated negotiations', 'Iran-backed Houthis', 'militias backed by Tehran': the participle
    describes its noun (asserted, in the journalist's voice, unless negated); 'non-state actors aligned
    with Tehran': the noun is the participle's subject."""
    v, ctx = f.tok, f.ctx
    if not _modifying_participle(v):
        return False
    srcs = _participle_agents(f)
    if srcs:
        noun = v.head
        # a description is the journalist's ('Iran-backed Houthis'), whatever the clause says of the noun
        # ('the Iran-aligned Houthis have not commented'); only 'no Iran-backed group' negates it
        negated = any(c.dep_ == "det" and c.lower_ == "no" or c.dep_ == "neg" for c in noun.children)
        mod, rep = ("negated" if negated else "asserted"), None
        if f.plays("mediation"):
            mediation(f, srcs, talk_parties(ctx, noun, f.sent_idx), modality=mod, reporter=rep)
            return FINISHED
        for s in srcs:
            for t in args_or_pair(ctx, noun, f.sent_idx, "modified-noun") or _name_after(ctx, noun):
                f.emit(s, t, "participle", modality=mod, reporter=rep)
        return FINISHED
    if v.dep_ == "acl" and v.head.i in ctx.mentions:
        heads = np_refs(ctx, v.head, expand_conj=False, how="participle-head")
        tgts = [r for _, p in prep_objects(ctx, v, f.trig.target_preps) for r in np_refs(ctx, p, how="prep")]
        for s in heads:
            for t in tgts:
                f.emit(s, t, "acl")
    return FINISHED


# ------------------------------------------------------------------ the subject


def clause_subjects(f: Frame) -> bool:
    """Who does the verb: subject, passive agent, or the subject it inherits (control, coordination,
    relative clauses) — see ``arguments.subject_refs``; and whoever does it 'along with' them."""
    f.sources = subject_refs(f.ctx, f.tok)
    if f.sources:
        known = {r.actor for r in f.sources}
        f.sources += [r for r in _co_agents(f) if r.actor not in known]
    return False


def _co_agents(f: Frame) -> list[Ref]:
    """'Niger quit ECOWAS in January, along with Mali and Burkina Faso', 'Turkey, together with Qatar,
    …': the actors named with 'along/together with' do the act too."""
    out: list[Ref] = []
    for c in f.tok.children:
        if c.lower_ in ("along", "together") and c.dep_ in ("prep", "advmod"):
            withs = [w for w in c.children if w.dep_ == "prep" and w.lower_ == "with"]
        elif c.dep_ == "prep" and c.lower_ == "with" and any(a.lower_ in ("along", "together") for a in c.children):
            withs = [c]  # ('together' parsed as the preposition's modifier)
        else:
            continue
        out += [r for w in withs for p in w.children if p.dep_ == "pobj" for r in np_refs(f.ctx, p, how="along-with")]
    return out


def host_by_venue(f: Frame) -> bool:
    """'Kagame has since been received at the White House', 'was welcomed in Beijing': a visitor received
    with no host named is received by the one whose seat of government the place is."""
    if f.sources or not f.trig.object_is_agent or not f.passive or any(c.dep_ == "agent" for c in f.tok.children):
        return False
    for _, p in prep_objects(f.ctx, f.tok, ("at", "in")):
        m = f.ctx.mentions.get(p.i)
        if m is not None and m.kind in ("capital", "part"):
            f.sources = [Ref(m.actor, m.sector, None, 0.8, "host-venue")]
    return False


def retaliation_with_attack(f: Frame) -> bool:
    """'Tehran retaliated with missile barrages on Israeli cities': the barrages are the act (an
    attack, found on the noun), not a verbal response."""
    return f.plays("opposition") and f.lemma in f.gz.word_list("retaliation_verbs") and any(
        plays(f.gz, t.relation, "force") for _, p in prep_objects(f.ctx, f.tok, ("with",)) for t in triggers_for(f.gz, p))


def act_is_cause_not_author(f: Frame) -> bool:
    """'Israel's strike on Doha pushed the Gulf states into talks': an act as subject is a cause, not
    the author of an appeal."""
    if f.plays("appeal", "demand") and any(
            c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.i not in f.ctx.mentions
            and c.lemma_.lower() not in f.gz.word_list("role_nouns")  # ('Qatari and Egyptian MEDIATORS are pushing': people)
            and any(not plays(f.gz, t.relation, "appeal", "demand") for t in triggers_for(f.gz, c)) for c in f.tok.children):
        f.sources = []
    return False


def verbal_clash(f: Frame) -> bool:
    """'Petro has clashed with the Trump administration over deportation flights': leaders, governments
    and diplomats clash in words (opposes); troops in arms. A bare state stays an armed clash. A fighting
    verb aimed at a decision or a remark is words too."""
    if f.plays("force") and (f.lemma in f.gz.word_list("verbal_clash_verbs") and _verbal(f.sources)
                             or _aimed_at_abstract(f)):
        f.relation, f.cameo = f.rel("opposition"), f.relation_code(f.rel("opposition")) or f.cameo
    return False


def _aimed_at_abstract(f: Frame) -> bool:
    """'hitting back at Trump's decision to raise duties': what a fighting verb is aimed at is a decision,
    a remark, a policy (lexicon word list ``abstract_objects``) — words, not weapons."""
    abstract = f.gz.word_list("abstract_objects")
    objs = [c for c in f.tok.children if c.dep_ == "dobj"] + [
        p for c in f.tok.children if c.dep_ == "prep" and c.lower_ in ("at", "against", "on") for p in c.children
        if p.dep_ == "pobj"]
    return bool(objs) and all(o.lemma_.lower() in abstract or o.lower_ in abstract for o in objs)


def _verbal(subjects: list[Ref]) -> bool:
    if any(r.sector == "MIL" for r in subjects):
        return False
    return any(r.official or r.sector in ("GOV", "DIP", "LEG") for r in subjects)


# ------------------------------------------------------------------ objects and prepositions


def _is_passive(v: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) or (
        v.tag_ == "VBN" and v.dep_ == "conj" and any(c.dep_ in ("nsubjpass", "auxpass") for c in v.head.children))


def direct_objects(f: Frame) -> bool:
    """The object (or the passive subject): 'Israel struck Iran', 'Iran was struck', 'the Houthis, whom
    Iran arms' (the relative pronoun's noun); 'is armed and financed by Iran' (the patient sits on
    the first verb); 'recalled their ambassadors' (the owner of the object, when not the subject's own)."""
    v, ctx = f.tok, f.ctx
    f.passive = _is_passive(v)
    holder = v.head if f.passive and not any(c.dep_ == "nsubjpass" for c in v.children) and v.dep_ == "conj" else v
    kids = list(v.children) + [c for c in holder.children if holder != v and c.dep_ == "nsubjpass"]
    if " " in f.trig.lemma and phrasal_object(v) is not None:
        f.targets += _object_refs(f, phrasal_object(v))  # "brushed off the criticism"
    for c in kids:
        if c.dep_ == "nsubjpass" and f.passive and c.tag_ in ("WDT", "WP") and holder.dep_ == "relcl":
            f.targets += np_refs(ctx, holder.head, factor=0.95, how="relative-patient")
            continue
        if c.dep_ == "dobj" and _first_of_two_objects(f, c, kids):
            f.targets += _object_refs(f, c)  # "has sent Kyiv more air-defence systems": Kyiv receives them
            continue
        if f.trig.object_is_theme and c.dep_ == "dobj" and not prep_objects(ctx, v, ("with",)):
            f.targets += _recipient_compound(f, c)
            continue  # "sent their ambassadors to the ceremony": the object is what is sent
        rel = relative_clause(v) if c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") else None
        antecedent = rel.head if rel is not None else (
            comma_antecedent(c) if c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") else None)
        if antecedent is not None:
            if not f.trig.object_is_theme:
                f.targets += np_refs(ctx, antecedent, factor=0.95, how="relative-object",
                                     place_ok=f.plays("force"), conj_before=c.i)
            continue
        if c.dep_ == "dobj" or (f.passive and c.dep_ == "nsubjpass") or (c.dep_ == "dative" and c.pos_ != "ADP"):
            f.targets += _object_refs(f, c)
    return False


def _first_of_two_objects(f: Frame, c: Token, kids: list[Token]) -> bool:
    """'sent Kyiv more systems', 'sold Armenia howitzers': of two direct objects, the first, an actor, is
    the one who receives the second (the double-object construction of giving verbs)."""
    return f.trig.object_is_theme and c.i in f.ctx.mentions and not f.ctx.mentions[c.i].location \
        and any(k.dep_ == "dobj" and k.i > c.i and k.i not in f.ctx.mentions for k in kids)


def _recipient_compound(f: Frame, c: Token) -> list[Ref]:
    """'China and Russia, which sell Nigeria fighter jets', 'the EU has funded AU troops': an actor's
    name compounded onto what a verb of support hands over is who receives it (the small model reads
    the double object 'sell Nigeria jets' as one noun phrase). A demonym stays a modifier ('sold
    Russian jets to India')."""
    if not f.plays("support") or c.i in f.ctx.mentions:
        return []
    first = c.left_edge  # the name right after the verb: 'sold Armenia Caesar howitzers'
    m = f.ctx.mentions.get(first.i) if first.dep_ == "compound" and first.i == f.tok.i + 1 else None
    if m is not None and m.kind in ("name", "capital") and not m.location:
        return [Ref(m.actor, m.sector, None, 0.85, "object-recipient")]
    return []


def _hyphen_participle_owner(ctx: DocContext, c: Token) -> list[Ref]:
    """'Taliban-appointed ambassadors', 'Kremlin-installed officials': the actor before a hyphenated
    participle made them its own."""
    return [r for a in c.children if a.dep_ == "amod" and a.tag_ == "VBN"
            for m in a.children if m.dep_ in ("npadvmod", "compound", "nmod") and m.i in ctx.mentions
            for r in np_refs(ctx, m, expand_conj=False, factor=0.85, how="participle-owner")]


def _object_refs(f: Frame, c: Token) -> list[Ref]:
    ctx = f.ctx
    c = quantified_noun(c) or c  # 'bought $5 billion of Canadian canola': the canola is what is bought
    recipient = _recipient_compound(f, c)
    if recipient:
        return recipient
    if f.trig.target_is_possessor and c.i not in ctx.mentions and c.pos_ in ("NOUN", "PROPN"):
        owners = np_refs(ctx, c)
        if any(p.dep_ == "poss" and p.lower_ in PRONOUNS for p in c.children) \
                and {r.actor for r in owners} <= {r.actor for r in f.sources}:
            return []  # "Mali, Burkina Faso and Niger recalled their ambassadors": their own
        if not owners:
            owners = _hyphen_participle_owner(ctx, c)  # "accepted TALIBAN-APPOINTED ambassadors"
        if not owners and f.relation == f.gz.vocabulary.the("opposition"):
            owners = nationality_refs(ctx, c)  # "arrested 32 Indian fishermen" (an attack on them is not on India)
        event = next(iter(triggers_for(f.gz, c)), None)
        if not owners and event is None and c.lemma_.lower() not in f.gz.word_list("generic_event_nouns"):
            # "hosts the headquarters OF the American forces": the owner of what it is of (an event's
            # 'of' names its patient instead: 'protest the killing of Bangladeshi villagers')
            owners = [r for _, p in prep_objects(ctx, c, ("of",)) for r in np_refs(ctx, p)]
        if not owners and event is not None and f.relation == f.gz.vocabulary.the("opposition") \
                and f.gz.relations.get(event.relation, {}).get("sign", 0) >= 0 and f.lemma not in f.gz.word_list("negating_verbs"):
            # "blocked imports of Lithuanian goods", "opposes arms sales to Taiwan": standing against a
            # friendly event is standing against its partner (not so for a hostile one: blocking sanctions
            # against Belgrade is no stance against Belgrade; nor a ceasefire refused: negated only)
            owners = event_partners(ctx, c, event.target_preps)
        return [Ref(r.actor, r.sector, r.official, r.factor * 0.9, "object-owner") for r in owners]
    return args_or_pair(ctx, c, f.sent_idx, "object", place_ok=f.plays("force"))


def prepositional_roles(f: Frame) -> bool:
    """The entry's own prepositions: 'talks WITH Iran', 'mediated BETWEEN A and B', 'clashed WITH Y'
    (Y fought back), 'launched 400 drones AT Ukraine' (the parser hangs 'at' on the object),
    'fought with the Malian army against JNIM' (with = alongside there)."""
    ctx, v = f.ctx, f.tok
    preps = prep_objects(ctx, v, f.trig.target_preps)
    if not preps and v.dep_ == "xcomp" and v.head.lemma_.lower() in f.gz.word_list("cessation_verbs") \
            | f.gz.word_list("presupposing_verbs") and not any(c.dep_ == "dobj" for c in v.head.children):
        # "stopped selling electricity … TO three more Myanmar border towns": the parser hangs the
        # gerund's preposition on the aspect verb above it
        preps = [(q, p) for q, p in prep_objects(ctx, v.head, f.trig.target_preps) if p.i > v.i]
    if not preps and f.plays("force"):  # ('traded artillery fire WITH Ethiopia': both ways, see below)
        on_object = ("at", "on", "into", "against", "toward", "towards") + (("with",) if f.trig.between_mutual else ())
        for o in [c for c in v.children if c.dep_ == "dobj"]:
            for oc in [o] + list(o.conjuncts):
                preps += prep_objects(ctx, oc, on_object)
    f.preps = preps
    here = {prep for prep, _ in preps}
    for prep, p in preps:
        if prep == "with" and f.plays("force") and "against" in here:
            continue
        if prep == "to" and f.trig.object_is_theme and p.i not in ctx.mentions \
                and p.lemma_.lower() in f.gz.word_list("border_nouns"):
            continue  # "deployed 2,000 soldiers TO its border with Mexico": where they go, not to whom
        refs = args_or_pair(ctx, p, f.sent_idx, f"prep:{prep}", place_ok=True,
                            adversaries=prep == "between" and f.plays("mediation"))
        (f.between if prep == "between" else f.targets).extend(refs)
        if prep == "with" and f.trig.between_mutual:
            f.mutual |= {r.actor for r in refs}
    return False


def free_relative_target(f: Frame) -> bool:
    """'struck what the army described as Hezbollah depots', 'condemn what it calls American
    aggression': the free relative's description names the target."""
    if f.targets:
        return False
    for c in f.tok.children:
        if c.dep_ == "ccomp" and any(w.lower_ == "what" and w.tag_ == "WP" and w.i < c.i for w in c.children):
            described = [o for p in c.subtree if p.dep_ == "prep" and p.lower_ == "as" for o in p.children
                         if o.dep_ == "pobj"] + [t for t in c.subtree if t.dep_ in ("attr", "oprd")]
            for d in described[:1]:
                f.targets += np_refs(f.ctx, d, factor=0.85, how="free-relative", place_ok=f.plays("force"))
    return False


def rejection_answers_demand(f: Frame) -> bool:
    """'Qassem rejected any timetable': a rejection, criticism or protest (CAMEO 11, 12, 14) without a
    named target answers the latest demand (else appeal) made of the subject in this document (not so a
    measure — a ban, an expulsion: 'urged the EU to ban tourist visas' answers no one)."""
    if f.targets or not f.trig.target_is_possessor or not f.plays("opposition") or f.trig.cameo[:2] not in ("11", "12", "14"):
        return False
    for c in f.tok.children:  # "rebuffed the criticism": the object's own event's author, when it is known
        if c.dep_ == "dobj" and (triggers_for(f.gz, c) or c.lemma_.lower() in f.gz.word_list("report_nouns")):
            f.targets = [r for r in event_owner(f.ctx, c, f.sources) if r.actor not in {s.actor for s in f.sources}]
            if f.targets:
                return False
    subj = {r.actor for r in f.sources}
    asked = [ix for _, _, ix in reversed(f.ctx.salience) if ix.target in subj and ix.source not in subj
             and plays(f.gz, ix.relation, "demand", "appeal")]
    asked.sort(key=lambda ix: not plays(f.gz, ix.relation, "demand"))  # a demand first, else the latest appeal (stable)
    if asked:
        f.targets = [Ref(asked[0].source, None, None, 0.75, "answers-demand")]
    return False


def relative_clause_object(f: Frame) -> bool:
    """'a move Egypt and Saudi Arabia condemned', 'the militias it supports': a relative clause whose
    subject is not the relative pronoun has the modified noun as its object."""
    v = f.tok
    if f.targets or v.dep_ != "relcl" or any(c.dep_ in ("dobj", "nsubjpass") and c.tag_ not in ("WDT", "WP")
                                             for c in v.children):
        return False
    if any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in v.children):
        f.targets += event_owner(f.ctx, v.head, f.sources) if f.trig.target_is_possessor else \
            np_refs(f.ctx, v.head, factor=0.9, how="relative-object", place_ok=f.plays("force"))
    return False


def criticised_event_owner(f: Frame) -> bool:
    """'condemned the raids': the target is whoever carried out the event the object names — for a
    stance taken on it (praise, criticism, rejection), not for paying for or buying it ('funding budget
    support' supports no earlier event's author)."""
    if f.cameo[:2] not in STANCE_ROOTS + ("14",):  # (14: protest)
        return False
    for c in f.tok.children:
        if not f.targets and c.dep_ == "dobj" and f.trig.target_is_possessor and c.i not in f.ctx.mentions:
            f.targets += event_owner(f.ctx, c, f.sources)
    return False


def stance_on_a_text(f: Frame) -> bool:
    """'voted against the resolution drafted by Germany and Rwanda', '… voted against IT' (the
    resolution just told), 'called the text politicised': a stance on a text is aimed at its authors."""
    if f.cameo[:2] not in STANCE_ROOTS:
        return False
    subj = {r.actor for r in f.sources}
    objects = [c for c in f.tok.children if c.dep_ == "dobj"] + [p for _, p in prep_objects(f.ctx, f.tok, f.trig.target_preps)]
    for o in objects:
        text = referred_text(f.ctx, o)
        authors = [r for r in text_author(f.ctx, text) if r.actor not in subj] if text is not None else []
        if f.lemma == "vote":  # (a body's own resolution is put to its vote: the drafters are its authors)
            authors = [r for r in authors if f.ctx.type_of(r.actor) != "Organisation"]
        if authors or (f.lemma == "vote" and o.i not in f.ctx.mentions):
            # (what the phrase itself named — a pronoun's guess, the body a text was put to — gives way
            # to the authors; a vote on no text of known authors is aimed at no one)
            named = {r.actor for r in np_refs(f.ctx, o)}
            f.targets = [t for t in f.targets if t.actor not in named] + authors
    return False


def complement_subject(f: Frame) -> bool:
    """'demanded that Iran halt…', 'said Iran must stop…', 'could help Pyongyang build satellites':
    the target is the subject of the complement clause. ('insist that Washington played no role'
    is an assertion, not a demand.)"""
    v, gz = f.tok, f.gz
    if f.targets or not (f.plays("demand", "appeal", "opposition", "threat") or (
            f.plays("support") and f.lemma in gz.word_list("object_control"))):
        return False
    for c in v.children:
        if f.lemma == "insist" and c.dep_ == "ccomp" and c.tag_ in ("VBD", "VBN") and not any(
                k.dep_ == "aux" and k.lower_ in gz.word_list("hypothetical_modals") for k in c.children):
            continue
        if c.dep_ in ("ccomp", "xcomp"):
            for cc in c.children:
                if f.plays("threat") and _feared(f, cc):
                    continue  # ('warned that the Kremlin could switch them off': the one feared, not threatened)
                if cc.dep_ in ("nsubj", "nsubjpass"):
                    f.targets += np_refs(f.ctx, cc, factor=0.9, how="complement-subject")
    return False


def appeal_for_event(f: Frame) -> bool:
    """'Qatar, Kuwait and Oman called for dialogue between Riyadh and Abu Dhabi', 'demanded talks with
    Moscow': an appeal for an event between parties is addressed to those parties."""
    if f.targets or not f.plays("appeal", "demand"):
        return False
    for _, p in prep_objects(f.ctx, f.tok, ("for",)) + [("", c) for c in f.tok.children if c.dep_ == "dobj"]:
        if triggers_for(f.gz, p):
            f.targets += [r for r in talk_parties(f.ctx, p, f.sent_idx) if r.actor not in {s.actor for s in f.sources}]
    return False


def speaker_of_conjunct(f: Frame) -> bool:
    """'said China's intimidation of Taiwan endangered peace and urged Beijing to show restraint':
    when the inherited subject is the target itself, the conjunct is the speaker's act."""
    v = f.tok
    speech = _speakers_own_appeal(f) if v.dep_ == "conj" and v.head.dep_ == "ccomp" and f.sources else None
    if speech is not None:
        above = subject_refs(f.ctx, speech)
        if above:
            f.sources = [Ref(r.actor, r.sector, r.official, r.factor * 0.85, "speaker-conj") for r in above]
            f.modality, f.reporter = clause_modality(f.ctx, speech, relation=f.trig.relation)
        return False
    if f.targets and v.dep_ == "conj" and v.head.dep_ == "ccomp" and f.sources \
            and {r.actor for r in f.sources} <= {t.actor for t in f.targets}:
        above = subject_refs(f.ctx, v.head.head)
        if above and not {r.actor for r in above} & {t.actor for t in f.targets}:
            f.sources = [Ref(r.actor, r.sector, r.official, r.factor * 0.85, "speaker-conj") for r in above]
    return False


def _speakers_own_appeal(f: Frame) -> Token | None:
    """'said Kyiv HAD CROSSED a dangerous line AND URGED the IAEA to condemn the attacks': an appeal in the
    plain past coordinated with a reported clause whose verb has an auxiliary ('had crossed', 'was
    violating', 'would not attend') is the speaker's own act — the two forms are not parallel, so the
    appeal does not continue the report. So is one after a reported state ('told Biden that Taiwan
    REMAINED the most dangerous issue AND URGED the United States to stop arming it') or a report whose
    subject is an event ('said the strike showed … and asked Western allies …'). Returns the verb of
    saying whose subject is the speaker, or None."""
    v = f.tok
    reported_state = v.head.lemma_.lower() in f.gz.word_list("stative_verbs") and v.head.tag_ in ("VBD", "VBZ", "VBP") \
        or _event_subject(f, v.head)  # "said the strike showed … and asked Western allies …": a strike asks no one
    if not (f.plays("appeal", "demand") and v.tag_ == "VBD" and not any(c.dep_ in ("aux", "nsubj") for c in v.children)
            and (reported_state or any(c.dep_ in ("aux", "auxpass") for c in v.head.children))):
        return None
    speech = v.head.head  # the verb of saying the report hangs on, past 'showed that' / 'meant that'
    while speech.lemma_.lower() not in f.gz.word_list("speech_verbs") and speech.dep_ == "ccomp" and speech.head != speech:
        speech = speech.head
    return speech if speech.lemma_.lower() in f.gz.word_list("speech_verbs") else None


def reaction_to_the_cause(f: Frame) -> bool:
    """'Australia tore up the contract, prompting Paris to recall its ambassador', 'Israel's strike
    prompted Qatar to suspend its mediation': a hostile act with no target of its own, done because
    another actor caused it, is aimed at that actor — the causing clause's subject, or the owner of
    the event that is its subject."""
    v = f.tok
    if f.targets or not f.plays("opposition") or v.dep_ not in ("xcomp", "advcl", "ccomp"):
        return False
    cause = v.head
    if cause.lemma_.lower() not in f.gz.word_list("causative_verbs") or not any(c.dep_ == "dobj" for c in cause.children):
        return False
    subj = {r.actor for r in f.sources}
    causers = [r for r in subject_refs(f.ctx, cause) if r.actor not in subj]
    if not causers:
        causers = [r for c in cause.children if c.dep_ == "nsubj" and c.i not in f.ctx.mentions
                   for r in event_owner(f.ctx, c, f.sources, any_event=True) if r.actor not in subj]
    f.targets = [Ref(r.actor, r.sector, r.official, r.factor * 0.85, "cause") for r in causers]
    return False


def _event_subject(f: Frame, verb: Token) -> bool:
    """The verb's subject is an event or a text, not an actor ('the strike showed', 'the report found')."""
    return any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.i not in f.ctx.mentions
               and (triggers_for(f.gz, c) or c.lemma_.lower() in f.gz.word_list("generic_event_nouns")
                    or c.lemma_.lower() in f.gz.word_list("document_nouns")) for c in verb.children)


def own_object_names_target(f: Frame) -> bool:
    """'recalled its ambassador from Belarus': when the object is the subject's own, the object's
    preposition names the target."""
    subj = {r.actor for r in f.sources}
    if f.targets and all(t.actor in subj for t in f.targets):
        f.targets = [r for c in f.tok.children if c.dep_ == "dobj"
                     for _, p in prep_objects(f.ctx, c, f.trig.target_preps)
                     for r in np_refs(f.ctx, p, factor=0.85, how="object-prep", place_ok=True)]
    return False


def warning_target(f: Frame) -> bool:
    """'warned that the army would resume strikes on Hamas': the threatened actor inside the warning
    (not inside a contrast the parser hangs on it: '…, while Washington … has urged restraint')."""
    if f.targets or not f.plays("threat") or (f.trig.between_mutual and len(f.sources) > 1):
        return False  # ('A and B exchanged warnings': with each other)
    subj = {r.actor for r in f.sources}
    for c in f.tok.children:
        if c.dep_ in ("ccomp", "xcomp", "advcl") and not f.targets:
            f.targets += _first_warned(f, c, subj)
    return False


def _name_after(ctx: DocContext, noun: Token) -> list[Ref]:
    """The name right after a common noun that stands for nobody by itself: 'the Iran-backed militant
    group HEZBOLLAH', 'the rebel movement M23' (an apposition the parser may not see)."""
    m = ctx.mentions.get(noun.i + 1)
    if m is None or m.kind != "name" or m.location or m.start != noun.i + 1:
        return []
    return [r for r in np_refs(ctx, ctx.doc[noun.i + 1], expand_conj=False, factor=0.85, how="name-after-noun")]


def _feared(f: Frame, t: Token) -> bool:
    """The doer of the act a warning fears ('warned that THE KREMLIN could switch them off'): the subject
    of a clause whose verb is no consequence befalling it (lexicon list consequence_verbs)."""
    return t.dep_ == "nsubj" and t.head.pos_ in ("VERB", "AUX") \
        and t.head.lemma_.lower() not in f.gz.word_list("consequence_verbs")


def _first_warned(f: Frame, clause: Token, subj: set[str]) -> list[Ref]:
    ctx = f.ctx
    aside = {k.i for d in clause.subtree if d.dep_ == "advcl" and d != clause and any(
        m.dep_ == "mark" and m.lower_ in ("while", "whereas", "although", "though") for m in d.children)
        for k in d.subtree}
    for t in clause.subtree:
        if t.i in aside or (t.head == clause and clause.dep_ != "advcl" and _feared(f, t)):
            continue  # (a condition's subject is the one warned: '… if Oslo refuses')
        if named_after_from(t):
            continue  # ('would draw condemnation FROM the international community': who reacts, not who is warned)
        if pair_noun(ctx, t) and t.dep_ in ("pobj", "dobj"):  # "sanctions on both countries"
            refs = [r for r in args_or_pair(ctx, t, f.sent_idx, "warning-target") if r.actor not in subj]
            if refs:
                return refs
        if (t.i in ctx.mentions and (ctx.mentions[t.i].kind != "person" or t.dep_ in ("nsubj", "nsubjpass"))) or \
                (t.pos_ == "NOUN" and t.dep_ in ("pobj", "dobj") and anaphoric(ctx, t) is not None):
            refs = [r for r in np_refs(ctx, t, expand_conj=False, factor=0.8, how="warning-target", place_ok=True)
                    if r.actor not in subj]
            if refs:
                return refs
    return []


def conjunct_shares_target(f: Frame) -> bool:
    """'called on Tehran to resume cooperation and threatened to trigger the snapback': a second act
    with no target of its own is aimed at the target of the act it is coordinated with."""
    if f.targets or f.tok.dep_ != "conj" or not f.plays("threat", "opposition", "demand", "appeal"):
        return False
    head_start, subj = coordination_head(f.tok).idx, {r.actor for r in f.sources}
    seen: set[str] = set()
    for ix in f.ctx.interactions:
        if ix.trigger_start == head_start and ix.source in subj and ix.target not in seen \
                and not ix.target.startswith("P_") and plays(f.gz, ix.relation, "threat", "opposition", "demand", "appeal"):
            seen.add(ix.target)
            f.targets.append(Ref(ix.target, ix.target_sector, None, 0.8, "conjunct-target"))
    return False


def _in_phrase(t: Token, head: Token) -> bool:
    """Is ``t`` inside ``head``'s noun phrase proper — not inside a clause that hangs on it?"""
    while t != head and t.head != t:
        if t.dep_ in ("relcl", "acl", "ccomp", "advcl"):
            return False
        t = t.head
    return t == head


def object_preposition_target(f: Frame) -> bool:
    """'offered to share intelligence with Abuja': the parser hangs the preposition on the object;
    for a partner ('with') of a symmetric relation, anywhere in the object's phrase ('paused sharing
    some intelligence on suspected drug vessels with the United States')."""
    if f.targets or f.between or not f.trig.target_preps:
        return False
    objects = [c for c in f.tok.children if c.dep_ == "dobj" and c.i not in f.ctx.mentions]
    hosts = objects + ([t for c in objects for t in c.subtree if t != c and t.pos_ == "NOUN" and _in_phrase(t, c)]
                       if f.symmetric else [])
    f.targets += [r for c in hosts for _, p in prep_objects(f.ctx, c, f.trig.target_preps)
                  for r in np_refs(f.ctx, p, factor=0.85, how="object-prep", place_ok=f.plays("force"))]
    return False


PLACE_PREPOSITIONS = ("in", "across", "throughout", "inside", "around")


def place_of_the_struck(f: Frame) -> bool:
    """'struck energy facilities IN Ukraine', 'bombed sites ACROSS Lebanon': an attack on things (not
    actors) hits the state they are in — the parser hangs the place on the verb, not on the object."""
    people = f.gz.word_list("non_state_nouns") | f.gz.word_list("civilian_nouns")
    if f.targets or not f.plays("force") or not any(
            c.dep_ == "dobj" and c.i not in f.ctx.mentions and c.pos_ == "NOUN" and c.lemma_.lower() not in people
            for c in f.tok.children):
        return False  # ('struck coup plotters in Niger' hits people there, not the state)
    own = {r.actor for r in f.sources}
    f.targets += [r for _, p in prep_objects(f.ctx, f.tok, PLACE_PREPOSITIONS)
                  for r in np_refs(f.ctx, p, factor=0.8, how="place-of-target", place_ok=True) if r.actor not in own]
    return False


REQUEST_NOUNS = ("request", "invitation", "behest", "bidding")


def _requesters(f: Frame) -> list[Ref]:
    """Who the act was done at the request of: 'at the request of Benin's government', 'at Baghdad's
    invitation'."""
    out: list[Ref] = []
    for n in f.tok.subtree:  # (the parser may hang 'at the request' on the place or the date before it)
        if n.lemma_.lower() in REQUEST_NOUNS and n.dep_ == "pobj" and n.head.lower_ in ("at", "upon", "on") \
                and main_governor(n) == f.tok:
            out += [r for c in n.children if c.dep_ == "poss" for r in np_refs(f.ctx, c)]
            out += [r for _, p in prep_objects(f.ctx, n, ("of",)) for r in np_refs(f.ctx, p)]
    return out


def force_at_the_host_s_request(f: Frame) -> bool:
    """'Nigerian jets struck positions held by mutineers in Cotonou AT THE REQUEST OF Benin's government':
    force used at a government's request helps that government, and is no attack on it."""
    if not f.plays("force"):
        return False
    hosts = {r.actor: r for r in _requesters(f)}
    if hosts:
        f.targets = [t for t in f.targets if t.actor not in hosts]
        for s in f.sources:
            for t in hosts.values():
                f.emit(s, t, "verb:at-host-request", relation=f.rel("support"), cameo="")
    return False


def complement_owner(f: Frame) -> bool:
    """'broaden the talks to include Iran's missile programme': the owner inside the object's clause;
    also the fallback when the parser lost the object ('cannot accept uncompromising US demands') —
    never inside the subject or another clause hung on the verb ('approved the loan, overcoming
    objections from Belgium')."""
    v = f.tok
    has_object = any(c.dep_ in ("dobj", "nsubjpass") for c in v.children)
    if not f.trig.target_is_possessor or f.targets or not (
            f.plays("demand") or not has_object or f.trig.object_is_theme):
        return False
    elsewhere = [c for c in v.children if c.dep_ in SUBJ or c.dep_ in ("conj", "parataxis", "relcl")
                 or (c.dep_ == "advcl" and c.tag_ == "VBG")]
    for t in v.subtree:
        if t.i in f.ctx.mentions and t.i != v.i and f.ctx.mentions[t.i].kind != "person":
            if all(t.i not in range(c.left_edge.i, c.right_edge.i + 1) for c in elsewhere):
                f.targets += np_refs(f.ctx, t, factor=0.85, how="complement-owner")
                break
    return False


def _each_other(v: Token) -> bool:
    """'each other' / 'one another' as the verb's own object or prepositional object."""
    def reciprocal(t: Token) -> bool:
        return (t.lower_ in ("other", "another") and (t.head.lower_ in ("each", "one") or any(
            d.lower_ in ("each", "one") for d in t.children))) or (
            t.lower_ in ("each", "one") and any(c.lower_ in ("other", "another") for c in t.children))
    return any(reciprocal(t) for c in v.children if c.dep_ in ("dobj", "prep", "dative")
               for t in ([c] + [p for p in c.children if p.dep_ in ("pobj", "det")])) or _each_the_other(v)


def _each_the_other(v: Token) -> bool:
    """'each pledges to assist THE OTHER if it is attacked', 'Armenia and Azerbaijan each accused the
    other': 'the other' the object, 'each' just before the verb."""
    others = [t for c in v.children if c.dep_ in ("dobj", "prep", "dative")
              for t in [c] + [p for p in c.children if p.dep_ == "pobj"]
              if t.lower_ == "other" and any(d.lower_ == "the" for d in t.children)]
    # ('each' however the parser hangs it: subject, determiner, apposition — a few words before the verb)
    return bool(others) and any(t.lower_ == "each" for t in v.doc[max(v.sent.start, v.i - 6):v.i])


def reciprocal_each_other(f: Frame) -> bool:
    """'agreed not to use force against each other': every pair of subjects, both ways."""
    if not (_each_other(f.tok) and len(f.sources) > 1):
        return False
    for a, b in actor_pairs(f.sources):
        f.emit(a, b, "verb:reciprocal")
        f.emit(b, a, "verb:reciprocal")
    return FINISHED


def meeting_participation(f: Frame) -> bool:
    """'Ukraine did not take part in the talks', 'Qatar joined the negotiations': a participant
    negotiates with the parties of the meeting it takes part in."""
    gz, ctx = f.gz, f.ctx
    if not f.plays("talks") or f.targets or f.lemma not in gz.word_list("participation_verbs"):
        return False
    meetings = [c for c in f.tok.children if c.dep_ == "dobj" and (c.lemma_.lower(), "NOUN") in gz.triggers] + \
               [p for _, p in prep_objects(ctx, f.tok, ("in", "at")) if (p.lemma_.lower(), "NOUN") in gz.triggers]
    subj = {r.actor for r in f.sources}
    for m in meetings:
        parties = [r for r in talk_parties(ctx, m, f.sent_idx) if r.actor not in subj] or \
            event_owner(ctx, m, f.sources)
        f.targets += [Ref(r.actor, r.sector, r.official, r.factor * 0.85, "meeting-party") for r in parties]
    return False


def subject_noun_parties(f: Frame) -> bool:
    """'Ties between Tehran and Baku had been thawing', 'relations with Cairo have improved': a
    symmetric change whose subject is the relation itself — the parties are that noun's."""
    if not f.symmetric or f.targets or f.between or any(r for r in f.sources):
        return False
    for c in f.tok.children:
        # (only the relation the entry is about: 'ties' thawed, not 'a ceasefire … took effect')
        if c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.i not in f.ctx.mentions and c.lemma_.lower() in f.trig.requires_object:
            for prep, p in prep_objects(f.ctx, c, ("between", "with")):
                (f.between if prep == "between" else f.targets).extend(
                    args_or_pair(f.ctx, p, f.sent_idx, "subject-noun", place_ok=True))
    return False


def symmetric_partner_preposition(f: Frame) -> bool:
    """'the US met with Iran': for a symmetric relation the partner named by the preposition is the
    other party (an object, if any, is the topic)."""
    prep_targets = [r for prep, p in f.preps if prep != "between" for r in np_refs(f.ctx, p, place_ok=True)]
    if f.symmetric and prep_targets:
        f.targets = prep_targets
    return False


def mediation_verb(f: Frame) -> bool:
    """'Oman mediated between Iran and the US', 'Qatar hosted talks between…', 'talks resumed in
    Almaty, hosted by Kazakhstan': the mediator and the parties of the talks."""
    if not f.plays("mediation"):
        return False
    parties = f.between or f.targets
    if not parties:
        for c in f.tok.children:
            if c.dep_ == "dobj":
                parties = talk_parties(f.ctx, c, f.sent_idx)
    patient = participle_patient(f.tok)
    if not parties and patient is not None:
        parties = talk_parties(f.ctx, patient, f.sent_idx)
    mediation(f, f.sources, parties)
    return FINISHED


def fighting_alongside(f: Frame) -> bool:
    """'fighting JNIM alongside the Malian army', 'sent troops to fight for Russia', 'fought with X
    against Y': fighting for someone supports it; 'fought alongside Russian forces against Ukraine'
    with the foe parsed under the ally: the fighters and the ally attack the foe."""
    if not f.plays("force"):
        return False
    ctx = f.ctx
    here = {prep for prep, _ in f.preps}
    with_allies = ("alongside", "with") if "against" in here else ("alongside",)
    allies = [r for _, p in prep_objects(ctx, f.tok, with_allies) for r in np_refs(ctx, p, factor=0.9, how="alongside")]
    if f.lemma in ("fight", "battle"):
        allies += [r for _, p in prep_objects(ctx, f.tok, ("for",)) if p.i in ctx.mentions and not ctx.mentions[p.i].location
                   for r in np_refs(ctx, p, factor=0.9, how="fight-for")]
    for s in f.sources:
        for a in allies:
            f.emit(s, a, "verb:alongside", relation=f.rel("support"), cameo=f.relation_code(f.rel("support")))
    if not f.targets:
        foes = [r for _, p in prep_objects(ctx, f.tok, with_allies) for _, q in prep_objects(ctx, p, ("against",))
                for r in np_refs(ctx, q, factor=0.9, how="ally-against", place_ok=True)]
        f.targets = foes
        for a in allies:
            for foe in foes:
                f.emit(a, foe, "verb:alongside-against")
    return False


# ------------------------------------------------------------------ emitting


def record_targetless_event(f: Frame) -> bool:
    """'North Korea test-fired a missile': an act with no target is remembered, so that 'condemned the
    launch' can find who did it."""
    if not f.targets and not f.between and f.modality in ("asserted", "reported"):
        f.ctx.events.extend((f.tok.i, f.lemma, f.relation, r.actor) for r in f.sources)
    return False


def emit_between_and_targets(f: Frame) -> bool:
    """Every pair between, every subject with every target (reversed for ``ag:reverse`` entries; both
    ways when the target fought back)."""
    for a, b in actor_pairs(f.between):
        f.emit(a, b, "verb:between")
    if not f.targets:
        return False
    voice = "verb:" + ("passive" if f.passive else "active")
    for s in f.sources:
        for t in f.targets:
            # (fresh names: swapping the loop's own would make the next target's source the last target)
            src, tgt = (t, s) if f.trig.reverse else (s, t)
            f.emit(src, tgt, voice)
            if tgt.actor in f.mutual and not f.symmetric:
                f.emit(tgt, src, "verb:mutual")
    return FINISHED


def _object_is_unrelated(f: Frame) -> bool:
    """'Russia and China would not recognise the sanctions': an object that is no actor and no event
    of this relation relates the subjects to it, not to each other ('met …, the first such visit' —
    a noun after a comma — is no object)."""
    if f.trig.object_is_theme or f.trig.requires_object:
        return False
    return any(c.dep_ == "dobj" and not any(t.relation == f.relation for t in f.gz.triggers.get((c.lemma_.lower(), "NOUN"), []))
               and not (c.left_edge.i > f.tok.i + 1 and c.doc[c.left_edge.i - 1].text == ",")
               for c in f.tok.children)


def coordinated_subjects(f: Frame) -> bool:
    """'the US and Iran met', 'the two armies clashed': a reciprocal predicate with coordinated subjects
    and no other party relates the subjects to each other."""
    if not (f.symmetric or f.trig.between_mutual) or len(f.sources) < 2 or _object_is_unrelated(f):
        return FINISHED
    for a, b in actor_pairs(f.sources):
        f.emit(a, b, "verb:coordinated-subject")
        if not f.symmetric:
            f.emit(b, a, "verb:coordinated-subject")
    return FINISHED


VERB_STEPS: tuple[Step, ...] = (
    instrument_names_relation, required_object_missing, object_is_no_agent, modal_complement, threat_by_complement, hostile_label_missing,
    warning_of_danger_is_intelligence, clause_modality_step, role_participle, participle_modifier,
    clause_subjects, retaliation_with_attack, act_is_cause_not_author, verbal_clash,
    direct_objects, host_by_venue, prepositional_roles, stance_on_a_text, free_relative_target, rejection_answers_demand, relative_clause_object,
    criticised_event_owner, complement_subject, appeal_for_event, speaker_of_conjunct, own_object_names_target,
    reaction_to_the_cause, warning_target,
    conjunct_shares_target, object_preposition_target, place_of_the_struck, complement_owner, reciprocal_each_other,
    meeting_participation, subject_noun_parties, symmetric_partner_preposition, mediation_verb, fighting_alongside,
    record_targetless_event, force_at_the_host_s_request, emit_between_and_targets, coordinated_subjects,
)
