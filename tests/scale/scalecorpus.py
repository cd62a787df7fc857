"""Small corpora for the scale tests (imported by them; the `corpus` fixture is re-exported in conftest): a few generated articles (bench/make_corpus.py) and bad records."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _generator():
    spec = importlib.util.spec_from_file_location("make_corpus", REPO / "bench" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_corpus(path: Path, n: int, *, seed: int = 7, bad: dict[int, dict] | None = None,
                 paragraphs: int = 4) -> Path:
    """n generated articles as JSONL, cut to their first `paragraphs` paragraphs to keep CI fast; `bad`
    replaces records at given positions (non-English, no text...)."""
    import random

    make = _generator()
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            record = make.make_article(rng, i)
            record["text"] = "\n\n".join(record["text"].split("\n\n")[:paragraphs + 2]) + "\n"
            record = (bad or {}).get(i) or record
            handle.write(json.dumps(record) + "\n")
    return path


FRENCH = ("Les délégations des deux gouvernements se sont réunies lundi à Genève pour reprendre les "
          "négociations sur un échange de prisonniers, selon un communiqué publié par le ministère.")


@pytest.fixture
def corpus(tmp_path):
    def make(n: int, **kwargs) -> Path:
        return write_corpus(tmp_path / f"corpus-{n}.jsonl", n, **kwargs)
    return make
