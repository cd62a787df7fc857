"""Resolve a found date expression against the publication date, keeping exactly the precision the text gives.

Reported events lie in the past, so an undated "14 December" or "Tuesday" is the latest such day not after
publication; a future cue in the clause ("will meet on Tuesday") flips that to the earliest day not before it.
A month stays "YYYY-MM" and a year "YYYY": no day is ever invented. Impossible calendar dates ("31 February"),
years beyond MAX_YEARS_AHEAD of publication and relative expressions without a publication date resolve to None.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from .find import Expr, load_lexicon

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
    if e.kind in ("iso", "dmy", "mdy", "dotted", "ymd_named"):
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
    if e.kind in ("holiday", "movable", "orthodox", "nth", "feast"):
        return _feast(e, published, future)
    if published is None:
        return None
    if e.year_shift is not None and e.kind in ("dm", "md", "month"):  # "3 March last year", "November this year"
        year = published.year + e.year_shift
        if e.kind == "month":
            return _ym(year, e.month)  # type: ignore[arg-type]
        d = _day(year, e.month, e.day)  # type: ignore[arg-type]
        return d.isoformat() if d else None
    if e.kind in ("dm", "md"):
        return _undated_day(e.month, e.day, published, future)  # type: ignore[arg-type]
    if e.kind == "quarter":
        return _quarter(e, published, future)
    if e.kind == "dayonly":
        return _day_of_month(e.day, published, future)  # type: ignore[arg-type]
    if e.kind == "season":
        return _season(e.month, e.direction, published, e.year_shift, future)  # type: ignore[arg-type]
    if e.kind == "ahead":  # "in two weeks" dates only a clause about the future: elsewhere it is a duration
        return _offset(e.unit or "day", e.amount, published) if future or e.direction == "next" else None
    if e.kind == "month":
        return _undated_month(e.month, e.direction, published, future)  # type: ignore[arg-type]
    if e.kind == "anniversary":
        return f"{published.year - e.amount:04d}" if e.amount < published.year else None
    if e.kind == "weekday":
        return _weekday(e.weekday, e.direction, published, future).isoformat()  # type: ignore[arg-type]
    if e.kind == "weekend":  # "over the weekend": the latest weekend begun by publication; ahead, the coming one
        return _weekend(-1 if published.weekday() < 5 and not future else 0, published).isoformat()
    if e.kind in ("ago", "deictic"):
        return _offset(e.unit or "day", e.amount, published)
    if e.kind == "relative":
        step = {"last": -1, "next": 1, "this": 0}[e.direction or "this"]
        return _offset(e.unit or "day", step, published)
    return None


def counted_from(anchor: str, unit: str, amount: int) -> str | None:
    """`amount` units after (before, when negative) a date the text told, at the unit's precision: "two days
    later" needs a day to count from; weeks give the month they end in; months and years need that much."""
    precision = len(anchor)
    if unit == "day" or unit in ("week", "fortnight"):
        if precision != 10:
            return None
        moved = dt.date.fromisoformat(anchor) + dt.timedelta(days=amount * {"day": 1, "week": 7, "fortnight": 14}[unit])
        return moved.isoformat() if unit == "day" else _ym(moved.year, moved.month)
    year = int(anchor[:4])
    if unit == "month":
        return _ym(*_shift_month(year, int(anchor[5:7]), amount)) if precision >= 7 else None
    return f"{year + amount * (10 if unit == 'decade' else 1):04d}"


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


def orthodox_easter(year: int) -> dt.date:
    """Easter Sunday of the Julian calendar (Meeus), given as a Gregorian date: the Orthodox churches' Easter."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian_to_gregorian = year // 100 - year // 400 - 2  # 13 days in 1900-2099
    return dt.date(year, month, day + 1) + dt.timedelta(days=julian_to_gregorian)


def nth_weekday(year: int, month: int, nth: int, weekday: int) -> dt.date:
    """The `nth` `weekday` of a month (nth -1: its last): Thanksgiving is November's fourth Thursday."""
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _within_month(day: dt.date, month: int | None) -> dt.date | None:
    """`day` if it falls in `month`: April 2024 has no fifth Friday."""
    return day if day.month == month else None


def _feast_day(e: Expr) -> Callable[[int], dt.date | None]:
    """The day a holiday or feast falls on in a given year (None where the calendar or the table has none)."""
    if e.kind == "holiday":
        return lambda year: _day(year, e.month, e.day)  # type: ignore[arg-type]
    if e.kind == "movable":
        return lambda year: easter(year) + dt.timedelta(days=e.amount)
    if e.kind == "orthodox":
        return lambda year: orthodox_easter(year) + dt.timedelta(days=e.amount)
    if e.kind == "nth":
        return lambda year: _within_month(nth_weekday(year, e.month, e.amount, e.weekday), e.month)  # type: ignore[arg-type]
    table = load_lexicon().feast_dates.get(e.name or "", {})

    def tabled(year: int) -> dt.date | None:
        month_day = table.get(year)
        return dt.date(year, *month_day) if month_day else None
    return tabled


def _feast(e: Expr, pub: dt.date | None, future: bool) -> str | None:
    """'Good Friday', 'Thanksgiving', 'Eid al-Fitr': the year's own when the text gives it ("Christmas 2019"),
    else publication year's if not after publication (not before it in a future clause), else the year before
    (after). A 29 February or a year the feast table lacks gives nothing."""
    day_in = _feast_day(e)
    if e.year is None and e.year_shift is not None and pub is not None:  # "the last Sunday of March this year"
        d = day_in(pub.year + e.year_shift)
        return d.isoformat() if d else None
    if e.year is not None:
        d = day_in(e.year)
        return d.isoformat() if d else None
    if pub is None:
        return None
    year = pub.year
    for _ in range(8):  # a 29 February comes back within eight years
        candidate = day_in(year)
        if candidate is None and e.kind != "holiday":
            return None
        if candidate is not None and (candidate >= pub if future else candidate <= pub):
            return candidate.isoformat()
        year += 1 if future else -1
    return None


QUARTER_MONTHS = {"quarter": 3, "half": 6}


def _quarter(e: Expr, pub: dt.date, future: bool) -> str:
    """'the third quarter', 'H1', 'last quarter': the year of that quarter or half. A numbered one without a year
    is the latest begun by publication (the next one in a future clause); 'last'/'next' step from publication's."""
    size = QUARTER_MONTHS[e.unit or "quarter"]
    current = (pub.month - 1) // size  # 0-based quarter (half) of publication
    if e.direction is not None:
        step = {"last": -1, "this": 0, "next": 1}[e.direction]
        index = pub.year * (12 // size) + current + step
        return f"{index // (12 // size):04d}"
    if e.year_shift is not None:
        return f"{pub.year + e.year_shift:04d}"
    begun = e.amount - 1 <= current
    return f"{pub.year if begun or future else pub.year - 1:04d}"


def _undated_month(month: int, direction: str | None, pub: dt.date, future: bool) -> str:
    """'in March': the latest March not after publication; 'next March' / future clause: the earliest not before."""
    if direction == "this":
        return _ym(pub.year, month)
    if direction == "next":  # "next March" said in March is a year away
        return _ym(pub.year if month > pub.month else pub.year + 1, month)
    if future and direction != "last":
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


def _season(start_month: int, direction: str | None, pub: dt.date, year_shift: int | None = None,
            future: bool = False) -> str | None:
    """'last summer', 'this spring', 'next autumn': the year of that season. 'Last' is the latest one over by
    publication, 'next' the first one not yet begun; 'the spring of last year' is in the year before publication's.
    With no direction ("in the spring") it is the latest one begun by publication, or in a future clause the
    first one not yet over. A winter spans two years, so it gets no value."""
    if start_month + SEASON_MONTHS - 1 > 12:
        return None
    if year_shift is not None:
        return f"{pub.year + year_shift:04d}"
    if direction == "this":
        return f"{pub.year:04d}"
    if direction is None:
        if future:
            return f"{pub.year if pub.month <= start_month + SEASON_MONTHS - 1 else pub.year + 1:04d}"
        return f"{pub.year if start_month <= pub.month else pub.year - 1:04d}"
    now = pub.year * 12 + pub.month - 1
    if direction == "last":
        year = pub.year if pub.year * 12 + start_month - 1 + SEASON_MONTHS <= now else pub.year - 1
    else:
        year = pub.year if pub.year * 12 + start_month - 1 > now else pub.year + 1
    return f"{year:04d}"


WEEK_STEP = {"prevweek": -1, "thisweek": 0, "nextweek": 1}


def _weekday(weekday: int, direction: str | None, pub: dt.date, future: bool) -> dt.date:
    """'on Tuesday': the latest Tuesday not after publication; 'next Tuesday' or a future clause: the next one;
    'Tuesday of last week': the Tuesday of the calendar week before publication's."""
    if direction in WEEK_STEP:  # "Monday of last week": weeks run Monday to Sunday
        return pub + dt.timedelta(days=7 * WEEK_STEP[direction] - pub.weekday() + weekday)
    back = (pub.weekday() - weekday) % 7
    ahead = (weekday - pub.weekday()) % 7
    if direction == "next":
        return pub + dt.timedelta(days=ahead or 7)
    if direction == "last":
        return pub - dt.timedelta(days=back or 7)
    if future or direction == "coming":
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
    if unit == "century":
        return f"{pub.year + 100 * amount:04d}"
    return f"{pub.year + amount:04d}"


def _weekend(amount: int, pub: dt.date) -> dt.date:
    """The Saturday of last (-1), this (0) or next (1) weekend."""
    in_weekend = pub.weekday() >= 5
    this_saturday = pub - dt.timedelta(days=pub.weekday() - 5) if in_weekend else \
        pub + dt.timedelta(days=5 - pub.weekday())
    if amount < 0:
        return this_saturday - dt.timedelta(days=7)
    return this_saturday + dt.timedelta(days=7 * amount)
