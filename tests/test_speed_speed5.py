"""h/speed5: the memos of the hot loops return exactly what the plain code does."""

from __future__ import annotations

from wirewatch.connect.pairs import reciprocal, view
from wirewatch.model import EventMention

SENTENCES = [
    "Ferry crews in Lisbon and Barreiro clashed with harbour police before dawn on Tuesday.",
    "The harbour authority's director resigned; 3,400 commuters waited at the quay.",
]


def _mention(sentence: str, trigger: str) -> EventMention:
    at = sentence.index(trigger)
    return EventMention(article_id="a", event_type="FIGHT", sentence=sentence, start=0, end=len(sentence),
                        trigger=trigger, trigger_start=at, trigger_end=at + len(trigger))


def test_pair_view_reciprocal_follows_a_changed_mention() -> None:
    m = _mention(SENTENCES[0], "clashed")
    v = view(m)
    assert v.reciprocal() is reciprocal(m) is True  # "Lisbon and Barreiro clashed with ..."
    m.sentence, m.trigger_start = "Harbour police clashed early.", 15
    assert reciprocal(m) is False
    assert v.reciprocal() is False  # recomputed, not the remembered answer


# Sentences of our own that give the word-class rules of find_triggers something to bite on: a guilty verdict,
# a warning, an answer to any attack, an operation launched and mounted, an office changing hands.
RULE_TEXTS = [
    "A Lisbon court found the harbour chief guilty of fraud, and the port union warned ministers against cuts.",
    "The navy said it would respond to any attack; troops launched a military operation against the smugglers.",
    "The economy job goes to Ines Mora, who was sworn in on Friday as police broke up the ferry blockade.",
]


def test_find_triggers_asks_word_class_rules_only_where_they_can_fire() -> None:
    """find_triggers asks office_paraphrase, found_guilty, phrasal_object, warned_consequence and answer_to_any
    of verbs only, armed_operation and launched_operation of nouns only: each must say no to any other word."""
    from wirewatch.extract import paraphrase as p
    from wirewatch.extract.nlp import get_nlp
    from wirewatch.extract.ontology import load_ontology

    onto = load_ontology()
    verb_only = [lambda t: p.office_paraphrase(t, onto), p.found_guilty, lambda t: p.phrasal_object(t, onto),
                 lambda t: p.warned_consequence(t, onto), p.answer_to_any]
    noun_only = [lambda t: p.armed_operation(t, onto), lambda t: p.launched_operation(t, onto)]
    fired = 0
    for doc in get_nlp().pipe(RULE_TEXTS):
        for tok in doc:
            for rule in verb_only:
                hit = rule(tok)
                fired += bool(hit)
                assert not hit or tok.pos_ == "VERB", (rule, tok.text)
            for rule in noun_only:
                hit = rule(tok)
                fired += bool(hit)
                assert not hit or tok.pos_ == "NOUN", (rule, tok.text)
    assert fired >= 3  # the texts do reach the rules
