"""Find actors, officials and interactions in a parsed document.

How it works, in the order a reader would check a claim:

1. **Mentions.** The entity ruler (see ``graph.nlp``) has marked every gazetteer alias with its actor.
   A capital or country after a locative preposition ("talks in Muscat") is a place, not an actor.
   PERSON entities with a title ("Iranian Foreign Minister Abbas Araghchi", "Araghchi, Iran's foreign
   minister") become officials with an Office; later surname-only mentions and an unambiguous
   "the foreign minister" are the same person.
2. **Triggers.** Every token whose (lemma, part of speech) is in ``ontology/lexicon.ttl`` is a
   candidate. Its arguments come from the dependency parse: subject / passive agent / object /
   preposition objects for verbs; possessor, modifiers, "by"-phrases and light-verb subjects for nouns
   ("Washington's plea to Jerusalem", "Israel launched strikes on Iran"); coordination expands both
   sides ("the US and Iran met"); control verbs pass their object on ("urged Israel to refrain").
3. **Modality.** Negation, modal auxiliaries, conditionals, intent verbs ("plans to strike") and
   reported speech ("Israeli officials said") are read off the clause; they are kept but flagged.
4. **Time.** The closest date expression in the sentence, normalised against the document date; a
   named episode ("the 12-day clash") dates an interaction that has no more precise date.
5. **Document context.** "The two allies" and parties of mediation the sentence leaves implicit are
   resolved from the document's earlier, salient interactions — with a lower confidence.

Every interaction keeps the sentence, the trigger offsets and the rule (``path``) that found it.

The package, one module per job:

- ``mentions`` — which tokens name which actor; officials and their offices;
- ``arguments`` — which actors a noun phrase or a clause's subject stands for;
- ``triggers`` — which lexicon entries a token instantiates;
- ``frames`` — the :class:`~graph.extract.frames.Frame` a trigger builds and its ``emit``;
- ``verbs`` / ``nouns`` — the steps that fill a verb's or a noun's frame, one construction each;
- ``modality``, ``when`` — is it asserted, reported, hypothetical or negated; when did it happen;
- ``mediation``, ``threats`` — two relations whose parties come in pairs or through a complement;
- ``discourse`` — document-level steps (denied claims, implicit mediation parties, deduplication);
- ``document`` — one parsed document in, one Extraction out; ``pool`` — the same in worker processes.
"""
from __future__ import annotations

from .document import extract, extract_doc
from .pool import ExtractorPool, extract_parallel
from .when import infer_doc_date

__all__ = ["extract", "extract_doc", "extract_parallel", "ExtractorPool", "infer_doc_date"]
