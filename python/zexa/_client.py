"""``Client``: the entry point of the SDK."""

from __future__ import annotations

import enum
import os
import weakref
from types import TracebackType
from typing import Any, Literal, Mapping, Optional, Type, Union

from ._native import NativeClient, NetworkOptions
from ._resources import (
    Campaigns,
    ContactLists,
    Contacts,
    CreditsResource,
    Exports,
    Messages,
    SenderIds,
    Webhooks,
)

__all__ = ["Client"]

QueryValue = Union[str, int, float, bool]


class _NotGiven(enum.Enum):
    """The default of ``proxy``: told apart from an explicit ``proxy=None`` (no proxy)."""

    NOT_GIVEN = "NOT_GIVEN"

    def __repr__(self) -> str:
        return "NOT_GIVEN"


_NOT_GIVEN: Literal[_NotGiven.NOT_GIVEN] = _NotGiven.NOT_GIVEN


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
    proxy: Union[str, None, Literal[_NotGiven.NOT_GIVEN]],
    trust_env: Optional[bool],
    os_trust_store: Optional[bool],
) -> NetworkOptions:
    """The proxy and trust settings for the core; ``None`` leaves a setting at its default."""
    if proxy is not _NOT_GIVEN and proxy is not None and not isinstance(proxy, str):
        raise TypeError(f"proxy must be a URL string or None, not {type(proxy).__name__}")
    given = proxy is not _NOT_GIVEN
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


class Client:
    """A client of the Zexa API.

    ``api_key`` falls back to the ``ZEXA_API_KEY`` environment variable and ``base_url`` to
    ``ZEXA_BASE_URL``, then ``https://api.zexa.ao/v1``; without any key, ``zexa.ZexaError``
    (an ``InvalidInputError``) is raised. ``timeout`` bounds each attempt in seconds;
    ``max_retries`` is how many times a failed idempotent call is sent again;
    ``total_timeout`` (seconds, default none) bounds a whole call, retries and their waits
    included.
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
    it as a context manager or just let it go.
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

    def __init__(
        self,
        api_key: Optional[str] = None,
        *,
        base_url: Optional[str] = None,
        timeout: float = 30.0,
        max_retries: int = 2,
        total_timeout: Optional[float] = None,
        app_name: Optional[str] = None,
        ca_cert: Union[str, bytes, "os.PathLike[str]", None] = None,
        proxy: Union[str, None, Literal[_NotGiven.NOT_GIVEN]] = _NOT_GIVEN,
        trust_env: Optional[bool] = None,
        os_trust_store: Optional[bool] = None,
        max_idle_connections: Optional[int] = None,
        idle_timeout: Optional[float] = None,
    ) -> None:
        """Creates a client; see the class documentation for the settings."""
        native = NativeClient(
            api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            total_timeout=total_timeout,
            app_name=app_name,
            ca_cert_pem=_read_pem(ca_cert),
            network=_network(proxy, trust_env, os_trust_store),
            max_idle_connections=max_idle_connections,
            idle_timeout=idle_timeout,
        )
        self._attach(native)

    def _attach(self, native: NativeClient) -> None:
        _LIVE_NATIVES.add(native)
        self._native = native
        self.contacts = Contacts(native)
        self.contact_lists = ContactLists(native)
        self.campaigns = Campaigns(native)
        self.messages = Messages(native)
        self.sender_ids = SenderIds(native)
        self.webhooks = Webhooks(native)
        self.credits = CreditsResource(native)
        self.exports = Exports(native)

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
        return self._native.request(method, path, query=pairs, json=json)

    def close(self) -> None:
        """Releases the client. Connections are pooled and closed when the last user lets go."""

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
