"""Sentence segmentation: exact offsets, abbreviations, initials, decimals, quotes, brackets; kinds on the seed."""

from __future__ import annotations

import pytest

from eventcoder.text.sentences import classify, is_quotation, split_sentences


def texts(text: str) -> list[str]:
    sentences = split_sentences(text)
    for s in sentences:
        assert text[s.start:s.end] == s.text
    return [s.text for s in sentences]


@pytest.mark.parametrize("text, expected", [
    ("Gen. Qasem Soleimani met Dr. Ali Smith on Jan. 3. The talks lasted 2.5 hours.",
     ["Gen. Qasem Soleimani met Dr. Ali Smith on Jan. 3.", "The talks lasted 2.5 hours."]),
    ("Officials met at No. 10 Downing St. on Monday. Mr. J. R. Smith said the U.S. would respond. It did.",
     ["Officials met at No. 10 Downing St. on Monday.", "Mr. J. R. Smith said the U.S. would respond.",
      "It did."]),
    ("He flew to the U.S. The next day he left.", ["He flew to the U.S.", "The next day he left."]),
    ("Costs rose 3.5 per cent in Gaza, e.g. for fuel. Prices fell.",
     ["Costs rose 3.5 per cent in Gaza, e.g. for fuel.", "Prices fell."]),
    ('He said: "We will fight. We will win." Then he left.',
     ['He said: "We will fight. We will win."', "Then he left."]),
    ("“We will not stop,” he said. “We are ready.” The minister (who spoke to AFP. Later.) agreed.",
     ["“We will not stop,” he said.", "“We are ready.”", "The minister (who spoke to AFP. Later.) agreed."]),
    ("Protesters gathered in Tehran on 19 May 2021. [STR/AFP via Getty Images]",
     ["Protesters gathered in Tehran on 19 May 2021. [STR/AFP via Getty Images]"]),
    ("Will talks resume? Nobody knows! Wait... and see.", ["Will talks resume?", "Nobody knows!",
                                                         "Wait... and see."]),
])
def test_segmentation(text, expected):
    assert texts(text) == expected


def test_lines_and_paragraphs():
    text = "TALKS RESUME\nBy Ana Ruiz\n\nThe delegations met in a long session that went on\nuntil late. They left."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "TALKS RESUME", "By Ana Ruiz", "The delegations met in a long session that went on\nuntil late.",
        "They left."]
    assert [s.paragraph for s in sentences] == [0, 0, 1, 1]


@pytest.mark.parametrize("text, expected", [
    ("“We remember him with honour.”", True),
    ('"We will win."', True),
    ("“We will win,” he said, “and soon.”", False),
    ("He said “no.”", False),
])
def test_is_quotation(text, expected):
    assert is_quotation(text) is expected


def test_kinds_on_the_seed(seed_text):
    sentences = split_sentences(seed_text)
    classify(seed_text, sentences)
    kind = {s.text: s.kind for s in sentences}

    def kind_of(prefix: str) -> set[str]:
        found = {k for t, k in kind.items() if t.startswith(prefix)}
        assert found, prefix
        return found

    assert kind_of("Creating new perspectives") == {"boilerplate"}
    assert kind_of("December 25, 2021 at 12:34 pm") == {"boilerplate"}
    assert kind_of("READ: Will Israel") == {"boilerplate"}
    assert kind_of("READ: Why is Khaled Meshaal") == {"boilerplate"}
    assert kind_of("The views expressed in this article") == {"boilerplate"}
    assert kind_of("On relations between") == {"title"}
    assert kind_of("Iranian women wave Palestinian") == {"caption"}
    captions = [s for s in sentences if s.text.startswith("Iranian students gather outside")]
    assert len(captions) == 2 and {s.kind for s in captions} == {"caption"}
    assert kind_of("“We remember General Soleimani") == {"quote"}
    assert kind_of("We have witnessed a debate") == {"body"}
    assert sum(s.kind == "body" for s in sentences) >= 20
