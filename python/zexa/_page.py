"""``Page``: one page of a list endpoint, iterable over every item to the last page."""

from __future__ import annotations

from typing import Generic, Iterator, List, Optional, Type, TypeVar

from ._models import Model
from ._native import NativePage

__all__ = ["Page"]

T = TypeVar("T", bound=Model)


class Page(Generic[T]):
    """One page of a list endpoint.

    ``data`` holds this page's items. Iterating a page yields every item from this page to the
    last one, fetching each further page only when the previous one is used up (one page in
    memory at a time, the GIL released while fetching).
    """

    __slots__ = ("_native", "_model", "data")

    data: List[T]
    """This page's items."""

    def __init__(self, native: NativePage, model: Type[T]) -> None:
        """Wraps a native page whose items are of the model class ``model``."""
        self._native = native
        self._model = model
        self.data = native.data

    @property
    def total(self) -> int:
        """How many items the whole list has."""
        return self._native.total

    @property
    def page(self) -> int:
        """This page's number, from 1."""
        return self._native.page

    @property
    def per_page(self) -> int:
        """The page size."""
        return self._native.per_page

    def has_next_page(self) -> bool:
        """Whether a later page has items."""
        return self._native.has_next_page()

    def next_page(self) -> Optional[Page[T]]:
        """Fetches the next page; ``None`` after the last."""
        native = self._native.next_page()
        return None if native is None else Page(native, self._model)

    def __iter__(self) -> Iterator[T]:
        """Every item from this page to the last, fetching later pages lazily."""
        page: Optional[Page[T]] = self
        while page is not None:
            yield from page.data
            page = page.next_page()

    def __repr__(self) -> str:
        return f"Page(page={self.page}, per_page={self.per_page}, total={self.total}, items={len(self.data)})"
