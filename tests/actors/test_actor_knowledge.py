"""Every knowledge file against its schema, and the cross-file facts the coder relies on."""

from __future__ import annotations

import pytest

from eventcoder.actors.knowledge import SECTORS, KnowledgeError, alias_case, build, fold


def test_every_file_loads_and_is_big_enough(kb):
    states = [e for e in kb.entities.values() if e.key.startswith("state:")]
    orgs = [e for e in kb.entities.values() if e.key.startswith("org:")]
    assert len(states) >= 195
    assert len(orgs) >= 400
    assert len(kb.sectors) >= 300
    assert kb.people, "no people files loaded"


def test_codes_point_at_known_things(kb):
    """Org countries are states, group members are known codes, people's codes are states, agents or orgs."""
    states = {e.code for e in kb.entities.values() if e.key.startswith("state:")}
    codes = {e.code for e in kb.entities.values()} | {k.split(":", 1)[1] for k in kb.entities}
    for e in kb.entities.values():
        assert e.country is None or e.country in states, e
        for member in e.members:
            assert member in codes, (e.key, member)
        if e.kind == "state" and e.key.startswith("org:"):
            assert e.code[:3] in states and e.code[3:] in SECTORS, e
    for person in kb.people.values():
        for role in person.roles:
            agent = len(role.code) == 6 and role.code[:3] in states and role.code[3:] in SECTORS
            assert agent or role.code in codes, (person.name, role.code)
            assert role.country is None or role.country in states, (person.name, role.country)


def test_the_seed_organisations_are_coded_by_the_conventions(kb):
    def code_of(alias):
        entries = kb.automaton.get(fold(alias))[1]
        return {kb.entities[e.target].code for e in entries if e.type == "name"}
    assert code_of("IRGC") == {"IRNMIL"}
    assert code_of("Quds Force") == {"IRNMIL"}
    assert code_of("Palestinian Authority") == {"PSEGOV"}
    assert code_of("Qassam Brigades") == {"HAMAS"}
    assert code_of("Hashd al-Shaabi") == {"PMF"}
    assert code_of("Kaitab Hezbollah") == {"KATAIB_HEZBOLLAH"}
    assert code_of("Mossad") == {"ISRSPY"}


@pytest.mark.parametrize("files, message", [
    ({"states.tsv": "code\tname\taliases\tadjectives\tcapitals\tnot_if\nIRAN\tIran\t\t\t\t\n"}, "states.tsv:2: bad state code"),
    ({"sectors.tsv": "phrase\tsector\tkind\tnumber\talone\npolice\tPOL\tgroup\tpl\tyes\n"}, "sectors.tsv:2: unknown sector"),
    ({"organizations.tsv": "IRGC\tIRNXXX\tIRGC\t\tIRN\tMIL\tstate\n"}, "organizations.tsv:1: a state organ's code"),
    ({"people/x.tsv": "person\taliases\tcountry\tcode\tsector\ttitle\tstart\tend\nA B\t\tIRN\tIRNGOV\tGOV\tx\t21-08\t\n"},
     "people/x.tsv:2: bad start date"),
    ({"groups.tsv": "ARB\tArabs\t\t\tSAU|bad\t\t\n"}, "groups.tsv:1: bad member code"),
])
def test_a_bad_row_names_its_file_and_line(files, message):
    with pytest.raises(KnowledgeError, match=message):
        build(files)


def test_fold_keeps_offsets_and_joins_spellings():
    text = "Amir-Abdollahian met Hezbollah’s Nasrallah in Tehran — Côte d’Ivoire"
    assert len(fold(text)) == len(text)
    assert fold("Amir-Abdollahian") == fold("Amir Abdollahian")
    assert fold("Côte d’Ivoire") == "cote d'ivoire"


@pytest.mark.parametrize("alias, case", [("US", "exact"), ("JeM", "exact"), ("Hamas", "capital"),
                                         ("al-Qaeda", "capital"), ("police", "any")])
def test_alias_case_classes(alias, case):
    assert alias_case(alias) == case
