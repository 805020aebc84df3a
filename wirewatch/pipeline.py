"""Named components over one `Article`, spaCy style.

A component is any object with a `name`, the `reads` and `writes` it declares (Article attribute names),
and `__call__(article) -> article`. It may also offer `pipe(articles) -> iterator` for batch efficiency
(the extraction component uses spaCy's `nlp.pipe`). The runner wraps any failure in `ComponentError`
naming the component and the article, so a bad article never takes the batch down silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from .errors import ComponentError
from .model import Article


@runtime_checkable
class Component(Protocol):
    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


class Pipeline:
    """An ordered list of components. `run` processes one article, `pipe` a stream of them."""

    def __init__(self, components: Iterable[Component] = ()) -> None:
        self.components: list[Component] = list(components)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]

    def add(self, component: Component) -> None:
        if component.name in self.names:
            raise ValueError(f"a component named {component.name!r} is already in the pipeline")
        self.components.append(component)

    def get(self, name: str) -> Component:
        for c in self.components:
            if c.name == name:
                return c
        raise KeyError(name)

    def run(self, article: Article) -> Article:
        for c in self.components:
            try:
                article = c(article)
            except Exception as exc:  # noqa: BLE001 - re-raised with the component's name
                raise ComponentError(c.name, article.id, exc) from exc
        return article

    def pipe(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Article | ComponentError]:
        """Process a stream; yields each article, or a ComponentError for one that failed.

        Components with a `pipe` method get whole batches; when a batch fails, its articles are retried
        one by one so that only the bad article is reported.
        """
        batch: list[Article] = []
        for art in articles:
            batch.append(art)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Article]) -> Iterator[Article | ComponentError]:
        items: list[Article | ComponentError] = list(batch)
        for c in self.components:
            live = [a for a in items if isinstance(a, Article)]
            if not live:
                break
            batch_fn = getattr(c, "pipe", None)
            results: dict[int, Article | ComponentError] = {}
            done = False
            if batch_fn is not None and len(live) > 1:
                try:
                    for a, out in zip(live, batch_fn(live), strict=True):
                        results[id(a)] = out
                    done = True
                except Exception:  # noqa: BLE001 - fall back to one by one to find the culprit
                    results = {}
            if not done:
                for a in live:
                    try:
                        results[id(a)] = c(a)
                    except Exception as exc:  # noqa: BLE001
                        results[id(a)] = ComponentError(c.name, a.id, exc)
            items = [results.get(id(a), a) if isinstance(a, Article) else a for a in items]
        yield from items
