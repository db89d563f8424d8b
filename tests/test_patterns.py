"""Sentence shapes as data (ontology/patterns.ttl, graph/extract/patterns.py): every pattern's own example
gives the claims it declares; guards rule out what the shape alone would match; a broken pattern is
refused by name. The sentences besides the examples are written for these tests (in no gold set)."""
from __future__ import annotations

import pytest

from graph import gazetteer
from graph.extract.patterns import GUARDS

GZ = gazetteer.load()


def claims(ex) -> set[tuple[str, str, str, str]]:
    return {(i.source, i.relation, i.target, i.modality) for i in ex.interactions if not i.source.startswith("P_")}


def test_patterns_are_loaded_with_known_guards():
    names = {p.name for p in GZ.patterns}
    assert {"take_to_court", "war_of_words"} <= names
    assert all(set(p.guards) <= set(GUARDS) and p.example and p.expects for p in GZ.patterns)


@pytest.mark.parametrize("pattern", GZ.patterns, ids=lambda p: p.name)
def test_each_pattern_gives_what_its_example_declares(extract_text, pattern):
    ex = extract_text(pattern.example)
    expected = {tuple(e.split()) for e in pattern.expects}
    assert expected <= claims(ex), claims(ex)
    assert any(i.path.startswith(f"pattern:{pattern.name}") for i in ex.interactions)


@pytest.mark.parametrize("text, expected", [
    ("Paraguay said it would take Argentina to the World Trade Organization if Buenos Aires kept the toll.",
     ("PRY", "opposes", "ARG", "hypothetical")),
    ("Dili had earlier taken Australia to arbitration over a 2006 treaty.", ("TLS", "opposes", "AUS", "asserted")),
    ("Officials said Ethiopia was locked in a war of words with Eritrea.", ("ERI", "opposes", "ETH", "reported")),
])
def test_patterns_on_other_sentences(extract_text, text, expected):
    assert expected in claims(extract_text(text))


def test_a_guard_rules_out_a_venue_that_is_no_court(extract_text):
    assert claims(extract_text("Russia took its troops to the border with Ukraine.")) == set()


def test_a_pattern_that_is_not_json_is_refused_by_name(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix ag: <https://w3id.org/actorgraph/ontology#> .\n'
                   '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n'
                   'ag:broken a ag:DependencyPattern ; rdfs:label "broken" ; ag:relation ag:opposes ; ag:pattern "[{" .\n')
    with pytest.raises(gazetteer.GazetteerError, match="pattern broken"):
        gazetteer.load(extra=[bad])
