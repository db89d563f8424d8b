"""Arguments: which actors a noun phrase or a clause's subject stands for.

"Israeli officials" -> Israel (GOV); "the U.S. and Iranian delegations" -> both; "it" -> the latest
subject; "the two allies" -> the pair of the last salient cooperative interaction; "the group" -> the
latest armed group; "accused the UAE of supplying" -> the UAE supplies; "facilities used by the IRGC"
-> Iran. Each resolved argument carries a factor for the confidence and the rule that found it.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Span, Token
from .context import PAST_OFFICE_WORDS, DocContext, MODIFIERS, Mention, NUMBER_WORDS, PERSON_PRONOUNS, PLURAL_PRONOUNS, PRONOUNS, QUANTIFIERS, Ref, SUBJ, latest_act

__all__ = [
    "BARE_AUX", "DIRECTION_PREPS", "FINITE_PAST", "accusation", "accused_refs", "actor_pairs", "adversarial",
    "anaphoric", "args_or_pair", "collective_pair", "comma_antecedent", "coordination_head", "event_owner",
    "governor", "np_refs", "numbered_group", "object_path", "pair_noun", "prep_objects", "relative_clause",
    "resolve_pair", "subject_refs", "talk_parties", "third_party_subject", "tree_depth", "window_start"
]


def _ref_from_mention(ctx: DocContext, m: Mention, factor: float, how: str, sector: str | None = None,
                      place_ok: bool = False) -> Ref | None:
    if m.location and not place_ok:
        return None
    if m.kind == "person":
        if not m.affiliation:
            return None
        return Ref(m.affiliation, sector or m.sector, m.actor, factor, how)
    return Ref(m.actor, sector or m.sector, None, factor, how)


def _group_size(ctx: DocContext, tok: Token) -> int:
    """'the three leaders' -> 3 (a group noun without actor modifiers), else 0."""
    if tok.lemma_.lower() not in ctx.gz.word_list("pair_nouns") | ctx.gz.word_list("group_nouns") \
            or tok.tag_ not in ("NNS", "NNPS"):
        return 0
    # ("the three European capitals" after "France, Britain and Germany": a collective modifier does not
    # name the group; "the three Gulf states" with no three actors before is the collective, see args_or_pair)
    if any(c.i in ctx.mentions and ctx.type_of(ctx.mentions[c.i].actor) != "CollectiveActor" for c in tok.children):
        return 0
    for c in tok.children:
        if c.dep_ == "nummod":
            return NUMBER_WORDS.get(c.lower_, int(c.text) if c.text.isdigit() else 0)
    return 0


def numbered_group(ctx: DocContext, tok: Token, sent_idx: int) -> list[Ref] | None:
    """'the three governments' -> the actors it refers back to ([] when none is found); None when ``tok``
    is no numbered group noun, or one whose collective modifier then speaks for itself ('the three
    European capitals' with no three European actors before it is Europe)."""
    size = _group_size(ctx, tok)
    if size <= 2:
        return None
    group = _resolve_group(ctx, sent_idx, size, before=tok.idx, within=_collective_members(ctx, tok),
                           kinds=ctx.gz.anaphors.get(tok.lemma_.lower()))
    return group if group or not any(c.i in ctx.mentions for c in tok.children) else None


def _collective_members(ctx: DocContext, tok: Token) -> frozenset[str] | None:
    """'the three EUROPEAN capitals': the members of the collective that modifies a group noun, which
    its antecedents must be among (not Russia and China); None when no collective modifies it."""
    for c in tok.children:
        m = ctx.mentions.get(c.i)
        if m is not None and ctx.type_of(m.actor) == "CollectiveActor":
            return frozenset(ctx.gz.members.get(m.actor, ()))
    return None


def _resolve_group(ctx: DocContext, sent_idx: int, size: int, before: int | None = None,
                   within: frozenset[str] | None = None, kinds: frozenset[str] | None = None) -> list[Ref]:
    """'the three leaders' -> that many actors named before the anaphor (char offset ``before``), in this
    or the four previous sentences, latest first: those that acted together ("Mali, Burkina Faso and
    Niger left ECOWAS. The three governments …"), else those named together ("after France, Britain and
    Germany triggered the mechanism"), else all the actors of one sentence's interactions, else its
    states — never a mix of sellers and buyers when three allies were named. With ``within``, only
    actors of that set; with ``kinds``, only actors of those types ('the three governments' are states,
    not the armed groups one of them fought)."""
    sents = list(ctx.doc.sents)
    for s in range(sent_idx, max(-1, sent_idx - 5), -1):
        actors, sources = _interaction_groups(ctx, s, before)
        states = [a for a in actors if ctx.type_of(a) == "State"]
        candidates = [sources] + coordinated_groups(ctx, sents[s], before)[::-1] + [actors, states]
        for group in candidates:
            if len(group) == size and (within is None or set(group) <= within) \
                    and (kinds is None or all(ctx.type_of(a) in kinds for a in group)):
                return [Ref(a, None, None, 0.8, "group-anaphora") for a in group]
    return []


def _interaction_groups(ctx: DocContext, s: int, before: int | None) -> tuple[list[str], list[str]]:
    """(every actor, the acting actors) of sentence ``s``'s interactions stated before ``before``."""
    actors: list[str] = []
    sources: list[str] = []
    for si, _d, ix in ctx.salience:
        if si == s and not ix.source.startswith("P_") and (before is None or ix.trigger_start < before):
            for a in (ix.source, ix.target):
                if a not in actors and _pair_type_ok(ctx, a, False):
                    actors.append(a)
            if ix.source not in sources and _pair_type_ok(ctx, ix.source, False):
                sources.append(ix.source)
    return actors, sources


def coordinated_groups(ctx: DocContext, sent: Span, before: int | None) -> list[list[str]]:
    """The actors named together ('France, Britain and Germany') in a sentence, before ``before``."""
    groups = []
    for tok in sent:
        if before is not None and tok.idx >= before:
            break
        # ("Mali, Burkina Faso and Niger" parsed as an apposition with a coordination inside it)
        listed = [a for a in tok.children if a.dep_ == "appos" and a.conjuncts and a.i in ctx.mentions
                  and ctx.mentions[a.i].kind == "name"] if tok.i in ctx.mentions else []
        if tok.i in ctx.mentions and tok.dep_ != "conj" and (tok.conjuncts or listed):
            named = [tok, *tok.conjuncts] + [t for a in listed for t in (a, *a.conjuncts)]
            members = [ctx.mentions[t.i].actor for t in named if t.i in ctx.mentions
                       and not ctx.mentions[t.i].location and _pair_type_ok(ctx, ctx.mentions[t.i].actor, False)]
            groups.append(list(dict.fromkeys(members)))
    return groups


def pair_noun(ctx: DocContext, tok: Token) -> bool:
    """'the two allies', 'both sides', 'the allies': a pair to resolve from context."""
    if tok.lemma_.lower() not in ctx.gz.word_list("pair_nouns") or tok.tag_ not in ("NNS", "NNPS"):
        return False
    kids = {c.lower_ for c in tok.children}
    # ("the two Gulf allies": a collective modifier says among whom, it does not name the pair; but
    # "the Gulf states" is the collective itself)
    counted = "two" in kids or "both" in kids
    has_actor_mod = any(c.i in ctx.mentions and (not counted or ctx.type_of(ctx.mentions[c.i].actor) != "CollectiveActor")
                        for c in tok.children) or any(
        p.i in ctx.mentions for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
        for p in c.children if p.dep_ == "pobj")  # "the leaders of Venezuela and Guyana" names them
    return not has_actor_mod and ("two" in kids or "both" in kids or "the" in kids)


def collective_pair(ctx: DocContext, tok: Token, sent_idx: int) -> list[Ref]:
    """'an extraordinary rupture between the two Gulf allies': two members of the collective that
    modifies the pair noun, the latest two the text relates (friends or not)."""
    members = _collective_members(ctx, tok)
    if not members:
        return []
    return _resolve_group(ctx, sent_idx, 2, before=tok.idx, within=members)


def anaphoric(ctx: DocContext, t: Token) -> Mention | None:
    """'the group' / 'the alliance' / 'the island': the latest earlier mention of an actor of the type
    the noun names (ontology/lexicon.ttl ag:AnaphoricNoun), if the noun has no actor modifier."""
    wanted = ctx.gz.anaphors.get(t.lemma_.lower())
    if not wanted or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children):
        return None
    if any(c.i in ctx.mentions and c.dep_ != "det" and not _epithet_not_name(ctx, t, c) for c in t.children):
        return None  # ('the Gulf state', singular, is one of them, not the Gulf states)
    only = ctx.gz.anaphor_actors.get(t.lemma_.lower())  # "the emirate" is Qatar, the UAE or Kuwait
    narrowed = _epithet_actors(ctx, t)  # "the BALTIC state" is Estonia, Latvia or Lithuania
    if narrowed is not None:
        only = narrowed if only is None else only & narrowed
    named = _named_with(ctx, t, wanted, only)
    if named is not None:
        return named  # "the U.N. Security Council voted … the council": the one whose name has the noun
    home = _home_institution(ctx, t)
    if home is not None:
        return home
    first = window_start(ctx, ctx.sent_index.get(t.sent.start, 0), back=1)
    latest = None
    bound = _clause_subject_actors(ctx, t)
    for i in range(t.i - 1, -1, -1):
        m = ctx.mentions.get(i)
        if m and (not m.location or only is not None) and m.kind != "person" and ctx.type_of(m.actor) in wanted \
                and (only is None or m.actor in only) and m.actor not in bound:
            # ('drills around Taiwan … the island': named as a place)
            if latest is None:
                latest = m
            if i < first:
                break
            if _np_role(ctx.doc[i]) in SUBJ:
                return m  # the topic: 'The Iran-backed Houthis … talks with the group'
    return latest


def _epithet_not_name(ctx: DocContext, t: Token, c: Token) -> bool:
    """'the GULF state': a region word the gazetteer reads as a group's name ('Gulf' -> the Gulf states)
    before a singular noun is an epithet; a state's own demonym ('the Central African government') is not."""
    return t.tag_ == "NN" and c.lower_ in ctx.gz.epithets and ctx.type_of(ctx.mentions[c.i].actor) != "State"


def _epithet_actors(ctx: DocContext, t: Token) -> frozenset[str] | None:
    """The actors the words before a definite noun allow ('the Baltic state', 'the Central Asian
    nation': ontology/lexicon.ttl ag:EpithetModifier), or None when no such word is there."""
    words = " " + " ".join(w.text for w in t.subtree if w.i < t.i and w.dep_ != "det").lower() + " "
    found = [actors for word, actors in ctx.gz.epithets.items() if f" {word} " in words]
    if not found:
        return None
    return frozenset.intersection(*found)


def _clause_subject_actors(ctx: DocContext, t: Token) -> set[str]:
    """'Russia warned THE LANDLOCKED COUNTRY': a definite noun outside the subject of its clause is not
    that subject (that would be 'itself')."""
    verb = _argument_of(t)  # (not a possessor, not 'Israel became THE FIRST COUNTRY to …', not deeper)
    if verb is None or verb.i in ctx.resolving_subjects or t.lemma_.lower() in ctx.gz.institution_anaphors:
        # ('Russia backs THE MILITARY GOVERNMENT': a state's own part, named without its state, is
        # read by the same-noun and home-institution rules, not by elimination)
        return set()
    ctx.resolving_subjects.add(verb.i)
    try:
        return {r.actor for r in subject_refs(ctx, verb)}
    finally:
        ctx.resolving_subjects.discard(verb.i)


def _argument_of(t: Token) -> Token | None:
    """The verb whose object ('warned THE COUNTRY'), indirect object or prepositional object ('talks
    with THE GROUP') the noun is, if it is one."""
    if t.dep_ in ("dobj", "dative") and t.head.pos_ in ("VERB", "AUX"):
        return t.head
    if t.dep_ == "pobj" and t.head.dep_ in ("prep", "agent") and t.head.head.pos_ in ("VERB", "AUX"):
        return t.head.head
    return None


def institution_owner(ctx: DocContext, words: set[str], before: int) -> str | None:
    """The state the latest of these institution nouns before token ``before`` was named with ('Myanmar's
    junta', 'Mali's army'), if any."""
    for prev in reversed(ctx.doc[:before]):
        if prev.lower_ in words or prev.lemma_.lower() in words:
            owner = next((c for c in prev.children if c.dep_ in ("poss", "amod", "compound") and c.i in ctx.mentions
                          and ctx.type_of(ctx.mentions[c.i].actor) == "State"), None)
            if owner is not None:
                return ctx.mentions[owner.i].actor
    return None


def _home_institution(ctx: DocContext, t: Token) -> Mention | None:
    """'PORT SUDAN, Sudan (AP) — … the war between the army and the paramilitary': wire copy filed from
    a state calls that state's institutions 'the army', 'the government' (lexicon word list
    home_institution_nouns), when the story names that state as an actor too — unless the story has
    named the same institution with another state before ('Myanmar's junta … the junta's main partner')."""
    lemma = t.lemma_.lower()
    if lemma not in ctx.gz.word_list("home_institution_nouns"):
        return None
    named = institution_owner(ctx, {lemma}, t.i)
    if named is not None:
        return Mention(named, "name", None, t.i, t.i + 1)
    if ctx.home is None or not any(m.actor == ctx.home and not m.location and m.kind != "person" for m in ctx.mentions.values()):
        return None
    return Mention(ctx.home, "name", None, t.i, t.i + 1)


def _named_with(ctx: DocContext, t: Token, wanted: frozenset[str], only: frozenset[str] | None) -> Mention | None:
    """The latest earlier mention, in this or the three previous sentences, whose own words contain the
    definite noun ('the Security Council' for 'the council', 'the International Criminal Court' for
    'the court')."""
    first = window_start(ctx, ctx.sent_index.get(t.sent.start, 0))
    lemma = t.lemma_.lower()
    for i in range(t.i - 1, first - 1, -1):
        m = ctx.mentions.get(i)
        if m is None or m.location or m.kind == "person" or i != m.start:
            continue
        words = {w.lemma_.lower() for w in ctx.doc[m.start:m.end]}
        if lemma in words and ctx.type_of(m.actor) in wanted and (only is None or m.actor in only):
            return m
    return None


def _pronoun(ctx: DocContext, tok: Token) -> list[Ref]:
    """Resolve it/its/they/their to an actor: parallel possessor, then latest subject, then latest mention."""
    low = tok.lower_
    if low == "it" and _labelled_act(ctx, tok):
        return _doer_of_latest_act(ctx, tok)  # "Jordan called IT a flagrant violation": the act — its doer
    if low == "it" and tok.dep_ == "nsubj":
        authors = _text_author_of_previous(ctx, tok)
        if authors is not None:
            return authors  # "The declaration agreed by NATO's leaders … IT urged China to …": the text's author
    want_person = low in PERSON_PRONOUNS
    owner = _possessive_owner(ctx, tok, low) if tok.dep_ == "poss" else None
    if owner is not None:
        return owner
    ahead = _cataphoric_subject(ctx, tok) if want_person or low in ("its", "their") else []
    if ahead:
        return ahead
    speakers = _reported_speakers(ctx, tok, low, want_person)
    if speakers:
        return speakers
    if _speaker_is_no_actor(ctx, tok, low):
        return []  # "Tuareg separatist rebels said THEY had killed dozens": the rebels, no actor we know
    if low in ("they", "them") and not want_person:
        group = _plural_subject_before(ctx, tok)
        if group:
            return group  # "The three states stopped buying Russian power, yet THEY still relied on …"
    candidates = _pronoun_candidates(ctx, tok, want_person)
    if want_person and tok.dep_ in ("dobj", "dative", "pobj"):
        bound = _bound_persons(ctx, tok)  # "he had pressed HIM": never whom the clause's subject is
        candidates = [(i, m) for i, m in candidates if m.actor not in bound]
    if not candidates:
        return []
    if low in ("its", "their") and tok.dep_ == "poss":
        refs = _relative_subject(ctx, tok)
        if refs:
            return refs
    relcl = next((a for a in list(tok.ancestors)[:2] if a.dep_ == "relcl"), None)
    if relcl is not None:
        # "the militias it supports": inside a relative clause the nearest actor wins, but never the noun
        # the clause describes ("it" is not the militias)
        described = {t.i for t in relcl.head.lefts} | {relcl.head.i}
        candidates = [(i, m) for i, m in candidates if i not in described] or candidates
    candidates = _host_clause_candidates(tok, candidates) or candidates
    if low in ("it", "its"):
        # a singular pronoun is no one member of a group named together ('Mali, Niger and Burkina Faso
        # wrote to the Security Council asking IT to act')
        candidates = [(i, m) for i, m in candidates if not _in_coordination(ctx.doc[i])] or candidates
    # a subject pronoun continues the latest subject; an object of a preposition in a clause of its own the
    # latest actor ('Japan donated boats to the Sri Lankan navy, and the U.S. Navy holds an exercise WITH IT')
    clause = _clause_of(tok)
    own_clause = tok.dep_ == "pobj" and any(c.dep_ == "nsubj" and c.lower_ not in PRONOUNS
                                            for c in list(clause.children) + list(coordination_head(clause).children))
    if own_clause:  # (never its own clause's subject: 'Turkey held talks with it' is no talk with Turkey)
        candidates = [(i, m) for i, m in candidates
                      if not (_clause_of(ctx.doc[i]) == clause and _np_role(ctx.doc[i]) in SUBJ)] or candidates
    # (the nearest actor wins inside a relative clause only among actors of its own sentence: 'Putin flew
    # out in Trump's limousine. … the war HE launched' continues the earlier sentence's subject)
    local_relcl = relcl is not None and any(i >= tok.sent.start for i, _ in candidates)
    subjects = [] if local_relcl or own_clause else [(i, m) for i, m in candidates if _np_role(ctx.doc[i]) in SUBJ]
    i, m = (subjects or candidates)[0]
    if low in PLURAL_PRONOUNS:
        group = _plural_antecedents(ctx, ctx.doc[i])
        if group:
            return group
        if _plural_bystanders(ctx, tok, ctx.doc[i]):
            return []
    r = _ref_from_mention(ctx, m, 0.8, "pronoun")
    return [r] if r else []


def _text_author_of_previous(ctx: DocContext, tok: Token) -> list[Ref] | None:
    """A subject 'it' opening a sentence right after one whose subject is a text ('The declaration
    agreed by the alliance's leaders called Beijing an enabler. IT urged China to …'): the pronoun is
    the text, whose author acts (None when the previous subject is no text; [] when its author is
    not said)."""
    if tok.head.dep_ != "ROOT" or tok.sent.start == 0:
        return None
    prev = ctx.doc[tok.sent.start - 1].sent
    subj = next((c for c in prev.root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN" or subj.lemma_.lower() not in ctx.gz.word_list("document_nouns"):
        return None
    return text_author(ctx, subj)


def text_author(ctx: DocContext, text: Token) -> list[Ref]:
    """Who a text is by: its possessor or actor modifier ('NATO's declaration', 'the EU statement'),
    the agent of a participle on it ('the declaration agreed BY the alliance's leaders'), its 'of'
    ('a statement of the G7')."""
    refs = [r for c in _noun_owners(ctx, text) for r in np_refs(ctx, c, factor=0.8, how="text-author")]
    # ('the declaration was agreed BY …', and the parser's 'the declaration agreed by …' as a clause)
    verbs = [text.head] if text.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "agent" for c in text.head.children) else []
    for c in list(text.children) + verbs:
        if c.dep_ == "acl" and c.tag_ == "VBN" or c in verbs:
            refs += [r for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                     for r in np_refs(ctx, p, factor=0.8, how="text-author")
                     or [r for o in _noun_owners(ctx, p) for r in np_refs(ctx, o, factor=0.8, how="text-author")]]
        if c.dep_ == "prep" and c.lower_ in ("of", "from", "by"):
            refs += [r for p in c.children if p.dep_ == "pobj" for r in np_refs(ctx, p, factor=0.8, how="text-author")]
    return refs


def named_after_from(tok: Token) -> bool:
    """Does the phrase ``tok`` is part of follow 'from' ('condemnation FROM the international community')?
    In a warning, that is who would react, not who is warned."""
    head = tok
    while head.dep_ in ("det", "amod", "compound", "poss", "nummod") and head.head.i > head.i:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ == "from"


def referred_text(ctx: DocContext, tok: Token) -> Token | None:
    """The text a noun phrase names or refers back to: a text noun itself ('the resolution drafted by
    Germany'); a definite one without an author of its own, the latest text of that name with one, in
    its or the three previous sentences ('The resolution, drafted by Germany and Rwanda, passed … Serbia
    called the resolution …'); 'it', the latest text with an author there ('… voted against IT')."""
    texts = ctx.gz.word_list("document_nouns")
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in texts:
        if text_author(ctx, tok) or not any(c.lower_ == "the" for c in tok.children):
            return tok
        wanted = {tok.lemma_.lower()}
    elif tok.lower_ == "it":
        wanted = texts
    else:
        return None
    first = window_start(ctx, ctx.sent_index.get(tok.sent.start, 0))
    for t in reversed(ctx.doc[first:tok.i]):
        if t.pos_ == "NOUN" and t.lemma_.lower() in wanted and text_author(ctx, t):
            return t
    return None


def _doer_of_latest_act(ctx: DocContext, tok: Token) -> list[Ref]:
    """The doer of the latest hostile act told before ``tok`` (in its sentence or the one before): what a
    label like 'a provocation' is pinned on."""
    hostile = latest_act(ctx, ctx.sent_index.get(tok.sent.start, 0), tok,
                         keep=lambda ix: ctx.gz.relations.get(ix.relation, {}).get("sign", 0) < 0)
    return [Ref(hostile[0].source, None, None, 0.7, "labelled-act")] if hostile else []


def _bare_plural_people(t: Token) -> bool:
    """A plural demonym used as a noun without 'the' ('jails Venezuelans', '10,000 Haitians', 'two
    Britons'): people, where 'the Russians struck', 'talks with the Iranians' name a side."""
    return t.tag_ in ("NNPS", "NNS") and t.dep_ not in ("amod", "compound", "poss") \
        and not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in t.children)


LABELLING_VERBS = ("call", "brand", "label", "term", "dub", "deem")


def _labelled_act(ctx: DocContext, tok: Token) -> bool:
    """'called it a provocation', 'branded it a violation': an object 'it' given a label that names
    no kind of actor (not 'called it a terrorist state') stands for an act or a thing."""
    if tok.dep_ != "dobj" or tok.head.lemma_.lower() not in LABELLING_VERBS:
        return False
    labels = [c for c in tok.head.children if c.dep_ in ("oprd", "xcomp") and c.pos_ == "NOUN"]
    return any(lab.lemma_.lower() not in ctx.gz.anaphors and lab.lemma_.lower() not in ctx.gz.agent_nouns for lab in labels)


def _in_coordination(t: Token) -> bool:
    """Is the noun phrase of ``t`` one conjunct of several ('Niger' in 'Mali, Niger and Burkina Faso')?"""
    while t.dep_ in ("compound", "flat") and t.head != t:
        t = t.head
    return t.dep_ == "conj" or any(c.dep_ == "conj" for c in t.children)


def _clause_of(t: Token) -> Token:
    """The verb heading the clause ``t`` is in (its sentence root at most)."""
    while t.head != t and not (t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "conj", "ccomp", "advcl", "relcl", "xcomp")):
        t = t.head
    return t


def _cataphoric_subject(ctx: DocContext, tok: Token) -> list[Ref]:
    """'After his talks with al-Shaibani, Russian Foreign Minister Sergey Lavrov told reporters …':
    he/his in a phrase fronted before the main clause is the person who is that clause's subject; its/their
    the actor that is ('Since ITS 12-day war with Israel, Iran has …')."""
    # the clause the fronted phrase opens: the sentence's root, or the verb the phrase hangs on when the
    # parser made something after a colon the root
    fronted = next((a for a in tok.ancestors if a.dep_ in ("prep", "advcl") and a.head.pos_ in ("VERB", "AUX")
                    and a.i < a.head.i), None)
    root = fronted.head if fronted is not None else tok.sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or tok.i > subj.left_edge.i or root.pos_ not in ("VERB", "AUX"):
        return []
    if fronted is None or fronted.i > subj.i:
        return []
    m = ctx.mentions.get(subj.i)
    if m is not None and m.kind != "person" and tok.lower_ in ("its", "their") and not m.location \
            and fronted.left_edge.i == tok.sent.start:
        r = _ref_from_mention(ctx, m, 0.85, "cataphora")  # "Since ITS war with Israel, Iran has …"
        return [r] if r else []
    if m is None or m.kind != "person" or not m.affiliation or tok.lower_ in ("its", "their"):
        return []
    return [Ref(m.affiliation, m.sector, m.actor, 0.85, "cataphora")]


CONDITION_MARKERS = ("if", "unless", "should", "once", "until")


def _host_clause_candidates(tok: Token, candidates: list[tuple[int, Mention]]) -> list[tuple[int, Mention]]:
    """'Rubio warned that it would be a very bad day for Venezuela's government if it attacked Guyana':
    the subject of a condition refers to an actor of the clause the condition hangs on, before the
    main clause's subject."""
    cond = tok.head
    if tok.dep_ != "nsubj" or cond.dep_ != "advcl" or not any(
            c.dep_ == "mark" and c.lower_ in CONDITION_MARKERS for c in cond.children):
        return []
    host = cond.head
    return [(i, m) for i, m in candidates if host.left_edge.i <= i < cond.left_edge.i]


def _possessive_owner(ctx: DocContext, tok: Token, low: str) -> list[Ref] | None:
    """The owner a possessive pronoun's own phrase points to, or None to look further back."""
    holder = tok.head
    # Parallel structure: "Iran's missile programme and its backing" -> Iran.
    for other in holder.conjuncts:
        for c in other.children:
            if c.dep_ == "poss" and c.i in ctx.mentions:
                r = _ref_from_mention(ctx, ctx.mentions[c.i], 0.85, "pronoun-parallel")
                return [r] if r else []
    # "urged Israel to halt its strikes": the one asked to act owns what it is asked to stop or change
    verb = holder.head
    if holder.dep_ == "dobj" and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ctx.gz.word_list("object_control") \
            and low in ("its", "their"):
        asked = subject_refs(ctx, verb)
        if asked:
            return [Ref(r.actor, None, r.official, r.factor * 0.85, "pronoun-controlled") for r in asked]
    if holder.dep_ == "dobj" and low in ("its", "their") and accusation(ctx, verb) is not None:
        # "accused Asfura's government of betraying ITS commitments": the accused's own
        accused = accused_refs(ctx, verb)
        if accused:
            return [Ref(r.actor, None, r.official, r.factor * 0.85, "pronoun-accused") for r in accused]
    owner_above = _owner_of_governing_noun(ctx, holder) if low in ("its", "their") else []
    if owner_above:
        return owner_above
    blamed = _blamed_party(ctx, holder) if low in ("its", "their") else []
    if blamed:
        return blamed
    # "Belarus and its Russian allies": the conjunct just before names the owner
    if holder.dep_ == "conj" and holder.head.i < tok.i and low in ("its", "their"):
        owners = np_refs(ctx, holder.head, expand_conj=False, factor=0.85, how="pronoun-conjunct")
        if owners:
            return owners
    return None


def _owner_of_governing_noun(ctx: DocContext, holder: Token) -> list[Ref]:
    """'condemned Israel's conduct of ITS war against Hamas', 'Iran's handling of its nuclear file': a
    possessive inside the of-phrase of a possessed noun is that noun's possessor."""
    prep = holder.head
    if holder.dep_ != "pobj" or prep.lower_ != "of" or prep.head.pos_ != "NOUN":
        return []
    owner = next((c for c in prep.head.children if c.dep_ == "poss" and c.i in ctx.mentions), None)
    if owner is None or ctx.mentions[owner.i].kind == "person":
        return []
    r = _ref_from_mention(ctx, ctx.mentions[owner.i], 0.85, "pronoun-owner-above")
    return [r] if r else []


CAUSE_PREPOSITIONS = ("over", "for")


def _blamed_party(ctx: DocContext, holder: Token) -> list[Ref]:
    """'sanctioned Japan over ITS support for Ukraine', 'cut ties with the Israeli government over ITS
    war', 'praised Qatar for ITS role': in a cause adjunct the possessive is the party the act is aimed
    at — the nearest actor after the verb and before the preposition, not the subject."""
    prep = holder.head
    if holder.dep_ != "pobj" or prep.lower_ not in CAUSE_PREPOSITIONS:
        return []
    verb = prep.head if prep.head.pos_ in ("VERB", "AUX") else governor(prep.head)
    if verb is None or verb.pos_ not in ("VERB", "AUX") or verb.i > prep.i:
        return []
    for i in range(prep.i - 1, verb.i, -1):
        m = ctx.mentions.get(i)
        if m is not None and not m.location and m.kind != "person" and ctx.doc[i].head.i < prep.i \
                and not any(t.text in (",", ";") for t in ctx.doc[i:prep.i]):
            r = _ref_from_mention(ctx, m, 0.85, "pronoun-blamed")
            return [r] if r else []
    return []


def _speaker_is_no_actor(ctx: DocContext, tok: Token, low: str) -> bool:
    """Is ``tok`` the subject of a reported clause whose speaker is a plural noun phrase that names no
    actor ('rebels said they …')? Then the pronoun is that speaker, and stands for no actor."""
    speech = tok.head.head if tok.dep_ == "nsubj" and tok.head.dep_ == "ccomp" else None
    if low not in PLURAL_PRONOUNS or speech is None or speech.lemma_.lower() not in ctx.gz.word_list("speech_verbs"):
        return False
    said_by = next((c for c in speech.children if c.dep_ == "nsubj"), None)
    return said_by is not None and said_by.tag_ == "NNS" and said_by.lower_ not in PRONOUNS \
        and not any(t.i in ctx.mentions for t in said_by.subtree) and not np_refs(ctx, said_by)


def _reported_speakers(ctx: DocContext, tok: Token, low: str, want_person: bool) -> list[Ref]:
    """"The two leaders ... said they would hold a summit", "JNIM said its fighters had attacked …": the
    subject of a reported clause (or its possessor) is the speaker, when number and kind agree."""
    subj = tok.head if tok.dep_ == "poss" and tok.head.dep_ == "nsubj" else tok  # ('JNIM said ITS fighters had …')
    clause = subj.head
    speech = clause.head if subj.dep_ == "nsubj" and clause.dep_ == "ccomp" else None
    if speech is None or speech.lemma_.lower() not in ctx.gz.word_list("speech_verbs") \
            or any(c.dep_ == "mark" and c.lower_ not in ("that",) for c in clause.children):
        return []
    said_by = [c for c in speech.children if c.dep_ == "nsubj"]
    speakers = subject_refs(ctx, speech) if not (said_by and said_by[0].lower_ in PRONOUNS) else []
    plural = len(speakers) > 1 or any(c.tag_ in ("NNS", "NNPS") for c in said_by)
    if speakers and ((low in PLURAL_PRONOUNS and plural) or
                     (low in ("it", "its") and not plural and not speakers[0].official) or
                     (want_person and not plural and speakers[0].official)):
        return [Ref(r.actor, r.sector, r.official, r.factor * 0.85, "pronoun-speaker") for r in speakers]
    return []


def _clause_mates(tok: Token) -> set[int]:
    """Tokens of the subject of the verb whose object the pronoun is: 'ECOWAS urged THEM' — an object
    pronoun that is not reflexive never stands for its own clause's subject."""
    if tok.dep_ not in ("dobj", "dative", "pobj"):
        return set()
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    while tok.lower_ in PERSON_PRONOUNS and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head  # "Blinken telephoned Aliyev and urged HIM": the shared subject binds it too
    return {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}


def _bound_persons(ctx: DocContext, tok: Token) -> set[str]:
    """The persons the subject of an object pronoun's clause stands for — a name, or a he/she resolved
    in turn ('Biden said he had raised human rights with Xi and had pressed HIM …': him is not Biden)."""
    people: set[str] = set()
    for i in _clause_mates(tok):
        m = ctx.mentions.get(i)
        if m is not None and m.kind == "person":
            people.add(m.actor)
        elif ctx.doc[i].lower_ in ("he", "she") and ctx.doc[i].dep_ in ("nsubj", "nsubjpass"):
            people |= {r.official for r in _pronoun(ctx, ctx.doc[i]) if r.official}
    return people


def _pronoun_candidates(ctx: DocContext, tok: Token, want_person: bool) -> list[tuple[int, Mention]]:
    """Earlier mentions of the right kind (person or not), latest first: this sentence, else the ones before."""
    sent = tok.sent
    candidates: list[tuple[int, Mention]] = []
    bound = _clause_mates(tok) if tok.lower_ not in ("itself", "themselves", "himself", "herself") else set()
    for i in range(tok.i - 1, max(sent.start - 1, 0) - 1, -1):
        m = ctx.mentions.get(i)
        if m and not m.location and (m.kind == "person") == want_person and i not in bound:
            candidates.append((i, m))
    # else the sentence before; a person ('"…," he told reporters') up to three sentences back, past a
    # quotation's own sentences
    prev = sent
    for _ in range(3 if want_person else 1):
        if candidates or prev.start == 0:
            break
        prev = ctx.doc[prev.start - 1].sent
        for i in range(prev.end - 1, prev.start - 1, -1):
            m = ctx.mentions.get(i)
            if m and not m.location and (m.kind == "person") == want_person:
                candidates.append((i, m))
    return candidates


def _relative_subject(ctx: DocContext, tok: Token) -> list[Ref]:
    """"Egypt, which is locked in its own dispute with Addis Ababa": in a relative clause whose subject
    is the relative pronoun, the possessive is that subject - the noun the clause describes."""
    own_rel = next((a for a in list(tok.ancestors)[:4] if a.dep_ == "relcl"), None)
    if own_rel is not None and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP")
                                   for c in own_rel.children):
        return np_refs(ctx, own_rel.head, factor=0.85, how="pronoun-relative-subject")
    return []


def _plural_bystanders(ctx: DocContext, pronoun: Token, named: Token) -> bool:
    """'The freed detainees were driven to Lithuania, where U.S. diplomats met THEM': a plural pronoun is
    the plural people its sentence is about (a plural noun subject that names no actor) rather than one
    singular name after them."""
    if named.tag_ != "NNP" or ctx.type_of(ctx.mentions[named.i].actor) not in ("State", "Organisation"):
        return False
    for t in pronoun.sent:
        if t.i >= named.i:
            return False
        if t.tag_ == "NNS" and t.dep_ in ("nsubj", "nsubjpass") and not np_refs(ctx, t, expand_conj=False):
            return True
    return False


def _plural_subject_before(ctx: DocContext, tok: Token) -> list[Ref]:
    """A plural noun subject earlier in the pronoun's sentence that names several actors ('the three
    states', 'the Gulf monarchies', 'both governments'): what a later plural pronoun continues, over any
    single name between them."""
    sent_idx = ctx.sent_index.get(tok.sent.start, 0)
    for t in reversed(ctx.doc[tok.sent.start:tok.i]):
        if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "NNS" and t.i not in ctx.mentions and t.lower_ not in PRONOUNS \
                and not any(d.lower_ in PRONOUNS for d in t.subtree):
            refs = numbered_group(ctx, t, sent_idx) or np_refs(ctx, t, how="pronoun-plural-subject")
            if len({r.actor for r in refs}) > 1:
                return [Ref(r.actor, r.sector, r.official, r.factor * 0.85, "pronoun-plural-subject") for r in refs]
            return []
    return []


def _plural_antecedents(ctx: DocContext, tok_i: Token) -> list[Ref]:
    """"Qatar and Egypt resumed their mediation": a plural pronoun stands for every conjunct of its
    antecedent, when they name more than one actor."""
    while tok_i.dep_ in ("compound", "amod") and tok_i.head.i > tok_i.i and not tok_i.conjuncts:
        tok_i = tok_i.head  # "Kyrgyz and Tajik border guards": the noun the name modifies is the conjunct
    group = [tok_i] + list(tok_i.conjuncts)
    for ap in [c for c in tok_i.children if c.dep_ == "appos"]:  # "Mali, Burkina Faso and Niger" parsed as apposition
        group += [ap] + list(ap.conjuncts)
    if len(group) > 1:
        # ("Kyrgyz and Tajik border guards … their patrols": a conjunct noun stands for its modifier's actor)
        refs = [r for g in group for r in ([_ref_from_mention(ctx, ctx.mentions[g.i], 0.8, "pronoun")]
                                           if g.i in ctx.mentions else
                                           np_refs(ctx, g, expand_conj=False, factor=0.8, how="pronoun"))]
        if len({r.actor for r in refs if r}) > 1:
            return [r for r in refs if r]
    return []


def _np_role(tok: Token) -> str:
    """Dependency role of the noun phrase a token sits in ('Iran' in 'Iran's military' -> role of 'military')."""
    while tok.dep_ in ("compound", "amod", "poss", "conj", "nmod", "npadvmod", "flat") and tok.head != tok:
        tok = tok.head
    return tok.dep_


def np_refs(ctx: DocContext, tok: Token, *, expand_conj: bool = True, factor: float = 1.0, how: str = "",
            place_ok: bool = False, conj_before: int | None = None) -> list[Ref]:
    """Actors a noun phrase headed by ``tok`` stands for ('Israeli officials' -> Israel, GOV).

    ``place_ok``: the phrase is the object of a trigger's own preposition ('fired at Israel'), so a
    country name there is a target even after a locative preposition. ``conj_before``: only conjuncts
    before this token index (a relative pronoun's antecedent ends where the relative clause starts:
    in "Mali's junta, which expelled French troops and the UN mission" a conjunct the parser hangs on
    'junta' after 'which' is not what 'which' stands for)."""
    out: list[Ref] = []
    heads = [tok] + ([c for c in tok.conjuncts if conj_before is None or c.i < conj_before] if expand_conj else [])
    if expand_conj:  # "Mali, Burkina Faso and Niger" is often parsed as an apposition with conjuncts
        for ap in [c for c in tok.children if c.dep_ == "appos" and c.i in ctx.mentions and _listed_with(ctx, tok, c)]:
            heads += [ap] + list(ap.conjuncts)
        # "Paul Kagame of Rwanda and William Ruto of Kenya": the parser joins the second name to 'Rwanda'
        heads += [c for h in list(heads) if h.i in ctx.mentions and ctx.mentions[h.i].kind == "person"
                  for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
                  for o in p.children if o.dep_ == "pobj" for c in o.conjuncts
                  if c.i in ctx.mentions and ctx.mentions[c.i].kind == "person"]
        heads += _examples(ctx, heads)
        # "with Trump and Volodymyr Zelensky": the parser makes the first name a modifier of the second
        for h in list(heads):
            if h.pos_ == "PROPN" and h.i in ctx.mentions:
                heads += [c for c in h.children if c.dep_ in ("nmod", "compound") and c.i in ctx.mentions
                          and ctx.mentions[c.i].actor != ctx.mentions[h.i].actor
                          and any(cc.dep_ == "cc" for cc in c.children)]
    for t in heads:
        named = [c for c in t.children if c.dep_ == "appos" and c.i in ctx.mentions] if t.i not in ctx.mentions else []
        if named and t.pos_ == "NOUN":  # "arms Hamas and its ally Islamic Jihad": the name is the referent
            for c in named:
                out.extend(_single_refs(ctx, c, factor, how, place_ok))
            continue
        out.extend(_single_refs(ctx, t, factor, how, place_ok))
    seen: set[str] = set()
    uniq = []
    for r in out:
        if r.actor not in seen:
            seen.add(r.actor)
            uniq.append(r)
    return uniq


def _examples(ctx: DocContext, heads: list[Token]) -> list[Token]:
    """'urged allies, INCLUDING Ottawa', 'Gulf states SUCH AS Qatar and Oman': the named members a plural
    noun (no actor, or a collective one) is said to include stand among those it names."""
    out = []
    for h in heads:
        named = ctx.mentions.get(h.i)  # (a collective names its examples too: 'Gulf states such as Qatar')
        if (named is not None and ctx.type_of(named.actor) != "CollectiveActor") or h.tag_ not in ("NNS", "NNPS"):
            continue
        for p in h.children:
            such_as = p.lower_ == "as" and any(c.lower_ == "such" for c in p.children) or (
                p.lower_ == "as" and p.i > 0 and p.doc[p.i - 1].lower_ == "such")
            if p.dep_ == "prep" and (p.lower_ == "including" or such_as):
                out += [o for q in p.children if q.dep_ == "pobj" for o in [q, *q.conjuncts] if o.i in ctx.mentions]
    return out


def _listed_with(ctx: DocContext, head: Token, ap: Token) -> bool:
    """An actor 'in apposition' to a named actor of another kind is no list member: in "Russia, which
    co-chairs OPEC+ alongside Saudi Arabia, backed …" the parser's appositive OPEC+ does not back."""
    m = ctx.mentions.get(head.i)
    if m is None or m.kind == "person":
        return True
    return ctx.type_of(m.actor) == ctx.type_of(ctx.mentions[ap.i].actor)


def _single_refs(ctx: DocContext, t: Token, factor: float, how: str, place_ok: bool = False) -> list[Ref]:
    """The actors one noun (not its conjuncts) stands for, trying the readings from the most direct
    (a name) to the most distant (the place a target noun is in)."""
    if t.lemma_.lower() in ctx.gz.word_list("civilian_nouns") and t.i not in ctx.mentions:
        return []  # "Chinese engineers" are people from China: they neither act nor stand for it
    m = ctx.mentions.get(t.i)
    if m is not None and m.kind == "demonym" and _bare_plural_people(t):
        return []  # "El Salvador jails VENEZUELANS": people of a state, not the state ('the Iranians' may be)
    if m is not None:
        r = _ref_from_mention(ctx, m, factor, how or "mention", place_ok=place_ok)
        return [r] if r else []
    if t.lower_ in PRONOUNS and t.pos_ == "PRON":
        return [Ref(r.actor, r.sector, r.official, r.factor * factor, how or r.how) for r in _pronoun(ctx, t)]
    if t.lower_ in FIRST_PERSON_PLURAL and t.pos_ == "PRON":
        return [Ref(r.actor, r.sector, r.official, r.factor * factor * 0.85, how or "quoted-speaker")
                for r in _quoted_speaker(ctx, t)]
    if t.lower_ in QUANTIFIERS or t.lower_ in DISTRIBUTIVES or (t.pos_ == "NUM" and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)):
        return _quantified(ctx, t, factor, how, place_ok)
    if t.pos_ not in ("NOUN", "PROPN"):
        return []
    leaders = _led_by(ctx, t, factor, how)  # (a leader named beats an anaphor: 'the junta led by Gen. X')
    if leaders:
        return leaders
    definite = _definite_refs(ctx, t, factor, how)
    if definite is not None:
        return definite
    if any(c.dep_ in ("amod", "compound") and c.lower_ in PAST_OFFICE_WORDS for c in t.subtree if c.i < t.i):
        return []  # 'a retired NATO general', 'former NATO commander James Stavridis': acts for no one now
    if t.lemma_.lower() in ctx.gz.word_list("place_modified_roles") and any(c.dep_ == "poss" for c in t.children):
        # "Islamic State's AFGHAN affiliate": the owner, not the place it operates in
        return [r for c in t.children if c.dep_ == "poss" for r in np_refs(ctx, c, factor=factor, how=how or "affiliate-owner")]
    if t.lemma_.lower() in ctx.gz.word_list("non_state_nouns") or any(
            c.dep_ in ("amod", "compound") and c.lower_ in ctx.gz.word_list("non_state_modifiers") for c in t.children):
        return _non_state_refs(ctx, t, factor, how)  # ('MUTINOUS soldiers' are no state's forces)
    if t.lemma_.lower() in ctx.gz.word_list("counterpart_nouns") and any(c.dep_ == "poss" for c in t.children) \
            and not any(c.dep_ in ("amod", "compound", "nmod") and c.i in ctx.mentions for c in t.children):
        return _counterpart(ctx, t, factor, how)  # ("its Russian allies" names them: the modifiers below)
    mods = [c.lower_ for c in t.lefts if c.dep_ in ("amod", "compound") and c.i not in ctx.mentions]
    sector = ctx.gz.agent_nouns.get(" ".join(mods[-1:] + [t.lemma_.lower()])) or ctx.gz.agent_nouns.get(t.lemma_.lower()) \
        or _titled_of_sector(ctx, t)
    found = _modifier_refs(ctx, t, factor, how, sector)
    if not found and t.lemma_.lower() in ctx.gz.word_list("agentive_of_nouns"):
        # "the efforts of Qatar" is Qatar's efforts; "the decisions of Moldova's institutions"
        found = [r for _, p in prep_objects(ctx, t, ("of",)) for r in _single_refs(ctx, p, factor * 0.9, how or "of-owner")]
    return found or _unnamed_refs(ctx, t, factor, how, sector, place_ok)


def _titled_of_sector(ctx: DocContext, t: Token) -> str | None:
    """'the EMIR of Qatar', 'the prime minister of Israel': a title word with an 'of' phrase is an agent
    noun of the sector the title has (GOV when it names none)."""
    if t.lemma_.lower() not in ctx.title_heads or not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
        return None
    return ctx.title_heads.get(t.lemma_.lower()) or "GOV"


FIRST_PERSON_PLURAL = ("we", "our", "us", "ourselves")
OPENING_QUOTES, CLOSING_QUOTES = ('"', "“"), ('"', "”")


def _quote_end(text: str, at: int) -> int | None:
    """The offset of the quotation mark closing the direct quote that covers offset ``at``, if any
    (straight quotes alternate; curly ones say which way they face)."""
    before = text[:at]
    straight_open = before.count('"') % 2 == 1
    curly_open = before.rfind("“") > before.rfind("”")
    if not (straight_open or curly_open):
        return None
    ends = [i for i in (text.find('"', at) if straight_open else -1, text.find("”", at) if curly_open else -1) if i >= 0]
    return min(ends) if ends else None


def _quoted_speaker(ctx: DocContext, t: Token) -> list[Ref]:
    """'"If the bombings continue, we will strike TTP hideouts," he told Geo News': 'we' inside a direct
    quote is the actor of whoever the quote is attributed to — the subject of the speech verb of the
    sentence where the quote closes."""
    end = _quote_end(ctx.doc.text, t.idx)
    closing = ctx.doc.char_span(end, end + 1, alignment_mode="expand") if end is not None else None
    if closing is None:
        return []
    sent = closing[0].sent
    speech = ctx.gz.word_list("speech_verbs")
    for verb in (v for v in sent if v.pos_ == "VERB" and v.lemma_.lower() in speech and v.idx > end):
        speakers = subject_refs(ctx, verb)
        if speakers:
            return speakers
    return []


def _quantified(ctx: DocContext, t: Token, factor: float, how: str, place_ok: bool) -> list[Ref]:
    """'one of the largest Russian air attacks', 'some of Iran's proxies': look inside the of-phrase."""
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    return _single_refs(ctx, p, factor * 0.95, how or "quantifier", place_ok)
    if t.lower_ in DISTRIBUTIVES and t.dep_ in ("nsubj", "nsubjpass"):
        return [Ref(r.actor, r.sector, r.official, r.factor * factor, how or "distributive") for r in _distributed(ctx, t)]
    return []


# a subject that stands for each of a group named before: "Chile and Brazil criticised Israel, but NEITHER
# has cut ties", "… BOTH recalled their envoys"
DISTRIBUTIVES = ("both", "neither", "each", "none")


def _distributed(ctx: DocContext, t: Token) -> list[Ref]:
    """The latest group of actors named together before a distributive subject, in its sentence or the
    one before."""
    for i, _ in _pronoun_candidates(ctx, t, want_person=False):
        group = _plural_antecedents(ctx, ctx.doc[i])
        if group:
            return group
    return []


def _definite_refs(ctx: DocContext, t: Token, factor: float, how: str) -> list[Ref] | None:
    """'Sudan's army … backed THE ARMY' (the same agent noun named with its owner before); 'the group',
    'the alliance' (the latest actor of the type the noun names). None: no such reading — nor for a
    name the gazetteer does not know ('the planned International Stabilization Force' is no group
    named before: a capitalised head with capitalised compounds is a name)."""
    if t.pos_ == "PROPN" and t.text[:1].isupper() and any(
            c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper() for c in t.children):
        return None
    if t.lemma_.lower() in ctx.gz.agent_nouns and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) \
            and not any(c.dep_ in MODIFIERS for c in t.children):
        same = _same_noun_before(ctx, t, factor, how)
        if same:
            return same
    anaphor = anaphoric(ctx, t)
    if anaphor is not None:
        return [Ref(anaphor.actor, anaphor.sector, None, factor * 0.8, how or "definite-anaphora")]
    return None


def _non_state_refs(ctx: DocContext, t: Token, factor: float, how: str) -> list[Ref]:
    """People who are not their state even with a demonym ('Syrian rebels'); a group named as their
    modifier or possessor is the group ('M23 rebels', 'Houthi fighters', 'its fighters' of a group), or
    whoever leads them ('Syrian rebels led by Hayat Tahrir al-Sham')."""
    for c in t.children:
        m = ctx.mentions.get(c.i)
        if c.dep_ in MODIFIERS and m is not None and ctx.type_of(m.actor) in ("ArmedGroup", "Organisation"):
            return np_refs(ctx, c, factor=factor, how=how or "group-modifier")
        if c.dep_ == "poss" and c.lower_ in PRONOUNS:  # "JNIM said ITS fighters had attacked …": a group's own
            own = [r for r in _pronoun(ctx, c) if ctx.type_of(r.actor) in ("ArmedGroup", "Organisation")]
            if own:
                return [Ref(r.actor, r.sector, r.official, r.factor * factor, how or "group-possessor") for r in own]
    for c in t.children:
        if c.dep_ == "acl":
            for _, p in prep_objects(ctx, c, ("by",)):
                return np_refs(ctx, p, factor=factor * 0.9, how=how or "led-by")
    return []


LEADING_VERBS = ("lead", "head", "run", "command", "chair")


def _led_by(ctx: DocContext, t: Token, factor: float, how: str) -> list[Ref]:
    """'the US-led coalition', 'a Saudi-led intervention', 'the junta led by Gen. Assimi Goita', 'the
    government headed by X': the leader stands for it."""
    for c in t.children:
        if c.dep_ == "acl" and c.lemma_.lower() in LEADING_VERBS and c.tag_ == "VBN":
            leaders = [r for _, p in prep_objects(ctx, c, ("by",)) for r in np_refs(ctx, p, factor=factor * 0.9, how=how or "led-by")]
            if leaders:
                return leaders
    for c in t.children:
        if c.lemma_.lower() == "lead" and c.tag_ == "VBN" and c.dep_ in ("amod", "compound"):
            leaders = [r for cc in c.children if cc.dep_ in ("npadvmod", "compound", "nmod", "amod") and cc.i in ctx.mentions
                       for r in np_refs(ctx, cc, factor=factor * 0.9, how=how or "led-by")]
            if not leaders and c.i > 1 and c.nbor(-1).text == "-" and c.i - 2 in ctx.mentions:
                leaders = np_refs(ctx, c.nbor(-2), factor=factor * 0.9, how=how or "led-by")
            if leaders:
                return leaders
    return []


def nationality_refs(ctx: DocContext, t: Token) -> list[Ref]:
    """'32 Indian fishermen', 'Britain's citizens': the state whose people a civilian noun names. They
    do not stand for it as actors (``_single_refs``), but detaining or expelling them is a measure
    against it (CAMEO 173/174)."""
    if t.lemma_.lower() not in ctx.gz.word_list("civilian_nouns") or t.i in ctx.mentions:
        return []
    found = []
    # ('Chadian nationals', 'Britain's citizens', 'travellers FROM Chad and Eritrea')
    origins = [p for c in t.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children if p.dep_ == "pobj"]
    for c in [c for c in t.children if c.dep_ in MODIFIERS] + [x for p in origins for x in (p, *p.conjuncts)]:
        m = ctx.mentions.get(c.i)
        if m is not None and m.kind != "person" and ctx.type_of(m.actor) == "State":
            found.append(Ref(m.actor, None, None, 0.85, "nationals"))
    return found


def _modifier_refs(ctx: DocContext, t: Token, factor: float, how: str, sector: str | None) -> list[Ref]:
    """'Israeli officials', 'Iran's military', 'the alliance's statement', 'Orban, whose government …',
    'its army': the actors modifying a noun (with the noun's sector when it is an agent noun)."""
    scale = 0.95 if sector or t.lemma_.lower() in ("strike", "attack", "raid") else 0.85
    found: list[Ref] = []
    for c in t.children:
        if c.dep_ not in MODIFIERS:
            continue
        if c.dep_ == "poss" and c.i not in ctx.mentions and pair_noun(ctx, c):  # "the two countries' troops"
            found += [Ref(r.actor, sector, None, r.factor * factor * scale, how or "pair-modifier")
                      for r in args_or_pair(ctx, c, ctx.sent_index.get(c.sent.start, 0), "")]
            continue
        for cc in [c] + list(c.conjuncts) + _hyphen_partners(ctx, c):
            found += _modifier_ref(ctx, t, cc, factor, scale, how or f"modifier:{c.dep_}", how, sector)
    if sector and len(found) > 1:
        found = _group_not_its_host(ctx, t, found)
    return found


def _hyphen_partners(ctx: DocContext, c: Token) -> list[Token]:
    """'the Franco-German plan', 'Sino-Russian ties': the actor joined to a modifier by a hyphen (the
    parser hangs it under the modifier) modifies the noun too."""
    if c.i not in ctx.mentions:
        return []  # ("the Iran-backed Houthis": 'Iran' is the participle's agent, not a second modifier)
    return [g for g in c.children if g.dep_ in ("compound", "amod", "npadvmod") and g.i in ctx.mentions
            and g.i + 2 == c.i and ctx.doc[g.i + 1].text == "-" and not g.whitespace_]


def _modifier_ref(ctx: DocContext, t: Token, cc: Token, factor: float, scale: float, label: str, how: str,
                  sector: str | None) -> list[Ref]:
    m = ctx.mentions.get(cc.i)
    if m is not None:
        if m.kind == "demonym" and not sector and ctx.type_of(m.actor) == "CollectiveActor":
            return []  # "Gulf soil", "European waters": a region, not the collective acting or acted upon
        r = _ref_from_mention(ctx, m, factor * scale, label, sector)
        return [r] if r else []
    if cc.dep_ == "poss" and cc.pos_ == "NOUN" and anaphoric(ctx, cc) is not None:
        a = anaphoric(ctx, cc)
        return [Ref(a.actor, sector or a.sector, None, factor * scale * 0.8, how or "definite-anaphora")]
    if cc.dep_ == "poss" and cc.tag_ == "WP$":
        rel = t
        while rel.dep_ != "relcl" and rel.head != rel:
            rel = rel.head
        if rel.dep_ == "relcl":
            return [Ref(r.actor, sector or r.sector, r.official, r.factor * factor * 0.9, how or "whose")
                    for r in np_refs(ctx, rel.head, expand_conj=False)]
        return []
    if cc.dep_ == "poss" and cc.lower_ in PRONOUNS:
        return [Ref(r.actor, sector or r.sector, r.official, r.factor * factor * scale, how or "pronoun")
                for r in _pronoun(ctx, cc)]
    return []


def _group_not_its_host(ctx: DocContext, t: Token, found: list[Ref]) -> list[Ref]:
    """'Afghanistan's Taliban government', 'Yemen's Houthi rebels': the armed group named as modifier is
    the actor; the possessive state only says where it is (only the possessor that carries the "'s":
    in "Pakistan and Afghanistan's Taliban government" Pakistan is a party of its own)."""
    named = {ctx.mentions[c.i].actor for c in t.children if c.dep_ in ("compound", "amod", "nmod")
             and c.i in ctx.mentions and ctx.type_of(ctx.mentions[c.i].actor) == "ArmedGroup"}
    located = {ctx.mentions[cc.i].actor for c in t.children if c.dep_ == "poss" for cc in [c] + list(c.conjuncts)
               if cc.i in ctx.mentions and any(k.dep_ == "case" for k in cc.children)}
    if named and located:
        return [r for r in found if r.actor in named or r.actor not in located]
    return found


def _unnamed_refs(ctx: DocContext, t: Token, factor: float, how: str, sector: str | None, place_ok: bool) -> list[Ref]:
    """No actor modifies the noun: 'facilities used by Iran's Revolutionary Guards' (its user), 'nine
    sites in Pakistan' (the place a target is in), 'officials in Tehran', 'the government of Iran'."""
    found: list[Ref] = []
    for c in t.children:
        if c.dep_ == "acl" and c.lemma_.lower() in ctx.gz.word_list("holder_participles"):
            for _, p in prep_objects(ctx, c, ("by",)):
                found += np_refs(ctx, p, factor=factor * 0.85, how=how or "held-by")
    if not found and not sector and place_ok:
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "inside", "across", "near", "of", "throughout"):
                for p in c.children:
                    if p.dep_ == "pobj" and not (c.lower_ == "near" and p.lemma_.lower() in BORDER_NOUNS):
                        # ("positions NEAR the Algerian border" are not in Algeria)
                        found += np_refs(ctx, p, factor=factor * 0.85, how=how or "place-of-target", place_ok=True)
    if not found and sector:
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "in", "from"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        for pp in [p] + list(p.conjuncts):
                            m = ctx.mentions.get(pp.i)
                            if m is not None and m.kind != "person":
                                found.append(Ref(m.actor, sector, None, factor * 0.9, how or "agent-of"))
                            elif m is None and pp.lemma_.lower() in ctx.gz.agent_nouns and not pair_noun(ctx, pp) \
                                    and any(c.dep_ == "poss" for c in pp.children):  # "the chief OF SUDAN'S ARMY"
                                found += [Ref(r.actor, sector, None, r.factor * factor * 0.85, how or "agent-of-part")
                                          for r in np_refs(ctx, pp, expand_conj=False) if r.official is None]
                        if not found and p.i not in ctx.mentions and pair_noun(ctx, p):  # "officials of the two countries"
                            found += [Ref(r.actor, sector, None, factor * r.factor * 0.9, how or "agent-of-pair")
                                      for r in args_or_pair(ctx, p, ctx.sent_index.get(p.sent.start, 0), "")]
    return found


BORDER_NOUNS = ("border", "frontier", "boundary")


def window_start(ctx: DocContext, sent_idx: int, back: int = 3) -> int:
    """Index of the first token of sentence ``sent_idx - back`` (or of the document): how far back the
    context-resolving rules look for an antecedent."""
    return min((tok for tok, k in ctx.sent_index.items() if k >= sent_idx - back), default=0)


def _same_noun_before(ctx: DocContext, t: Token, factor: float, how: str) -> list[Ref]:
    """'Sudan's army accused the RSF … Egypt and Turkey have backed the army': a bare definite agent
    noun is the one named with its owner latest, in this or the three previous sentences."""
    first = window_start(ctx, ctx.sent_index.get(t.sent.start, 0))
    for i in range(t.i - 1, first - 1, -1):
        prev = ctx.doc[i]
        if prev.lemma_.lower() == t.lemma_.lower() and prev.pos_ == "NOUN" \
                and any(c.dep_ in MODIFIERS and c.i in ctx.mentions for c in prev.children):
            return [Ref(r.actor, r.sector, None, r.factor * factor * 0.8, how or "same-noun")
                    for r in np_refs(ctx, prev, expand_conj=False)]
    return []


FINITE_PAST = ("VBD", "VBZ")
BARE_AUX = ("would", "will", "could", "can", "might", "may", "must", "should", "to", "wo", "ca")


def coordination_head(v: Token) -> Token:
    """The verb ``v`` is really coordinated with. The parser often hangs a finite verb on the bare
    verb of the complement just before it: in "said Kyiv would receive a response and accused the
    West", *accused* is the speaker's second act, not Kyiv's — "would accused" is not English. So a
    past/present-tense conjunct of a bare verb under a modal, inside a complement clause, belongs to
    the clause above."""
    head = v.head
    if v.dep_ == "conj" and v.tag_ in FINITE_PAST and head.tag_ == "VB" and head.dep_ in ("ccomp", "xcomp") \
            and any(c.dep_ == "aux" and c.lower_ in BARE_AUX for c in head.children) \
            and not any(c.dep_ in SUBJ for c in v.children):
        return head.head
    if v.dep_ == "conj" and v.tag_ == "VBG" and head.tag_ == "VB" and not any(c.dep_ in SUBJ for c in v.children):
        # "adding that China supports Myanmar's efforts to restore stability and urging the two sides …":
        # a participle is no conjunct of an infinitive; it goes with the participle above ('adding')
        above = next((a for a in head.ancestors if a.tag_ == "VBG" and a.dep_ in ("advcl", "conj", "xcomp")), None)
        if above is not None:
            return above
    if v.dep_ == "conj" and _infinitive(v) and not _infinitive(head) and head.dep_ == "relcl":
        # "urged them to condemn Hamas, whose assault set off the war, and to support …": a
        # to-infinitive is no conjunct of a relative clause's finite verb; it goes with the infinitive above
        above = next((a for a in head.ancestors if _infinitive(a)), None)
        if above is not None:
            return above
    return head


def _infinitive(v: Token) -> bool:
    return v.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)


def comma_antecedent(pronoun: Token) -> Token | None:
    """', which …' the parser did not attach as a relative clause ('… condemn France and Ukraine, which
    the three governments accuse of …' parsed as a complement): the noun phrase before the comma —
    the head of its coordination."""
    i = pronoun.i - 1
    if i < 1 or pronoun.doc[i].text != ",":
        return None
    tok = pronoun.doc[i - 1]
    while tok.dep_ == "conj" and tok.head != tok and tok.head.pos_ in ("PROPN", "NOUN"):
        tok = tok.head
    return tok if tok.pos_ in ("PROPN", "NOUN") else None


def relative_clause(v: Token) -> Token | None:
    """The relative clause whose pronoun is an argument of ``v``: ``v`` itself, or the clause that
    reports or governs ``v`` ("the Emirates, which UN experts say has funnelled weapons to the RSF":
    'which' is the subject of 'funnelled', a complement of the relative clause 'say'; "the United
    States, which it continues to press": the object of 'press', under 'continues')."""
    while v.dep_ in ("ccomp", "xcomp") and v.head != v:
        v = v.head
    return v if v.dep_ == "relcl" else None


def _relayed(refs: list[Ref], factor: float, how: str) -> list[Ref]:
    return [Ref(r.actor, r.sector, r.official, r.factor * factor, how) for r in refs]


def _passive_agent(ctx: DocContext, v: Token) -> list[Ref] | None:
    """'armed and financed by Iran', '…, hosted by Kazakhstan': the agent of a passive (shared by
    coordinated participles), or [] for a passive with a surface subject and no agent — the answer;
    None when the subject is to be looked for elsewhere."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) or (v.tag_ == "VBN" and v.dep_ == "conj") \
        or (v.tag_ == "VBN" and any(c.dep_ == "agent" for c in v.children))
    if not passive:
        return None
    for verb in [v] + list(v.conjuncts):
        for c in verb.children:
            if c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return np_refs(ctx, p, how="passive-agent")
    return [] if any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) else None


def _own_subject(ctx: DocContext, v: Token) -> list[Ref] | None:
    """The verb's own subject: a relative pronoun's noun ('the three governments, which have turned to
    Russia'), a numbered group or pair ('the two allies'), else the noun phrase. None: no subject."""
    for c in v.children:
        if c.dep_ not in ("nsubj", "csubj", "expl"):
            continue
        rel = relative_clause(v) if c.tag_ in ("WDT", "WP") else None
        antecedent = rel.head if rel is not None else (comma_antecedent(c) if c.tag_ in ("WDT", "WP") else None)
        if antecedent is not None:
            pronoun, c = c, antecedent
            if not (_group_size(ctx, c) > 2 or pair_noun(ctx, c)):
                # ("cooperation with Israel and the United States, which lifted an embargo": the nearest,
                # unless the verb agrees with all: "Qatar and Egypt, which have mediated")
                nearest = c.dep_ == "conj" and c.i in ctx.mentions and not _plural_verb(v)
                return np_refs(ctx, c, factor=0.95, how="relative", conj_before=pronoun.i, expand_conj=not nearest)
        group = numbered_group(ctx, c, ctx.sent_index.get(c.sent.start, 0))
        if group is not None:
            return group
        if pair_noun(ctx, c):
            return resolve_pair(ctx, ctx.sent_index.get(c.sent.start, 0),
                                cooperative=c.lemma_.lower() in ("ally", "partner"), before=c.idx,
                                neighbours=_neighbour_noun(c), exclude=_acting(ctx, c),
                                kinds=ctx.gz.anaphors.get(c.lemma_.lower()))
        refs = np_refs(ctx, c, how="subject")
        m = ctx.mentions.get(c.i)
        if m is not None and m.kind == "person":
            known = {r.official for r in refs}
            refs += [r for r in _titled_names_before(ctx, c) if r.official not in known]
        return refs
    return None


NAME_PARTICLES = ("von", "der", "van", "de", "del", "da", "bin", "ibn", "al", "el", "la", "le")


def _titled_names_before(ctx: DocContext, subj: Token) -> list[Ref]:
    """'Prime Minister Keir Starmer, European Commission President Ursula von der Leyen and European
    Council President Antonio Costa signed …': the small parser keeps only the last name of a list of
    titled names as the subject; every person named in the unbroken run of names, titles, commas and
    'and' just before it is a subject too (a list: at least one 'and')."""
    people: list[Mention] = []
    seen_and = False
    for i in range(subj.i - 1, subj.sent.start - 1, -1):
        t = ctx.doc[i]
        if t.lower_ == "and":
            seen_and = True
        elif not (t.text == "," or t.text[:1].isupper() or t.lower_ in NAME_PARTICLES or t.text in ("'s", "-")):
            break
        m = ctx.mentions.get(i)
        if m is not None and m.kind == "person" and m.end <= subj.i and all(p.actor != m.actor for p in people) \
                and m.actor != ctx.mentions[subj.i].actor:
            people.append(m)
    if not seen_and:
        return []
    return [r for m in people for r in [_ref_from_mention(ctx, m, 0.85, "listed-subject")] if r]


def _plural_verb(v: Token) -> bool:
    """Does the clause of ``v`` agree with a plural subject ('have mediated', 'are', 'were')?"""
    return any(t.tag_ == "VBP" or t.lower_ in ("are", "were", "have") for t in [v, *(c for c in v.children if c.dep_ in ("aux", "auxpass"))])


def _object_control_noun(ctx: DocContext, noun: Token) -> bool:
    """'Western pressure to condemn the group', 'the EU's demand to free him': the one pressed or asked
    does what the infinitive says, not the noun's owner."""
    asking = set(ctx.gz.vocabulary.playing("appeal")) | set(ctx.gz.vocabulary.playing("demand"))
    return any(t.relation in asking for t in ctx.gz.triggers.get((noun.lemma_.lower(), "NOUN"), []))


def _noun_owners(ctx: DocContext, noun: Token) -> list[Token]:
    """Who owns a noun: its possessor ('Bahrain's decision'), else an actor named as its modifier
    ('Western efforts', 'U.S. attempts')."""
    poss = [c for c in noun.children if c.dep_ == "poss"]
    return poss or [c for c in noun.children if c.dep_ in ("amod", "compound") and c.i in ctx.mentions
                    and not ctx.mentions[c.i].location]


def _controlled_subject(ctx: DocContext, v: Token, depth: int) -> list[Ref]:
    """An infinitive's subject: the object of an object-control verb ('urged ISRAEL to refrain',
    'called on TEHRAN to resume'), else the subject of the verb above ('Iran wants to avoid')."""
    head = v.head
    if head.lemma_.lower() in ctx.gz.word_list("object_control"):
        for c in head.children:
            if c.dep_ in ("dobj", "dative"):
                return _relayed(np_refs(ctx, c), 0.9, "object-control")
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "upon"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        return _relayed(np_refs(ctx, p), 0.9, "object-control")
    return _relayed(subject_refs(ctx, head, depth + 1), 0.9, "control")


def _conjunct_subject(ctx: DocContext, v: Token, depth: int) -> list[Ref]:
    """A coordinated verb's subject is its first conjunct's; 'The Houthis said five fighters were killed
    and vowed …': when no actor did the first, the second is the speaker's act."""
    head = coordination_head(v)
    refs = subject_refs(ctx, head, depth + 1)
    if not refs and head.dep_ == "ccomp" and not any(c.dep_ in SUBJ for c in v.children):
        refs = subject_refs(ctx, head.head, depth + 1)
    return _relayed(refs, 0.9, "conj-subject")


def _adverbial_subject(ctx: DocContext, v: Token, depth: int) -> list[Ref]:
    """'…, arming Hezbollah': the main clause's subject; 'Maduro was sworn in, defying the United
    States': a passive clause's surface subject; a participle the parser hung inside an embedded
    clause ('cultivated what analysts describe as a proxy network, arming Hezbollah'): the main one's."""
    head = v.head
    refs = subject_refs(ctx, head, depth + 1)
    if not refs:
        refs = [r for c in head.children if c.dep_ == "nsubjpass" for r in np_refs(ctx, c)]
    if not refs and head.dep_ in ("ccomp", "relcl", "xcomp") and head.head.pos_ in ("VERB", "AUX", "NOUN"):
        above = head.head if head.head.pos_ != "NOUN" else head.head.head
        refs = subject_refs(ctx, above, depth + 1) if above.pos_ in ("VERB", "AUX") else []
    return _relayed(refs, 0.85, "adverbial")


def _purpose_subject(ctx: DocContext, v: Token, depth: int) -> list[Ref]:
    """'drones sent to defend Libya's government': a purpose is the main clause's actor's; under a
    passive with no agent, the ones sent ('troops are stationed in the kingdom to train Saudi forces')."""
    head = v.head
    refs = subject_refs(ctx, head, depth + 1)
    if not refs and any(c.dep_ == "auxpass" for c in head.children):
        refs = [r for c in head.children if c.dep_ == "nsubjpass" for r in np_refs(ctx, c)]
    return _relayed(refs, 0.85, "purpose")


def subject_refs(ctx: DocContext, v: Token, depth: int = 0) -> list[Ref]:
    """Who does ``v``: its subject, the passive agent, or — for infinitives, conjuncts, participles,
    purposes and relative clauses — the subject it inherits (object control for 'urge X to …')."""
    if depth > 4:
        return []
    agent = _passive_agent(ctx, v)
    if agent is not None:
        return agent
    own = _own_subject(ctx, v)
    if own is not None:
        return own
    head = v.head
    if head == v:
        return []
    accused = accused_refs(ctx, v)
    if accused is not None:  # "accused the UAE of supplying the RSF": the UAE is the one supplying
        return accused
    role_holder = role_taker(ctx, v)
    if role_holder is not None:  # "Egypt played a central role in mediating between Israel and Hamas"
        return role_holder
    if v.dep_ == "xcomp":
        return _controlled_subject(ctx, v, depth)
    if v.dep_ in ("acomp", "attr") and head.pos_ in ("VERB", "AUX"):  # "negotiators are due to meet"
        return subject_refs(ctx, head, depth + 1)
    if v.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        return _conjunct_subject(ctx, v, depth)
    if v.dep_ == "ccomp" and v.tag_ == "VBG" and head.tag_ == "VBG":
        # "…, saying the damage fit a pattern and urging the EU to …": the parser hangs the second
        # participle under the first; it is the same speaker's act
        return _relayed(subject_refs(ctx, head, depth + 1), 0.9, "conj-subject")
    owners = _noun_owners(ctx, head) if v.dep_ == "acl" and head.pos_ == "NOUN" and not _object_control_noun(ctx, head) else []
    if owners and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        # "Bahrain's decision to normalise relations", "Morocco's bid to join", "Western efforts to
        # isolate Russia": the owner acts
        return [r for c in owners for r in np_refs(ctx, c, factor=0.85, how="noun-control")]
    if v.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
        found = np_refs(ctx, head, factor=0.9, how="participle-head")
        if not found and head.lemma_.lower() in ctx.gz.word_list("document_nouns") and head.dep_ == "dobj":
            # "the European Parliament passed a resolution CONDEMNING Bangkok": a text says what its author does
            return _relayed(subject_refs(ctx, head.head, depth + 1), 0.85, "document-author")
        return found
    if v.dep_ == "advcl" and v.tag_ == "VBG":
        return _adverbial_subject(ctx, v, depth)
    if v.dep_ == "advcl" and _infinitive(v):
        if v.head.lemma_.lower() in ctx.gz.word_list("object_control") and any(c.dep_ == "dobj" for c in v.head.children):
            return _controlled_subject(ctx, v, depth)  # "the raid led Pakistan to expel …" parsed as a purpose
        return _purpose_subject(ctx, v, depth)
    controller = _prepositional_controller(ctx, v)
    if controller is not None:  # "warned Riyadh against joining the accords": Riyadh would be joining
        return controller
    if v.dep_ in ("pcomp", "pobj") and v.tag_ == "VBG":  # "suffered losses after weeks of fighting with the RSF"
        gv = governor(v)
        if gv is not None and gv != v:
            return _relayed(subject_refs(ctx, gv, depth + 1), 0.8, "gerund")
    return []


PROSPECTIVE_CONTROL_PREPS = ("against", "from", "into")  # the act is not (yet) done: hypothetical
OBJECT_CONTROL_PREPS = PROSPECTIVE_CONTROL_PREPS + ("for",)  # 'thanked X for helping': done


def _prepositional_controller(ctx: DocContext, v: Token) -> list[Ref] | None:
    """The object of 'warned X AGAINST joining', 'barred X FROM buying', 'pushed X INTO signing' is the
    one who would do the gerund, and of 'thanked X FOR helping' the one who did it (a conjoined gerund
    too: 'against joining … and normalising ties');
    None when ``v`` is no such gerund."""
    g = coordination_head(v) if v.dep_ == "conj" else v
    if g.tag_ != "VBG" or g.dep_ not in ("pcomp", "pobj") or g.head.dep_ != "prep" \
            or g.head.lower_ not in OBJECT_CONTROL_PREPS or g.head.head.pos_ not in ("VERB", "AUX"):
        return None
    objs = [c for c in g.head.head.children if c.dep_ == "dobj"]
    if not objs:
        return None
    # "sanctioned two Chinese firms for supplying Iran": the firms did it, an actor or not
    return _relayed([r for o in objs for r in np_refs(ctx, o)], 0.9, "object-control")


def accusation(ctx: DocContext, tok: Token) -> Token | None:
    """The accusing verb when ``tok`` is what someone is accused OF / blamed FOR."""
    head = tok.head
    if tok.dep_ not in ("pcomp", "pobj") or head.dep_ != "prep" or head.lower_ not in ("of", "for"):
        return None
    verbs = ctx.gz.word_list("accusation_verbs")
    if head.head.lemma_.lower() in verbs:
        return head.head
    accused = head.head  # "accused Thai troops OF opening fire": the parser may hang the 'of' on the accused
    if tok.tag_ == "VBG" and accused.dep_ == "dobj" and accused.head.lemma_.lower() in verbs:
        return accused.head
    return None


def accused_refs(ctx: DocContext, tok: Token) -> list[Ref] | None:
    """Who an accusation verb above ``tok`` accuses ("accused Rwanda of backing the M23"), or None when
    ``tok`` is not the content of an accusation: the accused, not the accuser, did the act."""
    verb = accusation(ctx, tok)
    if verb is None:
        return None
    out = []
    for c in verb.children:
        if c.dep_ not in ("dobj", "nsubjpass"):
            continue
        rel = relative_clause(verb) if c.tag_ in ("WDT", "WP") else None
        # "the Emirates, which the army accuses of arming the RSF": the accused is the described noun;
        # of "Congo and Rwanda, which Kinshasa accuses", not the accuser itself
        refs = np_refs(ctx, rel.head, conj_before=c.i) if rel is not None else np_refs(ctx, c)
        if rel is not None and len(refs) > 1:
            accusers = {r.actor for r in subject_refs(ctx, verb)}
            refs = [r for r in refs if r.actor not in accusers] or refs
        out += [Ref(r.actor, r.sector, r.official, r.factor * 0.9, "accused") for r in refs]
    return out


def role_noun_of(ctx: DocContext, tok: Token) -> Token | None:
    """The role noun of 'a role in ``tok``' ('played a central ROLE in the mediation': the parser may hang
    the 'in' on the verb that takes the role), or None."""
    prep = tok.head
    if tok.dep_ not in ("pobj", "pcomp") or prep.lower_ not in ("in", "for"):
        return None
    roles = ctx.gz.word_list("agent_role_nouns")
    if prep.head.lemma_.lower() in roles:
        return prep.head
    if prep.head.pos_ in ("VERB", "AUX"):
        return next((c for c in prep.head.children if c.dep_ == "dobj" and c.lemma_.lower() in roles), None)
    return None


def role_taker(ctx: DocContext, tok: Token) -> list[Ref] | None:
    """Who takes part in an event named after 'a role/part/hand in' ('Egypt PLAYED a central ROLE IN the
    mediation', 'Qatar's role in mediating', 'denied any part in the attack'): the subject of the verb
    that takes the role noun, or the role noun's possessor. None: ``tok`` is in no such phrase."""
    role = role_noun_of(ctx, tok)
    if role is None:
        return None
    owners = [r for c in role.children if c.dep_ == "poss" for r in np_refs(ctx, c, factor=0.9, how="role-owner")]
    if owners:
        return owners
    if role.dep_ in ("dobj", "attr") and role.head.pos_ in ("VERB", "AUX"):
        return [Ref(r.actor, r.sector, r.official, r.factor * 0.9, "role-taker") for r in subject_refs(ctx, role.head)]
    return None


def prep_objects(ctx: DocContext, tok: Token, preps: Iterable[str]) -> list[tuple[str, Token]]:
    """(preposition, its object) for the trigger's own prepositions among ``preps`` ("pressure ON Israel"):
    a trigger's lexicon entry names the prepositions that introduce its target."""
    preps = set(preps)
    out = []
    comparatives = [a for a in tok.children if a.dep_ == "advmod" and a.tag_ in ("RBR", "JJR")]
    for c in list(tok.children) + [c for a in comparatives for c in a.children]:  # ('drew closer TO China')
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            for p in c.children:
                # ('pressed ON BEHALF of Hungarians in Ukraine', 'met ON THE SIDELINES of the summit':
                # a preposition with one of these nouns is part of a longer preposition, no target's)
                if p.dep_ == "pobj" and p.lower_ not in ctx.gz.word_list("complex_preposition_nouns"):
                    out.append((c.lower_, p))
    return out


def event_partners(ctx: DocContext, event: Token, preps: Iterable[str], how: str = "") -> list[Ref]:
    """The actors an event noun's own target prepositions name ('arms sales TO ISRAEL', 'imports OF
    LITHUANIAN goods'): whom a measure or a stance on that event is aimed at."""
    return [r for _, p in prep_objects(ctx, event, preps) for r in np_refs(ctx, p, how=how)]


def main_governor(tok: Token) -> Token | None:
    """The governor of an adjunct the parser hung on a participle that describes the clause's object
    ('struck positions HELD by mutineers in Cotonou AT THE REQUEST of Benin's government'): the main verb."""
    gv = governor(tok)
    if gv is not None and gv.dep_ == "acl" and gv.tag_ == "VBN" and gv.head.dep_ in ("dobj", "pobj"):
        return governor(gv.head) or gv
    return gv


def governor(tok: Token) -> Token | None:
    """The verb a noun is an argument of ('strikes' in 'might permit Israeli strikes' -> permit)."""
    cur = tok
    for _ in range(6):
        if cur != tok and cur.pos_ in ("VERB", "AUX"):
            return cur  # "shot down ... with help from the US": reached the verb the phrase hangs on
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


def actor_pairs(refs: list[Ref]) -> Iterator[tuple[Ref, Ref]]:
    """Every unordered pair of distinct actors among ``refs``, in order: the sides of a mediation or a
    talk between several parties."""
    for i, a in enumerate(refs):
        for b in refs[i + 1:]:
            if a.actor != b.actor:
                yield a, b


def _counterpart(ctx: DocContext, t: Token, factor: float, how: str) -> list[Ref]:
    """'its neighbour', 'Moscow's ally', 'their rival': someone other than the possessor. A neighbour is
    the latest-named state, in this or the three previous sentences, that borders the possessor
    (ag:neighbourOf); the others are left unresolved rather than taken for the possessor."""
    if t.lemma_.lower() not in ("neighbour", "neighbor"):
        return []
    poss = [c for c in t.children if c.dep_ == "poss"]
    gv = governor(t)
    if all(c.lower_ in PRONOUNS for c in poss) and gv is not None and t.dep_ not in ("nsubj", "nsubjpass", "csubj"):
        # "called on Beijing to restrain its neighbour", "Algeria accused its neighbour": the doer's own
        owners = {r.actor for r in subject_refs(ctx, gv)}
    else:
        owners = {r.actor for c in poss for r in np_refs(ctx, c, expand_conj=False)}
    near = set().union(*(ctx.gz.neighbours.get(o, set()) for o in owners)) if owners else set()
    first = window_start(ctx, ctx.sent_index.get(t.sent.start, 0))
    for i in range(t.i - 1, first - 1, -1):
        m = ctx.mentions.get(i)
        if m is not None and m.actor in near and not m.location:
            return [Ref(m.actor, None, None, factor * 0.75, how or "neighbour-of")]
    return []


def _neighbour_noun(tok: Token) -> bool:
    return tok.lemma_.lower() in ("neighbour", "neighbor") or tok.lower_ in ("neighbours", "neighbors")


def adversarial(ctx: DocContext) -> frozenset[str]:
    """Relations between sides a mediator goes between: conflict (ag:sign -1) or talks (ag:extractionRole)."""
    voc = ctx.gz.vocabulary
    return frozenset(r.name for r in voc if r.sign < 0) | frozenset(voc.playing("talks"))


def resolve_pair(ctx: DocContext, sent_idx: int, cooperative: bool = True, before: int | None = None,
                 neighbours: bool = False, adversaries: bool = False, exclude: frozenset[str] = frozenset(),
                 kinds: frozenset[str] | None = None) -> list[Ref]:
    """'the two allies' -> the parties of the most salient cooperative interaction before here;
    'both sides' / 'the warring parties' (``cooperative=False``) -> of the most salient one of any kind.
    Only interactions stated before the anaphor (char offset ``before``) can be its antecedent: in "The
    two leaders criticised China", China is not one of the two.

    ``neighbours`` ('the two neighbours'): only two states that border each other (ag:neighbourOf) —
    the pair of any interaction between them, else the two most recently named ones.

    ``adversaries`` ('mediated between the two capitals'): a mediator goes between sides that fight,
    quarrel or negotiate, not between friends — only such a pair. ``exclude``: actors the pair cannot
    contain (the subject acting on it). ``kinds``: the actor types the noun admits ('the two states' are
    no armed group, ontology/lexicon.ttl ag:AnaphoricNoun)."""
    signs = {name: r["sign"] for name, r in ctx.gz.relations.items()}
    mediation, sides = ctx.gz.vocabulary.playing("mediation"), adversarial(ctx)
    hostile = {frozenset((ix.source, ix.target)) for _, _, ix in ctx.salience
               if signs.get(ix.relation, 0) < 0 and ix.modality in ("asserted", "reported")} if cooperative else set()
    for s in range(sent_idx, max(-1, sent_idx - 4), -1):
        cands = [(d, ix) for si, d, ix in ctx.salience if si == s
                 and (signs.get(ix.relation, 0) > 0 or not cooperative or neighbours)
                 and (before is None or ix.trigger_start < before)
                 and ix.relation not in mediation and (not adversaries or ix.relation in sides)
                 and (neighbours or frozenset((ix.source, ix.target)) not in hostile)
                 and (not neighbours or ix.target in ctx.gz.neighbours.get(ix.source, ()))
                 and _pair_type_ok(ctx, ix.source, cooperative) and _pair_type_ok(ctx, ix.target, cooperative)
                 and ix.source not in exclude and ix.target not in exclude
                 and (kinds is None or {ctx.type_of(ix.source), ctx.type_of(ix.target)} <= kinds)]
        if cands:
            _, ix = min(cands, key=lambda c: c[0])
            return [Ref(ix.source, None, None, 0.85, "pair-anaphora"), Ref(ix.target, None, None, 0.85, "pair-anaphora")]
        named = [g for g in coordinated_groups(ctx, list(ctx.doc.sents)[s], before)[::-1]
                 if exclude and len(g) == 2 and not set(g) & exclude]
        if named:  # "its alliance with Tokyo and Seoul … defend both allies": the two named together
            return [Ref(a, None, None, 0.8, "pair-anaphora") for a in named[0]]
    return _named_neighbours(ctx, sent_idx, before) if neighbours else []


def _named_neighbours(ctx: DocContext, sent_idx: int, before: int | None) -> list[Ref]:
    """The latest-named state and the latest-named of its neighbours, within this and the three
    previous sentences ("a Venezuelan patrol boat near Guyana's platforms ... The two neighbours")."""
    start = window_start(ctx, sent_idx)
    order: list[str] = []  # states by recency, latest first
    for i in range(len(ctx.doc) - 1, start - 1, -1):
        m = ctx.mentions.get(i)
        if m is None or (before is not None and ctx.doc[i].idx >= before) or m.location:
            continue
        actor = ctx.gz.actors.get(m.actor)
        if actor is not None and actor.type == "State" and m.actor not in order:
            order.append(m.actor)
    for k, a in enumerate(order):
        for b in order[k + 1:]:
            if b in ctx.gz.neighbours.get(a, ()):
                return [Ref(a, None, None, 0.7, "neighbour-anaphora"), Ref(b, None, None, 0.7, "neighbour-anaphora")]
    return []


def _pair_type_ok(ctx: DocContext, actor: str, cooperative: bool) -> bool:
    a = ctx.gz.actors.get(actor)
    if a is None:
        return False
    return a.type == "State" if cooperative else a.type in ("State", "ArmedGroup", "Organisation")


def args_or_pair(ctx: DocContext, tok: Token, sent_idx: int, how: str, place_ok: bool = False,
                 adversaries: bool = False) -> list[Ref]:
    """The actors a noun phrase stands for, resolving 'the three governments' and 'the two sides'."""
    group = numbered_group(ctx, tok, sent_idx)
    if group is not None:
        return group
    if pair_noun(ctx, tok):
        # ("the warring parties", "the rival sides": the sides of a conflict, not any pair)
        adversaries = adversaries or any(c.lower_ in ctx.gz.word_list("adversarial_pair_modifiers") for c in tok.children)
        return collective_pair(ctx, tok, sent_idx) or resolve_pair(
            ctx, sent_idx, cooperative=tok.lemma_.lower() in ("ally", "partner") and not adversaries,
            before=tok.idx, neighbours=_neighbour_noun(tok), adversaries=adversaries, exclude=_acting(ctx, tok),
            kinds=ctx.gz.anaphors.get(tok.lemma_.lower()))
    return np_refs(ctx, tok, how=how, place_ok=place_ok)


def _acting(ctx: DocContext, tok: Token) -> frozenset[str]:
    """The actors doing what ``tok`` undergoes ('the EU pressed both governments') or speaking of it
    ('Washington hoped both countries would cooperate'): the pair is never one of them."""
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ in ("ccomp", "xcomp") and tok.head.head.pos_ in ("VERB", "AUX"):
        # "Washington hoped both countries would cooperate": whoever speaks of the pair is not in it
        return frozenset(r.actor for r in subject_refs(ctx, tok.head.head))
    if tok.dep_ not in ("dobj", "dative", "pobj") or (tok.dep_ == "pobj" and tok.head.head.pos_ != "VERB"):
        return frozenset()  # ("the war between the two countries": a noun's pair, not the clause's object)
    gv = governor(tok)
    return frozenset(r.actor for r in subject_refs(ctx, gv)) if gv is not None and gv != tok else frozenset()


def event_owner(ctx: DocContext, noun: Token, subjects: list[Ref], any_event: bool = False) -> list[Ref]:
    """Who did the event a noun names ('condemned the raids', 'a move Egypt condemned'): its own
    possessor/modifier or agent, else the same noun named before with its owner, else (for a claim)
    its author, else the clause or event it refers back to — never the subject's own."""
    subj = {r.actor for r in subjects}
    own = _own_event_owner(ctx, noun, subj) or _same_head_owner(ctx, noun, subj)
    if own:
        return own
    lemma = noun.lemma_.lower()
    if any(c.dep_ == "prep" and c.lower_ in ("against", "on") and any(p.i in ctx.mentions for p in c.children)
           for c in noun.children):
        return []  # "blocked sanctions against Belgrade" names its own event, ownerless; it refers back to none
    parties = [r for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"
               for p in c.children if p.dep_ == "pobj" for r in np_refs(ctx, p, factor=0.85, how="event-parties")
               if r.actor not in subj]
    if parties:
        return parties  # "protested an accord between Turkey and the Tripoli government": its own parties
    if lemma in ctx.gz.word_list("report_nouns"):
        return _claim_author(ctx, noun, subj)
    generic = any_event or lemma in ctx.gz.word_list("generic_event_nouns")
    if not generic and (lemma, "NOUN") not in ctx.gz.triggers:
        return []
    if generic:
        summed = _summed_up_clause(ctx, noun, subj, any_event)
        if summed:
            return summed
    return _earlier_event(ctx, noun, subj, generic)


def _own_event_owner(ctx: DocContext, noun: Token, subj: set[str]) -> list[Ref]:
    """The event noun's own possessor or modifier, or its agent ('defied calls from the EU')."""
    own = np_refs(ctx, noun, expand_conj=False, factor=0.9, how="event-owner") or _light_relative_owner(ctx, noun, subj)
    # ("a proposal drafted by Germany and France": the agent of the participle that describes it)
    agents = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")] + [
        a for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" for a in c.children if a.dep_ == "agent"]
    return own + [r for c in agents for p in c.children if p.dep_ == "pobj"
                  for r in np_refs(ctx, p, factor=0.9, how="event-agent") if r.actor not in subj]


def _light_relative_owner(ctx: DocContext, noun: Token, subj: set[str]) -> list[Ref]:
    """'supported the steps Baku had taken', 'the measures Washington imposed': a relative clause whose
    light verb takes the noun as its object names who did the act."""
    light = ctx.gz.word_list("light_verbs")
    return [r for c in noun.children if c.dep_ == "relcl" and c.lemma_.lower() in light
            and not any(o.dep_ == "dobj" for o in c.children)
            for r in subject_refs(ctx, c) if r.actor not in subj]


def _claim_author(ctx: DocContext, noun: Token, subj: set[str]) -> list[Ref]:
    """'accused Serbia of backing the assailants, an allegation that Vucic rejected': the claim is its
    author's — the subject of the saying or accusing verb the noun hangs on; 'Serbia accused Croatia of
    … Croatia dismissed the claim': the latest accusation or claim in the five sentences before."""
    speech = ctx.gz.word_list("speech_verbs") | {"blame", "claim", "charge"}
    for anc in noun.ancestors:
        if anc.pos_ == "VERB" and anc.lemma_.lower() in speech:
            return _relayed([r for r in subject_refs(ctx, anc) if r.actor not in subj], 0.85, "claim-author")
    here = ctx.sent_index.get(noun.sent.start, 0)
    for si, _d, ix in reversed(ctx.salience):
        span = ctx.doc.char_span(ix.trigger_start, ix.trigger_end)
        if here - 5 <= si < here and span is not None and span.root.lemma_.lower() in speech and ix.source not in subj:
            return [Ref(ix.source, None, None, 0.75, "claim-author")]
    return []


def _summed_up_clause(ctx: DocContext, noun: Token, subj: set[str], any_event: bool) -> list[Ref]:
    """'Britain, France and Germany triggered the snapback, a move Tehran called illegal': the move is
    the clause it sums up; '… Kosovo's ban came into force. The EU criticised the move': the previous
    sentence's subject event."""
    clause = _summed_up_verb(ctx, noun)
    if clause is not None:
        owners = [r for r in subject_refs(ctx, clause) if r.actor not in subj]
        # ('normalised relations with Israel, a step Algiers condemned': an arrangement has both its parties)
        known = {r.actor for r in owners} | subj
        owners += [Ref(a, None, None, 0.8, "summed-up-party") for rel in _symmetric_relations(ctx, clause)
                   for a in sorted(_event_parties(ctx, clause.i, rel) - known)]
        if owners:
            return _relayed(owners, 0.8, "summed-up-clause")
    if any_event or noun.sent.start == 0:
        return []
    prev = ctx.doc[noun.sent.start - 1].sent
    for c in prev.root.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN" and (
                (c.lemma_.lower(), "NOUN") in ctx.gz.triggers or c.lemma_.lower() in ctx.gz.word_list("generic_event_nouns")):
            owners = [r for r in np_refs(ctx, c, expand_conj=False, factor=0.8, how="topic-event") if r.actor not in subj]
            if owners:
                return owners
    return []


def _summed_up_verb(ctx: DocContext, noun: Token) -> Token | None:
    """The verb of the clause an appended noun sums up: 'triggered the snapback, a move …' (the noun
    hung on the verb), or, misparsed as apposition to the object, 'hosted the Russian warship, a step
    that drew …', 'issued an arrest warrant for Netanyahu, a decision Israel rejected' (a generic event
    noun after the clause's object)."""
    if noun.dep_ in ("npadvmod", "appos") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and noun.left_edge.i > 0 and ctx.doc[noun.left_edge.i - 1].text == "," \
            and any(c.dep_ == "dobj" and c.i < noun.i for c in noun.head.children):
        return noun.head  # ('issued an arrest warrant …, a decision Israel rejected': a second object after a comma)
    obj = noun.head
    if noun.dep_ == "appos" and noun.lemma_.lower() in ctx.gz.word_list("generic_event_nouns") \
            and obj.dep_ in ("dobj", "nsubjpass") and obj.head.pos_ in ("VERB", "AUX") \
            and obj.lemma_.lower() not in ctx.gz.word_list("generic_event_nouns"):
        return obj.head
    return None


def _earlier_event(ctx: DocContext, noun: Token, subj: set[str], generic: bool) -> list[Ref]:
    """The author of the latest earlier factual event (interactions and target-less events such as
    'North Korea test-fired a missile') — the same word first ('struck' … 'the air strikes'), then the
    same kind of event, then any (for generic nouns); a meeting or a pact has every party as author."""
    lemma = noun.lemma_.lower()
    candidates = [(ctx.doc.char_span(ix.trigger_start, ix.trigger_end), ix.relation, ix.source)
                  for _, _, ix in ctx.salience if ix.modality in ("asserted", "reported")]
    candidates = [(span.root.i if span is not None else -1, span.root.lemma_.lower() if span is not None else "", rel, src)
                  for span, rel, src in candidates] + list(ctx.events)
    related_relations = {t.relation for t in ctx.gz.triggers.get((lemma, "NOUN"), [])}
    earlier = sorted((c for c in candidates if c[3] not in subj and c[0] < noun.i),
                     key=lambda c: _prominence(ctx, c[0]), reverse=True)
    for matches in (lambda c: same_family(lemma, c[1]), lambda c: c[2] in related_relations, lambda c: generic):
        for cand in earlier:
            if matches(cand):
                i, _lemma, rel, src = cand
                if ctx.gz.relations.get(rel, {}).get("symmetric", False):
                    parties = _event_parties(ctx, i, rel) - subj
                    if parties:
                        return [Ref(a, None, None, 0.75, "event-anaphora") for a in sorted(parties)]
                # an act several actors did together has them all as authors ('A, B and C imposed
                # sanctions … B called the move outrageous' is aimed at A and C too)
                authors = sorted({c[3] for c in earlier if c[0] == i and c[2] == rel})
                return [Ref(a, None, None, 0.75, "event-anaphora") for a in authors]
    return []


NOMINAL_SUFFIXES = ("ment", "ation", "ion", "al", "ance", "ence", "s")


def same_family(noun: str, word: str) -> bool:
    """Is ``noun`` the same word as ``word`` or its nominalisation ('the agreement' … 'agreed', 'the
    withdrawal' … 'withdrew', 'the negotiations' … 'negotiated', 'the air strikes' … 'struck' aside)?"""
    if not word:
        return False
    if noun in (word, word + "s"):
        return True
    stem = word[:-1] if word.endswith("e") else word
    return any(noun in (word + suf, stem + suf, word + suf + "s", stem + suf + "s") for suf in NOMINAL_SUFFIXES)


def _prominence(ctx: DocContext, i: int) -> tuple:
    """Latest sentence first; within it the main clause's event before subordinate ones ('bombed
    Iranian sites, nine days after Israel began its campaign … condemned the attack' -> the bombing)."""
    if i < 0:
        return (0, 0, i)
    tok = ctx.doc[i]
    return (tok.sent.start, -tree_depth(tok), i)


def _same_head_owner(ctx: DocContext, noun: Token, subj: set[str]) -> list[Ref]:
    """'backed Morocco's autonomy plan … Spain endorsed the autonomy plan': a definite noun refers back
    to the latest earlier one with the same head and modifiers that named its owner (this and the
    three previous sentences)."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return []
    if any(ctx.gz.relations.get(t.relation, {}).get("symmetric") for t in ctx.gz.triggers.get((noun.lemma_.lower(), "NOUN"), [])):
        return []  # a meeting or a pact has parties, not an owner: see _event_parties
    mods = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod") and c.i not in ctx.mentions}
    first = window_start(ctx, ctx.sent_index.get(noun.sent.start, 0), back=12)
    for i in range(noun.i - 1, first - 1, -1):
        prev = ctx.doc[i]
        if prev.lemma_.lower() != noun.lemma_.lower() or prev.pos_ != "NOUN" or prev.i in ctx.mentions:
            continue
        if not mods <= {c.lemma_.lower() for c in prev.children if c.dep_ in ("compound", "amod")}:
            continue
        owners = [r for c in prev.children if c.dep_ in ("poss", "compound", "amod") and c.i in ctx.mentions
                  for r in np_refs(ctx, c, expand_conj=False, factor=0.8, how="same-noun-owner") if r.actor not in subj]
        if owners:
            return owners
    return []


def tree_depth(tok: Token, limit: int = 20) -> int:
    """How far below its sentence's root a token sits (0 = the main verb): the salience of an event."""
    depth = 0
    while tok.head != tok and depth < limit:
        tok, depth = tok.head, depth + 1
    return depth


def _symmetric_relations(ctx: DocContext, verb: Token) -> set[str]:
    """The symmetric relations (an arrangement, talks) the interactions of one trigger verb have."""
    return {ix.relation for ix in ctx.interactions if ix.trigger_start == verb.idx
            and ctx.gz.relations.get(ix.relation, {}).get("symmetric", False)}


def _event_parties(ctx: DocContext, trigger_i: int, relation: str) -> set[str]:
    """Every actor on either side of the interactions one trigger token produced."""
    if trigger_i < 0:
        return set()
    start = ctx.doc[trigger_i].idx
    return {a for ix in ctx.interactions if ix.trigger_start == start and ix.relation == relation
            and not ix.source.startswith("P_") for a in (ix.source, ix.target)}


def talk_parties(ctx: DocContext, noun: Token, sent_idx: int) -> list[Ref]:
    """Parties of a negotiation noun: 'talks between A and B', 'US-Iran talks', 'talks with B' + subject."""
    parties: list[Ref] = []
    for prep, p in prep_objects(ctx, noun, ("between", "with")):
        parties += args_or_pair(ctx, p, sent_idx, f"prep:{prep}", place_ok=True)
    mods = [r for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "poss") for r in np_refs(ctx, c, how="modifier")]
    # "Saudi-Iranian talks": the parser hangs the first demonym on the second
    mods += [r for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i in ctx.mentions
             for cc in c.children if cc.dep_ in ("amod", "compound", "npadvmod", "nmod") and cc.i in ctx.mentions
             for r in np_refs(ctx, cc, how="modifier")]
    if len({r.actor for r in mods}) >= 2:
        parties += mods
    gv = governor(noun)
    if gv is not None and gv.lemma_.lower() in ctx.gz.word_list("light_verbs") | {"meet", "take", "sit"} \
            and (object_path(noun, gv) or (noun.dep_ == "pobj" and noun.head.head == gv)) \
            and not third_party_subject(ctx, gv):
        parties = subject_refs(ctx, gv) + parties  # "Serbian and Kosovan negotiators met in EU-facilitated talks"
    elif gv is not None and not parties and noun.dep_ == "pobj" and noun.head.lower_ in ("in", "under", "at", "during") \
            and noun.head.head == gv:
        subj = subject_refs(ctx, gv)  # "the two neighbours pledged in the Argyle declaration …"
        parties = subj if len(subj) >= 2 else parties
    for c in noun.children:  # "a round of talks between …"
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in ("talk", "talks", "negotiation", "meeting", "dialogue"):
                    parties += talk_parties(ctx, p, sent_idx)
    seen, out = set(), []
    for r in parties:
        if r.actor not in seen:
            seen.add(r.actor)
            out.append(r)
    return out


def third_party_subject(ctx: DocContext, v: Token) -> bool:
    """'Egyptian and Qatari mediators were trying to keep the truce alive': mediators, guarantors and
    monitors act on a deal between others; they are not its parties (the subject is looked for up
    the chain of controlled and coordinated verbs, as subject_refs finds it)."""
    cur = v
    for _ in range(4):
        subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj[0].lemma_.lower() in ctx.gz.word_list("third_party_nouns")
        if cur.dep_ not in ("xcomp", "advcl", "conj", "acl") or cur.head == cur:
            return False
        cur = cur.head
    return False


def circumstance_path(n: Token, gv: Token) -> bool:
    """Does noun ``n`` hang on ``gv`` through a phrase of time or cause ('lifted tariffs AFTER a series of
    talks', 'entered Goma AFTER days of fighting'): the verb's setting, not what it acts upon?"""
    cur = n
    for _ in range(6):
        if cur == gv or cur.head == cur:
            return False
        if cur.dep_ == "prep" and cur.head == gv:
            return cur.lower_ in CIRCUMSTANCE_PREPS
        if cur.dep_ == "prep" and cur.lower_ == "over" and cur.head.pos_ == "NOUN":
            return True  # "cut TIES with Israel OVER its war": the cause of the object, wherever it hangs
        cur = cur.head
    return False


def object_path(n: Token, gv: Token) -> bool:
    """Is noun ``n`` (part of) the object of ``gv``: 'launched strikes', 'pledged euros in aid'?"""
    cur, hops = n, 0
    while cur != gv and hops < 4:
        if cur.dep_ in ("nsubj", "csubj", "advcl", "relcl", "ccomp", "xcomp", "acl"):
            return False
        if cur.dep_ == "prep" and cur.head == gv and cur.lower_ in DIRECTION_PREPS \
                and any(c.dep_ == "dobj" for c in gv.children):
            return False  # "reopen the ports TO grain exports": where the object goes, not the object
        cur, hops = cur.head, hops + 1
    return cur == gv and n.dep_ != "nsubj"


DIRECTION_PREPS = ("to", "for", "from", "into", "toward", "towards")
CIRCUMSTANCE_PREPS = ("after", "before", "since", "until", "despite", "amid", "following", "during", "because")
