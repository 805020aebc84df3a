"""Which candidate triggers fire on the NGEC training quotes, and how a change of the candidate rules moves them.

    python eval/quote_firings.py --dump /tmp/before.json        # the live triggers of this code on every quote
    python eval/quote_firings.py --compare /tmp/before.json     # this code against a dump: new and lost firings

A new candidate word or pattern is borne out when its new firings mostly fall on quotes labelled with the type
it proposes (the share printed per type and trigger head). Only live (unsuppressed) triggers count: a
suppressed one proposes nothing. The 5,168 quotes are parsed once and kept as a spaCy DocBin beside the
extraction cache (keyed by the quotes file's bytes, extract/nlp.py's bytes and the spaCy model's version).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from replay import CACHE_DIR, ROOT, spacy_version  # noqa: E402

QUOTES = HERE.parent.parent / "shared" / "train" / "ngec_voa_screen_quotes.jsonl"


def _docs(rows: list[dict[str, Any]]) -> list[Any]:
    from spacy.tokens import DocBin

    from wirewatch.extract.nlp import get_nlp

    nlp = get_nlp()
    # the parse depends on the quotes, the spaCy model and nlp.py's setup of it (components, tokenizer rules)
    nlp_py = (ROOT / "wirewatch" / "extract" / "nlp.py").read_bytes()
    key = hashlib.sha1(QUOTES.read_bytes() + nlp_py + spacy_version().encode()).hexdigest()[:16]
    path = CACHE_DIR / f"quotes-{key}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(r["quote"] for r in rows))
    CACHE_DIR.mkdir(exist_ok=True)
    DocBin(docs=docs).to_disk(path)
    return docs


def firings() -> tuple[list[dict[str, Any]], dict[str, str]]:
    """(the quotes, {"quote#:token#:type": trigger head}) for every live trigger of every quote's sentences."""
    from wirewatch.extract.ontology import load_ontology
    from wirewatch.extract.triggers import find_triggers

    rows = [json.loads(line) for line in QUOTES.open(encoding="utf-8") if line.strip()]
    onto = load_ontology()
    out = {}
    for q, doc in enumerate(_docs(rows)):
        for sent in doc.sents:
            for t in find_triggers(sent, onto):
                if not t.suppressed:
                    out[f"{q}:{t.tok.i}:{t.type}"] = f"{t.spec.head} {t.spec.dep or ''}".strip()
    return rows, out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--compare", type=Path)
    ap.add_argument("--show", type=int, default=4, help="quotes printed per new trigger head")
    a = ap.parse_args(argv)
    rows, now = firings()
    if a.dump:
        a.dump.write_text(json.dumps(now), encoding="utf-8")
        print(f"{len(now)} live triggers on {len(rows)} quotes -> {a.dump}")
    if a.compare:
        before = json.loads(a.compare.read_text(encoding="utf-8"))
        for name, keys in (("new", now.keys() - before.keys()), ("lost", before.keys() - now.keys())):
            groups: dict[tuple[str, str], list[int]] = defaultdict(list)
            for k in keys:
                q, _, etype = k.split(":")
                groups[(etype, (now if name == "new" else before)[k])].append(int(q))
            total = Counter()
            for (etype, head), qs in sorted(groups.items()):
                ok = sum(rows[q]["event_type"] == etype for q in qs)
                total["all"] += len(qs)
                total["ok"] += ok
                print(f"{name} {etype} {head!r}: {len(qs)} firings, {ok} on quotes labelled {etype}")
                for q in qs[:a.show]:
                    print(f"      [{rows[q]['event_type']}] {rows[q]['quote'][:140]}")
            print(f"{name}: {total['all']} firings, {total['ok']} of the proposed type")
    return 0


if __name__ == "__main__":
    sys.exit(main())
