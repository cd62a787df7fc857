"""HTML reading: main text without navigation, page metadata, malformed pages refused."""

from __future__ import annotations

import pytest

from eventcoder.errors import UnreadableInputError
from eventcoder.reading.html import article_from_html, looks_like_html

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Ceasefire holds | Harbour Wire</title>
<meta property="og:title" content="Ceasefire holds in the north">
<meta property="og:site_name" content="Harbour Wire">
<meta property="og:url" content="https://harbourwire.example/world/ceasefire">
<meta property="article:published_time" content="2023-05-02T08:00:00Z"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Ceasefire holds in the north</h1>
<p>The ceasefire between the two sides held for a third day on Tuesday, according to monitors from the
United Nations who toured the front line.</p>
<p>Both governments said they would send delegations to talks in Doha next week to discuss a lasting truce and
an exchange of prisoners held since the fighting began.</p></article>
<footer><p>Subscribe to our newsletter</p><p>Privacy policy</p></footer></body></html>"""


def test_extracts_main_text_and_metadata():
    article = article_from_html(PAGE, "page.html", doc_id="page")
    assert article.html is True
    assert "\n\nThe ceasefire between the two sides held for a third day" in article.text
    assert "Home" not in article.text and "Privacy" not in article.text
    assert "\n\n" in article.text  # paragraphs kept apart
    assert article.title == "Ceasefire holds in the north"
    assert (article.published, article.published_source) == ("2023-05-02", "page")
    assert article.url == "https://harbourwire.example/world/ceasefire"
    assert article.sitename == "Harbour Wire"


def test_given_date_wins_over_page():
    article = article_from_html(PAGE, "page.html", published="2023-05-03")
    assert (article.published, article.published_source) == ("2023-05-03", "given")


@pytest.mark.parametrize("markup", ["<html><body><div><p", "<html><head><title>x</title></head><body></body></html>",
                                    "<html><body><div><p></div></span><<<"])
def test_malformed_or_empty_page_is_refused(markup):
    with pytest.raises(UnreadableInputError, match=r"^malformed HTML \(.*\): bad.html$"):
        article_from_html(markup, "bad.html")


@pytest.mark.parametrize("text, expected", [
    ("<!DOCTYPE html><html><body><p>x</p></body></html>", True),
    ("  <html lang='en'>", True),
    ("Talks <b>resume</b> in Geneva", False),
])
def test_looks_like_html(text, expected):
    assert looks_like_html(text) is expected
