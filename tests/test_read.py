"""graph.store.read: every interaction read in narrow queries joined by IRI gives what one wide query
gives, and the analysis of a store is the analysis of the same triples as an rdflib graph."""
from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.compare import isomorphic

from graph.analyse import Row, analyse, interaction_table, write_back
from graph.namespaces import AG
from graph.store.read import (
    INTERACTION_COLUMNS, analyse_store, interaction_query, interaction_rows, memory_store, select_interactions,
    select_values,
)
from render_fixtures import seed_graph, union_graph, seed_extractions, undated_extraction

COLUMNS = tuple(INTERACTION_COLUMNS)


def one_query(store, columns) -> dict[str, list]:
    """Every interaction from one query of every column, the smallest value of each kept."""
    rows: dict[str, list] = {}
    for i, *values in select_values(store, interaction_query(columns)):
        old = rows.setdefault(i, values)
        rows[i] = [min((x for x in (a, b) if x is not None), default=None) for a, b in zip(old, values)]
    return rows


@pytest.mark.parametrize("width", [1, 2, 4, len(COLUMNS) + 1])
def test_narrow_queries_joined_by_iri_give_what_one_query_gives(width):
    store = memory_store(union_graph(seed_extractions() + [undated_extraction()]))
    columns = ("date", "source", "doc", "target", "official", "relation", "at", "otherParty")  # required ones anywhere
    found = {i: list(rest) for i, *rest in select_interactions(store, columns, width)}
    assert found == one_query(store, columns) and len(found) == 13


def test_several_values_give_the_smallest_and_a_missing_required_column_leaves_the_interaction_out():
    g = seed_graph()
    first, second = sorted(g.subjects(AG.relation, None))[:2]
    g.add((first, AG.date, Literal("2020-01-01")))  # a merged store: two dates
    g.remove((second, AG.source, None))
    rows = {i: rest for i, *rest in select_interactions(memory_store(g), ("source", "date"), width=1)}
    assert rows[str(first)][1] == "2020-01-01" and str(second) not in rows
    assert len(rows) == len(set(g.subjects(AG.relation, None))) - 1


def test_the_store_rows_are_the_graph_rows_in_slotted_records():
    g = union_graph(seed_extractions() + [undated_extraction()])
    rows = interaction_rows(memory_store(g))
    table = interaction_table(g, None)
    assert all(isinstance(r, Row) for r in rows) and len(rows) == len(table) == 13
    for row, full in zip(rows, table):
        assert {k: v for k, v in row.items() if k != "document"} == {k: full[k] for k in row.keys() if k != "document"}


def test_the_analysis_of_a_store_is_the_analysis_of_its_graph():
    g = union_graph(seed_extractions() + [undated_extraction()])
    from_store, from_graph = analyse_store(memory_store(g)), analyse(g)
    assert isomorphic(write_back(from_store), write_back(from_graph))
    assert [(d.a, d.b, d.periods) for d in from_store.dyads] == [(d.a, d.b, d.periods) for d in from_graph.dyads]
    assert [r["iri"] for r in from_store.rows] == [r["iri"] for r in from_graph.rows]


def test_a_row_reads_like_the_dict_it_replaced():
    r = Row(iri="i1", source="USA", date=None)
    assert r == {"iri": "i1", "source": "USA", "date": None} and "target" not in r and r.get("target", "-") == "-"
    with pytest.raises(KeyError):
        r["target"]
    with pytest.raises(KeyError):
        r["colour"] = "#fff"  # not a column: refused rather than dropped
    r.setdefault("trigger", "")
    r["sentence"] = "Talks."
    assert r.keys() == ["iri", "source", "date", "sentence", "trigger"] and r["sentence"] == "Talks."
