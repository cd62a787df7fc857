"""Metadata read from the text: the seed's title, date and outlet, given values winning, outlets, language."""

from __future__ import annotations

import pytest

from eventcoder.config import Config
from eventcoder.document import Article
from eventcoder.errors import NotEnglishError
from eventcoder.pipeline import Pipeline
from eventcoder.reading.language import detect_language
from eventcoder.reading.outlets import find_outlet
from eventcoder.reading.text import article_from_text


@pytest.fixture(scope="module")
def meta_pipeline():
    return Pipeline(Config(stages=("metadata",)))


def test_seed_metadata(meta_pipeline, seed_text):
    meta = meta_pipeline.analyze(article_from_text(seed_text, doc_id="seed")).doc
    assert meta.title == "On relations between the Palestinian resistance and Iran"
    assert (meta.published, meta.published_source) == ("2021-12-25", "text")
    assert meta.outlet == "Middle East Monitor"
    assert meta.language == "en"


def test_given_date_wins(meta_pipeline, seed_text):
    meta = meta_pipeline.analyze(article_from_text(seed_text, published="2022-01-01")).doc
    assert (meta.published, meta.published_source) == ("2022-01-01", "given")


def test_no_title_when_prose_comes_first(meta_pipeline):
    text = "Iran and Egypt held talks in Cairo on Monday.\n\nThe two sides agreed to meet again next month."
    assert meta_pipeline.analyze(article_from_text(text)).doc.title is None


@pytest.mark.parametrize("text, url, sitename, outlet", [
    ("BEIRUT, May 3 (Reuters) - Lebanon's cabinet met on Monday to discuss the budget.", None, None, "Reuters"),
    ("GAZA (AP) — Aid trucks entered the Gaza Strip through the Rafah crossing.", None, None, "Associated Press"),
    ("Officials met in Doha.\n\nAl Jazeera reported that talks went on.", None, None, None),
    ("Officials met in Doha.", "https://www.aljazeera.com/news/2023/1/1/x", None, "Al Jazeera"),
    ("Officials met in Doha.", None, "Some Local Paper", "Some Local Paper"),
    (("Officials met.\n\nThe views expressed here do not necessarily reflect the editorial policy of Middle East "
     "Eye."), None, None, "Middle East Eye"),
])
def test_find_outlet(text, url, sitename, outlet):
    assert find_outlet(Article(id="x", text=text, url=url, sitename=sitename)) == outlet


@pytest.mark.parametrize("text, lang", [
    (("The foreign minister said on Monday that the government would not accept the terms of the deal offered by "
     "its neighbours."), "en"),
    (("Le ministre des affaires étrangères a déclaré lundi que le gouvernement n'accepterait pas les conditions "
     "de l'accord proposé par ses voisins."), "fr"),
    (("El ministro de Asuntos Exteriores dijo el lunes que el gobierno no aceptaría las condiciones del acuerdo "
     "ofrecido por sus vecinos."), "es"),
    (("Der Außenminister sagte am Montag, dass die Regierung die Bedingungen des von den Nachbarn angebotenen "
     "Abkommens nicht akzeptieren werde."), "de"),
    ("Министр иностранных дел заявил в понедельник, что правительство не примет условия сделки.", None),
    ("Iran, Hamas leaders discuss Gaza ceasefire", "en"),
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_non_english_is_refused(meta_pipeline):
    text = ("Le ministre des affaires étrangères a déclaré lundi que le gouvernement n'accepterait pas les "
            "conditions de l'accord proposé par ses voisins.")
    with pytest.raises(NotEnglishError, match="^not English text: lettre.txt$"):
        meta_pipeline.analyze(article_from_text(text, source="lettre.txt"))
