"""Modality: is a claim asserted, reported (by whom), hypothetical or negated?

Read off the clause and the chain of clauses above it: negation, modal auxiliaries, conditionals,
intent verbs ("plans to strike"), negating verbs ("refused to meet"), verbs of saying and
accusation. Nominal events ("Iran's backing for armed groups") are presupposed unless negated or the
direct argument of a modal/intent verb.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token
from .context import DocContext, Ref
from .arguments import PROSPECTIVE_CONTROL_PREPS, accusation, coordination_head, governor, np_refs, role_noun_of, subject_refs
from .triggers import verb_lemma

# carrying word lists (ag:carriedBy) that a negation empties: 'did not pledge to stand by' is no support
NEGATION_CANCELS = frozenset({"commitment_verbs"})

__all__ = ["clause_modality", "noun_modality"]


@dataclass
class _Marks:
    """What the walk up the clause chain has seen so far."""

    negated: bool = False
    hypothetical: bool = False
    denied: bool = False  # a denial or refusal, not a negated possibility
    presupposed: bool = False  # "demanded that X STOP giving …": the giving is going on
    reported: bool = False
    reporter: Ref | None = None
    elaborates: bool = False  # ", rejecting X" after a negated clause ("would not amend …"): its marks are not this act's
    past_event: bool = False  # the act's own clause tells a past act, not a stance held (see _past_event)
    threat: bool = False  # a threat is conditional by nature: its 'if' clause makes it no less made

    def report(self, by: Ref | None) -> None:
        self.reported = True
        self.reporter = self.reporter or by

    def result(self) -> tuple[str, Ref | None]:
        """'urged Israel not to launch strikes': a negated wish is still only a wish; 'refused to meet',
        'denied attacking' and a plain 'did not attack' are denials."""
        if self.presupposed and self.hypothetical:
            self.hypothetical, self.reported = False, True
        if self.negated and (self.denied or not self.hypothetical):
            return "negated", self.reporter
        if self.hypothetical:
            return "hypothetical", self.reporter
        if self.reported:
            return "reported", self.reporter
        return "asserted", None


def _governed_by_noun(ctx: DocContext, v: Token) -> tuple[str, Ref | None] | None:
    """'had no intention of invading Eritrea', 'plans for expanding the base', 'plans for India to buy
    American weapons', 'a bid to join NATO': a verb under an intent noun has not happened — the noun
    decides (None when ``v`` is not in such a position)."""
    gz = ctx.gz
    if v.tag_ == "VBG" and v.dep_ in ("pcomp", "pobj") and v.head.dep_ == "prep" and v.head.head.pos_ == "NOUN" \
            and accusation(ctx, v) is None:
        noun = v.head.head
        mod, rep = noun_modality(ctx, noun)
        if mod != "negated" and noun.lemma_.lower() in gz.word_list("intent_nouns"):
            mod = "hypothetical"
        return mod, rep
    if v.tag_ == "VB" and v.dep_ in ("acl", "relcl") and v.head.pos_ == "NOUN" \
            and v.head.lemma_.lower() in gz.word_list("intent_nouns") \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        mod, rep = noun_modality(ctx, v.head)
        return ("negated" if mod == "negated" else "hypothetical"), rep
    return None


def _conditional(kids: list[Token], conds: frozenset[str]) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in conds for c in kids)


def negative_subject(ctx: DocContext, verb: Token) -> bool:
    """Is the clause's subject nobody ('NEITHER Chile nor Brazil has cut ties', 'NONE of the Gulf states
    condemned Iran', 'NO Arab state has ...')? Then its act is negated, whoever the subject names."""
    words = ctx.gz.word_list("negative_quantifiers")
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subj.lower_ in words or any(c.dep_ in ("det", "preconj") and c.lower_ in words for c in subj.children):
            return True
    return False


def negating_phrase(ctx: DocContext, tok: Token) -> bool:
    """Is ``tok`` (a gerund or an event noun) the object of a verb-and-preposition phrase that says it did
    not happen ('REFRAINED FROM expelling', 'STOPPED SHORT OF recognition', 'HELD OFF ON sanctions')?
    The key is the verb's lemma, the words between it and the preposition, and the preposition."""
    if tok.dep_ not in ("pcomp", "pobj") or tok.head.dep_ != "prep":
        return False
    prep = tok.head
    verb = _phrase_verb(prep)
    if verb.pos_ not in ("VERB", "AUX") or not 0 < prep.i - verb.i <= 3:
        return False
    between = [t.lower_ for t in verb.doc[verb.i + 1:prep.i]]
    if any(t.dep_ in ("dobj", "nsubj", "punct") for t in verb.doc[verb.i + 1:prep.i]):
        return False
    return " ".join([verb.lemma_.lower(), *between, prep.lower_]) in ctx.gz.word_list("negating_phrases")


def _phrase_verb(prep: Token) -> Token:
    """The verb of a verb-and-preposition phrase: the preposition's head, or its head's head when a word
    stands between them ('stopped SHORT of')."""
    return prep.head if prep.head.pos_ in ("VERB", "AUX") else prep.head.head


def denied_by_phrase(ctx: DocContext, tok: Token) -> tuple[str, Ref | None]:
    """The modality of what a negating phrase governs ('refrained from striking'): negated — unless the
    refraining is itself only wished ('urged Ankara to refrain from striking': hypothetical) or denied
    ('did not refrain from criticising': it happened)."""
    mod, rep = clause_modality(ctx, _phrase_verb(tok.head))
    if mod == "hypothetical":
        return "hypothetical", rep
    if mod == "negated":
        return "asserted", None
    return "negated", rep if mod == "reported" else None


def _own_marks(ctx: DocContext, st: _Marks, cur: Token, v: Token, kids: list[Token], ignore_modals: bool) -> None:
    """Negation, modal auxiliaries and conditions of one clause of the chain (``v``'s own, or one above
    it that is not merely coordinated with it)."""
    gz = ctx.gz
    conds = gz.word_list("conditional_marks")
    if cur is not v and cur.lemma_.lower() in ("rule", "exclude") and st.negated and any(c.dep_ == "neg" for c in kids):
        # "Seoul has not ruled out supplying weapons to Ukraine": not excluded is possible, not denied
        st.negated, st.denied, st.hypothetical = False, False, True
    elif any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in kids) \
            or negative_subject(ctx, cur) or (cur is v and _rather_than(cur)):
        if st.elaborates:
            return  # "would not sign the text, accusing Azerbaijan …": a refusal is stated; what elaborates it happened
        st.negated = True
        if any(c.dep_ == "aux" and c.lower_ in ("will", "wo", "won't", "would", "'d") for c in kids) \
                and not _conditional(kids, conds) \
                and not any(k.dep_ == "advcl" and _conditional(list(k.children), conds) for k in kids):
            # "Israel will not negotiate with Hamas": a refusal, not a possibility (unless "would not … if")
            st.denied = True
    if not ignore_modals and any(c.dep_ == "aux" and c.lower_ in gz.word_list("hypothetical_modals") for c in kids):
        st.hypothetical = True
    if cur.tag_ in ("VBP", "VBZ") and _future_time(ctx, kids):
        st.hypothetical = True  # "while U.S. and Iranian delegations meet in Oman later this week": scheduled
    if _conditional(kids, conds) or (cur is v and not st.threat and any(
            k.dep_ == "advcl" and k.i > v.i and _conditional(list(k.children), conds) for k in kids)):
        st.hypothetical = True  # (and 'to assist the other IF IT IS ATTACKED': only on that condition)


def _rather_than(v: Token) -> bool:
    """'abstained RATHER THAN block it': the alternative set aside after 'rather than' did not happen."""
    return v.dep_ == "conj" and any(c.lower_ == "than" and c.dep_ in ("cc", "prep", "mark") and c.i < v.i
                                    and any(a.lower_ == "rather" for a in c.children) for c in v.head.children)


def _future_time(ctx: DocContext, kids: list[Token]) -> bool:
    """A present-tense verb with a time adverbial that points ahead ('later this week', 'next month',
    'tomorrow', 'in the coming days'): the present of a schedule, not a fact."""
    ahead = ctx.gz.word_list("future_time_words")
    for c in kids:
        if c.dep_ in ("npadvmod", "advmod", "prep", "tmod"):
            words = {t.lower_ for t in c.subtree}
            if words & ahead:
                return True
    return False


def _report_marks(ctx: DocContext, st: _Marks, kids: list[Token]) -> None:
    """'reportedly', '…, Israeli officials say', 'according to Israeli officials'."""
    gz = ctx.gz
    if any(c.dep_ == "advmod" and c.lower_ in gz.word_list("report_adverbs") for c in kids):
        st.reported = True
    for c in kids:
        if c.dep_ == "parataxis" and c.lemma_.lower() in gz.word_list("speech_verbs"):
            st.report(next(iter(subject_refs(ctx, c)), None))
        if c.dep_ == "prep" and c.lower_ == "according":
            st.reported = True
            for p in c.subtree:
                if p.dep_ == "pobj" and not st.reporter:
                    st.reporter = next(iter(np_refs(ctx, p)), None)


def _passes_through(ctx: DocContext, st: _Marks, cur: Token, head: Token, kids: list[Token]) -> bool:
    """Clauses that are as (un)real as the one above them, or mark what is above as a wish:
    'stop giving' (presupposed), 'when the two leaders meet' (a time clause), an appeal's content
    ('came under pressure … to expel US forces'), '…, killing 49 soldiers' (a participle)."""
    if cur.dep_ == "xcomp" and head.lemma_.lower() in ctx.gz.word_list("presupposing_verbs"):
        st.presupposed = True
        return True
    if cur.dep_ == "advcl" and cur.tag_ in ("VBP", "VBZ", "VB") and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "once", "until", "before") for c in cur.children):
        return True
    if cur.dep_ in ("advcl", "acl") and cur.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids) \
            and _appeal_around(ctx, head):
        st.hypothetical = True
        return True
    if cur.dep_ == "advcl" and cur.tag_ == "VBG":
        left = cur.left_edge.i
        st.elaborates = st.elaborates or (cur.i > head.i and left > 0 and cur.doc[left - 1].text == ",")
        return True
    return False


def _carried(ctx: DocContext, lemma: str, relation: str, st: _Marks) -> bool:
    """Wanting, trying or pledging verbs that carry the act rather than make it a mere wish: 'seeks to
    broaden the talks' IS the demand (``demand_carriers``); 'tried to broker a truce' IS mediation
    (``attempt_verbs``); 'pledged to stand by Saudi Arabia' IS the support (``commitment_verbs``, as
    the guidelines' 'pledges aid to'). Which lists carry which relation is the ontology's ``ag:carriedBy``.
    "Tried to broker a deal", "tried to persuade Kyiv": the attempt is the act (the guidelines)."""
    rel = ctx.gz.vocabulary.by_name.get(relation) if relation else None
    if rel is None:
        return False
    return any(lemma in ctx.gz.word_list(words) and not (st.negated and words in NEGATION_CANCELS)
               for words in rel.carried_by)


def _own_voice(ctx: DocContext, clause: Token, speech: Token) -> bool:
    """Is the subject of a reported clause its speaker ('Poland said IT stood by Vilnius')?"""
    said_by = {r.actor for r in subject_refs(ctx, speech)}
    doers = {r.actor for r in subject_refs(ctx, clause)}
    return bool(doers) and doers <= said_by


def _past_event(clause: Token) -> bool:
    """Does a reported clause tell an act done before, not a stance held ('Biden said he HAD pressed Xi',
    'officials said Tokayev pressed Xi WHEN THE TWO MET in June')? (A date alone does not say it: the
    parser hangs the speech's own date on the clause, 'said on Monday it stood by Vilnius'.)"""
    if any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in clause.children) and clause.tag_ == "VBN":
        return True
    return any(c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "after", "before", "while")
                                         for m in c.children) for c in clause.children)


def _complement_of(ctx: DocContext, st: _Marks, cur: Token, head: Token, relation: str, stance: bool = False) -> bool:
    """An infinitive or 'that'-clause under a negating, intent or speech verb ('refused to meet',
    'plans to strike', 'said that …', 'denied that …'). For demands and appeals, 'seeks to broaden the
    talks' IS the demand: ``demand_carriers`` do not make it hypothetical."""
    gz = ctx.gz
    lemma = head.lemma_.lower()
    intents = gz.word_list("intent_verbs")
    # (an intent verb's infinitive the parser hung as a purpose is its complement: "offered in July
    # to mediate", "pledged in Kuala Lumpur not to use force")
    purpose_like = cur.dep_ == "advcl" and cur.tag_ == "VB" and lemma in intents \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
    if cur.dep_ == "xcomp" and lemma in ("have", "be", "remain") and any(c.lower_ == "yet" for c in head.children):
        st.negated = True  # "Israel and Hamas have YET TO agree on a ceasefire": not (yet) done
        return True
    if cur.dep_ == "xcomp" or purpose_like:
        if lemma in gz.word_list("negating_verbs"):
            st.negated, st.denied = not st.negated, True
        elif lemma in intents and not _carried(ctx, lemma, relation, st):
            st.hypothetical = True
            if st.negated and lemma in gz.word_list("commitment_verbs"):
                st.denied = True  # "pledged not to use force": a commitment not to, like "agreed not to"
        return True
    if cur.dep_ == "ccomp":
        if lemma in gz.word_list("speech_verbs") and stance and _own_voice(ctx, cur, head) and not st.past_event:
            pass  # "Poland said it stood by Vilnius": a stance its holder states is the stance itself
        elif lemma in gz.word_list("speech_verbs"):
            st.report(next(iter(subject_refs(ctx, head)), None))
            if lemma == "deny":
                st.negated, st.denied = not st.negated, True
        elif lemma in intents:
            st.hypothetical = True
        return True
    return False


def _claim_of_noun(ctx: DocContext, st: _Marks, cur: Token, head: Token, kids: list[Token]) -> Token | None:
    """'reports that North Korea had sent troops': reported by the claim's owner, else whoever voices
    it; the walk goes on from the verb the claim noun hangs on (None: stop)."""
    st.reported = True
    owner = next((r for c in head.children if c.dep_ == "poss" for r in np_refs(ctx, c)), None)
    st.reporter = st.reporter or owner
    gv = governor(head)
    if gv is not None:
        st.reporter = st.reporter or next(iter(subject_refs(ctx, gv)), None)
    return gv


def _step_up(ctx: DocContext, st: _Marks, cur: Token, kids: list[Token], relation: str,
             stance: bool = False) -> tuple[Token | None, bool]:
    """The next clause up the chain, and whether it is ``v``'s own (False after a conjunction: in
    'did not attack and urged…' the negation is not the second verb's). None: the chain ends here."""
    head = cur.head
    if head == cur:
        return None, True
    if cur.dep_ == "ccomp" and head.dep_ != "relcl" and any(
            c.tag_ in ("WDT", "WP") and c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in kids):
        # ", which the juntas accuse of …" misparsed as a complement: a relative clause stands alone (but
        # "Chad, which it SAYS has smuggled arms": the saying is the relative clause, and reports it)
        return None, True
    if _passes_through(ctx, st, cur, head, kids):
        return head, True
    if cur.dep_ == "ccomp" and cur.i < head.i and any(t.text == ";" for t in cur.doc[cur.i:head.i]):
        return None, True  # "AU forces have fought the group; it pledged allegiance …": two sentences
    if _complement_of(ctx, st, cur, head, relation, stance):
        return head, True
    if cur.dep_ == "conj":
        return coordination_head(cur), False
    if cur.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and head.lemma_.lower() in ctx.gz.word_list("report_nouns") \
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in kids):
        return _claim_of_noun(ctx, st, cur, head, kids), True
    verb = accusation(ctx, cur)
    if verb is not None:
        st.report(next(iter(subject_refs(ctx, verb)), None))
        return verb, True
    return None, True


def clause_modality(ctx: DocContext, v: Token, *, ignore_modals: bool = False, relation: str = "",
                    stance: bool = False) -> tuple[str, Ref | None]:
    """Modality of the clause headed by verb ``v``: negated, hypothetical, reported or asserted, and who
    reports it — read off ``v``'s clause and up to five clauses above it. ``stance``: the relation is a
    verbal one (an appeal, praise, criticism, a demand), which its holder states rather than reports."""
    early = _governed_by_noun(ctx, v)
    if early is not None:
        return early
    role = role_noun_of(ctx, v)
    if role is not None:  # "denied any role in mediating": as (un)real as the role taken
        return noun_modality(ctx, role)
    st = _Marks(past_event=_past_event(v), threat=any(relation in ctx.gz.vocabulary.playing(r) for r in ("threat", "demand")))
    if v.dep_ == "pcomp" and v.head.lower_ == "without":
        st.negated = True  # "held talks without reaching agreement", "acted without consulting Iran"
    elif v.tag_ == "VBG" and negating_phrase(ctx, v):
        return denied_by_phrase(ctx, v)
    g = coordination_head(v) if v.dep_ == "conj" else v
    if g.tag_ == "VBG" and g.dep_ in ("pcomp", "pobj") and g.head.lower_ in PROSPECTIVE_CONTROL_PREPS \
            and any(c.dep_ == "dobj" for c in g.head.head.children):
        st.hypothetical = True  # "warned Riyadh against joining", "barred Turkey from buying": not (yet) done
    if v.lemma_.lower() in ctx.gz.word_list("renouncing_verbs"):
        st.negated = st.denied = True  # "renounce force against each other": the verb itself denies the act
    cur: Token | None = v
    own = True
    for _ in range(6):
        kids = list(cur.children)
        if own:
            _own_marks(ctx, st, cur, v, kids, ignore_modals)
        _report_marks(ctx, st, kids)
        cur, own = _step_up(ctx, st, cur, kids, relation, stance)
        if cur is None:
            break
    return st.result()


GOVERNING_LISTS = ("negating_verbs", "intent_verbs", "presupposing_verbs", "factive_verbs", "light_verbs",
                   "cessation_verbs", "planning_verbs", "calling_off_verbs")


def governing_lemma(gz, verb: Token) -> str:  # noqa: ANN001 - a Gazetteer
    """The lemma a governing verb is read by: its phrasal form when a word list names it ('CALLED OFF
    talks' is no 'call' for talks), else its own."""
    phrasal = verb_lemma(verb)
    if phrasal != verb.lemma_.lower() and any(phrasal in gz.word_list(name) for name in GOVERNING_LISTS):
        return phrasal
    return verb.lemma_.lower()


def noun_modality(ctx: DocContext, n: Token, made_of_governor: bool = False) -> tuple[str, Ref | None]:
    """A nominal event ('Iran's backing for armed groups') is presupposed unless negated ('no talks'),
    or it is the direct argument of a modal/intent/negating verb ('might permit Israeli strikes').

    ``made_of_governor``: an appeal or demand made of the governing verb's subject ('Iran rejected US
    demands') was made whatever the answer: rejecting or refusing it does not negate it."""
    gz = ctx.gz
    if _own_negation(n) or (n.dep_ == "pobj" and n.head.lower_ == "without"):
        return "negated", None  # "no talks", "broke up without agreement", "a partnership, NOT AN ALLIANCE"
    if _topic_of_talks(ctx, n):
        return "hypothetical", None  # "held talks ON A CEASEFIRE", "negotiations over a treaty": sought, not had
    if negating_phrase(ctx, n):
        return denied_by_phrase(ctx, n)  # "stopped short of formal recognition", "held off on new sanctions"
    banned = n.head if n.dep_ == "compound" else n  # ('ARMS sales': the compound is the sales' kind)
    if banned.dep_ == "pobj" and banned.head.lower_ == "on" and banned.head.head.lemma_.lower() in gz.word_list("ban_nouns"):
        return "negated", None  # "an embargo on arms sales to Israel": the measure stops the sales
    gv = governor(n)
    if gv is None:
        return "asserted", None
    if n.dep_ == "pobj" and n.head.lower_ in PRESUPPOSING_PREPS and n.head.head == gv:
        # "will not normalise relations DESPITE repeated pressure from Washington", "acted UNDER pressure":
        # the circumstance is taken for granted whatever the clause says of its own act
        mod, rep = clause_modality(ctx, gv)
        return ("reported", rep) if mod == "reported" else ("asserted", None)
    direct = n.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and n.head == gv
    mod, rep = clause_modality(ctx, gv)
    lemma = governing_lemma(gz, gv)
    if n.dep_ == "nsubj" and lemma == "be" and any(c.dep_ in ("acomp", "attr") for c in gv.children):
        # "The arrangement is not frictionless": what the copula says of the event is negated, not the event
        return ("reported", rep) if mod == "reported" else ("asserted", None)
    if mod == "reported" and _presupposed(ctx, n):
        return "asserted", None
    if direct:
        if lemma in gz.word_list("endangering_verbs") and n.dep_ == "dobj" and not _indefinite(n):
            return "asserted", None  # ('would undermine THE FRAGILE CEASEFIRE': what is endangered exists)
        if lemma in gz.word_list("presupposing_verbs") and n.dep_ == "dobj":
            # "urged Israel to halt its strikes": the strikes are going on (the speaker's claim inside an
            # appeal or report); only their continuation is wished away
            return ("asserted", None) if mod in ("asserted", "negated") else ("reported", rep)
        # (the subject's own demand or objection - "Turkey dropped its objections" - is negated as usual)
        # (the agent of a negating verb is not what is negated: "the truce halted the fighting" keeps the truce)
        if lemma in gz.word_list("negating_verbs") and n.dep_ != "nsubj" \
                and not (made_of_governor and not any(c.dep_ == "poss" for c in n.children)):
            conditional = any(c.dep_ == "mark" and c.lower_ in gz.word_list("conditional_marks") for c in gv.children)
            wished = gv.dep_ == "xcomp" and gv.head.lemma_.lower() in gz.word_list("intent_verbs")
            if mod == "hypothetical" and (conditional or wished):
                # "consequences if it refused a ceasefire", "urged Washington to lift sanctions": no refusal
                # or lifting yet either (a hypothetical cessation: the guidelines); "will refuse any
                # ceasefire" is a refusal announced
                return "hypothetical", rep
            return ("asserted" if mod == "negated" else "negated"), rep
        if lemma in gz.word_list("factive_verbs") and n.dep_ == "dobj":
            # "have not forgotten China's support for Pakistan": what is remembered or ignored happened
            return ("asserted", None) if mod in ("asserted", "negated") else (mod, rep)
        if lemma in gz.word_list("intent_verbs") and lemma not in gz.word_list("light_verbs") \
                and not any(c.dep_ == "oprd" for c in gv.children) \
                and not (n.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in gv.children)):
            # ("calling Russia's war in Ukraine 'Modi's war'": a naming 'call' wishes nothing)
            # ("talks are expected to resume" is not yet; "Israel's strike pushed the Gulf states into…"
            # happened: the subject of a transitive verb is its cause, not what is wanted)
            return "hypothetical", rep
        if mod in ("negated", "hypothetical") and _stance_on_a_known_event(ctx, n, lemma):
            return "asserted", None  # "refused to back U.S. military pressure on Caracas": the pressure is on
        return mod, rep
    if n.dep_ == "pobj" and n.head.lower_ == "for" and n.head.head == gv and mod != "negated" \
            and (lemma in gz.word_list("intent_verbs") or lemma == "appeal"):
        return "hypothetical", rep  # "called for talks between Russia and Ukraine": asked for, not held
    if n.dep_ == "pobj" and n.head.lower_ in ("for", "against") and _indefinite(n) and any(
            c.lower_ in ("renewed", "new", "future", "possible", "potential", "any", "further", "fresh") for c in n.children):
        return "hypothetical", rep  # "prepare contingencies for renewed hostilities": anticipated, not happened
    if mod in ("hypothetical", "negated") and _indefinite(n):
        # "pressed Israel to refrain from any unilateral strikes on Iran", "did not launch any raids":
        # an event nobody has presupposed is as (un)real as the clause that mentions it
        return mod, rep
    # Deeper inside the clause: only reported speech and conditionals carry over.
    return (mod if mod in ("reported", "hypothetical") and _clause_has_condition(ctx, gv) or mod == "reported" else "asserted"), rep


PRESUPPOSING_PREPS = ("despite", "amid", "under")

STANCE_ON_EVENTS = ("condemn", "criticise", "criticize", "denounce", "deplore", "protest", "welcome", "praise")


def _own_negation(n: Token) -> bool:
    """'no talks', 'not an alliance': a negation of the noun itself — not one the parser hangs on the noun
    before a contrasted apposition or conjunct ('sealed a partnership, NOT an alliance': the alliance is
    negated, the partnership is not)."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in n.children):
        return True
    contrasted = [c for c in n.children if c.dep_ in ("appos", "conj") and c.i > n.i]
    if any(c.dep_ == "neg" and not any(k.i > c.i for k in contrasted) for c in n.children):
        return True
    head = n.head
    return n.dep_ in ("appos", "conj") and any(c.dep_ == "neg" and head.i < c.i < n.i for c in head.children)


def _topic_of_talks(ctx: DocContext, n: Token) -> bool:
    """'talks ON A CEASEFIRE', 'negotiations over a new treaty', 'discussions about a deal': the event an
    indefinite topic of talks names is what the talks seek (a definite one, 'talks on the truce', may
    exist already)."""
    if n.dep_ != "pobj" or n.head.lower_ not in ("on", "over", "about", "toward", "towards") or not _indefinite(n):
        return False
    talks = n.head.head
    meeting = ctx.gz.vocabulary.playing("talks")
    return talks.pos_ == "NOUN" and any(t.relation in meeting for t in ctx.gz.triggers.get((talks.lemma_.lower(), "NOUN"), []))


def _stance_on_a_known_event(ctx: DocContext, n: Token, lemma: str) -> bool:
    """Backing, welcoming or condemning an event someone carries out ('refused to back U.S. pressure', 'would
    not condemn Russia's strikes') takes a stance on an event that is going on, whatever the stance."""
    owned = any(c.dep_ in ("poss", "compound", "amod", "nmod") and c.i in ctx.mentions for c in n.children)
    return (lemma in ctx.gz.word_list("endorsing_verbs") or lemma in STANCE_ON_EVENTS) and (owned or not _indefinite(n))


def _indefinite(n: Token) -> bool:
    """A nominal event introduced, not referred to: no possessor, no definite determiner
    ('any strikes', 'a raid', 'new sanctions' — not 'the strikes', 'Israel's raid')."""
    return not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those"))
                   for c in n.children)


def _appeal_around(ctx: DocContext, head: Token) -> bool:
    """``head`` is an appeal noun or a verb with one as its (prepositional) object: an infinitive hung
    on it is what is asked for (not a purpose of a done act: 'drones sent to defend Libya')."""
    appeals = ctx.gz.word_list("appeal_nouns")
    if head.pos_ == "NOUN":
        return head.lemma_.lower() in appeals
    objects = [c for c in head.children if c.dep_ == "dobj"]
    objects += [o for p in head.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    return any(o.lemma_.lower() in appeals for o in objects)


def _presupposed(ctx: DocContext, n: Token) -> bool:
    """A definite nominal event ('China's support for Pakistan', 'this month's clashes between India
    and Pakistan', 'the treaty he signed with Putin') is taken for granted by the sentence: a report
    around it ('..., according to officials'; 'Kim said the troops fought under the treaty') is
    about something else, so the event stays in the journalist's voice. Not when hedged ('the
    alleged attack'), nor when it is what the reported act is about ('Biden said he had pressed Xi on
    Beijing's support for Russia': the object or topic of its verb)."""
    if any(c.dep_ == "amod" and c.lower_ in ctx.gz.word_list("hedge_modifiers") for c in n.children):
        return False
    if n.dep_ == "dobj" or (n.dep_ == "pobj" and n.head.lower_ in ("on", "about", "over", "of")
                            and n.head.head.pos_ in ("VERB", "AUX")):
        return False
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those"))
               for c in n.children)


def _clause_has_condition(ctx: DocContext, v: Token) -> bool:
    conds = ctx.gz.word_list("conditional_marks")
    modals = ctx.gz.word_list("hypothetical_modals")
    return any((c.dep_ == "mark" and c.lower_ in conds) or (c.dep_ == "aux" and c.lower_ in modals) for c in v.children)
