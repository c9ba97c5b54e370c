"""``messages.send_many``: every message once, a journal that makes a rerun send nothing twice,
a dry run, progress as it happens, bad items, and the async client. Counted at the sandbox."""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path
from typing import Any, Dict, Iterator, List

import pytest

import zexa
from conftest import API_KEY, Sandbox


def invoices(n: int, first: int = 0) -> Iterator[Dict[str, Any]]:
    for i in range(first, first + n):
        yield {
            "ref": f"inv-{i}",
            "channel": "sms",
            "to": f"+2449{i:08d}",
            "sender_id": "ZEXA",
            "body": f"Olá cliente {i}, a sua fatura {1000 + i} está pronta",
        }


def per_recipient(sandbox: Sandbox) -> Counter[str]:
    messages = sandbox.admin("GET", "/_sandbox/messages")
    items = messages["data"] if isinstance(messages, dict) else messages
    return Counter(m["to"] for m in items)


def test_every_message_once_with_progress_as_it_happens(sandbox: Sandbox, client: zexa.Client) -> None:
    seen: List[Any] = []
    result = client.messages.send_many(invoices(60), concurrency=16, on_progress=seen.append)
    assert isinstance(result, zexa.BulkResult)
    assert len(result.sent) == 60 and result.total == 60
    assert isinstance(result.sent["inv-7"], zexa.Message)
    assert len(seen) == 60 and all(kind == "sent" for _, kind, _ in seen)
    counts = per_recipient(sandbox)
    assert len(counts) == 60 and set(counts.values()) == {1}


def test_a_rerun_with_the_journal_skips_what_was_sent(sandbox: Sandbox, client: zexa.Client, tmp_path: Path) -> None:
    journal = tmp_path / "invoices.journal"
    first = client.messages.send_many(invoices(20), journal=journal)
    assert len(first.sent) == 20
    before = sandbox.requests()
    again = client.messages.send_many(invoices(20), journal=str(journal))
    assert len(again.skipped) == 20 and not again.sent
    assert again.skipped["inv-3"] == first.sent["inv-3"].id
    assert sandbox.requests() == before
    # Another input under the same refs is refused before anything is sent.
    other = ({**m, "body": "outra coisa"} for m in invoices(20))
    with pytest.raises(zexa.InvalidInputError, match="another input"):
        client.messages.send_many(other, journal=journal)
    assert sandbox.requests() == before


def test_a_dry_run_checks_and_counts_without_sending(sandbox: Sandbox, client: zexa.Client) -> None:
    before = sandbox.requests()
    items = list(invoices(5))
    items[2]["to"] = "0912 345"
    result = client.messages.send_many(items, dry_run=True)
    assert result.checked == 4 and result.segments == 4
    assert list(result.failed) == ["inv-2"]
    assert isinstance(result.failed["inv-2"], zexa.InvalidInputError)
    assert not result.failed["inv-2"].may_have_executed
    assert sandbox.requests() == before


def test_positions_are_the_default_refs_and_bad_items_name_the_problem(client: zexa.Client) -> None:
    items = [{k: v for k, v in m.items() if k != "ref"} for m in invoices(3)]
    result = client.messages.send_many(items)
    assert sorted(result.sent) == ["0", "1", "2"]
    with pytest.raises(TypeError, match="sender_id"):
        client.messages.send_many([{"channel": "sms", "to": "+244912345678", "body": "x"}])
    with pytest.raises(TypeError, match="dict"):
        client.messages.send_many(["not a dict"])
    with pytest.raises(zexa.InvalidInputError, match="channel"):
        client.messages.send_many([{"channel": "smss", "to": "+244912345678", "sender_id": "ZEXA", "body": "x"}])
    with pytest.raises(TypeError, match="no raw response"):
        client.messages.with_raw_response.send_many(invoices(1))


def test_an_exception_in_on_progress_stops_the_run(sandbox: Sandbox, client: zexa.Client) -> None:
    def stop(outcome: Any) -> None:
        raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here"):
        client.messages.send_many(invoices(200, first=500), concurrency=1, on_progress=stop)
    assert sum(per_recipient(sandbox).values()) < 200


def test_the_async_client_sends_many_too(sandbox: Sandbox) -> None:
    async def main() -> zexa.BulkResult:
        seen: List[Any] = []

        async def progress(outcome: Any) -> None:
            seen.append(outcome)

        async with zexa.AsyncClient(API_KEY, base_url=sandbox.url) as client:
            result = await client.messages.send_many(invoices(30, first=900), concurrency=8, on_progress=progress)
        assert len(seen) == 30
        return result

    result = asyncio.run(main())
    assert len(result.sent) == 30
    assert set(per_recipient(sandbox).values()) == {1}
