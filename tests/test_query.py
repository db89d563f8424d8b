"""graph.store.query: --bind pins variables with the meaning a user expects, on every kind of source."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from graph.errors import QueryError
from graph.store.query import parse_binding, run_query, saved_queries, with_bindings

AG = "https://w3id.org/actorgraph/ontology#"
DATA = f"""
@prefix ag: <{AG}> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix dct: <http://purl.org/dc/terms/> .
ag:i1 a ag:Interaction ; ag:source ag:USA ; ag:target ag:ISR ; ag:relation ag:pressures ; ag:confidence 0.855 ;
    ag:date "2025-06-13"^^xsd:date ; ag:document ag:d1 .
ag:i2 a ag:Interaction ; ag:source ag:USA ; ag:target ag:IRN ; ag:relation ag:pressures ; ag:confidence 0.7 ;
    ag:document ag:d2 .
ag:i3 a ag:Interaction ; ag:source ag:OMN ; ag:target ag:IRN ; ag:relation ag:mediates ; ag:confidence 0.8 ;
    ag:date "2025"^^xsd:gYear ; ag:document ag:d2 .
ag:d1 dct:title "One" .
"""
QUERY = f"""PREFIX ag: <{AG}> PREFIX dct: <http://purl.org/dc/terms/>
SELECT ?i ?source ?date ?title ?confidence WHERE {{
  ?i a ag:Interaction ; ag:source ?source ; ag:confidence ?confidence ; ag:document ?d .
  OPTIONAL {{ ?i ag:date ?date }}
  OPTIONAL {{ ?d dct:title ?title }} }} ORDER BY ?i"""


@pytest.fixture(scope="module")
def g() -> Graph:
    return Graph().parse(data=DATA, format="turtle")


def rows(g: Graph, *binds: str) -> list[str]:
    pinned = dict(parse_binding(b) for b in binds)
    return [str(r[0]).rsplit("#", 1)[-1] for r in run_query(g, QUERY, pinned)]


def test_an_iri_pins_a_required_variable_with_values(g):
    assert "VALUES ?source" in with_bindings(QUERY, dict([parse_binding("source=USA")]))
    assert rows(g, "source=USA") == ["i1", "i2"]


def test_a_pinned_optional_variable_filters_instead_of_filling_in(g):
    # a VALUES block would have joined into the OPTIONAL and given i2 (no title) the title "One"
    assert rows(g, 'title="One"') == ["i1"]
    result = list(run_query(g, QUERY, dict([parse_binding('title="One"')])))
    assert [str(r[3]) for r in result] == ["One"]


def test_dates_match_as_prefixes_and_numbers_as_numbers(g):
    assert rows(g, "date=2025-06") == ["i1"]
    assert rows(g, "date=2025") == ["i1", "i3"]  # a date in 2025 and the gYear 2025
    assert rows(g, "confidence=0.855") == ["i1"]
    assert rows(g, "confidence=0.7", "source=USA") == ["i2"]
    assert parse_binding("n=4")[1] == Literal(4) and parse_binding("d=2025-06")[1].datatype == XSD.gYearMonth


def test_unknown_variables_and_bad_values_are_refused():
    with pytest.raises(QueryError, match="no variable [?]foo"):
        with_bindings(QUERY, {"foo": URIRef(AG + "USA")})
    with pytest.raises(QueryError, match="not an actor id"):
        parse_binding("source=USA> } UNION { ?s ?p ?o")


def test_strings_iris_and_comments_do_not_confuse_the_clause_finder():
    text = f'PREFIX ag: <{AG}> # WHERE {{ in a comment\nSELECT ?s WHERE {{ ?s ag:label "a {{ brace" . OPTIONAL {{ ?s ag:x ?x }} }}'
    out = with_bindings(text, {"x": Literal(1)})
    assert out.index("FILTER ((BOUND(?x) && ?x = ") > out.index("OPTIONAL") and out.rstrip().endswith(")) }")
    assert "# WHERE { in a comment" in out


def test_updates_are_refused_in_one_line(g):
    for update in ("DROP ALL", f"PREFIX ag: <{AG}> INSERT DATA {{ ag:a ag:b ag:c }}", "  delete where { ?s ?p ?o }"):
        with pytest.raises(QueryError, match="is an update"):
            run_query(g, update)
    assert len(g) == len(Graph().parse(data=DATA, format="turtle"))


def test_a_pinned_count_stays_on_the_saved_text_and_filters_the_counts():
    q = saved_queries()["who-pressures-whom"]
    text = q.text_for({"sentences": Literal(4)})
    assert "FILTER" in text and text.startswith(q.text[:40])


def test_a_variable_bound_twice_is_an_error_not_the_last_value():
    """``--bind source=USA --bind source=ISR`` kept only ISR (a dict), silently dropping USA's rows."""
    from graph.store.query import parse_bindings

    assert parse_bindings(["source=USA", "target=ISR"]) == {"source": URIRef(AG + "USA"), "target": URIRef(AG + "ISR")}
    with pytest.raises(QueryError, match=r"\?source is given twice"):
        parse_bindings(["source=USA", "?source=ISR"])


def test_cli_json_of_ask_is_sparql_json_and_width_must_be_positive(tmp_path, capsys):
    import json

    from graph.cli import main

    data = tmp_path / "g.ttl"
    data.write_text(DATA, encoding="utf-8")
    assert main(["query", str(data), "-q", f"ASK {{ ?i ?p <{AG}USA> }}", "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == {"head": {}, "boolean": True} and out.endswith("\n")  # was {"head": ["ask"], ...}
    assert main(["query", str(data), "-q", f"SELECT ?s {{ ?s a <{AG}Interaction> }}", "--format", "json"]) == 0
    assert capsys.readouterr().out.endswith("}\n")
    assert main(["query", str(data), "--name", "evidence", "--bind", "source=USA", "--bind", "source=ISR"]) == 2
    err = capsys.readouterr().err
    assert "given twice" in err and err.count("\n") == 1
    for width in ("0", "-5"):  # printed "tru…" / "…" instead of the values
        with pytest.raises(SystemExit) as exc:
            main(["query", str(data), "-q", "ASK {}", "--width", width])
        assert exc.value.code == 2 and "positive integer" in capsys.readouterr().err


# ---------------------------------------------------------------- saved listings are pages (#14)


@pytest.fixture(scope="module")
def listing_store(tmp_path_factory):
    """A store shaped like ours with more than 1,000 interactions (the bench generator)."""
    import importlib.util
    from pathlib import Path

    from graph.namespaces import ONTOLOGY_GRAPH
    from graph.store.store import open_store, put_documents, put_graph
    from graph.store.write import refresh_derived

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("bench_sparql", root / "scripts" / "bench_sparql.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    items, schema, _analysis = bench.generate(60_000, seed=5)
    path = tmp_path_factory.mktemp("listing") / "store"
    with open_store(path) as st:
        put_graph(st, ONTOLOGY_GRAPH, schema)
        put_documents(st, items)
        refresh_derived(st)  # the derive step of a build: the summaries the pages read
    return path


def _cli(capsys, *args: str) -> tuple[str, str]:
    from graph.cli import main

    assert main(["query", *args]) == 0
    captured = capsys.readouterr()
    return captured.out, captured.err


def test_a_saved_listing_prints_a_page_and_says_how_many_rows(listing_store, capsys):
    out, _ = _cli(capsys, "--store", str(listing_store), "--name", "evidence")
    lines = out.splitlines()
    total = int(_cli(capsys, "--store", str(listing_store), "-q",
                     "SELECT (COUNT(*) AS ?n) WHERE { ?i a ag:Interaction }", "--format", "csv")[0].split()[1])
    assert total > 1000
    assert len(lines) == 2 + 1000 + 1 and lines[-1] == f"1,000 of {total:,} rows (--limit 0 for all, --offset N)"
    out, _ = _cli(capsys, "--store", str(listing_store), "--name", "evidence", "--offset", "1000", "--limit", "10")
    assert out.splitlines()[-1] == f"rows 1,001–1,010 of {total:,} (--limit 0 for all, --offset N)"
    out, err = _cli(capsys, "--store", str(listing_store), "--name", "evidence", "--format", "csv", "--limit", "0")
    assert len(out.splitlines()) == total + 1 and err == ""  # every row, no note
    out, err = _cli(capsys, "--store", str(listing_store), "--name", "evidence", "--format", "csv", "--limit", "5")
    assert len(out.splitlines()) == 6 and err.strip() == f"5 of {total:,} rows (--limit 0 for all, --offset N)"


def test_pages_follow_the_documented_order_and_cover_the_listing(listing_store, capsys):
    """--offset walks the whole listing (--limit 0) in its order: the most confident evidence first."""
    import csv
    import io

    whole = list(csv.DictReader(io.StringIO(_cli(capsys, "--store", str(listing_store), "--name", "evidence",
                                                 "--format", "csv", "--limit", "0")[0])))
    paged = []
    for offset in range(0, len(whole), 400):
        paged += list(csv.DictReader(io.StringIO(_cli(capsys, "--store", str(listing_store), "--name", "evidence",
                                                      "--format", "csv", "--limit", "400", "--offset", str(offset))[0])))
    assert [float(r["confidence"]) for r in paged] == [float(r["confidence"]) for r in whole]
    assert sorted(map(tuple, (r.values() for r in paged))) == sorted(map(tuple, (r.values() for r in whole)))
    confidences = [float(r["confidence"]) for r in whole]
    assert confidences == sorted(confidences, reverse=True)


def test_a_bounded_page_picks_the_keys_its_rows_fall_in():
    """The keys (in the listing's order, with their rows) that rows offset..offset+limit fall in, the
    rows of the first to skip, and the listing's rows in all."""
    from graph.store.query import _keys_for

    counts = [("a", 3), ("b", 1), (None, 4), ("c", 2)]
    assert _keys_for(counts, 0, 2) == (["a"], 0, 10)
    assert _keys_for(counts, 2, 3) == (["a", "b", None], 2, 10)
    assert _keys_for(counts, 3, 1) == (["b"], 0, 10)
    assert _keys_for(counts, 8, 100) == (["c"], 0, 10)
    assert _keys_for(counts, 10, 5) == ([], 0, 10)


def test_the_pages_of_a_store_are_read_from_its_summaries(listing_store, capsys):
    """The listing store was refreshed as a build refreshes it: the page files hold (their # if:), and
    the grouped page is the grouped listing's first rows."""
    import csv
    import io

    from graph.store.query import _holds, saved_queries
    from graph.store.store import open_source

    with open_source(str(listing_store)) as st:
        assert all(_holds(st, q.condition) for q in saved_queries().values() if q.page)
    whole = list(csv.reader(io.StringIO(_cli(capsys, "--store", str(listing_store), "--name", "adversaries",
                                             "--format", "csv", "--limit", "0")[0])))
    page = list(csv.reader(io.StringIO(_cli(capsys, "--store", str(listing_store), "--name", "adversaries",
                                            "--format", "csv", "--limit", "50", "--offset", "20")[0])))
    assert page[0] == whole[0] and len(page) == 51
    assert [r[:4] for r in page[1:]] == [r[:4] for r in whole[21:71]]  # every row a distinct dyad: no ties


def test_listings_without_a_page_formulation_and_json_pages(listing_store, capsys):
    import json

    out, err = _cli(capsys, "--store", str(listing_store), "--name", "adversaries", "--format", "json", "--limit", "3")
    data = json.loads(out)
    assert len(data["results"]["bindings"]) == 3 and err.startswith("3 of ")
    sentences = [int(b["sentences"]["value"]) for b in data["results"]["bindings"]]
    assert sentences == sorted(sentences, reverse=True)
    # an ad-hoc query prints every row unless told otherwise
    out, err = _cli(capsys, "--store", str(listing_store), "-q", "SELECT ?i WHERE { ?i a ag:Interaction }", "--format", "tsv")
    assert len(out.splitlines()) > 1001 and err == ""
