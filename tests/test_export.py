"""``graph.store.export``: RDF formats keep what they should, GraphML/GEXF are the actor network, CSV one row
per Interaction; files are written atomically."""
from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph

from graph.cli import main
from graph.store.derived import STATEMENT_BASE
from graph.store.export import ExportError, actor_network, export, export_trig_and_turtle, render
from graph.namespaces import AG
from graph.store.store import open_store, put_document

sys.path.insert(0, str(Path(__file__).parent / "data" / "store"))
import store_sample  # noqa: E402

N_INTERACTIONS = 7


@pytest.fixture()
def store(tmp_path):
    with open_store(tmp_path / "store") as st:
        for iri, g, src in store_sample.document_graphs():
            put_document(st, iri, g, src)
        yield st


def test_rdf_formats_round_trip(store, tmp_path):
    union = store_sample.union()
    for fmt, parse_as in (("turtle", "turtle"), ("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld")):
        out = export(store, fmt, tmp_path / f"g.{fmt}")
        ds = Dataset()
        ds.parse(out, format=parse_as)
        triples = {q[:3] for q in ds.quads((None, None, None, None))}
        # every triple the documents gave, each once, and the documents' records of the triples they
        # share (ag:states, and one statement node per shared triple: graph.store.derived)
        stated = {t for t in triples if str(t[0]).startswith(STATEMENT_BASE) or t[1] == AG.states}
        assert len(triples - stated) == len(union) and stated, fmt
        names = {str(c.identifier) for c in ds.graphs() if len(c)}
        if fmt == "turtle":
            assert len(names) == 1
        else:  # the per-document named graphs survive
            assert {str(i) for i, _g, _s in store_sample.document_graphs()} <= names
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no temp files left behind


def test_a_builds_turtle_made_from_its_trig_is_the_turtle_of_the_store(store, tmp_path):
    export_trig_and_turtle(store, tmp_path / "graph.trig", tmp_path / "graph.ttl")
    assert (tmp_path / "graph.ttl").read_bytes() == render(store, "turtle")
    assert (tmp_path / "graph.trig").read_bytes() == render(store, "trig")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("graph")) == ["graph.trig", "graph.ttl"]


def test_actor_network_edges_and_attributes(store, tmp_path):
    g = actor_network(store)
    assert isinstance(g, nx.MultiDiGraph)
    assert g.nodes["USA"]["label"] == "United States" and g.nodes["USA"]["type"] == "State"
    e = g.edges["USA", "ISR", "pressures"]
    assert e["relation"] == "pressures" and e["weight"] == 2 and e["evidence_count"] == 2
    assert e["documents"] == 1 and e["mean_confidence"] == pytest.approx(0.8) and e["cameo"] in ("0256", "020")
    assert not g.has_edge("IRN", "ISR")  # hypothetical attack is no edge
    assert not g.has_edge("IRN", "USA", "attacks")  # negated neither
    assert g.has_edge("OMN", "USA", "mediates") and g.has_edge("P_Abbas_Araghchi", "USA", "opposes")
    assert g.nodes["P_Abbas_Araghchi"]["type"] == "Person"

    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = export(store, fmt, tmp_path / f"net.{fmt}")
        back = reader(path)
        assert back.number_of_nodes() == g.number_of_nodes()
        assert back.number_of_edges() == g.number_of_edges(), fmt
        data = [d for u, v, d in back.edges(data=True) if u == "USA" and v == "ISR"]
        assert data and data[0]["relation"] == "pressures" and int(data[0]["weight"]) == 2
        label = back.nodes["USA"]["label"]
        assert label == "United States"


def test_csv_one_row_per_interaction(store, tmp_path):
    path = export(store, "csv", tmp_path / "ix.csv")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert len(rows) == N_INTERACTIONS
    assert {"source", "relation", "target", "modality", "confidence", "date", "cameo", "document", "sentence"} <= set(rows[0])
    first = next(r for r in rows if r["trigger"] == "urged")
    assert (first["source"], first["relation"], first["target"], first["modality"]) == ("USA", "pressures", "ISR", "reported")
    assert first["date"] == "2026-02-05" and first["confidence"] == "0.85" and first["source_path"] == "seeds/a.txt"
    assert {r["modality"] for r in rows} == {"asserted", "reported", "hypothetical", "negated"}
    hostile = next(r for r in rows if r["trigger"] == "pressed")
    assert hostile["sentence"].startswith("<script>")  # verbatim (CSV is not HTML) ...
    formula = [r for r in rows if r["sentence"].startswith("=")]
    assert formula == []  # ... but no cell starts a spreadsheet formula


def test_export_from_dataset_graph_and_file(tmp_path):
    ds = store_sample.dataset()
    assert actor_network(ds).number_of_edges() == actor_network(store_sample.union()).number_of_edges()
    ttl = tmp_path / "graph.ttl"
    ttl.write_text(store_sample.union().serialize(format="turtle"))
    text = render(ttl, "csv").decode()
    assert text.count("\r\n") == N_INTERACTIONS + 1


def test_cli(store, tmp_path, capsys):
    path = store.path
    store.close()  # the CLI opens it itself
    out = tmp_path / "net.graphml"
    assert main(["export", "--store", str(path), "-o", str(out)]) == 0  # format from the suffix
    assert nx.read_graphml(out).number_of_edges() > 0
    assert main(["export", "--store", str(path), "--format", "turtle"]) == 0
    g = Graph().parse(data=capsys.readouterr().out, format="turtle")
    assert (AG.USA, AG.pressures, AG.ISR) in g
    assert main(["export", str(tmp_path / "nope.ttl"), "--format", "csv"]) == 2
    assert "error" in capsys.readouterr().err


def test_unknown_format(store):
    with pytest.raises(ExportError):
        export(store, "xlsx", None)


def _exported_store(store) -> str:
    path = str(store.path)
    store.close()  # the CLI opens it itself
    return path


@pytest.mark.parametrize("name,fmt", [
    ("g.ttl", "turtle"), ("g.TTL", "turtle"), ("g.trig", "trig"), ("g.nq", "nquads"), ("g.jsonld", "jsonld"),
    ("g.json", "jsonld"), ("g.graphml", "graphml"), ("g.gexf", "gexf"), ("g.csv", "csv"),
])
def test_cli_format_from_the_suffix(store, tmp_path, capsys, name, fmt):
    path = _exported_store(store)
    out = tmp_path / name
    assert main(["export", "--store", path, "-o", str(out)]) == 0
    assert f"({fmt})" in capsys.readouterr().err
    assert out.read_bytes() == render(path, fmt)


@pytest.mark.parametrize("name", ["z.nt", "z.rdf", "z.owl", "z.xml", "z"])
def test_cli_unknown_suffix_is_a_one_line_error(store, tmp_path, capsys, name):
    path = _exported_store(store)
    assert main(["export", "--store", path, "-o", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("actorgraph export: error:") and ".ttl" in err and ".nq" in err
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("name,fmt", [("g.csv", "turtle"), ("g.ttl", "nquads"), ("g.nt", "nquads"), ("g.rdf", "turtle")])
def test_cli_format_contradicting_the_suffix_is_an_error(store, tmp_path, capsys, name, fmt):
    path = _exported_store(store)
    assert main(["export", "--store", path, "-o", str(tmp_path / name), "--format", fmt]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "error:" in err
    assert not (tmp_path / name).exists()


def test_cli_explicit_format_with_an_unclaimed_suffix_and_stdout_default(store, tmp_path, capsys):
    path = _exported_store(store)
    out = tmp_path / "rows.txt"
    assert main(["export", "--store", path, "-o", str(out), "--format", "csv"]) == 0
    assert out.read_bytes() == render(path, "csv")
    capsys.readouterr()
    assert main(["export", "--store", path]) == 0  # no -o, no --format: Turtle on standard output
    g = Graph().parse(data=capsys.readouterr().out, format="turtle")
    assert (AG.USA, AG.pressures, AG.ISR) in g


def test_graphml_and_gexf_stay_well_formed_with_control_characters_in_labels(tmp_path):
    """A label with a control character (a gazetteer or third-party RDF file, not the extractor) was
    written as is: the whole GraphML/GEXF file was not well-formed XML and nothing could read it."""
    from rdflib import RDF, RDFS, Literal

    g = store_sample.union()
    g.remove((AG.USA, RDFS.label, None))
    g.add((AG.USA, RDFS.label, Literal("United\x01 States\x1b[31m <b>&\"q\" \ufffe 😀 𝔘")))
    assert (AG.USA, RDF.type, AG.State) in g
    read = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}
    for fmt in ("graphml", "gexf"):
        out = export(g, fmt, tmp_path / f"g.{fmt}")
        net = read[fmt](out)
        label = net.nodes["USA"]["label"]
        assert label == "United\ufffd States\ufffd[31m <b>&\"q\" \ufffd 😀 𝔘", fmt
        assert net.has_edge("USA", "ISR")
