"""``zexa.AsyncClient``: the sync client's calls on worker threads, awaited; cancellation
abandons a call without blocking the loop and says whether a POST may have executed."""

from __future__ import annotations

import asyncio
import time
from typing import Any, Awaitable, Callable, List, TypeVar

import pytest

import zexa

from conftest import API_KEY, Sandbox
from rawserver import RawServer

T = TypeVar("T")


def run(main: Callable[[], Awaitable[T]]) -> T:
    return asyncio.run(main())  # type: ignore[arg-type]


async def until(condition: Callable[[], bool], what: str, bound: float = 10.0) -> None:
    """Polls ``condition`` on the loop (never a fixed sleep) for at most ``bound`` seconds."""
    deadline = time.monotonic() + bound
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.005)


def test_the_resources_and_pages_await(sandbox: Sandbox) -> None:
    async def main() -> None:
        async with zexa.AsyncClient(API_KEY, base_url=sandbox.url, max_retries=0) as client:
            created = await asyncio.gather(
                *(client.contacts.create(name=f"C {i}", phone=f"+2449{i:08d}") for i in range(5))
            )
            got = await client.contacts.get(created[0].id)
            assert got.id == created[0].id
            page = await client.contacts.list(per_page=2)
            assert isinstance(page, zexa.AsyncPage)
            assert page.total == 5 and len(page.data) == 2
            seen = [c.id async for c in page]
            assert sorted(seen) == sorted(c.id for c in created)
            numbers = [p.page async for p in page.iter_pages()]
            assert numbers == [1, 2, 3]
            raw = await client.contacts.with_raw_response.list(per_page=2)
            assert raw.status_code == 200
            assert isinstance(raw.parse(), zexa.AsyncPage)
            assert (await client.credits.with_raw_response.get(timeout=5)).parse().balance >= 0
            assert await client.request("GET", "/credits") is not None
        assert client.closed
        with pytest.raises(zexa.ZexaError, match="closed"):
            await client.credits.get()

    run(main)


def test_errors_are_the_sync_clients(sandbox: Sandbox) -> None:
    async def main() -> None:
        async with zexa.AsyncClient(API_KEY, base_url=sandbox.url, max_retries=0) as client:
            with pytest.raises(zexa.NotFoundError):
                await client.contacts.get("cnt_missing")
            with pytest.raises(zexa.InvalidInputError):
                await client.messages.send(channel="smss", to="+244900000001", sender_id="Z", body="x")  # type: ignore[arg-type]

    run(main)


def test_campaign_wait_calls_async_and_plain_callbacks_on_the_loop(sandbox: Sandbox) -> None:
    async def main() -> None:
        async with zexa.AsyncClient(API_KEY, base_url=sandbox.url) as client:
            contact = await client.contacts.create(name="Ana", phone="+244900000001")
            lst = await client.contact_lists.create(name="L")
            await client.contact_lists.add_contacts(list_ids=[lst.id], contact_ids=[contact.id])
            loop_thread: List[bool] = []

            async def on_progress_async(campaign: zexa.Campaign) -> None:
                loop_thread.append(asyncio.get_running_loop() is not None)

            def on_progress_plain(campaign: zexa.Campaign) -> None:
                asyncio.get_running_loop()  # raises unless called on the loop's thread
                loop_thread.append(True)

            for callback in (on_progress_async, on_progress_plain):
                campaign = await client.campaigns.create(
                    name="C", channel="sms", contact_list_id=lst.id, sender_id="ZEXA", body="hi"
                )
                done = await client.campaigns.wait(campaign.id, poll_interval=0.02, timeout=30, on_progress=callback)
                assert done.status in ("completed", "failed")
            assert len(loop_thread) >= 2 and all(loop_thread)

    run(main)


def test_an_exception_of_on_progress_stops_the_wait(sandbox: Sandbox) -> None:
    async def main() -> None:
        async with zexa.AsyncClient(API_KEY, base_url=sandbox.url) as client:
            contact = await client.contacts.create(name="Ana", phone="+244900000001")
            lst = await client.contact_lists.create(name="L")
            await client.contact_lists.add_contacts(list_ids=[lst.id], contact_ids=[contact.id])
            campaign = await client.campaigns.create(
                name="C", channel="sms", contact_list_id=lst.id, sender_id="ZEXA", body="hi"
            )

            async def stop(campaign: zexa.Campaign) -> None:
                raise LookupError("enough")

            with pytest.raises(LookupError, match="enough"):
                await client.campaigns.wait(campaign.id, poll_interval=0.02, on_progress=stop)

    run(main)


def silent_server() -> RawServer:
    """A server that reads requests and never answers."""
    return RawServer(lambda request: None)


def test_cancelling_a_get_abandons_it_without_blocking_the_loop() -> None:
    server = silent_server()

    async def main() -> None:
        client = zexa.AsyncClient("zx_test", base_url=server.base_url, max_retries=0, timeout=120)
        task = asyncio.ensure_future(client.contacts.get("cnt_1"))
        await until(server.received.is_set, "the request to arrive")
        task.cancel()
        # The server never answers: the task can only end because the call was abandoned.
        with pytest.raises(zexa.CallCancelled) as caught:
            await task
        assert task.cancelled()
        assert caught.value.may_have_executed is False
        assert isinstance(caught.value, asyncio.CancelledError)
        await client.aclose()

    try:
        run(main)
    finally:
        server.close()


def test_a_cancelled_post_on_the_wire_may_have_executed() -> None:
    server = silent_server()

    async def main() -> None:
        client = zexa.AsyncClient("zx_test", base_url=server.base_url, max_retries=0, timeout=120)
        task = asyncio.ensure_future(client.contacts.create(name="Ana", phone="+244900000001"))
        await until(server.received.is_set, "the POST to arrive")
        task.cancel()
        with pytest.raises(zexa.CallCancelled) as caught:
            await task
        assert caught.value.may_have_executed is True
        assert caught.value.attempts == 1
        await client.aclose()

    try:
        run(main)
    finally:
        server.close()


def test_a_cancelled_call_still_queued_never_starts() -> None:
    server = silent_server()

    async def main() -> None:
        client = zexa.AsyncClient("zx_test", base_url=server.base_url, max_retries=0, timeout=120, max_workers=1)
        first = asyncio.ensure_future(client.contacts.get("cnt_1"))
        await until(server.received.is_set, "the first request")
        queued = asyncio.ensure_future(client.contacts.create(name="Ana", phone="+244900000001"))
        await asyncio.sleep(0)  # let it reach the pool's queue
        queued.cancel()
        with pytest.raises(zexa.CallCancelled) as caught:
            await queued
        assert caught.value.may_have_executed is False
        first.cancel()
        with pytest.raises(zexa.CallCancelled):
            await first
        await client.aclose()
        assert server.count == 1

    try:
        run(main)
    finally:
        server.close()


def test_max_workers_is_checked_and_defaults_to_the_cores_pool_size() -> None:
    async def main() -> None:
        client = zexa.AsyncClient("zx_test", base_url="http://127.0.0.1:9/v1")
        assert client.max_workers == zexa._native.DEFAULT_MAX_IDLE_CONNECTIONS
        await client.aclose()
        with pytest.raises(ValueError, match="max_workers"):
            zexa.AsyncClient("zx_test", max_workers=0)
        with pytest.raises(TypeError, match="max_workers"):
            zexa.AsyncClient("zx_test", max_workers=True)

    run(main)


def test_with_options_shares_the_workers(sandbox: Sandbox) -> None:
    async def main() -> None:
        async with zexa.AsyncClient(API_KEY, base_url=sandbox.url, max_workers=3) as client:
            other = client.with_options(timeout=5)
            assert other.timeout == 5 and other.max_workers == 3
            assert (await other.credits.get()).balance >= 0

    run(main)


def test_async_signatures_follow_the_sync_resources() -> None:
    for name in ("contacts", "contact_lists", "campaigns", "messages", "sender_ids", "webhooks", "credits", "exports"):
        sync_class = type(getattr(zexa.Client("zx_test"), name))
        async_class = getattr(zexa, "Async" + sync_class.__name__)
        public = {n for n in dir(sync_class) if not n.startswith("_")}
        assert public == {n for n in dir(async_class) if not n.startswith("_")}
        for method in public - {"with_raw_response"}:
            assert asyncio.iscoroutinefunction(getattr(async_class, method)), method




def test_a_burst_of_calls_runs_on_as_many_workers() -> None:
    """64 calls submitted at once are all on the wire together (one worker each), not queued
    behind one another: the silent server sees every request while none has an answer."""
    server = silent_server()

    async def main() -> None:
        client = zexa.AsyncClient("zx_test", base_url=server.base_url, max_retries=0, timeout=120, max_workers=64)
        tasks = [asyncio.ensure_future(client.contacts.get(f"cnt_{i}")) for i in range(64)]
        await until(lambda: server.count == 64, "64 requests at once")
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await client.aclose()

    try:
        run(main)
    finally:
        server.close()
