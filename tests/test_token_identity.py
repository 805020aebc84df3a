"""spaCy builds a new `Token` object on every access (`tok.head`, `doc[i]`, iteration), so `a.head is b` is
False even when they are the same word. Two guards were dead this way (`triggers._inside_abstract_of`'s "not on
`tok` itself" and a root check in `noise.py`): compare `.i` instead. This test keeps the pattern out."""
from __future__ import annotations

import re
from pathlib import Path

import spacy

PACKAGE = Path(__file__).resolve().parents[1] / "wirewatch"
IDENTITY_ON_HEAD = re.compile(r"\.head\s+is\s+(?!None\b|not\s+None\b)|\bis\s+(?:not\s+)?\w+\.head\b")


def test_spacy_tokens_are_new_objects_on_each_access() -> None:
    doc = spacy.blank("en")("Rebels shelled the town")
    assert doc[1].head == doc[1] and doc[1].head is not doc[1]  # why identity is the wrong test


def test_no_identity_comparison_of_token_heads() -> None:
    offenders = [f"{p.relative_to(PACKAGE)}:{n}: {line.strip()}"
                 for p in sorted(PACKAGE.rglob("*.py"))
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                 if IDENTITY_ON_HEAD.search(line.split("#")[0])]
    assert not offenders, "compare tokens by .i, not identity:\n" + "\n".join(offenders)
