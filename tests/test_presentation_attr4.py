"""Modality, attribution and dates of issue 11 (h/attr4), on sentences written for these tests in styles
the project had not seen: a county sheriff's blotter, a court report, business copy, Gulf wire copy, a
sports desk. Each rule is tested in two wordings, and where a rule has a limit, on the other side of it."""

from __future__ import annotations

import pytest

from wirewatch.model import Article, Event, EventMention
from wirewatch.pipeline import Pipeline
from wirewatch.records import event_record

DEC = "2023-12-05"  # a Tuesday in December: a month named without a year can be either side of it


def run(pipe: Pipeline, text: str, published: str = DEC) -> list[EventMention]:
    return pipe.run(Article(id="a4", text=text, published=published)).events


def by_trigger(evs: list[EventMention], trigger: str) -> EventMention:
    hits = [m for m in evs if m.trigger == trigger]
    assert hits, [(m.event_type, m.trigger) for m in evs]
    return hits[0]


# --- a month named without a year, for an act told in the past, is the one gone by ----------------------
@pytest.mark.parametrize("text, trigger", [
    ("The county treasurer resigned in February after the audit found missing funds.", "resigned"),
    ("The two clans have been feuding since mediation collapsed at the Hargeisa conference held in "
     "January.", "mediation"),
])
def test_a_past_act_in_a_bare_month_is_the_month_gone_by(pipe: Pipeline, text: str, trigger: str) -> None:
    m = by_trigger(run(pipe, text), trigger)
    assert m.date == "2023-02" or m.date == "2023-01"
    assert m.date_from == "text" and m.modality == "historical"  # ten months before the report: background


def test_a_future_act_in_a_bare_month_keeps_the_month_to_come(pipe: Pipeline) -> None:
    evs = run(pipe, "The army will deploy two brigades to the border in February, the defense ministry said.")
    m = by_trigger(evs, "deploy")
    assert m.date == "2024-02" and m.modality == "planned"


# --- the backstory: a carried date is the date only (background stays the sentence's own say) -----------
def test_a_backstory_sentence_takes_the_date_but_not_background(pipe: Pipeline) -> None:
    evs = run(pipe, "Relations soured after the foreign ministers met in Muscat in March 2021. There, the "
                    "Emirati envoy accused Doha of funding militias.")
    m = by_trigger(evs, "accused")
    assert (m.date, m.date_from) == ("2021-03", "context")


def test_a_recent_carried_date_is_news_not_background(pipe: Pipeline) -> None:
    evs = run(pipe, "Deputies raided a farmhouse near Elk Ridge on Saturday. There, they arrested two men "
                    "wanted on drug charges.")
    m = by_trigger(evs, "arrested")
    assert m.date == "2023-12-02" and m.modality != "historical"


def test_no_background_across_a_paragraph(pipe: Pipeline) -> None:
    evs = run(pipe, "The refinery was bombed in 2019.\n\nWorkers protested outside the refinery gates.")
    m = by_trigger(evs, "protested")
    assert m.modality != "historical" and m.date_from == "published"


# --- the day of a saying dates a clause it reports, not a happening it names as a noun ------------------
def test_a_saying_day_does_not_date_the_happening_it_names(pipe: Pipeline) -> None:
    evs = run(pipe, "Iran's navy seized a tanker in the Gulf a day earlier, the state news agency reported "
                    "Tuesday, confirming the seizure first disclosed by British maritime officials.")
    assert by_trigger(evs, "seized").date == "2023-12-04"
    # Tuesday is the report's: the seizure it names stands in, and contradicts nothing
    assert by_trigger(evs, "seizure").date_from == "published"


def test_a_saying_day_still_dates_the_clause_it_reports(pipe: Pipeline) -> None:
    m = by_trigger(run(pipe, "Police said Monday the gunman shot two clerks at the liquor store."), "shot")
    assert (m.date, m.date_from) == ("2023-12-04", "text")


def test_an_ongoing_deed_takes_no_day_from_the_saying(pipe: Pipeline) -> None:
    said = ", the interior ministry told reporters on Monday."
    ongoing = by_trigger(run(pipe, "The militia keeps smuggling rockets across the border" + said), "smuggling")
    done = by_trigger(run(pipe, "The militia smuggled rockets across the border" + said), "smuggled")
    # a state of things as the ministry spoke: a stand-in date, none to contradict; and never the later
    # publication day (h/fixattr: an event cannot be dated after the report of it was told)
    assert (ongoing.date, ongoing.date_from) == ("2023-12-04", "context")
    assert (done.date, done.date_from) == ("2023-12-04", "text")


def test_a_stance_stated_that_day_keeps_the_day(pipe: Pipeline) -> None:
    m = by_trigger(run(pipe, "The emir supports the truce proposal, the palace said on Monday."), "supports")
    assert (m.date, m.date_from) == ("2023-12-04", "text")


# --- modality: hearsay, conditions, possibility, background ---------------------------------------------
@pytest.mark.parametrize("text, trigger", [
    ("Fans reportedly clashed with stewards outside the stadium.", "clashed"),
    ("The chipmaker reportedly agreed to buy a smaller rival in Austin.", "agreed"),
])
def test_reportedly_is_hearsay_not_a_guess(pipe: Pipeline, text: str, trigger: str) -> None:
    assert by_trigger(run(pipe, text), trigger).modality == "reported"


def test_possibly_stays_a_guess(pipe: Pipeline) -> None:
    assert by_trigger(run(pipe, "The chipmaker possibly agreed to buy a smaller rival."), "agreed").modality \
        == "speculated"


@pytest.mark.parametrize("text, trigger", [
    ("The ministers discussed imposing new tariffs in case the truce collapses.", "imposing"),
    ("The league will ban the club in the event that supporters riot again.", "ban"),
])
def test_in_case_is_a_condition(pipe: Pipeline, text: str, trigger: str) -> None:
    assert by_trigger(run(pipe, text), trigger).modality == "hypothetical"


def test_in_case_of_is_a_condition_and_in_any_case_is_none(pipe: Pipeline) -> None:
    assert by_trigger(run(pipe, "The navy will escort tankers in case of attack."), "attack").modality == \
        "hypothetical"
    evs = run(pipe, "State police are investigating the shooting, as they do in every case in which an officer "
                    "fires a weapon.")
    assert by_trigger(evs, "investigating").modality == "asserted"  # a standing rule, not a condition


def test_the_discussion_itself_is_not_conditional(pipe: Pipeline) -> None:
    evs = run(pipe, "The ministers discussed imposing new tariffs in case the truce collapses.")
    assert by_trigger(evs, "discussed").modality == "asserted"


@pytest.mark.parametrize("text, trigger", [
    ("The union may strike at the bottling plant next month.", "strike"),
    ("Shareholders could sue the board over the merger.", "sue"),
    ("A suspension of the midfielder certainly is possible.", "suspension"),
])
def test_possibility_is_speculated(pipe: Pipeline, text: str, trigger: str) -> None:
    assert by_trigger(run(pipe, text), trigger).modality == "speculated"


def test_background_before_the_report_is_historical(pipe: Pipeline) -> None:
    m = by_trigger(run(pipe, "In 1998, Halvorsen was arrested for fraud in Bergen."), "arrested")
    assert (m.date, m.modality) == ("1998", "historical")


# --- a past year on a noun dates that noun, not the main event --------------------------------------------
def test_a_year_on_a_noun_dates_the_noun_only(pipe: Pipeline) -> None:
    m = by_trigger(run(pipe, "Prosecutors charged a retired trucker on Monday in the 1989 slayings of two "
                             "hikers."), "charged")
    assert m.date == "2023-12-04" and m.modality != "historical"


def test_a_year_on_a_killing_does_not_date_the_arrest(pipe: Pipeline) -> None:
    m = by_trigger(run(pipe, "Detectives arrested a former guard in the 1979 killing of a shopkeeper."), "arrested")
    assert (m.date, m.date_from) == (DEC, "published") and m.modality != "historical"


def test_house_numbers_and_specs_are_no_years(pipe: Pipeline) -> None:
    m = by_trigger(run(pipe, "Deputies detained the driver early Sunday at 1450 Magnolia Avenue."), "detained")
    assert (m.date, m.date_from) == ("2023-12-03", "text")


# --- attribution: the clause its verb of saying governs; the next sentence only inside a quotation --------
def test_attribution_does_not_carry_to_the_next_sentence(pipe: Pipeline) -> None:
    evs = run(pipe, "Sheriff Dana Whitcomb said deputies arrested a man in Pine Hollow. Later, protesters "
                    "marched to the courthouse.")
    assert by_trigger(evs, "arrested").attributed_to == "Dana Whitcomb"
    assert by_trigger(evs, "marched").attributed_to is None


def test_attribution_carries_inside_a_continuing_quotation(pipe: Pipeline) -> None:
    evs = run(pipe, 'Sheriff Dana Whitcomb said: "Deputies arrested him at the motel. Then they searched his '
                    'truck and seized two rifles."')
    assert by_trigger(evs, "seized").attributed_to == "Dana Whitcomb"


def test_attribution_is_scoped_to_its_clause(pipe: Pipeline) -> None:
    evs = run(pipe, "Troops shelled the village, while the governor said rebels had fired first.")
    assert by_trigger(evs, "shelled").attributed_to is None


@pytest.mark.parametrize("text, trigger, issuer", [
    ("The Arab League released a communique on Monday. Delegates said the talks were tense. The communique "
     "said member states agreed to send aid to Gaza.", "agreed", "Arab League"),
    ("Gulf ministers met in Riyadh on Monday, diplomats said. The ministers issued a joint statement after the "
     "talks. The statement said the ministers condemned the attack on the tanker.", "condemned", "ministers"),
])
def test_the_statement_speaks_for_whoever_issued_it(pipe: Pipeline, text: str, trigger: str, issuer: str) -> None:
    assert by_trigger(run(pipe, text), trigger).attributed_to == issuer  # not the last speaker


def test_a_generic_speaker_keeps_the_body_it_is_from(pipe: Pipeline) -> None:
    evs = run(pipe, "Senior officials from the Arab League urged Israel on Friday to halt the offensive, the "
                    "officials said in a joint statement.")
    assert by_trigger(evs, "urged").attributed_to == "Arab League officials"  # not a bare "officials"


# --- the time-expression component: a discarded "after" is no part of the expression ----------------------
def test_last_week_after_ends_at_week(pipe: Pipeline) -> None:
    art = pipe.run(Article(id="t", text="Talks on the pipeline broke down last week after the regulator "
                                        "objected.", published=DEC))
    assert [t.text for t in art.timexes if "week" in t.text] == ["last week"]


# --- the export says where an event's date came from ------------------------------------------------------
def test_the_event_says_where_its_date_came_from() -> None:
    def m(date: str, src: str, art: str) -> EventMention:
        return EventMention(article_id=art, event_type="ASSAULT", sentence="s", start=0, end=1, date=date,
                            date_precision="day", date_from=src)

    stated = Event(id="e", event_type="ASSAULT", mentions=[m("2023-12-04", "published", "a"),
                                                           m("2023-12-04", "text", "b")], date="2023-12-04")
    assumed = Event(id="f", event_type="ASSAULT", mentions=[m("2023-12-05", "published", "a")], date="2023-12-05")
    assert event_record(stated)["date_from"] == "text"
    assert event_record(assumed)["date_from"] == "published"
    assert event_record(Event(id="g", event_type="ASSAULT"))["date_from"] is None
