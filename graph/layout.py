"""News page layout: headlines, bylines, datelines and captions are sentences of their own.

Text copied from a news site keeps the page's lines: a headline without a full stop, "By Jane Doe",
a dateline ("BEIRUT, Nov 12 (Reuters) -"), photo captions and "Related:" links. spaCy's parser would
run them into the first sentence of the story ("… deepens By Mei Lin Zhou BEIJING, Nov 19 (Reuters)
- China has told Japan …"), and the lede — the sentence that carries the news — is then misparsed.
The ``news_layout`` component runs before the parser and fixes sentence starts the parser respects:

- every line break starts a sentence, unless the text is hard-wrapped (most lines of one length,
  as in plain-text e-mail), where only blank lines do;
- the body after a dateline starts a sentence, and the dateline's tokens are marked so that its
  place ("BEIRUT") is where the story was filed, not an actor;
- each line is labelled (``Token._.ag_layout``: headline, byline, dateline, caption, related, credit).

>>> import spacy
>>> nlp = spacy.blank("en"); _ = nlp.add_pipe("news_layout")
>>> doc = nlp("Talks stall in Muscat\\nBy Jane Doe\\nMUSCAT, Feb 6 (Reuters) - Iran and the U.S. ended a round.")
>>> [t.text for t in doc if t.is_sent_start and not t.is_space]
['Talks', 'By', 'MUSCAT', 'Iran']
>>> [t.text for t in doc if t._.ag_layout == "dateline"][:1]
['MUSCAT']
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

__all__ = ["news_layout", "hard_wrapped", "line_kind", "DATELINE"]

if not Token.has_extension("ag_layout"):
    Token.set_extension("ag_layout", default=None)

# "ADDIS ABABA, Nov 12 (Reuters) -", "BEIRUT —", "ANKARA, Turkey (AP) —", "BEIJING/TOKYO, Nov 19 (Reuters) -"
_DATELINE = (r"(?P<place>[A-Z][A-Z'.\-]+(?:[ /][A-Z][A-Z'.\-]+)*)"  # the place, in capitals
             r"(?:,[^\n—–]{1,40}?)?"  # ", Nov 12" / ", Turkey" / ", Colombia"
             r"(?:\s*\([A-Za-z .&'-]{2,40}\))?"  # "(Reuters)"
             r"\s*(?:—|–|--|-)")
DATELINE = re.compile("^" + _DATELINE + r"\s+")  # followed by the story on the same line
DATELINE_LINE = re.compile("^" + _DATELINE + r"\s*$")  # a line of its own
BYLINE = re.compile(r"^By\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+)*(?:\s*(?:,|and)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+)*)*\s*$")
CAPTION = re.compile(r"^(?:Photo(?: caption)?|Caption|File photo|FILE PHOTO|Pictured|Image)\s*:", re.I)
RELATED = re.compile(r"^(?:Related|Read more|Also read|See also|More|Recommended)\s*:", re.I)
CREDIT = re.compile(r"^(?:[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*/){1,2}[A-Z][\w .'-]+$")  # "REUTERS/Aziz Taher"
TERMINAL = tuple('.!?:"”’)')


def hard_wrapped(text: str) -> bool:
    """True when most lines have one length (55–100 characters), as in hard-wrapped plain text:
    there a line break is no sentence break."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < 5:
        return False
    wrapped = sum(55 <= len(ln.rstrip()) <= 100 for ln in lines[:-1])
    return wrapped >= 0.7 * (len(lines) - 1)


def line_kind(line: str, first: bool) -> str | None:
    """What a line of a news page is, when it is not body text."""
    s = line.strip()
    if BYLINE.match(s):
        return "byline"
    if CAPTION.match(s):
        return "caption"
    if RELATED.match(s):
        return "related"
    if CREDIT.match(s) and len(s.split()) <= 6:
        return "credit"
    if DATELINE_LINE.match(s):
        return "dateline"
    if first and s and not s.endswith(TERMINAL) and len(s.split()) <= 25:
        return "headline"
    return None


def _line_starts(doc: Doc) -> list[int]:
    """Token indices that begin a line (the first token after a line break)."""
    starts = [0] if len(doc) else []
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            starts.append(tok.i + 1)
    return [i for i in starts if i < len(doc)]


def _mark_line(doc: Doc, start: int, end: int, kind: str | None) -> None:
    """Label a line's tokens; a dateline, byline or credit is one sentence ("UNITED NATIONS (AP) —"
    must not be split after "UNITED")."""
    for tok in doc[start:end]:
        if not tok.is_space:
            tok._.ag_layout = kind
            if kind in ("dateline", "byline", "credit") and tok.i > start:
                tok.is_sent_start = False


def _dateline_end(doc: Doc, start: int, end: int) -> int | None:
    """Index of the first body token after a dateline that opens the line at ``start``."""
    line_start_char = doc[start].idx
    line_text = doc.text[line_start_char:doc[end - 1].idx + len(doc[end - 1])]
    m = DATELINE.match(line_text)
    if not m or m.end() >= len(line_text):
        return None
    body_char = line_start_char + m.end()
    for tok in doc[start:end]:
        if tok.idx >= body_char:
            return tok.i
    return None


def _keep_lead_whole(doc: Doc, body: int, end: int) -> None:
    """The lead after a dateline runs to its first full stop: a capitalised demonym opening it
    ("BISHKEK (Reuters) - Kyrgyz and Tajik border guards …") reads to the parser like a fragment of
    its own, which would cut the subject from its verb."""
    for tok in doc[body + 1:end]:
        if tok.text in (".", "!", "?"):
            return
        tok.is_sent_start = False


@Language.component("news_layout")
def news_layout(doc: Doc) -> Doc:
    """Set sentence starts at line breaks and after datelines, and label the page's lines."""
    starts = _line_starts(doc)
    wrapped = hard_wrapped(doc.text)
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(doc)
        while start < end and doc[start].is_space:
            start += 1
        if start >= end:
            continue
        blank_before = start > 0 and doc[start - 1].is_space and doc[start - 1].text.count("\n") > 1
        if start > 0 and (not wrapped or blank_before):
            doc[start].is_sent_start = True
        line = doc.text[doc[start].idx:doc[end - 1].idx + len(doc[end - 1])]
        kind = line_kind(line, first=n == 0)
        body = _dateline_end(doc, start, end)
        if body is not None:
            _mark_line(doc, start, body, "dateline")
            doc[body].is_sent_start = True
            _keep_lead_whole(doc, body, end)
        elif kind is not None and (not wrapped or kind != "headline"):
            _mark_line(doc, start, end, kind)
    return doc
