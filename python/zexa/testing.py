"""A test double for code that uses ``zexa``: the Zexa sandbox, embedded in-process.

>>> from zexa.testing import Fault, Sandbox
>>> with Sandbox(manual_clock=True) as sandbox:  # doctest: +SKIP
...     client = sandbox.client()
...     client.messages.send(channel="sms", to="+244912345678", sender_id="ZEXA", body="Olá")
...     sandbox.advance(1.0)  # every message reaches its final status, webhooks are POSTed
...     assert sandbox.messages(recipient="+244912345678")[0].status == "delivered"

The sandbox is the Rust ``zexa-sandbox`` running on threads of this process (no binary, no
subprocess); its controls are the same as the Rust ``Sandbox`` methods and the ``/_sandbox``
admin endpoints. With pytest, the ``zexa_sandbox`` fixture (registered by this package) gives
each test a fresh one; ``@pytest.mark.zexa_sandbox(manual_clock=True, ...)`` configures it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import timedelta
from types import TracebackType
from typing import Any, Dict, List, Literal, Mapping, Optional, Sequence, Type, Union

from ._client import Client
from ._native import NativeSandbox

__all__ = ["Fault", "Sandbox", "SentMessage", "Stats", "WebhookDelivery"]


@dataclass(frozen=True)
class Fault:
    """One injected misbehaviour; fields left ``None`` take the sandbox's defaults.

    - ``status``: answer ``status`` (400-599) without executing, with a JSON error body, or an
      HTML page when ``json`` is false;
    - ``rate_limit``: 429 with ``Retry-After: retry_after``, without executing;
    - ``close``: close the connection without answering; ``hang``: never answer;
    - ``delay``: wait ``ms`` then handle normally; ``truncate``: handle, then cut the body short;
    - ``drip``: handle, then send the body one byte every ``ms``.
    """

    kind: Literal["status", "close", "delay", "truncate", "rate_limit", "drip", "hang"]
    status: Optional[int] = None
    json: Optional[bool] = None
    ms: Optional[int] = None
    retry_after: Optional[int] = None

    def _to_json(self) -> str:
        fields = {"kind": self.kind, "status": self.status, "json": self.json, "ms": self.ms, "retry_after": self.retry_after}
        return json.dumps({k: v for k, v in fields.items() if v is not None})


@dataclass(frozen=True)
class SentMessage:
    """A message the sandbox accepted (standalone or a campaign recipient's), as of now."""

    id: str
    status: str
    channel: str
    to: str
    sender: str
    """The ``from`` of the message."""
    campaign_id: Optional[str]
    body: Optional[str]
    template: Optional[Dict[str, Any]]
    created_at: str
    sent_at: Optional[str]
    delivered_at: Optional[str]
    failed_at: Optional[str]
    error: Optional[Dict[str, Any]]

    @classmethod
    def _from_json(cls, data: Mapping[str, Any]) -> SentMessage:
        return cls(
            id=data["id"],
            status=data["status"],
            channel=data["channel"],
            to=data["to"],
            sender=data["from"],
            campaign_id=data.get("campaign_id"),
            body=data.get("body"),
            template=data.get("template"),
            created_at=data["created_at"],
            sent_at=data.get("sent_at"),
            delivered_at=data.get("delivered_at"),
            failed_at=data.get("failed_at"),
            error=data.get("error"),
        )


@dataclass(frozen=True)
class WebhookDelivery:
    """One webhook POST the sandbox attempted, with the event it sent."""

    url: str
    event_type: str
    payload: Dict[str, Any]
    status_code: Optional[int]
    """The receiver's HTTP status, when it answered."""
    error: Optional[str]
    """Why there was no answer, when it did not."""

    @classmethod
    def _from_json(cls, data: Mapping[str, Any]) -> WebhookDelivery:
        return cls(
            url=data["url"],
            event_type=data["event_type"],
            payload=data["payload"],
            status_code=data.get("status_code"),
            error=data.get("error"),
        )


@dataclass(frozen=True)
class Stats:
    """Request counters since the start or the last reset."""

    requests: int
    faults_applied: int
    by_route: Dict[str, int] = field(default_factory=lambda: {})  # (a lambda: typed, unlike `dict`)
    """Requests per route, e.g. ``{"POST /v1/messages": 2}``."""


class Sandbox:
    """An embedded Zexa sandbox, started on a free loopback port when created.

    Use it as a context manager (or call ``stop()``). Arguments left ``None`` keep the
    sandbox's defaults: key ``zx_sandbox_key``, 10000 credits, senders ``ZEXA`` and
    ``noreply@zexa.ao``, ``delivery_ms`` 500, ``failure_rate`` 0.05, ``seed`` 42. With
    ``manual_clock=True`` time stands still until ``advance()``.
    """

    def __init__(
        self,
        *,
        api_key: Optional[str] = None,
        credits: Optional[float] = None,
        sender_ids: Optional[Sequence[str]] = None,
        seed_contacts: Optional[int] = None,
        rate_limit: Optional[int] = None,
        delivery_ms: Optional[int] = None,
        failure_rate: Optional[float] = None,
        seed: Optional[int] = None,
        latency_ms: Optional[int] = None,
        manual_clock: bool = False,
    ) -> None:
        """Starts the sandbox (``RuntimeError`` if it cannot, ``ValueError`` on a bad setting)."""
        self._native = NativeSandbox(
            api_key=api_key,
            credits=credits,
            sender_ids=None if sender_ids is None else list(sender_ids),
            seed_contacts=seed_contacts,
            rate_limit=rate_limit,
            delivery_ms=delivery_ms,
            failure_rate=failure_rate,
            seed=seed,
            latency_ms=latency_ms,
            manual_clock=manual_clock,
        )

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.stop()

    def stop(self) -> None:
        """Stops the server; further calls raise ``RuntimeError`` (stopping twice is fine)."""
        self._native.stop()

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/v1``."""
        return self._native.base_url

    @property
    def inbox_url(self) -> str:
        """``http://127.0.0.1:PORT/``: the inbox page with every message sent."""
        return self._native.inbox_url

    @property
    def api_key(self) -> str:
        """The one key the sandbox accepts."""
        return self._native.api_key

    @property
    def manual_clock(self) -> bool:
        """Whether time moves only with ``advance()``."""
        return self._native.manual_clock

    def client(self, **options: Any) -> Client:
        """A ``zexa.Client`` for this sandbox; ``options`` are passed on (``timeout``, ...)."""
        options.setdefault("api_key", self.api_key)
        options.setdefault("base_url", self.base_url)
        return Client(**options)

    def inject_fault(self, fault: Fault, *, count: int = 1, path: Optional[str] = None) -> None:
        """Queues ``count`` copies of ``fault`` for the next requests under ``path``
        (``"/messages"``), or any request when ``path`` is ``None``."""
        if count < 0:
            raise ValueError(f"count must not be negative, got {count}")
        self._native.inject_fault(fault._to_json(), count, path)

    def clear_faults(self) -> None:
        """Empties the fault queue."""
        self._native.clear_faults()

    def set_fault_rate(self, rate: float, kinds: Sequence[Fault] = ()) -> None:
        """Makes each request take a random fault of ``kinds`` with probability ``rate``
        (seeded); ``rate`` 0 turns it off. ``ValueError`` for a rate outside 0..1, or a
        positive rate with no kinds."""
        self._native.set_fault_rate(rate, "[" + ",".join(k._to_json() for k in kinds) + "]")

    def stats(self) -> Stats:
        """The request counters."""
        data = json.loads(self._native.stats_json())
        return Stats(requests=data["requests"], faults_applied=data["faults_applied"], by_route=dict(data["by_route"]))

    def reset(self) -> None:
        """Returns every piece of state to the start (a manual clock keeps its time)."""
        self._native.reset()

    def messages(
        self,
        *,
        recipient: Optional[str] = None,
        channel: Optional[str] = None,
        campaign: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> List[SentMessage]:
        """The messages sent, oldest first, filtered by recipient, channel and campaign ID;
        ``limit`` keeps the newest ones."""
        if limit is not None and limit < 0:
            raise ValueError(f"limit must not be negative, got {limit}")
        raw = self._native.messages_json(recipient, channel, campaign, limit)
        return [SentMessage._from_json(m) for m in json.loads(raw)]

    def sent_messages(self) -> List[SentMessage]:
        """Every message sent, oldest first."""
        return self.messages()

    def webhook_deliveries(self) -> List[WebhookDelivery]:
        """Every webhook POST attempted, oldest first, with its payload."""
        return [WebhookDelivery._from_json(d) for d in json.loads(self._native.webhook_deliveries_json())]

    def advance(self, by: Union[float, timedelta]) -> None:
        """Moves the manual clock forward by ``by`` (seconds, or a ``timedelta``); the webhook
        events that became due are POSTed before it returns. ``RuntimeError`` on a sandbox
        without ``manual_clock=True``."""
        seconds = by.total_seconds() if isinstance(by, timedelta) else float(by)
        if not seconds >= 0:
            raise ValueError(f"advance() takes a non-negative duration, got {by!r}")
        self._native.advance(round(seconds * 1000))
