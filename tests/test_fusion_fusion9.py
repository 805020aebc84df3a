"""A cabinet member "dropped" by a leader is the same dismissal another outlet calls "sacked" (acts.yaml)."""

from wirewatch.connect.pairs import act_of
from wirewatch.model import EventMention


def _m(sentence: str, trigger: str) -> EventMention:
    return EventMention(id="x", article_id="a", event_type="PERSONNEL", sentence=sentence, trigger=trigger,
                        start=0, end=len(sentence))


def test_dropped_from_the_cabinet_is_a_dismissal() -> None:
    dropped = _m("The premier has dropped her trade secretary after the port scandal.", "dropped")
    sacked = _m("Trade Secretary Ines Varga was sacked by the premier on Friday.", "sacked")
    assert act_of(dropped) == act_of(sacked) == "dismiss"
