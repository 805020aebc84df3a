"""Two outlets tell one police charge and the injuries it caused; one extractor read the firing, the other the
injuring (pairs.one_telling): the same happening, unless the sentence's other act has a mention of its own."""

from wirewatch.connect.pairs import features, one_telling, view
from wirewatch.model import EventMention


def _m(article: str, sentence: str, trigger: str) -> EventMention:
    return EventMention(id=f"{article}-{trigger}", article_id=article, event_type="ASSAULT", sentence=sentence,
                        trigger=trigger, start=0, end=len(sentence), trigger_start=sentence.find(trigger))


FIRED = "Riot police fired rubber bullets at striking dockers in Port Velan on Monday, wounding nine of them."
INJURED = "Police in Port Velan fired rubber bullets to break up a dockers' strike, injuring about a dozen people."


def test_each_report_telling_both_acts_is_one_act() -> None:
    a, b = view(_m("a", FIRED, "fired")), view(_m("b", INJURED, "injuring"))
    assert a.act == "attack" and b.act == "wound"
    assert one_telling(a, b) and one_telling(b, a)
    f = features(a, b)
    assert f.get("act_same") == 1.0 and "act_differ" not in f


def test_an_act_read_as_its_own_mention_meets_its_own() -> None:
    a, b = view(_m("a", FIRED, "fired")), view(_m("b", INJURED, "injuring"))
    b.read_acts = frozenset({"attack"})  # the other outlet's firing has a mention of its own
    assert not one_telling(a, b)
    assert features(a, b).get("act_differ") == 1.0


def test_one_article_keeps_its_two_acts() -> None:
    a, b = view(_m("a", FIRED, "fired")), view(_m("a", INJURED, "injuring"))
    assert not one_telling(a, b)


def test_a_sentence_without_the_other_act_is_another_act() -> None:
    shot = "Police fired rubber bullets at dockers in Port Velan on Monday."
    a, b = view(_m("a", shot, "fired")), view(_m("b", INJURED, "injuring"))
    assert not one_telling(a, b)
