"""``AsyncPage``: a page of ``zexa.AsyncClient``; ``async for`` walks every item to the last
page, fetching each further page on a worker thread only when the previous one is used up."""

from __future__ import annotations

from typing import AsyncIterator, Generic, List, Optional, TypeVar

from ._async_run import Runner
from ._native import Page

__all__ = ["AsyncPage"]

T = TypeVar("T")


class AsyncPage(Generic[T]):
    """One page of a list endpoint, for ``async`` code.

    ``data`` holds this page's items; ``async for item in page`` yields every item from this
    page to the last one; ``async for p in page.iter_pages()`` yields the pages.
    """

    __slots__ = ("_page", "_runner")

    def __init__(self, page: Page[T], runner: Runner) -> None:
        """Wraps a page of the sync client, fetching the next ones with ``runner``."""
        self._page = page
        self._runner = runner

    @property
    def data(self) -> List[T]:
        """This page's items."""
        return self._page.data

    @property
    def total(self) -> int:
        """How many items the whole list has."""
        return self._page.total

    @property
    def page(self) -> int:
        """This page's number, from 1."""
        return self._page.page

    @property
    def per_page(self) -> int:
        """The page size."""
        return self._page.per_page

    def has_next_page(self) -> bool:
        """Whether a later page has items."""
        return self._page.has_next_page()

    async def next_page(self) -> Optional[AsyncPage[T]]:
        """Fetches the next page (on a worker thread); ``None`` after the last."""
        if not self._page.has_next_page():
            return None
        page = await self._runner.run(self._page.next_page)
        return None if page is None else AsyncPage(page, self._runner)

    async def iter_pages(self) -> AsyncIterator[AsyncPage[T]]:
        """This page and every later one, each fetched when the previous one is done with."""
        page: Optional[AsyncPage[T]] = self
        while page is not None:
            yield page
            page = await page.next_page()

    async def _items(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.data:
                yield item

    def __aiter__(self) -> AsyncIterator[T]:
        """Every item from this page to the last, fetching later pages lazily."""
        return self._items()

    def __len__(self) -> int:
        """How many items this page holds."""
        return len(self._page.data)

    def __repr__(self) -> str:
        return f"Async{self._page!r}"
