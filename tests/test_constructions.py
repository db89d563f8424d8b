"""Constructions of news English, each on sentences written for the test (in no gold set).

Every case names the construction it checks; the expected claims are (source, relation, target,
modality), and the unexpected ones must not appear in any modality class that contradicts them."""
from __future__ import annotations

import pytest


def claims(ex) -> set[tuple[str, str, str, str]]:
    return {(i.source, i.relation, i.target, i.modality) for i in ex.interactions if not i.source.startswith("P_")}


CASES = [
    # saying what another actor must / should do is a demand / an appeal
    ("obligation-must", "The envoy said Baghdad must disband the militias before the vote.",
     [("USA", "demands", "IRQ", "asserted")], "U.S. envoy Tom Barrack visited Baghdad. "),
    ("obligation-must-fronted", "Serbia must recognise the border, the Kosovo foreign minister said.",
     [("XKX", "demands", "SRB", "asserted")], ""),
    ("obligation-has-to", "Germany's chancellor said Russia has to withdraw its troops.",
     [("DEU", "demands", "RUS", "asserted")], ""),
    ("obligation-should", "Brazil's president said Venezuela should hold new elections.",
     [("BRA", "pressures", "VEN", "asserted")], ""),
    # ... but not a perfect 'have', nor a modal clause about no actor
    ("perfect-have-is-no-obligation", "Cambodia and Thailand have agreed to a truce, Malaysia's foreign minister said.",
     [], ""),
    ("modal-about-no-actor", "Egypt said the matter should be handled by the African Union.", [], ""),
    # the content of an appeal or an offer has not happened
    ("appeal-content", "Washington pressed Ankara to refrain from any new strikes on Kurdish fighters in Syria.",
     [("USA", "pressures", "TUR", "asserted")], ""),
    ("offer-hung-as-purpose", "Qatar offered last week to mediate between Rwanda and Congo.",
     [("QAT", "mediates", "RWA", "hypothetical"), ("QAT", "mediates", "COD", "hypothetical")], ""),
]


@pytest.mark.parametrize("name, text, expected, context", CASES, ids=[c[0] for c in CASES])
def test_construction(extract_text, name, text, expected, context):
    got = claims(extract_text(context + text))
    for claim in expected:
        assert claim in got, (name, got)
    if not expected:
        extra = {c for c in got if c[1] in ("demands", "pressures")}
        assert not extra, (name, extra)


def test_appeal_content_is_not_an_asserted_attack(extract_text):
    got = claims(extract_text("Washington pressed Ankara to refrain from any new strikes on Syria."))
    assert ("TUR", "attacks", "SYR", "asserted") not in got
    assert ("TUR", "attacks", "SYR", "hypothetical") in got


def test_tensions_are_no_interaction(extract_text):
    got = claims(extract_text("Tensions between Armenia and Azerbaijan remain high despite the rivalry easing."))
    assert not any(c[0] in ("ARM", "AZE") and c[2] in ("ARM", "AZE") for c in got)
