"""Read the knowledge the extractor runs on — actors, aliases, offices, triggers, CAMEO — from Turtle.

Nothing about particular countries or verbs is written in Python: everything comes from the ``.ttl``
files under ``ontology/`` (and any ``--actors extra.ttl`` a user adds), so coverage grows by adding
Turtle. This module turns those triples into plain lookup tables for the nlp and extract stages.
"""
from __future__ import annotations

import json
import unicodedata

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import OWL, SKOS

from .errors import ActorgraphError
from .model import Actor
from .namespaces import AG, CAMEO, ONTOLOGY_DIR, WD
from .vocabulary import ACTOR_TYPES, VOCABULARY, Vocabulary, read_vocabulary

__all__ = ["ACTOR_TYPES", "Alias", "Gazetteer", "GazetteerError", "Trigger", "knowledge_files", "load", "vocabulary_of"]
NOT_KNOWLEDGE = {"shapes.ttl"}  # SHACL shapes are checked against the graph, not read as knowledge


class GazetteerError(ActorgraphError):
    """A Turtle file under ontology/ (or a user dictionary) cannot be read."""


@dataclass(frozen=True)
class Alias:
    """One surface form that names an actor. ``kind`` tells how: name, capital, demonym or part."""

    text: str
    actor: str
    kind: str  # name | capital | demonym | part
    sector: str | None = None


@dataclass(frozen=True)
class Trigger:
    """A word that signals an interaction, as declared in ``ontology/lexicon.ttl``."""

    lemma: str
    pos: str  # VERB | NOUN | ADJ
    relation: str
    cameo: str
    strength: float
    target_preps: tuple[str, ...] = ()
    agent_preps: tuple[str, ...] = ("by",)
    between_mutual: bool = False  # "hostilities between A and B": A→B and B→A
    compound_is_venue: bool = False  # "Oman talks": a place, not a party
    negated_relation: str | None = None  # "cannot accept X's demands" -> opposes
    negated_cameo: str | None = None
    requires_object: tuple[str, ...] = ()  # "broaden the talks": only with these object lemmas
    excludes_object: tuple[str, ...] = ()  # "close TRADE ties" is no alliance: never with these
    target_is_possessor: bool = False  # "include Iran's missile programme": the owner is the target
    recipient_from_governor: bool = False  # "Iran cannot accept US demands": the demand's target is Iran
    reverse: bool = False  # "Kyiv received aid from X" style: subject is the target
    target_types: tuple[str, ...] = ()  # "leaving ECOWAS": only when the target is an Organisation
    excluded_targets: frozenset[str] = frozenset()  # ids (lower case) a target may not be: courts for a complaint
    label_words: tuple[str, ...] = ()  # "called the move RECKLESS": only with such a word in the clause
    object_is_theme: bool = False  # "supplied weapons TO X": the object is what is given
    object_is_agent: bool = False  # "received Somalia's president": only when the object is someone, not "the Russian tanker"
    complements: tuple[str, ...] = ()  # "vowed to RETALIATE": only with one of these complement verbs
    complement_modals: tuple[str, ...] = ()  # "said Iraq MUST dismantle…": only with such a modal in the complement
    source: str = "lexicon"  # where the entry comes from: the hand-written lexicon, petrarch2 or wordnet


@dataclass(frozen=True)
class DependencyPattern:
    """A sentence shape as data (``ontology/patterns.ttl``): spaCy DependencyMatcher node dicts whose node
    ids name roles (TRIGGER, SOURCE, TARGET), the relation they give, guards by name, an example."""

    name: str
    relation: str
    cameo: str
    strength: float
    nodes: tuple[dict, ...]
    guards: tuple[str, ...] = ()
    mutual: bool = False
    example: str = ""
    expects: tuple[str, ...] = ()


@dataclass
class Gazetteer:
    """Lookup tables built from the ontology Turtle files."""

    graph: Graph
    schema: Graph
    actors: dict[str, Actor] = field(default_factory=dict)
    aliases: list[Alias] = field(default_factory=list)
    triggers: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)
    # entries generated from broad resources (ag:lexiconSource "petrarch2" / "wordnet", ontology/lexicon_generated.ttl):
    # consulted only for a (lemma, part of speech) the hand-written lexicon does not define
    generated: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)
    titles: dict[str, str | None] = field(default_factory=dict)  # lower-case title -> sector
    title_heads: dict[str, str | None] = field(default_factory=dict)  # "minister", "envoy", "chief" -> sector
    # "secretary of state" -> USA: offices only one state's news names so (ag:NationalTitle)
    national_titles: dict[str, str] = field(default_factory=dict)
    place_index: dict[str, str] = field(default_factory=dict)  # lower-case state name, capital or city -> actor
    agent_nouns: dict[str, str | None] = field(default_factory=dict)  # "officials" -> GOV
    lemma_fixes: dict[str, str] = field(default_factory=dict)  # "waged" -> "wage" (the model says "wag")
    cameo: dict[str, tuple[str, float, int]] = field(default_factory=dict)  # code -> label, goldstein, quad
    relations: dict[str, dict] = field(default_factory=dict)  # name -> cameo, quad, sign, label, colour
    # the relations and actor types these files declare (graph.vocabulary), user Turtle included
    vocabulary: Vocabulary = VOCABULARY
    episodes: list[dict] = field(default_factory=list)
    words: dict[str, frozenset[str]] = field(default_factory=dict)  # named word lists (modals, speech verbs...)
    cased_words: dict[str, frozenset[str]] = field(default_factory=dict)  # the same, as written (names)
    members: dict[str, set[str]] = field(default_factory=dict)
    neighbours: dict[str, set[str]] = field(default_factory=dict)  # state -> states it borders ("the two neighbours")
    refinements: list[tuple[str, frozenset[str], str]] = field(default_factory=list)  # relation, words, code
    anaphors: dict[str, frozenset[str]] = field(default_factory=dict)  # "group" -> {"ArmedGroup"}
    contextual_names: dict[str, str] = field(default_factory=dict)  # "North" -> "PRK" where PRK is named
    contextual_bare: set[str] = field(default_factory=set)  # contextual names used without "the" (ag:bare)
    # "emirate" -> {"QAT", "ARE", "KWT"}: the only actors a noun can refer back to (ag:onlyActor)
    anaphor_actors: dict[str, frozenset[str]] = field(default_factory=dict)
    # "baltic" -> {"EST", "LVA", "LTU"}: a modifier that narrows a definite anaphor (ag:EpithetModifier)
    epithets: dict[str, frozenset[str]] = field(default_factory=dict)
    institution_anaphors: set[str] = field(default_factory=set)  # "army", "government" (ag:institution)
    # a known person's name parts, label and aliases ("recep", "tayyip", "erdogan", …): a longer name
    # ending in one of their aliases is theirs only if its other parts are among these (see name_words)
    person_words: dict[str, frozenset[str]] = field(default_factory=dict)
    patterns: list[DependencyPattern] = field(default_factory=list)  # ontology/patterns.ttl

    def goldstein(self, code: str) -> float:
        """Goldstein score of a CAMEO code, falling back to its parent codes."""
        for n in range(len(code), 1, -1):
            if code[:n] in self.cameo:
                return self.cameo[code[:n]][1]
        return 0.0

    def quad(self, code: str) -> int:
        root = code[:2]
        if root in self.cameo:
            return self.cameo[root][2]
        return 0

    def word_list(self, name: str) -> frozenset[str]:
        return self.words.get(name, frozenset())

    def word_list_cased(self, name: str) -> frozenset[str]:
        """A word list as written in the Turtle (for names, which are matched case-sensitively)."""
        return self.cased_words.get(name, frozenset())


def name_words(names: Iterable[str]) -> frozenset[str]:
    """The parts of a person's names, split at spaces and hyphens, each as its consonant skeleton, so
    that transliterations agree (Mohammed, Mohamed, Muhammad: "mhmd"; Erdoğan, Erdogan: "rdgn").

    >>> sorted(name_words(["Recep Tayyip Erdoğan", "Erdogan"]))
    ['rcp', 'rdgn', 'tp']
    """
    return frozenset(_skeleton(w) for n in names for w in n.replace("-", " ").split() if _skeleton(w))


def _skeleton(word: str) -> str:
    """Lower case, accents and vowels dropped, doubled letters single ('Micheál' -> 'mchl')."""
    plain = unicodedata.normalize("NFKD", word.lower())
    letters = [c for c in plain if c.isalpha() and c.isascii() and c not in "aeiouy"]
    return "".join(c for i, c in enumerate(letters) if i == 0 or c != letters[i - 1])


def knowledge_files(directory: Path = ONTOLOGY_DIR) -> list[Path]:
    """Every Turtle file under ``directory`` the extractor reads (SHACL shapes are checked, not read)."""
    files = sorted(p for p in directory.rglob("*.ttl") if p.name not in NOT_KNOWLEDGE)
    if not files:
        raise GazetteerError(f"no Turtle files under {directory}")
    return files


def _parse(files: Iterable[Path]) -> Graph:
    g = Graph()
    for path in files:
        try:
            g.parse(path, format="turtle")
        except FileNotFoundError:
            raise GazetteerError(f"{path}: no such file") from None
        except Exception as exc:  # rdflib raises many parser exception types
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise GazetteerError(f"{path}: not valid Turtle ({first})") from None
    return g


def _str(g: Graph, s: URIRef, p: URIRef) -> str | None:
    v = g.value(s, p)
    return str(v) if v is not None else None


def _strs(g: Graph, s: URIRef, p: URIRef) -> list[str]:
    return sorted(str(o) for o in g.objects(s, p))


def _local(iri: URIRef | None) -> str | None:
    if iri is None:
        return None
    s = str(iri)
    return s[len(str(AG)):] if s.startswith(str(AG)) else s.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def load(extra: Iterable[Path | str] = (), directory: Path = ONTOLOGY_DIR) -> Gazetteer:
    """Read every knowledge file under ``directory`` plus user dictionaries in ``extra``.

    A user file may add actors or override them: for an actor it redefines, its aliases replace the
    built-in ones (so a user can drop a misleading alias), and its label/type win. It may declare
    relation types too (see ``graph.vocabulary``).

    >>> gz = load()
    >>> gz.actors["OMN"].label, [a.text for a in gz.aliases if a.actor == "OMN" and a.kind == "capital"]
    ('Oman', ['Muscat'])
    >>> [t.relation for t in gz.triggers[("mediate", "VERB")]], gz.vocabulary["mediates"].cameo
    (['mediates'], '045')
    """
    base = _parse(knowledge_files(directory))
    schema = _parse([directory / "actorgraph.ttl"])
    extra = [Path(p) for p in extra]
    if extra:
        user = _parse(extra)
        _merge_user(base, schema, user)
    gz = Gazetteer(graph=base, schema=schema)
    _read_actors(gz)
    _index_places(gz)
    _read_lexicon(gz)
    _read_cameo(gz)
    _read_patterns(gz)
    _drop_states_of_affairs(gz)
    return gz


def _read_patterns(gz: Gazetteer) -> None:
    """The ag:DependencyPattern entries; a pattern whose JSON does not parse is refused with its name."""
    g = gz.graph
    for s in sorted(g.subjects(RDF.type, AG.DependencyPattern)):
        name = _str(g, s, RDFS.label) or _local(s)
        try:
            nodes = tuple(json.loads(_str(g, s, AG.pattern) or "[]"))
        except json.JSONDecodeError as err:
            raise GazetteerError(f"pattern {name}: ag:pattern is not valid JSON ({err.msg})") from None
        if not nodes or nodes[0].get("RIGHT_ID") != "TRIGGER":
            raise GazetteerError(f"pattern {name}: the first node must be TRIGGER")
        gz.patterns.append(DependencyPattern(
            name=name, relation=_local(g.value(s, AG.relation)), cameo=_str(g, s, AG.cameoCode) or "",
            strength=float(_str(g, s, AG.strength) or 0.7), nodes=nodes, guards=tuple(sorted(_strs(g, s, AG.guard))),
            mutual=str(g.value(s, AG.mutual)).lower() == "true", example=_str(g, s, SKOS.example) or "",
            expects=tuple(sorted(_strs(g, s, AG.expects)))))


SCHEMA_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


def _merge_user(base: Graph, schema: Graph, user: Graph) -> None:
    """Merge a user's Turtle into the knowledge graph. For an actor it redefines, its aliases, label and
    type replace the built-in ones. Classes and properties it declares (a new relation type) join the
    schema too, so that they reach the exported graph just as the built-in ones do."""
    redefined = {s for s in user.subjects(RDF.type, None)} | {s for s in user.subjects(AG.alias, None)}
    for s in redefined:
        for p in (AG.alias, RDFS.label, RDF.type, AG.capital, AG.demonym, AG.partName):
            if (s, p, None) in user:
                base.remove((s, p, None))
    base += user
    declared = {s for t in SCHEMA_TYPES for s in user.subjects(RDF.type, t)}
    for s in declared:
        for p, o in user.predicate_objects(s):
            schema.add((s, p, o))


def vocabulary_of(extra: Iterable[Path | str] = (), directory: Path = ONTOLOGY_DIR) -> Vocabulary:
    """The relations and actor types of the ontology plus those ``extra`` Turtle files declare, without
    reading the rest of the knowledge (a gold file is checked against it before the model loads).

    >>> "blockades" in vocabulary_of()
    False
    """
    return read_vocabulary(_parse([directory / "actorgraph.ttl", *(Path(p) for p in extra)]))


def _read_actors(gz: Gazetteer) -> None:
    g = gz.graph
    for type_name in ACTOR_TYPES:
        for s in g.subjects(RDF.type, AG[type_name]):
            if not isinstance(s, URIRef) or not str(s).startswith(str(AG)):
                continue
            aid = _local(s)
            label = _str(g, s, RDFS.label) or aid
            wikidata = None
            for o in g.objects(s, OWL.sameAs):
                if str(o).startswith(str(WD)):
                    wikidata = str(o)[len(str(WD)):]
            affiliation = _local(g.value(s, AG.affiliatedWith))
            gz.actors[aid] = Actor(id=aid, label=label, type=type_name, wikidata=wikidata, affiliation=affiliation)
            names = set(_strs(g, s, AG.alias)) | {label}
            for text in sorted(names):
                gz.aliases.append(Alias(text, aid, "name"))
            if type_name == "Person":
                gz.person_words[aid] = name_words(names)
            for text in _strs(g, s, AG.capital):
                gz.aliases.append(Alias(text, aid, "capital", "GOV"))
            for text in _strs(g, s, AG.demonym):
                gz.aliases.append(Alias(text, aid, "demonym"))
            for text in _strs(g, s, AG.city):
                gz.aliases.append(Alias(text, aid, "city"))
            for text in _strs(g, s, AG.partName):
                name, _, sector = text.partition("|")
                gz.aliases.append(Alias(name.strip(), aid, "part", sector.strip() or "GOV"))
            for group in g.objects(s, AG.memberOf):
                gz.members.setdefault(_local(group), set()).add(aid)
            for other in g.objects(s, AG.neighbourOf):  # symmetric, whichever side a file states it on
                gz.neighbours.setdefault(aid, set()).add(_local(other))
                gz.neighbours.setdefault(_local(other), set()).add(aid)


def _index_places(gz: Gazetteer) -> None:
    """Places by lower-case name (datelines are written in capitals: "ADDIS ABABA"); a name that two
    states share is left out rather than guessed."""
    seen: dict[str, set[str]] = {}
    for a in gz.aliases:
        if a.kind in ("name", "capital", "city") and gz.actors[a.actor].type == "State":
            seen.setdefault(a.text.lower(), set()).add(a.actor)
    gz.place_index = {text: next(iter(actors)) for text, actors in seen.items() if len(actors) == 1}


def _bool(g: Graph, s: URIRef, p: URIRef) -> bool:
    v = g.value(s, p)
    return bool(v.toPython()) if isinstance(v, Literal) else False


def _read_lexicon(gz: Gazetteer) -> None:
    """Everything the rules look words up in: triggers, titles, word lists, anaphors, episodes,
    relations — one reader per kind of lexicon entry."""
    _read_triggers(gz)
    _read_titles(gz)
    _read_word_lists(gz)
    _read_anaphors(gz)
    _read_refinements(gz)
    _read_episodes(gz)
    _read_relations(gz)


def _check_single_valued(g: Graph, s: URIRef) -> None:
    """Two triggers given one IRI (in one file or two) merge into one node with two relations; say so
    rather than let one win at random."""
    for p in (AG.relation, AG.strength, AG.cameoCode, AG.negatedRelation):
        if len(set(g.objects(s, p))) > 1:
            raise GazetteerError(f"trigger {_local(s)} has more than one {_local(p)}: "
                                 "two trigger definitions share this IRI; rename one")


def _listed_words(g: Graph, s: URIRef, p: URIRef) -> tuple[str, ...]:
    """The words of the ag:WordList nodes ``s`` names through ``p`` (one list of traded goods read by
    every trade entry, instead of a copy in each)."""
    return tuple(sorted(w for lst in g.objects(s, p) for w in _strs(g, lst, AG.word)))


def _trigger(g: Graph, s: URIRef, lemma: str, pos: str) -> Trigger:
    """One (lemma, part of speech) of an ag:Trigger node, with the node's constraints."""
    rel_node = g.value(s, AG.relation)
    neg_rel = g.value(s, AG.negatedRelation)
    return Trigger(
        lemma=lemma, pos=pos, relation=_local(rel_node),
        cameo=_str(g, s, AG.cameoCode) or _str(g, rel_node, AG.cameoCode) or "",
        strength=float(g.value(s, AG.strength) or 0.7),
        target_preps=tuple(_strs(g, s, AG.targetPrep)),
        agent_preps=tuple(_strs(g, s, AG.agentPrep)) or ("by",),
        between_mutual=_bool(g, s, AG.betweenMutual),
        compound_is_venue=_bool(g, s, AG.compoundIsVenue),
        negated_relation=_local(neg_rel) if neg_rel is not None else None,
        negated_cameo=_str(g, s, AG.negatedCameoCode),
        requires_object=tuple(_strs(g, s, AG.requiresObject)) + _listed_words(g, s, AG.requiresObjectFrom),
        excludes_object=tuple(_strs(g, s, AG.excludesObject)) + _listed_words(g, s, AG.excludesObjectFrom),
        target_is_possessor=_bool(g, s, AG.targetIsPossessor),
        recipient_from_governor=_bool(g, s, AG.recipientFromGovernor),
        reverse=_bool(g, s, AG.reverse),
        complements=tuple(_strs(g, s, AG.requiresComplement)),
        object_is_theme=_bool(g, s, AG.objectIsTheme),
        object_is_agent=_bool(g, s, AG.objectIsAgent),
        label_words=tuple(w.lower() for w in _strs(g, s, AG.requiresLabel)),
        target_types=tuple(sorted(_local(t) for t in g.objects(s, AG.targetType))),
        excluded_targets=frozenset(_listed_words(g, s, AG.excludesTargetFrom)),
        complement_modals=tuple(w.lower() for w in _strs(g, s, AG.requiresModal)),
        source=_str(g, s, AG.lexiconSource) or "lexicon",
    )


def _read_triggers(gz: Gazetteer) -> None:
    """Hand-written entries go to ``gz.triggers``; generated ones (PETRARCH2, WordNet) to
    ``gz.generated``, consulted only where the hand-written lexicon is silent."""
    g = gz.graph
    for s in g.subjects(RDF.type, AG.Trigger):
        _check_single_valued(g, s)
        for lemma in _strs(g, s, AG.lemma):
            for pos in _strs(g, s, AG.pos) or ["VERB"]:
                trig = _trigger(g, s, lemma, pos)
                table = gz.triggers if trig.source == "lexicon" else gz.generated
                table.setdefault((lemma, pos), []).append(trig)


def _read_titles(gz: Gazetteer) -> None:
    """Title words that make a PERSON an official, agent nouns ("officials") and lemma fixes."""
    g = gz.graph
    for s in g.subjects(RDF.type, AG.TitleTerm):
        sector = _local(g.value(s, AG.sector))
        for t in _strs(g, s, AG.title):
            gz.titles[t.lower()] = sector
            head = t.lower().split(" of ")[0].split()[-1]  # "Minister of Foreign Affairs" -> minister
            gz.title_heads.setdefault(head, sector)
    for s in g.subjects(RDF.type, AG.NationalTitle):
        state = _local(g.value(s, AG.ofState))
        for t in _strs(g, s, AG.title):
            gz.national_titles[t.lower()] = state
    for s in g.subjects(RDF.type, AG.AgentNoun):
        sector = _local(g.value(s, AG.sector))
        for t in _strs(g, s, AG.lemma):
            gz.agent_nouns[t.lower()] = sector
    for s in g.subjects(RDF.type, AG.LemmaFix):
        lemma = _str(g, s, AG.lemma)
        for form in _strs(g, s, AG.form):
            gz.lemma_fixes[form.lower()] = lemma


def _read_word_lists(gz: Gazetteer) -> None:
    """Named word lists (modals, speech verbs …), lower-cased and as written."""
    g = gz.graph
    for s in g.subjects(RDF.type, AG.WordList):
        name = _str(g, s, RDFS.label)
        if name in gz.words:  # the second list would silently replace the first for every rule that reads it
            raise GazetteerError(f"two word lists are labelled {name!r} (one is {_local(s)}): rename one")
        if name:
            gz.words[name] = frozenset(w.lower() for w in _strs(g, s, AG.word))
            gz.cased_words[name] = frozenset(_strs(g, s, AG.word))


def _read_anaphors(gz: Gazetteer) -> None:
    """Nouns that refer back to an actor ("the group"), and names that need context ("the North")."""
    g = gz.graph
    for s in g.subjects(RDF.type, AG.AnaphoricNoun):
        types = frozenset(_local(t) for t in g.objects(s, AG.actorType))
        only = frozenset(_local(a) for a in g.objects(s, AG.onlyActor))
        for lemma in _strs(g, s, AG.lemma):
            gz.anaphors[lemma.lower()] = gz.anaphors.get(lemma.lower(), frozenset()) | types
            if _bool(g, s, AG.institution):
                gz.institution_anaphors.add(lemma.lower())
            if only:
                gz.anaphor_actors[lemma.lower()] = gz.anaphor_actors.get(lemma.lower(), frozenset()) | only
    for s in g.subjects(RDF.type, AG.EpithetModifier):
        allowed = {_local(a) for a in g.objects(s, AG.onlyActor)}
        for group in g.objects(s, AG.membersOf):
            allowed |= gz.members.get(_local(group), set())
        for word in _strs(g, s, AG.word):
            gz.epithets[word.lower()] = gz.epithets.get(word.lower(), frozenset()) | frozenset(allowed)
    for s in g.subjects(RDF.type, AG.ContextualName):
        actor = g.value(s, AG.standsFor)
        for text in _strs(g, s, AG.word):
            if actor is not None:
                gz.contextual_names[text] = _local(actor)
                if g.value(s, AG.bare) is not None and g.value(s, AG.bare).toPython() is True:
                    gz.contextual_bare.add(text)


def _read_refinements(gz: Gazetteer) -> None:
    """Words that refine a relation's CAMEO code ("airstrike" -> 195), sorted for a stable order."""
    g = gz.graph
    for s in g.subjects(RDF.type, AG.CodeRefinement):
        gz.refinements.append((_local(g.value(s, AG.relation)), frozenset(w.lower() for w in _strs(g, s, AG.word)),
                               _str(g, s, AG.cameoCode) or ""))
    gz.refinements.sort()


def _read_episodes(gz: Gazetteer) -> None:
    """Named, dated episodes ("the 12-day war") that date the interactions during them."""
    g = gz.graph
    for s in g.subjects(RDF.type, AG.Episode):
        gz.episodes.append({
            "id": _local(s),
            "label": _str(g, s, RDFS.label) or _local(s),
            "aliases": [a.lower() for a in _strs(g, s, AG.alias)],
            "start": _str(g, s, AG.startDate),
            "end": _str(g, s, AG.endDate),
        })


def _read_relations(gz: Gazetteer) -> None:
    """The interaction types these files declare (user Turtle may add one), through graph.vocabulary."""
    gz.vocabulary = read_vocabulary(gz.graph)
    gz.relations = {r.name: r.as_dict() for r in gz.vocabulary}


def _drop_states_of_affairs(gz: Gazetteer) -> None:
    """'tensions between A and B' is no interaction (the annotation guidelines): a generated noun entry
    for such a word ("dispute" derived from the verb "dispute") is dropped."""
    for word in gz.word_list("state_of_affairs_nouns"):
        gz.generated.pop((word, "NOUN"), None)


def _read_cameo(gz: Gazetteer) -> None:
    g = gz.graph
    for s in g.subjects(RDF.type, AG.CameoEvent):
        code = _str(g, s, AG.code) or str(s)[len(str(CAMEO)):]
        quad_node = g.value(s, AG.quadClass)
        quad = int(g.value(quad_node, AG.quadCode) or 0) if quad_node is not None else 0
        gz.cameo[code] = (_str(g, s, RDFS.label) or code, float(g.value(s, AG.goldstein) or 0.0), quad)
