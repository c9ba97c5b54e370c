"""``APIResponse``: what a method of a resource's ``with_raw_response`` view answers.

>>> response = client.contacts.with_raw_response.get("cnt_1")  # doctest: +SKIP
>>> response.status_code, response.headers["x-request-id"], response.attempts  # doctest: +SKIP
>>> contact = response.parse()  # doctest: +SKIP

Built by the native module from the core's response metadata (``python/src/raw.rs``).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Callable, Dict, Generic, Iterable, Iterator, List, Mapping, Optional, Tuple, TypeVar, Union

__all__ = ["APIResponse", "Headers"]

T = TypeVar("T")
U = TypeVar("U")


class Headers(Mapping[str, str]):
    """The headers of an answer: a read-only mapping whose keys match case-insensitively.

    ``headers["X-Request-Id"]`` is the first value of that header; ``get_all(name)`` gives
    every value of a repeated header.
    """

    __slots__ = ("_pairs", "_first")

    def __init__(self, pairs: Iterable[Tuple[str, str]]) -> None:
        """Headers from ``(name, value)`` pairs, in the order they arrived."""
        self._pairs: List[Tuple[str, str]] = list(pairs)
        self._first: Dict[str, str] = {}
        for name, value in self._pairs:
            self._first.setdefault(name.lower(), value)

    def __getitem__(self, name: str) -> str:
        return self._first[name.lower()]

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._first

    def __iter__(self) -> Iterator[str]:
        return iter(self._first)

    def __len__(self) -> int:
        return len(self._first)

    def get_all(self, name: str) -> List[str]:
        """Every value of the header ``name``, in order (empty when absent)."""
        key = name.lower()
        return [value for n, value in self._pairs if n.lower() == key]

    def __repr__(self) -> str:
        return f"Headers({self._pairs!r})"


class APIResponse(Generic[T]):
    """A successful call's answer: its metadata, and ``parse()`` for the value.

    The metadata is the last request's when the call made several (a retried call, a
    ``campaigns.wait``).
    """

    __slots__ = ("status_code", "headers", "request_id", "attempts", "elapsed", "_parsed")

    status_code: int
    """The HTTP status, e.g. 200."""
    headers: Headers
    """The answer's headers (case-insensitive)."""
    request_id: Optional[str]
    """The request ID to quote to Zexa support, when the API gave one."""
    attempts: int
    """How many attempts the call made, retries included."""
    elapsed: timedelta
    """How long the call took, retries and their waits included."""

    def __init__(
        self,
        *,
        status_code: int,
        headers: Union[Headers, Iterable[Tuple[str, str]]],
        request_id: Optional[str],
        attempts: int,
        elapsed: timedelta,
        parsed: T,
    ) -> None:
        """A response of the metadata given; made by the SDK."""
        self.status_code = status_code
        self.headers = headers if isinstance(headers, Headers) else Headers(headers)
        self.request_id = request_id
        self.attempts = attempts
        self.elapsed = elapsed
        self._parsed = parsed

    def parse(self) -> T:
        """The value the method answers without ``with_raw_response`` (a model, a page...)."""
        return self._parsed

    def _map(self, function: Callable[[T], U]) -> APIResponse[U]:
        """The same metadata around ``function(parse())`` (the async client's pages)."""
        return APIResponse(
            status_code=self.status_code,
            headers=self.headers,
            request_id=self.request_id,
            attempts=self.attempts,
            elapsed=self.elapsed,
            parsed=function(self._parsed),
        )

    def __repr__(self) -> str:
        return f"<APIResponse status_code={self.status_code} request_id={self.request_id!r} attempts={self.attempts}>"

