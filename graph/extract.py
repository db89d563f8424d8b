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

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import dates
from .gazetteer import Gazetteer, Trigger
from .model import Actor, Document, Extraction, Interaction, Sentence
from .context import PRONOUNS, SUBJ, DocContext, Ref
from .mentions import find_mentions
from .arguments import (accusation, accused_refs, actor_pairs, anaphoric, args_or_pair, coordination_head, event_owner,
                        governor, np_refs, object_path, pair_noun, prep_objects, relative_clause, resolve_pair, subject_refs,
                        talk_parties, third_party_subject, tree_depth)
from .modality import clause_modality, noun_modality


INTELLIGENCE_SHARING = "064"  # CAMEO: share intelligence or information


def _sentence_dates(doc: Doc, sentences: list[Span], gz: Gazetteer) -> dict[int, tuple[list[Span], dict | None]]:
    """Sentence start -> (its DATE entities, the named episode it mentions). Built once per document:
    ``Span.ents`` walks every entity of the document, too slow to call for each interaction."""
    by_sentence: dict[int, list[Span]] = {}
    for e in doc.ents:
        if e.label_ == "DATE" and not dates.looks_like_duration(e.text):
            by_sentence.setdefault(e.sent.start, []).append(e)
    out = {}
    for sent in sentences:
        low = sent.text.lower()
        out[sent.start] = (by_sentence.get(sent.start, []),
                           next((ep for ep in gz.episodes if any(a in low for a in ep["aliases"])), None))
    return out


def _date_for(ctx: DocContext, trig: Token, sent: Span) -> tuple[str | None, str | None, str | None]:
    """(date, text, episode id) for an interaction at ``trig``."""
    cands, episode = ctx.sentence_dates[sent.start]
    best = None
    if cands:
        anchor = trig
        # Prefer a date inside the trigger's own clause, then the nearest by token distance.
        clause = {t.i for t in (governor(trig) or trig).subtree}
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


def _triggers_for(gz: Gazetteer, tok: Token) -> list[Trigger]:
    pos = "VERB" if tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBG") and tok.dep_ in ("amod", "acl") else \
        "NOUN" if tok.pos_ in ("NOUN", "PROPN") else tok.pos_
    lemma = tok.lemma_.lower()
    # a phrasal verb is its own trigger ("ordered OUT the American troops" expels, "hit OUT at" criticises)
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None) if pos == "VERB" else None
    phrasal = gz.triggers.get((f"{lemma} {particle}", pos)) if particle else None
    if phrasal is not None:
        return [t for t in phrasal if not t.requires_object or _requirement_met(tok, t)]
    found = gz.triggers.get((lemma, pos)) or gz.triggers.get((tok.lower_, pos)) or []
    if pos == "NOUN" and not found and lemma.endswith("s"):
        found = gz.triggers.get((lemma[:-1], pos), [])
    # The specific reading beats the generic one: "hosted talks" is mediation, not a host's visit;
    # "shuttle diplomacy" is mediation, not talks between the shuttlers.
    specific = [t for t in found if t.requires_object and _requirement_met(tok, t)]
    if specific:
        return specific
    return [t for t in found if not t.requires_object or pos == "VERB"]


def _requirement_met(tok: Token, trig: Trigger) -> bool:
    """A verb's required object, or a noun's required modifier ("a PHONE call"; "a call for restraint"
    is not a conversation)."""
    if trig.pos == "VERB":
        found = _object_lemmas(tok)
    else:
        found = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    return bool(found & set(trig.requires_object)) and not found & set(trig.excludes_object)


def _object_lemmas(tok: Token) -> set[str]:
    out = set()
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr"):
            if c.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
                c = tok.head  # "talks that Iraq and Oman had hosted": the relative pronoun is the noun
            for cc in [c] + list(c.conjuncts):
                out.add(cc.lemma_.lower())
        if c.dep_ in ("prep", "dative"):
            out.add("_prep")
    if tok.dep_ == "relcl" and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
        out.add(tok.head.lemma_.lower())  # "the treaty he signed with Putin": the described noun is the object
    if tok.dep_ in ("amod", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
        out.add(tok.head.lemma_.lower())  # "the meeting, hosted by Turkey": the noun is the object
    subj = _participle_patient(tok)
    if subj is not None:
        out.add(subj.lemma_.lower())
    return out


def _participle_patient(tok: Token) -> Token | None:
    """'Talks … resumed in Almaty, hosted by Kazakhstan': a passive participle hung on the clause is
    about the clause's subject."""
    if tok.dep_ == "advcl" and tok.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def _refine(ctx: DocContext, tok: Token, relation: str, code: str) -> str:
    scope = {t.lemma_.lower() for t in tok.subtree}
    if tok.head != tok:
        scope |= {t.lemma_.lower() for t in tok.head.subtree} if tok.pos_ == "NOUN" else set()
    for rel, words, refined in ctx.gz.refinements:
        if rel == relation and scope & words and refined:
            return refined
    return code


def _emit(ctx: DocContext, sent_idx: int, sent: Span, tok: Token, trig: Trigger, relation: str, cameo: str,
          src: Ref, tgt: Ref, modality: str, reporter: Ref | None, path: str,
          other: Ref | None = None, factor: float = 1.0) -> None:
    if src.actor == tgt.actor:
        return
    if trig.target_types and ctx.gz.actors.get(tgt.actor, Actor("", "", "")).type not in trig.target_types:
        return
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
    ctx.salience.append((sent_idx, tree_depth(tok), ix))
    if src.official:  # officials act for their state; keep the person-level claim too, linked
        person_ix = Interaction(**{**ix.__dict__, "source": src.official, "source_official": None,
                                   "path": ix.path + "+official"})
        ctx.interactions.append(person_ix)


def _instrument(ctx: DocContext, v: Token) -> Trigger | None:
    """'hit by US tariffs', 'sanctions hit Iran': the agent is itself an event noun of another
    relation; the verb only says it landed. Returns that noun's trigger."""
    agents = [c for c in v.children if c.dep_ == "nsubj"]
    agents += [p for c in v.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    for a in agents:
        for t in ctx.gz.triggers.get((a.lemma_.lower(), "NOUN"), []):
            if t.relation != "attacks":
                return t
    return None


def _verb_rule(ctx: DocContext, sent_idx: int, sent: Span, v: Token, trig: Trigger) -> None:
    gz = ctx.gz
    relation, cameo = trig.relation, trig.cameo
    if relation == "attacks":
        instrument = _instrument(ctx, v)
        if instrument is not None:
            relation, cameo = instrument.relation, instrument.cameo
    if trig.requires_object and not _requirement_met(v, trig):
        return
    if trig.complements:
        _complement_rule(ctx, sent_idx, sent, v, trig)
        return
    if trig.label_words:  # "called the Chinese actions 'escalatory'": only a hostile label counts
        subj_tokens = {t.i for c in v.children if c.dep_ in SUBJ for t in c.subtree}
        if not any(t.lemma_.lower() in trig.label_words or t.lower_ in trig.label_words
                   for t in v.subtree if t.i not in subj_tokens):
            return
    if relation == "threatens" and v.lemma_.lower() in ("warn", "alert") and any(
            t.lemma_.lower() in gz.word_list("danger_nouns") and t.head.lower_ == "of" and t.dep_ == "pobj"
            and not any(c.dep_ == "poss" for c in t.children) for t in v.subtree):
        relation, cameo = "cooperatesWith", INTELLIGENCE_SHARING  # "warned Moscow of an imminent threat"
    negated_use = trig.negated_relation is not None
    modality, reporter = clause_modality(ctx, v, ignore_modals=negated_use, relation=relation)
    if negated_use:
        if modality != "negated":
            return
        relation, cameo = trig.negated_relation, trig.negated_cameo or cameo
        modality = "reported" if reporter else "asserted"

    # Participles modifying a noun: "Oman-mediated negotiations", "Iran-backed Houthis".
    # ("the US-led coalition fighting the Islamic State group" is an active clause: its subject is the noun)
    active_participle = v.tag_ == "VBG" and v.dep_ == "acl" and any(c.dep_ == "dobj" for c in v.children)
    if v.dep_ in ("amod", "acl") and v.head.pos_ in ("NOUN", "PROPN") and not any(c.dep_ in SUBJ for c in v.children) \
            and not active_participle:
        srcs = []
        for c in v.children:
            if c.dep_ in ("npadvmod", "compound", "nmod", "advmod", "amod", "poss") and c.i in ctx.mentions:
                srcs += [r for r in np_refs(ctx, c, how="participle-modifier")]
        if v.i > 1 and v.nbor(-1).text == "-" and v.i - 2 in ctx.mentions:
            srcs += np_refs(ctx, v.nbor(-2), how="hyphen-compound")
        agent = prep_objects(ctx, v, trig.agent_preps)
        for _, p in agent:
            srcs += np_refs(ctx, p, how="participle-agent")
        if srcs:
            noun = v.head
            mod, rep = noun_modality(ctx, noun)
            if mod != "negated":  # "Iran-backed militias" describes; it is not what a source or a modal says
                mod, rep = "asserted", None
            if relation == "mediates":
                parties = talk_parties(ctx, noun, sent_idx)
                _mediation(ctx, sent_idx, sent, v, trig, srcs, parties, mod, rep)
                return
            for s in srcs:
                for t in args_or_pair(ctx, noun, sent_idx, "modified-noun"):
                    _emit(ctx, sent_idx, sent, v, trig, relation, cameo, s, t, mod, rep, "participle")
            return
        if v.dep_ == "acl" and v.head.i in ctx.mentions:  # "non-state actors aligned with Tehran"
            srcs = np_refs(ctx, v.head, expand_conj=False, how="participle-head")
            tgts = [r for _, p in prep_objects(ctx, v, trig.target_preps) for r in np_refs(ctx, p, how="prep")]
            for s in srcs:
                for t in tgts:
                    _emit(ctx, sent_idx, sent, v, trig, relation, cameo, s, t, modality, reporter, "acl")
        return

    subjects = subject_refs(ctx, v)
    if relation == "opposes" and v.lemma_.lower() in gz.word_list("retaliation_verbs") and any(
            t.relation == "attacks" for _, p in prep_objects(ctx, v, ("with",)) for t in _triggers_for(gz, p)):
        return  # "Tehran retaliated with missile barrages on Israeli cities": the barrages are the act (attacks)
    if relation in ("pressures", "demands") and any(
            c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.i not in ctx.mentions
            and any(t.relation not in ("pressures", "demands") for t in _triggers_for(gz, c)) for c in v.children):
        subjects = []  # "Israel's strike on Doha pushed the Gulf states into…": an act is a cause, not an appeal's author
    if relation == "attacks" and v.lemma_.lower() in gz.word_list("verbal_clash_verbs") and _verbal(v, subjects):
        relation, cameo = "opposes", gz.relations.get("opposes", {}).get("cameo", cameo)
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
        if trig.object_is_theme and c.dep_ == "dobj" and not prep_objects(ctx, v, ("with",)):
            continue  # "sent their ambassadors to the ceremony": the object is what is sent
        rel = relative_clause(v) if c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") else None
        if rel is not None:
            if not trig.object_is_theme:  # "the Houthis, whom Iran arms": the described noun is the object
                targets += np_refs(ctx, rel.head, factor=0.95, how="relative-object",
                                   place_ok=relation == "attacks", conj_before=c.i)
            continue
        if (c.dep_ == "dobj" or (passive and c.dep_ == "nsubjpass")) or (c.dep_ == "dative" and c.pos_ != "ADP"):
            if trig.target_is_possessor and c.i not in ctx.mentions and c.pos_ in ("NOUN", "PROPN"):
                owners = np_refs(ctx, c)
                if any(p.dep_ == "poss" and p.lower_ in PRONOUNS for p in c.children) \
                        and {r.actor for r in owners} <= {r.actor for r in subjects}:
                    owners = []  # "Mali, Burkina Faso and Niger recalled their ambassadors": their own
                targets += [Ref(r.actor, r.sector, r.official, r.factor * 0.9, "object-owner") for r in owners]
            else:
                targets += args_or_pair(ctx, c, sent_idx, "object", place_ok=relation == "attacks")
    mutual: set[str] = set()  # "clashed with Y": Y fought back — A attacks B and B attacks A
    verb_preps = prep_objects(ctx, v, trig.target_preps)
    if not verb_preps and relation == "attacks":
        # "launched 400 drones and 40 missiles at Ukraine": the parser hangs "at" on the last missile
        for o in [c for c in v.children if c.dep_ == "dobj"]:
            for oc in [o] + list(o.conjuncts):
                verb_preps += prep_objects(ctx, oc, ("at", "on", "into", "against", "toward", "towards"))
    preps_here = {prep for prep, _ in verb_preps}
    for prep, p in verb_preps:
        if prep == "with" and relation == "attacks" and "against" in preps_here:
            continue  # "fought with the Malian army against JNIM": alongside, not against
        refs = args_or_pair(ctx, p, sent_idx, f"prep:{prep}", place_ok=True)
        (between if prep == "between" else targets).extend(refs)
        if prep == "with" and trig.between_mutual:
            mutual |= {r.actor for r in refs}
    # "struck what the army described as Hezbollah depots", "hit what it said were Hezbollah targets",
    # "condemn what it calls American aggression": the free relative's description names the target
    if not targets:
        for c in v.children:
            if c.dep_ == "ccomp" and any(w.lower_ == "what" and w.tag_ == "WP" and w.i < c.i for w in c.children):
                described = [o for p in c.subtree if p.dep_ == "prep" and p.lower_ == "as" for o in p.children
                             if o.dep_ == "pobj"] + [t for t in c.subtree if t.dep_ in ("attr", "oprd")]
                for d in described[:1]:
                    targets += np_refs(ctx, d, factor=0.85, how="free-relative", place_ok=relation == "attacks")
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
    if not targets and v.dep_ == "relcl" and not any(c.dep_ in ("dobj", "nsubjpass") and c.tag_ not in ("WDT", "WP")
                                                     for c in v.children) \
            and any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in v.children):
        targets += event_owner(ctx, v.head, subjects) if trig.target_is_possessor else \
            np_refs(ctx, v.head, factor=0.9, how="relative-object", place_ok=relation == "attacks")
    # 1: "condemned the raids" — the target is whoever carried out the event the object names.
    for c in v.children:
        if not targets and c.dep_ == "dobj" and trig.target_is_possessor and c.i not in ctx.mentions:
            targets += event_owner(ctx, c, subjects)
    # "demanded that Iran halt…", "said Iran must stop…": the subject of the complement clause.
    # "could help Pyongyang build satellites": the helped actor is the complement's subject.
    if not targets and (relation in ("demands", "pressures", "opposes", "threatens") or (
            relation == "supports" and v.lemma_.lower() in gz.word_list("object_control"))):
        for c in v.children:
            if v.lemma_.lower() == "insist" and c.dep_ == "ccomp" and c.tag_ in ("VBD", "VBN") and not any(
                    k.dep_ == "aux" and k.lower_ in gz.word_list("hypothetical_modals") for k in c.children):
                continue  # "officials insist that Washington played no role": an assertion, not a demand
            if c.dep_ in ("ccomp", "xcomp"):
                for cc in c.children:
                    if cc.dep_ in ("nsubj", "nsubjpass"):
                        targets += np_refs(ctx, cc, factor=0.9, how="complement-subject")
    # "said China's intimidation of Taiwan endangered peace and urged Beijing to show restraint": when
    # the inherited subject is the target itself, the conjunct is the speaker's act, not the complement's.
    if targets and v.dep_ == "conj" and v.head.dep_ == "ccomp" and subjects \
            and {r.actor for r in subjects} <= {t.actor for t in targets}:
        above = subject_refs(ctx, v.head.head)
        if above and not {r.actor for r in above} & {t.actor for t in targets}:
            subjects = [Ref(r.actor, r.sector, r.official, r.factor * 0.85, "speaker-conj") for r in above]
    # "recalled its ambassador from Belarus": when the object is the subject's own, its preposition names the target.
    subj_actors = {r.actor for r in subjects}
    if targets and all(t.actor in subj_actors for t in targets):
        targets = [r for c in v.children if c.dep_ == "dobj" for _, p in prep_objects(ctx, c, trig.target_preps)
                   for r in np_refs(ctx, p, factor=0.85, how="object-prep", place_ok=True)]
    # "warned that the army would resume strikes on Hamas": the threatened actor inside the warning.
    if not targets and relation == "threatens":
        subj = {r.actor for r in subjects}
        for c in v.children:
            if c.dep_ in ("ccomp", "xcomp", "advcl") and not targets:
                # (not inside a contrast the parser hung on it: "…, while Washington … has urged restraint")
                aside = {k.i for d in c.subtree if d.dep_ == "advcl" and d != c and any(
                    m.dep_ == "mark" and m.lower_ in ("while", "whereas", "although", "though") for m in d.children)
                    for k in d.subtree}
                for t in c.subtree:
                    if t.i in aside:
                        continue
                    if pair_noun(ctx, t) and t.dep_ in ("pobj", "dobj"):  # "sanctions on both countries"
                        refs = [r for r in args_or_pair(ctx, t, sent_idx, "warning-target") if r.actor not in subj]
                        if refs:
                            targets += refs
                            break
                    if (t.i in ctx.mentions and ctx.mentions[t.i].kind != "person") or \
                            (t.pos_ == "NOUN" and t.dep_ in ("pobj", "dobj") and anaphoric(ctx, t) is not None):
                        refs = [r for r in np_refs(ctx, t, expand_conj=False, factor=0.8, how="warning-target", place_ok=True)
                                if r.actor not in subj]
                        if refs:
                            targets += refs
                            break
    # "called on Tehran to resume cooperation and threatened to trigger the snapback": a second act
    # with no target of its own is aimed at the target of the act it is coordinated with.
    if not targets and v.dep_ == "conj" and relation in ("threatens", "opposes", "demands", "pressures"):
        head_start, subj = coordination_head(v).idx, {r.actor for r in subjects}
        seen: set[str] = set()
        for ix in ctx.interactions:
            if ix.trigger_start == head_start and ix.source in subj and ix.target not in seen \
                    and not ix.target.startswith("P_") and ix.relation in ("threatens", "opposes", "demands", "pressures"):
                seen.add(ix.target)
                targets.append(Ref(ix.target, ix.target_sector, None, 0.8, "conjunct-target"))
    # "offered to share intelligence with Abuja": the parser hangs the preposition on the object.
    if not targets and not between:
        targets += [r for c in v.children if c.dep_ == "dobj" and c.i not in ctx.mentions
                    for _, p in prep_objects(ctx, c, trig.target_preps) if trig.target_preps
                    for r in np_refs(ctx, p, factor=0.85, how="object-prep", place_ok=relation == "attacks")]
    # "broaden the talks to include Iran's missile programme": the owner inside the object's clause;
    # also the fallback when the parser lost the object ("cannot accept uncompromising US demands").
    has_object = any(c.dep_ in ("dobj", "nsubjpass") for c in v.children)
    if trig.target_is_possessor and not targets and (relation == "demands" or not has_object or trig.object_is_theme):
        # not the subject, nor another clause hung on the verb ("approved the loan, overcoming objections
        # from Belgium": Belgium owns nothing the EU approved)
        elsewhere = [c for c in v.children if c.dep_ in SUBJ or c.dep_ in ("conj", "parataxis", "relcl")
                     or (c.dep_ == "advcl" and c.tag_ == "VBG")]
        for t in v.subtree:
            if t.i in ctx.mentions and t.i != v.i and ctx.mentions[t.i].kind != "person":
                if all(t.i not in range(c.left_edge.i, c.right_edge.i + 1) for c in elsewhere):
                    targets += np_refs(ctx, t, factor=0.85, how="complement-owner")
                    break
    if any(t.lower_ in ("other", "another") and (t.head.lower_ in ("each", "one") or
                                                  any(d.lower_ in ("each", "one") for d in t.children)) or
           (t.lower_ in ("each", "one") and any(c.lower_ in ("other", "another") for c in t.children))
           # only the verb's own object or prepositional object: "train on each other's territory" deep in
           # a complement is not "X and Y allowed each other"
           for c in v.children if c.dep_ in ("dobj", "prep", "dative")
           for t in ([c] + [p for p in c.children if p.dep_ in ("pobj", "det")])) and len(subjects) > 1:
        targets = []  # "agreed not to use force against each other": every pair, both ways
        for a, b in actor_pairs(subjects):
            _emit(ctx, sent_idx, sent, v, trig, relation, cameo, a, b, modality, reporter, "verb:reciprocal")
            _emit(ctx, sent_idx, sent, v, trig, relation, cameo, b, a, modality, reporter, "verb:reciprocal")
        return
    # "Ukraine did not take part in the talks", "Qatar joined the negotiations": a participant
    # negotiates with the parties of the meeting it takes part in
    if relation == "negotiatesWith" and not targets and v.lemma_.lower() in gz.word_list("participation_verbs"):
        meetings = [c for c in v.children if c.dep_ == "dobj" and (c.lemma_.lower(), "NOUN") in gz.triggers] + \
                   [p for _, p in prep_objects(ctx, v, ("in", "at")) if (p.lemma_.lower(), "NOUN") in gz.triggers]
        subj = {r.actor for r in subjects}
        for m in meetings:
            parties = [r for r in talk_parties(ctx, m, sent_idx) if r.actor not in subj] or \
                event_owner(ctx, m, subjects)
            targets += [Ref(r.actor, r.sector, r.official, r.factor * 0.85, "meeting-party") for r in parties]
    symmetric = gz.relations.get(relation, {}).get("symmetric", False)
    prep_targets = [r for prep, p in verb_preps if prep != "between"
                    for r in np_refs(ctx, p, place_ok=True)]
    if symmetric and prep_targets:
        targets = prep_targets
    if relation == "mediates":
        parties = between or targets
        if not parties:
            for c in v.children:
                if c.dep_ == "dobj":
                    parties = talk_parties(ctx, c, sent_idx)
        patient = _participle_patient(v)
        if not parties and patient is not None:
            parties = talk_parties(ctx, patient, sent_idx)
        _mediation(ctx, sent_idx, sent, v, trig, subjects, parties, modality, reporter)
        return
    if relation == "attacks":  # "fighting JNIM alongside the Malian army": fighting for someone is supporting it
        with_allies = ("alongside", "with") if "against" in preps_here else ("alongside",)  # "fought with X against Y"
        allies = [r for _, p in prep_objects(ctx, v, with_allies) for r in np_refs(ctx, p, factor=0.9, how="alongside")]
        if v.lemma_.lower() in ("fight", "battle"):  # "sent troops to fight for Russia" (not "for control of Sanaa")
            allies += [r for _, p in prep_objects(ctx, v, ("for",)) if p.i in ctx.mentions and not ctx.mentions[p.i].location
                       for r in np_refs(ctx, p, factor=0.9, how="fight-for")]
        support = gz.relations.get("supports", {}).get("cameo", "")
        for s in subjects:
            for a in allies:
                _emit(ctx, sent_idx, sent, v, trig, "supports", support, s, a, modality, reporter, "verb:alongside")
        if not targets:  # "fought alongside Russian forces against Ukraine": the parser hangs the foe on the ally
            foes = [r for _, p in prep_objects(ctx, v, with_allies) for _, q in prep_objects(ctx, p, ("against",))
                    for r in np_refs(ctx, q, factor=0.9, how="ally-against", place_ok=True)]
            targets = foes
            for a in allies:
                for f in foes:
                    _emit(ctx, sent_idx, sent, v, trig, relation, cameo, a, f, modality, reporter, "verb:alongside-against")
    symmetric = gz.relations.get(relation, {}).get("symmetric", False)
    if not targets and not between and modality in ("asserted", "reported"):
        ctx.events.extend((v.i, v.lemma_.lower(), relation, r.actor) for r in subjects)
    if between:
        for a, b in actor_pairs(between):
            _emit(ctx, sent_idx, sent, v, trig, relation, cameo, a, b, modality, reporter, "verb:between")
    if targets:
        for s in subjects:
            for t in targets:
                if trig.reverse:
                    s, t = t, s
                _emit(ctx, sent_idx, sent, v, trig, relation, cameo, s, t, modality, reporter, "verb:" + ("passive" if passive else "active"))
                if t.actor in mutual and not symmetric:
                    _emit(ctx, sent_idx, sent, v, trig, relation, cameo, t, s, modality, reporter, "verb:mutual")
    elif (symmetric or trig.between_mutual) and len(subjects) > 1 and not (
            not trig.object_is_theme and not trig.requires_object and any(
                c.dep_ == "dobj" and not any(t.relation == relation for t in gz.triggers.get((c.lemma_.lower(), "NOUN"), []))
                and not (c.left_edge.i > v.i + 1 and c.doc[c.left_edge.i - 1].text == ",")  # "met …, the first such visit"
                for c in v.children)):
        # "the US and Iran met", "the two armies clashed", "fought a border war" - but "Russia and China would
        # not recognise the sanctions" has an object that is no actor and no such event: the verb relates the
        # subjects to it, not to each other
        for a, b in actor_pairs(subjects):
            _emit(ctx, sent_idx, sent, v, trig, relation, cameo, a, b, modality, reporter, "verb:coordinated-subject")
            if not symmetric:
                _emit(ctx, sent_idx, sent, v, trig, relation, cameo, b, a, modality, reporter, "verb:coordinated-subject")


def _verbal(v: Token, subjects: list[Ref]) -> bool:
    """'Petro has clashed with the Trump administration over deportation flights': leaders, governments
    and diplomats clash in words (opposes, both ways); troops and fighters in arms (attacks). A bare
    state ("Thailand and Cambodia clashed over the temple") stays an armed clash."""
    if any(r.sector == "MIL" for r in subjects):
        return False
    return any(r.official or r.sector in ("GOV", "DIP", "LEG") for r in subjects)


def _complement_rule(ctx: DocContext, sent_idx: int, sent: Span, v: Token, trig: Trigger) -> None:
    """'Islamabad vowed to retaliate', 'vowed to hunt down JNIM's leaders': a threat carried by its
    complement verb. The target is the actor inside the complement, else whoever last attacked the
    subject in this document."""
    comps = [c for c in v.children if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in trig.complements
             and not any(cc.dep_ == "neg" for cc in c.children)]  # "pledged not to attack" is no threat
    if not comps:
        # "vowed that the American and British strikes would not go unpunished": a warning about attacks
        comps = [c for c in v.children if c.dep_ == "ccomp" and any(
            t.relation == "attacks" for tok in c.subtree for t in ctx.gz.triggers.get((tok.lemma_.lower(), "NOUN"), []))]
    if not comps:
        return
    modality, reporter = clause_modality(ctx, v, relation=trig.relation)
    subjects = subject_refs(ctx, v)
    targets = [r for c in comps for t in c.subtree if t.i in ctx.mentions and t.i != v.i
               for r in np_refs(ctx, t, expand_conj=False, factor=0.85, how="complement-target", place_ok=True)]
    if not targets:
        for s in subjects:
            attackers = [ix for _, _, ix in reversed(ctx.salience) if ix.relation == "attacks" and ix.target == s.actor
                         and ix.modality in ("asserted", "reported")]
            if attackers:
                targets = [Ref(attackers[0].source, None, None, 0.75, "counterpart")]
    # "vowed to retaliate": the threatened use of force is itself a (hypothetical) attack on the target
    force = [c for c in comps if c.lemma_.lower() in ctx.gz.word_list("force_acts")]
    attack_code = ctx.gz.relations.get("attacks", {}).get("cameo", "")
    for s in subjects:
        for t in targets:
            _emit(ctx, sent_idx, sent, v, trig, trig.relation, trig.cameo, s, t, modality, reporter, "verb:complement")
            if force and modality != "negated":
                _emit(ctx, sent_idx, sent, force[0], trig, "attacks", attack_code, s, t, "hypothetical", reporter,
                      "verb:threat-content", factor=0.9)


def _mediation(ctx: DocContext, sent_idx: int, sent: Span, tok: Token, trig: Trigger, mediators: list[Ref],
               parties: list[Ref], modality: str, reporter: Ref | None) -> None:
    for m in mediators:
        ps = [p for p in parties if p.actor != m.actor]
        if len(ps) >= 2:
            for a, b in actor_pairs(ps):
                _emit(ctx, sent_idx, sent, tok, trig, "mediates", trig.cameo, m, a, modality, reporter, "mediation", other=b)
                _emit(ctx, sent_idx, sent, tok, trig, "mediates", trig.cameo, m, b, modality, reporter, "mediation", other=a)
        else:
            ctx.deferred_mediation.append((m, tok, trig, sent_idx, modality, reporter))


def _noun_rule(ctx: DocContext, sent_idx: int, sent: Span, n: Token, trig: Trigger) -> None:
    gz = ctx.gz
    if trig.relation == "threatens" and any(c.lower_ in gz.word_list("cooperative_modifiers") for c in n.children):
        return  # "joint patrols around Lake Chad" are cooperation, not a show of force
    if n.i in ctx.mentions:
        return
    relation, cameo = trig.relation, trig.cameo
    modality, reporter = noun_modality(ctx, n, made_of_governor=trig.recipient_from_governor)

    # "the two allies" / "X's ally" / "an ally of X": the ally noun names the relation itself.
    if relation == "alliedWith" and pair_noun(ctx, n) and n.dep_ != "appos":
        pair = resolve_pair(ctx, sent_idx, before=n.idx)
        if len(pair) == 2:
            _emit(ctx, sent_idx, sent, n, trig, relation, cameo, pair[0], pair[1], modality, reporter, "noun:pair")
        return
    if relation == "alliedWith" and modality == "reported":
        modality, reporter = "asserted", None  # "close allies", "its Russian allies": descriptive
    seen_as = n.dep_ == "pobj" and n.head.lower_ == "as" and n.head.head.lemma_.lower() in gz.word_list("perception_verbs")
    if (relation == "alliedWith" or n.lemma_.lower() in gz.word_list("role_nouns")) and seen_as:
        # "Eritrea is widely seen as a backer of the Sudanese army": a role others attribute — reported
        verb = n.head.head
        holders = [r for c in verb.children if c.dep_ == "nsubjpass" for r in np_refs(ctx, c, how="seen-as")]
        owners = [r for c in n.children if c.dep_ in ("poss", "compound", "amod") for r in np_refs(ctx, c, how="role-of")]
        owners += [r for _, p in prep_objects(ctx, n, ("of", "to", "with")) for r in np_refs(ctx, p, how="role-of")]
        mod = "negated" if modality == "negated" else "reported"
        for h in holders:
            for o in owners:
                _emit(ctx, sent_idx, sent, n, trig, relation, cameo, h, o, mod, None, "noun:seen-as")
        return
    if (relation == "alliedWith" or n.lemma_.lower() in gz.word_list("role_nouns")) and n.dep_ in ("appos", "attr"):
        if n.dep_ == "appos":
            holders = np_refs(ctx, n.head, how="apposition")
        else:  # "Ethiopia and Eritrea, which … became unlikely partners": whoever the copula's subject is
            holders = subject_refs(ctx, n.head) if n.head.pos_ in ("VERB", "AUX") else []
        owners = [r for c in n.children if c.dep_ in ("poss", "compound", "amod") for r in np_refs(ctx, c, how="ally-of")]
        owners += [r for _, p in prep_objects(ctx, n, ("of", "with")) for r in np_refs(ctx, p, how="ally-of")]
        if owners:
            for h in holders:
                for o in owners:
                    _emit(ctx, sent_idx, sent, n, trig, relation, cameo, h, o, modality, reporter, "noun:apposition")
        elif len(holders) > 1 and gz.relations.get(relation, {}).get("symmetric", False) \
                and not any(c.dep_ == "poss" for c in n.children) and not prep_objects(ctx, n, ("of", "with")):
            # "Ethiopia and Eritrea, unlikely partners": each other's; but "Egypt and the UAE, Haftar's main
            # backers" back someone the gazetteer does not know, not each other
            for a, b in actor_pairs(holders):
                _emit(ctx, sent_idx, sent, n, trig, relation, cameo, a, b, modality, reporter, "noun:apposition")
        return

    sources: list[Ref] = []
    mods: list[Ref] = []
    for c in n.children:
        if c.dep_ == "poss" and c.tag_ == "WP$":  # "the TTP, whose attacks on Pakistani soldiers have surged"
            rel = next((a for a in n.ancestors if a.dep_ == "relcl"), None)
            sources += np_refs(ctx, rel.head, expand_conj=False, factor=0.9, how="whose") if rel is not None else []
        elif c.dep_ == "poss":
            sources += np_refs(ctx, c, how="possessor")
        elif c.dep_ in ("amod", "compound", "nmod", "npadvmod"):
            mods += np_refs(ctx, c, how=f"modifier:{c.dep_}")
    mod_actors = {r.actor for r in mods}
    if trig.compound_is_venue and len(mod_actors) == 1 and not sources and not any(
            c.i in ctx.mentions and ctx.mentions[c.i].kind == "part" for c in n.children):
        mods = []  # "the Oman talks": a venue (but "the White House meeting" is the president's)
    coordinated = any(c.dep_ == "conj" for m in n.children if m.dep_ in ("amod", "compound", "nmod") for c in m.children)
    multi_party = len(mod_actors) >= 2 and (gz.relations.get(relation, {}).get("symmetric", False)
                                            or trig.between_mutual) and not (coordinated and not trig.between_mutual)
    if not multi_party:
        sources += mods
    for _, p in prep_objects(ctx, n, trig.agent_preps):
        sources += np_refs(ctx, p, how="noun-agent")
    gv = governor(n)
    if not sources and n.dep_ == "dobj" and gv is not None and n.head == gv \
            and gv.lemma_.lower() in gz.word_list("elicit_verbs"):  # "drawing condemnation from Kyiv"
        sources = [r for _, p in prep_objects(ctx, gv, trig.agent_preps) for r in np_refs(ctx, p, how="reaction-from")]
    for c in n.children:  # "an attack claimed by the Islamic State group"
        if not sources and c.dep_ == "acl" and c.lemma_.lower() in gz.word_list("claim_verbs"):
            sources = [r for _, p in prep_objects(ctx, c, ("by",)) for r in np_refs(ctx, p, factor=0.9, how="claimed-by")]
    doers = gz.word_list("light_verbs") | gz.word_list("negating_verbs") | gz.word_list("presupposing_verbs")
    if not sources and gv is not None and gv.lemma_.lower() in doers and object_path(n, gv) \
            and not third_party_subject(ctx, gv):  # "mediators kept the truce alive" are not its parties
        # ("Iran suspended cooperation with the IAEA": who stops or refuses an event is its party too)
        sources = [Ref(r.actor, r.sector, r.official, r.factor * 0.9, "light-verb") for r in subject_refs(ctx, gv)]

    # "the framework agreement that Congo and the M23 rebels signed", "the treaty he signed with Putin":
    # a light verb in a relative clause about the noun names its parties
    rel_hosts = [c for c in n.children if c.dep_ == "relcl" and c.lemma_.lower() in gz.word_list("light_verbs")
                 and not any(cc.dep_ == "dobj" and cc.tag_ not in ("WDT", "WP") for cc in c.children)
                 and not any(t.relation == "mediates" for t in _triggers_for(gz, c))]  # "talks that Oman hosted"
    if not sources and rel_hosts:
        sources = [Ref(r.actor, r.sector, r.official, r.factor * 0.9, "relative-light-verb")
                   for c in rel_hosts for r in subject_refs(ctx, c)]
    targets: list[Ref] = []
    between: list[Ref] = list(mods) if multi_party else []
    prep_hosts = [n] + rel_hosts
    if gv is not None and gv.lemma_.lower() in gz.word_list("light_verbs") and object_path(n, gv):
        # "impose tariffs … on the country", "pledged 40 billion euros in aid for Ukraine": the preposition
        # may sit on the verb or on the object the noun hangs from
        cur = n.head
        while cur != gv and cur.head != cur:
            if cur.pos_ in ("NOUN", "PROPN", "NUM"):
                prep_hosts.append(cur)
            cur = cur.head
        if n.dep_ == "dobj":
            prep_hosts.append(gv)
    mutual: set[str] = set()  # "days of fighting with the Congolese army": both sides fight
    places = ("in", "inside", "at", "near")
    named_elsewhere = any(q not in places + ("between",) for q, _ in prep_objects(ctx, n, trig.target_preps))
    for prep, p in [pp for host in prep_hosts for pp in prep_objects(ctx, host, trig.target_preps)]:
        if prep in places and (targets or named_elsewhere):
            continue  # "a strike on US forces at Al Udeid air base in Qatar": Qatar is where, not whom
        refs = args_or_pair(ctx, p, sent_idx, f"prep:{prep}", place_ok=True)
        if trig.target_is_possessor and not refs:
            refs = np_refs(ctx, p, factor=0.9, how="object-owner")
        (between if prep == "between" else targets).extend(refs)
        if prep == "with" and trig.between_mutual:
            mutual |= {r.actor for r in refs}
    if relation == "attacks" and trig.between_mutual and not between and not targets:
        # "five days of fighting along their border", "clashes on the Thai-Cambodian frontier": the two
        # sides of the border fight each other
        for _prep, p in prep_objects(ctx, n, ("along", "across", "on", "at")):
            if p.lemma_.lower() in ("border", "frontier", "boundary"):
                owners = np_refs(ctx, p, factor=0.85, how="border-sides")
                between = owners if len({r.actor for r in owners}) > 1 else between
    if "between" in trig.target_preps and not between:
        # "the ceasefire that took effect between Thailand and Cambodia", "the war that broke out between
        # A and B": a relative clause about the noun says between whom it is
        for c in n.children:
            if c.dep_ == "relcl" and c not in rel_hosts \
                    and not any(t.relation == "mediates" for t in _triggers_for(gz, c)):  # "a summit to mediate between"
                for _prep, p in prep_objects(ctx, c, ("between",)):
                    between.extend(args_or_pair(ctx, p, sent_idx, "relative:between", place_ok=True))
    if not targets and sources and relation == "pressures" and gv is not None and n.dep_ == "pobj" \
            and n.head.lower_ in ("under", "despite", "amid", "after") and not object_path(n, gv):
        targets = [Ref(r.actor, r.sector, r.official, r.factor * 0.85, "pressured-subject") for r in subject_refs(ctx, gv)]
    if not sources and relation == "attacks" and n.dep_ == "pobj" and n.head.lower_ in ("in", "during") \
            and gv is not None and n.head.head == gv:
        # "Boko Haram fighters killed 20 soldiers in an attack on a base": the clause's subject attacked
        sources = [Ref(r.actor, r.sector, r.official, r.factor * 0.85, "in-attack") for r in subject_refs(ctx, gv)]
    if not sources and n.dep_ in ("pobj", "conj") and gv is not None and gv.lemma_.lower() in gz.word_list("retaliation_verbs"):
        head = n
        while head.dep_ == "conj" and head.head != head:
            head = head.head  # "retaliated with missile barrages … and a strike on US forces"
        if head.dep_ == "pobj" and head.head.lower_ == "with" and head.head.head == gv:
            # "Tehran retaliated with missile barrages on Israeli cities": the responder carried them out
            sources = [Ref(r.actor, r.sector, r.official, r.factor * 0.85, "responded-with") for r in subject_refs(ctx, gv)]
    if not sources and relation == "supports" and n.dep_ == "pobj" and n.head.lower_ == "in" and gv is not None:
        # "struck the insurgents' positions in support of Somali troops": the clause's subject supports
        sources = [Ref(r.actor, r.sector, r.official, r.factor * 0.85, "in-support-of") for r in subject_refs(ctx, gv)]
    if relation == "supports" and n.dep_ == "pobj" and n.head.lower_ == "for" and gv is not None \
            and gv.lemma_.lower() in gz.word_list("recourse_verbs") and not sources:
        # "turned to Russia for security assistance": the one turned to supports the one turning
        sources = [r for _, p in prep_objects(ctx, gv, ("to",)) for r in np_refs(ctx, p, factor=0.9, how="turned-to")]
        targets = [Ref(r.actor, r.sector, r.official, r.factor * 0.9, "turning-subject") for r in subject_refs(ctx, gv)] \
            if sources else targets
    if not targets and sources and relation == "supports" and n.dep_ == "pobj" and n.head.lower_ in ("with", "thanks") \
            and gv is not None:
        targets = [Ref(r.actor, r.sector, r.official, r.factor * 0.85, "helped-subject") for r in subject_refs(ctx, gv)]
    # "ECOWAS gave Niger's rulers an ultimatum": the light verb's indirect object.
    if not targets and gv is not None and gv.lemma_.lower() in gz.word_list("light_verbs") and object_path(n, gv):
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
        targets = [Ref(r.actor, r.sector, r.official, r.factor * 0.9, "recipient") for r in subject_refs(ctx, gv)]

    if not targets and sources and relation == "attacks" and n.dep_ == "pobj" and n.head.lower_ in ("to", "for") \
            and n.head.head.lemma_.lower() in gz.word_list("response_acts"):
        # "its troops had responded to attacks by Armenian units": the attacks were on the responder
        targets = [Ref(r.actor, r.sector, r.official, r.factor * 0.85, "responder")
                   for r in subject_refs(ctx, n.head.head)]
    if not targets and not between and trig.target_is_possessor and sources:
        # "drawing condemnation from Kyiv": condemnation of whoever acted in this sentence
        targets = [r for r in event_owner(ctx, n, sources, any_event=True) if r.actor not in {x.actor for x in sources}]
    verb = accusation(ctx, n) if relation in ("attacks", "supports", "threatens", "opposes") else None
    if verb is not None:  # "Hezbollah blamed Israel for the attack": Israel attacked Hezbollah, says Hezbollah
        accuser = subject_refs(ctx, verb)
        sources = sources or (accused_refs(ctx, n) or [])
        targets = targets or [Ref(r.actor, r.sector, r.official, r.factor * 0.8, "accuser-victim") for r in accuser]
        modality, reporter = ("negated" if modality == "negated" else "reported"), next(iter(accuser), None)
    if relation == "mediates":
        parties = between or targets
        if not parties and n.head.pos_ in ("NOUN", "PROPN"):
            parties = talk_parties(ctx, n.head, sent_idx)
        if sources:
            _mediation(ctx, sent_idx, sent, n, trig, sources, parties, modality, reporter)
        return
    symmetric = gz.relations.get(relation, {}).get("symmetric", False)
    if between:
        pairs = list(actor_pairs(between))
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
            if t.actor in mutual and not symmetric:
                _emit(ctx, sent_idx, sent, n, trig, relation, cameo, t, s, modality, reporter, "noun:mutual")
    if sources and not targets and not between and modality in ("asserted", "reported"):
        ctx.events.extend((n.i, n.lemma_.lower(), relation, r.actor) for r in sources)
    # "India and Pakistan agreed to a ceasefire AFTER four days of exchanges": fighting that just happened
    after_fighting = relation == "attacks" and trig.between_mutual and any(
        a.dep_ == "prep" and a.lower_ in ("after", "following", "amid") for a in n.ancestors)
    if after_fighting and not sources and not targets and not between:
        # "The ceasefire that India and Pakistan announced, after four days of exchanges, has held": the
        # fighting before a truce was between the truce's parties
        truce_at = {c.idx for c in sent.root.children if c.dep_ in SUBJ and c.i < n.i}
        truces = [ix for ix in ctx.interactions if ix.sentence == sent_idx and ix.relation == "cooperatesWith"
                  and ix.trigger_start in truce_at]
        sources = [Ref(a, None, None, 0.8, "truce-parties")
                   for a in dict.fromkeys(a for ix in truces for a in (ix.source, ix.target))]
    if (symmetric or after_fighting) and not sources and not targets and not between \
            and n.dep_ in ("pobj", "dobj", "nsubj") and n != sent.root and not third_party_subject(ctx, sent.root):
        # "Saudi Arabia and Iran agreed …, after four days of secret talks": the main clause's parties
        sources = [Ref(r.actor, r.sector, r.official, r.factor * 0.8, "clause-parties")
                   for r in subject_refs(ctx, sent.root)]
        # "Qatar and Egypt, which have mediated between Israel and Hamas, said a deal was close": the
        # mediators of this sentence speak of the deal, they are not its parties
        mediators = {ix.source for ix in ctx.interactions if ix.sentence == sent_idx and ix.relation == "mediates"}
        # "Egypt and Qatar urged both sides to move to the second phase of the agreement": what the addressee
        # is asked to do is the addressee's, not the askers'
        asked = any(c.dep_ == "dobj" for c in sent.root.children) and any(
            a.dep_ == "xcomp" and a.head == sent.root for a in n.ancestors)
        sources = sources if len(sources) > 1 and not asked and not any(r.actor in mediators for r in sources) else []
    if (symmetric or after_fighting) and not targets and not between and len(sources) > 1:
        # "the US and Iran met …", "India and Pakistan agreed to a ceasefire after four days of exchanges"
        for a, b in actor_pairs(sources):
            _emit(ctx, sent_idx, sent, n, trig, relation, cameo, a, b, modality, reporter, "noun:coordinated")
            if not symmetric:
                _emit(ctx, sent_idx, sent, n, trig, relation, cameo, b, a, modality, reporter, "noun:coordinated")


def _denied_claims(ctx: DocContext, sent_idx: int, sent: Span) -> None:
    """'The Houthis said they had hit the carrier, a claim US officials denied': a claim noun whose
    relative clause denies it turns the reported acts before it that involve the denier into denials
    (kept beside the report, as the guidelines ask: both sides' versions stand)."""
    gz = ctx.gz
    for v in sent:
        if v.dep_ != "relcl" or v.lemma_.lower() not in gz.word_list("denial_verbs") \
                or v.head.lemma_.lower() not in gz.word_list("report_nouns"):
            continue
        deniers = {r.actor for c in v.children if c.dep_ == "nsubj" for r in np_refs(ctx, c)}
        claim = v.head
        for ix in list(ctx.interactions):
            if ix.sentence == sent_idx and ix.modality == "reported" and ix.trigger_start < claim.idx \
                    and deniers & {ix.source, ix.target} and not ix.source.startswith("P_"):
                ctx.interactions.append(Interaction(**{**ix.__dict__, "modality": "negated",
                                                       "confidence": ix.confidence * 0.9,
                                                       "path": ix.path + "+denied-claim"}))


def _resolve_deferred(ctx: DocContext, sentences: list[Span]) -> None:
    """Mediation whose parties the sentence leaves implicit ('Oman-mediated negotiations'): the
    parties are the document's most frequently negotiating pair."""
    if not ctx.deferred_mediation:
        return

    def pair_counts(relations: tuple[str, ...], sentence: int | None) -> Counter:
        # mediation itself is no pair of parties: "Saudi Arabia and Iran both offered to mediate" must
        # not make Iran a mediator between Saudi Arabia and the parties it was just given
        return Counter(frozenset((ix.source, ix.target)) for ix in ctx.interactions
                       if ix.relation in relations and ix.relation != "mediates"
                       and (sentence is None or ix.sentence == sentence)
                       and ctx.gz.actors.get(ix.source) is not None and ctx.gz.actors.get(ix.target) is not None)

    for m, tok, trig, sent_idx, mod, rep in ctx.deferred_mediation:
        # the deal/talks of this sentence first, then any pair this sentence relates ("a declaration,
        # brokered by Trump, in which Armenia and Azerbaijan pledged to renounce force against each
        # other"), then the document's negotiations, then its agreements
        pairs = (pair_counts(("negotiatesWith", "cooperatesWith"), sent_idx) or pair_counts(tuple(ctx.gz.relations), sent_idx)
                 or pair_counts(("negotiatesWith",), None) or pair_counts(("cooperatesWith",), None))
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
    ctx = DocContext(spacy_doc, document, gz, doc_date)
    find_mentions(ctx)
    sentences: list[Span] = list(spacy_doc.sents)
    ctx.sent_index = {sent.start: i for i, sent in enumerate(sentences)}
    ctx.sentence_dates = _sentence_dates(spacy_doc, sentences, gz)
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
        _denied_claims(ctx, idx, sent)
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


_WORKER: dict = {}


def _init_worker(extra: tuple[str, ...], model: str | None) -> None:
    from . import gazetteer as gazetteer_mod
    from .nlp import get_pipeline

    gz = gazetteer_mod.load(extra)
    _WORKER["gz"], _WORKER["nlp"] = gz, get_pipeline(gz, model)


def _work(batch: list[Document], reference_date: str | None) -> list[Extraction]:
    gz, nlp = _WORKER["gz"], _WORKER["nlp"]
    return [extract_doc(parsed, d, gz, reference_date) for d, parsed in zip(batch, nlp.pipe(d.text for d in batch))]


class ExtractorPool:
    """Worker processes, each with its own pipeline loaded, reusable across calls.

    Starting a worker costs a few seconds (import spaCy, load the model, build the entity ruler
    from the gazetteer); a long-running caller (a benchmark, a service ingesting every hour) pays it
    once. Both the parse and our rules run in the workers, so the speed-up covers the whole extraction
    (spaCy's own ``n_process`` would leave our rules in the parent process)."""

    def __init__(self, *, extra: Iterable[str] = (), model: str | None = None, workers: int = 2) -> None:
        from concurrent.futures import ProcessPoolExecutor
        import multiprocessing as mp

        self.workers = workers
        ctx = mp.get_context("spawn")  # a clean interpreter per worker: forked spaCy state was measured slower
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                                         initargs=(tuple(map(str, extra)), model))

    def __enter__(self) -> "ExtractorPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._pool.shutdown()

    def warm(self) -> None:
        """Start every worker and load its pipeline now, so later calls measure (and pay) only work."""
        from .ingest import make_document

        probe = [make_document("Oman mediated talks between Iran and the United States.")]
        list(self._pool.map(_work, [probe] * (self.workers * 2), [None] * (self.workers * 2)))

    def extract(self, documents: list[Document], *, reference_date: str | None = None,
                batch: int = 16) -> list[Extraction]:
        """Parse and extract ``documents`` in the workers; results in input order."""
        chunks = [documents[i:i + batch] for i in range(0, len(documents), batch)]
        results = self._pool.map(_work, chunks, [reference_date] * len(chunks))
        return [ex for chunk in results for ex in chunk]


def extract_parallel(documents: list[Document], *, extra: Iterable[str] = (), model: str | None = None,
                     workers: int = 2, reference_date: str | None = None, batch: int = 16) -> list[Extraction]:
    """Parse and extract in ``workers`` fresh processes (see :class:`ExtractorPool`); results in input order."""
    with ExtractorPool(extra=extra, model=model, workers=workers) as pool:
        return pool.extract(documents, reference_date=reference_date, batch=batch)
