"""The exception hierarchy of the SDK.

Every failure of the Rust core is raised as one of these classes; the choice is made in one
place, from the core's error kind (``python/src/errors.rs``).
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Tuple, Type

__all__ = [
    "ZexaError",
    "InvalidInputError",
    "APIConnectionError",
    "APITimeoutError",
    "WaitTimeoutError",
    "DownloadWriteError",
    "DecodeError",
    "APIError",
    "BadRequestError",
    "AuthenticationError",
    "NotFoundError",
    "ConflictError",
    "ValidationError",
    "InsufficientCreditsError",
    "RateLimitError",
    "ServerError",
    "Interrupted",
]


class ZexaError(Exception):
    """Base class of every error raised by the SDK."""

    message: str
    """What went wrong (never contains the API key)."""
    may_have_executed: bool
    """Whether the request may have taken effect on the server although the call failed.

    ``False`` when it surely did not: nothing was sent (a local refusal, a connection never
    made, a refused TLS certificate or proxy), the server refused it (every 4xx, 429 included),
    or it was a GET. ``True`` when it may have: the connection failed or timed out after the
    request may have left, the server answered 5xx, or a 2xx answer could not be read. Never
    resend a message or campaign whose send failed with ``True`` without looking it up first.
    """

    def __init__(self, message: str, *, may_have_executed: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.may_have_executed = may_have_executed

    def __reduce__(self) -> Tuple[Any, ...]:
        # An exception pickles as ``cls(*args)`` by default, which these keyword-only
        # attributes would not survive (and some subclasses require them): rebuild it
        # without ``__init__`` and restore every attribute.
        return (_restore, (type(self), self.args, dict(self.__dict__)))


def _restore(cls: Type[ZexaError], args: Tuple[Any, ...], state: Dict[str, Any]) -> ZexaError:
    """Rebuilds a pickled error (see ``ZexaError.__reduce__``)."""
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class InvalidInputError(ZexaError, ValueError):
    """The client refused an argument before sending anything (e.g. a phone number not in E.164)."""

    field: Optional[str]
    """The argument or field at fault, e.g. ``"phone"``."""
    reason: Optional[str]
    """Why it was refused."""

    def __init__(
        self,
        message: str,
        *,
        field: Optional[str] = None,
        reason: Optional[str] = None,
        may_have_executed: bool = False,
    ) -> None:
        super().__init__(message, may_have_executed=may_have_executed)
        self.field = field
        self.reason = reason


class APIConnectionError(ZexaError):
    """The request could not be delivered or its answer could not be read."""

    attempts: int
    """How many attempts were made, retries included."""

    def __init__(self, message: str, *, attempts: int = 1, may_have_executed: bool = False) -> None:
        super().__init__(message, may_have_executed=may_have_executed)
        self.attempts = attempts


class APITimeoutError(APIConnectionError):
    """A call (or ``campaigns.wait``) did not finish within its timeout."""


class WaitTimeoutError(APITimeoutError):
    """``campaigns.wait`` or ``exports.wait`` ran out of time before the campaign or export
    was final (no request hung)."""

    campaign: Any
    """The campaign as the last poll saw it (a ``zexa.Campaign``), for ``campaigns.wait``."""
    export: Any
    """The export as the last poll saw it (a ``zexa.Export``), for ``exports.wait``."""

    def __init__(
        self,
        message: str,
        *,
        campaign: Any = None,
        export: Any = None,
        attempts: int = 1,
        may_have_executed: bool = False,
    ) -> None:
        super().__init__(message, attempts=attempts, may_have_executed=may_have_executed)
        self.campaign = campaign
        self.export = export


class DownloadWriteError(ZexaError, OSError):
    """Writing a download to its destination failed (a full disk, a closed file); the download
    stopped there."""


class DecodeError(ZexaError):
    """A successful answer (or a webhook payload) that is not the JSON the SDK expects."""

    status_code: Optional[int]
    """HTTP status of the answer (0 for a webhook payload)."""

    def __init__(
        self, message: str, *, status_code: Optional[int] = None, may_have_executed: bool = False
    ) -> None:
        super().__init__(message, may_have_executed=may_have_executed)
        self.status_code = status_code


class APIError(ZexaError):
    """The API answered with an error status; the subclass tells which."""

    status_code: int
    """HTTP status code, e.g. 422."""
    code: str
    """Machine-readable code from the body (``validation_error``...), or ``http_<status>``."""
    details: Any
    """Extra context from the body (such as the invalid field), or ``None``."""
    request_id: Optional[str]
    """The request ID to quote to Zexa support, when the API gave one."""
    retry_after: Optional[float]
    """Seconds the server asked to wait (the ``Retry-After`` header), on 429."""
    attempts: int
    """How many attempts were made, retries included."""

    def __init__(
        self,
        description: str,
        *,
        status_code: int,
        code: str,
        message: str,
        details: Any = None,
        request_id: Optional[str] = None,
        retry_after: Optional[float] = None,
        attempts: int = 1,
        may_have_executed: bool = False,
    ) -> None:
        super().__init__(description, may_have_executed=may_have_executed)
        self.message = message
        self.status_code = status_code
        self.code = code
        self.details = details
        self.request_id = request_id
        self.retry_after = retry_after
        self.attempts = attempts


class BadRequestError(APIError):
    """HTTP 400 ``invalid_request``."""


class AuthenticationError(APIError):
    """HTTP 401: the API key is missing, wrong or revoked."""


class NotFoundError(APIError):
    """HTTP 404: no such resource."""


class ConflictError(APIError):
    """HTTP 409, e.g. a contact with this phone number already exists."""


class ValidationError(APIError):
    """HTTP 422 ``validation_error``: the API refused a field."""


class InsufficientCreditsError(APIError):
    """HTTP 422 ``insufficient_credits``: the balance does not cover the send."""


class RateLimitError(APIError):
    """HTTP 429: too many requests; ``retry_after`` says how long to wait."""


class ServerError(APIError):
    """HTTP 5xx from the API or a proxy in front of it."""


class Interrupted(KeyboardInterrupt):
    """Ctrl-C (SIGINT) stopped a call: a ``KeyboardInterrupt``, so ``except KeyboardInterrupt``
    catches it, and deliberately not a ``ZexaError`` (an ``except Exception`` must not swallow
    Ctrl-C).

    Raised within a fraction of a second, whatever the call was doing (a request, a retry
    back-off, a ``Retry-After`` wait, a campaign wait). The call is abandoned: no further
    attempt starts, and an answer still on its way is dropped.
    """

    message: str
    """What was interrupted."""
    may_have_executed: bool
    """Whether a request that can take effect (not a GET) was on the wire when Ctrl-C came:
    then a message or campaign may have been created; look it up before sending it again."""
    attempts: int
    """How many attempts had started."""

    def __init__(self, message: str, *, may_have_executed: bool = False, attempts: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.may_have_executed = may_have_executed
        self.attempts = attempts

    def __reduce__(self) -> Tuple[Any, ...]:
        # Keyword attributes survive pickling, as for ``ZexaError``.
        return (_restore_interrupt, (self.args, dict(self.__dict__)))


def _restore_interrupt(args: Tuple[Any, ...], state: Dict[str, Any]) -> Interrupted:
    """Rebuilds a pickled ``Interrupted``."""
    error = Interrupted.__new__(Interrupted, *args)
    error.args = args
    error.__dict__.update(state)
    return error

