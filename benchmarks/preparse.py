"""What a pre-parse filter could buy: parse only the sentences where the trigger lexicon could propose an event.

Measured, not built (issue 10). On the benchmark texts this prints:
  * each spaCy component's share of `nlp.pipe` time (the parser is the wall);
  * how many sentences hold a lemma the ontology lists as a trigger anchor (`Ontology.verbs` / `.nouns`,
    read from the loaded ontology, so it follows the detector's lexicon wherever it changes), with the
    lemma and POS that the tagger and lemmatizer give before the parser runs;
  * how many extracted event mentions sit in sentences without such a lemma (the learned detector proposes
    events there: a filter on the lexicon would lose them);
  * the best the filter could do: the parser's share times the share of sentences it would skip.

It cannot be made exact: spaCy's sentence boundaries come from the parser (a filter needs `senter`, whose
cuts differ), the detector scores every sentence (parse cues included) and the article relevance averages
them, and quotation/speaker/narrative-time state runs sentence to sentence.

    python benchmarks/preparse.py [--n 100]
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from corpus import make  # benchmarks/corpus.py

from wirewatch.extract import extraction_components
from wirewatch.extract.nlp import get_nlp
from wirewatch.extract.ontology import load_ontology
from wirewatch.pipeline import Pipeline


def component_times(nlp: Any, texts: list[str]) -> dict[str, float]:
    """Seconds each pipeline component spends over `texts` (batches of 32, as ParseComponent runs it)."""
    docs = [nlp.make_doc(t) for t in texts]
    times: dict[str, float] = {}
    for name, proc in nlp.pipeline:
        t = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=32)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        times[name] = time.perf_counter() - t
    return times


def has_anchor(sent: Any, onto: Any) -> bool:
    """A token whose lemma the ontology lists as a verb or noun trigger anchor (any POS: a cheap recall-first
    test, wider than `triggers._match`)."""
    return any(t.lemma_.lower() in onto.verbs or t.lemma_.lower() in onto.nouns for t in sent)


def estimate(n: int) -> dict[str, Any]:
    arts = make(n)
    nlp = get_nlp()
    list(nlp.pipe([a.text for a in arts[:10]]))
    times = component_times(nlp, [a.text for a in arts])
    total = sum(times.values())
    onto = load_ontology()
    pipeline = Pipeline(extraction_components())
    sents = kept = 0
    mentions = lost = 0
    for art in pipeline.pipe(arts):
        doc = getattr(art, "doc", None)
        if doc is None:
            continue
        anchored: list[tuple[int, int]] = []
        for s in doc.sents:
            if not s.text.strip():
                continue
            sents += 1
            if has_anchor(s, onto):
                kept += 1
                anchored.append((s.start_char, s.end_char))
        for m in art.events:
            mentions += 1
            if not any(a <= m.start < b for a, b in anchored):
                lost += 1
    share = times.get("parser", 0.0) / total if total else 0.0
    skip = 1 - kept / sents if sents else 0.0
    return {"times": times, "parser_share": share, "sentences": sents, "anchored": kept, "mentions": mentions,
            "lost": lost, "best_saving": share * skip}


def line(e: dict[str, Any]) -> str:
    return (f"pre-parse filter (estimate, not built): parser {e['parser_share']:.0%} of nlp.pipe; "
            f"{e['anchored']}/{e['sentences']} sentences hold a trigger anchor; {e['lost']}/{e['mentions']} "
            f"event mentions lie outside them; at best {e['best_saving']:.0%} of spaCy time saved")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100, help="articles")
    e = estimate(ap.parse_args().n)
    print("spaCy components: " + ", ".join(f"{k} {v:.2f} s" for k, v in e["times"].items()))
    print(line(e))


if __name__ == "__main__":
    main()
