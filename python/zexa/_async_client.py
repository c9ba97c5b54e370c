"""``AsyncClient``: the client for ``asyncio`` code (FastAPI, aiohttp, Django async views).

It has the same resources, arguments and errors as ``zexa.Client``: each call is the sync
client's, run on a bounded pool of worker threads (``_async_run.py``) and awaited.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Any, Mapping, Optional, Type

from . import _native
from ._async_resources import (
    AsyncCampaigns,
    AsyncContactLists,
    AsyncContacts,
    AsyncCreditsResource,
    AsyncExports,
    AsyncMessages,
    AsyncSenderIds,
    AsyncWebhooks,
)
from ._async_run import Runner
from ._client import Client, ClientSettings
from ._types import QueryValue

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["AsyncClient"]


class AsyncClient:
    """A client of the Zexa API for ``asyncio``: ``await client.contacts.get(id)``.

    Takes the settings of ``zexa.Client`` (see ``zexa.ClientSettings``), and ``max_workers``:
    how many calls run at once on its worker threads (further calls wait for a free one, in
    the order they came). Left out, it is the core's default number of idle connections kept
    for reuse, so that every worker finds a warm connection.

    Use it as ``async with zexa.AsyncClient() as client:`` or call ``await client.aclose()``.
    Cancelling a task abandons its call without blocking the loop, raising
    ``zexa.CallCancelled`` (an ``asyncio.CancelledError``) whose ``may_have_executed`` says
    whether a request that can take effect had been sent.
    """

    __slots__ = (
        "_client",
        "_runner",
        "contacts",
        "contact_lists",
        "campaigns",
        "messages",
        "sender_ids",
        "webhooks",
        "credits",
        "exports",
    )

    contacts: AsyncContacts
    """Contacts: create, get, update, delete, list, import, export."""
    contact_lists: AsyncContactLists
    """Contact lists and their members."""
    campaigns: AsyncCampaigns
    """Broadcast campaigns."""
    messages: AsyncMessages
    """Single messages."""
    sender_ids: AsyncSenderIds
    """Registered sender IDs."""
    webhooks: AsyncWebhooks
    """Delivery-status webhooks."""
    credits: AsyncCreditsResource
    """The credit balance."""
    exports: AsyncExports
    """Contact exports."""

    def __init__(
        self, api_key: Optional[str] = None, *, max_workers: Optional[int] = None, **settings: Unpack[ClientSettings]
    ) -> None:
        """Creates a client; see the class documentation."""
        workers = _native.DEFAULT_MAX_IDLE_CONNECTIONS if max_workers is None else max_workers
        self._attach(Client(api_key, **settings), Runner(workers))

    def _attach(self, client: Client, runner: Runner) -> None:
        self._client = client
        self._runner = runner
        self.contacts = AsyncContacts(client.contacts, runner)
        self.contact_lists = AsyncContactLists(client.contact_lists, runner)
        self.campaigns = AsyncCampaigns(client.campaigns, runner)
        self.messages = AsyncMessages(client.messages, runner)
        self.sender_ids = AsyncSenderIds(client.sender_ids, runner)
        self.webhooks = AsyncWebhooks(client.webhooks, runner)
        self.credits = AsyncCreditsResource(client.credits, runner)
        self.exports = AsyncExports(client.exports, runner)

    @property
    def base_url(self) -> str:
        """The API root this client talks to."""
        return self._client.base_url

    @property
    def timeout(self) -> float:
        """The per-attempt timeout, in seconds."""
        return self._client.timeout

    @property
    def max_retries(self) -> int:
        """How many times a failed idempotent call is retried."""
        return self._client.max_retries

    @property
    def total_timeout(self) -> Optional[float]:
        """The bound of a whole call in seconds, or ``None``."""
        return self._client.total_timeout

    @property
    def max_workers(self) -> int:
        """How many calls run at once."""
        return self._runner.max_workers

    @property
    def closed(self) -> bool:
        """Whether ``aclose()`` was called."""
        return self._client.closed

    def with_options(
        self,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        total_timeout: Optional[float] = None,
    ) -> AsyncClient:
        """A client with these settings changed sharing this one's connections and workers."""
        client = AsyncClient.__new__(AsyncClient)
        client._attach(
            self._client.with_options(timeout=timeout, max_retries=max_retries, total_timeout=total_timeout),
            self._runner,
        )
        return client

    async def request(
        self,
        method: str,
        path: str,
        *,
        query: Optional[Mapping[str, QueryValue]] = None,
        json: Any = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[Mapping[str, str]] = None,
        extra_query: Optional[Mapping[str, QueryValue]] = None,
    ) -> Any:
        """``zexa.Client.request``, awaited: any endpoint, parsed JSON back."""
        return await self._runner.run(
            self._client.request,
            method,
            path,
            query=query,
            json=json,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
        )

    async def aclose(self) -> None:
        """Closes the client: later calls raise ``zexa.ZexaError``; calls already running
        finish on their worker threads (the loop does not wait for them)."""
        self._client.close()
        self._runner.close()

    async def __aenter__(self) -> AsyncClient:
        """Returns the client itself, for ``async with zexa.AsyncClient() as client:``."""
        return self

    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        """Closes the client (see ``aclose``)."""
        await self.aclose()

    def __repr__(self) -> str:
        """The base URL and settings; never the API key."""
        return (
            f"zexa.AsyncClient(base_url={self.base_url!r}, timeout={self.timeout}, "
            f"max_retries={self.max_retries}, max_workers={self.max_workers})"
        )
