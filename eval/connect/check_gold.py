#!/usr/bin/env python3
"""Check eval/connect/gold.json against eval/connect/corpus.jsonl. Standard library only.

    python3 eval/connect/check_gold.py [--gold GOLD.json] [--corpus CORPUS.jsonl]

Verifies that every gold article is in the corpus (and the reverse), that every event key occurs
verbatim (case-insensitive, hyphens/whitespace collapsed, as score.py compares) in its article and
in exactly one sentence of it, that types, modalities and dates are well formed, that every fusion
and conflict id exists, and that entity aliases occur in the corpus. Prints counts; exits 1 on errors.
"""
import argparse
import difflib
import json
import re
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent

TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    "INSPECT", "PRODUCE", "PERSONNEL",
}
MODALITIES = {
    "asserted", "reported", "claimed", "denied", "planned", "speculated", "hypothetical", "negated", "historical",
}
FIELDS = {"date", "quantity", "actor", "recipient", "location", "occurrence"}
KINDS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}

# Abbreviations after which a period does not end a sentence.
ABBREV = ("U.S.", "U.N.", "U.K.", "Jan.", "Feb.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.",
          "Gen.", "Rep.", "Sen.", "Col.", "Lt.", "Dr.", "Mr.", "Mrs.", "Ms.", "St.", "No.", "a.m.", "p.m.")


def norm(s):
    return re.sub(r"[\s\-]+", " ", str(s or "")).strip().lower()


def sentences(text):
    """A conservative splitter: paragraph breaks, and . ! ? followed by space and a capital/quote,
    unless the period ends a known abbreviation."""
    out = []
    for para in re.split(r"\n\s*\n", text):
        para = para.strip()
        if not para:
            continue
        start = 0
        for m in re.finditer(r"[.!?][\"'\u201d\u2019)]?\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])", para):
            chunk = para[start:m.end()]
            if any(chunk.rstrip().rstrip("\"'\u201d\u2019)").endswith(a) for a in ABBREV):
                continue
            out.append(chunk.strip())
            start = m.end()
        if para[start:].strip():
            out.append(para[start:].strip())
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=str(HERE / "gold.json"))
    ap.add_argument("--corpus", default=str(HERE / "corpus.jsonl"))
    args = ap.parse_args(argv)

    with open(args.gold, encoding="utf-8") as fh:
        gold = json.load(fh)
    corpus = {}
    with open(args.corpus, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                a = json.loads(line)
                for k in ("id", "text"):
                    if not a.get(k):
                        print(f"ERROR corpus line {n}: missing {k}")
                corpus[a["id"]] = a
    errors, warnings = [], []

    # ---- articles
    garts = {a["id"]: a for a in gold["articles"]}
    for aid in garts.keys() - corpus.keys():
        errors.append(f"gold article {aid} not in corpus")
    for aid in corpus.keys() - garts.keys():
        errors.append(f"corpus article {aid} has no gold article entry")
    for aid, g in garts.items():
        c = corpus.get(aid)
        if not c:
            continue
        for k in ("published", "outlet", "title"):
            if k in g and g[k] != c.get(k):
                errors.append(f"article {aid}: gold {k}={g[k]!r} but corpus has {c.get(k)!r}")
        if g.get("dateline") and not norm(c["text"]).startswith(norm(g["dateline"])):
            errors.append(f"article {aid}: text does not start with dateline {g['dateline']!r}")
        if g.get("published") and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", g["published"]):
            errors.append(f"article {aid}: bad published {g['published']!r}")

    sents = {aid: sentences(a["text"]) for aid, a in corpus.items()}

    # ---- events
    ids = Counter(e["id"] for e in gold["events"])
    for i, n in ids.items():
        if n > 1:
            errors.append(f"event id {i} used {n} times")
    ev = {e["id"]: e for e in gold["events"]}
    for e in gold["events"]:
        eid, aid = e["id"], e.get("article")
        if aid not in corpus:
            errors.append(f"{eid}: article {aid} not in corpus")
            continue
        bad = [t for t in e.get("type") or [] if t not in TYPES]
        if not e.get("type") or bad:
            errors.append(f"{eid}: bad type list {e.get('type')}")
        badm = [m for m in e.get("modality") or [] if m not in MODALITIES]
        if not e.get("modality") or badm:
            errors.append(f"{eid}: bad modality list {e.get('modality')}")
        if e.get("date") and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", e["date"]):
            errors.append(f"{eid}: bad date {e['date']!r}")
        if e.get("actor") is not None and not isinstance(e["actor"], list):
            errors.append(f"{eid}: actor must be a list or null")
        key = norm(e.get("key"))
        words = len(key.split())
        if not 2 <= words <= 9:
            warnings.append(f"{eid}: key has {words} words: {e.get('key')!r}")
        text = norm(corpus[aid]["text"])
        n = text.count(key)
        if n == 0:
            errors.append(f"{eid}: key {e.get('key')!r} not found in {aid}")
            continue
        if n > 1:
            warnings.append(f"{eid}: key {e.get('key')!r} occurs {n} times in {aid}")
        hits = [s for s in sents[aid] if key in norm(s)]
        if not hits:
            errors.append(f"{eid}: key {e.get('key')!r} spans a sentence boundary in {aid}")
        elif len(hits) > 1:
            warnings.append(f"{eid}: key {e.get('key')!r} is in {len(hits)} sentences of {aid}")

    # ---- fusion
    seen = {}
    fusion = gold.get("fusion") or []
    for gi, grp in enumerate(fusion):
        if len(grp) < 2:
            errors.append(f"fusion group {gi}: fewer than two events")
        for x in grp:
            if x not in ev:
                errors.append(f"fusion group {gi}: unknown event id {x}")
                continue
            if x in seen:
                errors.append(f"fusion: {x} is in groups {seen[x]} and {gi}")
            seen[x] = gi
            if not ev[x].get("required", True):
                warnings.append(f"fusion group {gi}: {x} is not required")
        arts = [ev[x]["article"] for x in grp if x in ev]
        if len(set(arts)) < len(arts):
            warnings.append(f"fusion group {gi}: two events from one article")
        types = [set(ev[x]["type"]) for x in grp if x in ev]
        if types and not set.intersection(*types):
            warnings.append(f"fusion group {gi}: no type acceptable for all members")

    # ---- conflicts
    conflicts = gold.get("conflicts") or []
    for ci, c in enumerate(conflicts):
        if len(c.get("events") or []) != 2:
            errors.append(f"conflict {ci}: needs exactly two event ids")
        for x in c.get("events") or []:
            if x not in ev:
                errors.append(f"conflict {ci}: unknown event id {x}")
        if not c.get("field") or any(f not in FIELDS for f in c["field"]):
            errors.append(f"conflict {ci}: bad field list {c.get('field')}")
        es = [ev[x] for x in c.get("events") or [] if x in ev]
        if len(es) == 2 and es[0]["article"] == es[1]["article"]:
            errors.append(f"conflict {ci}: both events in one article")

    # ---- entities
    alltext = {aid: " " + norm((a.get("title") or "") + " " + a["text"]) + " " for aid, a in corpus.items()}

    def has(aid, alias):
        return re.search(r"(?<![a-z0-9])" + re.escape(norm(alias)) + r"(?![a-z0-9])", alltext[aid]) is not None

    for en in gold.get("entities") or []:
        if en.get("kind") not in KINDS:
            errors.append(f"entity {en.get('name')}: bad kind {en.get('kind')}")
        for al in en.get("aliases") or []:
            if not any(has(aid, al) for aid in corpus):
                errors.append(f"entity {en.get('name')}: alias {al!r} occurs in no article")
        for aid in en.get("articles") or []:
            if aid not in corpus or not any(has(aid, al) for al in en["aliases"]):
                errors.append(f"entity {en.get('name')}: listed article {aid} mentions no alias")

    # ---- near duplicates (informative)
    near = []
    for a, b in combinations(sorted(corpus), 2):
        r = difflib.SequenceMatcher(None, corpus[a]["text"], corpus[b]["text"], autojunk=False).quick_ratio()
        if r > 0.9:
            r = difflib.SequenceMatcher(None, corpus[a]["text"], corpus[b]["text"], autojunk=False).ratio()
            if r > 0.9:
                near.append((a, b, r))

    # ---- report
    req = [e for e in gold["events"] if e.get("required", True)]
    print(f"articles: {len(corpus)}  outlets: {len({a.get('outlet') for a in corpus.values()})}  "
          f"words/article: {min(len(a['text'].split()) for a in corpus.values())}-"
          f"{max(len(a['text'].split()) for a in corpus.values())}")
    print(f"entities: {len(gold.get('entities') or [])}")
    print(f"events: {len(gold['events'])} ({len(req)} required, {len(gold['events']) - len(req)} optional)")
    print("  first type:", dict(sorted(Counter(e['type'][0] for e in gold['events']).items())))
    print("  modalities (first):", dict(sorted(Counter(e['modality'][0] for e in gold['events']).items())))
    print(f"fusion groups: {len(fusion)} sizes {[len(g) for g in fusion]} "
          f"(pairs {sum(len(g) * (len(g) - 1) // 2 for g in fusion)}, "
          f"largest {max((len(g) for g in fusion), default=0)})")
    print(f"conflicts: {len(conflicts)} by field {dict(Counter(c['field'][0] for c in conflicts))}")
    for a, b, r in near:
        print(f"near duplicates: {a} ~ {b} ({r:.3f})")
    for w in warnings:
        print("WARNING", w)
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
