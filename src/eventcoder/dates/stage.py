"""The dates stage: every date expression in the article, resolved against the publication date.

The finder runs once over the whole text (cheaper than per sentence) and each expression is then placed in its
sentence, whose words decide whether an undated day lies ahead ("will meet on Tuesday") and whether the sentence
is only a dateline ("December 25, 2021 at 12:34 pm"), which states when the article appeared, not an event.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from ..config import Config
from ..document import DateMention, Sentence
from ..pipeline import Analysis
from .find import Expr, find_dates, has_future_cue, only_weak_future_cues, patterns
from .resolve import counted_from, parse_published, resolve

_DATELINE_REST = re.compile(
    r"^(?:\W|\d{1,2}[:.]\d{2}|[ap]\.?m\.?|GMT|UTC|[A-Z]{2,4}T|at|on|Published|Updated|Last updated|Posted)*$", re.IGNORECASE)


def sentence_of(sentences: list[Sentence], starts: list[int], offset: int) -> int | None:
    """Index of the sentence containing `offset`, or None when it falls between sentences."""
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and sentences[i].start <= offset < sentences[i].end:
        return i
    return None


# expressions without a year: past or future is a choice ("until Christmas" in October is this year's)
UNDATED = frozenset({"dm", "md", "weekday", "month", "holiday", "movable", "orthodox", "nth", "feast", "dayonly",
                     "weekend"})
NEAR_FUTURE_DAYS = 90  # a day this close ahead, in a clause with no past tense, is a scheduled event
UNTIL_FUTURE_DAYS = 90  # "adjourned until 15 February": the end of a span reaching past publication
# lower case: a capitalised word ending in -ed is a name ("Mohammed", "Ahmed", "United Nations", "the Fed"), and
# "proceed", "exceed", "succeed", "indeed" are no pasts; a sentence may open with "Yesterday", "Last", "Was"
_PAST_TENSE = re.compile(r"\b(?:[Ww]as|[Ww]ere|[Hh]ad|[Dd]id|[Yy]esterday|[Ll]ast|"
                         r"(?!(?:proc|exc|succ|ind)eed\b)[a-z]\w{2,}ed|took|came|went|began|left|met|held|fled|fought|struck|hit|"
                         r"said|told|gave|made|saw|won|lost|shot|broke|ran|fell|rose|sent|led|kept|brought|stood|"
                         r"spoke|wrote|drove|flew|sought|thought|felt|paid|withdrew|drew|threw|grew|knew|bought|"
                         r"caught|built|spent|swept|sold|found|hung|rang|sank|chose|froze|rode|woke|tore|swore|"
                         r"stole|hid|fed|bled|shook|stuck|slid|overran|overthrew|undertook|could|died|lied|tied|used|heard|"
                         r"got|ate|sat|laid|lit|meant|taught|wore|became|forgot|forgave|blew|dug|swung|arose|overcame|overtook|"
                         r"dealt|sang|sprang|slept|lent|mistook|retook|rebuilt|withheld|upheld|withstood|oversaw|underwent|foresaw|"
                         r"forbade|bore|wept|leapt|crept|sped|ago|"
                         # a verb whose past is its present reads as past after a singular subject ("The bank cut")
                         r"cut|put|shut|hurt|quit|cost|spread|split|burst|cast|beat|upset|slit)\b")
NEAR_FUTURE_MONTHS = 6  # a bare month this close ahead, in a present-tense clause about what comes, is coming
# "The reforms take effect in September", "the season opens in May": a present tense that schedules
_SCHEDULING_PRESENT = re.compile(r"\b(?:takes?|come|comes|begins?|starts?|opens?|closes?|ends?|expires?|runs?|"
                                 r"goes|go|kicks? off|falls? due|resumes?|returns?|reopens?|meets?|convenes?|"
                                 r"arrives?|visits?|holds?|hosts?|votes?|heads?|apply|applies|enters?|kicks? in|"
                                 r"launch(?:es)?|reconvenes?|gathers?|travels?|flies|falls?|is|are)\b")
# a reporting verb opening a complement clause ("officials said the border reopens ..."): its past is the
# telling's, not the reported event's ("said on Sunday" keeps it: there the date is the telling's)
_REPORTING = re.compile(r"\b(?:said\s+(?=(?:that|the|it|its|they|he|she|this|these|those)\b)|"
                        r"(?:said|told (?:\w+ )?\w+|announced|confirmed|added|stated|warned|insisted|noted)\s+"
                        r"(?=that\b))")
# "is expected on 6 June", "is celebrated on 20 October": a present passive, whose participle is no past
_PRESENT_PASSIVE = re.compile(r"\b(?:is|are|am)\s+(?:\w+ly\s+)?(?:\w+(?:ed|en)|held|made|set|kept|paid|sent|built|"
                              r"sold|shown|told|brought|bought|found|led)\b")
_RELATIVE_ASIDE = re.compile(r",\s*(?:who|which|whose|where)\b")  # a relative clause has a tense of its own
# a sentence's opening phrase before its first comma: what follows that comma is the main clause, not an aside
_INTRODUCTION = re.compile(r"\W*(?:In|On|At|After|Before|During|Despite|Following|Amid|Meanwhile|However|Earlier|Later|"
                           r"With|Without|By|From|Under|Across|Near|Outside|Inside|Elsewhere|Separately)\b[^,]*$")
_ASIDE = re.compile(r",[^,]*,")  # ", announced on Monday," : an aside whose tense is not the clause's
# "..., officials said." closing a sentence: who told it and when, not the tense of what they told
_ATTRIBUTION = re.compile(r",\s*(?:[\w.'’-]+\s+){0,5}?(?:said|says|told [\w ]{1,30}?|added|reported|"
                          r"announced|according to [^,]*?)\W*$")


def governing_text(sent_text: str, rel_start: int, rel_end: int) -> str:
    """The words of a sentence whose tense can govern a date at [rel_start, rel_end): the sentence without the
    comma-enclosed asides that do not hold the date and without reporting verbs that open a complement."""
    tail = _ATTRIBUTION.search(sent_text)
    if tail and tail.start() >= rel_end:
        sent_text = sent_text[:tail.start()]
    kept = []
    last = 0
    for m in _ASIDE.finditer(sent_text):
        if last == 0 and _INTRODUCTION.match(sent_text, 0, m.start()):
            continue  # "In Kinshasa, protesters attacked ..., France, ...": after an opening phrase comes the clause
        if not (m.start() <= rel_start < m.end()):
            kept.append(sent_text[last:m.start()] + ",")
            last = m.end()
        elif _RELATIVE_ASIDE.match(sent_text, m.start()):
            kept, last = [m.group()], len(sent_text)  # ", who takes office on 20 January,": its own tense
            break
    kept.append(sent_text[last:])
    text = "".join(kept)
    return _PRESENT_PASSIVE.sub(" ", _REPORTING.sub("", text))


# "were ordered to report by Wednesday", "was given a week to leave by Friday": a deadline set for an act to come
_DEADLINE_BY = re.compile(r"\b(?:ordered|told|instructed|given|urged|directed|summoned|required|asked|demanded|"
                          r"called on|ultimatum)\b[^.;]{0,60}?\bto\s+[a-z]+\b[^.;]{0,60}?\bby\s+(?:the\s+)?$", re.IGNORECASE)
# a deadline's undated day this close ahead is meant even in a past clause when its past reading is this far back
# ("The deadline was extended from 9 July", written on 8 July); an act told in the past keeps the past reading
# ("Rockets were fired on 26 December", written on 25 December, is a year back)
_DEADLINE = re.compile(r"\b(?:deadline|ultimatum|expir(?:y|es|ed|ing|ation))\b", re.IGNORECASE)
JUST_AHEAD_DAYS = 10
YEAR_BACK_DAYS = 300
# what has been done needs no past verb: "12 people are dead after an attack on Monday"
_DONE = re.compile(r"\b(?:dead|killed|wounded|injured|missing|aftermath)\b", re.IGNORECASE)
_AFTER_ACT = re.compile(r"\b(?:after|following|since)\s+(?:[\w'’-]+\s+){1,4}?(?:on\s+)?$", re.IGNORECASE)
_UNTIL = re.compile(r"\b(?:until|till|to|through)\s+(?:the\s+)?$", re.IGNORECASE)


def _near_future(value: str | None, pub: dt.date, text: str, sent: Sentence, start: int, end: int) -> bool:
    """Whether an undated day just ahead of publication is meant ("talks open on June 26", "until 15 February")."""
    if value is None:
        return False
    clause = governing_text(sent.text, start - sent.start, end - sent.start)
    target = dt.date.fromisoformat(value + "-01" if len(value) == 7 else value)
    days = (target - pub).days
    if _UNTIL.search(text[max(sent.start, start - 20):start]):
        return days <= UNTIL_FUTURE_DAYS
    if len(value) == 7:  # a bare month ("in November") is as often looked back on as ahead: keep the past, unless
        # the clause's present tense schedules it ("take effect in September") and nothing in it is past
        before = text[sent.start:start]
        return days <= NEAR_FUTURE_MONTHS * 31 and bool(_SCHEDULING_PRESENT.search(before)) \
            and not _PAST_TENSE.search(clause) and not re.search(r"\b(?:has|have)\b", before)
    if _PAST_TENSE.search(clause) or _DONE.search(clause):
        return False
    after = _AFTER_ACT.search(text, max(sent.start, start - 40), start)
    if after and not any(m.group() not in ("is", "are")
                         for m in _SCHEDULING_PRESENT.finditer(text, sent.start, after.start())):
        return False  # "after an attack on Monday"; "talks resume after the holiday on Monday" still looks ahead
    # "the fiscal year ends on 31 March": a present that schedules reaches as far as a month's does
    scheduled = _SCHEDULING_PRESENT.search(text[sent.start:start]) and not re.search(r"\b(?:has|have)\b", clause)
    return days <= (NEAR_FUTURE_MONTHS * 31 if scheduled else NEAR_FUTURE_DAYS)


def _year_back(past: str | None, ahead: str | None, pub: dt.date) -> bool:
    """Whether an undated day reads either as nearly a year back or as a few days ahead."""
    if past is None or ahead is None or len(past) != 10 or len(ahead) != 10:
        return False
    back = (pub - dt.date.fromisoformat(past)).days
    return back >= YEAR_BACK_DAYS and 0 < (dt.date.fromisoformat(ahead) - pub).days <= JUST_AHEAD_DAYS


def find_article_dates(text: str, sentences: list[Sentence], published: str | None) -> list[DateMention]:
    """Date mentions of one article, with sentence index, role and resolved value."""
    pub = parse_published(published)
    starts = [s.start for s in sentences]
    out: list[DateMention] = []
    anchored: list[tuple[Expr, DateMention]] = []
    for e in find_dates(text):
        si = sentence_of(sentences, starts, e.start)
        role = e.role
        future = False
        if si is not None:
            sent = sentences[si]
            rel_start, rel_end = e.start - sent.start, e.end - sent.start
            if role == "event" and _DATELINE_REST.match(sent.text[:rel_start] + sent.text[rel_end:]):
                role = "dateline"
            before = sent.text[:rel_start]
            # a future cue after the date belongs to it unless a past-tense verb before it governs the clause
            # ("signed ... on Friday that will allow ..." is last Friday)
            future = has_future_cue(before) or bool(_DEADLINE_BY.search(before)) or (
                has_future_cue(sent.text[rel_end:rel_end + 40]) and not _PAST_TENSE.search(before))
            if future and only_weak_future_cues(before) and _PAST_TENSE.search(
                    governing_text(sent.text, rel_start, rel_end)):
                future = False  # "The next round of talks was held on Monday"
        value = resolve(e, pub, future)
        if not future and pub is not None and si is not None and e.kind in UNDATED:
            ahead = resolve(e, pub, True)
            if ahead != value and (_near_future(ahead, pub, text, sentences[si], e.start, e.end)
                                   or _DEADLINE.search(sentences[si].text) and _year_back(value, ahead, pub)):
                value = ahead
        out.append(DateMention(text=e.text, value=value, start=e.start, end=e.end, sentence_index=si, role=role))
        if e.kind == "anchored":
            anchored.append((e, out[-1]))
    for e, mention in anchored:
        anchor = _anchor(out, sentences, mention)
        if anchor is not None and anchor.value:
            mention.value = counted_from(anchor.value, e.unit or "day", e.amount)
    return out


ANCHOR_LOOKBACK = 2  # sentences back that "two days later" may count from, within the paragraph
_ANCHOR_ROLES = frozenset({"event", "birth", "since"})  # "born in 1950 ... two decades later" counts from birth


def _anchor(mentions: list[DateMention], sentences: list[Sentence], mention: DateMention) -> DateMention | None:
    """The date told last before `mention` ("On 3 May ... Two days later"): in its sentence or up to
    ANCHOR_LOOKBACK sentences back in the same paragraph; None when the text told none (a lone "the next day")."""
    si = mention.sentence_index
    if si is None:
        return None
    lowest = si
    while lowest > 0 and si - lowest < ANCHOR_LOOKBACK and sentences[lowest - 1].paragraph == sentences[si].paragraph \
            and sentences[lowest - 1].kind == sentences[si].kind:
        lowest -= 1
    before = [m for m in mentions if m.end <= mention.start and m.sentence_index is not None
              and lowest <= m.sentence_index <= si and m.role in _ANCHOR_ROLES and m.value]
    return max(before, key=lambda m: m.start, default=None)


def make_stage(config: Config):
    patterns()  # compile every pattern once, when the pipeline is built

    def dates_stage(state: Analysis) -> None:
        published = state.meta.published if state.meta else state.article.published
        state.dates = find_article_dates(state.text, state.sentences, published)
    return dates_stage
