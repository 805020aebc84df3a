"""The opt-in commentary negatives (training/negatives_commentary.jsonl, README_detector.md round 13) and the
CV script's paired figures with --extra."""

import json
import sys
from pathlib import Path

from wirewatch.extract import train as T

COMMENTARY = Path(T.__file__).parent / "training" / "negatives_commentary.jsonl"


def test_commentary_rows_are_none_rows_grouped_by_document() -> None:
    rows = T.rows_from_file(COMMENTARY)
    docs = [json.loads(line)["doc_id"] for line in COMMENTARY.read_text().splitlines() if line.strip()]
    assert len(rows) >= 150 and {r.label for r in rows} == {T.NONE}
    assert {r.group for r in rows} == {"own:" + d for d in docs} and len(set(docs)) == len(docs)


def test_commentary_is_not_in_the_shipped_training_rows() -> None:
    # opt-in: `make model` reads OWN_NEGATIVES only, so the shipped model is unchanged by the file
    assert COMMENTARY != T.OWN_NEGATIVES
    own = {r.text for r in T.rows_from_file(T.OWN_NEGATIVES)}
    assert not own & {r.text for r in T.rows_from_file(COMMENTARY)}


def test_cv_script_takes_extra_rows(tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))
    import detector_cv

    # no shared data here: the script says so and stops, after accepting the options
    assert detector_cv.main(["--shared", str(tmp_path), "--extra", str(COMMENTARY), "--save", str(tmp_path / "m")]) == 0
