"""Modality: is a claim asserted, reported (by whom), hypothetical or negated?

Read off the clause and the chain of clauses above it: negation, modal auxiliaries, conditionals,
intent verbs ("plans to strike"), negating verbs ("refused to meet"), verbs of saying and
accusation. Nominal events ("Iran's backing for armed groups") are presupposed unless negated or the
direct argument of a modal/intent verb.
"""
from __future__ import annotations

from spacy.tokens import Token
from .context import DocContext, Ref
from .arguments import accusation, coordination_head, governor, np_refs, subject_refs


def clause_modality(ctx: DocContext, v: Token, *, ignore_modals: bool = False, relation: str = "") -> tuple[str, Ref | None]:
    """Modality of the clause headed by verb ``v``: negated, hypothetical, reported or asserted.

    For demands and appeals, 'seeks to broaden the talks' IS the demand: wanting verbs listed as
    ``demand_carriers`` do not make it hypothetical."""
    gz = ctx.gz
    modals, conds = gz.word_list("hypothetical_modals"), gz.word_list("conditional_marks")
    intents, negating = gz.word_list("intent_verbs"), gz.word_list("negating_verbs")
    speech = gz.word_list("speech_verbs")
    carriers = gz.word_list("demand_carriers")
    negated = hypothetical = denied = presupposed = False
    reporter: Ref | None = None
    reported = False
    if v.tag_ == "VBG" and v.dep_ in ("pcomp", "pobj") and v.head.dep_ == "prep" and v.head.head.pos_ == "NOUN" \
            and accusation(ctx, v) is None:
        # "had no intention of invading Eritrea", "plans for expanding the base": the noun decides
        noun = v.head.head
        mod, rep = noun_modality(ctx, noun)
        if mod != "negated" and noun.lemma_.lower() in gz.word_list("intent_nouns"):
            mod = "hypothetical"
        return mod, rep
    if v.tag_ == "VB" and v.dep_ in ("acl", "relcl") and v.head.pos_ == "NOUN" \
            and v.head.lemma_.lower() in gz.word_list("intent_nouns") \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        # "plans for India to buy American weapons", "a bid to join NATO": not (yet) done
        mod, rep = noun_modality(ctx, v.head)
        return ("negated" if mod == "negated" else "hypothetical"), rep
    if v.lemma_.lower() in gz.word_list("renouncing_verbs"):
        negated = denied = True  # "renounce force against each other": the verb itself denies the act
    cur = v
    own = True  # False right after a conjunction: "did not attack and urged…" — the negation is not ours
    for _ in range(6):
        kids = list(cur.children)
        if own and cur is not v and cur.lemma_.lower() in ("rule", "exclude") and negated and any(c.dep_ == "neg" for c in kids):
            # "Seoul has not ruled out supplying weapons to Ukraine": not excluded is possible, not denied
            negated, denied, hypothetical = False, False, True
        elif own and any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in kids):
            negated = True
            if any(c.dep_ == "aux" and c.lower_ in ("will", "wo", "won't", "would", "'d") for c in kids) \
                    and not any(c.dep_ == "mark" and c.lower_ in conds for c in kids) \
                    and not any(k.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in conds for m in k.children)
                                for k in kids):
                # "Israel will not negotiate with Hamas", "said Belgrade would not impose sanctions": a
                # refusal, not a possibility (unless conditional: "would not attack if …")
                denied = True
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
                reporter = reporter or next(iter(subject_refs(ctx, c)), None)
            if c.dep_ == "prep" and c.lower_ == "according":
                reported = True
                for p in c.subtree:
                    if p.dep_ == "pobj" and not reporter:
                        reporter = next(iter(np_refs(ctx, p)), None)
        head = cur.head
        if head == cur:
            break
        lemma = head.lemma_.lower()
        if cur.dep_ == "xcomp" and lemma in gz.word_list("presupposing_verbs"):
            # "demanded that the Taliban stop giving sanctuary": the giving is happening; whatever is
            # wished or demanded above is about stopping it, so it is reported, not hypothetical
            presupposed = True
            cur = head
            continue
        if cur.dep_ == "advcl" and cur.tag_ in ("VBP", "VBZ", "VB") and any(
                c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "once", "until", "before") for c in cur.children):
            cur = head  # "he would urge Putin … when the two leaders meet": the time clause is as (un)real as the main one
            continue
        if cur.dep_ in ("advcl", "acl") and cur.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids) \
                and _appeal_around(ctx, head):
            hypothetical = True  # an appeal's content: "came under pressure from the factions to expel US forces"
            cur = head
            continue
        if cur.dep_ == "advcl" and cur.tag_ == "VBG":  # "…, killing 49 soldiers, Yerevan said": the main clause's
            cur = head
            continue
        if cur.dep_ == "xcomp":
            if lemma in negating:
                negated = not negated
                denied = True
            elif lemma in intents and not (relation in ("demands", "pressures") and lemma in carriers):
                hypothetical = True
                if negated and lemma in gz.word_list("commitment_verbs"):
                    denied = True  # "pledged not to use force": a commitment not to, like "agreed not to"
            cur = head
            continue
        if cur.dep_ == "ccomp" and cur.i < head.i and any(t.text == ";" for t in cur.doc[cur.i:head.i]):
            break  # "AU forces have fought the group; it pledged allegiance …": two sentences, not a complement
        if cur.dep_ == "ccomp":
            if lemma in speech:
                reported = True
                reporter = reporter or next(iter(subject_refs(ctx, head)), None)
                if lemma == "deny":
                    negated = not negated
                    denied = True
            elif lemma in intents:
                hypothetical = True
            cur = head
            continue
        if cur.dep_ == "conj":
            cur, own = coordination_head(cur), False
            continue
        if cur.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and lemma in gz.word_list("report_nouns") \
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in kids):
            # "reports that North Korea had sent troops": the claim's owner, else whoever voices it
            reported = True
            owner = next((r for c in head.children if c.dep_ == "poss" for r in np_refs(ctx, c)), None)
            reporter = reporter or owner
            gv = governor(head)
            if gv is None:
                break
            reporter = reporter or next(iter(subject_refs(ctx, gv)), None)
            cur = gv
            continue
        verb = accusation(ctx, cur)
        if verb is not None:
            reported = True
            reporter = reporter or next(iter(subject_refs(ctx, verb)), None)
            cur = verb
            continue
        break
    # "urged Israel not to launch strikes": a negated wish is still only a wish; "refused to meet",
    # "denied attacking" and a plain "did not attack" are denials.
    if presupposed and hypothetical:
        hypothetical, reported = False, True
    if negated and (denied or not hypothetical):
        return "negated", reporter
    if hypothetical:
        return "hypothetical", reporter
    if reported:
        return "reported", reporter
    return "asserted", None


def noun_modality(ctx: DocContext, n: Token, made_of_governor: bool = False) -> tuple[str, Ref | None]:
    """A nominal event ('Iran's backing for armed groups') is presupposed unless negated ('no talks'),
    or it is the direct argument of a modal/intent/negating verb ('might permit Israeli strikes').

    ``made_of_governor``: an appeal or demand made of the governing verb's subject ('Iran rejected US
    demands') was made whatever the answer: rejecting or refusing it does not negate it."""
    gz = ctx.gz
    if any((c.dep_ == "neg") or (c.dep_ == "det" and c.lower_ == "no") for c in n.children):
        return "negated", None
    gv = governor(n)
    if gv is None:
        return "asserted", None
    direct = n.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and n.head == gv
    mod, rep = clause_modality(ctx, gv)
    lemma = gv.lemma_.lower()
    if mod == "reported" and _presupposed(ctx, n):
        return "asserted", None
    if direct:
        if lemma in gz.word_list("presupposing_verbs") and n.dep_ == "dobj":
            # "urged Israel to halt its strikes": the strikes are going on (the speaker's claim inside an
            # appeal or report); only their continuation is wished away
            return ("asserted", None) if mod in ("asserted", "negated") else ("reported", rep)
        # (the subject's own demand or objection - "Turkey dropped its objections" - is negated as usual)
        # (the agent of a negating verb is not what is negated: "the truce halted the fighting" keeps the truce)
        if lemma in gz.word_list("negating_verbs") and n.dep_ != "nsubj" \
                and not (made_of_governor and not any(c.dep_ == "poss" for c in n.children)):
            if mod == "hypothetical" and any(c.dep_ == "mark" and c.lower_ in gz.word_list("conditional_marks")
                                             for c in gv.children):
                return "hypothetical", rep  # "consequences if it refused a ceasefire": no refusal yet either
            return ("asserted" if mod == "negated" else "negated"), rep
        if lemma in gz.word_list("intent_verbs") and lemma not in gz.word_list("light_verbs") \
                and not (n.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in gv.children)):
            # ("talks are expected to resume" is not yet; "Israel's strike pushed the Gulf states into…"
            # happened: the subject of a transitive verb is its cause, not what is wanted)
            return "hypothetical", rep
        return mod, rep
    if n.dep_ == "pobj" and n.head.lower_ == "for" and n.head.head == gv and mod != "negated" \
            and (lemma in gz.word_list("intent_verbs") or lemma == "appeal"):
        return "hypothetical", rep  # "called for talks between Russia and Ukraine": asked for, not held
    # Deeper inside the clause: only reported speech and conditionals carry over.
    return (mod if mod in ("reported", "hypothetical") and _clause_has_condition(ctx, gv) or mod == "reported" else "asserted"), rep


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
