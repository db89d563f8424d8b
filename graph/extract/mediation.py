"""Mediation: a mediator and the two (or more) parties it mediates between.

"Oman mediated talks between Iran and the United States" gives OMN→IRN and OMN→USA, each naming the
other party. When the sentence leaves the parties implicit ("Oman-mediated negotiations"), the
mediation waits in ``DocContext.deferred_mediation`` until the document's own negotiating pair is
known (``graph.extract.discourse``).
"""
from __future__ import annotations

from .arguments import actor_pairs
from .context import Ref
from .frames import KEEP, Frame

__all__ = ["mediation"]


def mediation(f: Frame, mediators: list[Ref], parties: list[Ref], *, modality: str | None = None,
              reporter=KEEP) -> None:
    """Emit mediator→party for every pair of parties, or defer when fewer than two are named."""
    modality = modality or f.modality
    reporter = f.reporter if reporter is KEEP else reporter
    mediates = f.gz.vocabulary.the("mediation")
    for m in mediators:
        ps = [p for p in parties if p.actor != m.actor]
        if len(ps) >= 2:
            for a, b in actor_pairs(ps):
                f.emit(m, a, "mediation", relation=mediates, cameo=f.trig.cameo, modality=modality,
                       reporter=reporter, other=b)
                f.emit(m, b, "mediation", relation=mediates, cameo=f.trig.cameo, modality=modality,
                       reporter=reporter, other=a)
        else:  # the parties come from the document; one named here ('talks with Washington') must be one of them
            f.ctx.deferred_mediation.append((m, f.tok, f.trig, f.sent_idx, modality, reporter,
                                             frozenset(p.actor for p in ps)))
