"""Person names the way news writes them, repaired after spaCy's NER.

The small English model and the gazetteer's entity ruler cut names short in news copy:

- a first name that is also a place ("George" — a town in South Africa — in "George Glass",
  "Hassan" in "Hassan Sheikh Mohamud") is taken for the place;
- long Arabic, Persian and Burmese names are cut: "Badr bin Hamad" + a ruler match "al-Busaidi",
  "Min Aung" without "Hlaing";
- a name after a title is labelled an organisation ("U.S. envoy Morgan Ortagus"), or nothing at all
  ("National Security Adviser Ajit Doval").

The ``person_names`` component runs after the NER and merges such pieces into one PERSON span,
keeping the gazetteer id of a known person (``P_Badr_Albusaidi``). It needs only the parse and the
entity labels; the title words it checks come from the gazetteer (``ag:TitleTerm``).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

__all__ = ["PersonNames"]

PARTICLES = {"bin", "ibn", "bint", "al", "el", "abu", "abd", "ould", "van", "von", "de", "da", "di", "ben", "ter"}


def _name_part(tok: Token) -> bool:
    """A capitalised proper noun (or a name particle) that no other entity claims."""
    if tok.ent_type_ not in ("", "PERSON") or tok.is_punct and tok.text != "-":
        return False
    if tok.text == "-" or tok.lower_ in PARTICLES:
        return True
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and not tok.text.isupper()


def _person_id(span: Span) -> str:
    """The gazetteer person id inside a merged name, if any ('al-Busaidi' -> P_Badr_Albusaidi)."""
    return next((t.ent_id_ for t in span if t.ent_id_.startswith("P_")), "")


class PersonNames:
    """Merge the pieces of one person's name into a single PERSON entity (see the module docstring)."""

    def __init__(self, title_words: list[str], titles: list[str] = (), domain_words: list[str] = ()):
        self.title_words = {w.lower() for w in title_words}
        self.titles = {t.lower() for t in titles}
        self.domain_words = {w.lower() for w in domain_words}

    def _extend(self, doc: Doc, start: int, end: int) -> tuple[int, int]:
        """Grow a name over adjacent name parts and person entities ('Min Aung' + 'Hlaing';
        'Badr bin Hamad' + 'al-Busaidi'; 'Tayyip' + a ruler match 'Erdogan'), never over a title
        word or the domain word ending a title's 'for …' phrase ('… for Western Hemisphere Affairs Brian
        Nichols') and never ending on a particle or a hyphen."""
        while start > 0 and _name_part(doc[start - 1]) and doc[start - 1].lower_ not in self.title_words \
                and doc[start - 1].lower_ not in self.domain_words \
                and doc[start - 1].text != "-" and not doc[start].is_sent_start:
            start -= 1
        while end < len(doc) and not doc[end - 1].whitespace_ == "\n" and _name_part(doc[end]) \
                and doc[end].sent == doc[start].sent:
            end += 1
        while end - start > 1 and (doc[end - 1].lower_ in PARTICLES or doc[end - 1].text == "-"):
            end -= 1
        if self._alias_as_surname(doc, start, end):
            end += 1
        return start, end

    @staticmethod
    def _alias_as_surname(doc: Doc, start: int, end: int) -> bool:
        """'Foreign Minister Thérèse Kayikwamba Wagner accused Rwanda', 'President Samia Suluhu Hassan': a
        one-word organisation or town name the ruler marked (Wagner; Hassan, a town in India) right after a
        name of two or more words, with no punctuation between, is the person's last name."""
        if end - start < 2 or end >= len(doc) or doc[end - 1].whitespace_ != " ":
            return False
        tok = doc[end]
        kind = tok.ent_id_.split("|")[1] if tok.ent_id_.count("|") else ""
        one_word = tok.ent_iob_ == "B" and (end + 1 >= len(doc) or doc[end + 1].ent_iob_ != "I")
        return (tok.ent_type_ == "ORG" and kind == "name" or kind == "city") and one_word and tok.text.istitle() \
            and (end + 1 >= len(doc) or doc[end + 1].pos_ != "PROPN")

    def _place_as_first_name(self, doc: Doc, ent: Span) -> bool:
        """'George Glass', 'Hassan Sheikh Mohamud': a one-word town or city the ruler marked, followed
        by a capitalised name part."""
        kind = ent.ent_id_.split("|")[1] if "|" in ent.ent_id_ else ""
        return kind in ("city", "capital") and len(ent) == 1 and ent.end < len(doc) \
            and _name_part(doc[ent.end]) and doc[ent.end].text != "-" and doc[ent.end].lower_ not in PARTICLES

    def _titled_org(self, doc: Doc, ent: Span) -> bool:
        """'U.S. envoy Morgan Ortagus': a two- or three-word 'organisation' right after a title word."""
        return ent.label_ == "ORG" and not ent.ent_id_ and 2 <= len(ent) <= 3 and ent.start > 0 \
            and doc[ent.start - 1].lower_ in self.title_words and all(t.text[:1].isupper() for t in ent)

    def _title_ending_inside(self, doc: Doc, ent: Span) -> tuple[int, int] | None:
        """'Assistant Secretary of State Molly Phee', 'Under Secretary of State for Political Affairs
        Allison Hooker': the NER takes 'State Molly Phee' for an organisation. A listed title that starts
        before the entity and ends inside it, then a 'for …' phrase ending in a domain word (if any), then
        two to four capitalised words: those words are the name."""
        if ent.label_ != "ORG" or ent.ent_id_:
            return None
        for k in range(1, min(3, len(ent) - 1) + 1):
            for back in range(1, min(3, ent.start) + 1):
                if " ".join(t.text for t in doc[ent.start - back:ent.start + k]).lower() not in self.titles:
                    continue
                rest = ent.start + k
                if doc[rest].lower_ == "for":
                    ends = [i for i in range(rest + 1, ent.end) if doc[i].lower_ in self.domain_words]
                    rest = ends[-1] + 1 if ends else ent.end
                names = doc[rest:ent.end]
                if 2 <= len(names) <= 4 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in names):
                    return rest, ent.end
        return None

    def _after_domain_phrase(self, doc: Doc, ent: Span) -> tuple[int, int] | None:
        """'Assistant Secretary of State for Western Hemisphere Affairs Brian Nichols': the NER runs a
        person over the end of a title's 'for …' phrase. An entity holding a domain word after a 'for'
        that follows a title word: the two to four capitalised words after that domain word are the name."""
        ends = [t.i for t in ent if t.lower_ in self.domain_words]
        if not ends or not 2 <= ent.end - ends[-1] - 1 <= 4:
            return None
        k = ent.start - 1
        while k > max(0, ent.start - 6) and doc[k].lower_ != "for" and doc[k].text[:1].isupper():
            k -= 1
        if doc[k].lower_ != "for" or k == 0 or not any(doc[j].lower_ in self.title_words or doc[j].lower_ == "state"
                                                          for j in range(max(0, k - 3), k)):
            return None
        names = doc[ends[-1] + 1:ent.end]
        return (names.start, names.end) if all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in names) else None

    def _untagged_after_title(self, doc: Doc) -> list[tuple[int, int, str]]:
        """'National Security Adviser Ajit Doval': two to four capitalised words no entity claims,
        right after a capitalised title word, are a name the NER missed (a plural title too: 'Presidents
        Hakainde Hichilema and Felix Tshisekedi')."""
        found = []
        for tok in doc:
            plural = tok.lower_.endswith("s") and tok.lower_[:-1] in self.title_words
            if (tok.lower_ not in self.title_words and not plural) or not tok.text[:1].isupper():
                continue
            end = tok.i + 1
            while end < len(doc) and end - tok.i <= 4 and doc[end].ent_type_ == "" and doc[end].pos_ == "PROPN" \
                    and doc[end].text[:1].isupper() and doc[end].lower_ not in self.title_words \
                    and doc[end].sent == tok.sent:
                end += 1
            if 2 <= end - tok.i - 1 <= 4:
                found.append((tok.i + 1, end, ""))
        return found

    def __call__(self, doc: Doc) -> Doc:
        spans = self._untagged_after_title(doc)
        for ent in doc.ents:
            inside = self._title_ending_inside(doc, ent) or self._after_domain_phrase(doc, ent)
            if inside is not None:
                spans.append((*inside, ""))
                continue
            if ent.label_ == "PERSON" or self._place_as_first_name(doc, ent) or self._titled_org(doc, ent):
                start, end = self._extend(doc, ent.start, ent.end)
                spans.append((start, end, _person_id(doc[start:end])))
        if not spans:
            return doc
        people = [Span(doc, s, e, label="PERSON", span_id=pid) for s, e, pid in spans]
        people = filter_spans(people)
        covered = {i for p in people for i in range(p.start, p.end)}
        others = [e for e in doc.ents if not any(i in covered for i in range(e.start, e.end))]
        doc.ents = sorted(others + people, key=lambda s: s.start)
        for p in people:  # a name part the ruler had given an actor's id ('Wagner') is the person's now
            for t in p:
                if not t.ent_id_.startswith("P_"):
                    t.ent_id_ = p.id_
        return doc


@Language.factory("person_names", default_config={"title_words": [], "titles": [], "domain_words": []})
def make_person_names(nlp: Language, name: str, title_words: list[str], titles: list[str],
                      domain_words: list[str]) -> PersonNames:
    return PersonNames(title_words, titles, domain_words)
