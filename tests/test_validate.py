"""SHACL shapes (ontology/shapes.ttl) and ``actorgraph validate``."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import rdflib.namespace as rns
from rdflib import RDF, Graph, Literal

from graph.cli import main
from graph.namespaces import AG
from graph.store.store import open_store, put_document
from graph.store.validate import validate

sys.path.insert(0, str(Path(__file__).parent / "data" / "store"))
import store_sample  # noqa: E402


@pytest.fixture()
def sample() -> Graph:
    return store_sample.union()


def first_interaction(g: Graph, relation=AG.pressures):
    return sorted(s for s in g.subjects(AG.relation, relation))[0]


def failing(g: Graph) -> list[str]:
    conforms, text, violations = validate(g)
    assert not conforms and "Conforms: False" in text
    return [str(v) for v in violations if v.severity == "Violation"]


def test_sample_written_by_the_rdf_writer_conforms(sample):
    conforms, _text, violations = validate(sample)
    assert conforms, [str(v) for v in violations]
    assert violations == []


def test_dataset_and_store_are_validated_as_a_whole(tmp_path):
    assert validate(store_sample.dataset())[0]
    with open_store(tmp_path / "store") as st:
        for iri, g, src in store_sample.document_graphs():
            put_document(st, iri, g, src)
        assert validate(st)[0]


def test_missing_evidence(sample):
    sample.remove((first_interaction(sample), AG.evidence, None))
    assert any("ag:evidence" in v and "exactly one ag:evidence" in v for v in failing(sample))


def test_two_sources(sample):
    sample.add((first_interaction(sample), AG.source, AG.FRA))
    assert any("ag:source" in v for v in failing(sample))


def test_untyped_date(sample):
    i = first_interaction(sample)
    sample.set((i, AG.date, Literal("2026-02-05")))
    assert any("ag:date" in v for v in failing(sample))


def test_ill_formed_typed_date(sample):
    sample.set((first_interaction(sample), AG.date, Literal("2026-13-45", datatype=rns.XSD.date)))
    assert any("ag:date" in v for v in failing(sample))


@pytest.mark.parametrize("value,datatype", [
    ("2025-00", rns.XSD.gYearMonth), ("2025-13", rns.XSD.gYearMonth), ("2025-1", rns.XSD.gYearMonth),
    ("25", rns.XSD.gYear), ("2025-00-10", rns.XSD.date), ("2025-02-30", rns.XSD.date), ("june", rns.XSD.gYear),
])
def test_invalid_date_literals_are_violations(sample, value, datatype):
    """Only ill-typed xsd:date literals were caught (rdflib parses those); a gYearMonth "2025-00" or a
    gYear "25" passed the shapes (#13 item 10)."""
    sample.set((first_interaction(sample), AG.date, Literal(value, datatype=datatype)))
    assert any("ag:date" in v for v in failing(sample)), value
    doc = next(sample.subjects(RDF.type, AG.Document))
    sample.set((doc, rns.DCTERMS.date, Literal(value, datatype=datatype)))
    assert any("dct:date" in v for v in failing(sample)), value


@pytest.mark.parametrize("value,datatype", [("2025-06", rns.XSD.gYearMonth), ("2025", rns.XSD.gYear),
                                            ("2024-02-29", rns.XSD.date)])
def test_valid_date_literals_conform(sample, value, datatype):
    sample.set((first_interaction(sample), AG.date, Literal(value, datatype=datatype)))
    assert validate(sample)[0]


def test_person_with_office_lacking_office_of(sample):
    office = next(sample.objects(AG.P_Abbas_Araghchi, AG.holdsOffice))
    sample.remove((office, AG.officeOf, None))
    found = failing(sample)
    assert any("ag:holdsOffice" in v for v in found) and any("ag:officeOf" in v for v in found)


def test_confidence_modality_relation(sample):
    i = first_interaction(sample)
    sample.set((i, AG.confidence, Literal("1.5", datatype=rns.XSD.decimal)))
    sample.set((i, AG.modality, AG.Probably))
    j = first_interaction(sample, AG.opposes)
    sample.set((j, AG.relation, AG.likes))
    found = " | ".join(failing(sample))
    assert "ag:confidence" in found and "ag:modality" in found and "sub-property of ag:interactsWith" in found


def test_sentence_without_text_or_offsets(sample):
    s = next(sample.subjects(RDF.type, AG.Sentence))
    sample.remove((s, AG.text, None))
    sample.remove((s, AG.charEnd, None))
    found = failing(sample)
    assert any("ag:text" in v for v in found) and any("ag:charEnd" in v for v in found)


def test_untyped_actor_is_only_a_warning(sample):
    sample.remove((AG.OMN, RDF.type, None))
    conforms, _text, results = validate(sample)
    assert conforms and [r.severity for r in results] == ["Warning"]


def test_cli_exit_codes(tmp_path, sample, capsys):
    good = tmp_path / "good.ttl"
    good.write_text(sample.serialize(format="turtle"))
    assert main(["validate", str(good)]) == 0
    sample.remove((first_interaction(sample), AG.evidence, None))
    bad = tmp_path / "bad.ttl"
    bad.write_text(sample.serialize(format="turtle"))
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr()
    assert "Violation:" in out.out and "does NOT conform" in out.err
    assert main(["validate", str(tmp_path / "missing.ttl")]) == 2


def _bad_confidence(g: Graph, n: int = 3) -> list:
    """``ag:confidence "high"`` on ``n`` Interactions: each fails sh:datatype, sh:minInclusive and
    sh:maxInclusive of one property shape with one message - one problem, not three."""
    bad = sorted(set(g.subjects(AG.relation, None)))[:n]
    for i in bad:
        g.set((i, AG.confidence, Literal("high")))
    return bad


def test_each_violation_is_reported_once(sample):
    bad = _bad_confidence(sample)
    found = failing(sample)
    assert len(found) == len(set(found)) == 3
    assert all("ag:confidence" in v for v in found)
    assert sorted(v.split()[1] for v in found) == sorted(f"doc:{str(i).split('/doc/', 1)[1]}" for i in bad)


def test_cli_counts_each_violation_once_for_a_file_and_a_store(tmp_path, sample, capsys):
    _bad_confidence(sample)
    bad = tmp_path / "bad.ttl"
    bad.write_text(sample.serialize(format="turtle"))
    with open_store(tmp_path / "store") as st:
        put_document(st, AG.badDoc, sample, "bad.ttl")
    for args in ([str(bad)], ["--store", str(tmp_path / "store")]):
        assert main(["validate", "--max", "0", *args]) == 1
        out = capsys.readouterr()
        lines = out.out.splitlines()
        assert len(lines) == len(set(lines)) == 3, args
        assert "(3 violation(s), 0 warning(s))" in out.err, args
        assert all('"high"' in line and "XMLSchema#string" not in line for line in lines), lines  # plain value


# ---------------------------------------------------------------- the SPARQL engine against pyshacl


def _first(g: Graph, rel=AG.pressures):
    return sorted(g.subjects(AG.relation, rel))[0]


def _office(g: Graph):
    return next(g.objects(AG.P_Abbas_Araghchi, AG.holdsOffice))


MUTATIONS = {
    "conforming": lambda g: None,
    "no evidence": lambda g: g.remove((_first(g), AG.evidence, None)),
    "two sources": lambda g: g.add((_first(g), AG.source, AG.FRA)),
    "untyped date": lambda g: g.set((_first(g), AG.date, Literal("2026-02-05"))),
    "ill-formed date": lambda g: g.set((_first(g), AG.date, Literal("2026-13-45", datatype=rns.XSD.date))),
    "month 00": lambda g: g.set((_first(g), AG.date, Literal("2025-00", datatype=rns.XSD.gYearMonth))),
    "two-digit year": lambda g: g.set((next(g.subjects(RDF.type, AG.Document)), rns.DCTERMS.date,
                                       Literal("25", datatype=rns.XSD.gYear))),
    "office of nobody": lambda g: g.remove((_office(g), AG.officeOf, None)),
    "empty office title": lambda g: g.set((_office(g), AG.officeTitle, Literal(""))),
    "confidence, modality, relation": lambda g: (
        g.set((_first(g), AG.confidence, Literal("1.5", datatype=rns.XSD.decimal))),
        g.set((_first(g), AG.modality, AG.Probably)), g.set((_first(g, AG.opposes), AG.relation, AG.likes))),
    "sentence without text": lambda g: g.remove((next(g.subjects(RDF.type, AG.Sentence)), AG.text, None)),
    "sentence ends before it starts": lambda g: g.set((next(g.subjects(RDF.type, AG.Sentence)), AG.charStart,
                                                       Literal(999999))),
    "untyped actor (warning)": lambda g: g.remove((AG.OMN, RDF.type, None)),
    "untyped office holder (warning)": lambda g: g.remove((AG.P_Abbas_Araghchi, RDF.type, None)),
    "confidence 'high'": _bad_confidence,
    "bad sha256": lambda g: g.set((next(g.subjects(RDF.type, AG.Document)), AG.sha256, Literal("XYZ"))),
}


@pytest.mark.parametrize("name", MUTATIONS)
def test_the_compiled_shapes_find_what_pyshacl_finds(sample, name):
    """``graph.store.shacl`` (the shapes compiled to SPARQL, run by Oxigraph) is what validate uses; pyshacl
    is the reference: the same results - severity, focus, path, value and message - on every kind of
    fault the shapes describe."""
    MUTATIONS[name](sample)
    ours, reference = validate(sample, engine="sparql"), validate(sample, engine="pyshacl")
    assert ours[0] == reference[0]
    key = lambda v: (v.severity, v.focus, v.path, v.value, v.message)  # noqa: E731
    assert sorted(map(key, ours[2])) == sorted(map(key, reference[2]))


def test_shapes_the_compiler_does_not_know_go_to_pyshacl(sample, tmp_path):
    from graph.store.shacl import Unsupported, compile_shapes

    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ag: <https://w3id.org/actorgraph/ontology#> .
        ag:S a sh:NodeShape ; sh:targetClass ag:Interaction ; sh:closed true .""")
    with pytest.raises(Unsupported):
        compile_shapes(Graph().parse(shapes))
    conforms, _text, found = validate(sample, shapes)  # pyshacl: every Interaction has properties
    assert not conforms and found


def test_a_statement_a_document_points_at_must_name_its_triple():
    """``ag:states`` points at a statement node in the derived graph (graph.store.derived): one that
    lacks its subject or object is a record of nothing, and the shapes say so."""
    from rdflib import URIRef

    from graph.namespaces import DOC
    from graph.store.derived import STATEMENT_BASE

    g = Graph()
    doc, node = DOC["x"], URIRef(STATEMENT_BASE + "0123456789abcdef")
    for t in ((doc, RDF.type, AG.Document), (doc, AG.states, node), (node, RDF.type, RDF.Statement),
              (node, RDF.predicate, AG.memberOf)):
        g.add(t)
    conforms, text, *_ = validate(g)
    assert not conforms and "exactly one rdf:subject" in text and "exactly one rdf:object" in text
    g.add((node, RDF.subject, AG.USA))
    g.add((node, RDF.object, AG.NATO))
    assert validate(g)[0]
