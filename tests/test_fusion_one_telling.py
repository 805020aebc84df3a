"""Two outlets tell one police charge and the injuries it caused; one extractor read the firing, the other the
injuring (pairs.one_telling): the same happening, unless the sentence's other act has a mention of its own."""

from tests.connect_fixtures import add_report
from wirewatch.connect.pairs import features, one_telling, view, view_in
from wirewatch.connect.view_cache import pair_view
from wirewatch.model import Actor, Article, EventMention


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


def test_a_view_in_its_article_reads_the_sentences_other_acts() -> None:
    # what view_cache and the fusion tools build: the other outlet's firing and injuring both read
    fired, injuring = _m("b", INJURED, "fired"), _m("b", INJURED, "injuring")
    other = _m("c", INJURED, "fired")  # another article's mention is not read
    b = view_in(injuring, [fired, injuring, other])
    assert b.read_acts == frozenset({"attack"})
    assert not one_telling(view(_m("a", FIRED, "fired")), b)


def test_one_article_keeps_its_two_acts() -> None:
    a, b = view(_m("a", FIRED, "fired")), view(_m("a", INJURED, "injuring"))
    assert not one_telling(a, b)


def test_a_sentence_without_the_other_act_is_another_act() -> None:
    shot = "Police fired rubber bullets at dockers in Port Velan on Monday."
    a, b = view(_m("a", shot, "fired")), view(_m("b", INJURED, "injuring"))
    assert not one_telling(a, b)


def _hand(sentence: str, trigger: str, date_from: str = "text") -> EventMention:
    police = Actor("police", None, None, None)
    m = EventMention(article_id="", event_type="ASSAULT", sentence=sentence, start=0, end=0, trigger=trigger,
                     actor=[police], modality="asserted", date="2026-02-02", date_precision="day", date_from=date_from)
    m.trigger_start = sentence.find(trigger)
    m.trigger_end = m.trigger_start + len(trigger)
    return m


def test_fusion_joins_the_two_readings_of_one_charge(store):
    add_report(store, "a", "Velan Post", [_hand(FIRED, "fired")])
    # The second report names no day of its own: its publication day stands in, and the pair is weighed.
    add_report(store, "b", "Harbour Daily", [_hand(INJURED, "injuring", "published")])
    assert len(store.events()) == 1


def test_the_store_tells_which_acts_of_a_sentence_were_read(store):
    art = Article(id="b", text=INJURED, outlet="Harbour Daily", story_id="s1", content_hash="b")
    store.insert_article(art)
    both = [_hand(INJURED, "fired"), _hand(INJURED, "injuring")]
    for i, m in enumerate(both):
        m.article_id, m.start, m.end, m.id = "b", 0, len(INJURED), f"b-{i}"
    art.events = both
    store.save_extraction(art)
    injuring = next(m for m in store.mentions_of("b") if m.trigger == "injuring")
    assert pair_view(store, injuring).read_acts == frozenset({"attack"})
