"""``Client``: the entry point of the SDK."""

from __future__ import annotations

import os
import weakref
from types import TracebackType
from typing import TYPE_CHECKING, Any, Mapping, Optional, Type, TypedDict, Union

from ._types import QueryValue
from ._native import (
    NOT_GIVEN,
    NotGiven,
    Campaigns,
    ContactLists,
    Contacts,
    CreditsResource,
    Exports,
    Messages,
    NativeClient,
    NetworkOptions,
    SenderIds,
    Webhooks,
)

__all__ = ["Client", "ClientSettings"]

if TYPE_CHECKING:
    from typing_extensions import Unpack





def _query_value(value: QueryValue) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    raise TypeError(f"query values must be str, int, float or bool, not {type(value).__name__}")


def _read_pem(ca_cert: Union[str, bytes, "os.PathLike[str]", None]) -> Optional[bytes]:
    """PEM bytes given as such, or read from a path."""
    if ca_cert is None or isinstance(ca_cert, bytes):
        return ca_cert
    if isinstance(ca_cert, (str, os.PathLike)):
        with open(ca_cert, "rb") as pem:
            return pem.read()
    raise TypeError(f"ca_cert must be a path or PEM bytes, not {type(ca_cert).__name__}")


def _network(
    proxy: Union[str, None, NotGiven],
    trust_env: Optional[bool],
    os_trust_store: Optional[bool],
) -> NetworkOptions:
    """The proxy and trust settings for the core; ``None`` leaves a setting at its default."""
    if not isinstance(proxy, NotGiven) and proxy is not None and not isinstance(proxy, str):
        raise TypeError(f"proxy must be a URL string or None, not {type(proxy).__name__}")
    given = not isinstance(proxy, NotGiven)
    return NetworkOptions(
        proxy_given=given,
        proxy=proxy if isinstance(proxy, str) else None,
        trust_env=trust_env,
        os_trust_store=os_trust_store,
    )


_LIVE_NATIVES: "weakref.WeakSet[NativeClient]" = weakref.WeakSet()
"""Every native client alive in this process, so that a forked child drops their inherited
connections at once (each call would notice the new process by itself anyway)."""


def _after_fork_in_child() -> None:
    for native in list(_LIVE_NATIVES):
        native.after_fork_in_child()


os.register_at_fork(after_in_child=_after_fork_in_child)


class ClientSettings(TypedDict, total=False):
    """The settings of ``zexa.Client`` and ``zexa.AsyncClient``, all keyword-only and optional:
    left out, each is the Rust core's default."""

    base_url: Optional[str]
    """The API root; default ``ZEXA_BASE_URL``, then ``https://api.zexa.ao/v1``."""
    timeout: Optional[float]
    """Seconds each attempt may take."""
    max_retries: Optional[int]
    """How many times a failed idempotent call is sent again."""
    total_timeout: Optional[float]
    """Seconds a whole call may take, retries and their waits included (default: no bound)."""
    app_name: Optional[str]
    """Your application's name, added to the User-Agent."""
    ca_cert: Union[str, bytes, "os.PathLike[str]", None]
    """CA certificates to trust instead of the built-in roots: a PEM file's path or PEM bytes."""
    proxy: Union[str, None, NotGiven]
    """A proxy URL (``http://``, ``socks5://``), ``None`` for none; left out, the environment's."""
    trust_env: Optional[bool]
    """``False`` ignores the proxy variables and ``SSL_CERT_FILE``/``SSL_CERT_DIR``."""
    os_trust_store: Optional[bool]
    """``True`` trusts the operating system's certificate store."""
    max_idle_connections: Optional[int]
    """How many idle connections are kept for reuse (0 keeps none)."""
    idle_timeout: Optional[float]
    """Seconds an unused connection is kept."""


def _native_client(api_key: Optional[str], settings: ClientSettings) -> NativeClient:
    """The native client of ``zexa.Client(api_key, **settings)``."""
    unknown = sorted(set(settings) - ClientSettings.__optional_keys__)
    if unknown:
        raise TypeError(f"Client() got an unexpected keyword argument {unknown[0]!r}")
    return NativeClient(
        api_key,
        base_url=settings.get("base_url"),
        timeout=settings.get("timeout"),
        max_retries=settings.get("max_retries"),
        total_timeout=settings.get("total_timeout"),
        app_name=settings.get("app_name"),
        ca_cert_pem=_read_pem(settings.get("ca_cert")),
        network=_network(settings.get("proxy", NOT_GIVEN), settings.get("trust_env"), settings.get("os_trust_store")),
        max_idle_connections=settings.get("max_idle_connections"),
        idle_timeout=settings.get("idle_timeout"),
    )


class Client:
    """A client of the Zexa API.

    ``api_key`` falls back to the ``ZEXA_API_KEY`` environment variable and ``base_url`` to
    ``ZEXA_BASE_URL``, then ``https://api.zexa.ao/v1``; without any key, ``zexa.ZexaError``
    (an ``InvalidInputError``) is raised. ``timeout`` bounds each attempt in seconds;
    ``max_retries`` is how many times a failed idempotent call is sent again;
    ``total_timeout`` (seconds) bounds a whole call, retries and their waits included. Left
    out, each setting is the Rust core's default (30 s per attempt, 2 retries, no total
    bound: see ``zexa.Client().timeout``).
    ``ca_cert`` trusts the CA certificates of a PEM file (a path) or PEM ``bytes`` instead
    of the built-in web roots, for a private gateway or a test server.
    ``max_idle_connections`` bounds the idle connections kept for reuse (default 64, 0 keeps
    none) and ``idle_timeout`` (seconds, default 30) how long an unused one is kept; each
    idle connection holds a socket and about 36 KiB (76 KiB over TLS). A server with one
    client per tenant sets ``max_idle_connections=1`` (see the README).

    ``proxy="http://host:3128"`` (or ``socks5://user:pass@host:1080``) sends every request
    through that proxy, loopback base URLs included; ``proxy=None`` uses no proxy at all; left
    out, the environment's proxy applies (``HTTPS_PROXY``, ``HTTP_PROXY``, ``ALL_PROXY``,
    ``NO_PROXY``, as curl reads them; a loopback base URL is never proxied from them).
    ``trust_env=False`` ignores the environment: its proxy variables and ``SSL_CERT_FILE`` /
    ``SSL_CERT_DIR``. ``os_trust_store=True`` trusts the operating system's certificate store
    (for a corporate CA) instead of the bundled Mozilla roots. A malformed proxy setting raises
    ``InvalidInputError`` naming it; proxy credentials never appear in errors or logs.

    One client is safe to share across threads (the GIL is released during every call); use
    it as a context manager or call ``close()``: a closed client refuses every call with
    ``zexa.ZexaError``. Every method also takes per-call options as keywords: ``timeout=``,
    ``max_retries=``, ``extra_headers=``, ``extra_query=``; ``client.contacts.with_raw_response``
    (on every resource) answers with ``zexa.APIResponse``.
    """

    __slots__ = (
        "_native",
        "contacts",
        "contact_lists",
        "campaigns",
        "messages",
        "sender_ids",
        "webhooks",
        "credits",
        "exports",
    )

    contacts: Contacts
    """Contacts: create, get, update, delete, list, import, export."""
    contact_lists: ContactLists
    """Contact lists and their members."""
    campaigns: Campaigns
    """Broadcast campaigns."""
    messages: Messages
    """Single messages."""
    sender_ids: SenderIds
    """Registered sender IDs."""
    webhooks: Webhooks
    """Delivery-status webhooks."""
    credits: CreditsResource
    """The credit balance."""
    exports: Exports
    """Contact exports."""

    def __init__(self, api_key: Optional[str] = None, **settings: Unpack[ClientSettings]) -> None:
        """Creates a client; see ``zexa.ClientSettings`` for the settings."""
        self._attach(_native_client(api_key, settings))

    def _attach(self, native: NativeClient) -> None:
        _LIVE_NATIVES.add(native)
        self._native = native
        self.contacts = native.contacts
        self.contact_lists = native.contact_lists
        self.campaigns = native.campaigns
        self.messages = native.messages
        self.sender_ids = native.sender_ids
        self.webhooks = native.webhooks
        self.credits = native.credits
        self.exports = native.exports

    @property
    def base_url(self) -> str:
        """The API root this client talks to."""
        return self._native.base_url

    @property
    def timeout(self) -> float:
        """The per-attempt timeout, in seconds."""
        return self._native.timeout

    @property
    def max_retries(self) -> int:
        """How many times a failed idempotent call is retried."""
        return self._native.max_retries

    @property
    def total_timeout(self) -> Optional[float]:
        """The bound of a whole call in seconds, or ``None``."""
        return self._native.total_timeout

    def with_options(
        self,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        total_timeout: Optional[float] = None,
    ) -> Client:
        """A client with these settings changed that shares this one's connection pool."""
        native = self._native.with_options(timeout=timeout, max_retries=max_retries, total_timeout=total_timeout)
        client = Client.__new__(Client)
        client._attach(native)
        return client

    def request(
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
        """Calls an endpoint this version does not model (e.g. ``request("GET", "/credits")``).

        Same authentication, retries and errors as every other call; ``path`` is appended to the
        base URL. Returns the parsed JSON answer (``None`` for an empty one).
        """
        pairs = None
        if query is not None:
            if not isinstance(query, Mapping):
                raise TypeError(f"query must be a mapping, not {type(query).__name__}")
            pairs = [(str(key), _query_value(value)) for key, value in query.items()]
        return self._native.request(
            method,
            path,
            query=pairs,
            json=json,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
        )

    @property
    def closed(self) -> bool:
        """Whether ``close()`` was called."""
        return self._native.closed

    def close(self) -> None:
        """Closes the client: every later call raises ``zexa.ZexaError`` (calls already running
        finish). Its connections are closed once no client derived with ``with_options``
        shares them any more."""
        self._native.close()

    def __enter__(self) -> Client:
        """Returns the client itself, for ``with zexa.Client() as client:``."""
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        """Closes the client (see ``close``)."""
        self.close()

    def __repr__(self) -> str:
        """The base URL and settings; never the API key."""
        return f"zexa.Client(base_url={self.base_url!r}, timeout={self.timeout}, max_retries={self.max_retries})"
