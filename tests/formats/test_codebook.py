"""The codebook command prints what the coder reads, and its version tracks the data files."""

from __future__ import annotations

import json

import pytest

from eventcoder.document import PLOVER_TYPES
from eventcoder.events.cameo import load_codes
from eventcoder.events.plover import load_contexts, load_types
from eventcoder.formats import codebook
from eventcoder.formats.codebook import SECTIONS, CodebookError, codebook_version, section


def test_sections_come_from_the_coder_files():
    assert [r[0] for r in section("types").rows] == list(load_types())
    assert {r[0] for r in section("types").rows} == set(PLOVER_TYPES)
    assert {r[0] for r in section("contexts").rows} == set(load_contexts())
    assert {r[0] for r in section("cameo").rows} == set(load_codes())
    assert sum(len(t.modes) for t in load_types().values()) == len(section("modes").rows)
    goldstein = [r[0] for r in section("goldstein").rows]
    assert goldstein == sorted(goldstein) and -10 <= goldstein[0] and goldstein[-1] <= 10
    assert [r[0] for r in section("quad").rows] == [1, 2, 3, 4]


def test_sectors_cover_the_actor_convention():
    codes = {r[0] for r in section("sectors").rows}
    assert {"GOV", "MIL", "COP", "JUD", "LEG", "PTY", "REB", "OPP", "SPY", "CVL", "EDU", "BUS", "MED", "JRN",
            "LAB", "REF", "REL", "UAF", "AGR", "ELI", "CRM", "IGO", "NGO"} == codes


def test_unknown_section():
    with pytest.raises(CodebookError, match="no such codebook section: actors"):
        section("actors")


def test_version_names_release_and_digest(monkeypatch):
    version = codebook_version()
    release, digest = version.rsplit("+", 1)
    assert release.startswith("eventcoder-codebook-") and len(digest) == 8
    # an edited vocabulary file changes the digest even when the release line is not bumped
    codebook.codebook_version.cache_clear()
    monkeypatch.setattr(codebook, "VOCABULARY_FILES", codebook.VOCABULARY_FILES[:-1])
    assert codebook.codebook_version() != version
    codebook.codebook_version.cache_clear()


@pytest.mark.parametrize("name", SECTIONS)
def test_command_prints_each_section(cli, name):
    result = cli("codebook", name, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["version"] == codebook_version() and len(data[name]) == len(section(name).rows)


def test_command_table(cli):
    result = cli("codebook", "quad")
    assert result.exit_code == 0
    assert codebook_version() in result.stdout and "material conflict" in result.stdout
