"""Score the real extractor against gold annotations: what ``actorgraph evaluate GOLD.jsonl`` runs.

The scoring lives in ``graph.evaluate`` and knows nothing about how extraction works; this module
plugs the real extractor in (``evaluate_file``); the command itself is ``graph.cli.evaluate`` (the
module keeps its name: scripts import it). Persons are scored at the level of the state they act for,
the way the gold is annotated ("Russian Foreign Minister Lavrov criticised NATO" -> RUS opposes NATO).
"""
from __future__ import annotations

from .errors import InputError

__all__ = ["evaluate_file", "inventory_for", "make_predictor", "resolver"]


def make_predictor(actors: tuple[str, ...] = (), model: str | None = None):
    """A ``predict(gold_doc)`` callable returning (source, relation, target, modality) tuples.

    spaCy and the extractor are imported here, not at the top: importing this module must stay cheap
    (``scripts/eval_sets.py`` and the command import it before reading the gold)."""
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


def evaluate_file(gold_path: str, actors: tuple[str, ...] = (), model: str | None = None,
                  inventory: str | None = None):  # noqa: ANN201 - graph.evaluate.Report
    """Score the extractor on the gold file ``gold_path``; ``inventory`` as in ``inventory_for``.

    The gold may use relation types the ``actors`` Turtle declares; it is read and checked before the
    model loads, so a malformed gold file is a one-line ``InputError`` within a second."""
    from . import evaluate
    from .gazetteer import vocabulary_of

    try:
        gold = evaluate.load_gold(gold_path, vocabulary_of(actors))
    except (OSError, ValueError) as exc:  # malformed gold: one line, no traceback
        raise InputError(" ".join(str(exc).split())) from None
    predict, gz = make_predictor(tuple(actors), model)
    return evaluate.score(gold, predict, resolve=resolver(gz), inventory=inventory_for(gold_path, gz, inventory),
                          vocabulary=gz.vocabulary)
