"""Shared fixtures: an in-memory store, a few hand-written articles, the spaCy-backed pipeline once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from wirewatch.model import Article
from wirewatch.store.db import Store

LAUNCH = (
    "North Korea fired two short-range ballistic missiles off its east coast on Tuesday morning, "
    "the South Korean military said. The missiles flew about 350 kilometres before falling into the sea. "
    "It was the fourth launch this year and came a day after Seoul and Washington ended a joint drill."
)
SUMMIT = (
    "Leaders of Brazil and Argentina met in Montevideo on Friday to discuss a regional trade agreement. "
    "Officials said the talks focused on tariffs for farm goods and a shared rail corridor."
)


@pytest.fixture
def store() -> Iterator[Store]:
    s = Store(":memory:")
    yield s
    s.close()


@pytest.fixture
def launch_article() -> Article:
    return Article(id="launch-1", text=LAUNCH, title="North Korea fires two missiles", outlet="Harbor Wire")


@pytest.fixture
def summit_article() -> Article:
    return Article(id="summit-1", text=SUMMIT, title="Trade talks in Montevideo", outlet="Southern Daily")
