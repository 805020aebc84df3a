"""Regex rules of the time-expression tagger: every rule family, registered in a fixed order.

Each rule is a compiled pattern, the head words it needs, and a handler that turns a match into a candidate
with a deferred resolver. Resolution is deferred (a closure run later, in document order) because some values
depend on what the article said before: "a year earlier" follows the last date mentioned, "the next day" the
last day. The engine in `timex.py` picks the non-overlapping candidates first, then resolves them left to right.

The vocabulary, helpers and registry are in `timex_lex`; the families live in their own modules and register
their rules when imported. The import order below is the order in which rules run; among candidates of the
same span the earlier rule wins.
"""

from __future__ import annotations

# Importing a family registers its rules, in this order.
# isort: off
from . import timex_dates  # noqa: F401
from . import timex_periods  # noqa: F401
from . import timex_days  # noqa: F401
from . import timex_relative  # noqa: F401
from . import timex_spans  # noqa: F401

# isort: on
from .timex_lex import RULES, SCANNER, Rule

__all__ = ["RULES", "SCANNER", "Rule"]
