"""How long the HTML graph takes to write and to settle in a browser, at 100, 1,000 and 2,000 actors.

    python scripts/bench_render.py [--sizes 100 1000 2000] [--edges-per-actor 3] [--keep DIR]

Synthetic graphs are written through the real RDF writer (``graph.store.rdf.document_graph``) with a
preferential-attachment topology (a few hubs, many small actors — what news coverage looks like),
mixed modalities, dates and actor types. For each size it times ``render_html`` and then, in headless
Chromium, the time from navigation start until the page sets ``window.__stabilizedAt`` (layout
stabilised, physics frozen) — above 60 actors the page opens on an overview of the 40 strongest —
and the time to lay out everything after "show all". Prints a Markdown table. Target: 2,000 actors
settle in < 5 s.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rdflib import Graph  # noqa: E402

from graph.model import Actor, Document, Extraction, Interaction, Office, Sentence  # noqa: E402
from graph.namespaces import RELATIONS  # noqa: E402
from graph.store.rdf import bind_prefixes, document_graph  # noqa: E402

TYPES = (("State", 0.55), ("Person", 0.2), ("Organisation", 0.12), ("ArmedGroup", 0.08), ("CollectiveActor", 0.05))
MODALITIES = (("asserted", 0.7), ("reported", 0.15), ("hypothetical", 0.1), ("negated", 0.05))


def _pick(rng: random.Random, weighted) -> str:
    return rng.choices([k for k, _ in weighted], [w for _, w in weighted])[0]


FIRST = ("USA", "RUS", "CHN", "IRN", "ISR", "UKR", "TUR", "SAU", "IND", "EU", "UN", "NATO")
TITLES = ("Foreign Minister", "Defence Minister", "Special Envoy", "Prime Minister")


def _synthetic_actors(n_actors: int, rng: random.Random) -> list[Actor]:
    actors: list[Actor] = []
    for i in range(n_actors):
        kind = _pick(rng, TYPES) if i >= 3 else "State"
        aid = f"P_Person_{i}" if kind == "Person" else f"A{i}"
        actors.append(Actor(aid, f"{kind} {i}", kind, f"Q{1000 + i}" if kind == "State" else None))
    states = [a for a in actors if a.type == "State"]
    for a in actors:
        if a.type == "Person":
            a.affiliation = rng.choice(states).id
    return actors


def _named_actors(n_actors: int, rng: random.Random) -> list[Actor]:
    """Real names from the gazetteer (the big players first, so they become the hubs); past its 363
    actors, officials of its states ("Foreign Minister of Chile")."""
    from dataclasses import replace

    from graph import gazetteer

    known = gazetteer.load().actors
    order = [known[a] for a in FIRST if a in known] + sorted(
        (a for a in known.values() if a.id not in FIRST), key=lambda a: (a.type != "State", rng.random()))
    actors = [replace(a) for a in order[:n_actors]]
    states = [a for a in actors if a.type == "State"]
    for i in range(len(actors), n_actors):
        state, title = states[i % len(states)], TITLES[i % len(TITLES)]
        actors.append(Actor(f"P_Official_{i}", f"{title} of {state.label}", "Person", None, state.id))
    return actors


def synthetic_graph(n_actors: int, edges_per_actor: float = 3.0, seed: int = 1, per_doc: int = 25,
                    named: bool = False) -> Graph:
    """A union graph of ``n_actors`` actors and about ``edges_per_actor * n_actors`` interactions.
    ``named``: actors from the gazetteer with their real names (the relations are still random)."""
    rng = random.Random(seed)
    actors = _named_actors(n_actors, rng) if named else _synthetic_actors(n_actors, rng)
    by_id = {a.id: a for a in actors}
    # preferential attachment: each newcomer links to ~edges_per_actor earlier actors, hubs favoured
    pool: list[int] = [0, 1, 2]
    pairs: list[tuple[int, int]] = [(0, 1), (1, 2), (2, 0)]
    for i in range(3, n_actors):
        k = max(1, round(rng.gauss(edges_per_actor, 1)))
        for _ in range(k):
            j = rng.choice(pool)
            if j != i:
                pairs.append((i, j) if rng.random() < 0.5 else (j, i))
                pool.append(j)
        pool.append(i)
    rng.shuffle(pairs)

    g = bind_prefixes(Graph())
    for d in range(0, len(pairs), per_doc):
        chunk = pairs[d:d + per_doc]
        doc_id = f"{d // per_doc:016x}"
        sentences, interactions, mentioned, pos = [], [], {}, 0
        for k, (s, t) in enumerate(chunk):
            src, tgt = actors[s], actors[t]
            rel = rng.choice(RELATIONS)
            text = f"{src.label} {rel} {tgt.label} <according to report {d + k}>."
            sentences.append(Sentence(doc_id, k, pos, pos + len(text), text))
            trig = pos + len(src.label) + 1
            date = None if rng.random() < 0.3 else f"{rng.choice((2024, 2025, 2026))}-{rng.randint(1, 12):02d}"
            interactions.append(Interaction(
                source=src.id, relation=rel, target=tgt.id, doc_id=doc_id, sentence=k, trigger=rel,
                trigger_start=trig, trigger_end=trig + len(rel), modality=_pick(rng, MODALITIES),
                confidence=round(rng.uniform(0.3, 0.95), 2), cameo="010", quad=rng.randint(1, 4), date=date))
            pos += len(text) + 1
            for a in (src, tgt):
                mentioned[a.id] = a
                if a.affiliation and a.affiliation in by_id:
                    mentioned[a.affiliation] = by_id[a.affiliation]
        text = " ".join(s.text for s in sentences)
        offices = [Office(a.id, a.label.split(" of ")[0] if named else "Minister", a.affiliation)
                   for a in mentioned.values() if a.type == "Person" and a.affiliation in by_id
                   and (not named or " of " in a.label)]  # the gazetteer's people have no office
        ex = Extraction(Document(doc_id, text, f"Synthetic report {d // per_doc}", "2026-01-01", f"synthetic/{doc_id}.txt"),
                        sentences, mentioned, offices, interactions, "2026-01-01")
        for triple in document_graph(ex):
            g.add(triple)
    return g


def settle_time(html: Path, timeout: float = 120.0) -> tuple[float, int, float]:
    """Milliseconds from navigation start to frozen layout (the page as it opens: above 60 actors,
    an overview of the 40 strongest), the layout iterations run by then (the page stops early when
    its time budget is spent, so this shows what the budget bought), and milliseconds from choosing
    "show all" to the whole graph laid out and frozen again (NaN when the page opened on all)."""
    from graph.views.browser import chrome, wait_stable

    with chrome(1400, 900) as driver:
        driver.get(html.resolve().as_uri())
        stabilized = wait_stable(driver, timeout)
        iterations = driver.execute_script("return (window.__timings || {}).iterations || 0")
        if not driver.execute_script("return actorgraph.state.topN"):
            return stabilized, int(iterations), float("nan")
        start = driver.execute_script("var t = performance.now(); actorgraph.setTopN(0); return t;")
        all_done = wait_stable(driver, timeout)
    return stabilized, int(iterations), all_done - start


def main(argv: list[str] | None = None) -> int:
    from graph.views.browser import find_chromium

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 1000, 2000])
    ap.add_argument("--edges-per-actor", type=float, default=3.0)
    ap.add_argument("--keep", type=Path, default=None, help="write the pages here instead of a temp dir")
    args = ap.parse_args(argv)
    browser = find_chromium() is not None
    if args.keep is None:
        with tempfile.TemporaryDirectory(prefix="actorgraph-bench-") as tmp:
            return run(args, Path(tmp), browser)
    args.keep.mkdir(parents=True, exist_ok=True)
    return run(args, args.keep, browser)


def run(args: argparse.Namespace, out_dir: Path, browser: bool) -> int:
    from graph.views.render import render_html

    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}\n")
    print("| actors | edges (aggregated) | interactions | triples | HTML size | render_html | opens (settled) "
          "| layout iterations | show all (settled) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in args.sizes:
        g = synthetic_graph(n, args.edges_per_actor)
        page = out_dir / f"bench_{n}.html"
        t0 = time.perf_counter()
        stats = render_html(g, page, title=f"bench {n}")
        t_render = time.perf_counter() - t0
        settle, iterations, show_all = settle_time(page) if browser else (float("nan"), 0, float("nan"))
        print(f"| {stats.nodes:,} | {stats.edges:,} | {stats.interactions:,} | {len(g):,} | "
              f"{stats.bytes / 1e6:.1f} MB | {t_render:.2f} s | {settle / 1000:.2f} s | {iterations} | "
              f"{show_all / 1000:.2f} s |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
