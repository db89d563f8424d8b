"""The whole job, as functions: articles in; store, graph files, page, report out.

``build`` is what ``actorgraph build seeds/`` runs::

    from graph.pipeline import build
    result = build(["seeds/"], out_dir="out")
    result.interactions          # every extracted claim (kept unless keep_extractions=False)
    result.graph                 # rdflib Graph of out/graph.ttl, read when asked for

It streams (``graph.stream``): documents are read, extracted - here, in ``workers`` processes or on a
Dask cluster (``cluster``) - checked against the shapes and written into a new generation of the store
batch by batch; the derived graph, the analysis, graph.ttl/graph.trig and the page and report are then
read from that store. Nothing holds the whole corpus (``keep_extractions`` keeps the extraction records
for a library caller that wants them).

Safety: the store is written as a new generation beside the old one and swapped in whole, the files
are staged and sealed before the swap and published after it (``graph.store.generation``, ``graph.outputs``),
so an interrupted or failed build - Ctrl-C, ``kill -9``, bad input met halfway - leaves the previous
outputs, or the new ones, never a mix.
"""
from __future__ import annotations

import datetime as dt
import itertools
import os
import shutil
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import dates
from .store import directory as storedir
from .errors import ActorgraphError, InputError
from .model import Document, Extraction
from .stream import ValidationFailed, progress_bar  # noqa: F401 - part of this module's API

__all__ = ["CLUSTER_ENV", "BuildResult", "check_reference_date", "cluster_address", "extract_documents",
    "check_shapes", "unsupported_files", "skipped_warning", "estimated_documents", "build", "IngestResult",
    "ingest_files"]

# rdflib, spaCy and networkx are imported where they are used, not here: the CLI imports this module
# to build ``actorgraph build --help``, which must print at once (a test checks none of them is loaded).
if TYPE_CHECKING:
    from rdflib import Dataset, Graph

    from . import gazetteer as gazetteer_mod
    from .store.store import Store
    from .stream import Streamed
    from .views.background import ChartPool
    from .views.collect import Counts

CLUSTER_ENV = "ACTORGRAPH_CLUSTER"


@dataclass
class BuildResult:
    """What a build did. ``documents``/``extractions`` are kept only with ``keep_extractions``;
    ``graph`` and ``dataset`` read the published graph.ttl/graph.trig when asked for."""

    documents: list[Document]
    extractions: list[Extraction]
    analysis: object
    outputs: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    counts: Counts | None = None  # what the summary line, the page and the report all say
    modalities: dict[str, int] = field(default_factory=dict)  # interactions by modality
    stages: dict[str, float] = field(default_factory=dict)  # seconds per stage (scripts/bench_scale.py)
    # wall seconds from the last document's extraction to the end: what a user waits for once the
    # parse is done (the write stage runs mostly while the workers extract, so is only partly in it)
    after_extraction: float = 0.0
    out_dir: Path | None = None

    @property
    def interactions(self):  # noqa: ANN201 - list[Interaction]
        return [ix for ex in self.extractions for ix in ex.interactions]

    @property
    def graph(self) -> Graph:
        from rdflib import Graph

        return Graph().parse(self.out_dir / "graph.ttl", format="turtle")

    @property
    def dataset(self) -> Dataset:
        from rdflib import Dataset

        ds = Dataset()
        ds.parse(self.out_dir / "graph.trig", format="trig")
        return ds


def check_reference_date(value: str | None) -> None:
    """The library's callers get the same check as the command line's --reference-date."""
    if value is not None:
        try:
            dates.reference_day(value)
        except ValueError as exc:
            raise InputError(f"reference date: {exc}") from None


def cluster_address(cluster: str | None) -> str | None:
    """``--cluster`` or, when not given, ``$ACTORGRAPH_CLUSTER`` (empty: none)."""
    return cluster or os.environ.get(CLUSTER_ENV) or None


def extract_documents(documents: list[Document], *, actors: tuple[str, ...] = (), model: str | None = None,
                      workers: int = 1, reference_date: str | None = None, cluster: str | None = None,
                      gz: gazetteer_mod.Gazetteer | None = None, progress: bool = False) -> list[Extraction]:
    """Run nlp + extract on a list of documents - in-process, in ``workers`` processes or on a Dask
    cluster - and return the extractions in order. A document longer than spaCy parses at once is
    extracted in pieces and merged back (``graph.chunks``)."""
    from .stream import batches, extracted, extractor

    out: list[Extraction] = []
    with extractor(actors=actors, model=model, workers=workers, cluster=cluster, gz=gz,
                   reference_date=reference_date or dt.date.today().isoformat()) as (run, elsewhere), \
            progress_bar("extracting", enabled=progress, total=len(documents)) as bar:
        for batch, exs in extracted(batches(documents), run, elsewhere, {"extract": 0.0}):
            out.extend(exs)
            bar.update(len(batch))
    return out


def check_shapes(g: Graph) -> None:
    """Raise ``ValidationFailed`` if ``g`` violates ontology/shapes.ttl."""
    from .store.validate import validate

    conforms, _text, violations = validate(g)
    if not conforms:
        first = next((v for v in violations if v.severity == "Violation"), "see actorgraph validate")
        raise ValidationFailed(f"the extracted graph violates ontology/shapes.ttl ({len(violations)} violations; first: {first})")


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


def estimated_documents(inputs: Iterable[str | Path | Document]) -> int | None:
    """How many documents the inputs hold, counted cheaply for the progress bar (a file is one, a
    JSONL file one per non-empty line; URLs cannot be counted: None)."""
    from .ingest import discover
    from .sources.fetch import is_url

    total = 0
    paths = []
    for item in inputs:
        if isinstance(item, Document):
            total += 1
        elif is_url(str(item)) or str(item).endswith((".opml", ".txt")) and not Path(item).exists():
            return None
        else:
            paths.append(item)
    try:
        for f in discover(paths):
            total += sum(1 for line in f.open("rb") if line.strip()) if f.suffix.lower() == ".jsonl" else 1
    except (InputError, OSError):
        return None
    return total


def _peeked(documents: Iterator[Document]) -> Iterator[Document]:
    """The documents with the first one read now: bad or missing input fails before any work."""
    first = next(documents)
    return itertools.chain([first], documents)


# ------------------------------------------------------------------------------------------- build


def build(inputs: list[str | Path], out_dir: str | Path = "out", *, store: str | None = "default",
          actors: tuple[str, ...] = (), model: str | None = None, workers: int = 1, cluster: str | None = None,
          max_nodes: int | None = None, reference_date: str | None = None, html: bool = True, report: bool = True,
          validate: bool = True, progress: bool = False, wait: float = storedir.DEFAULT_WAIT,
          keep_extractions: bool = True, evidence_per_edge: int | None = 10) -> BuildResult:
    """Extract ``inputs`` and write the store (``out/store`` by default; ``store=None``: none is kept),
    graph.ttl, graph.trig, graph.html and report.md/.html (+ PNG charts) as one generation (see the
    module docstring). ``cluster``: a Dask scheduler address (``tcp://host:8786``; default
    ``$ACTORGRAPH_CLUSTER``) to extract on; ``wait``: seconds to wait for another writer of the store
    (before extracting)."""
    from . import gazetteer as gazetteer_mod
    from .store import generation as generation_mod
    from . import outputs
    from .sources.inputs import iter_inputs
    from .views.background import ChartPool

    started = time.perf_counter()
    check_reference_date(reference_date)
    out = Path(out_dir)
    _check_outputs(out, html=html, report=report)
    gz = gazetteer_mod.load(actors)
    documents = _peeked(iter_inputs(inputs))
    spec = (str(out / "store") if store == "default" else store) if store else None
    options = dict(actors=actors, model=model, workers=workers, cluster=cluster_address(cluster), gz=gz,
                   reference_date=reference_date, validate=validate, keep=keep_extractions,
                   progress_total=estimated_documents(inputs) if progress else None, progress=progress)
    views_options = dict(html=html, report=report, max_nodes=max_nodes, per_edge=evidence_per_edge,
                         title="actorgraph — " + ", ".join(map(str, inputs)))
    with generation_mod.claimed(spec, wait):
        outputs.finish(out, generation_mod.committed_generation)  # what an interrupted build left
        generation = storedir.new_generation()
        with _published(out, spec, generation) as staging, ChartPool(enabled=report) as charts:
            with _target(spec, out, generation, wait) as st:
                # the store mirrors the corpus built: a local generation starts empty (nothing to drop),
                # a remote store may hold documents this corpus no longer has
                streamed, analysis, stages, drawn = _fill(st, documents, replace_all=bool(spec) and "://" in spec,
                                                          charts=charts, chart_dir=staging.dir, **options)
                views = _write_files(st, staging, analysis, gz, spec, stages, charts=drawn, **views_options)
    result = BuildResult(streamed.documents, streamed.extractions, analysis, staging.published, 0.0, views.counts,
                         dict(streamed.modalities), stages, out)
    result.stages["publish"] = time.perf_counter() - started - sum(result.stages.values())
    result.seconds = time.perf_counter() - started
    result.after_extraction = time.perf_counter() - streamed.extracted_at if streamed.extracted_at else 0.0
    if spec:
        result.outputs.append(Path(spec) if "://" not in spec else Path(spec.split("://", 1)[1]))
    return result


@contextmanager
def _published(out: Path, spec: str | None, generation: str) -> Iterator[object]:
    """A staging folder for the generation's files, published once the store is swapped in (the
    commit point); on failure, what the store's state allows: published if the store was swapped in,
    else removed."""
    from .store import generation as generation_mod
    from . import outputs

    staging = outputs.stage(out, generation)
    staging.published = []
    try:
        yield staging
    except BaseException:
        outputs.finish(out, generation_mod.committed_generation)
        staging.discard()
        raise
    staging.published = staging.publish()


@contextmanager
def _target(spec: str | None, out: Path, generation: str, wait: float) -> Iterator[Store]:
    """The store a generation is written into: a new copy of ``spec`` swapped in at the end
    (``graph.store.generation.writing``), or, without a store, a scratch one beside the outputs that is
    removed after."""
    from .store import generation as generation_mod
    from .store import store as store_mod

    if spec:
        with generation_mod.writing(spec, generation=generation, wait=wait, fresh_if_damaged=True, claimed=True,
                                    empty=True) as st:
            yield st
        return
    scratch = out / f".scratch-{generation}"
    try:
        inner = store_mod.open_directory(scratch, read_only=False)
        st = store_mod.Store(spec=str(scratch), kind="oxigraph", dataset=store_mod._rdflib_dataset(inner), ox=inner,
                             path=scratch, generation=generation)
        try:
            yield st
        finally:
            st.close()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _fill(st: Store, documents: Iterator[Document], *, gz: gazetteer_mod.Gazetteer, replace_all: bool,
          actors: tuple[str, ...], model: str | None, workers: int, cluster: str | None, reference_date: str | None,
          validate: bool, keep: bool, progress: bool, progress_total: int | None = None,
          charts: ChartPool | None = None, chart_dir: Path | None = None) -> tuple[Streamed, object, dict[str, float], Future | None]:
    """Write the documents into the generation being written, then its derived graph and its
    analysis, committed (``graph.store.generation.commit``); the stream, the analysis, the time per
    stage and the report's charts being drawn by ``charts`` into ``chart_dir`` (None without a pool):
    they start as soon as the analysis exists, before it is written back (``graph.views.background``)."""
    from . import analyse as analyse_mod
    from .store import generation as generation_mod
    from .store import rdf
    from . import stream
    from .store import store as store_mod
    from .namespaces import ONTOLOGY_GRAPH
    from .memory import release
    from .store.read import analyse_store

    stages: dict[str, float] = {}
    clock = time.perf_counter()
    store_mod.put_graph(st, ONTOLOGY_GRAPH, rdf.ontology_graph(gz))
    check = stream.shapes_check(gz) if validate else None
    with stream.extractor(actors=actors, model=model, workers=workers, cluster=cluster, gz=gz,
                          reference_date=reference_date or dt.date.today().isoformat()) as (run, elsewhere):
        stages["start"] = time.perf_counter() - clock
        streamed = stream.write(st, documents, gz=gz, run=run, elsewhere=elsewhere, check=check, keep=keep,
                                progress=progress, total=progress_total)
    stages["extract"], stages["write"] = streamed.seconds["extract"], streamed.seconds["write"]
    release()  # the write stream's batches and bulk loads, freed (graph.memory)
    clock = time.perf_counter()
    if charts is not None:
        charts.start()  # its process imports matplotlib while the derived graph is computed
    if replace_all:  # drop what the corpus no longer has
        for iri, _source, _sha in list(store_mod.documents(st)):
            if str(iri) not in streamed.status:
                store_mod.drop_document(st, iri)
    store_mod.refresh_derived(st)
    stages["derive"] = time.perf_counter() - clock
    clock = time.perf_counter()
    analysis = analyse_store(st)
    drawn = charts.draw(analysis, chart_dir) if charts is not None and chart_dir is not None else None
    generation_mod.commit(st, analyse_mod.write_back(analysis))
    stages["analyse"] = time.perf_counter() - clock
    return streamed, analysis, stages, drawn


def _write_files(st: Store, staging, analysis: object, gz: gazetteer_mod.Gazetteer, spec: str | None,  # noqa: ANN001 - outputs.Staging
                 stages: dict[str, float], *, html: bool, report: bool, max_nodes: int | None, per_edge: int | None,
                 title: str, charts: Future | None = None):  # noqa: ANN202 - a graph.views.outputs.Views
    """graph.ttl and graph.trig streamed from the store, the page and the report read from it, into
    the staging folder, sealed (with the store they go with).

    The exports run in a thread while the page and the report are written: Oxigraph's dump releases
    the GIL (checked: a Python loop ran at full speed beside it) and reads the store on its own, so
    at 10,000 short documents its ~5 s of reading went on the second core instead of after the views.
    ``stages["views"]`` is the page and the report (and waiting for ``charts``, drawn elsewhere);
    ``stages["export"]`` what was still left of the exports once they were written."""
    from .memory import release
    from .store import export
    from .views.outputs import write_views

    clock = time.perf_counter()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="export") as pool:  # its exit waits for the export
        exporting = pool.submit(export.export_trig_and_turtle, st, staging.dir / "graph.trig", staging.dir / "graph.ttl")
        views = write_views(st, staging.dir, analysis=analysis, gz=gz, title=title, max_nodes=max_nodes, html=html,
                            report=report, per_edge=per_edge, charts=charts)
        stages["views"] = time.perf_counter() - clock
        exporting.result()
    release()  # what reading the whole store held (graph.memory)
    stages["export"] = time.perf_counter() - clock - stages["views"]
    staging.seal(spec)
    return views


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


# ------------------------------------------------------------------------------------------- ingest


class IngestResult(dict):
    """{document id: "added" | "replaced" | "unchanged"} (what ``ingest_files`` always returned), plus
    the page and report written after the store changed (``views``; None when none was written)."""

    views = None
    stages: dict[str, float] = {}


def ingest_files(inputs: list[str | Path | Document], store: str, *, actors: tuple[str, ...] = (),
                 model: str | None = None, workers: int = 1, cluster: str | None = None,
                 reference_date: str | None = None, validate: bool = True, out_dir: str | Path | None = None,
                 views: bool = True, progress: bool = False, wait: float = storedir.DEFAULT_WAIT,
                 evidence_per_edge: int | None = 10) -> IngestResult:
    """Add documents to an existing store: unchanged ones are skipped, changed ones replaced, and the
    analysis is recomputed over the whole store. New documents are checked against the shapes batch
    by batch before they are written (as ``build`` checks its output): a store only ever receives
    graphs that ``validate`` accepts. The store is written as one new generation: an interrupted or
    failed ingest leaves the store as it was. ``wait``: seconds to wait for another writer.

    Then graph.ttl, graph.trig, the page and the report are written again from the whole store, as
    the store's generation, into ``out_dir`` or else the folder that holds the store (``out/`` for
    ``out/store``), so they never lag behind what ``query`` sees; a remote store gets them only with
    an ``out_dir``."""
    from . import gazetteer as gazetteer_mod
    from .store import generation as generation_mod
    from . import outputs
    from .namespaces import doc_iri
    from .sources.inputs import iter_inputs

    check_reference_date(reference_date)
    gz = gazetteer_mod.load(actors)
    documents = _peeked(iter_inputs(inputs))
    target = Path(out_dir) if out_dir is not None else (Path(store).parent if "://" not in store else None)
    with generation_mod.claimed(store, wait):
        known = _stored_documents(store)
        status = IngestResult()
        todo = _new_only(documents, known, status, doc_iri)
        first = next(todo, None)
        if "://" not in store:
            outputs.finish(Path(store).parent, generation_mod.committed_generation)
        if first is None:
            return status  # nothing new: the store, its generation and the files stay as they are
        options = dict(actors=actors, model=model, workers=workers, cluster=cluster_address(cluster), gz=gz,
                       reference_date=reference_date, validate=validate, keep=False, progress=progress)
        status.views = _ingest_generation(store, itertools.chain([first], todo), status, target if views else None,
                                          wait, options, evidence_per_edge)
    return status


def _new_only(documents: Iterator[Document], known: set[str], status: IngestResult, doc_iri) -> Iterator[Document]:  # noqa: ANN001
    """The documents the store does not hold; the others are marked "unchanged" in ``status``."""
    for d in documents:
        if str(doc_iri(d.id)) in known:
            status[d.id] = "unchanged"
        else:
            yield d


def _ingest_generation(store: str, documents: Iterator[Document], status: IngestResult, target: Path | None,
                       wait: float, options: dict, per_edge: int | None):  # noqa: ANN202 - Views | None
    """One new generation of ``store`` with the documents added, and - staged and sealed before the
    swap, published after - its files in ``target`` (none when None)."""
    from .store import generation as generation_mod
    from .namespaces import DOC
    from .views.background import ChartPool

    generation = storedir.new_generation()
    if target is not None:
        target.mkdir(parents=True, exist_ok=True)
    files = _published(target, store, generation) if target is not None else _no_files()
    with files as staging, ChartPool(enabled=staging is not None) as charts:
        with generation_mod.writing(store, generation=generation, wait=wait, claimed=True) as st:
            streamed, analysis, stages, drawn = _fill(st, documents, replace_all=False, charts=charts,
                                                      chart_dir=staging.dir if staging is not None else None, **options)
            status.update({iri[len(str(DOC)):]: s for iri, s in streamed.status.items()})
            views = None
            if staging is not None:
                views = _write_files(st, staging, analysis, options["gz"], store, stages, html=True, report=True,
                                     max_nodes=None, per_edge=per_edge, title=f"actorgraph — {store}", charts=drawn)
    status.stages = stages
    if views is not None:
        published = {p.name: p for p in staging.published}
        views.paths = [published.get(p.name, target / p.name) for p in views.paths]
        if views.page is not None:
            from dataclasses import replace

            views.page = replace(views.page, path=target / views.page.path.name)
    return views


@contextmanager
def _no_files() -> Iterator[None]:
    yield None


def _stored_documents(spec: str) -> set[str]:
    """The IRIs of the documents a store holds (none if it does not exist yet), read without
    blocking other readers or waiting for a writer's turn."""
    from .store import store as store_mod

    if "://" not in spec and not Path(spec).exists():
        return set()
    with store_mod.open_source(spec) as st:
        return {str(iri) for iri, _s, _h in store_mod.documents(st)}
