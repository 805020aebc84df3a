"""The one exception hierarchy of wirewatch.

WirewatchError
├── InputError        a file, line or record that cannot be read (names the source and the reason)
├── ComponentError    a pipeline component failed on an article (names the component)
├── StoreError        the database cannot be opened, migrated or written
│   └── NotFoundError an id that is not in the store
└── ConfigError       a bad option, ontology file or setting
"""

from __future__ import annotations


class WirewatchError(Exception):
    """Base class of every error wirewatch raises on purpose."""


class InputError(WirewatchError):
    """An input that cannot be ingested. `source` is the file (and line or item), `reason` says why."""

    def __init__(self, source: str, reason: str, line: int | None = None) -> None:
        self.source = source
        self.reason = reason
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}" if self.line is not None else self.source


class ComponentError(WirewatchError):
    """A pipeline component raised while processing an article."""

    def __init__(self, component: str, article_id: str, cause: BaseException) -> None:
        self.component = component
        self.article_id = article_id
        self.cause = cause
        super().__init__(f"component {component!r} failed on article {article_id!r}: {cause!r}")


class StoreError(WirewatchError):
    """The store cannot be opened, migrated or written."""


class NotFoundError(StoreError):
    """An article, event, entity or story id that the store does not hold."""


class ConfigError(WirewatchError):
    """A bad option, ontology file or setting."""
