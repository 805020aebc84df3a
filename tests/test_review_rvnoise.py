"""Review of extract/noise.py, extract/trigger_expansion.py and extract/label_noise.py (h/rvnoise, issues 10
and 12): one test per confirmed defect, each beside the near-miss that must keep its old answer. The
sentences are written for these tests, in styles the noise tests did not use: wire copy with anonymous
sources, court reports, military communiques, local crime, labour and business news."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.participant_fixtures import no_event_kind, typed_triggers
from wirewatch.errors import WirewatchError
from wirewatch.extract import trigger_expansion as te
from wirewatch.pipeline import Pipeline


# --- defect 1: what a source reports under anonymity is news, not the purpose of the anonymity -------------
# `_sourcing` climbed from a trigger through a ccomp to the saying verb that carries the anonymity grant, so
# the reported content itself ("said on condition of anonymity that troops had killed ...") was dropped.
@pytest.mark.parametrize("text, word", [
    ("A security official said on condition of anonymity that troops had killed five militants near the "
     "border.", "killed"),
    ("A police officer told reporters on condition of anonymity that the suspect was arrested at his home.",
     "arrested"),
    ("A court clerk said anonymously that the judge had sentenced the former mayor to six years.", "sentenced"),
    ("One banker said on condition of anonymity that the regulator had fined the lender $40 million.", "fined"),
])
def test_what_an_anonymous_source_reports_is_not_sourcing(nlp, text: str, word: str) -> None:
    assert no_event_kind(nlp, text, word) is None


def test_an_anonymous_sources_report_of_a_killing_stays_an_event(pipe: Pipeline) -> None:
    got = typed_triggers(pipe, "A security official said on condition of anonymity that troops had killed five "
                       "militants near the border.")
    assert ("ASSAULT", "killed") in got


@pytest.mark.parametrize("text, word", [
    ("A diplomat, speaking on condition of anonymity to discuss the talks, said nothing was agreed.", "discuss"),
    ("The lawyer, who asked not to be named because she was not allowed to comment on the case, said the "
     "hearing was postponed.", "comment"),
])
def test_the_purpose_of_an_anonymity_grant_is_still_sourcing(nlp, text: str, word: str) -> None:
    assert no_event_kind(nlp, text, word) == "sourcing"


# --- defect 2: a refusal to speak with, release or confirm a party is an act on that party -----------------
# `_party_addressed` counted only names and NER entities as parties, so "refused to talk to government
# negotiators" or "declined to release the two defendants" read as a source's silence to the press.
@pytest.mark.parametrize("text, word", [
    ("The rebels refused to talk to government negotiators.", "talk"),
    ("The judge declined to release the two defendants on bail.", "release"),
    ("Striking dockers refused to meet the employers and declined to talk to the mediator.", "talk"),
])
def test_refusing_to_deal_with_a_party_is_not_sourcing(nlp, text: str, word: str) -> None:
    assert no_event_kind(nlp, text, word) is None


@pytest.mark.parametrize("text, word", [
    ("The coach declined to talk to reporters after the match.", "talk"),
    ("A spokeswoman for the carrier declined to discuss the crash with journalists.", "discuss"),
    ("Police declined to name the suspect.", "name"),
    ("Investigators declined to identify the victims until relatives were told.", "identify"),
])
def test_silence_to_the_press_or_about_who_someone_is_stays_sourcing(nlp, text: str, word: str) -> None:
    assert no_event_kind(nlp, text, word) == "sourcing"


# --- defect 3: an ongoing happening is one happening, not a series ----------------------------------------
# `series_modifiers` listed aspect words ("ongoing", "continued") beside the frequency words: "ongoing
# protests" is one protest movement going on (PLOVER PROTEST), not a kind of happening.
@pytest.mark.parametrize("text, word", [
    ("Police fired tear gas as ongoing protests over fuel prices spread to the port city.", "protests"),
    ("Continued airstrikes on the city killed 14 civilians, medics said.", "airstrikes"),
    ("Ongoing strikes by rail workers have halted freight across the north.", "strikes"),
])
def test_an_ongoing_happening_is_not_a_series(nlp, text: str, word: str) -> None:
    assert no_event_kind(nlp, text, word) is None


@pytest.mark.parametrize("text, word", [
    ("Frequent raids on the camp have emptied it of young men, aid workers said.", "raids"),
    ("Occasional protests outside the consulate rarely draw more than a dozen people.", "protests"),
])
def test_frequency_words_still_name_a_series(nlp, text: str, word: str) -> None:
    assert no_event_kind(nlp, text, word) == "series"


# --- defect 8: a series performed by the clause's subject is a campaign reported ---------------------------
# `_own_agent` looked for the doer on the noun only ("attacks by herders"); in military and wire copy it is
# the subject of the verb that performs the series: "Security forces have carried out repeated raids".
@pytest.mark.parametrize("text, word", [
    ("Security forces have carried out repeated raids on the opposition party's offices.", "raids"),
    ("Israel has carried out frequent strikes on Iranian targets in Syria.", "strikes"),
    ("The garrison said it had repelled the enemy, which mounted repeated assaults on the bridge.", "assaults"),
])
def test_a_series_its_subject_performs_is_a_campaign(nlp, text: str, word: str) -> None:
    assert no_event_kind(nlp, text, word) is None


@pytest.mark.parametrize("text, word", [
    ("The union condemned a string of arrests of journalists by the secret police.", "arrests"),
    ("Villagers described a spate of kidnappings of farm workers by armed bandits.", "kidnappings"),
])
def test_a_series_whose_doer_hangs_on_the_series_noun_is_a_campaign(nlp, text: str, word: str) -> None:
    # the parser hangs the by-phrase on "string"/"spate": it still names the doer of the series
    assert no_event_kind(nlp, text, word) is None


@pytest.mark.parametrize("text, word", [
    ("Farmers in the valley report a spate of thefts of farm machinery.", "thefts"),
    ("Residents of the camp have endured repeated raids since January.", "raids"),
    ("The bank has seen frequent strikes this year.", "strikes"),
])
def test_a_series_its_subject_undergoes_stays_a_series(nlp, text: str, word: str) -> None:
    assert no_event_kind(nlp, text, word) == "series"


# defect 9: `_agentive` trusted WordNet's commonest sense only: "forces" (physical force) and "authorities"
# are bodies of people the lexicon's human_nouns already name
@pytest.mark.parametrize("text", [
    "Government forces threatened villagers who sheltered the rebels.",
    "Local authorities threatened shopkeepers with fines if they opened on Friday.",
])
def test_forces_and_authorities_can_threaten(nlp, text: str) -> None:
    assert no_event_kind(nlp, text, "threatened") is None


def test_ongoing_protests_stay_a_protest_event(pipe: Pipeline) -> None:
    got = typed_triggers(pipe, "Police fired tear gas as ongoing protests over fuel prices spread to the port city.")
    assert ("PROTEST", "protests") in got


# --- defect 4: a message threatens a person in its sender's name -------------------------------------------
# `_assessed_danger` took any subject outside the agent classes for a thing, so "Anonymous emails threatened
# the judge" was read as a danger assessed of a thing; a message aimed at people is the sender's threat.
@pytest.mark.parametrize("text, word", [
    ("Anonymous emails threatened the judge and her family.", "threatened"),
    ("A text message threatened the witness with reprisals, prosecutors said.", "threatened"),
])
def test_a_message_threatening_people_is_a_threat(nlp, text: str, word: str) -> None:
    assert no_event_kind(nlp, text, word) is None


@pytest.mark.parametrize("text, word", [
    ("The bill threatens press freedom, editors said.", "threatens"),
    ("The merger threatens thousands of jobs, the union warned.", "threatens"),
    ("Rising water threatened homes along the river.", "threatened"),
])
def test_a_thing_endangering_things_stays_an_assessment(nlp, text: str, word: str) -> None:
    assert no_event_kind(nlp, text, word) == "assessment"


# --- defect 5: trigger_expansion scored candidates by a module-level type list -----------------------------
# `_stats` / `_Scorer` read the candidates' types from a module global that only `cross_validate` set: scoring
# one candidate set after cross-validating another used the other's types.
def _evidence(rows: list[tuple[str, str, set[int]]]) -> te.Evidence:
    return te.Evidence([r[0] for r in rows], [1.0] * len(rows), [r[1] for r in rows], [set() for _ in rows],
                       [r[2] for r in rows])


def test_lexicon_f1_reads_the_types_of_the_candidates_it_is_given() -> None:
    assault = [te.Candidate("pummel", "ASSAULT", [te.Path_("beat", 1, True, 1)])]
    rows = [("ASSAULT", f"a{g}", {0}) for g in range(5)] + [("NONE", f"n{g}", set()) for g in range(5)]
    te.cross_validate(_evidence(rows), assault, k=5, log=lambda m: None)
    coerce = [te.Candidate("apprehend", "COERCE", [te.Path_("arrest", 1, False, 1)])]
    ev = _evidence([("COERCE", "c1", {0}), ("COERCE", "c2", set()), ("NONE", "n1", set())])
    assert te.lexicon_f1(ev, range(3), {0}, coerce) == pytest.approx((1.0, 0.5, 2 / 3))


# --- defect 6: the evidence cache ignored weights, groups and the trigger code -------------------------------
def test_the_evidence_cache_key_follows_weights_groups_and_trigger_code() -> None:
    from wirewatch.extract.train import Row

    cands = [te.Candidate("pummel", "ASSAULT", [te.Path_("beat", 1, True, 1)])]
    rows = [Row("Gunmen beat a guard.", "ASSAULT", 0.7, "ngec:d1")]
    base = te.evidence_key(cands, rows, "code-a")
    assert te.evidence_key(cands, [Row("Gunmen beat a guard.", "ASSAULT", 0.7, "ngec:d2")], "code-a") != base
    assert te.evidence_key(cands, [Row("Gunmen beat a guard.", "ASSAULT", 1.0, "ngec:d1")], "code-a") != base
    assert te.evidence_key(cands, rows, "code-b") != base
    assert te.evidence_key(cands, rows, "code-a") == base


# --- defect 7: a missing WordNet raised SystemExit from library code ---------------------------------------
def test_a_missing_wordnet_is_a_clear_wirewatch_error(tmp_path: Path) -> None:
    with pytest.raises(WirewatchError, match=str(tmp_path)):
        te.WordNet.read(tmp_path)


# --- defect 10: label_noise's inner choice of tau let held-out labels into the training weights ------------
# The inner CV that scores each tau weighted its training rows by ratios computed once over all the outer
# training rows, so a held-out inner fold's labels had shaped the weights of the model it was scored by.
def test_the_filtered_out_of_fold_scores_never_see_the_held_out_labels() -> None:
    pytest.importorskip("sklearn")
    import numpy as np

    from wirewatch.extract import label_noise as N
    from wirewatch.extract.detector import FeatureConfig, hashed_counts
    from wirewatch.extract.train import Row

    cfg = FeatureConfig(dim_bits=12, word_ngrams=1, char_ngrams=None, cues=False)
    walkouts = ["Dockers walked off the job at the container terminal over pay.",
                "Bus drivers walked out at dawn, stranding commuters in the suburbs.",
                "Hospital cleaners walked out over unpaid overtime on Tuesday.",
                "Miners walked off their shifts after a colleague was dismissed.",
                "Teachers walked out of classrooms across the province over pensions.",
                "Airport baggage handlers walked out during the holiday rush."]
    calls = ["The two mayors held a call on the water dispute on Friday.",
             "The envoys spoke by phone about the prisoner swap.",
             "Both ministers held a video call on grain exports.",
             "The leaders spoke by telephone for an hour on border security.",
             "The negotiators held a call on the draft accord late on Sunday.",
             "The premiers spoke by phone ahead of the summit."]
    rows = [Row(t, "PROTEST", 1.0, f"ngec:w{i}") for i, t in enumerate(walkouts)]
    rows += [Row(t, "CONSULT", 1.0, f"ngec:c{i}") for i, t in enumerate(calls)]
    rows += [Row("The bakery sells rye loaves and seed cakes.", "NONE", 1.0, "own:n0"),
             Row("Rain is forecast for the weekend in the hills.", "NONE", 1.0, "own:n1")]
    types = ["CONSULT", "PROTEST"]
    counts = [hashed_counts(r.text, cfg) for r in rows]
    from sklearn.model_selection import GroupKFold

    _, held = next(GroupKFold(n_splits=3).split(np.zeros(len(rows)), groups=[r.group for r in rows]))
    flipped = [Row(r.text, {"PROTEST": "CONSULT", "CONSULT": "PROTEST"}.get(r.label, r.label), r.weight, r.group)
               if i in set(held) else r for i, r in enumerate(rows)]
    a = N.filtered_oof(rows, counts, types, cfg, 8.0, 3, 5.0, "down")
    b = N.filtered_oof(flipped, counts, types, cfg, 8.0, 3, 5.0, "down")
    assert np.allclose(a[held], b[held])


# --- the VOA dev fusion drop (.256 -> .211 with the noise merge): no noise filter removed a gold mention ----
# Every noise.py filter switched off gives the same VOA fusion F1 (.211); the lost gold pair is a sentence
# with two mentions of one attack's casualties ("... were killed, and five others were injured"): only the
# "killed" mention fuses across reports, and the scorer takes whichever of the two comes first in the export
# (events ordered by date, then by hashed id, which the merge's new "the siege continues" mentions shifted).
# The casualties of one attack told in coordinated clauses of one sentence are one happening; joining them
# is fusion's (connect/fusion.py, h/fusion6), not a noise filter's.
def test_the_killed_and_the_wounded_of_one_attack_are_one_event(tmp_path: Path) -> None:
    import json

    from wirewatch.pipeline import ingest
    from wirewatch.store.db import Store

    text = ("Gunmen attacked a police station in the market town of Kessa on Sunday. "
            "At least four officers were killed and nine others were wounded, a regional official said.")
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "a1", "text": text, "published": "2024-06-02", "outlet": "Wire"}) + "\n")
    store = Store(":memory:")
    ingest([str(src)], store)
    second = [m for m in store.mentions() if m.sentence.startswith("At least four") and m.event_type == "ASSAULT"]
    assert len(second) == 2 and len({m.event_id for m in second}) == 1
