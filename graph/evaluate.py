"""Score an extractor against hand-annotated gold passages.

The scorer knows nothing about how extraction works: the caller passes a ``predict`` callable that
maps a :class:`GoldDoc` to ``(source, relation, target, modality)`` tuples (or objects with those
attributes, such as :class:`graph.model.Interaction`). That keeps the gold set and the metric stable
while the extractor changes underneath them.

Matching rules (see ``tests/data/README.md`` for the annotation guidelines):

* A triple is compared together with its *polarity class*: ``asserted`` and ``reported`` are
  *factual*, ``hypothetical`` and ``negated`` are *non-factual*. A prediction that Israel attacked
  Iran does not match a gold statement that Israel *might* attack Iran: turning a threat into a fact
  is exactly the error an analyst cares about, while confusing "asserted" with "reported" is not.
* **exact**: same source, relation and target (``negotiatesWith``, ``cooperatesWith`` and
  ``alliedWith`` are symmetric and compared unordered) and same polarity class.
* **relaxed**: same unordered actor pair, same CAMEO quad class and same polarity class, so that
  "pressures" for "mediates" or "opposes" for "demands" still counts as finding the interaction.
  Relaxed scores are computed per item (a predicted triple is right if *some* gold triple of the
  document relaxed-matches it, and vice versa), which keeps relaxed >= exact.
* **modality accuracy**: among gold triples whose (source, relation, target) was predicted at all,
  the share predicted with the identical modality label; the confusion table shows the rest.

Everything is computed per document and summed (micro-averaged).
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from hashlib import sha256
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from .model import MODALITIES, Document, Extraction
from .vocabulary import VOCABULARY, Vocabulary

__all__ = [
    "FACTUAL", "NON_FACTUAL", "POLARITY", "QUAD", "DocScore", "GoldDoc", "GoldOfficial", "GoldRelation", "Item",
    "Mismatch", "ModalityScore", "PRF", "Report", "describe", "format_report", "from_extractor", "load_gold",
    "load_inventory", "normalise_name", "official_recall", "parse_gold_line", "same_person", "score",
    "score_items",
]

# CAMEO quad class of each interaction type, as declared by ag:quadClass in ontology/actorgraph.ttl
# (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict). Relaxed
# matching compares it; a gold set scored against another ontology passes ``vocabulary=`` instead.
QUAD: dict[str, int] = VOCABULARY.quad

FACTUAL = "factual"
NON_FACTUAL = "non-factual"
POLARITY: dict[str, str] = {
    "asserted": FACTUAL,
    "reported": FACTUAL,
    "hypothetical": NON_FACTUAL,
    "negated": NON_FACTUAL,
}

Resolver = Callable[[str], "str | None"]
Predictor = Callable[["GoldDoc"], Iterable[Any]]

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


# ------------------------------------------------------------------ records


@dataclass(frozen=True)
class GoldRelation:
    """One annotated claim: ``source`` does ``relation`` to ``target``, stated with ``modality``."""

    source: str
    relation: str
    target: str
    modality: str = "asserted"


@dataclass(frozen=True)
class GoldOfficial:
    """A named office holder the passage states: "Omani Foreign Minister Badr Albusaidi" -> OMN."""

    name: str
    actor: str
    office: str = ""


@dataclass
class GoldDoc:
    """One annotated passage of the gold file; ``line`` is its 1-based line number, for messages."""

    id: str
    text: str
    relations: list[GoldRelation]
    title: str = ""
    date: str | None = None
    line: int = 0
    path: str = ""
    officials: list[GoldOfficial] = field(default_factory=list)

    def document(self) -> Document:
        """The passage as a pipeline :class:`Document`, so an extractor can be run on it directly.

        The id follows the pipeline's content-hash convention; the gold id is kept in ``source``.
        """
        digest = sha256(self.text.encode("utf-8")).hexdigest()
        return Document(
            id=digest[:16],
            text=self.text,
            title=self.title,
            date=self.date,
            source=f"{self.path}#{self.id}" if self.path else self.id,
            sha256=digest,
        )


@dataclass(frozen=True)
class Item:
    """A triple as scored: normalised key plus the modality it was stated with."""

    doc_id: str
    source: str
    relation: str
    target: str
    modality: str
    # which relations are symmetric and their quad classes; not part of the triple's identity
    vocabulary: Vocabulary = field(default=VOCABULARY, compare=False, repr=False)

    @property
    def key(self) -> tuple[str, str, str]:
        """(source, relation, target), with the two actors sorted for symmetric relations."""
        return _key(self.source, self.relation, self.target, self.vocabulary.symmetric)

    @property
    def polarity(self) -> str:
        return POLARITY[self.modality]

    @property
    def exact(self) -> tuple[tuple[str, str, str], str]:
        return (self.key, self.polarity)

    @property
    def relaxed(self) -> tuple[frozenset[str], int, str]:
        return (frozenset((self.source, self.target)), self.vocabulary.quad[self.relation], self.polarity)


@dataclass
class PRF:
    """Counts behind precision/recall/F1.

    ``matched_pred`` and ``matched_gold`` differ only for relaxed matching, where one prediction can
    account for several gold triples (and vice versa).
    """

    gold: int = 0
    pred: int = 0
    matched_gold: int = 0
    matched_pred: int = 0

    @property
    def precision(self) -> float:
        return self.matched_pred / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def fp(self) -> int:
        return self.pred - self.matched_pred

    @property
    def fn(self) -> int:
        return self.gold - self.matched_gold

    def add(self, other: "PRF") -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.matched_gold += other.matched_gold
        self.matched_pred += other.matched_pred


@dataclass
class Mismatch:
    """A miss (gold not predicted) or a false positive (predicted, not in gold), exact matching.

    ``relaxed_hit`` says whether relaxed matching would have accepted it, and ``near`` lists the
    triples on the other side that share the actor pair, to show *what* the extractor said instead.
    """

    item: Item
    relaxed_hit: bool
    near: list[Item] = field(default_factory=list)


@dataclass
class DocScore:
    """Exact counts of one passage, to find the passages that score worst."""

    doc_id: str
    gold: int
    pred: int
    tp: int


@dataclass
class ModalityScore:
    """Modality labels on triples whose (source, relation, target) was found, whatever the class."""

    matched: int = 0
    correct: int = 0
    confusion: Counter = field(default_factory=Counter)  # (gold modality, predicted modality) -> n

    @property
    def accuracy(self) -> float:
        return self.correct / self.matched if self.matched else 0.0


@dataclass
class Report:
    """Everything ``score`` measured: headline, per relation and polarity class, modality, mismatches."""

    n_docs: int
    exact: PRF
    relaxed: PRF
    per_relation: dict[str, PRF]
    per_polarity: dict[str, PRF]
    modality: ModalityScore
    misses: list[Mismatch]
    false_positives: list[Mismatch]
    per_doc: list[DocScore]
    unresolved: list[str] = field(default_factory=list)  # names the resolver could not map


# ------------------------------------------------------------------ loading


def _key(source: str, relation: str, target: str,
         symmetric: frozenset[str] = VOCABULARY.symmetric) -> tuple[str, str, str]:
    """The triple as compared: a symmetric relation's two actors in sorted order."""
    if relation in symmetric and target < source:
        source, target = target, source
    return (source, relation, target)


def _bad(where: str, message: str) -> ValueError:
    return ValueError(f"{where}: {message}")


def parse_gold_line(raw: str, where: str, vocabulary: Vocabulary = VOCABULARY) -> GoldDoc:
    """Parse one JSONL record; ``where`` (e.g. ``dev.jsonl line 7``) prefixes every error message.

    ``vocabulary`` says which relations exist (the ontology's, by default).

    >>> doc = parse_gold_line('{"id": "d1", "text": "Oman mediated.", "relations": '
    ...                       '[{"source": "OMN", "relation": "mediates", "target": "IRN"}]}', "example")
    >>> doc.relations
    [GoldRelation(source='OMN', relation='mediates', target='IRN', modality='asserted')]
    """
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise _bad(where, f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise _bad(where, "expected a JSON object")
    doc_id = obj.get("id")
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise _bad(where, "missing or empty 'id'")
    where = f"{where} ({doc_id})"
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _bad(where, "missing or empty 'text'")
    title = obj.get("title", "")
    if not isinstance(title, str):
        raise _bad(where, "'title' must be a string")
    date = obj.get("date")
    if date is not None and (not isinstance(date, str) or not _DATE.match(date)):
        raise _bad(where, f"'date' must be YYYY, YYYY-MM or YYYY-MM-DD, got {date!r}")
    rels = obj.get("relations")
    if not isinstance(rels, list):
        raise _bad(where, "missing 'relations' list (use [] for a passage without relations)")
    return GoldDoc(id=doc_id, text=text, relations=_gold_relations(rels, where, vocabulary), title=title, date=date,
                   officials=_gold_officials(obj.get("officials", []), where))


def _gold_relation(rel: Any, at: str, vocabulary: Vocabulary) -> GoldRelation:
    """One annotated claim, checked against the vocabulary and the modality labels."""
    if not isinstance(rel, dict):
        raise _bad(at, "expected an object with source, relation, target, modality")
    for name in ("source", "relation", "target"):
        if not isinstance(rel.get(name), str) or not rel[name].strip():
            raise _bad(at, f"missing or empty {name!r}")
    if rel["relation"] not in vocabulary:
        raise _bad(at, f"unknown relation {rel['relation']!r} (expected one of {', '.join(vocabulary.names)})")
    modality = rel.get("modality", "asserted")
    if modality not in MODALITIES:
        raise _bad(at, f"bad modality {modality!r} (expected one of {', '.join(MODALITIES)})")
    if rel["source"] == rel["target"]:
        raise _bad(at, f"source and target are both {rel['source']!r}")
    return GoldRelation(rel["source"].strip(), rel["relation"], rel["target"].strip(), modality)


def _gold_relations(rels: list, where: str, vocabulary: Vocabulary) -> list[GoldRelation]:
    """The passage's claims. Scoring keeps one triple per polarity class; a second one would silently
    vanish, so the annotator is told (symmetric relations are annotated once, in either order)."""
    relations: list[GoldRelation] = []
    seen: dict[tuple, int] = {}
    for i, rel in enumerate(rels, 1):
        at = f"{where} relation {i}"
        gr = _gold_relation(rel, at, vocabulary)
        k = (_key(gr.source, gr.relation, gr.target, vocabulary.symmetric), POLARITY[gr.modality])
        if k in seen:
            raise _bad(at, f"duplicates relation {seen[k]} ({gr.source} {gr.relation} {gr.target}, "
                           f"{POLARITY[gr.modality]}); keep one per triple and polarity class")
        seen[k] = i
        relations.append(gr)
    return relations


def _gold_officials(raw: Any, where: str) -> list[GoldOfficial]:
    """The optional ``officials`` list: ``{"name": ..., "actor": ..., "office": ...}`` objects."""
    if not isinstance(raw, list):
        raise _bad(where, "'officials' must be a list")
    out = []
    for i, o in enumerate(raw, 1):
        if not isinstance(o, dict) or not all(isinstance(o.get(k), str) and o[k].strip() for k in ("name", "actor")):
            raise _bad(f"{where} official {i}", "expected an object with a non-empty name and actor")
        out.append(GoldOfficial(o["name"].strip(), o["actor"].strip(), str(o.get("office", "")).strip()))
    return out


def load_inventory(path: str | Path) -> frozenset[str]:
    """The non-state actor ids a gold set annotates (``inventory.json``: ``{"actors": [...]}``); states
    are added by the caller, who knows the gazetteer."""
    obj = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(obj, dict) or not all(isinstance(a, str) for a in obj.get("actors", [])):
        raise ValueError(f"{path}: expected {{\"actors\": [ids]}}")
    return frozenset(obj["actors"])


def normalise_name(name: str) -> str:
    """Compare names as a reader does: case, hyphens, apostrophes and accents aside.

    >>> normalise_name("Badr bin Hamad Al-Busaidi") == normalise_name("badr bin hamad al busaidi")
    True
    """
    import unicodedata

    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[-'’.]", " ", plain).split()
    words = [w for w in words if w not in ("jr", "sr")]
    # "al-Busaidi" and "Albusaidi" are one spelling apart
    joined = [w + words[i + 1] if w in ("al", "el") and i + 1 < len(words) else w for i, w in enumerate(words)]
    return " ".join(w for i, w in enumerate(joined) if not (i > 0 and words[i - 1] in ("al", "el")))


def same_person(a: str, b: str) -> bool:
    """Two renderings of one name: equal, one a word-aligned tail of the other ("Trump" / "Donald
    Trump"), or the same first and last names ("Badr Albusaidi" / "Badr bin Hamad al-Busaidi"). A
    name cut short at the end ("Badr bin Hamad") is another name.

    >>> same_person("Trump", "Donald Trump"), same_person("Badr bin Hamad", "Badr bin Hamad al-Busaidi")
    (True, False)
    """
    x, y = normalise_name(a).split(), normalise_name(b).split()
    short, long_ = sorted((x, y), key=len)
    if not short:
        return False
    # "Badr Albusaidi" (the gazetteer's label) and "Badr bin Hamad al-Busaidi": first and last name agree
    return long_[len(long_) - len(short):] == short or (len(short) > 1 and short[0] == long_[0] and short[-1] == long_[-1])


def official_recall(docs: Sequence[GoldDoc], predict: Callable[[GoldDoc], Iterable[tuple[str, str]]]) -> float:
    """Share of gold officials found with their name and the actor they serve.

    ``predict`` maps a passage to ``(name, actor)`` pairs. A name cut short ("Badr bin Hamad" for
    "Badr bin Hamad al-Busaidi") or tied to the wrong state is a miss (see :func:`same_person`).
    """
    gold = found = 0
    for doc in docs:
        if not doc.officials:
            continue
        pred = list(predict(doc))
        for o in doc.officials:
            gold += 1
            found += any(a == o.actor and same_person(n, o.name) for n, a in pred)
    return found / gold if gold else 0.0


def load_gold(path: str | Path, vocabulary: Vocabulary = VOCABULARY) -> list[GoldDoc]:
    """Read a gold JSONL file (one passage per line, blank lines ignored).

    ``vocabulary`` says which relations exist (the ontology's, by default).

    Raises ``ValueError`` naming the file and line on bad JSON, a missing text, an unknown relation,
    a bad modality, a duplicated triple or a repeated document id.
    """
    path = Path(path)
    docs: list[GoldDoc] = []
    ids: dict[str, int] = {}
    with path.open(encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            doc = parse_gold_line(raw, f"{path.name} line {lineno}", vocabulary)
            if doc.id in ids:
                raise ValueError(f"{path.name} line {lineno}: id {doc.id!r} already used on line {ids[doc.id]}")
            ids[doc.id] = lineno
            doc.line = lineno
            doc.path = str(path)
            docs.append(doc)
    return docs


# ------------------------------------------------------------------ scoring


def _as_tuple(pred: Any, doc_id: str) -> tuple[str, str, str, str]:
    """Accept (s, r, t), (s, r, t, modality) or any object with those attributes (an Interaction)."""
    if isinstance(pred, (tuple, list)):
        if len(pred) == 3:
            return (pred[0], pred[1], pred[2], "asserted")
        if len(pred) == 4:
            return tuple(pred)  # type: ignore[return-value]
        raise ValueError(f"prediction for {doc_id}: {pred!r} is not (source, relation, target[, modality])")
    try:
        return (pred.source, pred.relation, pred.target, getattr(pred, "modality", "asserted"))
    except AttributeError:
        raise ValueError(f"prediction for {doc_id}: {pred!r} has no source/relation/target") from None


class _Names:
    """Applies the optional resolver and remembers what it could not resolve."""

    def __init__(self, resolve: Resolver | None):
        self.resolve = resolve
        self.unresolved: set[str] = set()
        self.cache: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        if self.resolve is None:
            return name
        if name not in self.cache:
            got = self.resolve(name)
            if got is None:
                self.unresolved.add(name)
            self.cache[name] = got or name
        return self.cache[name]


def _items(doc_id: str, triples: Iterable[tuple[str, str, str, str]], names: _Names, what: str,
           vocabulary: Vocabulary = VOCABULARY) -> list[Item]:
    """Normalise, validate and deduplicate (by exact key and polarity class, first modality wins)."""
    out: dict[tuple, Item] = {}
    for source, relation, target, modality in triples:
        if relation not in vocabulary:
            raise ValueError(f"{what} for {doc_id}: unknown relation {relation!r}")
        if modality not in POLARITY:
            raise ValueError(f"{what} for {doc_id}: bad modality {modality!r}")
        item = Item(doc_id, names(source), relation, names(target), modality, vocabulary)
        out.setdefault(item.exact, item)
    return list(out.values())


def score_items(gold: Sequence[Item], pred: Sequence[Item]) -> tuple[PRF, PRF, list[Item], list[Item]]:
    """Exact and relaxed counts for one document, plus the exact misses and false positives."""
    gold_exact = {g.exact for g in gold}
    pred_exact = {p.exact for p in pred}
    tp = len(gold_exact & pred_exact)
    exact = PRF(len(gold), len(pred), tp, tp)
    gold_relaxed = {g.relaxed for g in gold}
    pred_relaxed = {p.relaxed for p in pred}
    relaxed = PRF(
        len(gold),
        len(pred),
        sum(g.relaxed in pred_relaxed for g in gold),
        sum(p.relaxed in gold_relaxed for p in pred),
    )
    misses = [g for g in gold if g.exact not in pred_exact]
    fps = [p for p in pred if p.exact not in gold_exact]
    return exact, relaxed, misses, fps


def from_extractor(extract: Callable[[Document], Extraction]) -> Predictor:
    """Adapt a ``Document -> Extraction`` function (the pipeline's extractor) into a predictor.

    The passage is handed over as a pipeline Document (``GoldDoc.document``) and the extraction's
    Interactions are scored directly, so nothing about extraction leaks into this module.
    """
    return lambda doc: extract(doc.document()).interactions


def _exact_only(gold: Sequence[Item], pred: Sequence[Item], keep: Callable[[Item], bool]) -> PRF:
    """Exact counts restricted to the items ``keep`` accepts (one relation, one polarity class)."""
    return score_items([g for g in gold if keep(g)], [p for p in pred if keep(p)])[0]


def score(
    gold_docs: Sequence[GoldDoc],
    predict: Predictor,
    resolve: Resolver | None = None,
    inventory: frozenset[str] | None = None,
    vocabulary: Vocabulary = VOCABULARY,
) -> Report:
    """Run ``predict`` on every gold passage and compare its triples with the gold ones.

    ``resolve`` maps actor names to ids (``"United States" -> "USA"``) for gold files written with
    names; it is applied to gold *and* predicted actors so both sides meet in the same id space, and
    a name it returns ``None`` for is kept as written and listed in ``Report.unresolved``.

    ``inventory`` is the set of actor ids the gold annotates (the guidelines list it): a prediction
    naming any other actor (a gang, a court, a company the gazetteer knows) is neither right nor wrong
    against this gold — the annotators were told not to annotate it — and is left out of the counts.

    ``vocabulary`` says which relations exist, which are symmetric and their quad classes (the
    ontology's, by default; ``Gazetteer.vocabulary`` when user Turtle declares more).

    >>> gold = [GoldDoc("d1", "Iran and the US held talks.", [GoldRelation("USA", "negotiatesWith", "IRN")])]
    >>> report = score(gold, lambda doc: [("IRN", "negotiatesWith", "USA"), ("IRN", "attacks", "USA")])
    >>> report.exact.recall, report.exact.precision, report.per_relation["attacks"].fp
    (1.0, 0.5, 1)
    """
    names = _Names(resolve)
    report = Report(n_docs=len(gold_docs), exact=PRF(), relaxed=PRF(), per_relation={r: PRF() for r in vocabulary.names},
                    per_polarity={FACTUAL: PRF(), NON_FACTUAL: PRF()}, modality=ModalityScore(),
                    misses=[], false_positives=[], per_doc=[])
    for doc in gold_docs:
        gold, pred = _doc_items(doc, predict, names, inventory, vocabulary)
        _score_doc(report, doc.id, gold, pred)
    report.unresolved = sorted(names.unresolved)
    return report


def _doc_items(doc: GoldDoc, predict: Predictor, names: _Names, inventory: frozenset[str] | None,
               vocabulary: Vocabulary) -> tuple[list[Item], list[Item]]:
    """The passage's gold and predicted items, predictions outside the inventory left out."""
    try:
        predicted = list(predict(doc))
    except Exception as exc:  # name the passage that broke the extractor
        raise RuntimeError(f"predict failed on {doc.id}: {exc}") from exc
    raw = [_as_tuple(p, doc.id) for p in predicted]
    gold = _items(doc.id, ((r.source, r.relation, r.target, r.modality) for r in doc.relations), names, "gold",
                  vocabulary)
    if inventory is not None:
        raw = [t for t in raw if names(t[0]) in inventory and names(t[2]) in inventory]
    return gold, _items(doc.id, raw, names, "prediction", vocabulary)


def _score_doc(report: Report, doc_id: str, gold: list[Item], pred: list[Item]) -> None:
    """Add one passage's counts, modality labels and mismatches to the report."""
    e, rx, doc_misses, doc_fps = score_items(gold, pred)
    report.exact.add(e)
    report.relaxed.add(rx)
    report.per_doc.append(DocScore(doc_id, e.gold, e.pred, e.matched_gold))
    for r, prf in report.per_relation.items():
        prf.add(_exact_only(gold, pred, lambda it: it.relation == r))
    for c, prf in report.per_polarity.items():
        prf.add(_exact_only(gold, pred, lambda it: it.polarity == c))
    _count_modalities(report.modality, gold, pred)
    pred_relaxed = {p.relaxed for p in pred}
    gold_relaxed = {g.relaxed for g in gold}
    pair = lambda it: frozenset((it.source, it.target))  # noqa: E731
    for g in doc_misses:
        report.misses.append(Mismatch(g, g.relaxed in pred_relaxed, [p for p in pred if pair(p) == pair(g)]))
    for p in doc_fps:
        report.false_positives.append(Mismatch(p, p.relaxed in gold_relaxed, [g for g in gold if pair(g) == pair(p)]))


def _count_modalities(modality: ModalityScore, gold: list[Item], pred: list[Item]) -> None:
    """Modality labels of the gold triples whose (source, relation, target) was predicted at all."""
    pred_modalities: dict[tuple, list[str]] = defaultdict(list)
    for p in pred:
        pred_modalities[p.key].append(p.modality)
    for g in gold:
        found = pred_modalities.get(g.key)
        if not found:
            continue
        modality.matched += 1
        if g.modality in found:
            modality.correct += 1
            modality.confusion[(g.modality, g.modality)] += 1
        else:
            modality.confusion[(g.modality, found[0])] += 1


# ------------------------------------------------------------------ presentation


def _num(x: float, defined: bool) -> str:
    return f"{x:6.3f}" if defined else "     -"


def _prf_row(label: str, prf: PRF, width: int) -> str:
    return (
        f"{label:<{width}} {prf.gold:5d} {prf.pred:5d} {prf.matched_gold:5d} {prf.matched_pred:5d}"
        f" {_num(prf.precision, prf.pred > 0)} {_num(prf.recall, prf.gold > 0)}"
        f" {_num(prf.f1, prf.pred > 0 and prf.gold > 0)}"
    )


def _table(rows: list[list[str]], indent: str = "  ") -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [indent + "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]


def _mismatch_rows(ms: list[Mismatch], max_list: int | None) -> list[str]:
    if not ms:
        return ["  (none)"]
    shown = ms if max_list is None else ms[:max_list]
    rows = [["doc", "source", "relation", "target", "modality", "relaxed", "instead / nearest"]]
    for m in shown:
        it = m.item
        near = "; ".join(f"{n.source} {n.relation} {n.target} ({n.modality})" for n in m.near)
        rows.append([it.doc_id, it.source, it.relation, it.target, it.modality,
                     "yes" if m.relaxed_hit else "no", near])
    more = [f"  ... and {len(ms) - len(shown)} more"] if len(shown) < len(ms) else []
    return _table(rows) + more


def format_report(report: Report, max_list: int | None = None) -> str:
    """A plain-text report for an analyst: headline scores, per relation, modality, misses and FPs.

    ``max_list`` caps the number of misses and of false positives listed (the counts stay exact).
    """
    w = 16
    head = f"{'':<{w}} {'gold':>5} {'pred':>5} {'m.gld':>5} {'m.prd':>5} {'P':>6} {'R':>6} {'F1':>6}"
    out = [f"Evaluation on {report.n_docs} passages", "", head,
           _prf_row("exact", report.exact, w), _prf_row("relaxed", report.relaxed, w), ""]
    out.append("by polarity class (exact)")
    out += [_prf_row(f"  {c}", p, w) for c, p in report.per_polarity.items()]
    out += ["", "by relation (exact)"]
    out += [_prf_row(f"  {r}", p, w) for r, p in report.per_relation.items()]
    m = report.modality
    out += ["", f"modality accuracy on {m.matched} gold triples found (any modality): "
                + (f"{m.accuracy:.3f} ({m.correct}/{m.matched})" if m.matched else "-")]
    if m.confusion:
        rows = [["gold \\ predicted", *MODALITIES]]
        for g in MODALITIES:
            rows.append([g, *(str(m.confusion.get((g, p), 0)) for p in MODALITIES)])
        out += _table(rows)
    if report.unresolved:
        out += ["", "unresolved actor names: " + ", ".join(report.unresolved)]
    out += ["", f"misses (gold not predicted, exact): {len(report.misses)}", *_mismatch_rows(report.misses, max_list)]
    out += ["", f"false positives (predicted, not in gold, exact): {len(report.false_positives)}",
            *_mismatch_rows(report.false_positives, max_list)]
    out += ["", "m.gld / m.prd: gold triples matched / predicted triples matched; "
                "P = m.prd/pred, R = m.gld/gold. 'relaxed' = would match under relaxed rules."]
    return "\n".join(out)


def describe(gold_docs: Sequence[GoldDoc], vocabulary: Vocabulary = VOCABULARY) -> str:
    """Counts of a gold set (passages, relations per type and modality) — to check its balance."""
    rel = Counter(r.relation for d in gold_docs for r in d.relations)
    mod = Counter(r.modality for d in gold_docs for r in d.relations)
    n = sum(rel.values())
    empty = sum(1 for d in gold_docs if not d.relations)
    lines = [f"{len(gold_docs)} passages, {n} relations "
             f"({n / max(len(gold_docs), 1):.2f} per passage, {empty} without any)"]
    rows = [["relation", "n", *MODALITIES]]
    for r in vocabulary.names:
        by = Counter(x.modality for d in gold_docs for x in d.relations if x.relation == r)
        rows.append([r, str(rel.get(r, 0)), *(str(by.get(m, 0)) for m in MODALITIES)])
    rows.append(["total", str(n), *(str(mod.get(m, 0)) for m in MODALITIES)])
    return "\n".join(lines + _table(rows))


if __name__ == "__main__":  # ``python -m graph.evaluate GOLD.jsonl``: the command line lives in graph.cli
    from .cli.evaluate import gold_main

    raise SystemExit(gold_main())
