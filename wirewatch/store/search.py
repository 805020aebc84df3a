"""The one full-text search of wirewatch (CLI, API, web UI): FTS5 over titles and bodies, BM25 ranked.

Snippets mark each hit with HIT_OPEN ... HIT_CLOSE, two private-use characters: they never occur in news
text, so a reader that splits on them cannot be fooled by brackets in an article. Displays render them
(`<mark>` in the web UI, `[word]` in the terminal) with `snippet_pieces`; JSON carries them as they are.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from ..errors import SearchSyntaxError

HIT_OPEN, HIT_CLOSE = "\ue000", "\ue001"
TITLE_WEIGHT = 3.0  # a word in the headline counts three times one in the body

_FTS_TOKEN = re.compile(r"\w[\w'-]*", re.UNICODE)
_FTS_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
FTS_HINT = (
    'close every quote ("North Korea"), put a word on both sides of AND, OR and NOT (missile NOT drill), '
    "close brackets ((missile OR rocket) launch), write NEAR(word word) and put * after a word's first letters "
    "(missil*)"
)


def fts_query(query: str) -> str:
    """Make free text safe for FTS5: every word is quoted, so hyphens or colons are not operators.

    A query already written in FTS5 syntax (quotes, AND/OR/NOT, NEAR, prefix*) is passed through; when that
    syntax is broken, `search` raises a SearchSyntaxError that explains it."""
    if re.search(r'"|\bAND\b|\bOR\b|\bNOT\b|\bNEAR\b|\*', query):
        return query
    return fts_words(query)


def fts_words(query: str) -> str:
    """The query's words, each quoted: what is searched for when the FTS5 syntax is not wanted."""
    return " ".join(f'"{t}"' for t in _FTS_TOKEN.findall(query))


def _fts_error(query: str, exc: sqlite3.OperationalError) -> SearchSyntaxError:
    # Operators in lower case are plain words to FTS5: the suggestion can always be searched as it is.
    plain = " ".join(t.lower() if t in _FTS_OPERATORS else t for t in _FTS_TOKEN.findall(query))
    reason = str(exc)
    if "unterminated string" in reason:
        hint = 'a quote is not closed: write "North Korea"'
    elif "unknown special query" in reason:
        hint = "* goes after a word's first letters: missil*"
    else:
        hint = FTS_HINT
    instead = f"; or search for the plain words: {plain}" if plain else ""
    return SearchSyntaxError(f"bad search syntax in {query!r} ({reason}): {hint}{instead}", plain)


def search(conn: sqlite3.Connection, query: str, limit: int = 10, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """(hits, total): a page of ranked hits {id, title, outlet, published, duplicate_of, story_id, snippet,
    rank (BM25, lower is better)} and how many articles match in all.

    Raises SearchSyntaxError, with a hint, for FTS5 syntax SQLite cannot parse (an unclosed quote, a lone NOT)."""
    q = fts_query(query)
    if not q.strip():
        return [], 0
    try:
        total = int(conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (q,)).fetchone()[0])
        rows = conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published, a.duplicate_of, a.story_id, "
            "snippet(articles_fts, 1, ?, ?, ' … ', 16) AS snippet, bm25(articles_fts, ?, 1.0) AS rank "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
            (HIT_OPEN, HIT_CLOSE, TITLE_WEIGHT, q, limit, offset),
        ).fetchall()
    except sqlite3.OperationalError as exc:
        raise _fts_error(query, exc) from exc
    return [dict(r) for r in rows], total


def snippet_pieces(snippet: str) -> list[tuple[str, bool]]:
    """(text, is_hit) pieces of a snippet, in order: what a display wraps in its own highlight."""
    out = []
    for i, part in enumerate(re.split(f"[{HIT_OPEN}{HIT_CLOSE}]", snippet)):
        if part:
            out.append((part, i % 2 == 1))
    return out


def plain_snippet(snippet: str, open_mark: str = "[", close_mark: str = "]") -> str:
    """The snippet for a terminal: each hit between `open_mark` and `close_mark` ("[ballistic] missiles")."""
    return "".join(f"{open_mark}{t}{close_mark}" if hit else t for t, hit in snippet_pieces(snippet))
