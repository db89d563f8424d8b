"""graph.analyse on small hand-built graphs whose answers are known."""
from __future__ import annotations

import math

import pytest
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import DCTERMS

from graph.analyse import (
    Analysis, actor_network, analyse, interaction_table, period, relation_info, result_iri, signed_network, write_back,
)
from graph.model import Actor, Interaction
from graph.namespaces import AG, ANALYSIS_GRAPH, PREFIXES, doc_iri, office_iri
from graph.store.rdf import add_interaction, date_literal, describe_actor

ACTORS = {
    "USA": Actor("USA", "United States", "State"),
    "ISR": Actor("ISR", "Israel", "State"),
    "IRN": Actor("IRN", "Iran", "State"),
    "OMN": Actor("OMN", "Oman", "State"),
    "QAT": Actor("QAT", "Qatar", "State"),
    "EGY": Actor("EGY", "Egypt", "State"),
    "UN": Actor("UN", "United Nations", "Organisation"),
    "HEZ": Actor("HEZ", "Hezbollah", "ArmedGroup"),
    "P_Abbas_Araghchi": Actor("P_Abbas_Araghchi", "Abbas Araghchi", "Person", affiliation="IRN"),
}


def claim(source, relation, target, modality="asserted", date=None, other=None, confidence=0.8, text=None):
    """A claim spec for :func:`build`."""
    return dict(source=source, relation=relation, target=target, modality=modality, date=date,
                other=other, confidence=confidence, text=text)


def build(*docs, reported_on: str | None = None) -> Graph:
    """Union graph of documents; each doc is (doc_id, title, [claims]), one sentence per claim.

    Written with ``graph.store.rdf.add_interaction``/``describe_actor`` as the pipeline does, plus the document
    and office triples of docs/rdf-shape.md."""
    g = Graph()
    for doc_id, title, claims in docs:
        d = doc_iri(doc_id)
        g.add((d, RDF.type, AG.Document))
        g.add((d, DCTERMS.identifier, Literal(doc_id)))
        g.add((d, DCTERMS.title, Literal(title)))
        g.add((d, DCTERMS.date, date_literal("2026-02-05")))
        pos = 0
        for i, c in enumerate(claims):
            text = c["text"] or f"{ACTORS[c['source']].label} {c['relation']} {ACTORS[c['target']].label}."
            ix = Interaction(
                source=c["source"], relation=c["relation"], target=c["target"], doc_id=doc_id, sentence=i,
                trigger=c["relation"], trigger_start=pos, trigger_end=pos + 3, modality=c["modality"],
                confidence=c["confidence"], date=c["date"], other_party=c["other"], cameo="020", quad=1)
            add_interaction(g, ix, text, reported_on=reported_on)
            for a in (c["source"], c["target"], c["other"]):
                if a:
                    describe_actor(g, ACTORS[a])
                    if a == "P_Abbas_Araghchi":
                        o = office_iri("IRN", "Foreign Minister")
                        g.add((o, RDF.type, AG.Office))
                        g.add((o, RDFS.label, Literal("Foreign Minister of Iran")))
                        g.add((o, AG.officeTitle, Literal("Foreign Minister")))
                        g.add((o, AG.officeOf, AG.IRN))
                        g.add((AG[a], AG.holdsOffice, o))
            pos += len(text) + 1
    return g


# ---------------------------------------------------------------- reading

def test_interaction_table_reads_every_field():
    g = build(("d1", "Talks", [claim("USA", "pressures", "ISR", "reported", "2026-02-05", confidence=0.85),
                               claim("IRN", "attacks", "ISR", "hypothetical")]))
    rows = interaction_table(g)
    assert len(rows) == 1
    r = rows[0]
    assert (r["source"], r["relation"], r["target"], r["modality"]) == ("USA", "pressures", "ISR", "reported")
    assert r["confidence"] == pytest.approx(0.85)
    assert r["date"] == "2026-02-05" and r["document"] == "d1" and r["doc_title"] == "Talks"
    assert r["sentence"] == "United States pressures Israel." and r["cameo"] == "020" and r["quad"] == 1
    assert len(interaction_table(g, None)) == 2
    assert [r["modality"] for r in interaction_table(g, ("hypothetical",))] == ["hypothetical"]


def test_relation_info_falls_back_to_ontology_file():
    info = relation_info(Graph())
    assert info["attacks"]["sign"] == -1 and info["pressures"]["sign"] == 1
    assert info["attacks"]["colour"].startswith("#") and info["negotiatesWith"]["symmetric"]


def test_actor_network_weights_and_evidence():
    g = build(("d1", "A", [claim("USA", "pressures", "ISR"), claim("USA", "pressures", "ISR"),
                           claim("USA", "supports", "ISR"), claim("IRN", "threatens", "ISR")]))
    m = actor_network(g)
    assert m["USA"]["ISR"]["pressures"]["weight"] == 2
    assert len(m["USA"]["ISR"]["pressures"]["evidence"]) == 2
    assert m["USA"]["ISR"]["supports"]["weight"] == 1
    assert m.nodes["USA"]["label"] == "United States" and m.nodes["USA"]["type"] == "State"
    s = signed_network(m)
    assert s["ISR"]["USA"]["sign"] == 1 and s["ISR"]["USA"]["net"] == 3
    assert s["IRN"]["ISR"]["sign"] == -1


# ---------------------------------------------------------------- metrics

def test_mediator_is_the_broker():
    # Oman mediates between the US and Iran, who are otherwise unconnected; Qatar also talks to Oman.
    g = build(("d1", "Muscat", [claim("OMN", "mediates", "USA", other="IRN"), claim("QAT", "supports", "OMN")]))
    an = analyse(g)
    top = an.brokers()[0]
    assert top.id == "OMN" and top.betweenness == pytest.approx(1.0)
    assert an.actors["USA"].betweenness == 0 and an.actors["IRN"].betweenness == 0
    assert [(x.mediator, x.party_a, x.party_b) for x in an.mediations] == [("OMN", "IRN", "USA")]


def test_pagerank_sums_to_one_and_favours_the_target():
    g = build(("d1", "A", [claim("USA", "pressures", "ISR"), claim("IRN", "threatens", "ISR"),
                           claim("QAT", "supports", "ISR"), claim("ISR", "attacks", "HEZ")]))
    an = analyse(g)
    assert math.isclose(sum(a.pagerank for a in an.actors.values()), 1.0, abs_tol=1e-9)
    # ISR collects from three sources and passes it all on to HEZ; the three sources tie at the bottom
    assert [a.id for a in an.ranked_actors()] == ["HEZ", "ISR", "IRN", "QAT", "USA"]
    assert an.actors["IRN"].pagerank == pytest.approx(an.actors["USA"].pagerank)


def test_per_relation_degree():
    g = build(("d1", "A", [claim("USA", "pressures", "ISR"), claim("USA", "pressures", "ISR"),
                           claim("USA", "pressures", "IRN"), claim("IRN", "opposes", "USA")]))
    st = analyse(g).actors["USA"]
    assert st.by_relation["pressures"] == {"out": 2, "in": 0, "out_weight": 3, "in_weight": 0}
    assert st.by_relation["opposes"] == {"out": 0, "in": 1, "out_weight": 0, "in_weight": 1}
    assert (st.out_degree, st.in_degree, st.degree, st.weighted_degree) == (2, 1, 3, 4)


def test_unbalanced_triangle():
    # USA+ISR, USA+QAT, ISR−QAT: "++−" two friends of mine are enemies.
    g = build(("d1", "A", [claim("USA", "supports", "ISR"), claim("USA", "cooperatesWith", "QAT"),
                           claim("ISR", "attacks", "QAT")]))
    an = analyse(g)
    assert len(an.triads) == 1 and not an.triads[0].balanced
    assert an.triads[0].pattern == "++-" and an.balance_ratio == 0.0


def test_balanced_triangle():
    # USA+ISR, both against IRN: "+−−" the enemy of my enemy.
    g = build(("d1", "A", [claim("USA", "supports", "ISR"), claim("USA", "threatens", "IRN"),
                           claim("ISR", "attacks", "IRN")]))
    an = analyse(g)
    assert len(an.triads) == 1 and an.triads[0].balanced and an.triads[0].members == ("IRN", "ISR", "USA")
    assert an.balance_ratio == 1.0 and an.balanced == 1 and an.unbalanced == 0


def test_all_negative_triangle_is_unbalanced_and_net_sign_decides():
    g = build(("d1", "A", [claim("USA", "opposes", "IRN"), claim("IRN", "attacks", "ISR"),
                           claim("ISR", "opposes", "USA"),
                           # one cooperation does not outweigh two conflicts between ISR and USA
                           claim("USA", "supports", "ISR")]))
    an = analyse(g)
    assert an.signed["ISR"]["USA"]["net"] == 0 and an.ambivalent_triads == 1 and an.triads == []
    g2 = build(("d1", "A", [claim("USA", "opposes", "IRN"), claim("IRN", "attacks", "ISR"),
                            claim("ISR", "opposes", "USA")]))
    an2 = analyse(g2)
    assert an2.triads[0].pattern == "---" and not an2.triads[0].balanced


def test_hypothetical_and_negated_are_excluded_from_metrics():
    g = build(("d1", "A", [claim("USA", "pressures", "ISR"),
                           claim("IRN", "attacks", "ISR", "hypothetical"),
                           claim("HEZ", "attacks", "ISR", "negated")]))
    an = analyse(g)
    assert set(an.actors) == {"USA", "ISR"}
    assert {r["modality"] for r in an.excluded} == {"hypothetical", "negated"}
    assert an.modality_counts == {"asserted": 1, "hypothetical": 1, "negated": 1}
    assert not any(t.relation == "attacks" for t in an.ties)
    # asked for, they count
    assert "IRN" in analyse(g, modalities=("asserted", "hypothetical")).actors


def test_dyads_by_month_and_undated():
    g = build(("d1", "A", [claim("USA", "pressures", "ISR", date="2026-01-10"),
                           claim("ISR", "opposes", "USA", date="2026-01-20"),
                           claim("USA", "supports", "ISR", date="2026-02"),
                           claim("USA", "threatens", "ISR")]))
    an = analyse(g)
    (d,) = an.dyads
    assert (d.a, d.b) == ("ISR", "USA")
    assert d.periods == {"2026-01": (1, 1), "2026-02": (1, 0), "undated": (0, 1)}
    assert (d.cooperation, d.conflict, d.net) == (2, 2, 0)
    assert period("2026") == "2026" and period(None) == "undated"


def test_strongest_ties_and_pressures():
    g = build(("d1", "A", [claim("USA", "pressures", "ISR", confidence=0.9),
                           claim("USA", "pressures", "ISR", confidence=0.7),
                           claim("IRN", "threatens", "ISR", confidence=0.95),
                           claim("QAT", "supports", "EGY", confidence=0.5)]))
    an = analyse(g)
    t = an.ties[0]
    assert (t.source, t.relation, t.target, t.weight) == ("USA", "pressures", "ISR", 2)
    assert t.strength == pytest.approx(1.6)
    assert [(p.source, p.relation, p.target) for p in an.pressures] == [
        ("USA", "pressures", "ISR"), ("IRN", "threatens", "ISR")]


def test_communities_are_deterministic():
    claims = [claim("USA", "supports", "ISR"), claim("USA", "alliedWith", "ISR"), claim("ISR", "supports", "USA"),
              claim("IRN", "supports", "HEZ"), claim("HEZ", "cooperatesWith", "IRN"), claim("IRN", "supports", "HEZ"),
              claim("ISR", "attacks", "HEZ")]
    a1 = analyse(build(("d1", "A", claims)))
    a2 = analyse(build(("d1", "A", list(reversed(claims)))))
    assert a1.communities == a2.communities
    assert a1.actors["USA"].community == a1.actors["ISR"].community != a1.actors["IRN"].community
    assert write_back(a1).isomorphic(write_back(a2))


def test_empty_graph():
    an = analyse(Graph())
    assert isinstance(an, Analysis) and an.actors == {} and an.triads == [] and an.balance_ratio is None
    wb = write_back(an)
    assert wb.identifier == ANALYSIS_GRAPH
    assert wb.value(result_iri("summary"), AG.interactionCount) == Literal(0)
    # only hypothetical claims: nothing to count either
    an2 = analyse(build(("d1", "A", [claim("IRN", "attacks", "ISR", "hypothetical")])))
    assert an2.actors == {} and len(an2.excluded) == 1


def test_write_back_readable_by_sparql():
    g = build(("d1", "A", [claim("USA", "supports", "ISR"), claim("USA", "threatens", "IRN"),
                           claim("ISR", "attacks", "IRN"), claim("USA", "pressures", "ISR"),
                           claim("USA", "pressures", "ISR")]))
    wb = write_back(analyse(g))
    rows = list(wb.query("""SELECT ?a ?pr ?b ?d ?c WHERE { ?a ag:pagerank ?pr ; ag:betweenness ?b ;
                                ag:degree ?d ; ag:community ?c } ORDER BY ?a""", initNs=PREFIXES))
    assert [str(r.a).split("#")[1] for r in rows] == ["IRN", "ISR", "USA"]
    assert sum(float(r.pr) for r in rows) == pytest.approx(1.0, abs=1e-5)
    (deg,) = wb.query("""SELECT ?out ?in ?w WHERE { ag:USA ag:relationDegree ?n . ?n ag:forRelation ag:pressures ;
                           ag:outDegree ?out ; ag:inDegree ?in ; ag:outWeight ?w }""", initNs=PREFIXES)
    assert (int(deg.out), int(deg["in"]), int(deg.w)) == (1, 0, 2)
    (tri,) = wb.query("""SELECT ?t ?bal (COUNT(?m) AS ?n) WHERE { ?t a ag:Triad ; ag:balanced ?bal ; ag:member ?m }
                         GROUP BY ?t ?bal""", initNs=PREFIXES)
    assert tri.bal.toPython() is True and int(tri.n) == 3
    (ratio,) = wb.query("SELECT ?r WHERE { ?s a ag:AnalysisSummary ; ag:balanceRatio ?r }", initNs=PREFIXES)
    assert float(ratio.r) == 1.0
    # round-trips through Turtle unchanged (stable IRIs, no blank nodes)
    again = Graph().parse(data=wb.serialize(format="turtle"), format="turtle")
    assert len(again) == len(wb)


def test_new_analysis_terms_are_declared_in_ontology():
    from graph.namespaces import ONTOLOGY_DIR
    onto = Graph().parse(ONTOLOGY_DIR / "actorgraph.ttl")
    g = build(("d1", "A", [claim("USA", "supports", "ISR"), claim("USA", "threatens", "IRN"),
                           claim("ISR", "attacks", "IRN")]))
    wb = write_back(analyse(g))
    used = {p for p in wb.predicates() if str(p).startswith(str(AG))}
    used |= {o for o in wb.objects(None, RDF.type)}
    for term in used:
        assert (term, RDFS.label, None) in onto, term
        older = (AG.degree, AG.pagerank, AG.betweenness, AG.community)  # declared before, label only
        assert (term, RDFS.comment, None) in onto or term in older, term


def test_sparql_and_index_walk_agree():
    g = build(("d1", "Talks", [claim("USA", "pressures", "ISR", "reported", "2026-02-05"),
                               claim("OMN", "mediates", "USA", other="IRN", date="2026-02"),
                               claim("IRN", "attacks", "ISR", "negated")]),
              ("d2", "Other", [claim("P_Abbas_Araghchi", "negotiatesWith", "USA")]))
    a = interaction_table(g, None, method="sparql")
    b = interaction_table(g, None, method="triples")
    assert a == b and len(a) == 4
    with pytest.raises(ValueError):
        interaction_table(g, method="fast")


def test_reads_what_document_graph_writes():
    from graph.model import Document, Extraction, Office, Sentence
    from graph.store.rdf import document_graph

    text = "Iran's Foreign Minister Abbas Araghchi held talks with the United States. Israel might strike Iran."
    ex = Extraction(
        Document("abc", text, title="Talks"),
        [Sentence("abc", 0, 0, 73, text[:73]), Sentence("abc", 1, 74, len(text), text[74:])],
        {a: ACTORS[a] for a in ("USA", "IRN", "ISR", "P_Abbas_Araghchi")},
        [Office("P_Abbas_Araghchi", "Foreign Minister", "IRN")],
        [Interaction("P_Abbas_Araghchi", "negotiatesWith", "USA", "abc", 0, "talks", 44, 49, date="2026-02"),
         Interaction("ISR", "attacks", "IRN", "abc", 1, "strike", 87, 93, modality="hypothetical")],
        doc_date="2026-02-05")
    an = analyse(document_graph(ex))
    assert [r["sentence"] for r in an.rows] == [text[:73]] and an.rows[0]["doc_title"] == "Talks"
    assert an.actors["P_Abbas_Araghchi"].offices == [("Foreign Minister", "IRN", "Foreign Minister of Iran")]
    assert an.actors["P_Abbas_Araghchi"].type == "Person" and an.label("ISR") == "Israel"
    assert [r["relation"] for r in an.excluded] == ["attacks"]


def test_brokerage_is_measured_on_the_cooperation_layer():
    # Iran is attacked from all sides and attacks Hezbollah's enemy: central on the mixed network, yet
    # it brings nobody together. Oman mediates between the US and Iran (who also fight directly).
    g = build(("d1", "Mixed", [claim("ISR", "attacks", "IRN"), claim("USA", "attacks", "IRN"),
                               claim("IRN", "supports", "HEZ"), claim("HEZ", "attacks", "ISR"),
                               claim("OMN", "mediates", "USA", other="IRN"), claim("USA", "alliedWith", "ISR")]))
    an = analyse(g)
    assert an.actors["IRN"].betweenness > an.actors["OMN"].betweenness == 0  # the mixed measure misleads
    brokers = an.brokers()
    assert brokers[0].id == "OMN" and brokers[0].mediated == 1
    # the cooperation layer is the chain ISR - USA - OMN - IRN - HEZ: the mediator is its middle
    coop = an.layers["cooperation"]
    assert an.actors["OMN"].brokerage == coop.betweenness["OMN"] > 0
    assert an.actors["OMN"].brokerage > an.actors["ISR"].brokerage == 0
    conflict = an.layers["conflict"]
    assert conflict.top(conflict.in_weight)[0] == ("IRN", 2) and conflict.interactions == 3
    assert coop.interactions == 3 and ("IRN", "ISR") not in coop.network.edges  # the mediation is one claim
    wb = write_back(an)
    assert wb.value(AG.OMN, AG.mediations) == Literal(1) and wb.value(AG.IRN, AG.mediations) is None
    assert float(wb.value(AG.OMN, AG.brokerage)) == pytest.approx(an.actors["OMN"].brokerage, abs=1e-6)


def test_blocs_come_from_cooperation_only():
    # two allied pairs at war with each other: a hostile tie never puts enemies in one bloc
    claims = [claim("USA", "alliedWith", "ISR"), claim("IRN", "supports", "HEZ")] + \
             [claim(a, "attacks", b) for a, b in (("ISR", "HEZ"), ("HEZ", "ISR"), ("USA", "IRN"), ("IRN", "USA"))] * 3
    an = analyse(build(("d1", "A", claims)))
    blocs = {frozenset(c) for c in an.communities}
    assert blocs == {frozenset({"USA", "ISR"}), frozenset({"IRN", "HEZ"})}


def test_dyads_fall_back_to_the_date_reported():
    g = build(("d1", "A", [claim("USA", "supports", "ISR"), claim("USA", "supports", "ISR", date="2025-06-03")]),
              reported_on="2026-02-05")
    (dyad,) = analyse(g).dyads
    assert dyad.periods == {"2025-06": (1, 0), "2026-02": (1, 0)}
