"""Fusion of personnel acts told apart by the post they fill (connect/offices.py), a bulletin's present perfect
not taken for a standing denial (pairs.mention_phase), and the connect6 gold set being well formed.

Storylines not used elsewhere in the tests: a city council's appointments in Ohio told by a local daily and a
public-radio newsroom; a football club's board changes told by a sports desk."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from tests.connect_fixtures import add_report
from wirewatch.connect.offices import different_posts, post_words
from wirewatch.connect.pairs import mention_phase
from wirewatch.model import Actor, EventMention

EVAL = Path(__file__).resolve().parent.parent / "eval"
COUNCIL = Actor("Dayton City Council", "ORG", "USA", "org:dayton-city-council")


def mention(sentence: str, trigger: str, actor=(), recipient=(), modality: str = "asserted",
            date: str = "2026-04-07", date_from: str = "text", etype: str = "PERSONNEL") -> EventMention:
    return EventMention(article_id="", event_type=etype, sentence=sentence, start=0, end=0, trigger=trigger,
                        actor=list(actor), recipient=list(recipient), modality=modality, date=date,
                        date_precision="day", date_from=date_from)


def test_post_words_read_the_post_after_the_trigger_not_general_words_or_the_persons_name() -> None:
    holt = Actor("Dana Holt", "PERSON", "USA")
    m = mention("The council on Tuesday named Dana Holt as the city's new police chief, the mayor's office said.",
                "named", [COUNCIL], [holt])
    assert post_words(m) == {"polic"}  # "city" is the council's own name
    takes = mention("Holt takes charge of the police department next month.", "takes", recipient=[holt])
    assert "polic" in post_words(takes) and "charg" not in " ".join(post_words(takes))
    assert not post_words(mention("The council fired him on Tuesday.", "fired", [COUNCIL]))


def test_a_reshuffle_with_the_person_missed_on_one_side_keeps_its_posts_apart(store) -> None:
    # The radio newsroom's lines name no person the extractor can read ("was named fire chief"): before the
    # post was read, both of the council's appointments matched each line, and the two fused into one event.
    ortiz = Actor("Maria Ortiz", "PERSON", "USA", "person:maria-ortiz")
    kane = Actor("Brian Kane", "PERSON", "USA", "person:brian-kane")
    daily = [
        mention("The Dayton City Council on Tuesday appointed Maria Ortiz as fire chief.", "appointed",
                [COUNCIL], [ortiz]),
        mention("The council also on Tuesday appointed Brian Kane as city treasurer.", "appointed",
                [COUNCIL], [kane]),
    ]
    radio = [
        mention("A veteran battalion commander was appointed fire chief on Tuesday by the council.", "appointed",
                [COUNCIL]),
        mention("A longtime auditor was appointed city treasurer on Tuesday by the council.", "appointed",
                [COUNCIL]),
    ]
    add_report(store, "dayton-daily", "Miami Valley Daily", daily, story="s-dayton")
    add_report(store, "wdpr", "Dayton Public Radio", radio, story="s-dayton")
    events = store.events()
    assert len(events) == 2
    for ev in events:
        words = {w for m in ev.mentions for w in post_words(m)}
        assert {"fire", "treasur"} & words and not {"fire", "treasur"} <= words
    assert different_posts(radio[0], radio[1]) and not different_posts(daily[0], radio[0])


def test_the_same_person_is_one_dismissal_however_the_post_is_worded(store) -> None:
    # Named on both sides, the person decides: "sacked manager Ruud Vos" and "was relieved of his duties"
    # name no common post word, yet tell one sacking.
    vos = Actor("Ruud Vos", "PERSON", "NLD", "person:ruud-vos")
    club = Actor("Harbour City FC", "ORG", "NLD", "org:harbour-city-fc")
    add_report(store, "sports-desk", "Sports Desk", [
        mention("Harbour City FC sacked manager Ruud Vos on Monday after a fifth straight defeat.", "sacked",
                [club], [vos], date="2026-02-02")], story="s-club")
    add_report(store, "fan-wire", "Terrace Wire", [
        mention("Ruud Vos was relieved of his duties on Monday, the club said.", "relieved", [club], [vos],
                date="2026-02-02")], story="s-club")
    assert len(store.events()) == 1


def test_a_bulletins_present_perfect_act_is_todays_news_not_a_standing_denial() -> None:
    fired = mention("Good evening. The mayor has dismissed her police commissioner.", "dismissed",
                    date="2026-04-07", date_from="published")
    assert mention_phase(fired) == "now"
    # A standing position restated stays background, as before.
    denial = mention("The ministry has repeatedly dismissed the reports as fabrications.", "dismissed",
                     date="2026-04-07", date_from="published", etype="REJECT")
    assert mention_phase(denial) == "past"
    other = mention("Police arrested two men; the family has dismissed the charges as lies.", "arrested",
                    date="2026-04-07", date_from="published", etype="COERCE")
    assert mention_phase(other) == "past"


def test_connect6_gold_is_well_formed(capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("check_gold_connect6", EVAL / "connect" / "check_gold.py")
    assert spec is not None and spec.loader is not None
    check = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check)
    folder = EVAL / "connect6"
    assert check.main(["--gold", str(folder / "gold.json"), "--corpus", str(folder / "corpus.jsonl")]) == 0, \
        capsys.readouterr().out
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    rows = [json.loads(line) for line in (folder / "corpus.jsonl").open(encoding="utf-8") if line.strip()]
    assert len(rows) >= 8 and len({r["outlet"] for r in rows}) >= 3
    # One reshuffle with several appointments (four PERSONNEL groups), a claim with a denial of something else.
    art = {e["id"]: e for e in gold["events"]}
    personnel = [g for g in gold["fusion"] if art[g[0]]["type"] == ["PERSONNEL"]]
    assert len(personnel) >= 3
    unrelated = [e for e in gold["events"] if e["type"] == ["REJECT"] and not any(e["id"] in g for g in gold["fusion"])]
    assert unrelated and not any(unrelated[0]["id"] in c["events"] for c in gold["conflicts"])


def test_a_move_to_another_post_is_the_appointment_to_it(store) -> None:
    # Court-beat style: a judge reassigned by one outlet, appointed to the new bench by another; one act.
    reyes = Actor("Alma Reyes", "PERSON", "USA", "person:alma-reyes")
    court = Actor("Arizona Supreme Court", "ORG", "USA", "org:arizona-supreme-court")
    add_report(store, "courier", "Valley Courier", [
        mention("Judge Alma Reyes was transferred to the juvenile bench on Monday by the Arizona Supreme Court.",
                "transferred", [court], [reyes], date="2026-01-12")], story="s-bench")
    add_report(store, "legal-wire", "Desert Legal Wire", [
        mention("The Arizona Supreme Court on Monday appointed Alma Reyes presiding judge of the juvenile bench.",
                "appointed", [court], [reyes], date="2026-01-12")], story="s-bench")
    assert len(store.events()) == 1
