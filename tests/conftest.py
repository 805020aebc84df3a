"""Shared fixtures: an in-memory store, a few hand-written articles, the spaCy-backed extraction pipeline
(`pipe`, once per test module)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from wirewatch.extract import extraction_components
from wirewatch.extract.nlp import get_nlp
from wirewatch.model import Article
from wirewatch.pipeline import Pipeline
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


@pytest.fixture(scope="module")
def nlp() -> Any:
    """The spaCy pipeline wirewatch loads (a process-wide singleton)."""
    return get_nlp()


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    """The extraction pipeline of every extraction test module (built once per module, as each module's own
    copy of this fixture did; the spaCy model is a process-wide singleton)."""
    return Pipeline(extraction_components())
