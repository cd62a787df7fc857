"""Candidate lexicon words from WordNet: synonyms of the lexicon's one-word verb and noun triggers that it lacks.

Run from the repository root:  PYTHONPATH=src python bench/lexicon_candidates.py [--senses 2] [--type ASSAULT]

Reads Debian's `wordnet-base` files (/usr/share/wordnet, apt-get install wordnet-base) offline and prints, per PLOVER
type, each trigger's synonyms from its first senses that no lexicon row has as a head. The output is a list for a
person to read: a synonym joins `data/events/lexicon.tsv` only when its news sense is the trigger's, written by hand.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

WORDNET = Path("/usr/share/wordnet")


def read_index(pos: str) -> dict[str, list[str]]:
    """lemma -> synset offsets, most frequent sense first (index.verb / index.noun)."""
    out: dict[str, list[str]] = {}
    for line in (WORDNET / f"index.{pos}").read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split()
        lemma, synset_cnt, p_cnt = parts[0], int(parts[2]), int(parts[3])
        out[lemma] = parts[4 + p_cnt + 2:4 + p_cnt + 2 + synset_cnt]
    return out


def read_synsets(pos: str) -> dict[str, list[str]]:
    """synset offset -> its member lemmas (data.verb / data.noun)."""
    out: dict[str, list[str]] = {}
    for line in (WORDNET / f"data.{pos}").read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split()
        count = int(parts[3], 16)
        out[parts[0]] = [parts[4 + 2 * i].lower() for i in range(count)]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--senses", type=int, default=2, help="how many of a trigger's senses to expand")
    ap.add_argument("--type", help="only this PLOVER type")
    args = ap.parse_args(argv)
    if not WORDNET.exists():
        print("no WordNet at /usr/share/wordnet (apt-get install wordnet-base)", file=sys.stderr)
        return 2
    from eventcoder.events.lexicon import load_entries

    entries = load_entries()
    heads = {(e.head, e.pos) for e in entries}
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for pos, wn in (("V", "verb"), ("N", "noun")):
        index, synsets = read_index(wn), read_synsets(wn)
        for e in entries:
            if e.pos != pos or e.size > 1 or (args.type and e.type != args.type):
                continue
            for offset in index.get(e.head, [])[: args.senses]:
                for lemma in synsets.get(offset, []):
                    if "_" not in lemma and (lemma, pos) not in heads and lemma != e.head:
                        found[e.type][f"{lemma}/{pos}"].add(e.head)
    for type_ in sorted(found):
        print(f"## {type_}")
        for word, via in sorted(found[type_].items()):
            print(f"  {word:<22} via {', '.join(sorted(via))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
