"""Tests for graph.evaluate: hand-made gold and predictions whose scores are known in advance."""
from __future__ import annotations

import json
import re
from collections import Counter
from hashlib import sha256
from pathlib import Path

import pytest

from graph.evaluate import (
    QUAD,
    GoldDoc,
    GoldRelation,
    describe,
    format_report,
    from_extractor,
    load_gold,
    score,
)
from graph.model import MODALITIES, Document, Extraction, Interaction
from graph.namespaces import RELATIONS

DATA = Path(__file__).parent / "data"
ONTOLOGY = Path(__file__).parent.parent / "ontology" / "actorgraph.ttl"


def doc(doc_id: str, *rels: tuple[str, ...]) -> GoldDoc:
    """A gold passage from (source, relation, target[, modality]) tuples."""
    return GoldDoc(
        id=doc_id,
        text=f"text of {doc_id}",
        relations=[GoldRelation(*r) for r in rels],
    )


def fixed(preds: dict[str, list[tuple]]):
    """A predictor that returns canned triples per document id."""
    return lambda d: preds.get(d.id, [])


def write_jsonl(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def record(**overrides) -> str:
    obj = {
        "id": "t-1",
        "date": "2025-01-01",
        "title": "t",
        "text": "The United States urged Israel to show restraint.",
        "relations": [{"source": "USA", "relation": "pressures", "target": "ISR", "modality": "asserted"}],
    }
    obj.update(overrides)
    return json.dumps(obj)


# ------------------------------------------------------------------ P/R/F1 arithmetic


def test_two_tp_one_fp_one_fn():
    gold = [doc("d1", ("USA", "pressures", "ISR", "asserted"), ("IRN", "attacks", "ISR", "asserted"),
                ("OMN", "mediates", "IRN", "asserted"))]
    pred = fixed({"d1": [("USA", "pressures", "ISR", "asserted"), ("IRN", "attacks", "ISR", "reported"),
                         ("ISR", "attacks", "IRN", "asserted")]})
    r = score(gold, pred)
    assert (r.exact.gold, r.exact.pred, r.exact.matched_gold, r.exact.fp, r.exact.fn) == (3, 3, 2, 1, 1)
    assert r.exact.precision == pytest.approx(2 / 3)
    assert r.exact.recall == pytest.approx(2 / 3)
    assert r.exact.f1 == pytest.approx(2 / 3)
    assert [(m.item.doc_id, m.item.source, m.item.relation, m.item.target) for m in r.misses] == [
        ("d1", "OMN", "mediates", "IRN")]
    assert [(m.item.source, m.item.relation, m.item.target) for m in r.false_positives] == [
        ("ISR", "attacks", "IRN")]


def test_micro_average_over_documents():
    gold = [doc("a", ("USA", "supports", "UKR")), doc("b", ("RUS", "attacks", "UKR"), ("RUS", "threatens", "UKR"))]
    pred = fixed({"a": [("USA", "supports", "UKR", "asserted")], "b": [("RUS", "attacks", "UKR", "asserted")]})
    r = score(gold, pred)
    # 2 TP, 0 FP, 1 FN: P = 1, R = 2/3, F1 = 0.8
    assert r.exact.precision == 1.0
    assert r.exact.recall == pytest.approx(2 / 3)
    assert r.exact.f1 == pytest.approx(0.8)
    assert [(d.doc_id, d.gold, d.pred, d.tp) for d in r.per_doc] == [("a", 1, 1, 1), ("b", 2, 1, 1)]


def test_precision_and_recall_differ():
    gold = [doc("d", ("CHN", "threatens", "TWN"))]
    pred = fixed({"d": [("CHN", "threatens", "TWN", "asserted"), ("TWN", "opposes", "CHN", "asserted"),
                        ("USA", "supports", "TWN", "asserted"), ("USA", "opposes", "CHN", "asserted")]})
    r = score(gold, pred)
    assert r.exact.precision == pytest.approx(1 / 4)
    assert r.exact.recall == 1.0
    assert r.exact.f1 == pytest.approx(2 * 0.25 / 1.25)


def test_triples_matched_per_document_not_across():
    gold = [doc("a", ("USA", "pressures", "ISR")), doc("b")]
    pred = fixed({"b": [("USA", "pressures", "ISR", "asserted")]})
    r = score(gold, pred)
    assert r.exact.matched_gold == 0 and r.exact.fp == 1 and r.exact.fn == 1


def test_empty_everything():
    r = score([doc("a")], fixed({}))
    assert (r.exact.precision, r.exact.recall, r.exact.f1) == (0.0, 0.0, 0.0)
    text = format_report(r)
    assert "(none)" in text
    assert re.search(r"^exact\s+0\s+0\s+0\s+0\s+-\s+-\s+-$", text, re.M)


def test_duplicate_predictions_count_once():
    gold = [doc("d", ("USA", "attacks", "HOUTHIS"))]
    pred = fixed({"d": [("USA", "attacks", "HOUTHIS", "asserted"), ("USA", "attacks", "HOUTHIS", "reported")]})
    r = score(gold, pred)
    assert (r.exact.pred, r.exact.precision, r.exact.recall) == (1, 1.0, 1.0)


# ------------------------------------------------------------------ symmetric relations


def test_symmetric_relations_compare_unordered():
    gold = [doc("d", ("USA", "negotiatesWith", "IRN"), ("JPN", "cooperatesWith", "KOR"), ("ISR", "alliedWith", "USA"))]
    pred = fixed({"d": [("IRN", "negotiatesWith", "USA", "asserted"), ("KOR", "cooperatesWith", "JPN", "asserted"),
                        ("USA", "alliedWith", "ISR", "asserted")]})
    r = score(gold, pred)
    assert r.exact.precision == r.exact.recall == 1.0


def test_symmetric_prediction_in_both_orders_counts_once():
    gold = [doc("d", ("USA", "negotiatesWith", "IRN"))]
    pred = fixed({"d": [("IRN", "negotiatesWith", "USA", "asserted"), ("USA", "negotiatesWith", "IRN", "asserted")]})
    r = score(gold, pred)
    assert (r.exact.pred, r.exact.fp, r.exact.precision) == (1, 0, 1.0)


def test_directed_relations_are_ordered():
    gold = [doc("d", ("USA", "pressures", "ISR"))]
    r = score(gold, fixed({"d": [("ISR", "pressures", "USA", "asserted")]}))
    assert r.exact.matched_gold == 0
    assert r.relaxed.matched_gold == 1  # same pair, same quad class
    assert r.misses[0].relaxed_hit and r.false_positives[0].relaxed_hit
    assert [(n.source, n.target) for n in r.misses[0].near] == [("ISR", "USA")]


# ------------------------------------------------------------------ polarity classes


@pytest.mark.parametrize(
    "gold_mod, pred_mod, match",
    [
        ("asserted", "asserted", True),
        ("asserted", "reported", True),
        ("reported", "asserted", True),
        ("hypothetical", "negated", True),
        ("negated", "hypothetical", True),
        ("asserted", "hypothetical", False),
        ("reported", "negated", False),
        ("hypothetical", "asserted", False),
        ("negated", "reported", False),
    ],
)
def test_polarity_class(gold_mod, pred_mod, match):
    gold = [doc("d", ("ISR", "attacks", "IRN", gold_mod))]
    r = score(gold, fixed({"d": [("ISR", "attacks", "IRN", pred_mod)]}))
    assert r.exact.matched_gold == int(match)
    assert r.relaxed.matched_gold == int(match)  # polarity applies to relaxed matching too
    # modality accuracy looks at the label only, whatever the class
    assert r.modality.matched == 1
    assert r.modality.correct == int(gold_mod == pred_mod)
    assert r.modality.confusion[(gold_mod, pred_mod)] == 1


def test_same_triple_in_both_classes():
    # "Ukraine accused Iran of supplying drones to Russia; Iran denied it."
    gold = [doc("d", ("IRN", "supports", "RUS", "reported"), ("IRN", "supports", "RUS", "negated"))]
    r = score(gold, fixed({"d": [("IRN", "supports", "RUS", "reported")]}))
    assert (r.exact.gold, r.exact.matched_gold, r.exact.fn) == (2, 1, 1)
    assert r.misses[0].item.modality == "negated"
    assert r.per_polarity["factual"].recall == 1.0
    assert r.per_polarity["non-factual"].recall == 0.0
    assert r.per_polarity["non-factual"].gold == 1


def test_modality_accuracy():
    gold = [doc("d", ("A1", "attacks", "B1", "asserted"), ("A2", "attacks", "B2", "reported"),
                ("A3", "attacks", "B3", "hypothetical"), ("A4", "attacks", "B4", "negated"))]
    pred = fixed({"d": [("A1", "attacks", "B1", "asserted"), ("A2", "attacks", "B2", "asserted"),
                        ("A3", "attacks", "B3", "hypothetical"), ("A9", "attacks", "B9", "asserted")]})
    r = score(gold, pred)
    assert r.modality.matched == 3  # A4 was not predicted at all
    assert r.modality.correct == 2
    assert r.modality.accuracy == pytest.approx(2 / 3)
    assert r.modality.confusion[("reported", "asserted")] == 1


# ------------------------------------------------------------------ relaxed matching


def test_quad_table_matches_ontology():
    rdflib = pytest.importorskip("rdflib")
    g = rdflib.Graph().parse(ONTOLOGY)
    ag = rdflib.Namespace("https://w3id.org/actorgraph/ontology#")
    from_ttl = {}
    for rel in RELATIONS:
        quad_class = g.value(ag[rel], ag.quadClass)
        from_ttl[rel] = int(g.value(quad_class, ag.quadCode))
    assert from_ttl == QUAD


@pytest.mark.parametrize(
    "gold_rel, pred_rel, relaxed",
    [
        ("demands", "opposes", True),       # both verbal conflict
        ("threatens", "demands", True),
        ("pressures", "mediates", True),     # both verbal cooperation
        ("negotiatesWith", "cooperatesWith", True),
        ("supports", "alliedWith", True),    # both material cooperation
        ("attacks", "threatens", False),     # material vs verbal conflict
        ("supports", "pressures", False),    # material vs verbal cooperation
        ("opposes", "supports", False),
    ],
)
def test_relaxed_quad_class(gold_rel, pred_rel, relaxed):
    gold = [doc("d", ("RUS", gold_rel, "UKR"))]
    r = score(gold, fixed({"d": [("UKR", pred_rel, "RUS", "asserted")]}))  # pair is unordered
    assert r.exact.matched_gold == 0
    assert r.relaxed.matched_gold == int(relaxed)
    assert r.relaxed.matched_pred == int(relaxed)


def test_relaxed_counts_items_and_never_falls_below_exact():
    # two gold triples in the same relaxed class, one prediction that exact-matches one of them,
    # and one unrelated false positive
    gold = [doc("d", ("USA", "pressures", "ISR"), ("USA", "mediates", "ISR"))]
    pred = fixed({"d": [("USA", "pressures", "ISR", "asserted"), ("CHN", "attacks", "TWN", "asserted")]})
    r = score(gold, pred)
    assert (r.exact.precision, r.exact.recall) == (0.5, 0.5)
    assert r.relaxed.matched_gold == 2  # both gold triples are found under relaxed rules
    assert r.relaxed.matched_pred == 1
    assert (r.relaxed.precision, r.relaxed.recall) == (0.5, 1.0)
    assert r.relaxed.f1 == pytest.approx(2 / 3)
    assert r.misses[0].relaxed_hit is True
    assert r.false_positives[0].relaxed_hit is False


def test_per_relation_scores():
    gold = [doc("d", ("USA", "pressures", "ISR"), ("USA", "pressures", "IRN"), ("IRN", "attacks", "ISR"))]
    pred = fixed({"d": [("USA", "pressures", "ISR", "asserted"), ("IRN", "attacks", "ISR", "asserted"),
                        ("ISR", "attacks", "IRN", "asserted")]})
    r = score(gold, pred)
    p = r.per_relation["pressures"]
    assert (p.gold, p.pred, p.matched_gold, p.precision, p.recall) == (2, 1, 1, 1.0, 0.5)
    a = r.per_relation["attacks"]
    assert (a.gold, a.pred, a.matched_gold, a.precision, a.recall) == (1, 2, 1, 0.5, 1.0)
    assert r.per_relation["mediates"].gold == r.per_relation["mediates"].pred == 0
    assert sum(x.gold for x in r.per_relation.values()) == r.exact.gold


# ------------------------------------------------------------------ predictor plumbing and names


def test_accepts_interactions_and_three_tuples():
    gold = [doc("d", ("USA", "supports", "ISR", "asserted"), ("IRN", "attacks", "ISR", "negated"))]

    def predict(d: GoldDoc):
        return [
            ("USA", "supports", "ISR"),
            Interaction(source="IRN", relation="attacks", target="ISR", doc_id=d.id, sentence=0,
                        trigger="denied", trigger_start=0, trigger_end=6, modality="negated"),
        ]

    r = score(gold, predict)
    assert r.exact.precision == r.exact.recall == 1.0


def test_from_extractor_adapts_a_document_to_extraction_function():
    gold = [doc("d", ("USA", "supports", "ISR", "asserted"))]
    seen: list[Document] = []

    def extract(document: Document) -> Extraction:
        seen.append(document)
        it = Interaction(source="USA", relation="supports", target="ISR", doc_id=document.id, sentence=0,
                         trigger="backs", trigger_start=0, trigger_end=5)
        return Extraction(document=document, interactions=[it])

    r = score(gold, from_extractor(extract))
    assert r.exact.f1 == 1.0
    assert seen[0].text == "text of d" and seen[0].source == "d"


def test_bad_prediction_is_reported_with_doc_id():
    gold = [doc("d7", ("USA", "supports", "ISR"))]
    with pytest.raises(ValueError, match=r"d7.*'likes'"):
        score(gold, fixed({"d7": [("USA", "likes", "ISR", "asserted")]}))
    with pytest.raises(ValueError, match=r"d7.*'maybe'"):
        score(gold, fixed({"d7": [("USA", "supports", "ISR", "maybe")]}))


def test_predictor_crash_names_the_document():
    def boom(d):
        raise KeyError("no model")

    with pytest.raises(RuntimeError, match="predict failed on d1"):
        score([doc("d1")], boom)


def test_resolver_maps_gold_names_and_lists_unknown_ones():
    names = {"United States": "USA", "Israel": "ISR", "USA": "USA", "ISR": "ISR"}
    gold = [doc("d", ("United States", "pressures", "Israel"), ("Atlantis", "threatens", "Israel"))]
    pred = fixed({"d": [("USA", "pressures", "ISR", "asserted")]})
    r = score(gold, pred, resolve=names.get)
    assert r.exact.matched_gold == 1
    assert r.unresolved == ["Atlantis"]
    assert r.misses[0].item.source == "Atlantis"
    assert "unresolved actor names: Atlantis" in format_report(r)


def test_default_resolver_is_identity():
    gold = [doc("d", ("United States", "pressures", "Israel"))]
    r = score(gold, fixed({"d": [("USA", "pressures", "ISR", "asserted")]}))
    assert r.exact.matched_gold == 0 and r.unresolved == []


def test_gold_doc_as_pipeline_document():
    d = doc("dev-001")
    dd = d.document()
    assert dd.id == sha256(d.text.encode()).hexdigest()[:16]
    assert dd.text == d.text and dd.source == "dev-001"


# ------------------------------------------------------------------ report text


def test_format_report_lists_misses_and_false_positives():
    gold = [doc("dev-009", ("RUS", "attacks", "UKR", "reported"), ("UKR", "attacks", "RUS", "reported"))]
    pred = fixed({"dev-009": [("RUS", "attacks", "UKR", "asserted"), ("POL", "attacks", "RUS", "asserted")]})
    text = format_report(score(gold, pred))
    assert "Evaluation on 1 passages" in text
    assert re.search(r"^exact\s+2\s+2\s+1\s+1\s+0\.500\s+0\.500\s+0\.500$", text, re.M)
    assert re.search(r"^misses .*: 1$", text, re.M)
    # the miss shares its pair and quad class with a prediction: relaxed "yes", and that prediction is shown
    assert re.search(r"dev-009\s+UKR\s+attacks\s+RUS\s+reported\s+yes\s+RUS attacks UKR \(asserted\)", text)
    assert re.search(r"^false positives .*: 1$", text, re.M)
    assert re.search(r"dev-009\s+POL\s+attacks\s+RUS\s+asserted\s+no", text)
    assert "  attacks" in text and "  pressures" in text  # per-relation table lists every type
    # headline rows line up in columns
    rows = [line for line in text.splitlines() if line.startswith(("exact", "relaxed"))]
    assert len({len(row) for row in rows}) == 1


def test_format_report_max_list_caps_listing_not_counts():
    gold = [doc("d", *[("USA", "supports", t) for t in ("ISR", "UKR", "TWN", "PHL")])]
    text = format_report(score(gold, fixed({})), max_list=2)
    assert re.search(r"^misses .*: 4$", text, re.M)
    assert "  ... and 2 more" in text
    assert "TWN" not in text.split("misses")[1]


# ------------------------------------------------------------------ malformed input


@pytest.mark.parametrize(
    "bad_line, message",
    [
        ('{"id": "t-2", "text": "x", "relations": [}', r"gold\.jsonl line 2: invalid JSON"),
        (record(id="t-2", text=""), r"line 2 \(t-2\): missing or empty 'text'"),
        (json.dumps({"id": "t-2", "relations": []}), r"line 2 \(t-2\): missing or empty 'text'"),
        (record(id="t-2", relations=[{"source": "USA", "relation": "likes", "target": "ISR"}]),
         r"line 2 \(t-2\) relation 1: unknown relation 'likes'"),
        (record(id="t-2", relations=[{"source": "USA", "relation": "supports", "target": "ISR",
                                      "modality": "probable"}]),
         r"line 2 \(t-2\) relation 1: bad modality 'probable'"),
        (record(id="t-2", relations=[{"source": "USA", "relation": "supports"}]),
         r"line 2 \(t-2\) relation 1: missing or empty 'target'"),
        (record(id="t-2", relations=[{"source": "USA", "relation": "supports", "target": "USA"}]),
         r"source and target are both 'USA'"),
        (record(id="t-2", relations=None), r"line 2 \(t-2\): missing 'relations' list"),
        (record(id="t-2", date="last Tuesday"), r"line 2 \(t-2\): 'date' must be"),
        (record(id=""), r"line 2: missing or empty 'id'"),
        (record(), r"line 2: id 't-1' already used on line 1"),
        ("[1, 2]", r"line 2: expected a JSON object"),
    ],
)
def test_malformed_input_names_the_line(tmp_path, bad_line, message):
    path = write_jsonl(tmp_path, [record(), bad_line])
    with pytest.raises(ValueError, match=message):
        load_gold(path)


def test_duplicate_symmetric_relation_is_rejected(tmp_path):
    rels = [{"source": "USA", "relation": "negotiatesWith", "target": "IRN", "modality": "asserted"},
            {"source": "IRN", "relation": "negotiatesWith", "target": "USA", "modality": "reported"}]
    path = write_jsonl(tmp_path, [record(relations=rels)])
    with pytest.raises(ValueError, match=r"line 1 \(t-1\) relation 2: duplicates relation 1"):
        load_gold(path)


def test_same_triple_in_two_polarity_classes_is_allowed(tmp_path):
    rels = [{"source": "IRN", "relation": "supports", "target": "RUS", "modality": "reported"},
            {"source": "IRN", "relation": "supports", "target": "RUS", "modality": "negated"}]
    path = write_jsonl(tmp_path, [record(relations=rels)])
    assert len(load_gold(path)[0].relations) == 2


def test_load_gold_skips_blank_lines_and_defaults(tmp_path):
    minimal = json.dumps({"id": "t-9", "text": "Nothing happened.", "relations": []})
    path = write_jsonl(tmp_path, [record(), "", "   ", minimal])
    docs = load_gold(path)
    assert [(d.id, d.line) for d in docs] == [("t-1", 1), ("t-9", 4)]
    assert docs[1].date is None and docs[1].title == "" and docs[1].relations == []
    assert docs[0].relations == [GoldRelation("USA", "pressures", "ISR", "asserted")]


# ------------------------------------------------------------------ the shipped gold sets

# non-state ids of tests/data/README.md; states are ISO 3166-1 alpha-3 (XKX for Kosovo)
NON_STATE = set(json.loads((DATA / "inventory.json").read_text())["actors"])


def known_actor(actor_id: str) -> bool:
    return actor_id in NON_STATE or re.fullmatch(r"[A-Z]{3}", actor_id) is not None


@pytest.mark.parametrize("name, min_docs", [("dev.jsonl", 48), ("dev_analytic.jsonl", 14),
                                            ("dev_analytic2.jsonl", 15), ("dev_news4.jsonl", 18), ("dev_news5.jsonl", 18), ("dev_news6.jsonl", 18),
                                            ("dev_news7.jsonl", 18),
                                            ("dev_news8.jsonl", 18),
                                            ("heldout.jsonl", 12)])
def test_shipped_gold_sets_load_and_score_perfectly_against_themselves(name, min_docs):
    docs = load_gold(DATA / name)
    assert len(docs) >= min_docs
    for d in docs:
        for rel in d.relations:
            assert known_actor(rel.source) and known_actor(rel.target), (d.id, rel)
    oracle = {d.id: [(r.source, r.relation, r.target, r.modality) for r in d.relations] for d in docs}
    r = score(docs, fixed(oracle))
    assert r.exact.precision == r.exact.recall == r.relaxed.f1 == 1.0
    assert r.modality.accuracy == 1.0
    assert not r.misses and not r.false_positives


def test_dev_set_is_balanced():
    docs = load_gold(DATA / "dev.jsonl")
    rels = [r for d in docs for r in d.relations]
    assert len(rels) >= 140
    per_type = Counter(r.relation for r in rels)
    assert all(per_type[t] >= 8 for t in RELATIONS), per_type
    assert set(Counter(r.modality for r in rels)) == set(MODALITIES)
    assert sum(1 for d in docs if not d.relations) >= 2  # passages with no relation at all
    assert len({d.id for d in docs}) == len(docs)
    assert "pressures" in describe(docs)


def test_cli_describes_gold_file(capsys):
    from graph.cli.evaluate import gold_main as main  # python -m graph.evaluate; the library imports no CLI

    assert main([str(DATA / "dev.jsonl")]) == 0
    out = capsys.readouterr().out
    assert "passages" in out and "negotiatesWith" in out


def test_cli_reports_bad_file(tmp_path, capsys):
    from graph.cli.evaluate import gold_main as main

    path = write_jsonl(tmp_path, ["not json"])
    assert main([str(path)]) == 2
    assert "line 1" in capsys.readouterr().err


# ------------------------------------------------------------------ inventory and officials


def test_inventory_leaves_out_predictions_about_actors_the_gold_does_not_annotate():
    gold = [doc("d1", ("USA", "attacks", "ISIS"))]
    preds = fixed({"d1": [("USA", "attacks", "ISIS"), ("USA", "attacks", "KATAIB_HEZBOLLAH"), ("USA", "opposes", "IRQ")]})
    everything = score(gold, preds)
    assert (everything.exact.pred, everything.exact.precision) == (3, pytest.approx(1 / 3))
    scoped = score(gold, preds, inventory=frozenset({"USA", "ISIS", "IRQ"}))
    assert (scoped.exact.pred, scoped.exact.precision) == (2, 0.5)  # the IRQ claim is still wrong


def test_inventory_file_is_read_and_checked(tmp_path):
    from graph.evaluate import load_inventory

    good = tmp_path / "inventory.json"
    good.write_text('{"actors": ["UN", "HAMAS"]}')
    assert load_inventory(good) == {"UN", "HAMAS"}
    bad = tmp_path / "bad.json"
    bad.write_text('{"actors": [1, 2]}')
    with pytest.raises(ValueError, match="bad.json"):
        load_inventory(bad)


def test_officials_are_read_from_gold_and_validated(tmp_path):
    path = write_jsonl(tmp_path, [record(officials=[{"name": "Badr Albusaidi", "actor": "OMN", "office": "Foreign Minister"}])])
    (d,) = load_gold(path)
    assert d.officials[0].name == "Badr Albusaidi" and d.officials[0].actor == "OMN"
    bad = write_jsonl(tmp_path, [record(officials=[{"name": "", "actor": "OMN"}])])
    with pytest.raises(ValueError, match="official 1"):
        load_gold(bad)


def test_official_recall_needs_the_whole_name_and_the_right_state():
    from graph.evaluate import GoldOfficial, official_recall

    gold = [GoldDoc("d1", "t", [], officials=[GoldOfficial("Badr bin Hamad al-Busaidi", "OMN"),
                                              GoldOfficial("Trump", "USA"), GoldOfficial("Sun Weidong", "CHN")])]
    pred = {"d1": [("Badr bin Hamad", "OMN"), ("Donald Trump", "USA"), ("Sun Weidong", "JPN")]}
    assert official_recall(gold, lambda d: pred[d.id]) == pytest.approx(1 / 3)
    pred["d1"][0] = ("Badr Bin Hamad Al Busaidi", "OMN")
    assert official_recall(gold, lambda d: pred[d.id]) == pytest.approx(2 / 3)


def test_python_m_graph_evaluate_still_describes_a_gold_file():
    """``python -m graph.evaluate`` (tests/data/README.md) runs the command line kept in graph.cli."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    r = subprocess.run([sys.executable, "-m", "graph.evaluate", str(DATA / "dev.jsonl")], cwd=root,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and "passages" in r.stdout and "Warning" not in r.stderr, r.stderr
