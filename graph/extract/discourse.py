"""Document-level steps: what a sentence means depends on the sentences around it.

- a claim denied later in its sentence ("…, a claim US officials denied") stands as reported *and*
  negated, as the guidelines ask;
- a mediation whose parties the sentence leaves implicit ("Oman-mediated negotiations") takes the
  document's own negotiating pair;
- one interaction per (source, relation, target, sentence, modality, other party) is kept.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Span

from ..model import Interaction
from .arguments import coordinated_groups, np_refs, subject_refs
from .context import DocContext, Ref, latest_act
from .frames import emit_interaction
from .modality import clause_modality

__all__ = ["denied_claims", "ellipsis", "repeated_acts", "resolve_deferred_mediation", "dedupe"]

ELLIPSIS_VERBS = ("do", "have", "be")


def _denials(ctx: DocContext, sent: Span) -> list[tuple["Token", set[str], int]]:
    """(claim noun, deniers, how many sentences back the claim may be) of '…, a claim US officials
    denied': a denial verb in a relative clause on a claim noun; a denial of 'the charge' told before
    ('…; the Taliban deny the charge', or in the next sentence); or, where the parser loses that clause ('…, a charge Abu Dhabi denies' read as a new
    main clause), the words in that order — comma, 'a'/'an', claim noun, an actor, a denial verb."""
    gz, found = ctx.gz, []
    for v in sent:
        if v.lemma_.lower() not in gz.word_list("denial_verbs"):
            continue
        if v.dep_ == "relcl" and v.head.lemma_.lower() in gz.word_list("report_nouns"):
            found.append((v.head, {r.actor for c in v.children if c.dep_ == "nsubj" for r in np_refs(ctx, c)}, 0))
            continue
        told = next((c for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in gz.word_list("report_nouns")
                     and any(d.lower_ in ("the", "this", "these", "that", "those", "such") for d in c.children)), None)
        if told is not None:  # "…; the Taliban deny the charge": the claim told in this or the previous sentence
            found.append((told, {r.actor for c in v.children if c.dep_ == "nsubj" for r in np_refs(ctx, c)}, 1))
            continue
        for k in range(max(sent.start + 2, v.i - 5), v.i - 1):
            claim, det, comma = ctx.doc[k], ctx.doc[k - 1], ctx.doc[k - 2]
            between = [ctx.mentions[j] for j in range(k + 1, v.i) if j in ctx.mentions]
            if claim.lemma_.lower() in gz.word_list("report_nouns") and det.lower_ in ("a", "an") and comma.text == "," \
                    and between and all(t.i in ctx.mentions or t.pos_ in ("PROPN", "DET") for t in ctx.doc[k + 1:v.i]):
                found.append((claim, {m.actor for m in between if m.kind != "person"} or {m.affiliation for m in between}, 0))
                break
    return found


def denied_claims(ctx: DocContext, sent_idx: int, sent: Span) -> None:
    """'The Houthis said they had hit the carrier, a claim US officials denied', '… Abu Dhabi denies the
    charge': a claim noun denied turns the reported acts before it that involve the denier into denials
    (kept beside the report: both sides' versions stand)."""
    for claim, deniers, back in _denials(ctx, sent):
        for ix in list(ctx.interactions):
            if sent_idx - back <= ix.sentence <= sent_idx and ix.modality == "reported" and ix.trigger_start < claim.idx \
                    and deniers & {ix.source, ix.target} and not ix.source.startswith("P_"):
                ctx.interactions.append(Interaction(**{**ix.__dict__, "modality": "negated",
                                                       "confidence": ix.confidence * 0.9,
                                                       "path": ix.path + "+denied-claim"}))


def _elided_subjects(ctx: DocContext, aux: "Token") -> list[Ref]:
    """'…, as did Bahrain and Oman', '…, and so did Kuwait': the actors of an auxiliary that stands
    for the clause it hangs on; [] when the token is no such auxiliary."""
    if aux.lemma_.lower() not in ELLIPSIS_VERBS or aux.dep_ not in ("advcl", "conj") or aux.head.pos_ != "VERB" \
            or any(c.dep_ in ("dobj", "xcomp", "ccomp", "acomp", "attr") for c in aux.children):
        return []
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in ("as", "so") for c in aux.children):
        return []
    return [r for c in aux.children if c.dep_ == "nsubj" for r in np_refs(ctx, c, how="ellipsis")]


def _elided_clause(ctx: DocContext, sent_idx: int, verb: "Token") -> "Token":
    """The verb whose claims the auxiliary repeats: the one it hangs on, or — when the parser hangs it on
    a complement ('France urged the junta to hand back power, as did the US') — the verb governing it."""
    cur = verb
    while cur.dep_ in ("xcomp", "ccomp") and cur.head != cur and not any(
            ix.sentence == sent_idx and ix.trigger_start == cur.idx for ix in ctx.interactions):
        cur = cur.head
    return cur if any(ix.sentence == sent_idx and ix.trigger_start == cur.idx for ix in ctx.interactions) else verb


def ellipsis(ctx: DocContext, sent_idx: int, sent: Span) -> None:
    """'Kuwait condemned the raid within hours, as did Bahrain and Oman': what the clause's subject
    did, the elided clause's subjects did too (same target, modality and evidence)."""
    for aux in sent:
        others = _elided_subjects(ctx, aux)
        if not others:
            continue
        verb = _elided_clause(ctx, sent_idx, aux.head)
        doers = {ix.source for ix in ctx.interactions if ix.sentence == sent_idx and ix.trigger_start == verb.idx}
        for ix in [ix for ix in ctx.interactions if ix.sentence == sent_idx and ix.trigger_start == verb.idx
                   and not ix.source.startswith("P_")]:
            for r in others:
                if r.actor not in doers and r.actor != ix.target:
                    ctx.interactions.append(Interaction(**{**ix.__dict__, "source": r.actor, "source_official": r.official,
                                                           "source_sector": r.sector, "confidence": ix.confidence * 0.9,
                                                           "path": ix.path + "+ellipsis"}))


def _pro_verb(ctx: DocContext, tok: "Token") -> bool:
    """Is ``tok`` a verb that stands for an act told before ('DID THE SAME', 'FOLLOWED SUIT', 'DID
    LIKEWISE')? The key is its lemma and its object or adverb (ontology word list pro_verb_phrases)."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    words = []
    for c in tok.children:
        if c.dep_ in ("dobj", "advmod", "npadvmod", "attr"):
            same = [a.lower_ for a in c.children if a.dep_ == "amod" and a.lower_ in ("same", "similar")]
            words += [c.lower_, c.lemma_.lower()] + [f"{a} {c.lemma_.lower()}" for a in same]  # 'took THE SAME STEP'
    return any(f"{tok.lemma_.lower()} {w}" in ctx.gz.word_list("pro_verb_phrases") for w in words)


def _pro_verb_doers(ctx: DocContext, tok: "Token") -> list[Ref]:
    """Who did the act again. A pro-verb in an infinitive on a noun ('the only EU leader TO DO SO', 'the
    second country to follow suit') describes whoever that noun is said to be: the subject of
    'became/was …'; in apposition to the one who did the act just told, it adds no one."""
    if tok.dep_ not in ("acl", "relcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return subject_refs(ctx, tok)
    noun = tok.head
    if noun.dep_ == "attr" and noun.head.pos_ in ("VERB", "AUX"):
        return subject_refs(ctx, noun.head)
    return []


def repeated_acts(ctx: DocContext, sent_idx: int, sent: Span) -> None:
    """'Burkina Faso cut ties with Ukraine, two days after neighbouring Mali DID THE SAME', 'Niger FOLLOWED
    SUIT': the pro-verb's subject did what the latest act told did (its target, relation and code),
    with the pro-verb clause's own modality ('has not followed suit': negated)."""
    for tok in sent:
        if not _pro_verb(ctx, tok):
            continue
        doers = _pro_verb_doers(ctx, tok)
        if not doers:
            continue
        modality, reporter = clause_modality(ctx, tok)
        for ix in latest_act(ctx, sent_idx, tok):
            for r in doers:
                if r.actor in (ix.source, ix.target):
                    continue
                ctx.interactions.append(Interaction(**{
                    **ix.__dict__, "source": r.actor, "source_official": r.official, "source_sector": r.sector,
                    "sentence": sent_idx, "trigger": tok.text, "trigger_start": tok.idx, "trigger_end": tok.idx + len(tok.text),
                    "modality": modality, "reported_by": (reporter.official or reporter.actor) if reporter else None,
                    "confidence": ix.confidence * 0.85, "path": ix.path + "+repeated-act"}))


def _pair_counts(ctx: DocContext, relations: tuple[str, ...], sentence: int | None, upto: int | None = None) -> Counter:
    """How often each pair of known actors interacts, in one sentence, up to one, or in the whole
    document (mediation itself is no pair of parties: 'Saudi Arabia and Iran both offered to mediate'
    must not make Iran a mediator between them; nor is a person, whose state may be unknown)."""
    mediation = ctx.gz.vocabulary.playing("mediation")
    return Counter(frozenset((ix.source, ix.target)) for ix in ctx.interactions
                   if ix.relation in relations and ix.relation not in mediation
                   and (sentence is None or ix.sentence == sentence) and (upto is None or ix.sentence <= upto)
                   and ctx.type_of(ix.source) != "Person" and ctx.type_of(ix.target) != "Person")


def _candidate_pairs(ctx: DocContext, sent_idx: int) -> list[Counter]:
    """Where implicit mediation parties are looked for, in order: the deal or talks of the sentence,
    any adversaries the sentence relates, the talks and deals told so far ('a U.S.-brokered ceasefire between
    Israel and Hamas … Egypt, Qatar and Turkey, which mediated the October agreement'), then the
    document's negotiations, then its agreements (the relations whose ag:extractionRole is "talks" or
    "agreement"), then the document's adversaries when they are the only pair at odds ('… freed after
    mediation by Togo' in a story of one quarrel)."""
    talks, agreements = ctx.gz.vocabulary.playing("talks"), ctx.gz.vocabulary.playing("agreement")
    # (allies and backers are no sides to mediate between: 'Russia, Serbia's ally, criticised the EU's mediation')
    hostile = tuple(r for r, d in ctx.gz.relations.items() if d["sign"] < 0)
    return [_pair_counts(ctx, talks + agreements, sent_idx), _pair_counts(ctx, hostile, sent_idx),
            _named_together(ctx, sent_idx), _pair_counts(ctx, talks + agreements, None, upto=sent_idx),
            _pair_counts(ctx, talks, None), _pair_counts(ctx, agreements, None),
            _sole_pair(_pair_counts(ctx, hostile, None))]


def _sole_pair(counts: Counter) -> Counter:
    """The pair counted, if there is only one (an unambiguous antecedent), else none."""
    return counts if len(counts) == 1 else Counter()


def _named_together(ctx: DocContext, sent_idx: int) -> Counter:
    """Two actors the sentence names together ('… once Armenia and Azerbaijan sign the treaty, in a deal
    brokered by Trump'): the sides of a mediation in that sentence before any pair told elsewhere."""
    sent = list(ctx.doc.sents)[sent_idx]
    return Counter(frozenset(g) for g in coordinated_groups(ctx, sent, None) if len(g) == 2)


def resolve_deferred_mediation(ctx: DocContext, sentences: list[Span]) -> None:
    """Parties for mediation the sentence left implicit: the deal or talks of its own sentence first,
    then any pair that sentence relates ('a declaration, brokered by Trump, in which Armenia and
    Azerbaijan pledged …'), then the document's negotiations, then its agreements — a pair that
    includes the party the sentence names ('Omani-mediated talks with Washington'), if it names one."""
    for m, tok, trig, sent_idx, mod, rep, named in ctx.deferred_mediation:
        # (co-mediators are no party: 'the accord, which Trump and Malaysia's Anwar brokered')
        mediators = {d[0].actor for d in ctx.deferred_mediation if d[1] is tok}
        top = next((pair for counts in _candidate_pairs(ctx, sent_idx)
                    for pair, _n in counts.most_common() if named <= pair and not pair & mediators), None)
        if top is None:
            continue
        a, b = sorted(top)
        ra, rb = Ref(a, None, None, 0.7, "document-context"), Ref(b, None, None, 0.7, "document-context")
        sent = sentences[sent_idx]
        mediates = ctx.gz.vocabulary.the("mediation")
        for party, other in ((ra, rb), (rb, ra)):
            emit_interaction(ctx, sent_idx, sent, tok, trig, mediates, trig.cameo, m, party, mod, rep,
                             "mediation:context", other=other)


def dedupe(interactions: list[Interaction]) -> list[Interaction]:
    """One interaction per (source, relation, target, sentence, modality, other party): the most confident."""
    best: dict[tuple, Interaction] = {}
    for ix in interactions:
        key = (ix.source, ix.relation, ix.target, ix.sentence, ix.modality, ix.other_party)
        if key not in best or ix.confidence > best[key].confidence:
            best[key] = ix
    return sorted(best.values(), key=lambda i: (i.sentence, i.trigger_start, i.source, i.relation, i.target))
