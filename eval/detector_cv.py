"""Grouped cross-validation of the event detector, per type: dev (fit) score, CV score and the gap.

    python eval/detector_cv.py              # the shipped settings (train.DEFAULT_CANDIDATE, DEFAULT_C)
    python eval/detector_cv.py --features words+chars+cues -C 32
    python eval/detector_cv.py --features words+cues+context+encoder   # needs the encoder package (README)
    python eval/detector_cv.py --keep       # and the keep rules for lexicon triggers, by the same folds
    python eval/detector_cv.py --errors     # and the error accounting, confusions, decision rules (nested)
    python eval/detector_cv.py --noise drop # the label-noise filter, by nested grouped CV (label_noise.py)
    python eval/detector_cv.py --code-cues  # on this code's trigger cues, not the frozen ones make model uses
    python eval/detector_cv.py --extra wirewatch/extract/training/negatives_commentary.jsonl  # more rows

"dev" is the model fit on all the training rows and scored on those same rows; "CV" is 5-fold grouped
cross-validation (groups = VOA documents, PLOVER sentences, ECB+ topics, our own documents), each fold scored
with thresholds chosen on the other folds' out-of-fold probabilities. The CV figure is the honest one; the
gap says how much the fit flatters. Needs ../shared and scikit-learn (the dev install).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wirewatch.extract import train as T  # noqa: E402
from wirewatch.extract.detector import hashed_counts  # noqa: E402
from wirewatch.extract.frozen_cues import FROZEN_CUES  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=T.SHARED)
    ap.add_argument("--features", choices=sorted(T.CANDIDATES), default=T.DEFAULT_CANDIDATE)
    ap.add_argument("-C", type=float, default=T.DEFAULT_C)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--multinomial", action="store_true",
                    help="one softmax over the types and NONE (train.fit_multinomial), not one-vs-rest")
    ap.add_argument("--seed", type=int, default=None,
                    help="deal the groups to folds in this shuffled order (GroupKFold shuffle; default: its own order)")
    ap.add_argument("--keep", action="store_true", help="also compare the keep rules for lexicon triggers")
    ap.add_argument("--errors", action="store_true",
                    help="also where the CV errors are and what decision rules alone win (detector_errors.py)")
    ap.add_argument("--noise", choices=("drop", "down"),
                    help="only the nested grouped CV of the label-noise filter with this mode (slow: ~20 fits a fold)")
    ap.add_argument("--extra", type=Path, action="append", default=[],
                    help="more training rows (train.rows_from_file), as `train --extra`; the figures are also "
                         "printed on the rows without them, so that a variant's lines stay paired with main's")
    ap.add_argument("--oof", type=Path, help="save the out-of-fold probabilities and fold deal here (.npz)")
    ap.add_argument("--save", type=Path, metavar="STEM",
                    help="also write the model fit on all rows (the dev fit, with the CV's thresholds and the "
                         "shipped decision margins; the shipped article-relevance model beside it) to STEM, for "
                         "WIREWATCH_EVENT_MODEL=STEM and eval/gate.py, without a second CV")
    ap.add_argument("--cues", type=Path, default=FROZEN_CUES, help="the frozen training cues (as make model)")
    ap.add_argument("--code-cues", action="store_true", help="this code's cues instead of the frozen ones")
    args = ap.parse_args(argv)
    if not (args.shared / "train").exists():
        print(f"skipped: {args.shared}/train not present")
        return 0
    T.MULTINOMIAL = args.multinomial
    rows = T.load_rows(args.shared, extra=args.extra)
    n_base = len(T.load_rows(args.shared))
    # the shipped model's figures come from the cues it trains on (frozen_cues.py); --code-cues scores a
    # change of the candidate rules (what `make model-refreeze` would ship)
    T.training_cues(rows, None if args.code_cues else args.cues, False, log=lambda s: print(s, file=sys.stderr))
    print("training cues: " + ("this code's parse" if args.code_cues else str(args.cues)))
    cfg = T.CANDIDATES[args.features]
    if cfg.encoder:
        T.add_embeddings(rows, log=lambda s: print(s, file=sys.stderr))
    if args.noise:
        return noise_table(rows, cfg, args)
    types = sorted({r.label for r in rows} - {T.NONE})
    cv = T.cross_validate(rows, cfg, args.C, args.folds, types, log=lambda s: print(s, file=sys.stderr),
                          seed=args.seed)
    counts = [hashed_counts(r.text, cfg, r.cues) for r in rows]
    W, b, idf = T.fit(rows, counts, types, cfg, args.C)
    P = T.predict(W, b, idf, counts, cfg.dim, T.embeddings(rows, cfg), cfg.encoder)
    dev = T.scores([r.label for r in rows], T.decide(P, types, cv["thresholds"]), types)
    print(f"event detector ({args.features}, C={args.C}, {'multinomial' if args.multinomial else 'one-vs-rest'}, "
          f"fold deal {'GroupKFold order' if args.seed is None else f'shuffled, seed {args.seed}'}), {len(rows)} rows, "
          f"{len({r.group for r in rows})} groups")
    print(f"{'type':10s} {'n':>5s} {'dev F1':>7s} {'CV P':>6s} {'CV R':>6s} {'CV F1':>6s} {'gap':>6s}")
    for t in types:
        c, d = cv["per_type"][t], dev["per_type"][t]
        print(f"{t:10s} {c['support']:5d} {d['f1']:7.3f} {c['precision']:6.3f} {c['recall']:6.3f} {c['f1']:6.3f} "
              f"{d['f1'] - c['f1']:6.3f}")
    for k in ("micro_f1", "macro_f1", "none_false_alarm"):
        print(f"{k:17s} dev {dev[k]:.3f}  CV {cv[k]:.3f}  gap {dev[k] - cv[k]:+.3f}")
    plover = [i for i, r in enumerate(rows) if r.group.startswith("plover:")]
    if plover:
        sub = T.scores([rows[i].label for i in plover], [T.decide(cv["oof"][[i]], types, cv["thresholds"])[0]
                                                         for i in plover], types)
        print(f"PLOVER dev sentences, held-out folds: micro-F1 {sub['micro_f1']:.3f}")
    if args.errors:
        from detector_errors import report

        report(cv["oof"], rows, types, cv["fold_of"])
    if args.keep:
        print("keep rule for lexicon triggers, grouped CV on the rows where the lexicon proposed the type "
              "(NONE rows are the negatives; rows of another type are not judged):")
        for name, v in T.keep_cv(cv["oof"], rows, types, cv["fold_of"]).items():
            print(f"  {name:22s} P {v['precision']:.3f} R {v['recall']:.3f} F1 {v['f1']:.3f}  "
                  f"NONE-row triggers kept {v['none_kept']}")
    noun = T.choose_noun_keep(cv["oof"], rows, types, cv["fold_of"])
    print(f"noun-trigger keep scale (grouped CV, chosen on the other folds: {noun['fold_scales']}; on all rows "
          f"{noun['scale']}): held-out keeping P {noun['cv']['precision']:.3f} R {noun['cv']['recall']:.3f} "
          f"F1 {noun['cv']['f1']:.3f}, NONE-row noun triggers kept {noun['cv']['none_kept']}; at the verbs' "
          f"{T.KEEP_SCALE}: F1 {noun['keep_scale']['f1']:.3f}, NONE-row kept {noun['keep_scale']['none_kept']}")
    if n_base < len(rows):
        base = list(range(n_base))  # load_rows puts the --extra rows last
        sub = T.scores([rows[i].label for i in base], [T.decide(cv["oof"][[i]], types, cv["thresholds"])[0]
                                                      for i in base], types)
        held = T.held_out_decisions(cv["oof"], [r.label for r in rows], cv["fold_of"], args.folds, types)
        nested = T.scores([rows[i].label for i in base], [held[i] for i in base], types)
        print(f"on the {n_base} rows without --extra (paired with main's lines): CV micro {nested['micro_f1']:.3f} "
              f"macro {nested['macro_f1']:.3f} NONE typed {nested['none_false_alarm']:.3f} "
              f"(all-rows thresholds: micro {sub['micro_f1']:.3f})")
        ext = [held[i] for i in range(n_base, len(rows))]
        print(f"--extra rows given a type on their held-out folds: {sum(p != T.NONE for p in ext)}/{len(ext)}")
    if args.save:
        save_model(args.save, types, W, b, idf, cfg, cv, args)
    if args.oof:
        import numpy as np

        np.savez(args.oof, oof=cv["oof"], fold_of=cv["fold_of"], labels=np.array([r.label for r in rows]),
                 types=np.array(types))
    print(f"acceptance (micro >= 0.75, macro >= 0.65): "
          f"{'met' if cv['micro_f1'] >= 0.75 and cv['macro_f1'] >= 0.65 else 'NOT met'}")
    return 0


def save_model(stem: Path, types: list[str], W, b, idf, cfg, cv: dict, args) -> None:
    """The dev fit as a Detector, as train.train builds it (not byte for byte: no noun-keep figures)."""
    import shutil

    from wirewatch.extract.detector import DEFAULT_MODEL, RELEVANCE_SUFFIX, SIGMOID, SOFTMAX, Detector

    det = Detector(types=types, W=W, b=b, idf=idf, thresholds=cv["thresholds"], config=cfg,
                   relevance_cutoff=cv["relevance_cutoff"], keep_scale=T.KEEP_SCALE, propose_margin=T.PROPOSE_MARGIN,
                   extra_margin=T.EXTRA_MARGIN, link=SOFTMAX if args.multinomial else SIGMOID,
                   meta={"C": args.C, "rows": len(cv["oof"]), "extra": [str(p) for p in args.extra],
                         "cv": {"micro_f1": round(cv["micro_f1"], 4), "macro_f1": round(cv["macro_f1"], 4)}})
    det.save(stem)
    rel = DEFAULT_MODEL.with_name(DEFAULT_MODEL.name + RELEVANCE_SUFFIX)
    for ext in (".npz", ".json"):
        shutil.copyfile(rel.with_suffix(ext), stem.with_name(stem.name + RELEVANCE_SUFFIX).with_suffix(ext))
    print(f"wrote {stem}.npz/.json (and the shipped article-relevance model beside it)")


def noise_table(rows: list, cfg, args) -> int:
    from wirewatch.extract import label_noise as N

    res = N.nested_cv(rows, cfg, args.C, args.noise, folds=args.folds, log=lambda s: print(s, file=sys.stderr))
    print(f"label-noise filter ({args.noise}), {args.features} C={args.C}: outer grouped {args.folds}-fold CV, "
          f"inner 3-fold; tau chosen inside each outer fold: {res['chosen']}")
    print(f"{'setting':22s} {'micro':>6s} {'macro':>6s} {'NONE typed':>10s} {'PLOVER':>7s} {'quotes cut':>10s}")
    for name, s, cut in [(f"tau {t} fixed", v, res["touched"][t]) for t, v in res["fixed"].items()] + [
            ("nested (tau by inner CV)", res["nested"], float("nan"))]:
        print(f"{name:22s} {s['micro_f1']:6.3f} {s['macro_f1']:6.3f} {s['none_false_alarm']:10.3f} "
              f"{s['plover_micro_f1']:7.3f} {cut:10.3f}")
    print("per type CV F1 (no filter -> nested): " + ", ".join(
        f"{t} {res['fixed'][0.0]['per_type'][t]['f1']:.2f}->{res['nested']['per_type'][t]['f1']:.2f}"
        for t in res["nested"]["per_type"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
