"""How ``zexa.AsyncClient`` runs the core's blocking calls: on a bounded pool of worker threads
(each call releases the GIL while it waits on the network), so the event loop never blocks.

A cancelled task abandons its call at once: the call's ``CancelScope`` (a core cancel token
bound to the worker thread) stops its waits and further attempts, a call still queued never
starts, and ``zexa.CallCancelled`` says whether a request that can take effect was already
out (``may_have_executed``). The loop never waits for the worker.
"""

from __future__ import annotations

import asyncio
import inspect
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Awaitable, Callable, Optional, TypeVar, Union

from ._exceptions import ZexaError
from ._native import CancelScope

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
    """A pool of ``max_workers`` threads running calls for coroutines."""

    __slots__ = ("_executor", "_closed", "max_workers")

    def __init__(self, max_workers: int) -> None:
        """A pool of at most ``max_workers`` threads (started as calls need them)."""
        if isinstance(max_workers, bool) or not isinstance(max_workers, int):
            raise TypeError(f"max_workers must be an int, not {type(max_workers).__name__}")
        if max_workers < 1:
            raise ValueError(f"max_workers must be at least 1, got {max_workers}")
        self.max_workers = max_workers
        self._closed = False
        self._executor = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="zexa-async")

    async def run(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``function(*args, **kwargs)`` on a worker thread; see the module for cancellation."""
        if self._closed:
            raise ZexaError("this zexa client is closed; create a new one")
        scope = CancelScope()
        work = self._executor.submit(scope.run, function, *args, **kwargs)
        try:
            return await asyncio.wrap_future(work)
        except asyncio.CancelledError:
            # Cancelled while the worker runs (or before it started): stop it, never wait.
            scope.cancel()
            started = not work.cancel()
            raise CallCancelled(
                "the task awaiting this zexa call was cancelled; the call was abandoned",
                may_have_executed=started and scope.may_have_executed,
                attempts=scope.attempts,
            ) from None

    def close(self) -> None:
        """Starts no further call; calls already running finish on their own."""
        self._closed = True
        self._executor.shutdown(wait=False, cancel_futures=True)


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
