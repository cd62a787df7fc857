"""Find date expressions in text with compiled regular expressions (no parsing, no dateparser).

Why regexes: news dates come in a handful of shapes, and a finder that knows each shape keeps the parts the text
gives (day, month, year, weekday, relative unit) so resolution never invents precision. It is also two orders of
magnitude faster than running dateparser's search over every sentence (see bench/dates_places_quotes.py).

`find_dates(text)` returns `Expr` records: the span, the shape (`kind`) and the parts read from it; `role` says
whether the expression can date an event at all ("since 2009", "born in 1956" and "the 34th anniversary" cannot).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..datafiles import read_tsv


@dataclass(frozen=True)
class Lexicon:
    """The date vocabulary from data/dates/words.tsv."""

    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    future: tuple[str, ...]
    roles: dict[str, tuple[str, ...]]  # role -> the words that give a following date that role ("since", "born")
    seasons: dict[str, int]  # season -> the month it starts in ("summer" -> 6; northern hemisphere, as news writes)
    holidays: dict[str, tuple[int, int]]  # fixed-date holidays -> (month, day): "Christmas Day" -> (12, 25)
    movable: dict[str, int]  # feasts counted from Easter Sunday -> days after it: "Good Friday" -> -2
    orthodox: dict[str, int]  # the same, counted from the Julian-calendar Easter: "Orthodox Easter" -> 0
    nth_weekday: dict[str, tuple[int, int, int]]  # "Thanksgiving" -> (11, 4, 3): November's 4th Thursday
    feasts: dict[str, str]  # a spelling of a tabled feast -> its name in feasts.tsv: "Eid ul-Fitr" -> "Eid al-Fitr"
    feast_dates: dict[str, dict[int, tuple[int, int]]]  # feast -> year -> (month, day), from feasts.tsv
    names: tuple[str, ...]  # names holding a date word that date nothing: "Good Friday Agreement", "Bloody Sunday"
    named: dict[str, tuple[int, int, int]]  # events named by their date: "October 7 attack" -> (2023, 10, 7)
    decades: dict[str, int]  # decade words -> the decade's first year: "eighties" -> 1980


@dataclass
class Expr:
    """One date expression as found: offsets are relative to the text searched."""

    start: int
    end: int
    text: str
    kind: str  # ymd, ym, md, year, month, weekday, relative, numeric, anniversary, quarter, feast, ...
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    direction: str | None = None  # "last", "next", "this" (relative and weekday expressions)
    unit: str | None = None  # day, week, month, year, weekend (relative expressions)
    amount: int = 0  # "two days ago" -> 2 (signed: negative is past)
    role: str = "event"
    parts: dict[str, int] = field(default_factory=dict)
    year_shift: int | None = None  # "November last year" -> -1: the year counted from publication
    name: str | None = None  # the feast a "feast" expression names, as feasts.tsv spells it


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the vocabulary once per process."""
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    numbers: dict[str, int] = {}
    ordinals: dict[str, int] = {}
    future: list[str] = []
    roles: dict[str, list[str]] = {}
    seasons: dict[str, int] = {}
    holidays: dict[str, tuple[int, int]] = {}
    movable: dict[str, int] = {}
    orthodox: dict[str, int] = {}
    nth_weekday: dict[str, tuple[int, int, int]] = {}
    feasts: dict[str, str] = {}
    names: list[str] = []
    named: dict[str, tuple[int, int, int]] = {}
    decades: dict[str, int] = {}
    for row in read_tsv("dates", "words.tsv"):
        kind, word, value = row["kind"], row["word"], row["value"]
        if kind in ("month", "month_abbr"):
            months[word] = int(value)
        elif kind == "weekday":
            weekdays[word] = int(value)
        elif kind == "number":
            numbers[word] = int(value)
        elif kind == "ordinal":
            ordinals[word] = int(value)
        elif kind == "future":
            future.append(word)
        elif kind == "season":
            seasons[word] = int(value)
        elif kind == "holiday":
            month, day = value.split("-")
            holidays[word] = (int(month), int(day))
        elif kind == "movable":
            movable[word] = int(value)
        elif kind == "orthodox":
            orthodox[word] = int(value)
        elif kind == "nth_weekday":
            month, nth, weekday = (int(v) for v in value.split("/"))
            nth_weekday[word] = (month, nth, weekday)
        elif kind == "feast":
            feasts[word] = value
        elif kind == "name":
            names.append(word)
        elif kind == "named":
            year, month, day = (int(v) for v in value.split("-"))
            named[word] = (year, month, day)
        elif kind == "decade":
            decades[word] = int(value)
        elif kind.startswith("role_"):
            roles.setdefault(kind[5:], []).append(word)
    feast_dates: dict[str, dict[int, tuple[int, int]]] = {}
    for row in read_tsv("dates", "feasts.tsv"):
        _, month, day = row["date"].split("-")
        feast_dates.setdefault(row["feast"], {})[int(row["year"])] = (int(month), int(day))
    return Lexicon(months, weekdays, numbers, ordinals, tuple(future),
                   {role: tuple(words) for role, words in roles.items()}, seasons, holidays, movable,
                   orthodox, nth_weekday, feasts, feast_dates, tuple(names), named, decades)


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Patterns:
    """Every compiled pattern, built once from the lexicon."""

    shapes: tuple[tuple[str, re.Pattern[str]], ...]
    # words without which a shape cannot match: each shape searches only the text around its own triggers
    triggers: dict[str, re.Pattern[str]]
    role_before: re.Pattern[str]  # "since " / "born in " right before a date
    names: re.Pattern[str] | None  # names that date nothing ("Bloody Sunday"): no expression is kept inside one
    year_context: re.Pattern[str]  # what must precede a bare year ("in 2019", "since 2009", "the 2019 vote")
    future: re.Pattern[str]
    lex: Lexicon
    # trigger name -> (order in `shapes`, kind, pattern) of the shapes it opens: a text without a trigger's words
    # costs its shapes nothing
    by_trigger: dict[str, tuple[tuple[int, str, re.Pattern[str]], ...]]


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    lex = load_lexicon()
    full = [w for w in lex.months if len(w) > 4 or w in ("March", "April", "May", "June", "July")]
    abbr = [w for w in lex.months if w not in full]
    mon = rf"(?P<mon>{_alt(full)}|(?:{_alt(abbr)})\.?)"
    mon_cap = "(?:" + _alt(lex.months) + ")"
    # a month just written: "from May to July" dates July too, where a bare "to July" would not be enough
    after_month = "(?:" + "|".join(f"(?<={re.escape(m)})" for m in full) + ")"
    day = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
    year = r"(?P<year>\d{4})(?!\d)"
    wd = rf"(?:(?P<wd>{_alt(lex.weekdays)}),?\s+)?"
    # "November last year", "3 March this year": the year counted from publication
    yrel = r"(?:,?\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year\b(?!['’]s))?"
    feast_year = r"(?:,?\s+(?:of\s+|in\s+)?(?P<year>\d{4})\b)?"  # "Christmas 2019", "Eid al-Fitr in 2023"
    # "twenty-five": tens and units written as one word, tried before "five" alone could match inside it
    tens = _alt(w for w, v in lex.numbers.items() if v in range(20, 100, 10))
    units = _alt(w for w, v in lex.numbers.items() if 1 <= v <= 9 and len(w) > 2 and " " not in w)
    num = rf"(?<!-)(?P<num>\d{{1,3}}|(?:{tens})-(?:{units})|{_alt(lex.numbers)})"
    ordinal = rf"(?P<ord>\d{{1,3}}(?:st|nd|rd|th)|{_alt(lex.ordinals)})"
    unit = r"(?P<unit>day|week|fortnight|month|year|decade|centur(?:y|ie))s?"
    year_cue = (r"(?:[Ii]n|[Ss]ince|[Oo]f|[Ff]rom|[Uu]ntil|[Tt]ill|[Bb]y|[Dd]uring|[Bb]efore|[Aa]fter|[Tt]hrough|"
                r"[Bb]etween|[Aa]nd|to|[Tt]he|[Ee]arly|[Ll]ate|[Mm]id-?|[Ss]ummer|[Ss]pring|[Aa]utumn|[Ff]all|"
                r"[Ww]inter|[Yy]ear|[Ee]nd of|[Ss]tart of|[Bb]eginning of|[Bb]orn|[Aa]s of|[Ff]or|[Ii]n early|"
                r"[Ii]n late|[Ss]ince at least|\bb\.|[Ff]iscal(?: year)?|FY|Q[1-4]|H[12]|[Qq]uarter of|[Hh]alf of|['’]s|,|–|-)")
    shapes = (
        ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<day>\d{2})(?:\b|(?=T\d\d:))")),  # 2024-05-04T10:00
        # "2023-09": a month, where "2010-11" is a span of years (a second part above the year's last two digits)
        ("iso_month", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])\b(?![-–/.]\d)")),
        ("iso", re.compile(r"\b(?P<year>\d{4})/(?P<m>0?[1-9]|1[0-2])/(?P<day>[0-3]?\d)\b")),  # 2024/03/05
        ("dmy", re.compile(rf"\b{wd}(?:the\s+)?{day}(?:\s+of)?\s+{mon},?\s+{year}\b")),
        ("mdy", re.compile(rf"\b{wd}{mon}\s+{day},?\s+{year}\b")),
        ("numeric", re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})\b")),
        ("dotted", re.compile(r"\b(?P<day>\d{1,2})\.(?P<m>\d{1,2})\.(?P<year>\d{4})\b")),  # always day first
        ("ym", re.compile(rf"\b(?:(?P<part>[Ee]arly|[Mm]id|[Ll]ate)[-\s])?{mon},?\s+(?:of\s+)?{year}\b")),
        ("dm", re.compile(rf"\b{wd}(?:the\s+)?{day}(?:\s+of)?\s+{mon}(?![\w]){yrel}")),
        ("md", re.compile(rf"\b{wd}{mon}\s+(?:the\s+(?=\d{{1,2}}(?:st|nd|rd|th)))?{day}(?![\w:]){yrel}")),
        ("month", re.compile(
            rf"(?:\b(?P<cue>[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Dd]uring|[Ff]rom|[Tt]hrough|[Tt]hroughout|[Bb]efore|"
            rf"[Aa]fter|[Aa]round|[Ff]or|of|[Ll]ast|[Nn]ext|[Tt]his|"
            rf"[Ee]arly|[Ll]ate|[Ee]nd of|[Bb]eginning of|[Ss]tart of|[Ee]arlier in|[Ll]ater in|[Bb]etween|"
            rf"{after_month} (?:to|and|through|until)|{after_month}[-–]|[Mm]id-|[Ee]nd-|(?<=year )to|(?<=months )to)"
            rf"(?:\s+(?:early|late|mid)(?:-|\s+)|\s+|(?<=[-–])))(?P<mon>{mon_cap})\b(?!\s+\d){yrel}")),
        ("month_noun", re.compile(
            rf"\b(?:(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Aa]n?)\s+(?P<mon>{_alt(m for m in full if m != 'May')})"
            rf"(?=\s+[a-z]{{3,}})(?!\s+(?:of|to|and|or|for|through|until)\b)|"
            rf"(?P<mon2>{_alt(m for m in full if m != 'May')})(?=['’]s\b))")),
        ("anniversary", re.compile(rf"\b{ordinal}\s+anniversary\b")),
        # "half a century ago", "a quarter of a century ago" are no whole units back
        ("ago", re.compile(rf"\b(?<!half )(?<!of ){num}\s+{unit}\s+ago\b", re.IGNORECASE)),
        ("relative", re.compile(
            r"\b(?:(?P<edge>[Ee]arlier|[Ll]ater)\s+)?(?P<dir>[Tt]his|[Ll]ast|[Nn]ext|[Pp]ast|(?<=the )(?:previous|"
            r"coming|current))\s+"
            r"(?P<unit>week(?:end)?|month|year)\b(?!\s+(?:ago|of)\b)")),
        ("weekend", re.compile(r"\b(?:(?:over|at|during|on|through|throughout|across) the weekend\b|"
                               r"[Tt]he weekend(?=['’]s\b))")),
        # "two days later", "a year earlier", "the next morning", "the following week": counted from the date told
        # just before, not from publication (the dates stage finds that anchor; without one they get no value)
        # (the shape finds the anchoring word; the count before it is read only then, see _count_before)
        ("anchored", re.compile(
            r"\b(?:(?P<dir>later|earlier|afterwards|before that|after that)\b|[Tt]he\s+(?:next\s+"
            r"(?P<unit2>day|morning|afternoon|evening|night)|following\s+"
            r"(?P<unit3>day|morning|afternoon|evening|night|week|month|year))\b)")),
        # "in two weeks": ahead of publication; dated only in a future clause ("grew in two years" is a duration)
        # "in two months' time" and "in two weeks from now" are ahead whatever the clause's tense
        ("ahead", re.compile(rf"\b[Ii]n\s+{num}\s+{unit}(?:'s|’s|'|’)?(?P<time>\s+time|\s+from\s+now)?\b(?!\s+of\b)",
                             re.IGNORECASE)),
        # "the week before last": two units back ("the month after next": two ahead)
        ("twice", re.compile(r"\b(?P<unit>week|month|year)\s+(?P<dir>before last|after next)\b")),
        # "the start of the year", "earlier in the week": a part of the current unit, at the unit's precision
        ("edge", re.compile(r"\b(?:(?:the\s+)?(?:[Ss]tart|[Bb]eginning|[Ee]nd|[Mm]iddle|[Tt]urn)\s+of|"
                            r"(?:[Ee]arlier|[Ll]ater)\s+in)\s+the\s+(?P<unit>week|month|year)\b(?!\s+(?:before|after)\b)")),
        ("season", re.compile(rf"\b(?P<dir>[Ll]ast|[Nn]ext|[Tt]his)\s+(?P<season>{_alt(lex.seasons)})\b(?!\s+of\b)")),
        # "in the spring", "since the summer": the latest such season begun by publication (the next in a future
        # clause); "since the summer of 2014" is a year and left to the year shape
        ("season_the", re.compile(rf"\b(?:[Ii]n|[Dd]uring|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]hrough|[Tt]hroughout|[Oo]ver|"
                                  rf"[Ff]rom|[Ee]arly in|[Ll]ate in|[Bb]efore|[Aa]fter)\s+the\s+"
                                  rf"(?P<season>{_alt(lex.seasons)})\b(?!\s+(?:of|months?|season|term|session)\b|-)")),
        ("season_of", re.compile(rf"\b(?P<season>{_alt(lex.seasons)})\s+of\s+(?P<yrel>last|this|next)\s+year\b")),
        ("holiday", re.compile(rf"\b(?P<feast>{_alt(lex.holidays)})\b{feast_year}")),
        ("movable", re.compile(rf"\b(?<!Orthodox )(?P<feast>{_alt(lex.movable)})\b{feast_year}")),
        ("orthodox", re.compile(rf"\b(?P<feast>{_alt(lex.orthodox)})\b{feast_year}")),
        ("nth", re.compile(rf"\b(?P<feast>{_alt(lex.nth_weekday)})(?!\w){feast_year}")),
        ("feast", re.compile(rf"\b(?P<feast>{_alt(lex.feasts)})\b{feast_year}")),
        ("named", re.compile(rf"(?<![\w/])(?P<named>{_alt(lex.named)})(?![\w/])")),
        # a decade or a century: a span no ISO value holds, found so that it dates nothing by mistake
        ("period_digits", re.compile(r"\b(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[-\s]+)?(?:1\d|20)\d0s\b"
                                     r"|\b[Tt]he\s+(?:(?:early|mid|late)[-\s]+)?['’‘]?\d0s\b")),
        ("period_words", re.compile(rf"\b[Tt]he\s+(?:(?:early|mid|late)[-\s]+)?(?:{_alt(lex.decades)})\b")),
        ("period", re.compile(
            r"\b(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[-\s]+)?(?:\d{1,2}(?:st|nd|rd|th)|[A-Za-z]+(?:-[a-z]+)?(?<=st|nd|rd|th))"
            r"[-\s]+[Cc]entury\b|\b[Tt]urn\s+of\s+the\s+(?:century|millennium)\b")),
        # quarters and halves: "the third quarter", "last quarter", "Q3", "H1 2023", "the first half of last year"
        ("quarter", re.compile(
            r"(?:\b(?P<pyear>(?:19|20)\d\d)['’]s\s+)?"  # "2023's first quarter"
            r"\b(?:(?P<qord>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]inal|1st|2nd|3rd|4th)[-\s]+(?P<qpart>quarter|half)"
            r"|(?P<qrel>[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Pp]revious|[Cc]urrent|[Cc]oming)\s+quarter"
            r"|(?P<qcode>Q[1-4]|H[12]))"
            r"(?:(?:\s+of|,)?\s+(?:(?P<year>\d{4})\b|(?:the\s+)?(?P<qyear>the|this|last|next|current)\s+"
            r"(?:fiscal\s+|financial\s+)?year\b))?(?![-\w]|\s+(?:of|century|mile|final))")),
        # "FY2024", "FY 2023", "FY23": a fiscal year is named by the calendar year it ends in
        ("fiscal", re.compile(r"\bFY\s?['’]?(?P<fy>\d{4}|\d{2})\b(?![-–/]\d)")),
        # "on the 15th": a day of the month the article is in (or the last one); the ordinal must end the phrase
        # "on the 22nd and 23rd": the second one too, after the first
        ("dayonly", re.compile(r"(?:\b(?:[Oo]n|[Bb]y|[Ss]ince|[Uu]ntil|[Ff]rom|[Bb]etween|[Ff]or) the |"
                               r"(?<=\d(?:st|nd|rd|th) and )(?:the )?|(?<=\d(?:st|nd|rd|th) to )(?:the )?|"
                               r"(?<=\d(?:st|nd|rd|th) or )(?:the )?)(?P<day>3[01]|[12]\d|0?[1-9])"
                               r"(?:st|nd|rd|th)\b(?=\s*(?:[,.;:)]|$|\s+(?:of\s+)?(?:this|last|the)\s+month\b|"
                               r"\s+(?:and|to|or)\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[A-Z])))")),
        # the first day of a range, "between 3 and 5 March", "12-14 June": its month (and year) from the second
        ("range", re.compile(rf"\b(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?=(?:\s*,\s*(?:3[01]|[12]\d|0?[1-9])"
                             rf"(?:st|nd|rd|th)?)*\s*,?\s*(?:-|–|and|to|till|until|"
                             rf"through)\s*(?:the\s+)?(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?:\s+of)?\s+"
                             rf"{mon}(?:,?\s+{year})?)")),
        ("deictic", re.compile(r"\b(?P<word>(?:[Tt]he )?day before yesterday|(?:[Tt]he )?day after tomorrow|[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|[Ll]ast night|"
                               r"[Tt]his (?:morning|afternoon|evening))\b")),
        # "every Friday" is a habit, not a day
        ("weekday", re.compile(rf"\b(?<!every )(?<!each )(?<!\b[Aa] )(?<!\bone )(?:(?P<dir>[Ll]ast|[Nn]ext|(?:[Tt]his )?coming|[Tt]his|[Oo]n|"
                               rf"[Bb]y|[Ss]ince|[Uu]ntil|[Ff]or)\s+)?(?P<wd>{_alt(lex.weekdays)})\b")),
        # a year, also the first of a span ("2010-2015"), never a count ("2000 troops") or a clock ("1930 GMT")
        ("year", re.compile(r"\b(?P<year>1[6-9]\d\d|20\d\d|2100)\b(?:(?![-–/]\d)|(?=[-–](?:1[6-9]|20)\d\d\b)|"
                            r"(?=[-–](?P<to>\d\d)\b(?![-–/]\d)))"
                            r"(?!\s*(?:%|km|people|persons|troops|soldiers|men|women|children|tonnes|tons|dollars|"
                            r"euros|metres|meters|feet|miles|kilometres|kilometers|times|GMT|UTC|hours|hrs|local|"
                            r"employees|workers|members|residents|voters|jobs|homes|houses|cases|deaths|patients|"
                            r"refugees|migrants|students|fighters|prisoners|detainees|vehicles|barrels|acres|hectares|"
                            r"rockets|missiles|drones|delegates|seats|votes|protesters|civilians|families|pilgrims|"
                            r"police|officers|staff|units)\b|\s*%|\s*(?:to|until|-|–)\s*0\d{3}\b)")),
    )
    year_context = re.compile(rf"(?:\b{year_cue}|\()\s*$")
    # "had been due to", "had planned": a future seen from the past, which the text's date now lies behind
    # and "must have", "should have" look back ("will have" is listed whole, so it still looks ahead)
    # "could resume on Monday" looks ahead; "could not attend", "could hear blasts" are a past's ability
    # "the next day" counts from the story's own time, not ahead of publication
    future = re.compile(r"(?<![\w’'])(?<!had been )(?<!had )(?:" + _alt(lex.future) + r")\b(?!\s+have\b)"
                        r"(?!(?<=could)\s+(?:not|never|only|still|hear|see|feel|smell)\b)"
                        r"(?!(?<=next)\s+(?:day|morning|afternoon|evening|night)\b)", re.IGNORECASE)
    month_words = r"\b(?:" + _alt(lex.months) + r")\b"
    triggers = {
        "month": re.compile(month_words),
        "digits": re.compile(r"\d{4}|\d[/.]\d|\d0s\b"),
        "weekday": re.compile(r"\b(?:" + _alt(lex.weekdays) + r")\b"),
        # also what a century needs: "the 19th century", "the turn of the millennium"
        "units": re.compile(r"\b(?i:days?|weeks?|fortnights?|months?|years?|decades?|century|centuries|millennium)\b"),
        # every named day in one scan: fixed holidays, Easter's, weekday rules, tabled feasts (and decade words and
        # seasons, as rare: a scan saved)
        "feast": re.compile(r"\b(?:" + _alt([*lex.holidays, *lex.movable, *lex.orthodox, *lex.nth_weekday, *lex.feasts,
                                              *lex.decades, *lex.seasons]) + r")(?!\w)"),
        "quarter": re.compile(r"\b(?:quarter|half|Q[1-4]|H[12]|FY(?=\s?['’]?\d))"),
        "named": re.compile(r"\d/\d|\b(?:attacks?|bombings|riot|insurrection)\b"),
        "ordinal": re.compile(r"\d(?:st|nd|rd|th)\b"),
        "relative": re.compile(r"\b(?:[Yy]esterday|[Pp]revious|[Tt]oday|[Tt]onight|[Tt]omorrow|[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|"
                               r"ago|AGO|Ago|[Aa]nniversary|[Ww]eekend|[Cc]oming|[Cc]urrent|[Ll]ater|[Ee]arlier|[Ff]ollowing|[Aa]fterwards)\b"),
    }
    names = re.compile(r"\b(?:" + _alt(lex.names) + r")\b") if lex.names else None
    role_before = re.compile(
        r"(?:" + "|".join(rf"(?P<{role}>\b(?i:{_alt(words)}))" for role, words in lex.roles.items())
        + r")(?:\s+at\s+least)?(?:\s+(?:in|on))?\s+(?:the\s+)?(?:(?i:start|beginning|end|middle)\s+of\s+(?:the\s+)?)?"
        r"(?:(?i:early|mid|late)[-\s]+)?$")
    by_trigger = {name: tuple((i, kind, pattern) for i, (kind, pattern) in enumerate(shapes)
                              if SHAPE_TRIGGER[kind] == name) for name in triggers}
    return Patterns(shapes, triggers, role_before, names, year_context, future, lex, by_trigger)


_DIR = {"last": "last", "next": "next", "this": "this", "past": "last", "previous": "last", "on": None, "by": None, "since": None,
        "until": None, "current": "this", "coming": "next", "this coming": "next"}
_QUARTER_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}
_YEAR_SHIFT = {"last": -1, "this": 0, "the": 0, "current": 0, "next": 1}
_DEICTIC = {"the day before yesterday": -2, "day before yesterday": -2, "the day after tomorrow": 2,
            "day after tomorrow": 2, "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1, "this morning": 0,
            "this afternoon": 0, "this evening": 0}
_BORN_BEFORE = re.compile(r"\bborn\b[^.;:,()]{0,40}?\b(?:in|on)\s+(?:the\s+)?$", re.IGNORECASE)
_ANNIV_BEFORE = re.compile(r"\banniversar(?:y|ies)\b(?:\W+\w+){0,6}\W+$", re.IGNORECASE)


def _number(word: str, lex: Lexicon) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if "-" in word:  # "twenty-five"
        tens, unit = word.split("-", 1)
        return lex.numbers[tens] + lex.numbers[unit]
    return lex.numbers.get(word)


def _ordinal(word: str, lex: Lexicon) -> int | None:
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else lex.ordinals.get(word.lower())


def text_from(m: re.Match[str], group: str) -> str:
    """The matched text from the start of `group` on."""
    return m.group()[m.start(group) - m.start():]


def _build(kind: str, m: re.Match[str], lex: Lexicon) -> Expr | None:
    g = m.groupdict()
    e = Expr(m.start(), m.end(), m.group(), kind)
    if g.get("wd"):
        e.weekday = lex.weekdays[g["wd"]]
    if g.get("mon"):
        e.month = lex.months[g["mon"].rstrip(".")]
    if g.get("year"):
        e.year = int(g["year"])
    if g.get("day"):
        e.day = int(g["day"])
    if g.get("yrel"):
        e.year_shift = _YEAR_SHIFT[g["yrel"]]
    if kind in ("iso", "dotted"):
        e.month = int(g["m"])
    elif kind == "iso_month":
        if int(g["m"]) > int(g["year"]) % 100:
            return None
        e.kind, e.month = "ym", int(g["m"])
    elif kind == "numeric":
        a, b = int(g["a"]), int(g["b"])
        if a > 12 >= b:
            e.day, e.month = a, b
        elif b > 12 >= a:
            e.day, e.month = b, a
        elif a == b:
            e.day = e.month = a
        # otherwise day and month are ambiguous (3/4/2020): the year alone is all the text says for sure
    elif kind == "month":
        cue = g["cue"].lower()
        e.direction = {"last": "last", "next": "next", "this": "this"}.get(cue)
        e.start = m.start("mon") if e.direction is None else m.start()
        e.text = m.group()[e.start - m.start():]
    elif kind == "year" and g.get("to") and int(g["to"]) <= (e.year or 0) % 100:
        return None  # "2021-12" is a month, not a span of years like "2014-16"
    elif kind == "month_noun":
        group = "mon" if g.get("mon") else "mon2"
        e.kind, e.month = "month", lex.months[g[group]]
        e.start, e.text = m.start(group), g[group]
    elif kind == "season_the":
        e.kind, e.month = "season", lex.seasons[g["season"].lower()]
        e.start, e.text = m.start("season"), g["season"]
    elif kind == "anchored":
        if g.get("dir"):
            count = _count_before().search(m.string, max(0, m.start() - 48), m.start())
            n = _number(count["num"], lex) if count else None
            if count is None or n is None:
                return None
            e.start, e.text = count.start(), m.string[count.start():m.end()]
            e.unit = count["unit"].lower()
            e.amount = -n if g["dir"] in ("earlier", "before that") else n
        else:
            e.unit, e.amount = (g.get("unit2") or g["unit3"]).lower(), 1
            if e.unit in ("morning", "afternoon", "evening", "night"):
                e.unit = "day"
        if e.text[:4] == "The ":
            e.start, e.text = e.start + 4, e.text[4:]
    elif kind == "season_of":
        e.kind, e.month = "season", lex.seasons[g["season"].lower()]
    elif kind == "anniversary":
        n = _ordinal(g["ord"], lex)
        if not n:
            return None
        e.amount = n
        e.role = "anniversary"
    elif kind == "ago":
        n = _number(g["num"], lex)
        if n is None:
            return None
        e.unit, e.amount = _unit(g["unit"]), -n
    elif kind == "relative":
        e.direction = _DIR[g["dir"].lower()]
        e.unit = g["unit"].lower()
        if g.get("edge"):
            e.direction = "this"
    elif kind == "ahead":
        n = _number(g["num"], lex)
        if n is None:
            return None
        e.unit, e.amount = _unit(g["unit"]), n
        if g.get("time"):
            e.direction = "next"  # "in two months' time": ahead even where the clause has no future word
    elif kind == "season":
        e.direction = _DIR[g["dir"].lower()]
        e.month = lex.seasons[g["season"].lower()]
    elif kind == "holiday":
        e.month, e.day = lex.holidays[g["feast"]]
    elif kind == "movable":
        e.amount = lex.movable[g["feast"]]
    elif kind == "orthodox":
        e.amount = lex.orthodox[g["feast"]]
    elif kind == "nth":
        e.month, e.amount, e.weekday = lex.nth_weekday[g["feast"]]
    elif kind == "feast":
        e.name = lex.feasts[g["feast"]]
    elif kind in ("period", "period_digits", "period_words"):
        e.kind, e.role = "period", "period"
        if e.text[:4] in ("the ", "The "):
            e.start, e.text = e.start + 4, e.text[4:]
    elif kind == "named":
        e.kind = "ymd_named"
        e.year, e.month, e.day = lex.named[g["named"]]
    elif kind == "quarter":
        return _quarter(e, g)
    elif kind == "fiscal":
        e.kind, e.year = "year", int(g["fy"]) + (2000 if len(g["fy"]) == 2 else 0)
    elif kind == "twice":
        e.kind, e.unit = "ago", g["unit"]
        e.amount = -2 if g["dir"] == "before last" else 2
    elif kind == "edge":
        e.kind, e.unit, e.direction = "relative", g["unit"], "this"
    elif kind == "range":
        e.kind = "dmy" if e.year is not None else "dm"
    elif kind == "dayonly":
        e.start = m.start("day")
        e.text = text_from(m, "day")
    elif kind == "weekend":
        e.unit, e.amount = "weekend", 0
        e.direction = "recent"
    elif kind == "deictic":
        e.unit, e.amount = "day", _DEICTIC[g["word"].lower()]
    elif kind == "weekday":
        d = (g.get("dir") or "").lower()
        e.direction = _DIR.get(d)
        if d in ("on", "by", "since", "until", "for"):  # keep the preposition out of the expression's text
            e.start = m.start("wd")
            e.text = g["wd"]
        if d == "for" and not re.match(r"['’]s\b", m.string[m.end():m.end() + 3]):
            e.direction = "coming"  # "called a strike for Tuesday": the Tuesday ahead ("for Tuesday's attack" is not)
        # "on Monday of last week", "Friday next week"; "the last Sunday of March", "the first Monday in April 2023"
        _weekday_of(e, m, lex)
    if e.text.startswith("the "):
        e.start += 4
        e.text = e.text[4:]
    return e


@lru_cache(maxsize=1)
def _count_before() -> re.Pattern[str]:
    """'two days ' right before 'later': the count of an anchored expression."""
    lex = load_lexicon()
    tens = _alt(w for w, v in lex.numbers.items() if v in range(20, 100, 10))
    units = _alt(w for w, v in lex.numbers.items() if 1 <= v <= 9 and len(w) > 2 and " " not in w)
    return re.compile(rf"\b(?<!-)(?P<num>\d{{1,3}}|(?:{tens})-(?:{units})|{_alt(lex.numbers)})\s+"
                      rf"(?P<unit>day|week|fortnight|month|year|decade)s?\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _weekday_after() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """What turns a weekday into a day of another week ("Monday of last week") or a weekday counted in a month
    ("the last Sunday of March"): the words after it, and the ordinal before it."""
    lex = load_lexicon()
    mon = "(?:" + _alt(lex.months) + ")"
    week = re.compile(r"(?:\s+of)?\s+(?P<dir>last|next|this)\s+week\b(?!['’]s)")
    month = re.compile(rf"\s+(?:of|in)\s+(?P<mon>{mon})\b(?:,?\s+(?P<year>\d{{4}})\b)?"
                       rf"(?:,?\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year\b(?!['’]s))?")
    ordinal = re.compile(r"\b(?P<nth>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+$")
    return week, month, ordinal


def _weekday_of(e: Expr, m: re.Match[str], lex: Lexicon) -> None:
    """Make `e` a weekday of another calendar week or the nth weekday of a month when the words around say so."""
    week, month, ordinal = _weekday_after()
    text = m.string
    after = week.match(text, m.end())
    if after is not None and e.direction is None:
        e.direction = {"last": "prevweek", "next": "nextweek", "this": "thisweek"}[after["dir"]]
        e.end, e.text = after.end(), text[e.start:after.end()]
        return
    within = month.match(text, m.end())
    if within is None:
        return
    nth = -1 if e.direction == "last" else None
    before = ordinal.search(text, max(0, m.start() - 8), m.start()) if nth is None else None
    if before is not None:
        nth = _ordinal(before["nth"], lex)
        e.start = before.start()
    if nth is None:
        return
    e.kind, e.amount, e.direction = "nth", nth, None
    e.month = lex.months[within["mon"].rstrip(".")]
    e.year = int(within["year"]) if within["year"] else None
    e.year_shift = _YEAR_SHIFT[within["yrel"]] if within["yrel"] else None
    e.end, e.text = within.end(), text[e.start:within.end()]


def _unit(word: str) -> str:
    """The unit a matched word names: "centuries" -> "century", "Weeks" -> "week"."""
    word = word.lower()
    return "century" if word.startswith("centur") else word


def _quarter(e: Expr, g: dict[str, str | None]) -> Expr | None:
    """A quarter or half of a year: the text's year when it gives one ("Q3 2023"), else the quarter is placed from
    publication ("the third quarter", "last quarter") and resolves to its year, the finest ISO precision it has."""
    if g.get("year") or g.get("pyear"):
        e.kind, e.year = "year", int(g.get("year") or g["pyear"])  # type: ignore[arg-type]
        return e
    rel = (g.get("qrel") or "").lower()
    if rel == "last" and g.get("qyear"):
        rel, g = "", {**g, "qord": "final", "qpart": "quarter"}  # "the last quarter of the year" is its fourth
    if rel:
        e.kind, e.unit, e.direction = "quarter", "quarter", _DIR[rel]
        return e
    code = g.get("qcode")
    half = (g.get("qpart") == "half") if code is None else code.startswith("H")
    number = int(code[1]) if code else _QUARTER_ORD[(g.get("qord") or "").lower()]
    if half:
        number = min(number, 2)
    e.kind, e.unit = "quarter", "half" if half else "quarter"
    e.amount = number
    if g.get("qyear"):
        e.year_shift = _YEAR_SHIFT[g["qyear"]]  # type: ignore[index]
    return e


# "every year on 15 May", "on Christmas Day each year": a habit, which no single day dates
_HABIT_BEFORE = re.compile(r"\b(?:every|each)\s+(?:year\s+)?(?:on\s+)?(?:the\s+)?$", re.IGNORECASE)
_HABIT_AFTER = re.compile(r"^,?\s+(?:every|each)\s+(?:\w+\s+)?years?\b|^,?\s+annually\b", re.IGNORECASE)
_CLOCK_BEFORE = re.compile(r"\b0\d{3}\s*(?:to|until|-|–)\s*$")  # "a curfew from 0600 to 1800" is a clock


WINDOW = 48  # characters searched on each side of a trigger word: longer than any date expression
SHAPE_TRIGGER = {"iso": "digits", "iso_month": "digits", "dotted": "digits", "dmy": "month", "mdy": "month", "numeric": "digits", "ym": "month", "dm": "month",
                 "md": "month", "month": "month", "month_noun": "month", "season_of": "feast", "anniversary": "relative", "ago": "relative",
                 "relative": "relative", "weekend": "relative", "deictic": "relative", "weekday": "weekday",
                 "year": "digits", "ahead": "units", "season": "feast", "holiday": "feast",
                 "dayonly": "ordinal", "range": "month", "season_the": "feast", "anchored": "relative", "twice": "relative", "edge": "units",
                 "movable": "feast", "orthodox": "feast", "nth": "feast", "feast": "feast",
                 "quarter": "quarter", "fiscal": "quarter", "named": "named",
                 "period": "units", "period_digits": "digits", "period_words": "feast"}


def _windows(text: str, trigger: re.Pattern[str]) -> list[tuple[int, int]]:
    """Merged stretches of text around trigger words, so that fifteen patterns do not each scan the whole article."""
    out: list[tuple[int, int]] = []
    for m in trigger.finditer(text):
        start, end = max(0, m.start() - WINDOW), min(len(text), m.end() + WINDOW)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def find_dates(text: str) -> list[Expr]:
    """Every date expression in `text`, left to right, overlaps resolved in favour of the longer match."""
    pats = patterns()
    lex = pats.lex
    ordered: list[tuple[int, int, int, Expr]] = []
    for name, trigger in pats.triggers.items():
        spans = _windows(text, trigger)
        if not spans:
            continue
        for order, kind, pattern in pats.by_trigger[name]:
            for start, end in spans:
                for m in pattern.finditer(text, start, end):
                    if kind == "year" and not _year_stands(text, m, pats):
                        continue
                    expr = _build(kind, m, lex)
                    if expr is not None:
                        ordered.append((expr.start, expr.start - expr.end, order, expr))
    ordered.sort(key=lambda t: t[:3])  # equal spans: the shape listed first wins, as it always has
    found = [t[3] for t in ordered]
    if pats.names is not None:
        blocked = [(m.start(), m.end()) for m in pats.names.finditer(text)]
        found = [e for e in found if not any(e.start < end and start < e.end for start, end in blocked)]
    habits = [e for e in found if _HABIT_BEFORE.search(text[max(0, e.start - 24):e.start])
              or _HABIT_AFTER.search(text[e.end:e.end + 24])]
    if habits:  # nor does any part of a habit ("Tuesday" in "the first Tuesday of November every four years")
        found = [e for e in found if not any(e.start < h.end and h.start < e.end for h in habits)]
    kept: list[Expr] = []
    for e in found:
        if kept and e.start < kept[-1].end:
            if e.end - e.start > kept[-1].end - kept[-1].start:
                kept[-1] = e
            continue
        kept.append(e)
    kept = _continued_days(text, kept, lex)
    _share_years(text, kept)
    for e in kept:
        _set_role(text, e)
    return kept


# a year that needs no cue before it: "2019's election", and a sentence's subject ("2019 was the hottest year";
# a plural verb makes it a count: "2000 were killed")
_YEAR_AS_NAME = re.compile(r"['’]s\b")
_OPENS_SENTENCE = re.compile(r"(?:[.!?]['’\"”]?\s+|\n\s*)$")
_YEAR_AS_SUBJECT = re.compile(r"\s+(?:was|is|will be|has been|had been|saw|sees|will see|marked|marks|brought|"
                              r"began|ended|proved)\b")
_SPAN_END = re.compile(r"[-–](?P<to>(?:1[6-9]|20)\d\d)\b(?!\s*(?:GMT|UTC|hours|hrs|h\b|local|[A-Z]{2,4}T\b))")


def _year_stands(text: str, m: re.Match[str], pats: Patterns) -> bool:
    """Whether four digits are a year: after a cue ("in 2019", "the 2019 vote"), opening a span of years, before a
    possessive, or as a sentence's subject; never a clock ("from 0600 to 1800")."""
    if _CLOCK_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
        return False
    if pats.year_context.search(text[max(0, m.start() - 24):m.start()]) or _opens_span(text, m) \
            or _YEAR_AS_NAME.match(text, m.end()):
        return True
    opens = m.start() == 0 or _OPENS_SENTENCE.search(text[max(0, m.start() - 6):m.start()])
    return bool(opens and _YEAR_AS_SUBJECT.match(text, m.end()))


def _opens_span(text: str, m: re.Match[str]) -> bool:
    """Whether a year opens a span of later years ("ruled 2010–2015"): a year even without a cue before it."""
    end = _SPAN_END.match(text, m.end())
    return end is not None and 0 < int(end["to"]) - int(m["year"]) <= 100


# "May 3 and 4, 2020", "March 20 and 21": a second day written with the first one's month
_NEXT_DAY = re.compile(r"\s*(?:-|–|and|to|through|till|until)\s*(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
                       r"(?:,?\s+(?P<year>\d{4})\b)?(?![-–/:%.]?\d)")


def _continued_days(text: str, kept: list[Expr], lex: Lexicon) -> list[Expr]:
    """Add the second day of "May 3 and 4, 2020" (month-first ranges), which no shape finds alone; a year after
    it dates the first day too. Expressions inside the added one (the bare "2020") give way to it."""
    added: list[Expr] = []
    for e in kept:
        if e.kind not in ("md", "mdy") or e.day is None:
            continue
        m = _NEXT_DAY.match(text, e.end)
        if m is None or (e.kind == "mdy" and m["year"]) or re.match(r"\s+(?:of\s+)?[A-Z][a-z]{2}", text[m.end():]):
            continue  # "May 3 to 5 June" belongs to the day-first shapes
        day = Expr(m.start("day"), m.end(), text[m.start("day"):m.end()], e.kind, month=e.month, day=int(m["day"]))
        if m["year"]:
            day.kind, day.year = "mdy", int(m["year"])
            if e.kind == "md" and e.year_shift is None:
                e.kind, e.year = "mdy", day.year
        elif e.kind == "mdy":
            day.year = e.year
        else:
            day.year_shift = e.year_shift
        if int(m["day"]) > e.day:
            added.append(day)
    if not added:
        return kept
    out = [e for e in kept if not any(a.start < e.end and e.start < a.end for a in added)] + added
    return sorted(out, key=lambda e: e.start)


# what may stand between the two ends of a span: "March and May 2023", "from January to March 2020", "March-April"
_BETWEEN_ENDS = re.compile(r"\s*,?\s*(?:-|–|and|to|through|till|until|or|&)\s*(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?"
                           r"(?:(?:on|in)\s+)?$", re.IGNORECASE)


def _share_years(text: str, kept: list[Expr]) -> None:
    """The first end of a span takes its year from the second: "between March and May 2023" is March 2023, "from
    28 February to 3 March 2020" is 28 February 2020, "from March to May last year" is March of last year. An end
    later in the calendar than the second lies in the year before ("December to February 2020")."""
    for first, second in zip(reversed(kept[:-1]), reversed(kept[1:])):
        if first.kind not in ("month", "dm", "md") or first.year_shift is not None or first.direction is not None:
            continue
        if not _BETWEEN_ENDS.fullmatch(text, first.end, second.start) or second.month is None:
            continue
        later = (first.month, first.day or 0) > (second.month, second.day or 0)  # type: ignore[operator]
        if second.kind in ("ym", "dmy", "mdy") and second.year is not None:
            first.year = second.year - later
            first.kind = {"month": "ym", "dm": "dmy", "md": "mdy"}[first.kind]
        elif second.kind in ("month", "dm", "md") and second.year_shift is not None:
            first.year_shift = second.year_shift - later


def _set_role(text: str, e: Expr) -> None:
    """Mark expressions that cannot date an event: 'since 2009', 'born in 1956', '... anniversary of ... 1979',
    and the 'today' that means nowadays. A period keeps its role unless a cue gives it one ("since the 1990s")."""
    if e.role == "period":
        cue = patterns().role_before.search(text[max(0, e.start - 60):e.start])
        e.role = cue.lastgroup if cue and cue.lastgroup else "period"
        return
    if e.role != "event":
        return
    if e.kind == "deictic" and e.amount == 0 and (
            re.match(r"'s|’s", text[e.end:e.end + 2])
            or (text[e.end:e.end + 1] == "," and re.search(r"(?:^|[“\",:]|\bthat)\s*$", text[max(0, e.start - 8):e.start]))):
        e.role = "generic"  # "Today, the resistance plays ..." / "today's world": nowadays, not a day
        return
    before = text[max(0, e.start - 60):e.start]
    cue = patterns().role_before.search(before)
    if cue:
        e.role = cue.lastgroup or "event"
    elif e.kind in ("year", "ym", "dmy", "mdy") and _BORN_BEFORE.search(before):
        e.role = "birth"  # "was born in Rome in 1936"
    elif e.kind in ("year", "ym", "dmy", "mdy") and _ANNIV_BEFORE.search(before):
        e.role = "anniversary"


_MAY = re.compile(r"\bmay\b(?!\s+(?:have|not)\b)")  # the modal, lower case: "May" is the month


def has_future_cue(text: str) -> bool:
    """Whether a clause speaks of the future (an undated '14 December' or 'Tuesday' then lies ahead)."""
    return bool(patterns().future.search(text) or _MAY.search(text))


# a word that places a thing ahead without a verb of the future: "the next round was held" is past all the same
# ("the upcoming vote on Sunday was postponed" is still ahead: "upcoming" says so itself)
WEAK_FUTURE = frozenset({"next"})


def only_weak_future_cues(text: str) -> bool:
    """Whether every future cue in `text` is one of WEAK_FUTURE (a past tense in the clause then decides)."""
    cues = [m.group().lower() for m in patterns().future.finditer(text)]
    return bool(cues) and all(c in WEAK_FUTURE for c in cues) and not _MAY.search(text)
