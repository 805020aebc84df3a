"""Who reports a clause is not the "he" or "she" inside it (issue 11: speakers as actors of the act they report).

A report whose saying clause comes after what it reports ("He shot the clerk twice and fled, Moss said"; "She hit
the guard with a bottle, prosecutor Ann Lee told the court") tells the deed of someone else: a speaker telling
their own act says "I", and a police officer or a prosecutor telling a crime is the one the story most often names
just before. So a third-person pronoun inside such a fronted report never means the speaker of that very saying
clause, though the speaker's name is the nearest agreeing one (named in the sentence before, or earlier in the
story). A report that opens with the speaker ("Moss said he fired twice") keeps the ordinary reading: there the
pronoun is the speaker as often as not.
"""

from __future__ import annotations

from typing import Any

_SUBJECTS = ("nsubj", "nsubjpass")


def _reporting_verb(clause: Any, says: frozenset[str]) -> Any | None:
    """The verb of saying the clause is reported by, written after it: its head when the parser hangs the
    report on the saying verb ("He shot X, Moss said": said -> ccomp shot), or a saying verb hung on the
    clause itself (parataxis: shot -> said)."""
    head = clause.head
    if clause.dep_ in ("ccomp", "parataxis") and head.i > clause.i and head.lemma_.lower() in says and \
            head.pos_ == "VERB":
        return head
    return next((c for c in clause.children if c.dep_ in ("parataxis", "ccomp") and c.i > clause.i and
                 c.lemma_.lower() in says and c.pos_ == "VERB"), None)


def fronted_report_speaker(pron: Any) -> Any | None:
    """The subject of the saying clause that follows the clause `pron` sits in, where that clause is the
    report ("He shot the clerk, Moss said": Moss), else None. The pronoun's clause is climbed through
    conjoined verbs ("He shot the clerk and fled, Moss said")."""
    from .attribution import saying_verbs

    says = saying_verbs(claims=False)
    verb = pron.head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX"):
            break
        verb = verb.head
    else:
        return None
    while verb.dep_ == "conj" and verb.head.i < verb.i:
        verb = verb.head  # the first of the conjoined verbs carries the report's relation
    saying = _reporting_verb(verb, says)
    if saying is None or saying.i < pron.i:
        return None
    return next((c for c in saying.children if c.dep_ in _SUBJECTS and c.i > pron.i), None)
