"""scripts/make_lexicon.py and its output, ontology/lexicon_generated.ttl.

The generator is tested on an inline PETRARCH2 snippet and a tiny WordNet in
``tests/data/wordnet_fixture`` (hand-made lines in WordNet's database format), with a small hand
lexicon of its own, so no test needs ../shared or /usr/share/wordnet. The committed output is then
checked through ``graph.gazetteer.load()``; the last test regenerates it from the real resources,
and is skipped where they are absent.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Namespace

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "data" / "wordnet_fixture"
GENERATED = ROOT / "ontology" / "lexicon_generated.ttl"
AG = Namespace("https://w3id.org/actorgraph/ontology#")
LEX = Namespace("https://w3id.org/actorgraph/lexicon#")


def _load_generator():
    spec = importlib.util.spec_from_file_location("make_lexicon", ROOT / "scripts" / "make_lexicon.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


ml = _load_generator()

SNIPPET = """\
####### SYNONYM SETS #######

&FIGHT
+WAR
+BATTLE
+ARMED_CONFLICT

####### VERB PATTERNS #######

---  ATTACK_AIR   [195]  ---
BLITZ
STRAFE
OVERTHREW
+STIR_UP {+STIRS_UP +STIRRED_UP +STIRRING_UP} [140]
+SCOFF_AT {+SCOFFS_AT +SCOFFED_AT} [111]
+WAGE_WAR {+WAGES_WAR +WAGED_WAR} [190]
+KILLED_AND {}
+LIVE_UP_TO [051]

---  FREEZE   [---]  ---
FREEZE {FROZE FROZEN FREEZES}
- * RELATIONS                                         [160]         # FREEZE
- * {DIPLOMATIC LINK}                                 [161]         # FREEZE
- * ASSETS                                            [1721]        # FREEZE
- * (WITH +)                                          [046]         # FREEZE
- &MILITARY *                                         [190]         # FREEZE
- * POSITIVELY                                        [051]         # FREEZE

---  OBTAIN   [---]  ---
OBTAIN
RECEIVE
- * BACKING                                           [:051]        # OBTAIN

---  OFFEND   [:110]  ---
OFFEND

---  GIVE   [070]  ---
GIVE {GAVE GIVEN GIVES GIVING}
DONATE
GUARANTEE [051]
- * AID                                               [0731]        # GIVE

---  REHEARSE   [---]  ---
REHEARSE
STAGE
- * {MOCK ATTACK}                                     [062]         # REHEARSE
- * ATTACK                                            [150]         # REHEARSE
- * INVASION                                          [190]         # REHEARSE
- * INVASION                                          [030]         # REHEARSE
- * ATTACK                                            [190]         # STAGE
- * &FIGHT                                            [138]         # REHEARSE

---  SAY   [---]  ---
SAY [130]
+CARRY_OUT [190]
- * OUT                                               [160]
"""

HAND_TTL = """\
@prefix ag:   <https://w3id.org/actorgraph/ontology#> .
@prefix lex:  <https://w3id.org/actorgraph/lexicon#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
lex:strafe a ag:Trigger ; ag:lemma "strafe", "receive" ; ag:pos "VERB" ; ag:relation ag:attacks ; ag:cameoCode "190" .
lex:condemn a ag:Trigger ; ag:lemma "condemn" ; ag:pos "VERB" ; ag:relation ag:opposes ; ag:cameoCode "111" .
lex:defy a ag:Trigger ; ag:lemma "defy" ; ag:pos "VERB" ; ag:relation ag:opposes ; ag:cameoCode "128" ;
    ag:targetIsPossessor true .
lex:invade a ag:Trigger ; ag:lemma "invade" ; ag:pos "VERB" ; ag:relation ag:attacks ; ag:cameoCode "192" .
lex:mediate a ag:Trigger ; ag:lemma "mediate" ; ag:pos "VERB" ; ag:relation ag:mediates ; ag:cameoCode "045" .
lex:train a ag:Trigger ; ag:lemma "train" ; ag:pos "VERB" ; ag:relation ag:supports ; ag:cameoCode "072" .
lex:coordinate a ag:Trigger ; ag:lemma "work" ; ag:pos "VERB" ; ag:relation ag:cooperatesWith ; ag:cameoCode "050" .
lex:host_talks a ag:Trigger ; ag:lemma "intercede" ; ag:pos "VERB" ; ag:relation ag:mediates ; ag:cameoCode "045" ;
    ag:requiresObject "talk" .
lex:nouns a ag:Trigger ; ag:lemma "condemnation", "invasion", "attack" ; ag:pos "NOUN" ; ag:relation ag:opposes ;
    ag:cameoCode "111" .
lex:light a ag:WordList ; rdfs:label "light_verbs" ; ag:word "stage", "carry" .
lex:roles a ag:WordList ; rdfs:label "role_nouns" ; ag:word "ally" .
"""


@pytest.fixture(scope="module")
def onto_dir(tmp_path_factory) -> Path:
    """An ontology folder with the real CAMEO codes and mappings and a small hand lexicon."""
    d = tmp_path_factory.mktemp("ontology")
    (d / "cameo.ttl").write_text((ROOT / "ontology" / "cameo.ttl").read_text(encoding="utf-8"), encoding="utf-8")
    (d / "lexicon.ttl").write_text(HAND_TTL, encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def onto(onto_dir):
    return ml.read_ontology(onto_dir)


@pytest.fixture(scope="module")
def wn():
    return ml.read_wordnet(FIXTURE)


@pytest.fixture(scope="module")
def petrarch(onto, wn):
    """(entries by IRI local name, skip counts) for the snippet."""
    skips = ml.Skips()
    blocks = ml.parse_petrarch(SNIPPET.splitlines(), wn, skips)
    entries = ml.petrarch_entries(blocks, onto, skips)
    return {e.iri.split(":", 1)[1]: e for e in entries}, skips.counts


@pytest.fixture(scope="module")
def wordnet(onto, wn, petrarch):
    """(NOUN entries by lemma, role nouns) from the fixture WordNet."""
    entries, _ = petrarch
    kept = [e for e in entries.values() if (e.lemma, e.pos) not in onto.hand]
    nouns, roles = ml.wordnet_entries(wn, onto, kept, ml.Skips())
    return {e.lemma: e for e in nouns}, roles


# ----------------------------------------------------------------------------------- codes

def test_code_fields():
    assert ml.parse_code("190") == ("190", False)
    assert ml.parse_code("042:043") == ("042", False)
    assert ml.parse_code(":051") == ("051", True)  # the target does it to the source
    assert ml.parse_code("---") == (None, False)
    blocks = ml.parse_petrarch(["---  DISGRACE   [110]---  ---", "DISGRACE"], None, ml.Skips())  # as written there
    assert [(b.name, b.code, [f.lemma for f in b.forms]) for b in blocks] == [("DISGRACE", "110", ["disgrace"])]


def test_mapping_longest_prefix_and_truncation(onto):
    assert onto.relation("045") == "mediates" and onto.relation("046") == "negotiatesWith"
    assert onto.relation("0233") == "pressures"
    assert onto.relation("1721") == "opposes"
    assert onto.relation("173") == "opposes"  # detaining a state's nationals (lex:detain)
    assert onto.relation("175") is None and onto.relation("010") is None  # violent repression, statements: not among the ten
    assert onto.known_code("0233") == "023"
    assert onto.known_code("1721") == "17"
    assert onto.known_code("1822") == "18"
    assert onto.known_code("190") == "190"


# ----------------------------------------------------------------------------------- PETRARCH2

def test_forms_take_their_own_or_the_block_code(petrarch):
    entries, _ = petrarch
    blitz = entries["p2_blitz"]
    assert (blitz.lemma, blitz.pos, blitz.relation, blitz.cameo) == ("blitz", "VERB", "attacks", "195")
    assert blitz.strength == 0.6 and blitz.source == "petrarch2"
    assert blitz.target_preps == ("on", "against", "at", "into")
    assert "ATTACK_AIR block" in blitz.comment and "block code [195]" in blitz.comment
    assert entries["p2_donate"].relation == "supports" and entries["p2_donate"].cameo == "070"
    assert entries["p2_guarantee"].relation == "supports" and entries["p2_guarantee"].cameo == "051"
    assert entries["p2_overthrow"].lemma == "overthrow"  # OVERTHREW, through the fixture's verb.exc


def test_multi_word_forms(petrarch):
    entries, skips = petrarch
    stir = entries["p2_stir_up"]
    assert (stir.lemma, stir.relation, stir.cameo) == ("stir up", "opposes", "140")
    scoff = entries["p2_scoff__opposes_111_at"]
    assert scoff.lemma == "scoff" and scoff.requires_object == ("_prep",) and "at" in scoff.target_preps
    wage = entries["p2_wage__attacks_190"]
    assert wage.requires_object == ("war",) and wage.strength == 0.7
    assert not any(e.lemma.startswith(("killed", "live")) for e in entries.values())
    assert any("already inflected" in r for r in skips) and any("three or more words" in r for r in skips)


def test_object_patterns(petrarch):
    entries, skips = petrarch
    rel = entries["p2_freeze__opposes_160"]
    assert rel.requires_object == ("relation",) and rel.strength == 0.7
    assert rel.comment == "PETRARCH2 FREEZE block, pattern '- * RELATIONS [160]'"
    link = entries["p2_freeze__opposes_16"]  # {DIPLOMATIC LINK} [161]: the head word, the code cut to a known one
    assert link.requires_object == ("link",)
    assets = entries["p2_freeze__opposes_17"]  # [1721] maps through 172 and is cut to 17
    assert assets.requires_object == ("asset",)
    assert not any(e.lemma == "freeze" and not e.requires_object for e in entries.values())  # block code ---
    assert not any("positively" in e.requires_object for e in entries.values())  # no noun in the fixture WordNet
    assert any("prepositional phrase" in r for r in skips) and any("source/target marker" in r for r in skips)


def test_reversed_codes(petrarch):
    entries, _ = petrarch
    obtain = entries["p2_obtain__supports_051_rev"]
    assert obtain.reverse and obtain.requires_object == ("backing",) and obtain.target_preps == ("from",)
    offend = entries["p2_offend"]
    assert offend.reverse and offend.relation == "opposes"


def test_stop_list_keeps_object_patterns(petrarch):
    entries, skips = petrarch
    assert "p2_give" not in entries and "p2_say" not in entries  # too generic on their own
    give_aid = entries["p2_give__supports_073"]
    assert give_aid.requires_object == ("aid",) and give_aid.cameo == "073"
    assert "p2_carry_out" in entries  # a phrasal verb is specific, whatever its verb
    assert any("stop-list" in r for r in skips)


def test_particle_patterns_need_a_named_verb(petrarch):
    entries, skips = petrarch
    assert not any(e.lemma.endswith(" out") and e.lemma != "carry out" for e in entries.values())
    assert any("particle patterns" in r for r in skips)


def test_exact_objects_beat_compound_heads_and_ambiguity_drops(petrarch):
    entries, _ = petrarch
    rehearse = [e for e in entries.values() if e.lemma == "rehearse"]
    by_obj = {o: e for e in rehearse for o in e.requires_object}
    assert by_obj["attack"].relation == "threatens" and by_obj["attack"].cameo == "150"  # not {MOCK ATTACK} 062
    assert "invasion" not in by_obj  # 190 here, 030 (not one of the ten) there: ambiguous
    assert set(by_obj["war"].requires_object) == {"war", "battle"}  # &FIGHT's one-word members
    assert not any(e.lemma == "stage" for e in entries.values())  # a light verb with an event noun


def test_hand_lexicon_lemmas_are_left_out(onto, wn, tmp_path, onto_dir):
    (tmp_path / "CAMEO.2.0.txt").write_text(SNIPPET, encoding="utf-8")
    g = Graph().parse(data=ml.generate(tmp_path, FIXTURE, onto_dir), format="turtle")
    keys = {(str(g.value(s, AG.lemma)), str(g.value(s, AG.pos))) for s in g.subjects(RDF.type, AG.Trigger)}
    assert ("strafe", "VERB") not in keys and ("receive", "VERB") not in keys
    assert not keys & onto.hand


# ----------------------------------------------------------------------------------- WordNet

def test_data_line_parsing_reads_counts_not_symbols(wn):
    line = next(ln for ln in (FIXTURE / "data.verb").read_text().splitlines() if " intercede " in ln)
    syn = ml.parse_data_line(line)
    assert syn.words == ("intercede", "mediate") and syn.lexfile == 41
    assert len(syn.pointers) == 3  # the verb frame "01 + 02 00" is no pointer
    assert wn.verb_index["mediate"][0] == syn.offset


def test_derivations_are_lexical_and_from_two_senses(wn):
    nouns = {w for w, _ in ml.derived_nouns(wn, "mediate")}
    assert nouns == {"mediation", "mediator"}  # not "intercession" (intercede's), not the third sense's
    assert ml.noun_lemma("relations", wn) == "relation" and ml.noun_lemma("crises", wn) == "crisis"


def test_event_and_agent_nouns(wordnet):
    nouns, roles = wordnet
    mediation, mediator = nouns["mediation"], nouns["mediator"]
    assert (mediation.pos, mediation.relation, mediation.cameo) == ("NOUN", "mediates", "045")
    assert mediation.target_preps == ("between", "of") and mediation.strength == 0.6
    assert mediation.source == "wordnet" and "derivation of verb 'mediate' (lex:mediate)" in mediation.comment
    assert "event noun (noun.act)" in mediation.comment and "agent noun" in mediator.comment
    assert nouns["defiance"].relation == "opposes" and nouns["defiance"].target_is_possessor  # noun.state
    assert nouns["invader"].relation == "attacks" and nouns["invader"].cameo == "192"
    assert nouns["guarantor"].relation == "supports"  # from PETRARCH2's GUARANTEE [051]
    assert nouns["training"].relation == "supports"
    assert {"mediator", "invader", "guarantor", "condemner"} <= set(roles) and "mediation" not in roles


def test_nouns_left_out(wordnet):
    nouns, roles = wordnet
    assert "condemnation" not in nouns and "invasion" not in nouns  # hand-lexicon NOUN entries
    assert "trainee" not in nouns  # noun.person, but a patient
    assert "work" not in nouns and "worker" not in nouns  # "work" is on the stop list
    assert not any("_" in n or n == "condemnatory_document" for n in nouns)  # noun.artifact, several words
    assert "mediumship" not in nouns  # the third sense of "mediate"
    assert "intercession" not in nouns  # "intercede" has a relation only with the object "talk"


# ----------------------------------------------------------------------------------- the whole file

def test_generation_is_deterministic(tmp_path, onto_dir):
    (tmp_path / "CAMEO.2.0.txt").write_text(SNIPPET, encoding="utf-8")
    first = ml.generate(tmp_path, FIXTURE, onto_dir)
    assert first == ml.generate(tmp_path, FIXTURE, onto_dir)
    blocks = SNIPPET.split("\n---")
    (tmp_path / "CAMEO.2.0.txt").write_text("\n---".join([blocks[0]] + blocks[1:][::-1]), encoding="utf-8")
    assert ml.generate(tmp_path, FIXTURE, onto_dir) == first, "output depends on the order of the blocks"
    g = Graph().parse(data=first, format="turtle")
    triggers = list(g.subjects(RDF.type, AG.Trigger))
    assert triggers and all(g.value(s, AG.lexiconSource) is not None and g.value(s, RDFS.comment) is not None
                            for s in triggers)
    assert (LEX.roles, AG.word, None) in g


@pytest.fixture(scope="module")
def committed() -> Graph:
    return Graph().parse(GENERATED, format="turtle")


def test_committed_header_names_sources_and_licences():
    head = GENERATED.read_text(encoding="utf-8").split("@prefix", 1)[0]
    for needle in ("scripts/make_lexicon.py", ml.PETRARCH_COMMIT, "The MIT License", "Open Event Data",
                   "WordNet 3.0 Copyright 2006 by Princeton University", "Skipped"):
        assert needle in head, needle


def test_committed_file_loads_as_generated_entries(gz, committed):
    triggers = list(committed.subjects(RDF.type, AG.Trigger))
    assert len(triggers) > 100
    keys = set()
    for s in triggers:
        assert str(committed.value(s, AG.lexiconSource)) in ("petrarch2", "wordnet"), s
        assert committed.value(s, RDFS.comment) is not None, s
        assert len(set(committed.objects(s, AG.relation))) == 1, s
        assert str(committed.value(s, AG.cameoCode)) in gz.cameo, s
        keys.add((str(committed.value(s, AG.lemma)), str(committed.value(s, AG.pos))))
    shadowed = keys & set(gz.triggers)
    assert not shadowed, f"the hand lexicon defines {sorted(shadowed)[:5]}: run python scripts/make_lexicon.py"
    states = {(w, "NOUN") for w in gz.word_list("state_of_affairs_nouns")}
    assert keys - states <= set(gz.generated)
    assert all(t.source == "lexicon" for ts in gz.triggers.values() for t in ts)
    assert all(t.source in ("petrarch2", "wordnet") and t.cameo in gz.cameo for ts in gz.generated.values() for t in ts)


def test_committed_role_nouns_merge_into_the_hand_list(gz, committed):
    added = {str(w) for w in committed.objects(LEX.roles, AG.word)}
    assert added and added <= gz.word_list("role_nouns")
    assert "ally" in gz.word_list("role_nouns")  # the hand-written words are still there


REAL = (ml.DEFAULT_PETRARCH / ml.PETRARCH_FILE, ml.DEFAULT_WORDNET / "data.verb")


@pytest.mark.skipif(not all(p.exists() for p in REAL), reason="PETRARCH2 (../shared) or WordNet (wordnet-base) absent")
def test_regeneration_from_the_real_resources_is_byte_identical():
    text = ml.generate(ml.DEFAULT_PETRARCH, ml.DEFAULT_WORDNET)
    assert text == GENERATED.read_text(encoding="utf-8"), "stale: run python scripts/make_lexicon.py"


def test_a_noun_that_mostly_names_a_thing_is_no_event_noun():
    """'host U.S. nuclear bombs' is no bombing: 'bomb' mostly names a device (noun.artifact), and its
    event sense ('a failure') comes from another verb sense; a destroyer is a warship."""
    real = ml.read_wordnet(ml.DEFAULT_WORDNET)
    assert "bomb" not in {w for w, _ in ml.derived_nouns(real, "bomb")}
    assert "destroyer" not in {w for w, _ in ml.derived_nouns(real, "destroy")}
    assert "bombing" in {w for w, _ in ml.derived_nouns(real, "bomb")}
