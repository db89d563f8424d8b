#!/usr/bin/env python3
"""Generate ``ontology/lexicon_generated.ttl``: relation triggers drawn from two broad resources.

The hand-written lexicon (``ontology/lexicon.ttl``) is precise but small. This script widens it by
data rather than code, from two resources that are read here and nowhere else — the project never
reads them at run time; the Turtle this script writes is committed:

* PETRARCH2's CAMEO verb dictionary (``CAMEO.2.0.txt``, MIT, commit 676801cd9cb2): verb blocks with a
  CAMEO code, their forms and object patterns. A form or pattern whose code maps to one of
  actorgraph's relations (the ``ag:CameoMapping`` prefixes at the end of ``ontology/cameo.ttl``,
  longest prefix wins) becomes a VERB trigger; its code is cut to the longest prefix that is a
  ``cameo:`` code of ``ontology/cameo.ttl``, so every emitted code is a known CAMEO event.
* WordNet 3.0 (Debian's ``wordnet-base``): the nouns derivationally related (pointer ``+``) to the
  first two senses of every verb that has a relation — the hand lexicon's and PETRARCH2's — become
  NOUN triggers: event nouns (noun.act, noun.event, noun.communication, noun.state: "mediation") and
  agent nouns (noun.person: "mediator"), which also join the ``role_nouns`` word list.

Every entry carries ``ag:lexiconSource`` ("petrarch2" or "wordnet"), so the loader puts it in
``gz.generated``, consulted only for a (lemma, part of speech) the hand lexicon does not define; and
an entry for such a (lemma, pos) is never written at all (it would be shadowed anyway).

Precision rules (each counted, with what it skipped, in the output's header): a stop list of verbs
too generic to be a relation alone (STOP_VERBS) and the hand lexicon's function verbs get no plain
entry; only patterns of a plain shape are read (``- * OBJECT``, ``- * {COMPOUND}``, ``- * &SET``,
``- * PARTICLE [OBJECT]``), for the verbs their comment names; a (lemma, object) that PETRARCH2 codes
as two relations, or as one relation and an act outside the ten, is dropped as ambiguous; WordNet
nouns that the hand lexicon reads as people, states of affairs or back-references are never triggers.

Regenerate
----------
::

    python scripts/make_lexicon.py            # ../shared/vendor/petrarch2 and /usr/share/wordnet
    python scripts/make_lexicon.py --petrarch DIR --wordnet DIR -o FILE
    python scripts/make_lexicon.py --check    # exit 1 if ontology/lexicon_generated.ttl is stale
    python scripts/make_lexicon.py --loose-inheritance    # see inherits(), relational_verb(): more, less precise entries

tests/test_make_lexicon.py runs the generator on an inline PETRARCH2 snippet and a tiny WordNet
(tests/data/wordnet_fixture), and regenerates the committed file when both resources are present.

The output is sorted and its IRIs are derived from lemmas, so the same inputs give the same bytes.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import textwrap
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Namespace, URIRef

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology"
DEFAULT_PETRARCH = ROOT.parent / "shared" / "vendor" / "petrarch2"
DEFAULT_WORDNET = Path("/usr/share/wordnet")
DEFAULT_OUT = ONTOLOGY / "lexicon_generated.ttl"
AG = Namespace("https://w3id.org/actorgraph/ontology#")
LEX = Namespace("https://w3id.org/actorgraph/lexicon#")
CAMEO_NS = "https://w3id.org/actorgraph/cameo#"

PETRARCH_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
PETRARCH_FILE = "CAMEO.2.0.txt"

# Verbs too generic to be a relation by themselves: auxiliaries, light and perception verbs. A plain
# form (or a verb + preposition form) of these is never an entry, nor a source of WordNet nouns; an
# object pattern ("TAKE PART", "GIVE AID") still is, because the object makes it specific.
STOP_VERBS = frozenset({
    "be", "have", "do",  # auxiliaries
    "say", "tell", "ask", "call", "know", "see", "seem", "feel",  # saying, perceiving: the complement matters
    "go", "come", "get", "make", "take", "give", "put", "leave",  # light verbs of motion and possession
    "want", "use", "find", "try", "work",  # too broad to name any one interaction
})

# Word lists of the hand lexicon whose verbs the extractor reads as grammar (light verbs hand their
# subject to an event noun, speech verbs report, intent verbs make their complement hypothetical...):
# such a verb gets no plain generated entry, which would make it an interaction of its own.
FUNCTION_VERB_LISTS = ("light_verbs", "speech_verbs", "intent_verbs", "negating_verbs", "response_verbs",
                       "perception_verbs", "presupposing_verbs")
# Hand word lists of nouns that name people or refer back to other events: never a generated noun.
NOUN_EXCLUSION_LISTS = ("generic_event_nouns", "civilian_nouns", "non_state_nouns", "pair_nouns",
                        "state_of_affairs_nouns")

# Prepositions whose object is the target, by relation ("strikes ON Iran", "mediation BETWEEN").
# alliedWith is not in CAMEO's mapping; its row serves WordNet nouns of the hand lexicon's verbs.
TARGET_PREPS: dict[str, tuple[str, ...]] = {
    "attacks": ("on", "against", "at", "into"),
    "opposes": ("against", "over", "for"),
    "threatens": ("against", "with"),
    "supports": ("to", "for"),
    "cooperatesWith": ("with",),
    "negotiatesWith": ("with",),
    "mediates": ("between",),
    "pressures": ("on", "to", "from"),  # "sought clarification FROM Beijing": whom a request is made of
    "demands": ("of", "from", "on"),
    "alliedWith": ("with",),
}
REVERSE_PREPS = ("from",)  # "received loans FROM Japan": the giver is found after "from"
# a noun's from/by phrase names who does it ("orders FROM Brussels", "a demand by Kyiv"), where the
# verb's "demanded concessions FROM Kyiv" names whom it is asked of
NOUN_AGENT_PREPS = ("from", "by")

# Second words of PETRARCH multi-word forms: particles make a phrasal verb ("STIR_UP" -> "stir up",
# spaCy's dep prt); prepositions make the verb count only with a prepositional object ("SCOFF_AT").
PARTICLES = frozenset({"up", "down", "out", "off", "back", "away", "forth", "together", "aside", "over", "in"})
PREPOSITIONS = frozenset({"at", "for", "with", "to", "into", "on", "upon", "by", "after", "against", "from",
                          "of", "about", "through", "toward", "towards", "across", "around", "behind"})
# In a pattern, "IN"/"OVER" begin a prepositional phrase as often as not ("- * IN &FIGHT"): not particles.
PATTERN_PARTICLES = PARTICLES - {"in", "over"}
FUNCTION_WORDS = frozenset({"and", "or", "is", "was", "were", "are", "be", "been", "not", "will", "would"})

PLAIN_STRENGTH, OBJECT_STRENGTH, WORDNET_STRENGTH = 0.6, 0.7, 0.6
WORDNET_SENSES = 2  # only the two most frequent senses' derivations, to stay precise
# WordNet verb files (lexicographer files) of acts between actors: communication 32, competition 33,
# contact 35, possession 40, social 41. A PETRARCH2 verb form with no sense among its two most frequent
# in one of these ("ponder": cognition, "travel": motion, "mourn": emotion) gets no plain entry.
RELATIONAL_VERB_FILES = frozenset({32, 33, 35, 40, 41})
SYNSET_LIMIT = 40  # a synonym set is expanded as objects only if it has at most this many one-word members
ARTIFACT_LEXFILE = 6  # noun.artifact
EVENT_LEXFILES = {4: "noun.act", 11: "noun.event", 10: "noun.communication", 26: "noun.state"}
AGENT_LEXFILE = 18  # noun.person
# noun.person derivations name patients too ("deportee", "trainee", "target", "suspect"): an agent noun
# must end like one ("mediator", "invader", "opponent", "lobbyist").
AGENT_SUFFIXES = ("er", "or", "ar", "ant", "ent", "ist", "ian")

PETRARCH_LICENCE = """\
The MIT License (MIT)

Copyright (c) 2014 Open Event Data
(CAMEO.2.0.txt: Copyright (c) 2015 Open Event Data Alliance)

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
the Software, and to permit persons to whom the Software is furnished to do so,
subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE."""

# Copied from /usr/share/doc/wordnet-base/copyright (Debian wordnet-base 1:3.0), which must accompany
# data derived from WordNet.
WORDNET_LICENCE = """\
Copyright: (c) 1996-2012 Cognitive Science Laboratory Princeton University
License: WordNet3.0
This software and database is being provided to you, the LICENSEE, by
Princeton University under the following license.  By obtaining, using
and/or copying this software and database, you agree that you have
read, understood, and will comply with these terms and conditions.:

Permission to use, copy, modify and distribute this software and
database and its documentation for any purpose and without fee or
royalty is hereby granted, provided that you agree to comply with
the following copyright notice and statements, including the disclaimer,
and that the same appear on ALL copies of the software, database and
documentation, including modifications that you make for internal
use or for distribution.

WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.

THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON
UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
IMPLIED.  BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON
UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-
ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE
OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR
OTHER RIGHTS.

The name of Princeton University or Princeton may not be used in
advertising or publicity pertaining to distribution of the software
and/or database.  Title to copyright in this software, database and
any associated documentation shall at all times remain with
Princeton University and LICENSEE agrees to preserve same."""


def warn(msg: str) -> None:
    """A note on stderr: the output on stdout stays one line."""
    print(f"make_lexicon: {msg}", file=sys.stderr)


# ----------------------------------------------------------------------------------- the ontology

@dataclass(frozen=True)
class HandVerb:
    """An unconditional VERB entry of the hand lexicon: the source of WordNet nouns."""

    lemma: str
    iri: str  # "lex:mediate"
    relation: str
    cameo: str
    target_types: tuple[str, ...] = ()
    target_is_possessor: bool = False


@dataclass
class Ontology:
    """What the generator needs from ``ontology/``: CAMEO codes and mappings, and the hand lexicon."""

    codes: frozenset[str]
    mappings: dict[str, str]  # code prefix -> relation
    hand: frozenset[tuple[str, str]]  # (lemma, pos) the hand lexicon defines
    hand_verbs: dict[str, HandVerb]
    word_lists: dict[str, frozenset[str]]
    excluded_nouns: frozenset[str]  # titles, agent nouns, anaphoric nouns, nouns of NOUN_EXCLUSION_LISTS
    roles_iri: str = "lex:roles"

    def relation(self, code: str) -> str | None:
        """The relation of a CAMEO code: its longest mapped prefix's, or None (not one of the ten)."""
        for n in range(len(code), 1, -1):
            if code[:n] in self.mappings:
                return self.mappings[code[:n]]
        return None

    def known_code(self, code: str) -> str | None:
        """The longest prefix of ``code`` that ontology/cameo.ttl defines as a CAMEO event."""
        return next((code[:n] for n in range(len(code), 1, -1) if code[:n] in self.codes), None)

    def function_verbs(self) -> frozenset[str]:
        """Verbs the hand lexicon's word lists give a grammatical role (see FUNCTION_VERB_LISTS)."""
        return frozenset().union(*(self.word_lists.get(n, frozenset()) for n in FUNCTION_VERB_LISTS))


def _local(node: object) -> str:
    """An IRI's local name ("ag:opposes" -> "opposes"): relations are written by local name."""
    return str(node).rsplit("#", 1)[-1]


def _curie(node: URIRef) -> str:
    """A lexicon IRI as ``lex:name``, so comments and the role list use the lexicon's own names."""
    s = str(node)
    return "lex:" + s[len(str(LEX)):] if s.startswith(str(LEX)) else f"<{s}>"


def read_cameo(path: Path) -> tuple[frozenset[str], dict[str, str]]:
    """CAMEO codes and the code-prefix -> relation mappings of ontology/cameo.ttl."""
    g = Graph().parse(path, format="turtle")
    codes = frozenset(str(g.value(s, AG.code) or str(s)[len(CAMEO_NS):]) for s in g.subjects(RDF.type, AG.CameoEvent))
    mappings = {str(g.value(s, AG.codePrefix)): _local(g.value(s, AG.relation))
                for s in g.subjects(RDF.type, AG.CameoMapping)}
    return codes, mappings


CONDITIONS = (AG.requiresObject, AG.requiresObjectFrom, AG.requiresComplement, AG.requiresLabel, AG.negatedRelation, AG.reverse,
              AG.objectIsTheme, AG.recipientFromGovernor)


def _hand_verbs(g: Graph) -> dict[str, HandVerb]:
    """Unconditional VERB entries by lemma. A conditional entry ("host" only with "talks") says nothing
    about the verb's nouns; a lemma with two unconditional relations is ambiguous and left out."""
    found: dict[str, list[HandVerb]] = defaultdict(list)
    for s in g.subjects(RDF.type, AG.Trigger):
        poses = {str(p) for p in g.objects(s, AG.pos)} or {"VERB"}
        if "VERB" not in poses or any((s, p, None) in g for p in CONDITIONS):
            continue
        relation = _local(g.value(s, AG.relation))
        cameo = str(g.value(s, AG.cameoCode) or "")
        types = tuple(sorted(_local(t) for t in g.objects(s, AG.targetType)))
        owner = bool(g.value(s, AG.targetIsPossessor) and g.value(s, AG.targetIsPossessor).toPython())
        for lemma in g.objects(s, AG.lemma):
            found[str(lemma)].append(HandVerb(str(lemma), _curie(s), relation, cameo, types, owner))
    return {lemma: min(vs, key=lambda v: v.iri) for lemma, vs in found.items() if len({v.relation for v in vs}) == 1}


def _word_lists(g: Graph) -> tuple[dict[str, frozenset[str]], str]:
    """The hand lexicon's word lists by label, and the IRI of ``role_nouns`` (where agent nouns go)."""
    lists, roles = {}, "lex:roles"
    for s in g.subjects(RDF.type, AG.WordList):
        label = str(g.value(s, RDFS.label) or "")
        lists[label] = frozenset(str(w).lower() for w in g.objects(s, AG.word))
        if label == "role_nouns":
            roles = _curie(s)
    return lists, roles


def _actor_nouns(g: Graph) -> set[str]:
    """Nouns the hand lexicon reads as (parts of) actors — titles, agent nouns, anaphoric nouns: a
    generated trigger on them ("negotiator", "aide") would turn a person into an event."""
    out = {str(t).lower().split()[-1] for s in g.subjects(RDF.type, AG.TitleTerm) for t in g.objects(s, AG.title)}
    for cls in (AG.AgentNoun, AG.AnaphoricNoun):
        out |= {str(t).lower() for s in g.subjects(RDF.type, cls) for t in g.objects(s, AG.lemma)}
    return out


def read_ontology(directory: Path = ONTOLOGY) -> Ontology:
    """Read ontology/cameo.ttl and the hand-written ontology/lexicon.ttl."""
    codes, mappings = read_cameo(directory / "cameo.ttl")
    g = Graph().parse(directory / "lexicon.ttl", format="turtle")
    hand = frozenset((str(lemma), str(pos)) for s in g.subjects(RDF.type, AG.Trigger)
                     for lemma in g.objects(s, AG.lemma) for pos in (list(g.objects(s, AG.pos)) or ["VERB"]))
    lists, roles = _word_lists(g)
    excluded = _actor_nouns(g).union(*(lists.get(n, frozenset()) for n in NOUN_EXCLUSION_LISTS))
    return Ontology(codes, mappings, hand, _hand_verbs(g), lists, frozenset(excluded), roles)


# ----------------------------------------------------------------------------------- WordNet

@dataclass(frozen=True)
class Synset:
    """One line of a WordNet data file (``man 5 wndb``)."""

    offset: str
    lexfile: int
    words: tuple[str, ...]
    pointers: tuple[tuple[str, str, str, int, int], ...]  # symbol, offset, pos, source word, target word


@dataclass
class WordNet:
    """The parts of WordNet the generator reads: verb senses, noun synsets, noun and verb lemmas."""

    verb_index: dict[str, list[str]] = field(default_factory=dict)  # lemma -> synset offsets, by frequency
    verbs: dict[str, Synset] = field(default_factory=dict)
    nouns: dict[str, Synset] = field(default_factory=dict)
    noun_lemmas: frozenset[str] = frozenset()
    other_lemmas: frozenset[str] = frozenset()  # verbs, adjectives and adverbs
    noun_exc: dict[str, str] = field(default_factory=dict)
    verb_exc: dict[str, str] = field(default_factory=dict)
    version: str = "WordNet 3.0"
    noun_index: dict[str, list[str]] = field(default_factory=dict)  # lemma -> synset offsets, by frequency


def parse_data_line(line: str) -> Synset:
    """``offset lex_filenum ss_type w_cnt word lex_id ... p_cnt [ptr offset pos src/tgt]... | gloss``;
    counts are read, not searched: verb frames also use the symbol "+"."""
    f = line.split(" | ", 1)[0].split()
    w_cnt = int(f[3], 16)
    words = tuple(f[4 + 2 * i] for i in range(w_cnt))
    i = 4 + 2 * w_cnt
    p_cnt = int(f[i])
    ptrs = tuple((f[i + 1 + 4 * k], f[i + 2 + 4 * k], f[i + 3 + 4 * k],
                  int(f[i + 4 + 4 * k][:2], 16), int(f[i + 4 + 4 * k][2:], 16)) for k in range(p_cnt))
    return Synset(f[0], int(f[1]), words, ptrs)


def _data_lines(path: Path) -> Iterator[str]:
    """Lines of a WordNet file without its licence header (header lines start with spaces)."""
    with path.open(encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.strip() and not line.startswith(" "):
                yield line.rstrip("\n")


def read_index(path: Path) -> dict[str, list[str]]:
    """``lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt offset...``: offsets by frequency."""
    out = {}
    for line in _data_lines(path):
        f = line.split()
        n = int(f[2])
        out[f[0]] = f[len(f) - n:]
    return out


def read_exceptions(path: Path) -> dict[str, str]:
    """An exception list (``noun.exc``): inflected form -> its first base form."""
    if not path.exists():
        return {}
    return {f[0]: f[1] for f in (line.split() for line in _data_lines(path)) if len(f) > 1}


def read_wordnet(directory: Path) -> WordNet:
    """Read index.verb, data.verb, data.noun, index.noun and the exception lists of a WordNet dict."""
    verbs = {s.offset: s for s in map(parse_data_line, _data_lines(directory / "data.verb"))}
    nouns = {s.offset: s for s in map(parse_data_line, _data_lines(directory / "data.noun"))}
    header = (directory / "data.verb").read_text(encoding="utf-8", errors="replace")[:2000]
    version = m.group(1) if (m := re.search(r"(WordNet \d+\.\d+) Copyright", header)) else "WordNet"
    verb_index = read_index(directory / "index.verb")
    others = set(verb_index)
    for name in ("index.adj", "index.adv"):
        others |= set(read_index(directory / name)) if (directory / name).exists() else set()
    noun_index = read_index(directory / "index.noun")
    return WordNet(verb_index, verbs, nouns, frozenset(noun_index), frozenset(others),
                   read_exceptions(directory / "noun.exc"), read_exceptions(directory / "verb.exc"), version, noun_index)


NOUN_RULES = (("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
              ("ies", "y"), ("s", ""))
VERB_RULES = (("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("s", ""))


def noun_lemma(word: str, wn: WordNet | None) -> str:
    """The singular a lemmatiser gives a noun ("relations" -> "relation", "arms" -> "arm"), by
    WordNet's morphology (exceptions, then suffix rules whose result is a noun); without WordNet, a
    plain -s is dropped."""
    if wn is None or not wn.noun_lemmas:
        return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word
    if word in wn.noun_exc:
        return wn.noun_exc[word]
    for suffix, repl in NOUN_RULES:
        if word.endswith(suffix) and (base := word[: len(word) - len(suffix)] + repl) in wn.noun_lemmas:
            return base
    return word


def verb_base(word: str, wn: WordNet | None) -> str:
    """The base form of an inflected PETRARCH verb form ("OVERTHREW" -> "overthrow"); a form WordNet
    knows as a verb, or cannot resolve, is kept."""
    if wn is None or not wn.verb_index or word in wn.verb_index:
        return word
    if word in wn.verb_exc:
        return wn.verb_exc[word]
    for suffix, repl in VERB_RULES:
        if word.endswith(suffix) and (base := word[: len(word) - len(suffix)] + repl) in wn.verb_index:
            return base
    return word


def is_noun(word: str, wn: WordNet | None) -> bool:
    """Whether an object word can be a noun: not if WordNet knows it only as another part of speech
    ("- * POSITIVELY", "- * WITHDRAW"); a word WordNet does not know ("airstrike") is trusted."""
    if wn is None:
        return True
    key = word.replace(" ", "_")
    return key in wn.noun_lemmas or key not in wn.other_lemmas


def derived_nouns(wn: WordNet, verb: str, senses: int = WORDNET_SENSES) -> list[tuple[str, int]]:
    """(noun, lexicographer file) for the nouns derivationally related to the first ``senses`` senses of
    ``verb``. The pointer is lexical: only the links whose source word is ``verb`` itself count; a noun
    that mostly names a thing made is left out (see ``_not_mostly_a_thing``)."""
    key = verb.replace(" ", "_")
    out = []
    for offset in wn.verb_index.get(key, [])[:senses]:
        syn = wn.verbs.get(offset)
        words = [w.lower() for w in syn.words] if syn else []
        if key not in words:
            continue
        me = words.index(key) + 1
        for symbol, target, pos, src, tgt in syn.pointers:
            noun = wn.nouns.get(target) if symbol == "+" and pos == "n" and src == me else None
            if noun is not None and 0 < tgt <= len(noun.words) and _not_mostly_a_thing(wn, noun.words[tgt - 1]):
                out.append((noun.words[tgt - 1], noun.lexfile))
    return out


def _not_mostly_a_thing(wn: WordNet, word: str) -> bool:
    """Not a noun whose most frequent sense is a thing made (noun.artifact): 'bomb', 'bar', 'shelter'
    name a device, a room, a building far more often than an act, and as event nouns read 'host U.S.
    nuclear bombs' as bombing."""
    senses = wn.noun_index.get(word.lower())
    first = wn.nouns.get(senses[0]) if senses else None
    return first is None or first.lexfile != ARTIFACT_LEXFILE


# ----------------------------------------------------------------------------------- PETRARCH2

@dataclass(frozen=True)
class Form:
    """A verb form of a PETRARCH verb block, as a lemma and what else the form asks for."""

    lemma: str  # "defy", "stir up" (phrasal)
    code: str | None  # the form's own code field ("DEFY [120]": "120"), else None
    text: str  # as written, for the comment
    prep: str | None = None  # "SCOFF_AT": counts with an "at" object
    noun: str | None = None  # "WAGE_WAR": counts with the object "war"


@dataclass(frozen=True)
class Pattern:
    """A readable object pattern: ``- * OBJECT [code]``, ``- * {A B} [code]``, ``- * &SET [code]``,
    ``- * PARTICLE [OBJECT] [code]``."""

    text: str
    code: str
    objects: tuple[str, ...]  # object head lemmas (empty for "- * OUT")
    exact: bool  # a word or set member (True), or the head of a compound (False)
    particle: str | None
    verbs: tuple[str, ...]  # the comment's verbs that are forms of the block (where it was found)


@dataclass
class Block:
    """``--- NAME [code] ---`` with its forms and patterns."""

    name: str
    code: str | None  # the code field as written: "190", "---", ":110"
    forms: list[Form] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


@dataclass
class Skips:
    """What was left out, by reason, for the output's header."""

    counts: Counter = field(default_factory=Counter)

    def add(self, reason: str, n: int = 1) -> None:
        """Count ``n`` items left out for ``reason`` (the header lists every reason)."""
        self.counts[reason] += n


BLOCK_RE = re.compile(r"^---\s+(.+?)\s+\[([^\]]*)\][-\s]*$")
CODE_RE = re.compile(r"\[([^\]]*)\]")
TOKEN_RE = re.compile(r"\{[^}]*\}|\([^)]*\)|&\w+|[^\s]+")
WORD_RE = re.compile(r"^[A-Z][A-Z0-9'\-_]*$")


def parse_code(raw: str) -> tuple[str | None, bool]:
    """A PETRARCH code field: ``190`` -> ("190", False); ``042:043`` -> the primary "042";
    ``:051`` -> ("051", True), the event the target does to the source ("RECEIVE BACKING");
    ``---`` or anything else -> (None, False)."""
    raw = raw.strip().rstrip("-").strip()
    primary, _, secondary = raw.partition(":")
    if primary.isdigit():
        return primary, False
    if not primary and secondary.isdigit():
        return secondary, True
    return None, False


def read_synonym_sets(lines: list[str]) -> dict[str, list[str]]:
    """``&NAME`` followed by ``+WORD`` lines, up to the verb patterns."""
    sets: dict[str, list[str]] = {}
    current = None
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if line.startswith("####### VERB PATTERNS"):
            break
        if text.startswith("&"):
            current = sets.setdefault(text.split()[0], [])
        elif text.startswith("+") and current is not None:
            current.append(text[1:].split()[0])
        elif not text:
            current = None
    return sets


def parse_form(line: str, wn: WordNet | None, skips: Skips) -> Form | None:
    """A verb form line: ``DEFY {DEFYING DEFIED DEFIES } [120]``, ``+STIR_UP {+STIRS_UP ...}``."""
    text = line.split("#", 1)[0].strip()
    code_m = CODE_RE.search(re.sub(r"\{[^}]*\}", "", text))
    code = code_m.group(1).strip() if code_m else None
    if re.search(r"\{\s*\}", text):
        skips.add("verb forms already inflected (empty {} in PETRARCH: 'KILLED_AND {}')")
        return None
    head = text.split("{")[0].split("[")[0].split()[0]
    words = [w.lower() for w in head.lstrip("+").strip("_").split("_") if w]
    if not words or any(w in FUNCTION_WORDS for w in words) or not all(re.fullmatch(r"[a-z'\-]+", w) for w in words):
        skips.add("multi-word verb forms with a conjunction or auxiliary ('IS_DETERMINED', 'ARREST_AND')")
        return None
    verb = verb_base(words[0], wn)
    if len(words) == 1:
        return Form(verb, code, head)
    if len(words) > 2:
        skips.add("verb forms of three or more words ('LIVE_UP_TO')")
        return None
    if words[1] in PARTICLES:
        return Form(f"{verb} {words[1]}", code, head)
    if words[1] in PREPOSITIONS:
        return Form(verb, code, head, prep=words[1])
    noun = noun_lemma(words[1], wn)
    if not is_noun(noun, wn):
        skips.add("verb + word forms whose word is no noun ('SEEM_CONFIDENT')")
        return None
    return Form(verb, code, head, noun=noun)


def _object_heads(tok: str, sets: dict[str, list[str]], wn: WordNet | None) -> tuple[str, ...] | None:
    """Lemmas of one object token (a word or a synonym set), or None if it cannot be read. A set is
    read through its one-word members only (the head of "BILLY_CLUB" is no weapon), if it has at most
    SYNSET_LIMIT of them."""
    if tok.startswith("&"):
        members = [m for m in sets.get(tok, []) if "_" not in m.strip("_")]
        if not members or len(members) > SYNSET_LIMIT:
            return None
        return tuple(sorted({head for m in members for head in (_object_heads(m, sets, wn) or ())})) or None
    if not WORD_RE.match(tok):
        return None
    head = tok.strip("_").replace("_", " ").lower().split()[-1]
    lemma = noun_lemma(head, wn)
    return (lemma,) if is_noun(lemma, wn) else ()


def _unreadable(toks: list[str]) -> str | None:
    """Why a pattern's tokens are not a plain object reading (None if they are: ``* OBJ``, ``* PRT``,
    ``* PRT OBJ``)."""
    if not toks or toks[0] != "*" or any(t in ("$", "+", "%", "^") for t in toks):
        return "patterns with a subject or a source/target marker ('- &MILITARY *', '- * + MISSION')"
    rest = toks[2:] if len(toks) > 1 and toks[1].lower() in PATTERN_PARTICLES else toks[1:]
    if any(t.startswith("(") for t in rest):
        return "patterns with a prepositional phrase ('- * (TO BORDER)', '- * POLICE (TO BORDER)')"
    if len(rest) > 1 or len(toks) == 1:
        return "patterns of several words or of the verb alone ('- * ASSERT CLOSE RELATION')"
    return None


def _comment_verbs(comment: str, block_verbs: dict[str, str], wn: WordNet | None) -> tuple[str, ...] | None:
    """The block's single-word verbs a pattern's comment names: PETRARCH2's header says the comment
    shows "the verb[s] where the pattern was originally found". () when it names none (coder initials:
    the pattern then holds for the whole block, as in PETRARCH2); None when it names a multi-word form
    ("# PULLED_OUT"), which the pattern belongs to alone."""
    words = re.findall(r"[A-Z][A-Z_]*", comment)
    if words and "_" in words[0].strip("_"):
        return None
    lemmas = set(block_verbs.values())
    verbs = {block_verbs.get(w) or verb_base(w.lower(), wn) for w in words}
    return tuple(sorted(verbs & lemmas))


def parse_pattern(line: str, block_verbs: dict[str, str], sets: dict[str, list[str]],
                  wn: WordNet | None, skips: Skips) -> Pattern | None:
    """An object pattern, or None (counted in ``skips``) if it is not of a shape read reliably."""
    body, _, comment = line[1:].partition("#")
    codes = CODE_RE.findall(body)
    if not codes:
        skips.add("patterns without a code")
        return None
    toks = TOKEN_RE.findall(body[: body.rfind("[")])
    if (why := _unreadable(toks)):
        skips.add(why)
        return None
    found = _comment_verbs(comment, block_verbs, wn)
    if found is None:
        skips.add("patterns found under a multi-word form ('# PULLED_OUT')")
        return None
    particle = toks[1].lower() if toks[1].lower() in PATTERN_PARTICLES else None
    if particle and not found:
        skips.add("particle patterns whose comment names no verb of the block (a phrasal verb is one verb's)")
        return None
    rest = toks[2:] if particle else toks[1:]
    heads: tuple[str, ...] | None = ()
    exact = not (rest and rest[0].startswith("{"))
    if rest:
        inner = rest[0].strip("{}").split()
        heads = _object_heads(inner[-1], sets, wn) if inner else None
        if not heads:
            skips.add("patterns whose object is no noun, or a synonym set too large to expand")
            return None
    return Pattern("- " + " ".join(body.split()), codes[-1], heads, exact, particle, found)


def read_petrarch(path: Path, wn: WordNet | None, skips: Skips) -> list[Block]:
    """Parse CAMEO.2.0.txt (or a snippet in its format) into verb blocks."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return parse_petrarch(lines, wn, skips)


def parse_petrarch(lines: list[str], wn: WordNet | None, skips: Skips) -> list[Block]:
    """Verb blocks of the VERB PATTERNS section (or of a snippet of such blocks)."""
    sets = read_synonym_sets(lines)
    blocks: list[Block] = []
    for raw in lines:
        line = raw.rstrip()
        if line.startswith("######## TRANSFORMATIONS"):
            break
        if (m := BLOCK_RE.match(line)):
            blocks.append(Block(m.group(1).strip(), m.group(2).strip()))
        elif not blocks or not line.strip() or line.startswith("#"):
            continue
        elif line.startswith("-"):
            single = {f.text.strip("+_").upper(): f.lemma for f in blocks[-1].forms if " " not in f.lemma
                      and f.prep is None and f.noun is None}
            if (p := parse_pattern(line, single, sets, wn, skips)):
                blocks[-1].patterns.append(p)
        elif re.match(r"^\+?[A-Z]", line):
            if (f := parse_form(line, wn, skips)):
                blocks[-1].forms.append(f)
    return blocks


# ----------------------------------------------------------------------------------- entries

@dataclass(frozen=True)
class Candidate:
    """One reading of a lemma (+ object) from one form or pattern, before readings are merged."""

    lemma: str
    obj: str | None  # required object lemma, "_prep" for a verb + preposition form, None: none
    relation: str | None  # None: a code of an act that is none of the ten relations
    code: str
    reverse: bool
    exact: bool
    strength: float
    preps: tuple[str, ...]  # a verb + preposition form's preposition(s)
    origin: str


@dataclass
class Entry:
    """One ag:Trigger to write."""

    iri: str
    lemma: str
    pos: str
    relation: str
    cameo: str
    strength: float
    source: str
    comment: str
    target_preps: tuple[str, ...]
    requires_object: tuple[str, ...] = ()
    reverse: bool = False
    target_types: tuple[str, ...] = ()
    target_is_possessor: bool = False
    agent_preps: tuple[str, ...] = ()


def inherits(form: Form, block: Block, wn: WordNet) -> bool:
    """Whether WordNet confirms a form's share of its block's default code: the form is the block's
    head verb, or one of its two most frequent senses is a sense of the head verb. PETRARCH2's blocks
    gather loose synonym sets (CONSIDER [040] holds PONDER and MUSE; OVERSEE_MANAGE [060] holds LEAD)."""
    head = block.name.lower()
    if form.lemma == head:
        return True
    mine = set(wn.verb_index.get(form.lemma.replace(" ", "_"), [])[:WORDNET_SENSES])
    return bool(mine & set(wn.verb_index.get(head, [])))


def relational_verb(lemma: str, wn: WordNet) -> bool:
    """Is one of the verb's two most frequent senses an act between actors (RELATIONAL_VERB_FILES)? A
    verb WordNet does not know is kept (PETRARCH2 put it there for a reason)."""
    senses = wn.verb_index.get(lemma.replace(" ", "_"), [])[:WORDNET_SENSES]
    if not senses:
        return True
    return any(wn.verbs[o].lexfile in RELATIONAL_VERB_FILES for o in senses if o in wn.verbs)


def form_candidates(block: Block, onto: Ontology, skips: Skips, strict: WordNet | None = None) -> Iterator[Candidate]:
    """Readings of a block's forms: the form's own code, else the block's (with ``strict``, only where
    WordNet confirms the form is a synonym of the block's head verb)."""
    excluded = STOP_VERBS | onto.function_verbs()
    for f in block.forms:
        code, reverse = parse_code(f.code if f.code is not None else block.code or "")
        if code is None:
            continue
        if strict is not None and f.code is None and not inherits(f, block, strict):
            skips.add("forms whose block code WordNet does not confirm (--strict-inheritance)")
            continue
        if f.noun is None and " " not in f.lemma and f.lemma in excluded:
            skips.add("plain forms of stop-list verbs or of the hand lexicon's function verbs")
            continue
        if strict is not None and f.noun is None and not f.prep and not relational_verb(f.lemma, strict):
            skips.add("plain forms whose two most frequent WordNet senses are no act between actors "
                      "(not communication, competition, contact, possession or social)")
            continue
        obj = "_prep" if f.prep else f.noun
        strength = OBJECT_STRENGTH if f.noun else PLAIN_STRENGTH
        where = f" [{f.code}]" if f.code else f" (block code [{block.code}])"
        origin = f"PETRARCH2 {block.name} block, form '{f.text}'{where}"
        preps = (f.prep,) if f.prep else ()
        yield Candidate(f.lemma, obj, onto.relation(code), code, reverse, True, strength, preps, origin)


def pattern_candidates(block: Block, onto: Ontology, skips: Skips) -> Iterator[Candidate]:
    """Readings of a block's object patterns, for the verbs named in the pattern's comment (where
    PETRARCH2 says the pattern was found), else for every single-word form of the block."""
    singles = sorted({f.lemma for f in block.forms if " " not in f.lemma and f.prep is None and f.noun is None})
    light = onto.word_lists.get("light_verbs", frozenset())
    hand_nouns = {lemma for lemma, pos in onto.hand if pos == "NOUN"}
    for p in block.patterns:
        code, reverse = parse_code(p.code)
        if code is None:
            continue
        for verb in p.verbs or singles:
            lemma = f"{verb} {p.particle}" if p.particle else verb
            origin = f"PETRARCH2 {block.name} block, pattern '{p.text}'"
            for obj in p.objects or (None,):
                if verb in light and obj in hand_nouns:  # "STAGE ATTACK": the light verb hands its subject to the noun
                    skips.add("(verb, object) readings of light verbs whose object is a hand-lexicon noun "
                              "('STAGE ATTACK')")
                    continue
                yield Candidate(lemma, obj, onto.relation(code), code, reverse, p.exact, OBJECT_STRENGTH, (), origin)


def merge_readings(cands: list[Candidate], onto: Ontology, skips: Skips) -> list[Candidate]:
    """One reading per (lemma, object): exact readings beat compound heads; readings that disagree
    on the relation (or name an act outside the ten) make the pair ambiguous, and it is dropped.
    The code kept is the most frequent known code (ties: the lowest)."""
    groups: dict[tuple[str, str | None], list[Candidate]] = defaultdict(list)
    for c in cands:
        groups[(c.lemma, c.obj)].append(c)
    out = []
    for key in sorted(groups, key=lambda k: (k[0], k[1] or "")):
        group = groups[key]
        group = [c for c in group if c.exact] or group
        readings = {(c.relation, c.reverse) for c in group}
        if len(readings) > 1:
            skips.add("lemma (+ object) readings that PETRARCH2 codes as different relations or as acts "
                      "outside the ten")
            continue
        if group[0].relation is None:
            continue
        known = Counter(k for c in group if (k := onto.known_code(c.code)))
        if not known:
            skips.add("readings whose code has no prefix defined in ontology/cameo.ttl")
            continue
        code = min(known, key=lambda k: (-known[k], k))
        origins = sorted({c.origin for c in group})
        preps = tuple(sorted({p for c in group for p in c.preps}))
        out.append(Candidate(key[0], key[1], group[0].relation, code, group[0].reverse, group[0].exact,
                             max(c.strength for c in group), preps, "; ".join(origins)))
    return out


def slug(text: str) -> str:
    """An IRI-safe form of a lemma ("stir up" -> "stir_up"): IRIs follow lemmas, so they are stable."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def petrarch_entries(blocks: list[Block], onto: Ontology, skips: Skips, strict: WordNet | None = None) -> list[Entry]:
    """VERB entries from PETRARCH2: one per lemma for its plain reading, one per (lemma, relation,
    code) for its object readings (with every object that gives that reading)."""
    cands = [c for b in blocks for c in form_candidates(b, onto, skips, strict)]
    cands += [c for b in blocks for c in pattern_candidates(b, onto, skips)]
    merged = [c for c in merge_readings(cands, onto, skips)]
    plain = {c.lemma: c for c in merged if c.obj is None}
    grouped: dict[tuple, list[Candidate]] = defaultdict(list)
    for c in merged:
        if c.obj is None:
            continue
        p = plain.get(c.lemma)
        if p is not None and (p.relation, p.code, p.reverse) == (c.relation, c.code, c.reverse):
            skips.add("object readings that repeat the verb's plain reading")
            continue
        grouped[(c.lemma, c.relation, c.code, c.reverse, c.preps)].append(c)
    entries = [_plain_entry(c) for c in plain.values()]
    entries += [_object_entry(key, cs) for key, cs in grouped.items()]
    return entries


def _preps(relation: str, reverse: bool, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Target prepositions: the relation's (or "from" for a reversed entry), then ``extra``."""
    base = REVERSE_PREPS if reverse else TARGET_PREPS.get(relation, ())
    return tuple(dict.fromkeys(base + extra))


def _plain_entry(c: Candidate) -> Entry:
    """The entry of a lemma's plain reading: one per lemma, named after it."""
    return Entry(f"lex:p2_{slug(c.lemma)}", c.lemma, "VERB", c.relation, c.code, c.strength, "petrarch2",
                 c.origin, _preps(c.relation, c.reverse), reverse=c.reverse)


def _object_entry(key: tuple, cs: list[Candidate]) -> Entry:
    """One entry for every object that gives a lemma the same reading ("hurt relations/ties")."""
    lemma, relation, code, reverse, preps = key
    iri = f"lex:p2_{slug(lemma)}__{relation}_{code}" + ("_rev" if reverse else "") + "".join(f"_{p}" for p in preps)
    origins = "; ".join(sorted({o for c in cs for o in c.origin.split("; ")}))
    return Entry(iri, lemma, "VERB", relation, code, max(c.strength for c in cs), "petrarch2", origins,
                 _preps(relation, reverse, preps), tuple(sorted({c.obj for c in cs})), reverse)


# ----------------------------------------------------------------------------------- WordNet entries

@dataclass(frozen=True)
class SourceVerb:
    """A verb with a relation, whose nouns WordNet supplies."""

    lemma: str
    iri: str
    relation: str
    cameo: str
    target_types: tuple[str, ...] = ()
    target_is_possessor: bool = False


def source_verbs(onto: Ontology, generated: list[Entry]) -> list[SourceVerb]:
    """The hand lexicon's unconditional verbs and PETRARCH2's plain verb entries, minus the stop list."""
    out = [SourceVerb(v.lemma, v.iri, v.relation, v.cameo, v.target_types, v.target_is_possessor)
           for v in onto.hand_verbs.values()]
    out += [SourceVerb(e.lemma, e.iri, e.relation, e.cameo) for e in generated
            if e.pos == "VERB" and not e.requires_object and not e.reverse]
    return sorted((v for v in out if v.lemma not in STOP_VERBS), key=lambda v: v.lemma)


Readings = dict[tuple[str, bool], dict[SourceVerb, set[int]]]


def noun_readings(wn: WordNet, verbs: list[SourceVerb], onto: Ontology, skips: Skips) -> Readings:
    """(noun, is agent noun) -> the verbs it derives from, each with the noun's lexicographer files."""
    found: Readings = defaultdict(dict)
    for v in verbs:
        for word, lexfile in derived_nouns(wn, v.lemma):
            if lexfile not in EVENT_LEXFILES and lexfile != AGENT_LEXFILE:
                continue
            noun = word.lower()
            if lexfile == AGENT_LEXFILE and not noun.endswith(AGENT_SUFFIXES):
                skips.add("WordNet noun.person derivations that do not look agentive ('trainee', 'target')")
            elif not re.fullmatch(r"[a-z][a-z\-]*", word):
                skips.add("WordNet nouns of several words or capitalised ('peace_officer')")
            elif (noun, "NOUN") in onto.hand or noun in onto.excluded_nouns:
                skips.add("WordNet nouns the hand lexicon defines or reads as actors, back-references or states")
            else:
                found[(noun, lexfile == AGENT_LEXFILE)].setdefault(v, set()).add(lexfile)
    return found


def wordnet_entries(wn: WordNet, onto: Ontology, generated: list[Entry], skips: Skips) -> tuple[list[Entry], list[str]]:
    """NOUN entries from WordNet derivations, and the agent nouns to add to ``role_nouns``."""
    entries, roles = [], []
    readings = noun_readings(wn, source_verbs(onto, generated), onto, skips)
    events = {noun for noun, agent in readings if not agent}
    for noun, agent in sorted(readings):
        sources = readings[(noun, agent)]
        if len({v.relation for v in sources}) > 1 or (agent and noun in events):
            skips.add("WordNet nouns derived from verbs of different relations (or both event and agent)")
            continue
        entries.append(_noun_entry(noun, agent, sources))
        if agent and noun not in onto.word_lists.get("role_nouns", frozenset()):
            roles.append(noun)
    return entries, roles


def _noun_entry(noun: str, agent: bool, sources: dict[SourceVerb, set[int]]) -> Entry:
    """An event noun ("mediation") or agent noun ("mediator") with its verbs' relation and code; a
    target restriction is kept only if every source verb has one."""
    verbs = sorted(sources, key=lambda v: (v.lemma, v.iri))
    codes = Counter(v.cameo for v in verbs)
    code = min(codes, key=lambda k: (-codes[k], k))
    lexnames = "/".join(EVENT_LEXFILES.get(f, "noun.person") for f in sorted(set().union(*sources.values())))
    kind = ("agent noun" if agent else "event noun") + f" ({lexnames})"
    named = ", ".join(f"'{v.lemma}' ({v.iri})" for v in verbs)
    comment = f"WordNet: {kind}, derivation of verb {named}"
    types = tuple(sorted({t for v in verbs for t in v.target_types})) if all(v.target_types for v in verbs) else ()
    owner = not agent and all(v.target_is_possessor for v in verbs)
    preps = tuple(p for p in _preps(verbs[0].relation, False, ("of",)) if p not in NOUN_AGENT_PREPS)
    return Entry(f"lex:wn_{slug(noun)}", noun, "NOUN", verbs[0].relation, code, WORDNET_STRENGTH, "wordnet", comment,
                 preps, target_types=types, target_is_possessor=owner, agent_preps=NOUN_AGENT_PREPS)


# ----------------------------------------------------------------------------------- Turtle

def _lit(text: str) -> str:
    """A Turtle string literal (PETRARCH2 comments may hold quotes)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _lits(values: Iterable[str], indent: str = "        ", width: int = 110) -> str:
    """Literals separated by commas, wrapped onto indented lines so no line grows past ``width``."""
    lines, line = [], ""
    for lit in (_lit(v) for v in values):
        if line and len(indent) + len(line) + len(lit) + 2 > width:
            lines.append(line + ",")
            line = ""
        line = f"{line}, {lit}" if line else lit
    return ("\n" + indent).join(lines + [line])


def entry_turtle(e: Entry) -> str:
    """One trigger block, in the layout of ontology/lexicon.ttl."""
    parts = [f"{e.iri} a ag:Trigger ; ag:lemma {_lit(e.lemma)} ; ag:pos {_lit(e.pos)} ; ag:relation ag:{e.relation} ;",
             f"    ag:cameoCode {_lit(e.cameo)} ; ag:strength {e.strength} ; ag:lexiconSource {_lit(e.source)} ;"]
    extra = []
    if e.target_preps:
        extra.append(f"ag:targetPrep {_lits(e.target_preps)}")
    if e.requires_object:
        extra.append(f"ag:requiresObject {_lits(e.requires_object)}")
    if e.reverse:
        extra.append("ag:reverse true")
    if e.target_types:
        extra.append("ag:targetType " + ", ".join(f"ag:{t}" for t in e.target_types))
    if e.target_is_possessor:
        extra.append("ag:targetIsPossessor true")
    if e.agent_preps:
        extra.append(f"ag:agentPrep {_lits(e.agent_preps)}")
    if extra:
        parts.append("    " + " ; ".join(extra) + " ;")
    parts.append(f"    rdfs:comment {_lit(e.comment)} .")
    return "\n".join(parts)


def _comment_block(text: str) -> list[str]:
    """Text as Turtle comment lines (licences are reproduced verbatim)."""
    return [("# " + line).rstrip() for line in text.splitlines()]


def header(sources: dict[str, str], entries: list[Entry], roles: list[str], skips: Skips) -> str:
    """The file's header: sources, versions, licences, how it was made, what was skipped."""
    by = Counter((e.source, e.relation) for e in entries)
    counts = [f"{s}/{r} {n}" for (s, r), n in sorted(by.items())]
    lines = ["# GENERATED by scripts/make_lexicon.py — do not edit; regenerate instead (from the repository root):",
             f"#     {sources['command']}",
             "#",
             "# Relation triggers drawn from two broad resources. Every entry carries ag:lexiconSource \"petrarch2\" or",
             "# \"wordnet\": graph/gazetteer.py puts it in gz.generated, consulted only for a (lemma, pos) that the",
             "# hand-written ontology/lexicon.ttl does not define (and no entry here repeats one that it does).",
             "#",
             f"# PETRARCH2: {sources['petrarch']} — openeventdata/petrarch2, commit {PETRARCH_COMMIT},",
             "#   petrarch2/data/dictionaries/CAMEO.2.0.txt (the CAMEO verb pattern dictionary).",
             f"# WordNet: {sources['wordnet']} — Princeton WordNet (Debian wordnet-base), data.verb, data.noun,",
             "#   index.verb, index.noun, noun.exc, verb.exc.",
             "#",
             "# How: a PETRARCH2 verb form, or an object pattern ('- * RELATIONS [160]', '- * {DIPLOMATIC LINK} [161]',",
             "# '- * &SET [code]' with a small set expanded), whose code maps to a relation through the ag:CameoMapping",
             "# prefixes of ontology/cameo.ttl becomes a VERB trigger (forms: strength 0.6; object patterns: 0.7, with",
             "# ag:requiresObject the singular lemma of the object's head word); codes are cut to the longest prefix",
             "# defined in ontology/cameo.ttl. Codes '[:NNN]' (the target does NNN to the source: 'RECEIVE BACKING')",
             "# give ag:reverse entries. WordNet: nouns derivationally related (pointer '+') to the first two senses",
             "# of every verb with a relation (the hand lexicon's unconditional verbs and PETRARCH2's plain ones)",
             "# become NOUN triggers (strength 0.6): noun.act/event/communication/state as event nouns, noun.person",
             "# as agent nouns, which are also added to the role_nouns word list.",
             "#",
             "# Entries by source/relation:"] + ["#   " + ", ".join(counts[i:i + 5]) for i in range(0, len(counts), 5)] + [
             f"# Totals: petrarch2 {sum(n for (s, _), n in by.items() if s == 'petrarch2')}, "
             f"wordnet {sum(n for (s, _), n in by.items() if s == 'wordnet')}; role nouns added: {len(roles)}",
             "#", "# Skipped (count, reason):"]
    lines += [f"#   {n:5d}  {reason}" for reason, n in sorted(skips.counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    lines += ["#"] + _comment_block(textwrap.fill(
        f"Stop list (no plain entry, no WordNet nouns): {', '.join(sorted(STOP_VERBS))}. Function verbs (no plain "
        f"entry): those of the hand lexicon's word lists {', '.join(FUNCTION_VERB_LISTS)}.", 106))
    lines += ["#", "# ---- PETRARCH2 licence", "#"]
    lines += _comment_block(PETRARCH_LICENCE)
    lines += ["#", "# ---- WordNet 3.0 licence (from Debian's wordnet-base copyright file)", "#"]
    lines += _comment_block(WORDNET_LICENCE)
    return "\n".join(lines)


PREFIXES = """@prefix ag:    <https://w3id.org/actorgraph/ontology#> .
@prefix lex:   <https://w3id.org/actorgraph/lexicon#> .
@prefix rdfs:  <http://www.w3.org/2000/01/rdf-schema#> ."""


def render(sources: dict[str, str], entries: list[Entry], roles: list[str], roles_iri: str, skips: Skips) -> str:
    """The whole file: header, prefixes, PETRARCH2 entries, WordNet entries, role nouns."""
    entries = sorted(entries, key=lambda e: (e.source, e.iri))
    iris = Counter(e.iri for e in entries)
    if (dup := [i for i, n in iris.items() if n > 1]):
        raise SystemExit(f"make_lexicon: duplicate trigger IRIs {dup[:5]}")
    out = [header(sources, entries, roles, skips), "", PREFIXES]
    for source in ("petrarch2", "wordnet"):
        out += ["", f"# ------------------------------------------------------------------ {source}", ""]
        out += [entry_turtle(e) for e in entries if e.source == source]
    if roles:
        out += ["", "# ------------------------------------------------------------------ agent nouns are role nouns", "",
                f"{roles_iri} ag:word {_lits(sorted(roles))} ."]
    return "\n".join(out) + "\n"


# ----------------------------------------------------------------------------------- main

def _curated(entries: list[Entry], onto: Ontology, skips: Skips) -> list[Entry]:
    """Leave out the lemmas the hand lexicon's ``generated_exclusions`` list names: words whose
    CAMEO reading is not an act between actors in news use ('exult', 'arrive', 'compensate')."""
    excluded = onto.word_lists.get("generated_exclusions", frozenset())
    kept = [e for e in entries if e.lemma not in excluded]
    skips.add("entries the hand lexicon's generated_exclusions list curates out", len(entries) - len(kept))
    return kept


def generate(petrarch: Path, wordnet: Path | None, ontology: Path = ONTOLOGY, strict: bool = True) -> str:
    """Read both resources and return the Turtle text."""
    skips = Skips()
    onto = read_ontology(ontology)
    wn = read_wordnet(wordnet) if wordnet is not None else None
    path = petrarch / PETRARCH_FILE if petrarch.is_dir() else petrarch
    entries = petrarch_entries(read_petrarch(path, wn, skips), onto, skips, wn if strict else None)
    kept = [e for e in entries if (e.lemma, e.pos) not in onto.hand]
    skips.add("PETRARCH2 entries whose (lemma, pos) the hand lexicon defines", len(entries) - len(kept))
    kept = _curated(kept, onto, skips)
    roles: list[str] = []
    if wn is not None:
        nouns, roles = wordnet_entries(wn, onto, kept, skips)
        kept += _curated(nouns, onto, skips)
        excluded = onto.word_lists.get("generated_exclusions", frozenset())
        roles = [r for r in roles if r not in excluded]
    sources = {"petrarch": f"{PETRARCH_FILE} (MIT)",
               "wordnet": (wn.version if wn else "not used") + " (WordNet 3.0 licence)",
               "command": "python scripts/make_lexicon.py" + ("" if strict else " --loose-inheritance")}
    return render(sources, kept, roles, onto.roles_iri, skips)


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file, so a failed run never leaves a half-written lexicon for the loader."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def check_sources(petrarch: Path) -> None:
    """Warn if the vendored PETRARCH2 is not the commit this script names in its output."""
    readme = petrarch / "README.md"
    if readme.exists() and PETRARCH_COMMIT not in readme.read_text(encoding="utf-8"):
        warn(f"{readme} does not name commit {PETRARCH_COMMIT}; update PETRARCH_COMMIT")


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--petrarch", type=Path, default=DEFAULT_PETRARCH, help="PETRARCH2 dictionaries folder")
    ap.add_argument("--wordnet", type=Path, default=DEFAULT_WORDNET, help="WordNet dict folder (data.verb ...)")
    ap.add_argument("-o", "--out", type=Path, default=DEFAULT_OUT, help="output Turtle file")
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if the file on disk differs")
    ap.add_argument("--loose-inheritance", dest="strict_inheritance", action="store_false",
                    help="let every form of a PETRARCH2 block take the block's code and keep plain verbs of any "
                         "WordNet verb file (more entries, less precise)")
    ap.add_argument("--strict-inheritance", dest="strict_inheritance", action="store_true", default=True,
                    help="a form without its own code takes its block's code only if WordNet makes it a synonym "
                         "of the block's head verb (fewer, more precise entries)")
    args = ap.parse_args(argv)
    for p, name in ((args.petrarch, "PETRARCH2"), (args.wordnet, "WordNet")):
        if not p.exists():
            ap.error(f"{name} not found at {p}")
    check_sources(args.petrarch)
    text = generate(args.petrarch, args.wordnet, strict=args.strict_inheritance)
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: " + ("up to date" if same else "stale"))
        return 0 if same else 1
    write_atomic(args.out, text)
    print(f"wrote {args.out} ({text.count(' a ag:Trigger ;')} triggers)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
