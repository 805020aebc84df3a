"""A trigger lexicon grown from WordNet and kept only where labelled news supports it (issue 10).

The hand lexicon (`data/ontology.yaml`) misses paraphrases: "punched", "apprehended", "slaughtered",
"fled". WordNet already groups them with words the lexicon has: "punch" is a kind of "hit", "apprehend"
shares a synset with "arrest", "slaughter" is a kind of "kill". This module proposes such words as
*candidate* triggers, then decides which to ship by grouped cross-validation on the training rows
(`train.load_rows`: NGEC VOA quotes, PLOVER dev sentences, ECB+ off-topic and our own negative copy):

- candidates: for each single-word verb trigger of a type (the seed), the other words of the seed's first
  `seed_senses` WordNet senses (synonyms) and, optionally, of their direct troponyms ("kinds of" the act);
  a candidate is dropped when the sense it was reached by is not among its own first `own_senses` senses
  (in "plug" the punch sense is rare), when two types claim it, or when the hand lexicon already has it
  for another type;
- evidence: every row is parsed once and run through `find_triggers` with all candidates added; a candidate
  that fires its type, live, on a row labelled with that type is a hit, on a no-event row a false alarm
  (a quote labelled with another type is not judged: it may hold the candidate's event too);
- the rule: a candidate seen in the training folds ships when its weighted precision there is >= `min_p`;
  one never seen ships only if `unseen` says so. The rule (seed_senses, troponyms, own_senses, min_p,
  unseen) is chosen by grouped 5-fold CV (by document / source, `train.Row.group`), each outer fold scored
  with the rule chosen on the other four (an inner leave-one-fold-out), on the lexicon's row-level F1
  (the old triggers plus the accepted candidates).

`python -m wirewatch.extract.trigger_expansion build` writes `data/triggers_learned.yaml` (the accepted
words, their WordNet path and evidence, the chosen rule and the dev / CV figures in its header); the
ontology loads it beside the hand lexicon (`ontology.py`, key `learned_triggers`). WordNet is read from its
database folder at build time only (Debian `wordnet-base`: /usr/share/wordnet); nothing is downloaded and
WordNet is not needed at run time.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError
from .ontology import LEARNED_PATH, Ontology, load_ontology

WORDNET = Path("/usr/share/wordnet")
# Verbs whose WordNet neighbours are too general to say anything ("provide" -> cater, stock, feed): a seed
# whose own commonest sense is one of these lexicographer classes proposes nothing.
_VAGUE_CLASSES = frozenset({"stative", "possession", "change"})
# Words never proposed: auxiliaries, light verbs and the like, whose other senses swamp every use.
_STOP = frozenset({"be", "have", "do", "get", "go", "make", "take", "give", "put", "set", "come", "let",
                   "keep", "hold", "run", "turn", "move", "work", "see", "say", "tell", "call"})
_PREPS = frozenset({"of", "into", "to", "in", "on", "at", "from", "with", "for", "by", "off", "out", "up",
                    "down", "away", "back", "over", "through", "about", "around"})


# ------------------------------------------------------------------ WordNet, read from its database files
@dataclass
class WordNet:
    """Verb synsets of WordNet 3.0: words, lexicographer class, troponyms; each lemma's senses in order."""

    words: dict[str, list[str]] = field(default_factory=dict)  # synset offset -> words ("get_rid_of")
    lexclass: dict[str, int] = field(default_factory=dict)  # offset -> lexicographer file number
    troponyms: dict[str, list[str]] = field(default_factory=dict)  # offset -> hyponym offsets
    senses: dict[str, list[str]] = field(default_factory=dict)  # lemma -> offsets, commonest first

    @classmethod
    def read(cls, folder: Path = WORDNET) -> WordNet:
        wn = cls()
        data, index = folder / "data.verb", folder / "index.verb"
        if not data.exists() or not index.exists():
            raise ConfigError(f"{folder}: WordNet 3.0 database not found (data.verb, index.verb; "
                              "Debian: apt-get install wordnet-base)")
        with open(data, encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue  # the licence header
                head = line.split("|", 1)[0].split()
                off, lexfile, n = head[0], int(head[1]), int(head[3], 16)
                wn.words[off] = [head[4 + 2 * i].lower() for i in range(n)]
                wn.lexclass[off] = lexfile
                k = 4 + 2 * n
                n_ptr = int(head[k])
                ptrs = head[k + 1:k + 1 + 4 * n_ptr]
                wn.troponyms[off] = [ptrs[j + 1] for j in range(0, len(ptrs), 4)
                                     if ptrs[j] == "~" and ptrs[j + 2] == "v"]
        with open(index, encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                parts = line.split()
                n_ptr = int(parts[3])
                wn.senses[parts[0].lower()] = parts[4 + n_ptr + 2:]
        return wn


def lexclass_name(num: int) -> str:
    from .wordclass import LEXNAMES

    return LEXNAMES[num].split(".")[1]


def trigger_of(word: str) -> str | None:
    """A WordNet word as a lexicon trigger: "punch" -> "punch", "blow_up" -> "blow up", "get_rid_of" ->
    "get rid", "take_into_custody" -> "take custody" (a head verb and the one dependent that must hang on
    it: `ontology._parse_trigger`). None for what the parse cannot match ("pull in one's horns")."""
    parts = word.replace("-", "_").split("_")
    if not all(p.isalpha() for p in parts) or any(p in ("someone", "somebody", "oneself") for p in parts):
        return None
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return " ".join(parts)
    content = [p for p in parts[1:] if p not in _PREPS and p not in ("the", "a", "an")]
    return f"{parts[0]} {content[-1]}" if len(content) == 1 else None


# ------------------------------------------------------------------ candidates
@dataclass(frozen=True)
class Path_:
    """How a candidate was reached: the seed, which of its senses (1 = commonest), whether through a
    troponym, and the rank of that sense among the candidate's own senses."""

    seed: str
    seed_sense: int
    troponym: bool
    own_sense: int
    bare_seed: bool = True  # the seed is a one-word trigger ("kill"), not the head of one ("hit @target")


@dataclass
class Candidate:
    trigger: str  # "punch", "blow up", "get rid"
    type: str
    paths: list[Path_] = field(default_factory=list)

    def allowed(self, rule: Rule, own_senses: int | None = None) -> bool:
        own = rule.own_senses if own_senses is None else own_senses
        return any(p.seed_sense <= rule.seed_senses and p.own_sense <= own and
                   (rule.troponyms or not p.troponym) and (rule.head_seeds or p.bare_seed) for p in self.paths)


@dataclass(frozen=True)
class Rule:
    seed_senses: int
    troponyms: bool
    own_senses: int
    min_p: float
    # a word the training rows never show: 0 dropped; 1 kept when the sense it was reached by is its own
    # commonest ("punch" as a blow); 3 kept within `own_senses`
    unseen: int
    head_seeds: bool  # also the heads of "word @set" triggers ("hit @target") as seeds
    min_hits: float = 0.0  # a seen word needs this much weighted evidence of its type besides min_p
    # unseen words only for the material conflict types (a kind of a physical act - "punch" of "hit",
    # "strangle" of "kill" - is the act; a kind of a speech act often is not: "grumble" of "complain")
    unseen_material: bool = False

    def label(self) -> str:
        return (f"seeds {'one-word + heads' if self.head_seeds else 'one-word'}, "
                f"seed senses {self.seed_senses}, {'synonyms+troponyms' if self.troponyms else 'synonyms'}, "
                f"own senses {self.own_senses}, min P {self.min_p}, min hits {self.min_hits}, unseen "
                f"{ {0: 'dropped', 1: 'kept if its commonest sense'}.get(self.unseen, 'kept')}"
                f"{' (material conflict types only)' if self.unseen and self.unseen_material else ''}")


MAX_SEED_SENSES, MAX_OWN_SENSES = 3, 3
RULES = [Rule(s, t, o, p, u, h, m, um) for s, t, o, p, u, h, m, um in itertools.product(
    (1, 2, 3), (False, True), (1, 2, 3), (0.0, 0.3, 0.5, 0.7), (0, 1, 3), (False, True), (0.0, 1.5, 3.0),
    (False, True)) if u or not um]
MATERIAL_CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})


def _hand_heads(onto: Ontology) -> dict[str, set[str]]:
    """Head lemma -> the types the hand lexicon gives it (verbs)."""
    out: dict[str, set[str]] = defaultdict(set)
    for head, specs in onto.verbs.items():
        for s in specs:
            out[head].add(s.type)
    return out


def candidates(wn: WordNet, onto: Ontology, labelled: set[str] | None = None) -> list[Candidate]:
    """Every word WordNet puts next to a single-word verb trigger of a type, within the widest rule. Only
    types in `labelled` (those the training rows have examples of) get candidates: a word for a type nobody
    labelled could never be checked, and the detector could not judge it."""
    hand = _hand_heads(onto)
    found: dict[tuple[str, str], Candidate] = {}
    for head, specs in sorted(onto.verbs.items()):
        bare = {s.type for s in specs if s.dep is None and s.dep_set is None}
        types = bare | {s.type for s in specs if s.dep_set is not None}  # "hit @target": hit's senses too
        if head in _STOP or len(types) != 1 or labelled is not None and not types <= labelled:
            continue
        (etype,) = types
        offs = wn.senses.get(head, [])
        if not offs or lexclass_name(wn.lexclass[offs[0]]) in _VAGUE_CLASSES:
            continue
        for rank, off in enumerate(offs[:MAX_SEED_SENSES], 1):
            reach = [(off, False)] + [(t, True) for t in wn.troponyms.get(off, [])]
            for syn, tropo in reach:
                for w in wn.words.get(syn, []):
                    trig = trigger_of(w)
                    if trig is None or trig in _STOP:
                        continue
                    anchor = trig.split()[0]
                    if trig == head or " " not in trig and anchor in hand or hand.get(anchor, set()) - {etype}:
                        # The hand lexicon has the word: as a trigger of another type, or restricted on
                        # purpose ("suspend @aid", "emphasize @need": "suspended publication" and "emphasizes
                        # production" are no sanction and no request); its entry stands.
                        continue
                    own = wn.senses.get(w, [])
                    if syn not in own:
                        continue
                    c = found.setdefault((trig, etype), Candidate(trig, etype))
                    c.paths.append(Path_(head, rank, tropo, own.index(syn) + 1, bool(bare)))
    by_word: dict[str, list[Candidate]] = defaultdict(list)
    for c in found.values():
        by_word[c.trigger].append(c)
    # A word two types claim is no evidence for either ("strike": attack or labour).
    return sorted((cs[0] for cs in by_word.values() if len(cs) == 1), key=lambda c: (c.type, c.trigger))


# ------------------------------------------------------------------ evidence on the training rows
@dataclass
class Evidence:
    """Per row: its label, weight, group, the types the hand lexicon fires on it (live) and the candidates
    (by index) that fire their own type on it."""

    label: list[str]
    weight: list[float]
    group: list[str]
    hand: list[set[str]]
    fires: list[set[int]]


def ontology_with(cands: Sequence[Candidate], base: Ontology) -> Ontology:
    """`base` plus every candidate as a learned trigger (lowest priority)."""
    from .ontology import add_learned

    return add_learned(base, [(c.type, c.trigger) for c in cands])


def gather(rows: Sequence[Any], cands: Sequence[Candidate], base: Ontology, log=print) -> Evidence:
    from .nlp import get_nlp
    from .triggers import find_triggers

    onto = ontology_with(cands, base)
    index = {(c.type, c.trigger.split()[0], c.trigger): i for i, c in enumerate(cands)}
    ev = Evidence([r.label for r in rows], [r.weight for r in rows], [r.group for r in rows], [], [])
    log(f"parsing {len(rows)} training rows")
    for n, doc in enumerate(get_nlp().pipe((r.text for r in rows), batch_size=64)):
        hand: set[str] = set()
        fires: set[int] = set()
        for s in doc.sents:
            for t in find_triggers(s, onto):
                if t.suppressed:
                    continue
                if t.spec.learned:
                    words = t.spec.head if t.spec.dep is None else f"{t.spec.head} {t.spec.dep}"
                    i = index.get((t.type, t.spec.head, words))
                    if i is not None:
                        fires.add(i)
                else:
                    hand.add(t.type)
        ev.hand.append(hand)
        ev.fires.append(fires)
        if (n + 1) % 2000 == 0:
            log(f"  {n + 1}/{len(rows)}")
    return ev


def _stats(ev: Evidence, rows: Iterable[int], types: Sequence[str]) -> tuple[list[float], list[float]]:
    """Weighted hits and false alarms of every candidate (`types`: candidate index -> its type) over `rows`."""
    hit, false = [0.0] * len(types), [0.0] * len(types)
    for i in rows:
        for c in ev.fires[i]:
            if ev.label[i] == "NONE":
                false[c] += ev.weight[i]
            elif ev.label[i] == types[c]:
                hit[c] += ev.weight[i]
    return hit, false


def accepted(cands: Sequence[Candidate], rule: Rule, hit: list[float], false: list[float]) -> set[int]:
    out = set()
    for i, c in enumerate(cands):
        if not c.allowed(rule):
            continue
        seen = hit[i] + false[i]
        if seen == 0:
            if rule.unseen and c.allowed(rule, min(rule.unseen, rule.own_senses)) and (
                    not rule.unseen_material or c.type in MATERIAL_CONFLICT):
                out.add(i)
        elif hit[i] / seen >= rule.min_p and hit[i] >= rule.min_hits:
            out.add(i)
    return out


def lexicon_f1(ev: Evidence, rows: Iterable[int], extra: set[int],
               cands: Sequence[Candidate]) -> tuple[float, float, float]:
    """Row-level P / R / F1 of the lexicon (hand triggers plus the candidates in `extra`, indexes into
    `cands`, the candidates `ev` was gathered for): a labelled row is found when a live trigger gives its
    type; every type given to a no-event row is a false alarm."""
    return _Scorer(ev, rows, [c.type for c in cands]).f1(extra)


class _Scorer:
    """`lexicon_f1` over fixed rows for many candidate sets: the hand lexicon's counts once, then only the
    few rows a candidate fires on."""

    def __init__(self, ev: Evidence, rows: Iterable[int], types: Sequence[str]) -> None:
        self.types = types
        self.tp = self.fp = self.fn = 0.0
        self.finds: list[tuple[float, set[int]]] = []  # (weight, candidates that would find the row)
        self.alarms: list[tuple[float, set[str], list[int]]] = []  # NONE rows: (weight, hand types, candidates)
        for i in rows:
            w, label, hand = ev.weight[i], ev.label[i], ev.hand[i]
            if label == "NONE":
                self.fp += w * len(hand)
                if ev.fires[i]:
                    self.alarms.append((w, hand, sorted(ev.fires[i])))
            elif label in hand:
                self.tp += w
            else:
                self.fn += w
                new = {c for c in ev.fires[i] if types[c] == label}
                if new:
                    self.finds.append((w, new))

    def f1(self, extra: set[int]) -> tuple[float, float, float]:
        gain = sum(w for w, cs in self.finds if cs & extra)
        tp, fn = self.tp + gain, self.fn - gain
        fp = self.fp + sum(w * len({self.types[c] for c in cs if c in extra} - hand) for w, hand, cs in self.alarms)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _choose(ev: Evidence, cands: Sequence[Candidate], folds: list[list[int]], use: list[int]) -> Rule:
    """The rule to ship, by the folds in `use` (each scored with the evidence of the other folds in `use`):
    the one with the fewest words among those whose held-out F1 is within one standard error of the best
    (Breiman's one-standard-error rule, on the fold-paired differences). Most candidates are rare, so many
    rules tie within fold noise; a word list larger than the data can support would buy its recall with
    false events in copy the training rows do not have (sport, business), which this F1 cannot see."""
    types = [c.type for c in cands]
    pre, scorer = {}, {}
    for j in use:
        rest = [i for k in use if k != j for i in folds[k]]
        pre[j] = _stats(ev, rest, types)
        scorer[j] = _Scorer(ev, folds[j], types)
    scored: list[tuple[list[float], float, int]] = []  # (held-out F1 per fold, mean words, rule index)
    for n, rule in enumerate(RULES):
        accs = [accepted(cands, rule, *pre[j]) for j in use]
        scored.append(([scorer[j].f1(a)[2] for j, a in zip(use, accs, strict=True)],
                       sum(len(a) for a in accs) / len(accs), n))
    best = max(scored, key=lambda s: sum(s[0]))

    def within_noise(s: tuple[list[float], float, int]) -> bool:
        # paired by fold: the folds differ far more from each other than the rules do on the same fold
        d = [b - x for b, x in zip(best[0], s[0], strict=True)]
        mean = sum(d) / len(d)
        se = (sum((x - mean) ** 2 for x in d) / max(len(d) - 1, 1)) ** 0.5 / len(d) ** 0.5
        return mean <= se

    near = [s for s in scored if within_noise(s)]
    return RULES[min(near, key=lambda s: (s[1], -sum(s[0]), s[2]))[2]]


def cross_validate(ev: Evidence, cands: Sequence[Candidate], k: int = 5, log=print) -> dict[str, Any]:
    from sklearn.model_selection import GroupKFold

    types = [c.type for c in cands]
    folds = [list(te) for _, te in GroupKFold(n_splits=k).split(ev.label, groups=ev.group)]
    out: dict[str, Any] = {"folds": []}
    tot_base = [0.0, 0.0, 0.0]
    tot_new = [0.0, 0.0, 0.0]
    for o in range(k):
        inner = [j for j in range(k) if j != o]
        rule = _choose(ev, cands, folds, inner)
        hit, false = _stats(ev, [i for j in inner for i in folds[j]], types)
        acc = accepted(cands, rule, hit, false)
        base = lexicon_f1(ev, folds[o], set(), cands)
        new = lexicon_f1(ev, folds[o], acc, cands)
        log(f"  fold {o + 1}/{k}: {rule.label()}; {len(acc)} words; held-out P/R/F1 "
            f"{base[0]:.3f}/{base[1]:.3f}/{base[2]:.3f} -> {new[0]:.3f}/{new[1]:.3f}/{new[2]:.3f}")
        out["folds"].append({"rule": rule.label(), "words": len(acc), "base": base, "new": new})
        tot_base = [a + b / k for a, b in zip(tot_base, base, strict=True)]
        tot_new = [a + b / k for a, b in zip(tot_new, new, strict=True)]
    out["cv_base"], out["cv_new"] = tot_base, tot_new
    gains = [f["new"][2] - f["base"][2] for f in out["folds"]]
    mean = sum(gains) / k
    se = (sum((g - mean) ** 2 for g in gains) / (k - 1)) ** 0.5 / k ** 0.5
    # The procedure ships words only when it gained on held-out folds beyond their noise: a rule chosen on
    # all rows would otherwise ship the noise of the choice.
    out["ships"] = mean > se
    out["cv_gain"], out["cv_gain_se"] = mean, se
    rule = _choose(ev, cands, folds, list(range(k)))
    every = list(range(len(ev.label)))
    hit, false = _stats(ev, every, types)
    acc = accepted(cands, rule, hit, false)
    out["rule"], out["accepted"], out["hit"], out["false"] = rule, acc if out["ships"] else set(), hit, false
    out["chosen_words"] = len(acc)
    out["dev_base"] = lexicon_f1(ev, every, set(), cands)
    out["dev_new"] = lexicon_f1(ev, every, acc, cands)  # the chosen rule's words, shipped or not
    return out


# ------------------------------------------------------------------ the shipped file
HEADER = """\
# Trigger words grown from WordNet 3.0 and kept by grouped cross-validation on the training rows
# (wirewatch/extract/trigger_expansion.py; rebuild: python -m wirewatch.extract.trigger_expansion build).
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. THIS SOFTWARE AND DATABASE IS
# PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED.
# Loaded beside ontology.yaml at the lowest priority: a hand-written trigger always wins. A user's
# --ontology file can switch them off with `learned_triggers: false`.
"""


def write(result: dict[str, Any], cands: Sequence[Candidate], n_rows: int, out: Path = LEARNED_PATH) -> None:
    rule: Rule = result["rule"]
    fmt = "{:.3f}/{:.3f}/{:.3f}".format
    lines = [HEADER,
             f"# rule (chosen on all {n_rows} rows' folds): {rule.label()}\n",
             f"# lexicon row-level P/R/F1, dev (all rows, in-sample; the rule's {result['chosen_words']} words): "
             f"{fmt(*result['dev_base'])} -> {fmt(*result['dev_new'])}\n",
             f"# grouped 5-fold CV (each fold with the rule and evidence of the others): {fmt(*result['cv_base'])}"
             f" -> {fmt(*result['cv_new'])}; gap (dev - CV) F1 {result['dev_new'][2] - result['cv_new'][2]:.3f}\n",
             f"# held-out F1 gain per fold {result['cv_gain']:+.4f} (standard error {result['cv_gain_se']:.4f}): "
             + ("words ship\n" if result["ships"] else "within noise, so no word ships (the file stays, empty, "
                                                       "until the training rows support one)\n"),
             "# per word: the WordNet path (seed, seed sense, troponym?, own sense) and the training evidence "
             "(weighted hits / false alarms)\n"]
    by_type: dict[str, list[str]] = defaultdict(list)
    notes: list[str] = []
    for i in sorted(result["accepted"], key=lambda i: (cands[i].type, cands[i].trigger)):
        c = cands[i]
        by_type[c.type].append(c.trigger)
        p = min(c.paths, key=lambda p: (p.troponym, p.seed_sense, p.own_sense))
        notes.append(f"#   {c.type} {c.trigger}: {p.seed}.{p.seed_sense}{' troponym' if p.troponym else ''} "
                     f"own.{p.own_sense}; {result['hit'][i]:.1f}/{result['false'][i]:.1f}\n")
    body = yaml.safe_dump({"verbs": dict(sorted(by_type.items()))}, default_flow_style=None, width=110,
                          sort_keys=False) if by_type else "verbs: {}\n"
    out.write_text("".join(lines) + "".join(notes) + body, encoding="utf-8")


def code_fingerprint() -> str:
    """What the evidence of a row depends on besides the row and the candidates: the extract/ sources that
    parse and find triggers, their data files (not the learned file this module writes) and spaCy's
    version. A changed trigger rule or hand lexicon makes the kept evidence stale."""
    import spacy

    here = Path(__file__).parent
    h = hashlib.sha1(spacy.__version__.encode())
    files = sorted(here.glob("*.py")) + sorted(p for p in (here / "data").iterdir()
                                                if p.suffix in {".yaml", ".gz"} and p.name != LEARNED_PATH.name)
    for p in files:
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()[:16]


def evidence_key(cands: Sequence[Candidate], rows: Sequence[Any], code: str) -> dict[str, Any]:
    """The key kept evidence is reused under: the candidates (a later run may ask for a subset), a digest of
    every row's text, label, weight and group (the CV's folds follow the groups), and `code_fingerprint`."""
    digest = hashlib.sha1(json.dumps([[r.label, r.text, r.weight, r.group] for r in rows]).encode()).hexdigest()
    return {"code": code, "rows": digest, "cands": [[c.type, c.trigger] for c in cands]}


def _kept_evidence(path: Path, key: dict[str, Any]) -> Evidence | None:
    """The evidence kept in `path` under a matching key, its candidates renumbered to `key`'s; else None."""
    try:
        kept = json.loads(path.read_text())
    except (OSError, ValueError):
        return None  # no file, or one cut short: parse again
    if not isinstance(kept, dict) or kept.get("code") != key["code"] or kept.get("rows") != key["rows"]:
        return None
    old_at = {tuple(c): i for i, c in enumerate(kept["cands"])}
    if not all(tuple(c) in old_at for c in key["cands"]):
        return None
    new_at = {old_at[tuple(c)]: i for i, c in enumerate(key["cands"])}
    return Evidence(kept["label"], kept["weight"], kept["group"], [set(h) for h in kept["hand"]],
                    [{new_at[f] for f in fs if f in new_at} for fs in kept["fires"]])


def main(argv: list[str] | None = None) -> int:
    from .train import load_rows

    ap = argparse.ArgumentParser(prog="python -m wirewatch.extract.trigger_expansion",
                                 description="Grow the trigger lexicon from WordNet, kept by grouped CV on "
                                             "the training rows; writes data/triggers_learned.yaml.")
    ap.add_argument("command", choices=["build", "cv"], help="build: CV, then write the file; cv: print only")
    ap.add_argument("--wordnet", type=Path, default=WORDNET, help="WordNet 3.0 database folder")
    ap.add_argument("--out", type=Path, default=LEARNED_PATH)
    ap.add_argument("--evidence", type=Path, default=None,
                    help="JSON file keeping the parsed rows' evidence between runs (re-parsed when the rows, "
                         "their weights or groups, the trigger code or the candidates differ)")
    args = ap.parse_args(argv)
    base = load_ontology(None, learned=False)
    try:
        wn = WordNet.read(args.wordnet)
    except ConfigError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    rows = load_rows()
    cands = candidates(wn, base, {r.label for r in rows} - {"NONE"})
    print(f"{len(cands)} candidate trigger words from WordNet", file=sys.stderr)
    key = evidence_key(cands, rows, code_fingerprint()) if args.evidence is not None else None
    ev = _kept_evidence(args.evidence, key) if args.evidence is not None and key is not None else None
    if ev is None:
        ev = gather(rows, cands, base, log=lambda m: print(m, file=sys.stderr))
        if args.evidence is not None and key is not None:
            args.evidence.write_text(json.dumps({
                **key, "label": ev.label, "weight": ev.weight, "group": ev.group,
                "hand": [sorted(h) for h in ev.hand], "fires": [sorted(f) for f in ev.fires]}))
    result = cross_validate(ev, cands, log=lambda m: print(m, file=sys.stderr))
    fmt = "{:.3f}/{:.3f}/{:.3f}".format
    print(f"rule: {result['rule'].label()}; {len(result['accepted'])} words shipped; held-out F1 gain "
          f"{result['cv_gain']:+.4f} (SE {result['cv_gain_se']:.4f})")
    print(f"lexicon P/R/F1 dev {fmt(*result['dev_base'])} -> {fmt(*result['dev_new'])}; "
          f"CV {fmt(*result['cv_base'])} -> {fmt(*result['cv_new'])}; "
          f"gap {result['dev_new'][2] - result['cv_new'][2]:.3f}")
    if args.command == "build":
        write(result, cands, len(rows), args.out)
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
