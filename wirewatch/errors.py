"""The one exception hierarchy of wirewatch.

WirewatchError
├── InputError        a file, line or record that cannot be read (names the source and the reason)
├── ComponentError    a pipeline component failed on an article (names the component)
├── StoreError        the database cannot be opened, migrated or written
│   └── NotFoundError an id that is not in the store
├── ConfigError       a bad option, ontology file or setting
└── QueryError        a search query or filter that cannot be run (says what is allowed)
    ├── SearchSyntaxError  FTS5 syntax SQLite cannot parse (an unclosed quote, a lone NOT)
    └── FilterError        a filter value outside its allowed values (an unknown type, a date that is none)
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

    def __reduce__(self) -> tuple[type, tuple[str, str, int | None]]:
        # Picklable with its fields (the default pickles the message only): results of Dask workers carry it.
        return type(self), (self.source, self.reason, self.line)

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

    def __reduce__(self) -> tuple[type, tuple[str, str, BaseException]]:
        return type(self), (self.component, self.article_id, self.cause)


class StoreError(WirewatchError):
    """The store cannot be opened, migrated or written."""


class NotFoundError(StoreError):
    """An article, event, entity or story id that the store does not hold."""


class ConfigError(WirewatchError):
    """A bad option, ontology file or setting."""


class QueryError(WirewatchError):
    """A search query or filter value that cannot be run: bad FTS syntax, an unknown type, a date that is not one.

    The message says what went wrong and what is allowed; the CLI exits 2, the API answers 400/422."""


class SearchSyntaxError(QueryError):
    """A full-text query whose FTS5 syntax is broken; the message has a hint and the plain-words alternative."""

    def __init__(self, message: str, plain: str = "") -> None:
        self.plain = plain  # the query's words without any syntax: what to search for instead
        super().__init__(message)


class FilterError(QueryError):
    """A filter value outside its allowed values (HTTP 422, CLI exit 2); the message lists what is allowed.

    `field` is the filter's name as the API spells it ("since", "min_sources"); the message starts with it,
    and `for_option()` gives the same message naming the CLI option ("--since", "--min-sources")."""

    def __init__(self, message: str, field: str = "") -> None:
        self.field = field
        super().__init__(message)

    def for_option(self) -> str:
        text = str(self)
        if self.field and text.startswith(self.field + ":"):
            return "--" + self.field.replace("_", "-") + text[len(self.field):]
        return text
