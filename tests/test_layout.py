"""Tests for graph.layout: a news page's headline, byline, dateline and captions are sentences of their own."""
from __future__ import annotations

import pytest

from graph.layout import hard_wrapped, line_kind

PAGE = ("Envoys trade barbs as Nile talks stall\n"
        "By Hana Mekonnen and Luis Ortega\n"
        "KHARTOUM, March 3 (Reuters) - Sudan accused Ethiopia of stalling the talks on Monday.\n"
        "Photo caption: Delegates arrive for the meeting in Khartoum, Sudan, March 3, 2026.\n"
        "REUTERS/Staff Photographer\n"
        "Related: How the dam changed the river")


def sentence_texts(nlp, text):
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_page_lines_become_sentences(nlp):
    got = sentence_texts(nlp, PAGE)
    assert got[:4] == ["Envoys trade barbs as Nile talks stall", "By Hana Mekonnen and Luis Ortega",
                       "KHARTOUM, March 3 (Reuters) -", "Sudan accused Ethiopia of stalling the talks on Monday."]
    assert got[4].startswith("Photo caption:") and got[-1].startswith("Related:")


def test_lines_are_labelled(nlp):
    kinds = {t._.ag_layout for t in nlp(PAGE) if not t.is_space}
    assert {"headline", "byline", "dateline", "caption", "credit", "related"} <= kinds


@pytest.mark.parametrize("line, first, kind", [
    ("Israel and Hamas agree to extend truce", True, "headline"),
    ("Israel and Hamas agreed to extend the truce.", True, None),  # a sentence, not a headline
    ("Israel and Hamas agree to extend truce", False, None),  # only the first line can be the headline
    ("By Maria Lopez and Ahmed Said", False, "byline"),
    ("By then the talks had collapsed.", False, None),
    ("ADDIS ABABA, Nov 12 (Reuters) -", False, "dateline"),
    ("Read more: Why the strait matters", False, "related"),
    ("REUTERS/Aziz Taher", False, "credit"),
])
def test_line_kind(line, first, kind):
    assert line_kind(line, first) == kind


def test_dateline_on_the_story_line_is_split_and_its_place_is_no_actor(extract_text):
    ex = extract_text("BEIRUT — Israeli jets struck Hezbollah positions in southern Lebanon on Thursday.")
    assert ex.sentences[0].text == "BEIRUT —"
    got = {(i.source, i.relation, i.target) for i in ex.interactions}
    assert ("ISR", "attacks", "HEZBOLLAH") in got
    assert not any("LBN" in (i.source, i.target) and i.sentence == 0 for i in ex.interactions)


def test_headline_without_full_stop_does_not_swallow_the_lede(extract_text):
    text = ("Seoul, Tokyo pledge closer defence ties\n"
            "TOKYO, Feb 2 (Reuters) - South Korea accused North Korea of firing artillery near the border.")
    ex = extract_text(text)
    assert [s.text for s in ex.sentences][0] == "Seoul, Tokyo pledge closer defence ties"
    assert ("KOR", "opposes", "PRK") in {(i.source, i.relation, i.target) for i in ex.interactions}


def test_hard_wrapped_text_is_not_split_at_every_line(nlp):
    wrapped = ("The foreign ministers of the two countries met on Tuesday in the capital and\n"
               "agreed to resume the talks that had been suspended since the border incident in\n"
               "the spring, according to a statement issued by the ministry late in the evening\n"
               "after what officials described as a long and at times difficult meeting of the\n"
               "delegations, who had not met in person since the crisis began last year in May.\n")
    assert hard_wrapped(wrapped)
    assert len(sentence_texts(nlp, wrapped)) <= 2
    assert not hard_wrapped(PAGE)
