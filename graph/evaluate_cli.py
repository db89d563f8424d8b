"""``actorgraph evaluate GOLD.jsonl``: score the extractor against gold annotations.

The scoring lives in ``graph.evaluate`` and knows nothing about how extraction works; this module
plugs the real extractor in. Persons are scored at the level of the state they act for, the way the
gold is annotated ("Russian Foreign Minister Lavrov criticised NATO" -> RUS opposes NATO).
"""
from __future__ import annotations

from .errors import InputError

__all__ = ["configure_parser", "inventory_for", "make_predictor", "resolver", "run_cli"]


def make_predictor(actors: tuple[str, ...] = (), model: str | None = None):
    """A ``predict(gold_doc)`` callable returning (source, relation, target, modality) tuples.

    spaCy and the extractor are imported here, not at the top: ``actorgraph evaluate --help`` imports
    this module and must print at once."""
    from . import gazetteer as gazetteer_mod
    from .extract import extract_doc
    from .ingest import make_document
    from .nlp import get_pipeline

    gz = gazetteer_mod.load(actors)
    nlp = get_pipeline(gz, model)

    def predict(gold) -> list[tuple[str, str, str, str]]:
        doc = make_document(gold.text, title=getattr(gold, "title", "") or "", date=getattr(gold, "date", None))
        ex = extract_doc(nlp(doc.text), doc, gz)
        out = set()
        for ix in ex.interactions:
            if ix.source.startswith("P_"):
                continue  # the state-level twin of an official's action is scored instead
            out.add((ix.source, ix.relation, ix.target, ix.modality))
        return sorted(out)

    return predict, gz


def resolver(gz):
    """Gold may name actors ('United States') instead of ids: resolve through labels and aliases."""
    index = {a.text.lower(): a.actor for a in gz.aliases if a.kind == "name"}
    index.update({aid.lower(): aid for aid in gz.actors})

    def resolve(name: str) -> str | None:
        return index.get(name.strip().lower())

    return resolve


def inventory_for(gold_path: str, gz, option: str | None = None) -> frozenset[str] | None:
    """The actors a gold file annotates: every state of the gazetteer plus the ids listed in
    ``option`` (a file), else in ``inventory.json`` beside the gold file; None (score every
    prediction) when there is no such file or ``option`` is ``none``."""
    from pathlib import Path

    from . import evaluate

    if option == "none":
        return None
    path = Path(option) if option else Path(gold_path).with_name("inventory.json")
    if not path.exists():
        if option:
            raise InputError(f"{path}: no such inventory file")
        return None
    try:
        listed = evaluate.load_inventory(path)
    except (OSError, ValueError) as exc:
        raise InputError(" ".join(str(exc).split())) from None
    return listed | {a for a, actor in gz.actors.items() if actor.type == "State"}


def configure_parser(p) -> None:
    """The options of ``actorgraph evaluate`` (the README's command reference lists them)."""
    p.add_argument("gold", help="gold annotations: JSONL, one document per line (see README)")
    p.add_argument("--actors", action="append", default=[], metavar="FILE.ttl", help="extra actor dictionary")
    p.add_argument("--model", default=None, help="spaCy pipeline name")
    p.add_argument("--max-list", type=int, default=50, help="list at most this many misses and false positives")
    p.add_argument("--inventory", default=None, metavar="FILE|none",
                   help="actor ids the gold annotates (default: inventory.json beside the gold file, if any); "
                        "predictions naming other actors are not scored")


def run_cli(args) -> int:
    """Score; the gold may use relation types the ``--actors`` Turtle declares (checked before the model loads)."""
    from . import evaluate
    from .gazetteer import vocabulary_of

    try:
        gold = evaluate.load_gold(args.gold, vocabulary_of(args.actors))
    except (OSError, ValueError) as exc:  # malformed gold: one line, no traceback
        raise InputError(" ".join(str(exc).split())) from None
    predict, gz = make_predictor(tuple(args.actors), args.model)
    report = evaluate.score(gold, predict, resolve=resolver(gz), inventory=inventory_for(args.gold, gz, args.inventory),
                            vocabulary=gz.vocabulary)
    print(evaluate.format_report(report, max_list=args.max_list))
    return 0
