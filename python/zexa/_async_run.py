"""How ``zexa.AsyncClient`` runs the core's blocking calls: on a bounded pool of native worker
threads that never take the GIL, their results handed to the event loop through a socket it
watches (``python/src/pool.rs``), so the loop never blocks and does every call's Python work.

A cancelled task abandons its call at once: the call's core cancel token stops its waits and
further attempts, a call still queued never starts, and ``zexa.CallCancelled`` says whether a
request that can take effect was already out (``may_have_executed``). The loop never waits
for the worker.
"""

from __future__ import annotations

import asyncio
import inspect
import weakref
from typing import Any, Awaitable, Callable, Optional, TypeVar, Union

from ._exceptions import ZexaError
from ._native import ResultChannel, WorkerPool

__all__ = ["Runner", "CallCancelled"]

T = TypeVar("T")


class CallCancelled(asyncio.CancelledError):
    """The task awaiting a ``zexa.AsyncClient`` call was cancelled: an ``asyncio.CancelledError``
    (so the task ends cancelled, as asyncio expects) that also says what became of the call.

    The call is abandoned at once, without blocking the event loop: its worker thread stops
    waiting and starts no further attempt, and an answer still on its way is dropped.
    """

    message: str
    """What was cancelled."""
    may_have_executed: bool
    """Whether a request that can take effect (not a GET) was on the wire, or may have been
    processed, when the task was cancelled: then a message or campaign may have been created;
    look it up before sending it again. ``False`` for a call still queued for a worker."""
    attempts: int
    """How many attempts had started."""

    def __init__(self, message: str, *, may_have_executed: bool = False, attempts: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.may_have_executed = may_have_executed
        self.attempts = attempts


class Runner:
    """The worker threads (``_native.WorkerPool``) of an ``AsyncClient`` and the channel, per
    event loop, through which their results come back."""

    __slots__ = ("_pool", "_channels", "_closed", "_last")

    def __init__(self, max_workers: int) -> None:
        """A pool of at most ``max_workers`` threads (started as calls need them)."""
        if isinstance(max_workers, bool) or not isinstance(max_workers, int):
            raise TypeError(f"max_workers must be an int, not {type(max_workers).__name__}")
        if max_workers < 1:
            raise ValueError(f"max_workers must be at least 1, got {max_workers}")
        self._pool = WorkerPool(max_workers)
        self._channels: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, ResultChannel]" = weakref.WeakKeyDictionary()
        self._closed = False
        # The last loop's channel: the lookup of almost every call.
        self._last: "tuple[Optional[asyncio.AbstractEventLoop], Optional[ResultChannel]]" = (None, None)

    @property
    def max_workers(self) -> int:
        """How many calls run at once, at most."""
        return self._pool.max_workers

    def _channel(self, loop: asyncio.AbstractEventLoop) -> ResultChannel:
        """The channel of ``loop``, watched by it from the first call on."""
        last_loop, last_channel = self._last
        if last_loop is loop and last_channel is not None:
            return last_channel
        channel = self._channels.get(loop)
        if channel is None:
            channel = ResultChannel()
            loop.add_reader(channel.fileno(), channel.drain)
            self._channels[loop] = channel
        self._last = (loop, channel)
        return channel

    async def run(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """The resource method ``function(*args, **kwargs)``, its core call on a worker."""
        if self._closed:
            raise ZexaError("this zexa client is closed; create a new one")
        loop = asyncio.get_running_loop()
        future: "asyncio.Future[T]" = loop.create_future()
        ticket = self._pool.submit(self._channel(loop), future, function, args, kwargs)
        try:
            return await future
        except asyncio.CancelledError:
            # Stop the call (a queued one never starts) and say what it did; never wait.
            ticket.cancel()
            raise CallCancelled(
                "the task awaiting this zexa call was cancelled; the call was abandoned",
                may_have_executed=ticket.may_have_executed,
                attempts=ticket.attempts,
            ) from None

    def close(self) -> None:
        """Starts no further call; calls already running finish on their own."""
        self._closed = True
        self._pool.close()
        self._last = (None, None)
        for loop, channel in list(self._channels.items()):
            if not loop.is_closed():
                loop.remove_reader(channel.fileno())


def on_loop(
    loop: asyncio.AbstractEventLoop, callback: Callable[[T], Union[Awaitable[object], object]]
) -> Callable[[T], None]:
    """A callable for a worker thread that runs ``callback`` (plain or async) on ``loop`` and
    waits for it; what it raises is raised in the worker (which stops a campaign wait)."""

    async def invoke(value: T) -> None:
        outcome = callback(value)
        if inspect.isawaitable(outcome):
            await outcome

    def call(value: T) -> None:
        asyncio.run_coroutine_threadsafe(invoke(value), loop).result()

    return call


def optional_on_loop(
    loop: asyncio.AbstractEventLoop, callback: Optional[Callable[[T], Union[Awaitable[object], object]]]
) -> Optional[Callable[[T], None]]:
    """``on_loop`` of a callback that may be ``None``."""
    return None if callback is None else on_loop(loop, callback)
