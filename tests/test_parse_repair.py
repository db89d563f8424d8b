"""graph.parse_repair: the parse of constructions the small model gets wrong, repaired after the parser.

The sentences are written for these tests (they occur in no gold set)."""
from __future__ import annotations

import pytest
import spacy

from graph.nlp import model_name
from graph.parse_repair import (repair_fronted_name_apposition, repair_name_before_subjectless_verb, repair_root_noun,
                                 repair_split_perfect)


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(model_name())


def _arcs(doc, words):
    return {t.text: (t.dep_, t.head.text) for t in doc if t.text in words}


@pytest.mark.parametrize("text, verb, subject, obj", [
    ("Kenya has for years accused Uganda of stealing cattle.", "accused", "Kenya", "Uganda"),
    ("Russia has since 2022 supplied weapons to Mali.", "supplied", "Russia", "weapons"),
    ("China has over the past decade armed Pakistan.", "armed", "China", "Pakistan"),
])
def test_the_participle_heads_its_clause_again(nlp, text, verb, subject, obj):
    doc = repair_split_perfect(nlp(text))
    arcs = _arcs(doc, (verb, subject, obj, "has"))
    assert arcs[subject] == ("nsubj", verb) and arcs[obj] == ("dobj", verb) and arcs["has"] == ("aux", verb), arcs
    assert [t.text for t in doc if t.dep_ == "ROOT"] == [verb]


def test_a_coordinated_clause_keeps_its_place(nlp):
    doc = repair_split_perfect(nlp("Peru faces a drought, and Lima has for months accused Bolivia of diverting rivers."))
    assert _arcs(doc, ("accused", "Lima"))["accused"] == ("conj", "faces") and _arcs(doc, ("Lima",))["Lima"][1] == "accused"


def test_a_possession_have_with_a_time_phrase_is_left_alone(nlp):
    doc = repair_split_perfect(nlp("Kenya has for years a base in Somalia."))
    assert doc[1].dep_ == "ROOT" and [t.text for t in doc if t.dep_ == "nsubj" and t.head.i == 1] == ["Kenya"]


def test_a_root_tagged_as_a_noun_with_subject_and_object_is_a_verb(nlp):
    doc = nlp("Chile and Bolivia reset ties at a summit in Lima.")
    root = next(t for t in doc if t.dep_ == "ROOT")
    if root.tag_.startswith("VB"):
        pytest.skip("this model tags the root as a verb already")
    repair_root_noun(doc)
    assert root.tag_ == "VBD"
    assert repair_root_noun(nlp("The summit in Lima.")).to_json()["tokens"][1]["tag"] == "NN"  # no subject: a noun


def test_a_name_hung_on_a_subjectless_verb_is_its_subject(nlp):
    # the arcs the small model gives "Normalisation will follow once Armenia and Azerbaijan sign a treaty."
    from spacy.tokens import Doc
    words = ["Normalisation", "will", "follow", "once", "Armenia", "and", "Azerbaijan", "sign", "a", "treaty", "."]
    heads = [2, 2, 2, 7, 7, 4, 4, 2, 9, 7, 2]
    deps = ["nsubj", "aux", "ROOT", "advmod", "nmod", "cc", "conj", "advcl", "det", "dobj", "punct"]
    tags = ["NN", "MD", "VB", "RB", "NNP", "CC", "NNP", "VBP", "DT", "NN", "."]
    doc = repair_name_before_subjectless_verb(Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags))
    assert [c.text for c in doc[7].children if c.dep_ == "nsubj"] == ["Armenia"]
    # a verb with a subject keeps it
    doc = repair_name_before_subjectless_verb(nlp("Kenya signed the accord."))
    assert [(t.text, t.dep_) for t in doc][:2] == [("Kenya", "nsubj"), ("signed", "ROOT")]


def test_a_fronted_name_before_an_apposition_is_the_subject(nlp):
    # the arcs the small model gives "Beijing, Phnom Penh's largest creditor and closest backer, has said …"
    from spacy.tokens import Doc
    words = ["Beijing", ",", "Phnom", "Penh", "'s", "largest", "creditor", "and", "closest", "backer", ",", "has", "said", "."]
    heads = [6, 3, 3, 6, 3, 6, 12, 6, 9, 6, 6, 12, 12, 12]
    deps = ["nmod", "punct", "compound", "poss", "case", "amod", "nsubj", "cc", "amod", "conj", "punct", "aux", "ROOT", "punct"]
    tags = ["NNP", ",", "NNP", "NNP", "POS", "JJS", "NN", "CC", "JJS", "NN", ",", "VBZ", "VBN", "."]
    doc = repair_fronted_name_apposition(Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags))
    assert (doc[0].dep_, doc[0].head.text) == ("nsubj", "said") and (doc[6].dep_, doc[6].head.text) == ("appos", "Beijing")
    # a name that modifies the subject without a comma stays as it is
    words2 = ["Beijing", "officials", "said", "."]
    doc2 = repair_fronted_name_apposition(Doc(nlp.vocab, words=words2, heads=[1, 2, 2, 2], deps=["compound", "nsubj", "ROOT", "punct"],
                                              tags=["NNP", "NNS", "VBD", "."]))
    assert doc2[0].dep_ == "compound"


def test_a_second_complement_after_a_comma_is_a_conjunct(nlp):
    from spacy.tokens import Doc
    from graph.parse_repair import repair_subjectless_ccomp_after_comma
    words = ["Dar", "said", "Pakistan", "paid", ",", "demanded", "that", "Dhaka", "apologise", "."]
    heads = [1, 1, 3, 1, 1, 1, 8, 8, 5, 1]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "punct", "ccomp", "mark", "nsubj", "ccomp", "punct"]
    tags = ["NNP", "VBD", "NNP", "VBD", ",", "VBD", "IN", "NNP", "VB", "."]
    doc = repair_subjectless_ccomp_after_comma(Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags))
    assert doc[5].dep_ == "conj" and doc[3].dep_ == "ccomp"
