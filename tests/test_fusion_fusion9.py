"""A cabinet member "dropped" by a leader, or who "lost his job", is the same dismissal another outlet calls
"sacked" (acts.yaml)."""

from wirewatch.connect.pairs import act_of
from wirewatch.model import EventMention


def _m(sentence: str, trigger: str) -> EventMention:
    return EventMention(id="x", article_id="a", event_type="PERSONNEL", sentence=sentence, trigger=trigger,
                        start=0, end=len(sentence))


def test_dropped_from_the_cabinet_is_a_dismissal() -> None:
    dropped = _m("The premier has dropped her trade secretary after the port scandal.", "dropped")
    sacked = _m("Trade Secretary Ines Varga was sacked by the premier on Friday.", "sacked")
    assert act_of(dropped) == act_of(sacked) == "dismiss"


def test_losing_a_job_is_the_dismissal() -> None:
    lost = _m("Tomas Ferrand lost his job as port minister on Thursday.", "lost")
    sacked = _m("The premier sacked port minister Tomas Ferrand on Thursday.", "sacked")
    assert act_of(lost) == act_of(sacked) == "dismiss"
