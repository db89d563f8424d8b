"""The interaction types and actor types, read from the ontology: the one place they are defined.

Every stage needs to know which relations exist, which of them are symmetric, whether they are
cooperation or conflict, their CAMEO quad class, their colour and which analyses they feed. All of
that is stated once, in ``ontology/actorgraph.ttl``, on the sub-properties of ``ag:interactsWith``
(``ag:sign``, ``ag:quadClass``, ``ag:colour``, ``ag:feedsAnalysis``, ``ag:extractionRole``, ``ag:carriedBy``,
``owl:SymmetricProperty``) and on
the sub-classes of ``ag:Actor`` (``ag:typePrecedence``, ``ag:entityLabel``). This module turns those triples into a
:class:`Vocabulary`; adding a relation type means adding Turtle, not finding tuples in Python.

Relations come in CAMEO code order (``ag:cameoCode``, then name), which is the order reports, the page
legend and the evaluation tables list them in. Actor types come in ``ag:typePrecedence`` order: when an
actor carries several types, the first one names it.

>>> VOCABULARY.names[:3]
('pressures', 'mediates', 'negotiatesWith')
>>> VOCABULARY["alliedWith"].symmetric, VOCABULARY["attacks"].sign, VOCABULARY["demands"].quad
(True, -1, 3)
>>> VOCABULARY.feeding("pressure")
('pressures', 'demands', 'threatens')
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import OWL

from .namespaces import AG, ONTOLOGY_DIR

__all__ = [
    "ACTOR_TYPES", "RELATIONS", "SYMMETRIC", "VOCABULARY", "Relation", "Vocabulary", "load_vocabulary",
    "read_vocabulary",
]

DEFAULT_COLOUR = "#888888"  # a relation the ontology gives no ag:colour is drawn grey


@dataclass(frozen=True)
class Relation:
    """One interaction type (a sub-property of ``ag:interactsWith``) and the facts the stages need."""

    name: str
    label: str
    cameo: str  # default CAMEO event code (ag:cameoCode)
    root: str  # CAMEO root code (ag:cameoRoot)
    quad: int  # CAMEO quad class code, 1-4 (0 when the ontology gives none)
    quad_class: str  # the quad class's local name: "VerbalConflict"
    sign: int  # +1 cooperation, -1 conflict: the edge sign in the signed network
    colour: str
    symmetric: bool  # owl:SymmetricProperty: A rel B is B rel A
    analyses: frozenset[str]  # ag:feedsAnalysis: "pressure", "mediation"
    roles: frozenset[str] = frozenset()  # ag:extractionRole: "mediation", "talks", "agreement", "force"
    carried_by: tuple[str, ...] = ()  # ag:carriedBy: word lists whose verbs carry the act ("seeks to ...")

    def as_dict(self) -> dict:
        """The plain-dict form the gazetteer has always exposed as ``Gazetteer.relations[name]``."""
        return {"label": self.label, "cameo": self.cameo, "root": self.root, "quad": self.quad,
                "sign": self.sign, "colour": self.colour, "symmetric": self.symmetric}


@dataclass(frozen=True)
class Vocabulary:
    """The relations and actor types one ontology declares, in their canonical orders."""

    relations: tuple[Relation, ...]
    actor_types: tuple[str, ...]
    entity_labels: tuple[tuple[str, str], ...] = ()  # (actor type, spaCy NER label), from ag:entityLabel
    quad_classes: tuple[tuple[str, int], ...] = ()  # (ag:QuadClass local name, its ag:quadCode), by code

    def __iter__(self) -> Iterator[Relation]:
        return iter(self.relations)

    def __contains__(self, name: object) -> bool:
        return name in self.by_name

    def __getitem__(self, name: str) -> Relation:
        return self.by_name[name]

    # cached: the scorer asks for these once per triple it compares
    @cached_property
    def by_name(self) -> dict[str, Relation]:
        """Relation name -> Relation."""
        return {r.name: r for r in self.relations}

    @cached_property
    def names(self) -> tuple[str, ...]:
        """Relation names in CAMEO code order."""
        return tuple(r.name for r in self.relations)

    @cached_property
    def symmetric(self) -> frozenset[str]:
        """Relations compared and drawn without a direction."""
        return frozenset(r.name for r in self.relations if r.symmetric)

    @cached_property
    def quad(self) -> dict[str, int]:
        """Relation name -> CAMEO quad class code (1 verbal cooperation … 4 material conflict)."""
        return {r.name: r.quad for r in self.relations}

    @property
    def quad_codes(self) -> dict[str, int]:
        """CAMEO quad class name -> code: ``{"VerbalCooperation": 1, …, "MaterialConflict": 4}``."""
        return dict(self.quad_classes)

    def entity_label(self, actor_type: str) -> str:
        """The spaCy NER label the entity ruler gives an actor type's names (ORG when undeclared).

        >>> VOCABULARY.entity_label("State"), VOCABULARY.entity_label("Actor")
        ('GPE', 'ORG')
        """
        return dict(self.entity_labels).get(actor_type, "ORG")

    def feeding(self, analysis: str) -> tuple[str, ...]:
        """The relations whose ``ag:feedsAnalysis`` names ``analysis``, in CAMEO code order."""
        return tuple(r.name for r in self.relations if analysis in r.analyses)

    @cached_property
    def _by_role(self) -> dict[str, tuple[str, ...]]:
        return {role: tuple(r.name for r in self.relations if role in r.roles)
                for role in sorted({role for r in self.relations for role in r.roles})}

    def playing(self, role: str) -> tuple[str, ...]:
        """The relations whose ``ag:extractionRole`` is ``role``, in CAMEO code order (cached: the
        extraction rules ask once per candidate interaction).

        >>> VOCABULARY.playing("force"), VOCABULARY.playing("talks")
        (('attacks',), ('negotiatesWith',))
        """
        return self._by_role.get(role, ())

    def the(self, role: str) -> str:
        """The relation a rule emits for ``role`` (the first in CAMEO code order, should several play it).

        >>> VOCABULARY.the("mediation")
        'mediates'
        """
        names = self.playing(role)
        if not names:
            raise KeyError(f"no relation type has ag:extractionRole {role!r} in the ontology")
        return names[0]


def _local(iri: object) -> str:
    text = str(iri)
    return text[len(str(AG)):] if text.startswith(str(AG)) else text.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _int(value: object, default: int = 0) -> int:
    try:
        return int(value.toPython()) if value is not None else default  # type: ignore[union-attr]
    except (TypeError, ValueError, AttributeError):
        return default


def _relation(g: Graph, prop: URIRef) -> Relation:
    """One sub-property of ``ag:interactsWith`` as a Relation (missing facts take neutral defaults)."""
    name = _local(prop)
    quad_node = g.value(prop, AG.quadClass)
    return Relation(
        name=name,
        label=str(g.value(prop, RDFS.label) or name),
        cameo=str(g.value(prop, AG.cameoCode) or ""),
        root=str(g.value(prop, AG.cameoRoot) or ""),
        quad=_int(g.value(quad_node, AG.quadCode)) if quad_node is not None else 0,
        quad_class=_local(quad_node) if quad_node is not None else "",
        sign=_int(g.value(prop, AG.sign)),
        colour=str(g.value(prop, AG.colour) or DEFAULT_COLOUR),
        symmetric=(prop, RDF.type, OWL.SymmetricProperty) in g,
        analyses=frozenset(str(a) for a in g.objects(prop, AG.feedsAnalysis)),
        roles=frozenset(str(a) for a in g.objects(prop, AG.extractionRole)),
        carried_by=tuple(sorted(str(w) for w in g.objects(prop, AG.carriedBy))),
    )


def read_vocabulary(g: Graph) -> Vocabulary:
    """The vocabulary a graph declares: any graph holding the ontology (the file, the gazetteer's
    union with user Turtle, or the store's ontology graph)."""
    props = {p for p in g.subjects(RDFS.subPropertyOf, AG.interactsWith) if isinstance(p, URIRef)}
    relations = sorted((_relation(g, p) for p in props), key=lambda r: (r.cameo, r.name))
    classes = {c for c in g.subjects(RDFS.subClassOf, AG.Actor) if isinstance(c, URIRef)}
    ranked = sorted(classes, key=lambda c: (_int(g.value(c, AG.typePrecedence), 10**6), _local(c)))
    labels = tuple((_local(c), str(g.value(c, AG.entityLabel)))
                   for c in ranked if g.value(c, AG.entityLabel) is not None)
    quads = sorted((_int(g.value(q, AG.quadCode)), _local(q)) for q in g.subjects(RDF.type, AG.QuadClass))
    return Vocabulary(relations=tuple(relations), actor_types=tuple(_local(c) for c in ranked), entity_labels=labels,
                      quad_classes=tuple((name, code) for code, name in quads))


@lru_cache(maxsize=8)
def load_vocabulary(path: Path = ONTOLOGY_DIR / "actorgraph.ttl") -> Vocabulary:
    """The vocabulary of one Turtle file (cached: the stages ask for the default one often)."""
    g = Graph()
    g.parse(path, format="turtle")
    return read_vocabulary(g)


VOCABULARY = load_vocabulary()
RELATIONS: tuple[str, ...] = VOCABULARY.names
SYMMETRIC: frozenset[str] = VOCABULARY.symmetric
ACTOR_TYPES: tuple[str, ...] = VOCABULARY.actor_types
