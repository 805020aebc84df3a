"""A web address kept in a record's text is no sentence: its slug words trigger no event (noise_address)."""

from __future__ import annotations

from wirewatch.model import Article
from wirewatch.pipeline import Pipeline


def _triggers(pipe: Pipeline, text: str) -> list[str]:
    return [m.trigger for m in pipe.run(Article(id="w1", text=text, published="2026-05-04")).events]


def test_a_spaced_address_line_yields_no_event(pipe: Pipeline) -> None:
    text = ("http: / / www. harbourpost. example / world / two - soldiers - killed - as - militants - storm - base\n"
            "Militants storm army base\n"
            "Militants attacked an army base near Kidal on Monday, killing two soldiers, officials said.")
    triggers = _triggers(pipe, text)
    assert "attacked" in triggers, triggers  # the report's own sentence keeps its event
    assert "killed" not in triggers, triggers  # the slug's "two - soldiers - killed" is no ASSAULT


def test_the_same_words_outside_an_address_keep_their_event(pipe: Pipeline) -> None:
    text = "Militants attacked an army base near Kidal on Monday, killing two soldiers, officials said."
    assert "attacked" in _triggers(pipe, text)
    slug = "http: / / www. harbourpost. example / world / two - soldiers - killed - as - militants - storm - base"
    assert "killed" in _triggers(pipe, slug.split("/ world / ")[1].replace(" - ", " ").capitalize() + ".")


def test_a_word_with_a_slash_is_no_address_in_a_text_that_holds_one(pipe: Pipeline) -> None:
    # (review 14, finding 1) a slash alone makes no address: the address at the foot takes nothing before it
    text = ("Gunmen burned/looted a clinic in Tindouf on Sunday, and police arrested nine men.\n\n"
            "Read more at www.dunecourier.example/news")
    triggers = _triggers(pipe, text)
    assert "arrested" in triggers, triggers
    assert any(t.startswith("burned") for t in triggers), triggers


def test_an_address_with_a_capital_is_an_address(pipe: Pipeline) -> None:
    # (review 14, finding 2) a scraped line set in sentence case ("Www. ...") is an address all the same
    text = ("Www. dunecourier. example / world / two - guards - killed - as - gunmen - burn - clinic\n"
            "Gunmen burn clinic\nGunmen burned a clinic near Tindouf on Sunday, officials said.")
    triggers = _triggers(pipe, text)
    assert "burned" in triggers and "killed" not in triggers, triggers


def test_a_slash_alone_makes_no_address() -> None:
    from wirewatch.extract.entity_filters import url_ranges, web_address_ranges

    text = "Gunmen burned/looted a clinic and/or a school. WWW.DUNECOURIER.COM has more."
    assert [text[a:b] for a, b in web_address_ranges(text)] == ["WWW.DUNECOURIER.COM"]
    assert [text[a:b] for a, b in url_ranges(text)] == ["burned/looted", "and/or"]  # no names, as entities
