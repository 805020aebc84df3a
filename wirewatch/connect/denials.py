"""A denial set against the claim or accusation it answers: an occurrence conflict across two events.

The parties must match (the accused denies, or a body of unknown side clears the claimed actor in the claim's
own words) and the denial's scope must be the claim: what it denies (its object, up to the end of the clause)
names the claimed act or shares its content, or it rejects "the accusations" as such. A background line of a
standing position answers only a claim of that very act; a sibling event of the claim's sentence, or another
accusation of the same accuser, may fit the denial better.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..dates import parse_day as parse_date
from ..model import Conflict, Event, EventMention
from ..store.events import sibling_event_ids
from .acts import act_of
from .conflict_base import (
    _TIME_WORDS,
    CLAIM_TYPES,
    DENIAL_TYPES,
    PEER_DAYS,
    POSITIVE,
    FinderBase,
    _common_words,
    _same_sentence,
    conflict_id,
    words,
)
from .conflict_sides import _actors, _names, _recipients, participants_differ, same_side
from .phases import BACKGROUND


class DenialRules(FinderBase):
    """A denial set against the claim or accusation it answers (`ConflictFinder.across`)."""

    def _claim_vs_denial(self, denial: Event, claim: Event) -> Conflict | None:
        """A denial answers a claim: same parties and the denial's scope matching the claim.

        Parties: a rejection (REJECT) answers an accusation when the one rejecting is the accused (or the
        claimed actor) - "the two sides failed to agree" answers nobody; a denied report of a happening
        ("denied that Ri had been dismissed") answers claims of the same kind of happening by the same actor.
        Scope: the denial is about what the claim says (shared content words, synonyms mapped: "troops
        had crossed the border" answers "sending soldiers into its territory"), or it rejects "the
        accusations" / "the claims" as such, naming the accuser or coming within days of the claim. A
        background line ("have repeatedly denied ...") answers only a claim of that very act."""
        if not _is_denial(denial) or _is_denial(claim) or self._repeats_its_original(denial):
            return None
        if claim.modality not in POSITIVE and claim.event_type not in CLAIM_TYPES:
            return None
        # Speakers stand for the body they speak for ("a spokesperson for North Korea's Foreign Ministry").
        denier, claimant = _actors(denial), _actors(claim)
        accused = _recipients(claim) if claim.event_type in CLAIM_TYPES else claimant
        # Scope is judged sentence against sentence: the union of many reports' words would match anything.
        overlap = _pair_overlap(denial, claim)
        if denial.event_type in DENIAL_TYPES:
            # The accused denies; or a body of unknown side denies that the named actor did it ("the
            # ministry denied that police had used rubber bullets"), which needs the same wording and the
            # claim's actor named as the one the denial clears (a denial of "reports" or a side not known
            # to match answered a treaty line by whatever words they shared).
            named = not any(a.country for a in denier) and same_side(_recipients(denial), claimant) \
                and overlap >= 2
            by_accused = same_side(denier, accused)
            if not by_accused and not named:
                return None
        elif denial.event_type != claim.event_type or participants_differ(denier, accused):
            return None
        else:
            by_accused = True
        found = self._scope(denial, claim)
        if found is None:
            return None
        dm, cm, shared, background, generic = found
        if self._better_sibling(denial, claim) or (generic and self._better_accusation(denial, claim)):
            return None
        conf = min(0.95, 0.5 + 0.1 * len(shared) + (0.2 if generic else 0.0) - (0.2 if background else 0.0))
        scope = (f"both speak of {', '.join(sorted(shared)[:5])}" if shared else "it names the accuser") + (
            "; it rejects the accusation itself" if generic else "") + (
            "; a standing denial, restated as background, that names this very act" if background else "")
        return Conflict(
            id=conflict_id("occurrence", [claim.id, denial.id]), field="occurrence",
            event_ids=[claim.id, denial.id],
            values=[self.value(f"{cm.modality} ({claim.event_type})", cm),
                    self.value(f"denied ({denial.event_type})", dm)],
            explanation=f"{_names(claimant) or 'A source'}: {claim.event_type} ({self.outlets(claim.mentions)}); "
            f"{_names(denier) or 'a party'} denies it ({self.outlets(denial.mentions)}). The denial answers "
            f"this claim because " + (f"the denier is the accused ({_names(accused) or 'same side'})" if by_accused
                                      else "the denier's side is not known and it names what the claim says")
            + f" and {scope}",
            confidence=round(max(0.1, conf), 3),
        )

    def _scope(self, denial: Event, claim: Event) -> tuple[EventMention, EventMention, set[str], bool, bool] | None:
        """The denial sentence and claim sentence that answer each other best, judged sentence against
        sentence (the union of many reports' words would match anything): (denial mention, claim mention,
        shared words, denial is background, denial rejects the accusation as such), or None.

        Two sentences of one text (a syndicated copy) never answer each other. A background line ("have
        repeatedly denied any transfer of weapons") answers only a claim of that very act: the claim's
        act word, or for an accusation its content, must be in the denial. So must what a specific denial
        of a happening denies: a rejection of "reports that it had sent troops" answers the sending, not
        the same party's demand for shells or its factory visit on the same topic."""
        parties = _party_words(denial, claim)
        best: tuple[int, tuple[EventMention, EventMention, set[str], bool, bool]] | None = None
        claim_reports = {self._root(c.article_id) for c in claim.mentions}
        for d in denial.mentions:
            background = bool(_BACKGROUND.search(d.sentence)) or d.modality == "historical"
            # A report's own background line ("have repeatedly denied any transfer of weapons") is context to
            # the news it tells: when that report tells the claimed happening too, other outlets' copies of
            # the same news are not contradicted by it either.
            if background and self._root(d.article_id) in claim_reports:
                continue
            # What is denied: a rejection's object ("rejected reports that the country had sent troops"),
            # not the rest of its sentence ("..., calling them a clumsy fabrication").
            scope_text = _denied_text(d) if denial.event_type in DENIAL_TYPES else d.sentence
            wd = _common_words(scope_text) - parties - words(d.trigger or "")
            generic_text = claim.event_type in CLAIM_TYPES and not background and _rejects_as_such(scope_text)
            for c in claim.mentions:
                if _same_sentence(d, c):
                    continue
                shared = (_common_words(c.sentence) - parties) & wd
                generic = generic_text and (_names_accuser(denial, claim) or _days_apart(denial, claim) <= PEER_DAYS)
                # A background denial, or a claim told inside a denial's sentence, must name the very act:
                # an accusation's content, or the claimed act's own word ("sent", "dismissed").
                # A denial of a happening ("rejected reports that it had sent troops") answers a report of
                # that act (sending, deploying troops), not the same parties' other acts on the same topic
                # (a demand for more shells, a factory visit): what it denies must name the claimed act.
                names_it = bool(words(c.trigger or "") & wd) or _scope_names_act(scope_text, c)
                very_act = (claim.event_type in CLAIM_TYPES and not background) or names_it or (
                    claim.event_type in CLAIM_TYPES and _names_act(d, c))
                if not ((len(shared) >= 2 and very_act) or generic):
                    continue
                one_report = self._root(d.article_id) == self._root(c.article_id)
                # An outlet's own background line beside its own news, or a syndicated copy's news ("have
                # repeatedly denied any transfer of weapons or troops" after "has sent 3,000 more troops"), is
                # context the report gives, not a second report that contradicts the first.
                if background and one_report:
                    continue
                # Inside one article a denial answers a claim only explicitly: it rejects the accusation
                # itself, or names the claimed act and most of what the claim says.
                if one_report and not (generic or (names_it and len(shared) >= 3)):
                    continue
                score = len(shared) + 2 * generic - 2 * background - one_report
                if best is None or score > best[0]:
                    best = (score, (d, c, shared, background, generic))
        return best[1] if best else None

    def _better_sibling(self, denial: Event, claim: Event) -> bool:
        """One sentence often carries two acts ("removed Ri ... and appointed Ryom"); a denial of the
        dismissal answers the dismissal, not the appointment. True when another event told in the same
        sentence as the claim fits the denial's words better (ties: the smaller id), so the pairing does
        not depend on which event was refreshed first."""
        mine = _act_score(denial, claim)
        for m in claim.mentions:
            ids = sibling_event_ids(self.store, m.article_id, m.start, claim.event_type, claim.id)
            for other in self._by_date([i for i in ids if i != denial.id]):
                theirs = _act_score(denial, other)
                if theirs > mine or (theirs == mine and other.id < claim.id and not _is_denial(other)):
                    return True
        return False

    def _better_accusation(self, denial: Event, claim: Event) -> bool:
        """A rejection of "the accusations" as such answers the accuser's accusation, not each of its claim
        lines of those days: True when another claim event of the same accuser is named by the rejection's
        own word ("rejected Guyana's accusations" / "accused Venezuela of ...") and this one is not
        ("summoned Venezuela's ambassador to protest")."""
        if _trigger_named(denial, claim):
            return False
        peers = self._peers(denial.id, denial.story_id, parse_date(denial.date))
        return any(o.id != claim.id and o.event_type in CLAIM_TYPES and not _is_denial(o)
                   and same_side(o.actor, claim.actor) and _trigger_named(denial, o) for o in peers)


_BACKGROUND = BACKGROUND
# The denial rejects the claim as such: "rejected Guyana's accusations", "called the claims a fabrication".
_GENERIC = re.compile(r"\b(accusations?|allegations?|claims?|charges?|reports?|fabricat\w*|baseless|lies)\b", re.I)
# "reports that it had started building ...", "accusations of spying": the noun names its own content, which
# is then what is denied; only a bare "the accusations", "the reports" rejects the claim as such. The content
# may follow a phrase that says whose or where the claim is ("reports in the local press that ...", "claims by
# state media that ...", "allegations made on Monday about ..."): up to six words with no verb of saying, no
# "and" / "as" (a second clause or "as baseless") and no punctuation between the noun and "that" / "about".
_CONTENT = re.compile(
    r"\s+(?:of\b|(?:(?!(?:and|but|as|which|who|said|says|saying|calling|adding|while)\b)[\w'-]+\s+){0,6}?"
    r"(?:that|about)\b)", re.I)


def _rejects_as_such(scope_text: str) -> bool:
    """The denial rejects an accusation or report as such ("rejected the accusations", "called it a
    fabrication"), not a report of some content of its own ("denied reports that it had started building a
    structure on Scarborough Shoal" answers a claim of that building, not a summons over a water-cannon attack)."""
    return any(not _CONTENT.match(scope_text, m.end()) for m in _GENERIC.finditer(scope_text))


_CLAUSE_END = re.compile(r"[,;:.!?]|\b(?:saying|calling|describing|adding|while|but|though|although)\b")


def _denied_text(m: EventMention) -> str:
    """The words after a denial's trigger up to the end of its clause: what it denies."""
    sent = m.sentence or ""
    at = (m.trigger_end - m.start) if m.trigger_end is not None and m.trigger_end >= m.start else -1
    if not 0 <= at <= len(sent):
        i = sent.lower().find((m.trigger or "").lower()) if m.trigger else -1
        at = i + len(m.trigger) if i >= 0 else 0
    rest = sent[at:]
    end = _CLAUSE_END.search(rest)
    return rest[: end.start()] if end else rest


def _party_words(a: Event, b: Event) -> set[str]:
    """The parties' own names as words: both sentences name the accused, which says nothing of what."""
    out: set[str] = set()
    for ev in (a, b):
        for x in [*ev.actor, *ev.recipient]:
            out |= words(x.name)
    return out


def _names_act(denial: EventMention, claim: EventMention) -> bool:
    """A word of the denial (its own verb left out) falls in the act that the claim's trigger names
    (data/acts.yaml): "denied that Ri had been dismissed" names a dismissal."""
    act = act_of(claim)
    if act is None:
        return False
    from .pairs import _lexicon, act_stem

    table, _ = _lexicon()
    own = {act_stem(w) for w in (denial.trigger or "").split()}
    return any(table.get((claim.event_type, act_stem(w.strip(".,;:\"'()"))), None) == act
               for w in denial.sentence.split() if act_stem(w.strip(".,;:\"'()")) not in own)


def _scope_names_act(scope_text: str, claim: EventMention) -> bool:
    """A word of what the denial denies falls in the act that the claim's trigger names (data/acts.yaml):
    "reports that the country had sent troops" names a deployment and a delivery, not a demand."""
    act = act_of(claim)
    if act is None:
        return False
    return _text_names_act(scope_text, claim.event_type, act)


@lru_cache(maxsize=1 << 16)
def _text_names_act(scope_text: str, event_type: str, act: str) -> bool:
    """`_scope_names_act` for the claim's type and act, remembered (the acts table is shipped data)."""
    from .pairs import _lexicon, act_stem

    table, _ = _lexicon()
    return any(table.get((event_type, act_stem(w.strip(".,;:\"'()"))), None) == act for w in scope_text.split())


def _names_accuser(denial: Event, claim: Event) -> bool:
    text = " ".join(m.sentence for m in denial.mentions).lower()
    return any(a.name.lower() in text for a in claim.actor if a.name and a.name[:1].isupper())


def _days_apart(a: Event, b: Event) -> int:
    da, db = parse_date(a.date), parse_date(b.date)
    return abs((da - db).days) if da and db else 0


def _is_denial(ev: Event) -> bool:
    return ev.event_type in DENIAL_TYPES or ev.modality == "denied"


def _trigger_named(denial: Event, claim: Event) -> bool:
    """Does a denial's sentence write the word of a claim's trigger (stemmed: "accusations" / "accused")?"""
    from .pairs import act_stem

    trig = {act_stem(w) for m in claim.mentions for w in (m.trigger or "").split()[-1:]} - {""}
    return any(act_stem(w.strip(".,;:\"'()").lower()) in trig for m in denial.mentions for w in m.sentence.split())


def _act_score(denial: Event, claim: Event) -> int:
    """How well a denial's words name the claim's act: 1 when a word of the denial falls in the act
    (data/acts.yaml) that the claim's trigger names."""
    acts = {act_of(m) for m in claim.mentions} - {None}
    if not acts:
        return 0
    from .pairs import _lexicon, act_stem

    table, _ = _lexicon()
    for m in denial.mentions:
        for w in m.sentence.split():
            if table.get((claim.event_type, act_stem(w.strip(".,;:\"'()"))), None) in acts:
                return 1
    return 0


def _pair_overlap(a: Event, b: Event) -> int:
    """The most content words one sentence of `a` shares with one sentence of `b`, the parties' own names
    left out (both sentences name the accused; that says nothing about what is denied), other names kept
    ("denied that Defense Minister Ri Chol Min had been dismissed")."""
    parties: set[str] = set()
    for ev in (a, b):
        for x in [*ev.actor, *ev.recipient]:
            parties |= words(x.name)
    # The denial's own verb ("dismissed the claims") says that it denies, not what.
    wa = [words(m.sentence) - parties - _TIME_WORDS - words(m.trigger or "") for m in a.mentions]
    wb = [words(m.sentence) - parties - _TIME_WORDS for m in b.mentions]
    return max((len(x & y) for x in wa for y in wb), default=0)
