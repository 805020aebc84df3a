"""Short reports for issue 11, participants round 2 (h/args12): who acts when the clause doesn't name them.

Written for this round, before any rule was changed or run on them, in styles the project had not used (US
local crime, court copy, Middle East wire copy, business, sports, science). Each row: an id, the report, the
trigger word, and the acceptable actor names (a lowercase substring of an actor's name; any one will do), or
None when the right answer is no actor at all (an impersonal "some", "many").

Kinds:
- event / abstract / artefact noun as the nearest subject before an acting "it"/"they" (never the antecedent);
- number agreement of "they";
- a quoted "we" is the speaker's body (the quote's speaker, or the body they speak for);
- "the government" / "the ministry" / "the administration" with no name: the one state the article is about
  (its dateline first), and as written when the article is about two;
- impersonal "some" / "many" as subject: no actor.
"""

from __future__ import annotations

REPORTS: list[tuple[str, str, str, tuple[str, ...] | None]] = [
    ("it-after-strike",
     "Israel struck Gaza City on Tuesday. The strike was the deadliest in weeks, and it came a day after it "
     "accused Hamas of breaking the truce.",
     "accused", ("israel",)),
    ("it-after-merger",
     "Nordhaven Energy has proposed a merger with Calder Gas. The merger would create the largest utility in "
     "Maine, but it still needs approval, and last week it accused regulators of delaying the review.",
     "accused", ("nordhaven",)),
    ("it-after-ban",
     "The Pacific Hockey League announced a ban on Thursday. The ban is the longest in the league's history, "
     "and it followed weeks in which it accused coach Ray Dunn of betting on games.",
     "accused", ("pacific hockey league", "league")),
    ("it-after-telescope",
     "NASA paid for the Orion telescope. The telescope cost $10 billion, and this week it accused a contractor "
     "of hiding defects in the mirror.",
     "accused", ("nasa",)),
    ("they-after-robbery",
     "Two men robbed a gas station in Flint on Sunday. The robbery was caught on camera, and an hour later "
     "they attacked a clerk at a second store.",
     "attacked", ("men",)),
    ("quoted-we-named-speaker",
     'The board of Castell Foods met on Friday. "We rejected the offer because it undervalues the company," '
     "chief executive Anna Pryor said.",
     "rejected", ("anna pryor", "castell")),
    ("quoted-we-after-statement",
     "Foreign ministers of the Arab League met in Cairo on Sunday. The Arab League said in a statement that "
     'the siege must end. "We condemn the attacks on civilians in Khan Younis."',
     "condemn", ("arab league",)),
    ("the-government-one-state",
     "Lebanon's parliament failed again on Monday to elect a president. Hundreds of protesters gathered in "
     "Beirut, and the government accused the protesters of blocking roads.",
     "accused", ("lebanon",)),
    ("the-ministry-one-state",
     "Jordan's interior minister resigned on Tuesday. Hours later, the ministry banned protests in Amman and "
     "threatened to arrest organisers.",
     "threatened", ("jordan",)),
    ("the-government-dateline",
     "AMMAN, Jordan (Wire) - The government on Sunday accused Israeli settlers of attacking an aid convoy "
     "near Hebron.",
     "accused", ("jordan",)),
    ("the-administration-one-state",
     "Brazil's president flew to Rome on Monday. Back home, the administration threatened to fine ranchers "
     "who clear the Amazon.",
     "threatened", ("brazil",)),
    ("the-government-two-states",
     "Kenya and Uganda signed a border deal on Friday. Days later, the government accused traders of "
     "smuggling sugar across the border.",
     "accused", ("government",)),
    ("impersonal-some",
     "Heavy rain flooded parts of Fresno on Monday. Some accused the mayor of ignoring the flood warnings.",
     "accused", None),
    ("impersonal-many",
     "The county commission voted to close the clinic in Dayton. On Tuesday many protested outside the "
     "courthouse.",
     "protested", None),
    ("they-court",
     "The trial of former mayor Tom Greer opened in Albany on Monday. The trial is expected to last a month. "
     "Prosecutors say Greer took bribes, and they accused him of lying to investigators.",
     "accused", ("prosecutors",)),
]
