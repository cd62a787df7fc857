"""Publication dates: validating the dates users give, and finding the one an article states near its top.

Pages state their date on a line of its own ("December 25, 2021 at 12:34 pm", "Published: 25 December 2021",
"Dec. 25, 2021 10:30 GMT", "2021-12-25") or in a wire dateline opening the first paragraph
("TEHRAN, Dec 25, 2021 (Reuters) -"). A date line is page furniture, so the sentence classifier also uses
`date_line_value` to mark it as boilerplate.
"""

from __future__ import annotations

import datetime as dt
import re

from ..errors import BadDateError

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DATE_FORMS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),            # December 25, 2021 / Dec. 25, 2021
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),  # 25 December 2021
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mon>\d{2})-(?P<day>\d{2})(?=\b|T)"),  # 2021-12-25
    re.compile(r"\b(?P<year>(?:19|20)\d{2})/(?P<mon>\d{1,2})/(?P<day>\d{1,2})\b"),  # 2021/12/25
]
# what may surround the date on a line that is only a date stamp
_STAMP_FILLER = re.compile(
    r"(?i)\b(published|posted|updated|last updated|first published|date|on|at|am|pm|a\.m\.|p\.m\.|"
    r"gmt|utc|bst|cet|cest|est|edt|pst|pdt|ist|local time|time|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tue|tues|wed|thu|thurs|fri|sat|sun)\b\.?"
    r"|\b\d{1,2}[:.h]\d{2}(?::\d{2})?\b|[+-]\d{2}:?\d{2}\b|T\d{2}:\d{2}(:\d{2})?(\.\d+)?Z?|[|,.:;()\[\]/•·—–-]|\s+")
_LABEL_PUBLISHED = re.compile(r"(?i)^\s*(published|posted|first published|date)\b")
_LABEL_UPDATED = re.compile(r"(?i)^\s*(last\s+)?updated\b")
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{1,40},\s*")  # "TEHRAN, " opening a wire story
_HEAD_LINES = 14


def _value(m: re.Match) -> str | None:
    """The ISO value of a date match, or None when it names no real day (31 February)."""
    g = m.groupdict()
    month = _MONTHS[g["month"].lower()] if g.get("month") else int(g["mon"])
    try:
        return dt.date(int(g["year"]), month, int(g["day"])).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first full calendar date in `text` (value, start, end), trying every written form."""
    best: tuple[str, int, int] | None = None
    for form in _DATE_FORMS:
        for m in form.finditer(text):
            value = _value(m)
            if value and (best is None or m.start() < best[1]):
                best = (value, m.start(), m.end())
            if value:
                break
    return best


def date_line_value(line: str) -> str | None:
    """The date of a line that is nothing but a date stamp ("Published: 25 Dec 2021, 10:30 GMT"), else None."""
    line = line.strip()
    if not line or len(line) > 90:
        return None
    found = find_date(line)
    if found is None:
        return None
    value, start, end = found
    rest = _STAMP_FILLER.sub("", line[:start] + " " + line[end:])
    return value if not rest else None


def find_published(text: str) -> str | None:
    """The publication date the article states near its top: a labelled or bare date line, else a dateline."""
    lines = [ln for ln in text[:4000].splitlines() if ln.strip()][:_HEAD_LINES]
    stamps = [(ln, v) for ln in lines if (v := date_line_value(ln))]
    for ln, value in stamps:
        if _LABEL_PUBLISHED.match(ln):
            return value
    for ln, value in stamps:
        if not _LABEL_UPDATED.match(ln):
            return value
    if stamps:
        return stamps[0][1]
    for ln in lines:
        m = _DATELINE.match(ln)
        if m:
            found = find_date(ln[m.end():m.end() + 60])
            if found and found[1] <= 20:  # allows "GAZA CITY, Palestine, Dec 25, 2021"
                return found[0]
    return None


def parse_published(value: str) -> str:
    """Validate a publication date a user or record gives: YYYY-MM-DD (a trailing ISO time is dropped)."""
    head = value.strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$", head)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            pass
    raise BadDateError(f"not a valid date (YYYY-MM-DD): {value}")
