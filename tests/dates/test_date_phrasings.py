"""News phrasings gathered after held-out set 8: possessive and noun-modifying months and years, spans of years,
seasons of a relative year, deadlines with modal verbs, clock times and durations that are not dates."""

from __future__ import annotations

import pytest

from eventcoder.dates.stage import find_article_dates
from eventcoder.document import Sentence

CASES = [
("Syria's 2011 uprising turned into a civil war.", "2024-03-01", "2011", "2011"),
("The company's 2000 employees were laid off.", "2024-03-01", "2000", None),
("Unemployment rose in 2010-2015.", "2024-03-01", "2010", "2010"),
("Unemployment rose in 2010-2015.", "2024-03-01", "2015", "2015"),
("The March election was postponed.", "2024-06-01", "March", "2024-03"),
("April's vote was marred by violence.", "2024-06-01", "April", "2024-04"),
("The May government fell.", "2019-06-01", "May", None),
("Thousands joined the March for Our Lives.", "2019-06-01", "March", None),
("Protesters returned to the streets on the weekend.", "2024-06-05", "on the weekend", "2024-06-01"),
("The weekend's protests were the largest yet.", "2024-06-05", "weekend", "2024-06-01"),
("The dam burst in the spring of last year.", "2024-06-05", "spring of last year", "2023"),
("Troops must withdraw by June.", "2024-02-05", "June", "2024-06"),
("The deal should be signed on Friday.", "2024-02-05", "Friday", "2024-02-09"),
("He must have left on Friday.", "2024-02-05", "Friday", "2024-02-02"),
("The talks resume in the coming week.", "2024-02-05", "coming week", "2024-02"),
("Output fell in the current year.", "2024-02-05", "current year", "2024"),
("Debt must be cut to 60% by end-June.", "2024-02-05", "June", "2024-06"),
("The vote is set for this coming Sunday.", "2024-02-05", "Sunday", "2024-02-11"),
("Crowds celebrated the Fourth of July in the capital.", "2024-07-10", "Fourth of July", "2024-07-04"),
("Sirens sounded at 1900 hours.", "2024-07-10", "1900", None),
("The 1979 revolution toppled the shah.", "2024-07-10", "1979", "1979"),
("Iran's 2009 elections sparked mass protests.", "2024-07-10", "2009", "2009"),
("The army said the drill, held in the Gulf on 3 May last year, was a success.", "2024-07-10", "3 May last year", "2023-05-03"),
("Rebels seized the town on the night of Tuesday to Wednesday.", "2024-07-10", "Tuesday", "2024-07-09"),
("The strikes began in early hours of 5 July.", "2024-07-10", "5 July", "2024-07-05"),
("Lebanon has had no president since October 2022.", "2024-07-10", "October 2022", "2022-10"),
("The offensive began in the last week of March.", "2024-07-10", "March", "2024-03"),
("Talks will take place in the first week of next month.", "2024-07-10", "next month", "2024-08"),
("The president was inaugurated on June 2nd, 2024.", "2024-07-10", "June 2nd, 2024", "2024-06-02"),
("The envoy arrived in Cairo on Sunday, 7 July.", "2024-07-10", "7 July", "2024-07-07"),
("A summit is planned for late September.", "2024-07-10", "September", "2024-09"),
("Parliament was dissolved in the summer of 2024.", "2024-07-10", "2024", "2024"),
("The trial opens on 2 September.", "2024-07-10", "2 September", "2024-09-02"),
("The sanctions were lifted in January this year.", "2024-07-10", "January this year", "2024-01"),
("In the year to June, inflation was 3%.", "2024-07-10", "June", "2024-06"),
("Migrants have drowned since the start of 2024.", "2024-07-10", "2024", "2024"),
("The ceasefire took hold at 8 a.m. on Wednesday.", "2024-07-10", "Wednesday", "2024-07-10"),
("A new cabinet will be named in the coming days.", "2024-07-10", "coming days", None),
("Exports have fallen for three consecutive quarters.", "2024-07-10", "quarters", None),
("The 75th anniversary of NATO was marked in April.", "2024-07-10", "April", "2024-04"),
("Aid deliveries halted on 9 and 10 July.", "2024-07-10", "10 July", "2024-07-10"),
("Aid deliveries halted on 9 and 10 July.", "2024-07-10", "9", "2024-07-09"),
("The militants attacked at around 2am local time on Saturday.", "2024-07-10", "Saturday", "2024-07-06"),
("The vote is due on 5 November.", "2024-07-10", "5 November", "2024-11-05"),
("Trade fell in the second half of last year.", "2024-07-10", "second half", "2023"),
("The economy grew 2% in the first half.", "2024-07-10", "first half", None),
("Prices jumped over Easter weekend.", "2024-07-10", "Easter", "2024-03-31"),
("Markets were closed for the Eid holiday.", "2024-07-10", "Eid", None),
("The deadline expires at midnight on Friday.", "2024-07-10", "Friday", "2024-07-12"),
("Results are expected by the end of the week.", "2024-07-10", "end of the week", "2024-07"),
("Delegates met in Geneva the previous week.", "2024-07-10", "previous week", "2024-07"),
("He served as mayor from 1998 until 2004.", "2024-07-10", "1998", "1998"),
("He served as mayor from 1998 until 2004.", "2024-07-10", "2004", "2004"),
("Early in 2022, the army moved north.", "2024-07-10", "2022", "2022"),
("By late 2023 the city had fallen.", "2024-07-10", "2023", "2023"),
("The agency will publish its report on Thursday, July 18.", "2024-07-10", "July 18", "2024-07-18"),
("Israel struck the port in Hodeidah on July 20.", "2024-07-30", "July 20", "2024-07-20"),
("The July 13 shooting shocked the country.", "2024-07-30", "July 13", "2024-07-13"),
("Voting runs from 28 June to 5 July.", "2024-06-20", "28 June", "2024-06-28"),
("Voting runs from 28 June to 5 July.", "2024-06-20", "5 July", "2024-07-05"),
("Celebrations for Hanukkah went ahead.", "2024-12-30", "Hanukkah", None),
("He was elected in 2019 and re-elected four years later.", "2024-06-20", "2019", "2019"),
("The pact expired at the end of 2023.", "2024-06-20", "2023", "2023"),
("The 2023-24 budget was approved.", "2024-06-20", "2023", None),
("It happened on a Tuesday in March.", "2024-06-20", "March", "2024-03"),
]

# the tense that decides whether an undated day lies ahead is the clause's: not an aside's, not a reporting verb's
TENSE_CASES = [
("The ban, announced on Monday, takes effect on Friday.", "2024-07-10", "Friday", "2024-07-12"),
("Officials said the border reopens on Monday.", "2024-07-10", "Monday", "2024-07-15"),
("Officials said on Monday that the border had reopened.", "2024-07-10", "Monday", "2024-07-08"),
("Police said the gunmen opened fire on Tuesday.", "2024-07-10", "Tuesday", "2024-07-09"),
("Rebels attacked the town, killing 12, on Sunday.", "2024-07-10", "Sunday", "2024-07-07"),
("Rebels attacked the town, killing 12 on Sunday.", "2024-07-10", "Sunday", "2024-07-07"),
("The army said it had retaken the airport late Sunday.", "2024-07-10", "Sunday", "2024-07-07"),
("Officials said Sunday that the convoy leaves soon.", "2024-07-10", "Sunday", "2024-07-07"),
("The minister told reporters on Monday that talks were stuck.", "2024-07-10", "Monday", "2024-07-08"),
]

# closing attributions (", officials said.") and modal "could" (a future, but a past's ability in "could not")
ATTRIBUTION_CASES = [
("Aid arrives on Monday, officials said.", "2024-07-10", "Monday", "2024-07-15"),
("Aid arrived on Monday, officials said.", "2024-07-10", "Monday", "2024-07-08"),
("Parliament returns in September.", "2024-07-10", "September", "2024-09"),
("The envoy, who arrived on Sunday, meets the president on Tuesday.", "2024-07-08", "Tuesday", "2024-07-09"),
("The envoy, who arrived on Sunday, meets the president on Tuesday.", "2024-07-08", "Sunday", "2024-07-07"),
("Officials said the talks could resume on Monday.", "2024-07-10", "Monday", "2024-07-15"),
("Witnesses said they could hear explosions on Monday night.", "2024-07-10", "Monday", "2024-07-08"),
("He could not attend the summit on Monday.", "2024-07-10", "Monday", "2024-07-08"),
("Inflation is forecast to fall in September.", "2024-07-10", "September", "2024-09"),
("The UN Security Council meets on Friday to discuss the crisis.", "2024-07-10", "Friday", "2024-07-12"),
("The president flew to Paris on Thursday.", "2024-07-10", "Thursday", "2024-07-04"),
("The ceasefire expired in April.", "2024-02-10", "April", "2023-04"),
("Prices rose 3% in May, according to data released on Tuesday.", "2024-07-10", "Tuesday", "2024-07-09"),
("Talks stalled on Tuesday, two diplomats told Reuters.", "2024-07-10", "Tuesday", "2024-07-09"),
]


@pytest.mark.parametrize("text, published, expr, expected", CASES + TENSE_CASES + ATTRIBUTION_CASES)
def test_phrasing(text, published, expr, expected):
    found = find_article_dates(text, [Sentence(0, 0, len(text), text, "body")], published)
    at = text.index(expr)
    hit = next((d for d in found if d.start < at + len(expr) and at < d.end), None)
    assert (hit.value if hit else None) == expected
