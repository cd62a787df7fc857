"""Boilerplate, caption and headline rules on lines written for the tests."""

from __future__ import annotations

import pytest

from eventcoder.text.boilerplate import (
    boilerplate_label,
    find_title_line,
    is_caption_paragraph,
    repeated_paragraphs,
)


@pytest.mark.parametrize("sentence, label", [
    ("READ: Why did the talks in Doha collapse?", "crosslink"),
    ("Read more: Sanctions tightened on shipping firms", "crosslink"),
    (("The views expressed in this piece are the writer's own and do not necessarily reflect the position of "
     "this site."), "disclaimer"),
    ("Share this article", "share"),
    ("Share on Facebook", "share"),
    ("Subscribe to our newsletter for daily updates", "subscribe"),
    ("Follow us on Telegram", "follow"),
    ("© 2023 Harbour Wire. All rights reserved.", "copyright"),
    ("By Ana Ruiz and Tomas Berg", "byline"),
    ("Reporting by Ana Ruiz; Editing by Tomas Berg", "byline"),
    ("Published: 3 March 2023, 10:15 GMT", "timestamp"),
    ("Creating new perspectives since 2009", "tagline"),
    (("The views expressed in this article belong to the author and do not necessarily reflect the editorial "
     "policy of Middle East Monitor."), "disclaimer"),
    ("Protesters read out a statement demanding the release of detainees.", None),
    ("The minister said he would follow the talks closely.", None),
    ("By Monday, the convoy had reached the border.", None),
])
def test_boilerplate_label(sentence, label):
    assert boilerplate_label(sentence, sentence) == label


@pytest.mark.parametrize("paragraph, expected", [
    ("Protesters march in Tbilisi on 3 March 2023. [Ana Ruiz/Harbour Wire]", True),
    ("Soldiers patrol the border [REUTERS/File Photo]", True),
    ("Photo: Delegates arrive for the summit.", True),
    ("The minister rejected the claim (as reported earlier).", False),
    ("He cited the treaty [Article 5].", False),
    ("Delegates arrive for the summit (Photo by Ana Ruiz)", True),
    ("The news agency said the talks would resume (IRNA)", False),
])
def test_is_caption_paragraph(paragraph, expected):
    assert is_caption_paragraph(paragraph) is expected


def test_repeated_paragraphs():
    paras = ["Students gather outside the embassy in Tehran.", "Body text here and more.",
             "Students gather outside the embassy in Tehran.", "Short.", "Short."]
    assert repeated_paragraphs(paras) == {"Students gather outside the embassy in Tehran."}
    prose = " ".join(["The delegations met again."] * 30)
    assert repeated_paragraphs([prose, prose]) == set()


@pytest.mark.parametrize("text, title", [
    ("The Daily Meridian — News without borders\n\nStrikers shut ports\n\nMarch 3, 2023\n\nBody.",
     "Strikers shut ports"),
    ("Strikers shut ports in Chile as wage talks stall\nBy Ana Ruiz\n\nBody text.",
     "Strikers shut ports in Chile as wage talks stall"),
    ("Dockers walked out on Monday.\n\nTalks stalled.", None),
    ("Single line article without a headline", None),
])
def test_find_title_line(text, title):
    span = find_title_line(text)
    assert (text[span[0]:span[1]] if span else None) == title
