"""Resolve a found date expression against the publication date, keeping exactly the precision the text gives.

Reported events lie in the past, so an undated "14 December" or "Tuesday" is the latest such day not after
publication; a future cue in the clause ("will meet on Tuesday") flips that to the earliest day not before it.
A month stays "YYYY-MM" and a year "YYYY": no day is ever invented. Impossible calendar dates ("31 February"),
years beyond MAX_YEARS_AHEAD of publication and relative expressions without a publication date resolve to None.
"""

from __future__ import annotations

import datetime as dt

from .find import Expr

MAX_YEARS_AHEAD = 100  # "by 2050" is a real target year; "in 2321" is a typo, not a date
LATEST_YEAR_WITHOUT_PUBLICATION = 2100  # the same bound when the article gives no publication date


def parse_published(published: str | None) -> dt.date | None:
    """The publication date as a date, or None when absent or malformed."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _plausible(year: int, pub: dt.date | None) -> bool:
    if year < 1000:
        return False
    return year <= (pub.year + MAX_YEARS_AHEAD if pub else LATEST_YEAR_WITHOUT_PUBLICATION)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def resolve(e: Expr, published: dt.date | None, future: bool = False) -> str | None:
    """The ISO value ("YYYY", "YYYY-MM" or "YYYY-MM-DD") of `e`, or None when the text does not fix one."""
    if e.year is not None and not _plausible(e.year, published):
        return None
    if e.kind in ("iso", "dmy", "mdy", "dotted"):
        d = _day(e.year, e.month, e.day)  # type: ignore[arg-type]
        return d.isoformat() if d else None
    if e.kind == "numeric":
        if e.month is None:
            return f"{e.year:04d}"
        d = _day(e.year, e.month, e.day)  # type: ignore[arg-type]
        return d.isoformat() if d else None
    if e.kind == "ym":
        return _ym(e.year, e.month)  # type: ignore[arg-type]
    if e.kind == "year":
        return f"{e.year:04d}"
    if published is None:
        return None
    if e.kind in ("dm", "md"):
        return _undated_day(e.month, e.day, published, future)  # type: ignore[arg-type]
    if e.kind == "holiday":
        return _undated_day(e.month, e.day, published, future)  # type: ignore[arg-type]
    if e.kind == "movable":
        return _movable_feast(e.amount, published, future)
    if e.kind == "dayonly":
        return _day_of_month(e.day, published, future)  # type: ignore[arg-type]
    if e.kind == "season":
        return _season(e.month, e.direction, published)  # type: ignore[arg-type]
    if e.kind == "ahead":  # "in two weeks" dates only a clause about the future: elsewhere it is a duration
        return _offset(e.unit or "day", e.amount, published) if future else None
    if e.kind == "month":
        return _undated_month(e.month, e.direction, published, future)  # type: ignore[arg-type]
    if e.kind == "anniversary":
        return f"{published.year - e.amount:04d}" if e.amount < published.year else None
    if e.kind == "weekday":
        return _weekday(e.weekday, e.direction, published, future).isoformat()  # type: ignore[arg-type]
    if e.kind == "weekend":  # "over the weekend": the latest weekend begun by publication
        return _weekend(-1 if published.weekday() < 5 else 0, published).isoformat()
    if e.kind in ("ago", "deictic"):
        return _offset(e.unit or "day", e.amount, published)
    if e.kind == "relative":
        step = {"last": -1, "next": 1, "this": 0}[e.direction or "this"]
        return _offset(e.unit or "day", step, published)
    return None


def _undated_day(month: int, day: int, pub: dt.date, future: bool) -> str | None:
    """'14 December': this year's if that is not after publication (before it when the clause is future)."""
    if not 1 <= day <= 31 or _day(2000, month, day) is None:  # 2000 is a leap year: 29 February is possible
        return None
    year = pub.year
    candidate = _day(year, month, day)
    if future:
        while candidate is None or candidate < pub:
            year += 1
            candidate = _day(year, month, day)
    else:
        while candidate is None or candidate > pub:
            year -= 1
            candidate = _day(year, month, day)
    return candidate.isoformat()


def easter(year: int) -> dt.date:
    """Western Easter Sunday of `year` (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    x = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * x) // 451
    month, day = divmod(h + x - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _movable_feast(offset: int, pub: dt.date, future: bool) -> str:
    """'Good Friday', 'Easter Monday': this year's if not after publication (not before it in a future clause),
    else the year before (after)."""
    candidate = easter(pub.year) + dt.timedelta(days=offset)
    if future and candidate < pub:
        candidate = easter(pub.year + 1) + dt.timedelta(days=offset)
    elif not future and candidate > pub:
        candidate = easter(pub.year - 1) + dt.timedelta(days=offset)
    return candidate.isoformat()


def _undated_month(month: int, direction: str | None, pub: dt.date, future: bool) -> str:
    """'in March': the latest March not after publication; 'next March' / future clause: the earliest not before."""
    if direction == "this":
        return _ym(pub.year, month)
    if direction == "next" or (future and direction != "last"):
        return _ym(pub.year if month >= pub.month else pub.year + 1, month)
    if direction == "last" and month >= pub.month:
        return _ym(pub.year - 1, month)
    return _ym(pub.year if month <= pub.month else pub.year - 1, month)


def _day_of_month(day: int, pub: dt.date, future: bool) -> str | None:
    """'on the 15th': that day of the publication month when it is not after publication, else of the month
    before (the month after in a future clause)."""
    step = 1 if future else -1
    year, month = pub.year, pub.month
    for _ in range(3):  # the 31st may skip a short month
        candidate = _day(year, month, day)
        if candidate is not None and (candidate >= pub if future else candidate <= pub):
            return candidate.isoformat()
        year, month = _shift_month(year, month, step)
    return None


SEASON_MONTHS = 3


def _season(start_month: int, direction: str | None, pub: dt.date) -> str | None:
    """'last summer', 'this spring', 'next autumn': the year of that season. 'Last' is the latest one over by
    publication, 'next' the first one not yet begun. A winter spans two years, so it gets no value."""
    if start_month + SEASON_MONTHS - 1 > 12:
        return None
    if direction == "this":
        return f"{pub.year:04d}"
    now = pub.year * 12 + pub.month - 1
    if direction == "last":
        year = pub.year if pub.year * 12 + start_month - 1 + SEASON_MONTHS <= now else pub.year - 1
    else:
        year = pub.year if pub.year * 12 + start_month - 1 > now else pub.year + 1
    return f"{year:04d}"


def _weekday(weekday: int, direction: str | None, pub: dt.date, future: bool) -> dt.date:
    """'on Tuesday': the latest Tuesday not after publication; 'next Tuesday' or a future clause: the next one."""
    back = (pub.weekday() - weekday) % 7
    ahead = (weekday - pub.weekday()) % 7
    if direction == "next":
        return pub + dt.timedelta(days=ahead or 7)
    if direction == "last":
        return pub - dt.timedelta(days=back or 7)
    if future:
        return pub + dt.timedelta(days=ahead)
    return pub - dt.timedelta(days=back)


def _offset(unit: str, amount: int, pub: dt.date) -> str:
    """A day, week, month or year counted from publication, at the precision the unit names.

    A week has no ISO form coarser than a day, so weeks (and fortnights) resolve to the month they fall in.
    """
    if unit == "day":
        return (pub + dt.timedelta(days=amount)).isoformat()
    if unit in ("week", "fortnight"):
        moved = pub + dt.timedelta(days=(7 if unit == "week" else 14) * amount)
        return _ym(moved.year, moved.month)
    if unit == "weekend":
        return _weekend(amount, pub).isoformat()
    if unit == "month":
        return _ym(*_shift_month(pub.year, pub.month, amount))
    if unit == "decade":
        return f"{pub.year + 10 * amount:04d}"
    return f"{pub.year + amount:04d}"


def _weekend(amount: int, pub: dt.date) -> dt.date:
    """The Saturday of last (-1), this (0) or next (1) weekend."""
    in_weekend = pub.weekday() >= 5
    this_saturday = pub - dt.timedelta(days=pub.weekday() - 5) if in_weekend else \
        pub + dt.timedelta(days=5 - pub.weekday())
    if amount < 0:
        return this_saturday - dt.timedelta(days=7)
    return this_saturday + dt.timedelta(days=7 * amount)
