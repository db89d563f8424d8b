"""graph.views.gather: the page's edges are aggregated as the interactions stream by, in whatever
order the store gives them, and come out as they did when every record was kept and sorted first."""
from __future__ import annotations

import random
from collections import Counter

import pytest

from graph.analyse import MEDIATION_RELATIONS
from graph.store.read import memory_store
from graph.views.collect import relation_schema
from graph.views.gather import _edge_ends, _edges, _slim_records, _symmetry, gather
from render_fixtures import seed_extractions, undated_extraction, union_graph


def kept_and_sorted(records: list[tuple], symmetric, per_edge: int | None) -> tuple[list[dict], list[tuple]]:
    """The edges as the page made them before #14's streaming: every record kept, sorted, then grouped."""
    slim = sorted(records)
    groups: dict[tuple, dict] = {}
    for i, r in enumerate(slim):
        for s, t in _edge_ends(r, MEDIATION_RELATIONS):
            key = (min(s, t), r[3], max(s, t)) if symmetric(r[3]) else (s, r[3], t)
            e = groups.setdefault(key, {"from": s, "to": t, "rel": r[3], "ix": [], "total": 0, "sentences": set(),
                                        "officials": set(), "modalities": Counter(), "stubs": Counter()})
            e["total"] += 1
            if per_edge is None or len(e["ix"]) < per_edge:
                e["ix"].append(i)
            e["sentences"].add(r[6])
            e["modalities"][r[8]] += 1
            e["stubs"][(r[9], r[10], r[8])] += 1
            if r[7]:
                e["officials"].add(r[7])
    chosen = sorted({i for e in groups.values() for i in e["ix"]})
    remap = {old: new for new, old in enumerate(chosen)}
    edges = [{"from": e["from"], "to": e["to"], "rel": e["rel"], "ix": [remap[i] for i in e["ix"]], "total": e["total"],
              "n": len(e["sentences"]), "asserted": e["modalities"]["asserted"] > 0,
              "modalities": dict(sorted(e["modalities"].items())), "officials": sorted(e["officials"]),
              "stubs": [[lo, hi, m, n] for (lo, hi, m), n in sorted(e["stubs"].items(), key=lambda kv: (
                  kv[0][0] or "", kv[0][1] or "", kv[0][2]))]} for e in (groups[k] for k in sorted(groups))]
    return edges, [slim[i] for i in chosen]


@pytest.fixture(scope="module")
def seed_store():
    return memory_store(union_graph(seed_extractions() + [undated_extraction()]))


@pytest.mark.parametrize("per_edge", [0, 1, 2, None])
def test_streamed_edges_are_the_sorted_ones_whatever_the_order(seed_store, per_edge):
    records = list(_slim_records(seed_store))
    symmetric = _symmetry(relation_schema(seed_store))
    expected = kept_and_sorted(records, symmetric, per_edge)
    for seed in range(5):
        random.Random(seed).shuffle(records)
        edges, chosen, found = _edges(iter(records), symmetric, per_edge)
        assert (edges, chosen) == expected
        assert found.interactions == len(records) == 13 and found.relations == {r[3] for r in records}
    if per_edge in (0, 1):  # the seeds have edges of two claims: some edge was cut
        assert any(e["total"] > len(e["ix"]) for e in expected[0])


def test_a_symmetric_edge_takes_the_direction_of_its_first_statement(seed_store):
    symmetric = _symmetry(relation_schema(seed_store))
    records = sorted(_slim_records(seed_store))
    talks = [r for r in records if symmetric(r[3])]
    assert talks, "the seeds state a symmetric relation"
    edges, _chosen, _found = _edges(reversed(records), symmetric, 10)
    first = talks[0]
    edge = next(e for e in edges if e["rel"] == first[3] and {e["from"], e["to"]} == {first[2], first[4]})
    assert (edge["from"], edge["to"]) == (first[2], first[4])


def test_the_page_counts_every_interaction_and_embeds_the_chosen_ones(seed_store):
    data = gather(seed_store, per_edge=1)
    assert data["totals"]["interactions"] == 13
    assert sum(e["total"] for e in data["edges"]) >= 13 and len(data["records"]) < 13
    assert all(0 <= i < len(data["records"]) for e in data["edges"] for i in e["ix"])
