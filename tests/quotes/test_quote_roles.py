"""Role descriptions resolved to the office-holder on the article's date (quotes.roles over the actors KB)."""

from __future__ import annotations

import pytest

from eventcoder.quotes.roles import descriptor_of, known_person, office_holder


@pytest.mark.parametrize("code, description, before, date, name", [
    ("UN", "UN secretary-general", "The ", "2021-12-25", "Antonio Guterres"),
    ("IAEA", "head of the International Atomic Energy Agency", "The ", "2023-05-01", "Rafael Grossi"),
    ("EU", "European Union's foreign policy chief", "The ", "2025-03-01", "Kaja Kallas"),
    ("IRNGOV", "Iran's top diplomat", "", "2021-12-25", "Hossein Amir-Abdollahian"),
    ("IRNGOV", "Iran's top diplomat", "", "2025-03-01", "Abbas Araghchi"),
    ("EU", "head of the European Commission", "the ", "2025-03-01", "Ursula von der Leyen"),
])
def test_office_holder_on_the_date(code, description, before, date, name):
    holder = office_holder(code, description, before, date)
    assert holder is not None and holder.name == name
    assert holder.kind == "person" and holder.code == code and holder.affiliation == code


@pytest.mark.parametrize("code, description, before, after", [
    ("UN", "UN secretary-general", "a former ", ""),  # past holder: nobody in particular
    ("UN", "UN official", "a ", ""),  # no office a single person holds
    ("UN", "head of the UN", "the ", " agency, Philippe Lazzarini"),  # one of the UN's bodies
    ("UN", "UN refugee agency chief", "the ", ""),  # a body the code does not name
    ("UN", "UN chief", "", ""),  # not definite
])
def test_no_office_holder(code, description, before, after):
    assert office_holder(code, description, before, "2021-12-25", after) is None


def test_longest_descriptor_wins():
    d = descriptor_of("the EU foreign policy chief")
    assert d is not None and d.words == "foreign policy chief"
    assert descriptor_of("the EU's spokesman") is None


def test_known_person_is_coded_for_the_date():
    actor = known_person("António Guterres", "UN", "2021-12-25")
    assert actor is not None and actor.code == "UN" and actor.country == "PRT"
    assert known_person("Nobody Atall", None, None) is None
