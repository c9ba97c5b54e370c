"""The resources of ``zexa.AsyncClient``: each method of a sync resource (``_native``), run on
the client's worker threads and awaited. The methods are made from the sync classes, so the
two clients cannot drift apart; their types are in ``_async_resources.pyi`` (generated).
"""

from __future__ import annotations

import asyncio
import functools
import threading
from typing import Any, Callable, Coroutine, Type, cast

from . import _native
from ._async_page import AsyncPage
from ._async_run import CallCancelled, Runner, optional_on_loop
from ._response import APIResponse

__all__ = [
    "AsyncContacts",
    "AsyncExports",
    "AsyncContactLists",
    "AsyncCampaigns",
    "AsyncMessages",
    "AsyncSenderIds",
    "AsyncWebhooks",
    "AsyncCreditsResource",
]


def _asyncify(result: object, runner: Runner) -> object:
    """A page (or a raw response around one) as an ``AsyncPage``; anything else as it is."""
    if isinstance(result, _native.Page):
        return AsyncPage(cast("_native.Page[Any]", result), runner)
    if isinstance(result, APIResponse):
        raw = cast("APIResponse[Any]", result)
        if isinstance(raw.parse(), _native.Page):
            return raw._map(lambda parsed: AsyncPage[Any](parsed, runner))
        return raw
    return result


class _AsyncResource:
    __slots__ = ("_sync", "_runner")

    def __init__(self, sync: Any, runner: Runner) -> None:
        self._sync = sync
        self._runner = runner

    @property
    def with_raw_response(self) -> Any:
        """The same methods, each answering with a ``zexa.APIResponse``."""
        return type(self)(self._sync.with_raw_response, self._runner)

    def __repr__(self) -> str:
        return "<zexa.Async" + repr(self._sync)[len("<zexa.") :]


async def _send_many(self: _AsyncResource, *args: Any, **kwargs: Any) -> Any:
    """``messages.send_many`` awaited: the whole bulk send runs on one thread of the loop's
    default executor (it reads the caller's iterable and calls ``on_progress``, which runs on
    the loop, so it cannot go through the worker pool of single calls). Cancelling the task
    stops the run at the next outcome; sends in flight finish and are in the journal."""
    loop = asyncio.get_running_loop()
    cancelled = threading.Event()
    progress = optional_on_loop(loop, kwargs.pop("on_progress", None))

    def on_outcome(outcome: Any) -> None:
        if cancelled.is_set():
            raise CallCancelled("the task awaiting send_many was cancelled; the run stopped", may_have_executed=True)
        if progress is not None:
            progress(outcome)

    call = functools.partial(self._sync.send_many, *args, on_progress=on_outcome, **kwargs)
    try:
        return await loop.run_in_executor(None, call)
    except asyncio.CancelledError:
        cancelled.set()
        raise


def _method(sync_class: type, name: str) -> Callable[..., Coroutine[Any, Any, Any]]:
    """The async form of ``sync_class.name``."""

    async def method(self: _AsyncResource, *args: Any, **kwargs: Any) -> Any:
        if "on_progress" in kwargs:
            # Called from the worker thread, run on this loop (and awaited if async).
            kwargs["on_progress"] = optional_on_loop(asyncio.get_running_loop(), kwargs["on_progress"])
        result: object = await self._runner.run(getattr(self._sync, name), *args, **kwargs)
        kind = type(result)
        if kind is _native.Page or kind is APIResponse:  # the cheap test of most calls
            return _asyncify(result, self._runner)
        return result

    method.__name__ = name
    method.__qualname__ = f"Async{sync_class.__name__}.{name}"
    method.__doc__ = getattr(sync_class, name).__doc__
    # `inspect.signature` (help(), stubtest) shows the sync method's parameters.
    method.__wrapped__ = getattr(sync_class, name)  # type: ignore[attr-defined]
    return method


def _async_class(sync_class: type) -> Type[_AsyncResource]:
    """The async resource class of a sync one: every public method, awaited."""
    names = [n for n in dir(sync_class) if not n.startswith("_") and n != "with_raw_response"]
    namespace: dict[str, Any] = {name: _method(sync_class, name) for name in names}
    if "send_many" in namespace:
        _send_many.__doc__ = getattr(sync_class, "send_many").__doc__
        _send_many.__wrapped__ = getattr(sync_class, "send_many")  # type: ignore[attr-defined]
        namespace["send_many"] = _send_many
    namespace["__slots__"] = ()
    namespace["__doc__"] = sync_class.__doc__
    namespace["__module__"] = __name__
    return type(f"Async{sync_class.__name__}", (_AsyncResource,), namespace)


AsyncContacts = _async_class(_native.Contacts)
AsyncExports = _async_class(_native.Exports)
AsyncContactLists = _async_class(_native.ContactLists)
AsyncCampaigns = _async_class(_native.Campaigns)
AsyncMessages = _async_class(_native.Messages)
AsyncSenderIds = _async_class(_native.SenderIds)
AsyncWebhooks = _async_class(_native.Webhooks)
AsyncCreditsResource = _async_class(_native.CreditsResource)
