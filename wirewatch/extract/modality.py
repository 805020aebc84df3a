"""How the report presents an event (modality) and whom it credits (attribution).

The trigger's own markers come first ("has not", "will", "possibly", "potential"), then what governs it
on the way up the parse ("KCNA reported that ...", "analysts suggest ...", "denied ...", "plans to ..."),
then the sentence ("according to X", a trailing ", officials said"). When several apply, the most
specific wins: denied > negated > hypothetical > claimed > speculated > planned > reported > asserted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..model import MODALITY_TABLE, Timex
from .arguments import SPEAKER_NOUNS, ArticleContext, subject
from .entity_names import letter_initials
from .lexicon import lexicon
from .timex_narrative import in_speech

RANK = {m.name: m.specificity for m in MODALITY_TABLE.values()}
_STATE_MODS = frozenset({"state", "official", "state-run", "state-controlled", "government", "state-owned",
                         "government-run", "party"})
_MEDIA_HEADS = frozenset({"media", "medium", "agency", "news", "television", "tv", "radio", "newspaper", "outlet",
                          "broadcaster", "press", "daily", "mouthpiece"})
# Adverbs of hearsay: the report passes on what others say (reported, unnamed source), it does not guess.
# (The lexicon lists "reportedly" among the speculation adverbs; this reading goes first.)
_HEARSAY_ADVERBS = frozenset({"reportedly"})
# Modal verbs of possibility: what they govern may or may not happen.
_MAYBE_AUX = frozenset({"may", "might", "could"})
_CARRIES_DOWN = frozenset({"xcomp", "dobj", "nsubj", "nsubjpass", "attr", "ccomp"})
# Verbs of saying that, with a direct object, do something to it (or address it) rather than report it:
# "must maintain sanctions", "added patrols", "posted troops", "showed restraint", "warned Seoul". ("The report
# detailed Kim's inspection" does report it.)
_ACTS_ON_OBJECT = frozenset({"maintain", "add", "post", "show", "warn", "stress", "emphasize", "emphasise",
                             "inform", "tell", "quote"})
# Verbs of foreseeing someone else's act ("expects Pyongyang to launch", "predicts that talks will fail").
_FORESEE_VERBS = frozenset({"expect", "anticipate", "predict", "forecast", "foresee", "fear"})
# Verbs of attempting: told as done ("tried to storm"), the attempt happened.
_ATTEMPT_VERBS = frozenset({"try", "attempt"})
# Plan verbs whose passive subject is the planned event itself ("a protest is scheduled").
_SCHEDULE_VERBS = frozenset({"plan", "schedule", "set", "propose", "expect", "intend"})
# Weighing an act not yet decided: "is considering sanctions", "mulls a ban".
_WEIGH_VERBS = frozenset({"consider", "weigh", "mull", "contemplate", "eye", "explore", "ponder"})
# "expressed concern that ...": the attitude noun carries the content of what was said.
_ATTITUDE_NOUNS = frozenset({"concern", "hope", "fear", "confidence", "doubt", "regret", "belief", "view",
                             "optimism", "worry", "alarm", "satisfaction", "frustration"})
# What a clause brings about, not what it says: "suggesting Macron needed treatment, prompting France to recall its
# ambassador" - the recall happened; only the content of a speculation is speculated.
_CONSEQUENCE = frozenset({"advcl", "npadvmod"})
_RESULT_VERBS = frozenset({"prompt", "force", "cause", "lead", "trigger", "spark", "leave", "push", "drive"})
_FUTURE_TIMEX = ("next", "tomorrow", "coming", "upcoming", "later this", "later in")
# "is widely expected to retaliate": what many expect is a consensus forecast, not a timetable.
_CONSENSUS_ADVERBS = frozenset({"widely", "generally", "broadly", "largely", "increasingly", "universally"})


@dataclass
class Presentation:
    modality: str = "asserted"
    source: str | None = None
    explicit: bool = False  # the sentence names its source ...
    reporting: bool = False  # ... through a reporting verb or "according to" (later sentences may inherit)

    def bump(self, modality: str, source: str | None = None) -> None:
        if RANK[modality] > RANK[self.modality]:
            self.modality = modality
        if source and not self.source:
            self.source = source
            self.explicit = True
            self.reporting = modality == "reported"


def _own_markers(tok: Any, p: Presentation, lex: Any, dated: bool = False) -> None:
    """Markers on the trigger itself (or on the verb an event noun depends on). `dated`: the trigger's own
    phrase has a calendar time ("Earlier in December, police had arrested ...")."""
    for c in [*tok.children, *_frame_of_first_conjunct(tok)]:
        low, dep = c.lower_, c.dep_
        if dep == "det" and low == "no" and tok.pos_ == "NOUN":
            p.bump("negated")  # "No arrest has been made", "no talks took place"
        elif dep == "neg" or dep in ("nsubj", "nsubjpass") and (
                low in ("no-one", "nobody", "none", "noone") or any(d.lower_ == "no" for d in c.children)):
            p.bump("negated")  # "has not ...", "no one was injured", "no troops were sent"
        elif dep in ("aux", "auxpass"):
            if low in lex["future_aux"]:
                p.bump("planned")
            elif low in ("would", "'d"):
                hyp = any(m.lower_ in lex["hypothetical_marks"] for m in tok.subtree if m.dep_ == "mark")
                p.bump("hypothetical" if hyp else "planned")
            elif low in lex["hypothetical_aux"]:
                p.bump("speculated")
        elif dep == "advmod" and low in _HEARSAY_ADVERBS:
            p.bump("reported")  # "jets reportedly flew low": told on others' word, nobody's guess
        elif dep == "advmod" and low in lex["speculation_adverbs"]:
            p.bump("speculated")
        elif dep == "advmod" and (low in lex["historical_markers"] or _bare_before(c)) and not _short_offset(c) \
                and not _ordering_marker(c, dated):
            p.bump("historical")  # "had been arrested twice before": a bare "before" is the past
        elif dep == "amod" and _cancels(c, lex):
            p.bump("negated")  # "the cancelled meeting"
        elif dep == "amod" and low in lex["speculation_adjectives"]:
            p.bump("speculated")
        elif dep == "amod" and low in lex["plan_adjectives"]:
            p.bump("planned")
        elif dep == "mark" and low in lex["hypothetical_marks"]:
            p.bump("hypothetical")
        elif dep == "aux" and low == "to" and tok.head.lemma_.lower() == "go":
            p.bump("planned")
    if _conditional_prep(tok) and not _realis(tok):
        # "would impose tariffs in case the truce collapses"; but "deployed batteries in case Iran retaliates"
        # is a precaution taken: only what the "in case" clause names is conditional, not the deed it motivates
        p.bump("hypothetical")
    # "had been detained earlier over a protest video": the parser hangs "earlier" from the preposition after it
    if any(g.dep_ == "advmod" and g.lower_ == "earlier" and not _short_offset(g) and not _ordering_marker(g, dated, tok)
           for c in tok.children if c.dep_ == "prep" for g in c.children):
        p.bump("historical")


def presentation(tok: Any, trig_type: str, embed: str | None, ctx: ArticleContext,
                 sent: Any, own_timexes: list[Timex]) -> Presentation:
    """`own_timexes`: the time expressions on the trigger's own phrase ("agreed to share data from next year"
    is made future by "next year" only if it is the sharing's)."""
    lex = lexicon()
    p = Presentation()
    scheduled = False
    if embed:
        p.bump(embed)
    _own_markers(tok, p, lex, dated=any(_calendar_time(x) for x in own_timexes))
    # Walk up the parse: each governor may report, claim, deny, plan or speculate the event.
    child, t = tok, tok.head
    steps = 0
    while t != child and steps < 12:
        lemma = t.lemma_.lower()
        if child.dep_ == "relcl" or child.dep_ == "advcl" and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            # A relative or finite adverbial clause says its own thing: no plan, guess or denial of the
            # clause above reaches it. Who says it does: "Police said the man who fired was arrested".
            _outer_speaker(child, t, p, ctx, lex)
            break
        if child.dep_ == "advcl" and child.tag_ == "VBG" and child.lemma_.lower() in _RESULT_VERBS:
            break  # "..., prompting France to recall its ambassador": an outcome, told as such
        if t.pos_ in ("VERB", "AUX"):
            _own_markers_governor(t, child, p, lex)
        if t.pos_ == "VERB" and _cancels(t, lex) and child.dep_ in ("nsubjpass", "dobj"):
            p.bump("negated")  # "a meeting ... has been called off", "Seoul postponed the talks"
        elif lemma in lex["deny_verbs"] | lex["deny_nouns"] and t.pos_ in ("VERB", "NOUN") and \
                t != tok and child.dep_ in ("xcomp", "ccomp", "dobj", "pcomp", "prep", "pobj"):
            p.bump("denied")
        elif lemma in lex["claim_verbs"] and t.pos_ == "VERB":
            p.bump("claimed", source_of(t, ctx))
        elif _scheduled(t, lemma, child, own_timexes):
            p.bump("planned")  # "Rubio is expected to meet Iwaya on Thursday": a schedule, nobody's guess
            scheduled = True
        elif lemma == "be" and child.dep_ == "xcomp" and t.i < child.i and \
                any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in child.children):
            p.bump("planned")  # "is to be sentenced on May 3", "the envoys are to meet in Doha": due, not done
        elif lemma == "suppose" and child.dep_ == "xcomp":
            # "were supposed to sign a deal": what was due then did not happen; "is supposed to" is due
            p.bump("negated" if any(c.tag_ == "VBD" for c in t.children if c.dep_ in ("aux", "auxpass")) or
                   t.tag_ == "VBD" else "planned")
        elif (lemma in lex["speculation_verbs"] and t.pos_ == "VERB" or
              lemma in lex["speculation_nouns"] and t.pos_ == "NOUN") and child.dep_ not in _CONSEQUENCE:
            p.bump("speculated", source_of(t, ctx))
        elif lemma in _FORESEE_VERBS and t.pos_ == "VERB" and child.dep_ in ("xcomp", "ccomp"):
            p.bump("speculated", source_of(t, ctx))  # "is expecting North Korea to launch"
        elif _plans(t, lemma, child, lex) or lemma in _WEIGH_VERBS and t.pos_ == "VERB" and child.dep_ in (
                "dobj", "xcomp"):
            p.bump("planned")  # "plans to deploy"; "is considering sanctions"
        elif t.pos_ == "NOUN" and lemma in _ATTITUDE_NOUNS and t.dep_ == "dobj" and \
                t.head.lemma_.lower() in ("express", "voice") and child.dep_ in ("acl", "ccomp", "prep"):
            p.bump("reported", source_of(t.head, ctx))  # "Rasmussen expressed concern that ..."
        elif lemma in lex["reporting_verbs"] and (t.pos_ == "VERB" or _slipped_verb(t)) and child.dep_ in (
                "ccomp", "dobj", "xcomp", "parataxis", "advcl", "conj", "prep") and not _acts_ahead(t, child, lex) \
                and not (child.dep_ == "dobj" and lemma in _ACTS_ON_OBJECT):
            p.bump("reported", source_of(t, ctx))
        if t.pos_ == "VERB" and lemma in lex["attribution_verbs"] | lex["claim_verbs"] and \
                any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) or _slipped_verb(t):
            break  # a new speaker: what governs "Ukraine said ..." is not about this content
        child, t = t, t.head
        steps += 1
    _sentence_sources(tok, sent, ctx, p, lex)
    if p.modality in ("reported", "asserted") and any(x.text.lower().startswith(_FUTURE_TIMEX) for x in own_timexes):
        p.bump("planned")
    # What analysts or experts say is their guess, a date or not: "is expected to launch a missile on Friday,
    # experts warned" is no timetable.
    if p.source and (p.modality == "reported" or scheduled and p.modality == "planned") and \
            _speculative_source(p.source, lex):
        p.bump("speculated")
    return p


def _outer_speaker(clause: Any, head: Any, p: Presentation, ctx: ArticleContext, lex: Any) -> None:
    """A verb of saying governs the whole of the clause it reports, the relative and adverbial clauses
    inside it included: "Officials said the gunman, who had fired at deputies, was arrested" and "A reporter
    in the town said six people died while the siege went on" credit the speaker with the firing and the
    siege too. Only the nearest saying above counts, and only through its content (a clause it reports, not
    its own adverbial: "Prices fell after the bank cut rates, traders said" is read from the sentence)."""
    child, t, steps = clause, head, 0
    while t != child and steps < 8:
        lemma = t.lemma_.lower()
        # (a passive "have been confirmed dead" has no speaker: the walk goes on past it)
        saying = lemma in lex["attribution_verbs"] and (t.pos_ == "VERB" and any(
            c.dep_ == "nsubj" for c in t.children) or _slipped_verb(t))
        if saying and child.dep_ in ("ccomp", "parataxis"):
            p.bump("reported", source_of(t, ctx))
            return
        if saying or t.pos_ == "VERB" and lemma in lex["claim_verbs"] | lex["speculation_verbs"]:
            return  # a saying this clause is no content of, or a claim or guess (their own readings)
        child, t, steps = t, t.head, steps + 1


def _slipped_verb(t: Any) -> bool:
    """A verb of saying the tagger took for a noun: "as Turkish media report Ankara testing a missile" has
    "report" as a noun heading "media report", yet it governs a clause (a noun never does)."""
    return t.pos_ == "NOUN" and t.lemma_.lower() in lexicon()["reporting_verbs"] and \
        t.dep_ in ("ROOT", "advcl", "ccomp", "conj", "parataxis") and \
        any(c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") for c in t.children)


def _scheduled(t: Any, lemma: str, child: Any, own_timexes: list[Timex]) -> bool:
    """ "Rubio is expected to meet Iwaya on Thursday", "the vote is expected to take place next week": a
    passive of expecting, with no one named who expects it, of an act with a calendar time of its own, is a
    timetable. Without a stated time it is a forecast of what someone will do ("Hamas is expected to reject
    the proposal", "is expected to launch another missile soon"), and so is a hedged one ("is widely
    expected to retaliate"): speculated, as any other foreseeing (`_FORESEE_VERBS`)."""
    if not (lemma == "expect" and t.pos_ == "VERB" and child.dep_ == "xcomp" and
            any(c.dep_ == "auxpass" for c in t.children)):
        return False
    if any(c.dep_ == "agent" or c.dep_ == "advmod" and c.lower_ in _CONSENSUS_ADVERBS for c in t.children):
        return False
    return any(_calendar_time(x) for x in own_timexes)


def _calendar_time(t: Timex) -> bool:
    """A date or time on the calendar ("on Thursday", "next week", "in April"), not a vague future
    ("soon", "in the coming days") nor a length ("within days")."""
    return t.type in ("DATE", "TIME") and bool(re.match(r"\d{4}", t.value or ""))


def _ordering_marker(marker: Any, dated: bool, verb: Any = None) -> bool:
    """ "Earlier in December", "Earlier, police fired tear gas": "earlier" orders the event before another of
    the story, it does not put it in the past; the date, if any, says whether it is long past
    (`events._long_before`). ("Earlier this month" hangs from "month", not from the verb.)
    Background all the same: "two years earlier" measures the distance; and a bare "earlier" on a past
    perfect with no time of its own ("Police had detained him earlier for leading protests") sets the act
    before the story's time by an amount not said - neither the later act's day nor the report's is its day.
    Inside what someone said the past perfect is only the saying's tense ("said the general had visited the
    unit earlier") and keeps the ordering reading."""
    if marker.lower_ != "earlier" or any(c.dep_ == "npadvmod" for c in marker.children):
        return False
    if dated:
        return True
    verb = marker.head if verb is None else verb
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)
    return not perfect or in_speech(verb)


def _bare_before(c: Any) -> bool:
    """ "arrested twice before": "before" with no object of its own."""
    return c.lower_ == "before" and all(g.dep_ in ("advmod", "npadvmod") for g in c.children)


def _acts_ahead(verb: Any, child: Any, lex: Any) -> bool:
    """ "the department would add patrols": a reporting verb ("add") that will or would do something to its
    object is doing it, not reporting it."""
    return child.dep_ == "dobj" and any(c.dep_ == "aux" and (c.lower_ in lex["future_aux"] or c.lower_ in (
        "would", "could", "might", "may", "should", "'d")) for c in verb.children)


def _cancels(t: Any, lex: Any) -> bool:
    """ "cancel", "postpone", "call off" (a phrasal verb with its particle)."""
    lemma = t.lemma_.lower()
    prt = next((c.lower_ for c in t.children if c.dep_ == "prt"), None)
    return lemma in lex["cancel_verbs"] or (prt is not None and f"{lemma} {prt}" in lex["cancel_verbs"])


def _frame_of_first_conjunct(verb: Any) -> list[Any]:
    """ "Three years earlier, police had stopped him and arrested him": a time adverb that opens the clause,
    before its first verb and marking the past as it would there (lexicon `historical_markers`, a bare "before"),
    frames every verb joined to it; the parser hangs it on the first one only."""
    head = verb.head
    if verb.dep_ != "conj" or head.pos_ not in ("VERB", "AUX") or head.i > verb.i:
        return []
    past = lexicon()["historical_markers"]
    return [c for c in head.children if c.dep_ == "advmod" and c.i < head.i and (c.lower_ in past or _bare_before(c))]


def _short_offset(marker: Any) -> bool:
    """ "a day earlier", "two weeks earlier": a day counted back from the report, not the distant past
    that "earlier" or "ago" alone signal."""
    return any(c.dep_ == "npadvmod" and c.lemma_.lower() in ("hour", "day", "week") for c in marker.children)


def _plans(t: Any, lemma: str, child: Any, lex: Any) -> bool:
    """ "plans to deploy", "production plans", "intended for deployment"."""
    if t.pos_ == "VERB" and lemma in lex["plan_verbs"]:
        if lemma in _ATTEMPT_VERBS and child.dep_ == "xcomp" and _realis(t):
            return False  # "protesters tried to storm parliament": an attempt made is an act, not a plan
        if child.dep_ == "nsubjpass":
            # "A separate protest is scheduled in western Athens", "the vote was planned for June": the
            # event itself is what is scheduled (not "was agreed", "was decided": done deals)
            return lemma in _SCHEDULE_VERBS
        return child.dep_ in ("xcomp", "prep", "dobj")
    if t.pos_ == "NOUN" and lemma in lex["plan_nouns"]:
        return child.dep_ in ("acl", "prep", "compound", "pobj", "xcomp")
    return t.pos_ in ("VERB", "ADJ") and lemma in lex["plan_adjectives"]


def _own_markers_governor(verb: Any, child: Any, p: Presentation, lex: Any) -> None:
    """Markers of a governing clause that carry down to its content ("will hold talks", "if ...")."""
    if _conditional_prep(verb):
        p.bump("hypothetical")  # "discussed imposing tariffs in case ..." (the parser may hang it higher)
    attempt = verb.lemma_.lower() in _ATTEMPT_VERBS and child.dep_ == "xcomp"
    for c in verb.children:
        if attempt and (c.dep_ == "neg" or c.dep_ in ("nsubj", "nsubjpass") and (
                c.lower_ in ("no-one", "nobody", "none", "noone") or any(d.lower_ == "no" for d in c.children))):
            # an attempt told as made is the act (`_plans`), so one not made is none: "did not try to
            # seize the airport", "nobody tried to stop the gunmen"
            p.bump("negated")
        if c.dep_ == "mark" and c.lower_ in lex["hypothetical_marks"]:
            p.bump("hypothetical")
        elif c.dep_ == "advmod" and c.lower_ in _HEARSAY_ADVERBS:
            p.bump("reported")  # "reportedly agreed to buy ...": hearsay carries down as hearsay
        elif c.dep_ == "advmod" and c.lower_ in lex["speculation_adverbs"]:
            p.bump("speculated")
        elif c.dep_ == "aux" and c.lower_ in lex["future_aux"] and child.dep_ in ("xcomp", "dobj", "prep"):
            p.bump("planned")  # "will hold talks", "will join Waltz for the talks"
        elif c.dep_ == "aux" and c.lower_ in _MAYBE_AUX and child.dep_ in _CARRIES_DOWN:
            p.bump("speculated")  # "they may impose sanctions", "sanctions may be imminent"
        elif c.dep_ == "aux" and c.lower_ in ("would", "'d") and child.dep_ in ("xcomp", "dobj"):
            p.bump("planned")  # "would resume cooperation", unless an "if" makes it hypothetical (above)
        elif c.dep_ == "acomp" and c.lower_ in lex["speculation_adjectives"] and (child.dep_ in ("nsubj", "csubj") or
                                                                           child.dep_ == "ccomp" and _expletive(verb)):
            p.bump("speculated")  # "A suspension certainly is possible.", "It is likely that rebels fired"


def _conditional_prep(tok: Any) -> bool:
    """ "in case the truce collapses", "in the event that fans riot": a condition written as a preposition
    and a noun with a clause of its own (the lexicon's "if"/"unless" are single marks)."""
    def condition(g: Any) -> bool:
        dets = [d.lower_ for d in g.children if d.dep_ in ("det", "amod", "poss")]
        # a bare "in case" is always the idiom ("in case of war", "in case the truce fails", however the parser
        # hangs the clause); "in every case in which an officer fires" is a rule, "in any case" no condition
        if g.lower_ == "case":
            return not dets and not _docket(g)
        return g.lower_ == "event" and dets == ["the"] and any(
            x.dep_ in ("acl", "relcl") and x.left_edge.i == g.i + 1 for x in g.children)

    def opens(prep: Any) -> bool:
        return prep.dep_ == "prep" and prep.lower_ == "in" and any(g.dep_ == "pobj" and condition(g)
                                                                  for g in prep.children)

    # The parser may hang "in case" on the condition's own verb ("in case the deal is not signed": "in" a
    # child of "signed"); the clause it opens is then an adverbial of the verb made conditional.
    return any(opens(c) or c.dep_ == "advcl" and any(opens(g) and g.i < c.i and g.i == c.left_edge.i
                                                       for g in c.children)
               for c in tok.children)


def _docket(case: Any) -> bool:
    """ "arrested two men in case 24-CR-113", "in case No. 5": a case named by its number is a court file."""
    nxt = case.nbor() if case.i + 1 < len(case.doc) else None
    return nxt is not None and (any(ch.isdigit() for ch in nxt.text) or nxt.lower_ in ("no", "no.", "number", "#"))


def _realis(verb: Any) -> bool:
    """A verb told as done or doing, in the simple or perfect past or present, with no modal: "deployed",
    "has arrested", "are moving". "would impose", "will ban" and non-finite verbs are not."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" or c.lower_ in ("will", "'ll", "would", "'d", "to") for c in auxes):
        return False
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.tag_ in ("VBD", "VBZ", "VBP") for c in auxes)


def _expletive(verb: Any) -> bool:
    """ "It is possible that ...": the subject is an empty "it" and the clause is what is possible."""
    return any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in verb.children)


def _sentence_sources(tok: Any, sent: Any, ctx: ArticleContext, p: Presentation, lex: Any) -> None:
    """ "according to X" anywhere, or a reporting verb hanging off the main clause (", X said")."""
    for t in sent:
        if t.lower_ == "according" and t.dep_ == "prep":
            to = next((c for c in t.children if c.lower_ == "to"), None)
            obj = next((c for c in (to.children if to is not None else t.children) if c.dep_ == "pobj"), None)
            if obj is not None:
                p.bump("reported", canonical_source(obj, ctx))
                return
    if p.source:
        return
    root = sent.root
    for c in root.children:
        # ", officials said." credits the main clause only when it has no content of its own
        # ("..., while Ukraine said Moscow had received ..." reports something else).
        if c.dep_ in ("parataxis", "advcl", "ccomp", "conj") and c.lemma_.lower() in lex["attribution_verbs"] and \
                c.i > tok.i and not any(x.i == tok.i for x in c.subtree) and \
                (_closes_sentence(c) or
                 not any(g.dep_ in ("ccomp", "xcomp") or g.dep_ == "dobj" and c.lemma_.lower() != "tell"
                         for g in c.children)):  # ", a local official told AFP": the object is whom it was told
            src = source_of(c, ctx)
            if src:
                p.bump("reported", src)
                return


def _closes_sentence(say: Any) -> bool:
    """ "A bomb killed two officers, and police have no suspects, officials said Saturday.": the parser hangs
    the saying on the main clause as a conjunct whose content is the clause just before it, but a saying
    that ends the sentence, every clause it governs before it and none after ("..., while Ukraine said
    Moscow had received ..." reports what follows), is the source of all that precedes it."""
    content = [g for g in say.children if g.dep_ in ("ccomp", "xcomp", "dobj")]
    return bool(content) and all(g.i < say.i for g in content) and \
        not any(t.pos_ == "VERB" for t in say.doc[say.i + 1:say.sent.end])


def _speculative_source(source: str, lex: Any) -> bool:
    words = {w.rstrip("s").lower() for w in source.split()}
    return bool(words & {w.rstrip("s") for w in lex["speculative_sources"]})


def source_of(verb: Any, ctx: ArticleContext) -> str | None:
    """Who a reporting / speculation verb or noun credits."""
    lex = lexicon()
    if _slipped_verb(verb):
        # "as Turkish media report ...": the noun the tagger hung on the verb is its subject
        said_by = next((c for c in verb.children if c.dep_ in ("nsubj", "compound") and c.i < verb.i), None)
        return canonical_source(said_by, ctx) if said_by is not None else None
    if verb.pos_ == "NOUN":
        # "speculation among analysts", "claims by officials"
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("among", "by", "from", "of"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return canonical_source(obj, ctx)
        return None
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    subj = None if passive else subject(verb)  # "is expected to be announced": nobody is credited
    if subj is not None and subj.dep_ not in ("nsubj", "csubj") and subj.head.i != verb.i:
        subj = None if subj.dep_ in ("dobj", "nsubjpass") else subj  # controlled objects are no speakers
    if subj is None and verb.dep_ == "acl":
        subj = verb.head  # "analysts suggesting ..."
    if subj is None:
        for c in verb.children:
            if c.dep_ == "agent":
                subj = next((g for g in c.children if g.dep_ == "pobj"), None)
    if subj is None or subj.ent_type_ in ("DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY"):
        return None  # "had been reported by midday": a time is nobody's report
    if subj.pos_ == "NOUN" and subj.lemma_.lower() in lex["speculation_nouns"]:
        return source_of(subj, ctx) or canonical_source(subj, ctx)
    return canonical_source(subj, ctx)


def as_written(ent: Any, ctx: ArticleContext, sent: Any = None) -> str:
    """The name a source body goes by where it is credited: of an organisation's names (its canonical name and
    aliases), the one the sentence `sent` writes ("The Red Cross said", though the article says "ICRC"
    after), else the one the article writes most often ("the diplomats" after "the Group of Seven" once and
    "the G7" throughout; "the State Department", never "US Department of State"), the canonical name on a
    tie. Readers, and gold written from the text, know a source by the article's own name for it; the entity
    id still says which body it is. People and places keep their canonical name (the full name is how the
    text introduces a person; a country's name is the one analysts file it under), and so does a body the
    text calls by the initials of that name ("KCNA", "the FBI", "U.N."): the full name says the same, more."""
    if ent.kind != "ORG":
        return str(ent.name)
    hits = _names_written(ent, ctx)
    if sent is not None:
        here = next((name for start, name in hits if sent.start_char <= start < sent.end_char), None)
        if here is not None:
            return _unless_initials(here, str(ent.name))
    written = Counter(name for _, name in hits)
    if not written:
        return str(ent.name)
    top = max(written.values())
    if written.get(ent.name) == top:
        return str(ent.name)
    return _unless_initials(max(written, key=lambda n: (written[n], len(n))), str(ent.name))


def _names_written(ent: Any, ctx: ArticleContext) -> list[tuple[int, str]]:
    """Where the article writes one of a body's names (its canonical name or an alias), and which, in the
    order of its mentions; read once per article and body."""
    hits = ctx.names_written.get(ent.id)
    if hits is None:
        names = {n.lower(): n for n in [*ent.aliases, ent.name]}
        bare = ((m.start, _BARE_NAME.sub("", m.text.strip()).lower()) for m in ctx.article.entity_mentions
                if m.entity_id == ent.id)
        hits = ctx.names_written[ent.id] = [(start, names[text]) for start, text in bare if text in names]
    return hits


def _unless_initials(written: str, canonical: str) -> str:
    """`canonical` when `written` is its initials ("KCNA" of "Korean Central News Agency", "U.N." of
    "United Nations": entity_names.letter_initials), else `written`."""
    return canonical if re.sub(r"[.\s]", "", written).upper() == letter_initials(canonical) else written


# An article or a possessive around a name as a mention may carry it ("the G7's", "a NATO").
_BARE_NAME = re.compile(r"^(?:the|a|an)\s+|['\u2019]s?$", re.I)


def canonical_source(tok: Any, ctx: ArticleContext) -> str | None:
    """A source as analysts want to read it: the entity's canonical name, "state media" (or the state
    outlet the article names), the article's own running source for "the report", or the generic NP."""
    from .arguments import skip_partitive

    lex = lexicon()
    tok = skip_partitive(tok, lex)
    ent = ctx.tok_ent.get(tok.i)
    if ent is not None:
        return as_written(ent, ctx, tok.sent)
    lemma = tok.lemma_.lower()
    # The speaker's own name first ("Guterres' spokesman, Stephane Dujarric": the appositive), whose
    # spokesman he is last (a possessor the parser may read as nmod).
    deps = ("appos", "compound", "npadvmod", "nmod")
    named = {c.dep_: ctx.tok_ent[c.i] for c in sorted(tok.children, key=lambda c: deps.index(c.dep_)
                                                         if c.dep_ in deps else 9)
             if c.dep_ in deps and c.i in ctx.tok_ent}
    person = next((e for e in named.values() if e.kind == "PERSON"), None)
    if person is not None:
        return person.name  # "spokesman Vedant Patel"
    org = next((e for e in named.values() if e.kind == "ORG"), None)
    body = _body_of(tok, ctx) if not named and tok.pos_ == "NOUN" and tok.lower_ not in SPEAKER_NOUNS else None
    if body is not None and lemma not in _MEDIA_HEADS and lemma not in lex["report_nouns"]:
        # "Senior officials from the Arab League": the League's officials, and so are "the officials" after
        return f"{as_written(body, ctx, tok.sent)} {_generic(tok)}"
    if org is None and lemma in _MEDIA_HEADS:
        org = next((ctx.tok_ent[c.i] for c in tok.rights if c.i in ctx.tok_ent and c.i - tok.i <= 2
                    and ctx.tok_ent[c.i].kind == "ORG"), None)
    if org is not None:
        # "state media KCNA" is the outlet; "a Pentagon spokesman" speaks for the institution.
        if lemma in _MEDIA_HEADS or lemma in lex["report_nouns"]:
            return as_written(org, ctx, tok.sent)  # "the NISA statement said": the agency's word
        return f"{as_written(org, ctx, tok.sent)} {tok.text}"
    if tok.lower_ in SPEAKER_NOUNS:
        # "a spokesperson for North Korea's Foreign Ministry", "the ministry's spokeswoman", a bare "the
        # spokesman" after the ministry was named: the body speaks (its own name, with its country).
        body = ctx.speaker_body(tok)
        if body is not None:
            return as_written(body, ctx, tok.sent)
        phrase = ctx.speaker_phrase(tok)
        if phrase is not None:
            return canonical_source(phrase, ctx)  # "a spokesman for the Kenyan police"
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
    if lemma in _MEDIA_HEADS and mods & _STATE_MODS:
        return ctx.state_media_name() or "state media"
    if tok.pos_ == "PRON":
        a = ctx.actor(tok)
        return _actor_written(a, ctx) if a else None
    if lemma in lex["report_nouns"]:
        issuer = _issuer(tok)  # "a statement posted by the National News Agency", "the ministry's statement"
        if issuer is not None:
            return canonical_source(issuer, ctx)
        if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            return ctx.running_source or (_actor_written(ctx.last_speaker, ctx) if ctx.last_speaker else None) or \
                ctx.core_name(tok)
    if tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children) \
            and not any(c.dep_ in ("amod", "compound", "prep") for c in tok.children):
        earlier = _named_earlier(tok, ctx)
        if earlier is not None:
            return earlier  # "Officials from the Arab League urged ..., the officials said"
        a = ctx.actor(tok)  # "the group said", "the ministry said": the body named before (coreference)
        if a is not None and a.entity_id:
            return _actor_written(a, ctx)
    return ctx.core_name(tok) or None


def _actor_written(a: Any, ctx: ArticleContext) -> str:
    """An actor resolved by coreference ("the ministry said", "it said"), named as the article names it."""
    ent = ctx.entities.get(a.entity_id) if a.entity_id else None
    return as_written(ent, ctx) if ent is not None else str(a.name)


def _generic(tok: Any) -> str:
    """A generic speaker noun in one spelling: "Residents of Mosul said" and "according to residents of
    Mosul" are one source ("Mosul residents"), whatever the sentence-initial capital."""
    return tok.text if tok.tag_ in ("NNP", "NNPS") else tok.lower_


def _named_earlier(tok: Any, ctx: ArticleContext) -> str | None:
    """ "the officials" after "Senior officials from the Arab League": the same generic noun, named with its
    body earlier in the article (the nearest such mention). A nearer mention that says whose they are some
    other way ("Israeli officials met Egyptian mediators. The officials said") is the one meant: no older
    body is reached past it (the caller credits the noun as it reads)."""
    lemma = tok.lemma_.lower()
    for prev in reversed(ctx.doc[:tok.i]):
        if prev.lemma_.lower() == lemma and prev.pos_ == "NOUN":
            body = _body_of(prev, ctx)
            if body is not None:
                return f"{as_written(body, ctx)} {_generic(prev)}"
            if any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in prev.children):
                return None
    return None


def _body_of(tok: Any, ctx: ArticleContext) -> Any | None:
    """The organisation or state a generic speaker is "from" or "of" ("diplomats from the G7", "officials of
    the ministry"): the entity the preposition's object names."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "of"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            ent = ctx.tok_ent.get(obj.i) if obj is not None else None
            if ent is not None and ent.kind in ("ORG", "GPE"):
                return ent
    return None


def _issuer(report: Any) -> Any | None:
    """Whose word a statement is: the first issuer it names or the outlet that carried it
    (attribution.named_issuers), a pronoun possessor aside ("its statement" names nobody new)."""
    from .attribution import named_issuers

    return next((by for by in named_issuers(report, carriers=True) if by.dep_ != "poss" or by.pos_ != "PRON"),
                None)
