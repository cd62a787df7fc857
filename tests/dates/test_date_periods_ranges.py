"""Periods no ISO value holds (decades, centuries), spans whose year is written once, weekdays of another week,
bare seasons and deadlines: the general gaps closed after held-out set 10."""

from __future__ import annotations

import pytest
from stagerun import analyse, at

from eventcoder.dates.assign import date_for
from eventcoder.dates.find import find_dates
from eventcoder.dates.stage import find_article_dates
from eventcoder.document import Sentence


def found(text: str, published: str) -> list:
    return find_article_dates(text, [Sentence(0, 0, len(text), text, "body")], published)


def value_at(text: str, published: str, expr: str) -> tuple[str | None, str | None]:
    """(value, role) of the date overlapping the first `expr` in `text`, (None, None) when none does."""
    pos = text.index(expr)
    hit = next((d for d in found(text, published) if d.start < pos + len(expr) and pos < d.end), None)
    return (hit.value, hit.role) if hit else (None, None)


@pytest.mark.parametrize("text, expr, role", [
    ("The movement grew rapidly in the 1990s.", "1990s", "period"),
    ("The first protests began in the early 2000s.", "early 2000s", "period"),
    ("Prices last peaked in the '80s.", "'80s", "period"),
    ("Prices last peaked in the ’90s.", "’90s", "period"),
    ("Oil output fell in the mid-1970s.", "mid-1970s", "period"),
    ("The nineties were a decade of reform.", "nineties", "period"),
    ("The city was founded in the 19th century.", "19th century", "period"),
    ("It was the worst war of the twenty-first century.", "twenty-first century", "period"),
    ("At the turn of the millennium, the town had 50,000 residents.", "turn of the millennium", "period"),
    ("The rebels have fought the state since the 1960s.", "1960s", "since"),
    ("The minister was born in the 1950s.", "1950s", "birth"),
])
def test_periods_are_found_without_a_value(text, expr, role):
    dates = found(text, "2024-03-05")
    hit = next(d for d in dates if expr in d.text)
    assert (hit.text, hit.value, hit.role) == (expr, None, role)


@pytest.mark.parametrize("text", ["Their leaders, all in their sixties, met.", "A century ago, the city was a capital.",
                                  "Half a century ago the dam was built."])
def test_ages_and_counted_centuries_are_no_periods(text):
    assert all(e.kind != "period" for e in find_dates(text))


def test_a_decade_never_becomes_a_year():
    for text in ("The party won every vote in the 2000s.", "Growth was strong in the late 2010s."):
        assert all(d.value is None for d in found(text, "2024-03-05"))


@pytest.mark.parametrize("text, published, expr, expected", [
    ("Fighting raged between March and May 2023.", "2024-03-05", "March", "2023-03"),
    ("Fighting raged from January to March 2020.", "2024-03-05", "January", "2020-01"),
    ("Fighting raged in March-April 2020.", "2024-03-05", "March", "2020-03"),
    ("Fighting raged in late March and early April 2020.", "2024-03-05", "March", "2020-03"),
    ("Fighting raged from December to February 2020.", "2024-03-05", "December", "2019-12"),
    ("Fighting raged from March to May last year.", "2024-03-05", "March", "2023-03"),
    ("Fighting raged from 28 February to 3 March 2020.", "2024-03-05", "28 February", "2020-02-28"),
    ("Fighting raged from 28 December to 3 January 2020.", "2024-03-05", "28 December", "2019-12-28"),
    ("Fighting raged on May 3 and 4, 2020.", "2024-03-05", "May 3", "2020-05-03"),
    ("Fighting raged on May 3 and 4, 2020.", "2024-03-05", "4, 2020", "2020-05-04"),
    ("Fighting raged from May 3 to 5, 2020.", "2024-03-05", "5, 2020", "2020-05-05"),
    ("The envoy will visit on March 20 and 21.", "2024-03-05", "21", "2024-03-21"),
    ("Votes were cast on 11, 12 and 13 May 2021.", "2024-03-05", "11", "2021-05-11"),
    ("He ruled the country 2010–2015.", "2024-03-05", "2010", "2010"),
    ("The curfew runs 1930-2000 GMT.", "2024-03-05", "1930", None),
    ("On May 3 and 40 soldiers died.", "2024-03-05", "40", None),
    ("The talks ran from March until the election in May 2023.", "2024-03-05", "March", "2024-03"),
])
def test_spans_share_the_year_written_once(text, published, expr, expected):
    assert value_at(text, published, expr)[0] == expected


@pytest.mark.parametrize("text, published, expr, expected", [
    ("Schools reopened on Monday of last week.", "2024-03-05", "Monday", "2024-02-26"),
    ("Schools reopened on Monday last week.", "2024-03-07", "Monday", "2024-02-26"),
    ("Schools reopen on Friday next week.", "2024-03-05", "Friday", "2024-03-15"),
    ("The envoy arrived on January the 5th.", "2024-03-05", "January the 5th", "2024-01-05"),
    ("Elections are due in the autumn.", "2024-03-05", "autumn", "2024"),
    ("Elections are due in the autumn.", "2024-11-05", "autumn", "2024"),
    ("Elections will be held in the spring.", "2024-11-05", "spring", "2025"),
    ("Rains fell in the spring.", "2024-11-05", "spring", "2024"),
    ("Rains fell in the summer.", "2024-03-05", "summer", "2023"),
    ("Heating failed in the winter.", "2024-03-05", "winter", None),
    ("The summer months were hot.", "2024-03-05", "summer", None),
    ("Troops were ordered to leave by Friday.", "2024-03-05", "Friday", "2024-03-08"),
    ("The militia had withdrawn by Friday.", "2024-03-05", "Friday", "2024-03-01"),
    ("The deadline was extended from 7 March to 30 April.", "2024-03-05", "7 March", "2024-03-07"),
    ("Rockets were fired on 7 March, residents recalled.", "2024-03-05", "7 March", "2023-03-07"),
])
def test_weekdays_seasons_and_deadlines(text, published, expr, expected):
    assert value_at(text, published, expr)[0] == expected


@pytest.mark.parametrize("text, expr, expected", [
    ("The 88-year-old was born in Rome in 1936.", "1936", ("1936", "birth")),
    ("The general, b. 1961, retired.", "1961", ("1961", "birth")),
    ("Rates have been frozen since the start of 2023.", "2023", ("2023", "since")),
    ("Rates have been frozen since the end of last year.", "last year", ("2023", "since")),
    ("Children born in the camp have never left it, and it was bombed in 2015.", "2015", ("2015", "event")),
    ("The ruling came in 2023-09.", "2023-09", ("2023-09", "event")),
    ("The 2010-11 season ended.", "2010", ("2010", "event")),
    ("The rally took place on 2024-05-04T10:00.", "2024-05-04", ("2024-05-04", "event")),
    ("Prices rose on Orthodox Easter Monday.", "Orthodox Easter Monday", ("2024-05-06", "event")),
])
def test_roles_and_shapes(text, expr, expected):
    assert value_at(text, "2024-05-08", expr) == expected


@pytest.mark.parametrize("text, expr, expected", [
    ("The war ended twenty-five years ago.", "twenty-five years ago", "1999"),
    ("The war ended a dozen years ago.", "a dozen years ago", "2012"),
    ("The war ended eighteen months ago.", "eighteen months ago", "2022-11"),
    ("The vote was held on the last Sunday of March.", "Sunday", "2024-03-31"),
    ("The vote was held on the first Monday of April.", "Monday", "2024-04-01"),
    ("The vote will be held on the first Monday of June.", "Monday", "2024-06-03"),
    ("The vote was held on the second Tuesday in November 2020.", "Tuesday", "2020-11-10"),
    ("The vote was held on the last Friday of March last year.", "Friday", "2023-03-31"),
    ("The vote was held on the fifth Friday of April.", "Friday", None),
    ("The vote was held on a Sunday in March.", "Sunday", None),
    ("Elections are held on the first Tuesday of November every four years.", "Tuesday", None),
])
def test_counted_numbers_and_weekdays(text, expr, expected):
    assert value_at(text, "2024-05-08", expr)[0] == expected


def sentences_of(text: str) -> list[Sentence]:
    """One paragraph, split after each full stop."""
    out, start = [], 0
    for i, part in enumerate(text.split(". ")):
        end = start + len(part) + (1 if start + len(part) < len(text) else 0)
        out.append(Sentence(i, start, end, text[start:end], "body"))
        start = end + 1
    return out


@pytest.mark.parametrize("text, expr, expected", [
    ("Rebels seized the town on 3 May. Two days later, the army retook it.", "Two days later", "2024-05-05"),
    ("Rebels seized the town on 3 May. The army retook it the next morning.", "next morning", "2024-05-04"),
    ("The deal was signed in March 2015. Four years later it collapsed.", "Four years later", "2019"),
    ("He was born in 1950 and joined the army two decades later.", "two decades later", "1970"),
    ("The treaty was signed on 3 May 2020. A week later, it was ratified.", "A week later", "2020-05"),
    ("The treaty was signed in May 2020. Two days later, it was ratified.", "Two days later", None),
    ("The treaty was signed in May 2020. Two months later, it was ratified.", "Two months later", "2020-07"),
    ("The treaty was signed in May 2020. Talks resumed the following year.", "following year", "2021"),
    ("Talks collapsed on Monday. A day earlier, both sides had met.", "A day earlier", "2024-05-05"),
    ("Two days later, rebels struck.", "Two days later", None),
    ("Talks resume next week.", "next week", "2024-05"),
])
def test_counted_from_the_date_told_before(text, expr, expected):
    dates = find_article_dates(text, sentences_of(text), "2024-05-08")
    hit = next(d for d in dates if d.text == expr)
    assert hit.value == expected


def test_an_anchor_stays_in_its_paragraph():
    text = "Rebels seized the town on 3 May. Two days later, the army retook it."
    first, second = sentences_of(text)
    second.paragraph = 1
    assert next(d for d in find_article_dates(text, [first, second], "2024-05-08")
                if d.text == "Two days later").value is None


@pytest.mark.parametrize("text, expr, expected", [
    ("2019 was the hottest year on record.", "2019", "2019"),
    ("Rain fell. 2020 saw record floods.", "2020", "2020"),
    ("Results for 2023's first quarter were weak.", "first quarter", "2023"),
    ("Turnout was 2019's lowest.", "2019", "2019"),
    ("2000 people were at the rally.", "2000", None),
    ("2000 were killed in the quake.", "2000", None),
    ("The curfew ran from 0600 to 1800.", "1800", None),
])
def test_years_without_a_cue(text, expr, expected):
    assert value_at(text, "2024-05-08", expr)[0] == expected


@pytest.mark.parametrize("text, expr, expected", [
    ("The Fed meets on 28-29 January.", "29 January", "2025-01-29"),
    ("The United Nations Security Council meets on Friday.", "Friday", "2025-01-17"),
    ("Crown Prince Mohammed bin Salman hosts the summit on Friday.", "Friday", "2025-01-17"),
    ("Talks proceed on Friday.", "Friday", "2025-01-17"),
    ("Last year, the talks failed on 20 January.", "20 January", "2024-01-20"),
    ("Trump, who takes office on 20 January, welcomed the deal.", "20 January", "2025-01-20"),
    ("The summit, which opens on Friday, was postponed.", "Friday", "2025-01-17"),
    ("The summit, which opened on Friday, will close today.", "Friday", "2025-01-10"),
])
def test_the_tense_that_governs(text, expr, expected):
    assert value_at(text, "2025-01-15", expr)[0] == expected


@pytest.mark.parametrize("text, expr, expected", [
    ("Strikes are planned for the 22nd and 23rd.", "23rd", "2025-01-23"),
    ("Strikes took place between the 2nd and the 5th.", "2nd", "2025-01-02"),
    ("Strikes took place between the 2nd and the 5th.", "5th", "2025-01-05"),
    ("The general was sacked on the 3rd and 4th of March.", "3rd", "2024-03-03"),
    ("The 2nd and 3rd battalions moved.", "3rd", None),
])
def test_days_of_the_month_in_pairs(text, expr, expected):
    assert value_at(text, "2025-01-15", expr)[0] == expected


@pytest.mark.parametrize("text, published, expr, expected", [
    ("Families gathered for Eid al Adha.", "2024-06-20", "Eid al Adha", "2024-06-16"),
    ("Turks celebrated Kurban Bayram.", "2024-06-20", "Kurban Bayram", "2024-06-16"),
    ("Iranians celebrated the Persian New Year.", "2024-03-25", "Persian New Year", "2024-03-20"),
    ("Palestinians marked Nakba Day.", "2024-05-20", "Nakba Day", "2024-05-15"),
    ("Rallies were held on International Workers' Day.", "2024-05-20", "International Workers' Day", "2024-05-01"),
])
def test_more_feast_names(text, published, expr, expected):
    assert value_at(text, published, expr)[0] == expected


@pytest.mark.parametrize("text, expr, expected", [
    ("The next round of talks was held on Monday.", "Monday", "2025-01-13"),
    ("The next round of talks will be held on Monday.", "Monday", "2025-01-20"),
    ("The army retook the town the next day, on Monday.", "Monday", "2025-01-13"),
    ("A day after the next president was chosen on 12 January, protests began.", "12 January", "2025-01-12"),
    ("The upcoming vote on Sunday was postponed.", "Sunday", "2025-01-19"),
    ("The court upheld the ruling on Monday.", "Monday", "2025-01-13"),
])
def test_next_alone_does_not_make_a_past_clause_future(text, expr, expected):
    assert value_at(text, "2025-01-15", expr)[0] == expected


def test_an_opening_phrase_leaves_the_main_clause_its_tense():
    text = ("In Kinshasa, protesters attacked the embassies of Rwanda, France, Belgium and the United States on "
            "Tuesday, setting fires at some of them.")
    assert value_at(text, "2025-01-29", "Tuesday")[0] == "2025-01-28"


@pytest.mark.parametrize("text, expr, expected", [
    ("Dozens are dead after strikes on Monday.", "Monday", "2025-01-13"),
    ("Five people are missing after the storm on Sunday.", "Sunday", "2025-01-12"),
    ("Tensions are high after the vote on Sunday.", "Sunday", "2025-01-12"),
    ("Talks resume after the holiday on Monday.", "Monday", "2025-01-20"),
    ("The market reopens on Monday following repairs.", "Monday", "2025-01-20"),
])
def test_what_is_done_needs_no_past_verb(text, expr, expected):
    assert value_at(text, "2025-01-15", expr)[0] == expected


def test_since_a_bare_season_is_a_since_date():
    assert value_at("The ceasefire has held since the summer.", "2024-03-05", "summer") == ("2023", "since")


@pytest.fixture(scope="module")
def pipeline(through_quotes):
    return through_quotes


def test_an_event_in_a_decade_gets_no_date(pipeline):
    state = analyse(pipeline, "The movement staged mass protests in the 1990s.", published="2024-03-05")
    si, start, end = at(state, "staged")
    assert date_for(state, si, start, end) == (None, None)


def test_a_century_that_names_no_time_leaves_the_publication_date(pipeline):
    state = analyse(pipeline, "Rebels attacked the capital in what officials called the worst raid of the 21st "
                              "century.", published="2024-03-05")
    si, start, end = at(state, "attacked")
    assert date_for(state, si, start, end) == ("2024-03-05", "published")
