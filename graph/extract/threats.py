"""Threats carried by a complement: "Islamabad vowed to retaliate", "vowed to hunt down JNIM's leaders".

The threat's target is the actor inside the complement, else whoever last attacked the threatener in
this document. A complement that names a use of force (``force_acts``) also states a hypothetical
attack on the same target, as the annotation guidelines ask.
"""
from __future__ import annotations

from .arguments import named_after_from, np_refs, subject_refs
from .context import Ref
from .frames import Frame
from .modality import clause_modality

__all__ = ["complement_threat"]


def _complements(f: Frame) -> list:
    """The complement verbs that carry the threat ('pledged NOT to attack' carries none); else a
    clause about attacks ('vowed that the American and British strikes would not go unpunished')."""
    comps = [c for c in f.tok.children if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in f.trig.complements
             and not any(cc.dep_ == "neg" for cc in c.children)]
    if comps:
        return comps
    force = f.gz.vocabulary.playing("force")
    return [c for c in f.tok.children if c.dep_ == "ccomp" and any(
        t.relation in force for tok in c.subtree for t in f.gz.triggers.get((tok.lemma_.lower(), "NOUN"), []))]


def _latest_attacker(f: Frame, subjects: list[Ref]) -> list[Ref]:
    """Who last used force (ag:extractionRole "force") on a subject: the one its threat answers."""
    force = f.gz.vocabulary.playing("force")
    for s in subjects:
        attackers = [ix for _, _, ix in reversed(f.ctx.salience) if ix.relation in force and ix.target == s.actor
                     and ix.modality in ("asserted", "reported")]
        if attackers:
            return [Ref(attackers[0].source, None, None, 0.75, "counterpart")]
    return []


def complement_threat(f: Frame) -> None:
    """Emit the threat (and the threatened attack, hypothetical) carried by the verb's complement."""
    comps = _complements(f)
    if not comps:
        return
    f.modality, f.reporter = clause_modality(f.ctx, f.tok, relation=f.trig.relation)
    subjects = subject_refs(f.ctx, f.tok)
    targets = [r for c in comps for t in c.subtree if t.i in f.ctx.mentions and t.i != f.tok.i and not named_after_from(t)
               for r in np_refs(f.ctx, t, expand_conj=False, factor=0.85, how="complement-target", place_ok=True)]
    targets = targets or _latest_attacker(f, subjects)
    force = [c for c in comps if c.lemma_.lower() in f.gz.word_list("force_acts")]
    for s in subjects:
        for t in targets:
            f.emit(s, t, "verb:complement", relation=f.trig.relation, cameo=f.trig.cameo)
            if force and f.modality != "negated":
                attack = f.gz.vocabulary.the("force")
                f.emit(s, t, "verb:threat-content", relation=attack, cameo=f.relation_code(attack),
                       modality="hypothetical", tok=force[0], factor=0.9)
