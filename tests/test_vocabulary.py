"""Relations and actor types have one source of truth: the ontology.

The central test declares a relation type that actorgraph has never heard of, in Turtle alone (a
fixture file passed to the gazetteer loader, with one lexicon entry for its verb), and follows it
through every stage: extraction, the scorer, the RDF export, the analysis and the page's data.
"""
from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph
from rdflib.namespace import OWL

from graph import gazetteer, namespaces, vocabulary
from graph.store import export, rdf
from graph.analyse import analyse
from graph.evaluate import GoldDoc, GoldRelation, from_extractor, parse_gold_line, score
from graph.extract import extract_doc
from graph.ingest import make_document
from graph.namespaces import AG, ONTOLOGY_DIR
from graph.store.validate import validate
from graph.views.collect import collect

GRAPH_DIR = Path(__file__).resolve().parent.parent / "graph"

# A relation type declared in Turtle only: CAMEO 191 "impose blockade", material conflict, fed to the
# pressure list, with one trigger verb. Nothing in Python names it.
BLOCKADE_TTL = """
@prefix ag:   <https://w3id.org/actorgraph/ontology#> .
@prefix lex:  <https://w3id.org/actorgraph/lexicon#> .
@prefix owl:  <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

ag:blockades a owl:ObjectProperty ; rdfs:subPropertyOf ag:interactsWith ;
    rdfs:label "blockades" ; rdfs:comment "Cuts off the target's ports, coasts or borders (CAMEO 191)." ;
    rdfs:domain ag:Actor ; rdfs:range ag:Actor ;
    ag:cameoRoot "19" ; ag:cameoCode "191" ; ag:quadClass ag:MaterialConflict ; ag:sign -1 ;
    ag:colour "#123456" ; ag:feedsAnalysis "pressure" .

lex:blockade a ag:Trigger ; ag:lemma "blockade" ; ag:pos "VERB" ; ag:relation ag:blockades ;
    ag:cameoCode "191" ; ag:strength 0.9 .
"""


@pytest.fixture(scope="module")
def blockade_gz(tmp_path_factory):
    path = tmp_path_factory.mktemp("onto") / "blockade.ttl"
    path.write_text(BLOCKADE_TTL, encoding="utf-8")
    return gazetteer.load(extra=[path])


@pytest.fixture(scope="module")
def blockade_extraction(blockade_gz, nlp):
    # the pipeline's entity ruler depends on the aliases only, which the fixture leaves unchanged
    doc = make_document("Egypt blockaded Libya on Monday.", date="2025-04-12")
    return extract_doc(nlp(doc.text), doc, blockade_gz, reference_date="2025-04-12")


def test_default_vocabulary_is_the_ontology_file():
    g = Graph().parse(ONTOLOGY_DIR / "actorgraph.ttl", format="turtle")
    declared = {str(p)[len(str(AG)):] for p in g.subjects(RDFS.subPropertyOf, AG.interactsWith)}
    assert set(vocabulary.RELATIONS) == declared
    assert vocabulary.SYMMETRIC == {str(p)[len(str(AG)):] for p in g.subjects(RDF.type, OWL.SymmetricProperty)
                                    if (p, RDFS.subPropertyOf, AG.interactsWith) in g}
    assert set(vocabulary.ACTOR_TYPES) == {str(c)[len(str(AG)):] for c in g.subjects(RDFS.subClassOf, AG.Actor)}
    assert vocabulary.ACTOR_TYPES[0] == "State"  # ag:typePrecedence 1: a state that is also a collective is a state
    # CAMEO code order: the order every table and legend lists them in
    assert [vocabulary.VOCABULARY[r].cameo for r in vocabulary.RELATIONS] == \
        sorted(vocabulary.VOCABULARY[r].cameo for r in vocabulary.RELATIONS)


def test_names_elsewhere_are_the_vocabulary():
    """The old homes of these names hand out the vocabulary's values, not copies of them."""
    from graph import analyse, evaluate, gazetteer as gz_mod
    from graph.store import export as export_mod
    from graph.views import collect as collect_mod

    assert namespaces.RELATIONS is vocabulary.RELATIONS and namespaces.SYMMETRIC is vocabulary.SYMMETRIC
    for module in (analyse, export_mod, gz_mod, collect_mod):
        assert module.ACTOR_TYPES is vocabulary.ACTOR_TYPES, module.__name__
    assert evaluate.QUAD == vocabulary.VOCABULARY.quad
    assert analyse.PRESSURE_RELATIONS == vocabulary.VOCABULARY.feeding("pressure")
    assert analyse.QUAD_CODES == {"VerbalCooperation": 1, "MaterialCooperation": 2, "VerbalConflict": 3,
                                  "MaterialConflict": 4}
    assert rdf.QUAD_IRI == {code: AG[name] for name, code in analyse.QUAD_CODES.items()}


def test_annotation_properties_the_code_reads_are_declared():
    """Every per-relation fact the vocabulary reads is an annotation property with a comment saying why."""
    g = Graph().parse(ONTOLOGY_DIR / "actorgraph.ttl", format="turtle")
    for prop in (AG.feedsAnalysis, AG.extractionRole, AG.carriedBy, AG.typePrecedence, AG.entityLabel, AG.sign, AG.colour):
        assert (prop, RDF.type, OWL.AnnotationProperty) in g, prop
        assert g.value(prop, RDFS.comment), prop


def test_actor_types_are_defined_once():
    """No module under graph/ spells out the list of actor types or of relations as a literal."""
    offenders = []
    for path in sorted(GRAPH_DIR.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and isinstance(node.value, (ast.Tuple, ast.List, ast.Set, ast.Call)):
                names = {t.id for t in node.targets if isinstance(t, ast.Name)}
                if names & {"ACTOR_TYPES", "RELATIONS", "SYMMETRIC", "PRESSURE_RELATIONS", "QUAD"}:
                    literal = ast.get_source_segment(path.read_text(encoding="utf-8"), node.value) or ""
                    if re.search(r"[\"'](State|pressures|negotiatesWith)[\"']", literal):
                        offenders.append(f"{path.name}:{node.lineno}")
    assert not offenders


# Modules that still spell relation names in code: none (the rule files ask for roles: Frame.plays; the
# views read the vocabulary).
STILL_SPELLING_RELATIONS: frozenset[str] = frozenset()


def _relation_literals(path: Path) -> list[int]:
    """Lines where a relation name is a string in code (docstrings, which explain, do not count)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Constant) and n.value in vocabulary.RELATIONS
            and id(n) not in docs]


def test_relation_names_are_spelled_in_the_ontology_not_in_code():
    spelling = {str(p.relative_to(GRAPH_DIR)): lines for p in sorted(GRAPH_DIR.rglob("*.py"))
                if (lines := _relation_literals(p))}
    assert set(spelling) - STILL_SPELLING_RELATIONS == set(), spelling


def test_extraction_roles_come_from_the_ontology():
    voc = vocabulary.VOCABULARY
    assert voc.the("mediation") == "mediates" and voc.playing("force") == ("attacks",)
    assert voc.playing("talks") == ("negotiatesWith",) and voc.playing("agreement") == ("cooperatesWith",)
    assert voc["supports"].carried_by == ("commitment_verbs",)
    assert [voc.the(r) for r in ("appeal", "demand", "threat", "opposition", "support", "alliance")] == [
        "pressures", "demands", "threatens", "opposes", "supports", "alliedWith"]
    with pytest.raises(KeyError, match="ag:extractionRole 'nonesuch'"):
        voc.the("nonesuch")


def test_a_relation_declared_in_turtle_alone_is_extracted(blockade_gz, blockade_extraction):
    assert "blockades" in blockade_gz.vocabulary and "blockades" not in vocabulary.VOCABULARY
    assert blockade_gz.relations["blockades"]["quad"] == 4
    got = [(ix.source, ix.relation, ix.target, ix.modality, ix.cameo, ix.quad) for ix in blockade_extraction.interactions]
    assert got == [("EGY", "blockades", "LBY", "asserted", "191", 4)]


def test_a_relation_declared_in_turtle_alone_is_scored(blockade_gz, blockade_extraction):
    line = ('{"id": "b1", "text": "Egypt blockaded Libya on Monday.", "date": "2025-04-12", '
            '"relations": [{"source": "EGY", "relation": "blockades", "target": "LBY"}]}')
    with pytest.raises(ValueError, match="unknown relation 'blockades'"):
        parse_gold_line(line, "fixture")  # the built-in ontology does not know it
    gold = [parse_gold_line(line, "fixture", blockade_gz.vocabulary)]
    report = score(gold, from_extractor(lambda d: blockade_extraction), vocabulary=blockade_gz.vocabulary)
    assert (report.exact.precision, report.exact.recall) == (1.0, 1.0)
    assert report.per_relation["blockades"].matched_gold == 1
    # relaxed matching compares the quad class the fixture declares: an attack is also material conflict
    near = score([GoldDoc("b2", "x", [GoldRelation("EGY", "attacks", "LBY")])],
                 lambda d: [("EGY", "blockades", "LBY")], vocabulary=blockade_gz.vocabulary)
    assert (near.exact.recall, near.relaxed.recall) == (0.0, 1.0)


def test_a_relation_declared_in_turtle_alone_is_exported(blockade_gz, blockade_extraction):
    ds = rdf.assemble([blockade_extraction], blockade_gz)
    union = rdf.union(ds)
    assert (AG.blockades, RDFS.subPropertyOf, AG.interactsWith) in union  # the schema travels with the data
    assert list(union.subjects(AG.relation, AG.blockades))
    assert (AG.EGY, AG.blockades, AG.LBY) in union
    conforms, text, _ = validate(ds)
    assert conforms, text
    assert "ag:blockades" in ds.serialize(format="trig")
    assert list(export.actor_network(ds).edges(keys=True)) == [("EGY", "LBY", "blockades")]
    assert ",blockades," in export.interactions_csv(ds)


def test_a_relation_declared_in_turtle_alone_is_analysed_and_drawn(blockade_gz, blockade_extraction):
    union = rdf.union(rdf.assemble([blockade_extraction], blockade_gz))
    an = analyse(union)
    assert [(t.source, t.relation, t.target) for t in an.pressures] == [("EGY", "blockades", "LBY")]
    assert an.signed["EGY"]["LBY"]["sign"] == -1
    data = collect(union, blockade_gz)
    assert data["relations"]["blockades"] == {"id": "blockades", "label": "blockades", "colour": "#123456",
                                              "symmetric": False, "sign": -1, "quad": "material conflict"}
    assert [(e["from"], e["rel"], e["to"]) for e in data["edges"]] == [("EGY", "blockades", "LBY")]


def test_a_user_relation_can_be_symmetric(tmp_path):
    (tmp_path / "talks.ttl").write_text(BLOCKADE_TTL.replace(
        "ag:blockades a owl:ObjectProperty ;", "ag:blockades a owl:ObjectProperty, owl:SymmetricProperty ;"),
        encoding="utf-8")
    voc = gazetteer.load(extra=[tmp_path / "talks.ttl"]).vocabulary
    assert "blockades" in voc.symmetric
    report = score([GoldDoc("b3", "x", [GoldRelation("LBY", "blockades", "EGY")])],
                   lambda d: [("EGY", "blockades", "LBY")], vocabulary=voc)
    assert report.exact.recall == 1.0


def test_actorgraph_evaluate_scores_a_relation_its_actors_turtle_declares(tmp_path):
    (tmp_path / "blockade.ttl").write_text(BLOCKADE_TTL, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "b1", "date": "2025-04-12", "text": "Egypt blockaded Libya on Monday.",
                                "relations": [{"source": "EGY", "relation": "blockades", "target": "LBY"}]}) + "\n",
                    encoding="utf-8")
    cmd = [sys.executable, "-m", "graph.cli", "evaluate", str(gold)]
    without = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert without.returncode == 2 and "unknown relation 'blockades'" in without.stderr
    done = subprocess.run(cmd + ["--actors", str(tmp_path / "blockade.ttl")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    exact = next(line for line in done.stdout.splitlines() if line.startswith("exact"))
    assert exact.split()[-3:] == ["1.000", "1.000", "1.000"]
    assert any(line.split()[:1] == ["blockades"] for line in done.stdout.splitlines())


def test_every_carrying_word_list_exists(gz):
    """A misspelt ag:carriedBy would silently switch the rule off: each must name a lexicon word list."""
    named = {words for r in gz.vocabulary for words in r.carried_by}
    assert named and all(gz.word_list(words) for words in named), sorted(w for w in named if not gz.word_list(w))
