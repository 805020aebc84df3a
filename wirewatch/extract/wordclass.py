"""Coarse word senses: the WordNet lexicographer class of a noun's or verb's commonest senses.

The detector uses them as features of a trigger's context (`detector.context_cues`): "gave *aid*" (act) and
"gave different *counts*" (quantity) share the verb but not the sense; "*watched* a demonstration"
(perception) is a spectator, "*staged* a demonstration" (creation) a protest. The class of the object lets
a weight learned on "gave weapons" carry over to "gave rifles", which a bag of words cannot.

`data/wordclass.tsv.gz` (pos, lemma, up to two classes of the first senses, in WordNet's frequency order)
is derived from WordNet 3.0 (Princeton University; licence: https://wordnet.princeton.edu/license-and-commercial-use,
permissive, copyright notice kept in the file's header) by `python -m wirewatch.extract.wordclass build DIR`
where DIR holds WordNet's `index.noun`, `data.noun`, `index.verb`, `data.verb` (Debian: apt-get install
wordnet-base, DIR=/usr/share/wordnet). No download at run time: the table ships with the package.
"""

from __future__ import annotations

import gzip
import sys
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).parent / "data" / "wordclass.tsv.gz"

# Personal pronouns by class (lower case), the one table the extractors read: who speaks ("i", "we"), who can
# be a clause's doer, and the object forms that stand for people.
FIRST_PERSON = frozenset({"i", "we"})
PERSONAL_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "it", "they"})
PEOPLE_OBJECTS = frozenset({"me", "us", "you", "him", "her", "them"})
# WordNet's lexicographer files, by number (lexnames(5WN)).
LEXNAMES = ("adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body "
            "noun.cognition noun.communication noun.event noun.feeling noun.food noun.group noun.location "
            "noun.motive noun.object noun.person noun.phenomenon noun.plant noun.possession noun.process "
            "noun.quantity noun.relation noun.shape noun.state noun.substance noun.time verb.body verb.change "
            "verb.cognition verb.communication verb.competition verb.consumption verb.contact verb.creation "
            "verb.emotion verb.motion verb.perception verb.possession verb.social verb.stative verb.weather "
            "adj.ppl").split()
HEADER = ("# Derived from WordNet 3.0. Copyright 2006 by Princeton University. All rights reserved. "
          "THIS SOFTWARE AND DATABASE IS PROVIDED \"AS IS\" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS "
          "OR WARRANTIES, EXPRESS OR IMPLIED.\n# pos<TAB>lemma<TAB>classes of the first two senses\n")


def build(wordnet_dir: Path, out: Path = TABLE, senses: int = 2) -> int:
    """Write the table from a WordNet 3.0 database folder; returns the number of lemmas."""
    lines = []
    for pos in ("noun", "verb"):
        lexfile: dict[str, int] = {}
        with open(wordnet_dir / f"data.{pos}", encoding="latin-1") as f:
            for line in f:
                if not line.startswith("  "):
                    off, num, _ = line.split(" ", 2)
                    lexfile[off] = int(num)
        with open(wordnet_dir / f"index.{pos}", encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                parts = line.split()
                lemma, n_ptr = parts[0], int(parts[3])
                if not lemma.isalpha():
                    continue  # collocations ("give_up") and odd spellings: the parse sees single tokens
                offsets = parts[4 + n_ptr + 2:]
                classes: list[str] = []
                for o in offsets:
                    c = LEXNAMES[lexfile[o]].split(".")[1]
                    if c not in classes:
                        classes.append(c)
                    if len(classes) == senses:
                        break
                lines.append(f"{pos[0]}\t{lemma}\t{','.join(classes)}\n")
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write((HEADER + "".join(lines)).encode())  # mtime=0: the same bytes on every rebuild
    return len(lines)


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], tuple[str, ...]]:
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    if not TABLE.exists():
        return out  # no table: the context features simply carry no class
    with gzip.open(TABLE, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                pos, lemma, classes = line.rstrip("\n").split("\t")
                out[(pos, lemma)] = tuple(classes.split(","))
    return out


def classes(lemma: str, pos: str) -> tuple[str, ...]:
    """WordNet classes of the commonest senses of `lemma` ("n" or "v"), most frequent first; () if unknown."""
    return _table().get((pos, lemma.lower()), ())


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or args[0] != "build":
        print("usage: python -m wirewatch.extract.wordclass build WORDNET_DIR", file=sys.stderr)
        return 2
    d = Path(args[1])
    if not (d / "index.noun").exists():
        print(f"{d}: no WordNet index.noun here", file=sys.stderr)
        return 1
    print(f"wrote {TABLE}: {build(d)} lemmas")
    return 0


if __name__ == "__main__":
    sys.exit(main())
