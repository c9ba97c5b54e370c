"""Type stubs of ``zexa._native``, the compiled binding of the Rust core (private: use ``zexa``)."""

import asyncio
from datetime import datetime
import os
from typing import Any, Callable, Dict, Generic, Iterable, List, Mapping, Optional, Sequence, Tuple, TypeVar, Union, final, type_check_only

from typing_extensions import Literal, Unpack

from ._bulk import BulkMessage, BulkResult, ProgressCallback
from ._response import APIResponse
from ._types import CallOptions, Channel, Destination, FileInput, WaitOptions, WebhookEventType

# The model classes are defined by the binding too (python/src/models/); their stubs are in
# _models.pyi, written from the compiled classes by python/tools/model_stubs.py.
from ._models import *

__all__ = [
    "CORE_VERSION",
    "CHANNELS",
    "CAMPAIGN_STATUSES",
    "MESSAGE_STATUSES",
    "EXPORT_STATUSES",
    "SENDER_ID_STATUSES",
    "WEBHOOK_EVENT_TYPES",
    "DEFAULT_MAX_IDLE_CONNECTIONS",
    "NOT_GIVEN",
    "NotGiven",
    "NativeClient",
    "NativeSandbox",
    "Page",
    "Items",
    "Pages",
    "WorkerPool",
    "Ticket",
    "ResultChannel",
    "Contacts",
    "Exports",
    "ContactLists",
    "Campaigns",
    "Messages",
    "SenderIds",
    "Webhooks",
    "CreditsResource",
    "to_e164",
    "parse_webhook_event",
    "sms_segments",
    "sms_smart_encode",
    "campaigns_preview",
    "NetworkOptions",
    "run_cli",
]
__all__ += ["Model", "Contact", "ContactList", "Campaign", "Message", "SenderId", "Webhook", "Credits", "Export", "UploadPreview", "ImportRowError", "ImportResult", "WebhookEventData", "WebhookEvent", "SmsCharacter", "SmsSegments", "SmsReplacement", "SmsSmartEncoded", "CampaignPreview", "model_literal_types"]  # the models (_models.pyi)

CORE_VERSION: str
"""The version of the Rust core."""
CHANNELS: List[str]
"""The channels this version knows (the core's ``Channel::KNOWN``)."""
CAMPAIGN_STATUSES: List[str]
"""The campaign statuses this version knows."""
MESSAGE_STATUSES: List[str]
"""The message statuses this version knows."""
EXPORT_STATUSES: List[str]
"""The export statuses this version knows."""
SENDER_ID_STATUSES: List[str]
"""The sender ID statuses this version knows."""
WEBHOOK_EVENT_TYPES: List[str]
"""The webhook event types this version knows."""
DEFAULT_MAX_IDLE_CONNECTIONS: int
"""The core's default number of idle connections kept (the default ``AsyncClient`` pool size)."""

@final
class NotGiven:
    """The type of ``NOT_GIVEN``: the default of an argument that, left out, is not sent."""

    def __bool__(self) -> Literal[False]: ...
    def __reduce__(self) -> str: ...

NOT_GIVEN: NotGiven
"""Left out: not sent at all (where ``None`` means "clear it")."""

_T = TypeVar("_T")
_M = TypeVar("_M")


def model_literal_types() -> List[Tuple[str, List[str]]]:
    """The core's string enums and the values this version knows (the Literal types of ``_models``)."""

def to_e164(number: str, default_country_code: Optional[str] = None) -> str:
    """Converts a written phone number to E.164."""

def parse_webhook_event(payload: bytes) -> WebhookEvent:
    """Parses a webhook request body into a ``WebhookEvent``."""

def sms_segments(text: str) -> SmsSegments:
    """The encoding and billed segments of an SMS body."""

def sms_smart_encode(text: str, transliterate: bool) -> SmsSmartEncoded:
    """``text`` with GSM-7 look-alikes, and what was replaced."""

def run_cli(argv: List[str]) -> int:
    """Runs the ``zexa`` command line on ``argv`` and returns its exit code."""

def campaigns_preview(native: NativeClient, contact_list_id: str, channel: str, body: str) -> CampaignPreview:
    """What a campaign would use, without creating it (GIL released during the request)."""

@final
class NetworkOptions:
    """Proxy and trust-store settings for ``NativeClient``."""

    def __new__(
        cls,
        *,
        proxy_given: bool = False,
        proxy: Optional[str] = None,
        trust_env: Optional[bool] = None,
        os_trust_store: Optional[bool] = None,
    ) -> NetworkOptions: ...

@final
class Page(Generic[_M]):
    """One page of a list endpoint: ``data`` (its items), ``total``, ``page``, ``per_page``.

    Iterating a page yields every item from this page to the last one, fetching each further
    page only when the previous one is used up (one page in memory at a time, the GIL released
    while fetching); ``iter_pages()`` yields the pages themselves.
    """

    def __class_getitem__(cls, item: Any) -> Any: ...
    @property
    def data(self) -> List[_M]:
        """This page's items, as models."""
    @property
    def total(self) -> int:
        """How many items the whole list has."""
    @property
    def page(self) -> int:
        """This page's number, from 1."""
    @property
    def per_page(self) -> int:
        """The page size."""
    def has_next_page(self) -> bool:
        """Whether a later page has items."""
    def next_page(self) -> Optional[Page[_M]]:
        """Fetches the next page (GIL released); ``None`` after the last."""
    def __iter__(self) -> Items[_M]:
        """Every item from this page to the last, fetching later pages lazily."""
    def iter_pages(self) -> Pages[_M]:
        """This page and every later one, each fetched when the previous one is done with."""
    def __len__(self) -> int:
        """How many items this page holds."""

@final
class Items(Generic[_M]):
    """The iterator of ``iter(page)``."""

    def __iter__(self) -> Items[_M]: ...
    def __next__(self) -> _M: ...

@final
class Pages(Generic[_M]):
    """The iterator of ``page.iter_pages()``."""

    def __iter__(self) -> Pages[_M]: ...
    def __next__(self) -> Page[_M]: ...

@final
class WorkerPool:
    """The worker threads of ``zexa.AsyncClient`` (native threads that never take the GIL)."""

    def __new__(cls, max_workers: int) -> WorkerPool: ...
    @property
    def max_workers(self) -> int:
        """How many calls run at once, at most."""
    def submit(
        self,
        channel: ResultChannel,
        future: "asyncio.Future[Any]",
        function: Callable[..., Any],
        args: Tuple[Any, ...],
        kwargs: Optional[Dict[str, Any]] = None,
    ) -> Ticket:
        """Calls the resource method ``function`` here and runs its core call on a worker; ``future`` gets the outcome."""
    def close(self) -> None:
        """Starts no further call."""

@final
class Ticket:
    """One call's cancellation handle."""

    def cancel(self) -> None:
        """Stops the call (never blocks)."""
    @property
    def may_have_executed(self) -> bool:
        """Whether a request that can take effect was on the wire, or may have been processed."""
    @property
    def attempts(self) -> int:
        """How many attempts have started."""

@final
class ResultChannel:
    """Where the workers leave the outcomes of one event loop's calls."""

    def __new__(cls) -> ResultChannel: ...
    def fileno(self) -> int:
        """The socket to watch with ``loop.add_reader``."""
    def drain(self) -> None:
        """Resolves the futures of every finished call."""

@final
class NativeClient:
    """The core client behind a ``zexa.Client``: its settings, resources and ``close()``."""

    def __new__(
        cls,
        api_key: Optional[str] = None,
        *,
        base_url: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        total_timeout: Optional[float] = None,
        app_name: Optional[str] = None,
        ca_cert_pem: Optional[bytes] = None,
        network: Optional[NetworkOptions] = None,
        max_idle_connections: Optional[int] = None,
        idle_timeout: Optional[float] = None,
    ) -> NativeClient: ...
    @property
    def base_url(self) -> str:
        """The API root this client talks to."""
    @property
    def timeout(self) -> float:
        """The per-attempt timeout, in seconds."""
    @property
    def max_retries(self) -> int:
        """The retry budget."""
    @property
    def total_timeout(self) -> Optional[float]:
        """The bound of a whole call in seconds, or ``None``."""
    @property
    def closed(self) -> bool:
        """Whether ``close()`` was called."""
    def close(self) -> None:
        """Refuses every later call with ``zexa.ZexaError``."""
    def after_fork_in_child(self) -> None:
        """In a forked child: drops the connections inherited from the parent."""
    def with_options(
        self,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        total_timeout: Optional[float] = None,
    ) -> NativeClient:
        """A client with other settings sharing this one's connection pool."""
    def request(
        self,
        method: str,
        path: str,
        *,
        query: Optional[Sequence[Tuple[str, str]]] = None,
        json: Optional[Any] = None,
        **options: Unpack[CallOptions],
    ) -> Any:
        """Any endpoint; parsed JSON back."""
    @property
    def contacts(self) -> Contacts:
        """``client.contacts``."""
    @property
    def exports(self) -> Exports:
        """``client.exports``."""
    @property
    def contact_lists(self) -> ContactLists:
        """``client.contact_lists``."""
    @property
    def campaigns(self) -> Campaigns:
        """``client.campaigns``."""
    @property
    def messages(self) -> Messages:
        """``client.messages``."""
    @property
    def sender_ids(self) -> SenderIds:
        """``client.sender_ids``."""
    @property
    def webhooks(self) -> Webhooks:
        """``client.webhooks``."""
    @property
    def credits(self) -> CreditsResource:
        """``client.credits``."""

# ---- resources (BEGIN: the source of zexa/_async_resources.pyi and of the raw views, see
# python/gen_stubs.py; edit here and run it) ----

@final
class Contacts:
    """Contacts: create, get, update, delete, list and search, bulk import, export."""

    @property
    def with_raw_response(self) -> _ContactsRaw:
        """The same methods, each answering with a ``zexa.APIResponse``."""
    def create(
        self,
        *,
        name: str,
        phone: str,
        email: Optional[str] = None,
        lists: Optional[Sequence[str]] = None,
        custom_fields: Optional[Mapping[str, str]] = None,
        **options: Unpack[CallOptions],
    ) -> Contact:
        """Creates a contact; ``phone`` must be E.164 (see ``zexa.to_e164``)."""
    def get(self, contact_id: str, **options: Unpack[CallOptions]) -> Contact:
        """Fetches one contact."""
    def update(
        self,
        contact_id: str,
        *,
        name: Union[str, NotGiven] = NOT_GIVEN,
        phone: Union[str, NotGiven] = NOT_GIVEN,
        email: Union[str, None, NotGiven] = NOT_GIVEN,
        lists: Union[Sequence[str], NotGiven] = NOT_GIVEN,
        custom_fields: Union[Mapping[str, str], None, NotGiven] = NOT_GIVEN,
        **options: Unpack[CallOptions],
    ) -> Contact:
        """Changes the given fields of a contact; ``None`` clears ``email`` or ``custom_fields``."""
    def delete(self, contact_id: str, **options: Unpack[CallOptions]) -> None:
        """Deletes one contact."""
    def delete_many(self, contact_ids: Sequence[str], **options: Unpack[CallOptions]) -> None:
        """Deletes several contacts in one call."""
    def list(
        self,
        *,
        list_id: Optional[str] = None,
        name: Optional[str] = None,
        phone: Optional[str] = None,
        email: Optional[str] = None,
        gender: Optional[str] = None,
        valid: Optional[bool] = None,
        channel: Optional[Channel] = None,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
        **options: Unpack[CallOptions],
    ) -> Page[Contact]:
        """One page of contacts matching the filters; iterate it to walk every page."""
    def upload(
        self, file: FileInput, *, filename: Optional[str] = None, **options: Unpack[CallOptions]
    ) -> UploadPreview:
        """Uploads a CSV or Excel file (a path, or its bytes with ``filename``) and returns a preview."""
    def upload_vcard(
        self, file: FileInput, *, filename: Optional[str] = None, **options: Unpack[CallOptions]
    ) -> UploadPreview:
        """Uploads a vCard (.vcf) file (a path, or its bytes with ``filename``) and returns a preview."""
    def import_mapped(
        self,
        upload_id: str,
        *,
        mapping: Mapping[str, str],
        lists: Optional[Sequence[str]] = None,
        **options: Unpack[CallOptions],
    ) -> ImportResult:
        """Imports an uploaded file, mapping its columns to contact fields."""
    def import_vcard(
        self, upload_id: str, *, lists: Optional[Sequence[str]] = None, **options: Unpack[CallOptions]
    ) -> ImportResult:
        """Imports an uploaded vCard file."""
    def export(
        self,
        *,
        list_id: Optional[str] = None,
        format: Optional[Literal["csv"]] = None,
        **options: Unpack[CallOptions],
    ) -> Export:
        """Starts an export of contacts (all, or one list's)."""

@final
class Exports:
    """Contact exports."""

    @property
    def with_raw_response(self) -> _ExportsRaw:
        """The same methods, each answering with a ``zexa.APIResponse``."""
    def get(self, export_id: str, **options: Unpack[CallOptions]) -> Export:
        """Fetches an export, to see whether it is ready for download."""
    def wait(
        self,
        export_id: str,
        *,
        poll_interval: Optional[float] = None,
        timeout: Optional[float] = None,
        **options: Unpack[WaitOptions],
    ) -> Export:
        """Polls an export until it is ``completed`` or ``failed`` and returns it."""
    def download(
        self, export: Union[Export, str], destination: Destination, **options: Unpack[CallOptions]
    ) -> int:
        """Streams a completed export's file into ``destination`` (a path or a binary file); returns the bytes written."""

@final
class ContactLists:
    """Contact lists and their members."""

    @property
    def with_raw_response(self) -> _ContactListsRaw:
        """The same methods, each answering with a ``zexa.APIResponse``."""
    def create(
        self, *, name: str, description: Optional[str] = None, **options: Unpack[CallOptions]
    ) -> ContactList:
        """Creates a contact list."""
    def list(
        self, *, page: Optional[int] = None, per_page: Optional[int] = None, **options: Unpack[CallOptions]
    ) -> Page[ContactList]:
        """One page of contact lists; iterate it to walk every page."""
    def add_contacts(
        self, *, list_ids: Sequence[str], contact_ids: Sequence[str], **options: Unpack[CallOptions]
    ) -> None:
        """Adds contacts to lists."""
    def remove_contacts(
        self, *, list_ids: Sequence[str], contact_ids: Sequence[str], **options: Unpack[CallOptions]
    ) -> None:
        """Removes contacts from lists."""
    def contacts(
        self,
        list_id: str,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
        **options: Unpack[CallOptions],
    ) -> Page[Contact]:
        """One page of a list's members; iterate it to walk every page."""

@final
class Campaigns:
    """Broadcast campaigns."""

    @property
    def with_raw_response(self) -> _CampaignsRaw:
        """The same methods, each answering with a ``zexa.APIResponse``."""
    def create(
        self,
        *,
        name: str,
        channel: Channel,
        contact_list_id: str,
        sender_id: str,
        body: Optional[str] = None,
        template: Optional[Any] = None,
        scheduled_at: Union[datetime, str, None] = None,
        max_segments: Optional[int] = None,
        **options: Unpack[CallOptions],
    ) -> Campaign:
        """Creates a campaign to a contact list, started now or at ``scheduled_at``."""
    def preview(
        self, contact_list_id: str, channel: Channel, body: str, **options: Unpack[CallOptions]
    ) -> CampaignPreview:
        """What a campaign of ``body`` to the list would use, without creating anything."""
    def get(self, campaign_id: str, **options: Unpack[CallOptions]) -> Campaign:
        """Fetches a campaign with its delivery statistics."""
    def list(
        self, *, page: Optional[int] = None, per_page: Optional[int] = None, **options: Unpack[CallOptions]
    ) -> Page[Campaign]:
        """One page of campaigns; iterate it to walk every page."""
    def wait(
        self,
        campaign_id: str,
        *,
        poll_interval: Optional[float] = None,
        timeout: Optional[float] = None,
        on_progress: Optional[Callable[[Campaign], object]] = None,
        **options: Unpack[WaitOptions],
    ) -> Campaign:
        """Polls a campaign until it is ``completed`` or ``failed`` and returns it."""

@final
class Messages:
    """Single messages on any channel."""

    @property
    def with_raw_response(self) -> _MessagesRaw:
        """The same methods, each answering with a ``zexa.APIResponse``."""
    def send(
        self,
        *,
        channel: Channel,
        to: str,
        sender_id: str,
        body: Optional[str] = None,
        template: Optional[Any] = None,
        max_segments: Optional[int] = None,
        **options: Unpack[CallOptions],
    ) -> Message:
        """Sends one message; ``sender_id`` goes out as ``from``. Give ``body`` or ``template``."""
    def get(self, message_id: str, **options: Unpack[CallOptions]) -> Message:
        """Fetches a message with its delivery status."""
    def send_many(
        self,
        messages: Iterable[BulkMessage],
        *,
        concurrency: Optional[int] = None,
        journal: Optional[Union[str, "os.PathLike[str]"]] = None,
        dry_run: bool = False,
        on_progress: Optional[ProgressCallback] = None,
        **options: Unpack[CallOptions],
    ) -> BulkResult:
        """Sends many messages concurrently, within the rate limit, exactly once with a journal."""

@final
class SenderIds:
    """Registered sender IDs."""

    @property
    def with_raw_response(self) -> _SenderIdsRaw:
        """The same methods, each answering with a ``zexa.APIResponse``."""
    def list(
        self, *, page: Optional[int] = None, per_page: Optional[int] = None, **options: Unpack[CallOptions]
    ) -> Page[SenderId]:
        """One page of sender IDs; iterate it to walk every page."""

@final
class Webhooks:
    """Delivery-status webhooks."""

    @property
    def with_raw_response(self) -> _WebhooksRaw:
        """The same methods, each answering with a ``zexa.APIResponse``."""
    def create(self, *, url: str, events: Sequence[WebhookEventType], **options: Unpack[CallOptions]) -> Webhook:
        """Registers a webhook URL for the given event types (e.g. ``message.delivered``)."""

@final
class CreditsResource:
    """The credit balance."""

    @property
    def with_raw_response(self) -> _CreditsResourceRaw:
        """The same methods, each answering with a ``zexa.APIResponse``."""
    def get(self, **options: Unpack[CallOptions]) -> Credits:
        """Fetches the credit balance."""

# ---- resources END ----

@final
class NativeSandbox:
    """An embedded ``zexa-sandbox`` (see ``zexa.testing.Sandbox``); structured values as JSON text."""

    def __new__(
        cls,
        *,
        api_key: Optional[str] = None,
        credits: Optional[float] = None,
        sender_ids: Optional[List[str]] = None,
        seed_contacts: Optional[int] = None,
        rate_limit: Optional[int] = None,
        delivery_ms: Optional[int] = None,
        failure_rate: Optional[float] = None,
        seed: Optional[int] = None,
        latency_ms: Optional[int] = None,
        manual_clock: bool = False,
    ) -> NativeSandbox: ...
    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/v1``."""
    @property
    def inbox_url(self) -> str:
        """``http://127.0.0.1:PORT/``, the inbox page."""
    @property
    def api_key(self) -> str:
        """The accepted API key."""
    @property
    def manual_clock(self) -> bool:
        """Whether the sandbox runs on a manual clock."""
    @property
    def running(self) -> bool:
        """Whether the sandbox is still running."""
    def inject_fault(self, fault_json: str, count: int = 1, path: Optional[str] = None) -> None:
        """Queues ``count`` copies of the fault for requests under ``path``."""
    def clear_faults(self) -> None:
        """Empties the fault queue."""
    def set_fault_rate(self, rate: float, kinds_json: str) -> None:
        """Random faults of ``kinds_json`` with probability ``rate``."""
    def stats_json(self) -> str:
        """The request counters, as JSON."""
    def messages_json(
        self,
        recipient: Optional[str] = None,
        channel: Optional[str] = None,
        campaign: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> str:
        """The matching messages, oldest first, as a JSON array."""
    def webhook_deliveries_json(self) -> str:
        """Every webhook delivery attempted, as a JSON array."""
    def reset(self) -> None:
        """Everything back to the start configuration."""
    def advance(self, ms: int) -> None:
        """Moves the manual clock forward by ``ms`` milliseconds."""
    def stop(self) -> None:
        """Stops the server (idempotent)."""

# ---- raw views (generated by python/gen_stubs.py from the resources above) ----

@type_check_only
@final
class _ContactsRaw:
    """Contacts: create, get, update, delete, list and search, bulk import, export."""

    @property
    def with_raw_response(self) -> _ContactsRaw:
        """The same methods, each answering with a ``zexa.APIResponse``."""
    def create(
        self,
        *,
        name: str,
        phone: str,
        email: Optional[str] = None,
        lists: Optional[Sequence[str]] = None,
        custom_fields: Optional[Mapping[str, str]] = None,
        **options: Unpack[CallOptions],
    ) -> APIResponse[Contact]:
        """Creates a contact; ``phone`` must be E.164 (see ``zexa.to_e164``)."""
    def get(self, contact_id: str, **options: Unpack[CallOptions]) -> APIResponse[Contact]:
        """Fetches one contact."""
    def update(
        self,
        contact_id: str,
        *,
        name: Union[str, NotGiven] = NOT_GIVEN,
        phone: Union[str, NotGiven] = NOT_GIVEN,
        email: Union[str, None, NotGiven] = NOT_GIVEN,
        lists: Union[Sequence[str], NotGiven] = NOT_GIVEN,
        custom_fields: Union[Mapping[str, str], None, NotGiven] = NOT_GIVEN,
        **options: Unpack[CallOptions],
    ) -> APIResponse[Contact]:
        """Changes the given fields of a contact; ``None`` clears ``email`` or ``custom_fields``."""
    def delete(self, contact_id: str, **options: Unpack[CallOptions]) -> APIResponse[None]:
        """Deletes one contact."""
    def delete_many(self, contact_ids: Sequence[str], **options: Unpack[CallOptions]) -> APIResponse[None]:
        """Deletes several contacts in one call."""
    def list(
        self,
        *,
        list_id: Optional[str] = None,
        name: Optional[str] = None,
        phone: Optional[str] = None,
        email: Optional[str] = None,
        gender: Optional[str] = None,
        valid: Optional[bool] = None,
        channel: Optional[Channel] = None,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
        **options: Unpack[CallOptions],
    ) -> APIResponse[Page[Contact]]:
        """One page of contacts matching the filters; iterate it to walk every page."""
    def upload(
        self, file: FileInput, *, filename: Optional[str] = None, **options: Unpack[CallOptions]
    ) -> APIResponse[UploadPreview]:
        """Uploads a CSV or Excel file (a path, or its bytes with ``filename``) and returns a preview."""
    def upload_vcard(
        self, file: FileInput, *, filename: Optional[str] = None, **options: Unpack[CallOptions]
    ) -> APIResponse[UploadPreview]:
        """Uploads a vCard (.vcf) file (a path, or its bytes with ``filename``) and returns a preview."""
    def import_mapped(
        self,
        upload_id: str,
        *,
        mapping: Mapping[str, str],
        lists: Optional[Sequence[str]] = None,
        **options: Unpack[CallOptions],
    ) -> APIResponse[ImportResult]:
        """Imports an uploaded file, mapping its columns to contact fields."""
    def import_vcard(
        self, upload_id: str, *, lists: Optional[Sequence[str]] = None, **options: Unpack[CallOptions]
    ) -> APIResponse[ImportResult]:
        """Imports an uploaded vCard file."""
    def export(
        self,
        *,
        list_id: Optional[str] = None,
        format: Optional[Literal["csv"]] = None,
        **options: Unpack[CallOptions],
    ) -> APIResponse[Export]:
        """Starts an export of contacts (all, or one list's)."""

@type_check_only
@final
class _ExportsRaw:
    """Contact exports."""

    @property
    def with_raw_response(self) -> _ExportsRaw:
        """The same methods, each answering with a ``zexa.APIResponse``."""
    def get(self, export_id: str, **options: Unpack[CallOptions]) -> APIResponse[Export]:
        """Fetches an export, to see whether it is ready for download."""
    def wait(
        self,
        export_id: str,
        *,
        poll_interval: Optional[float] = None,
        timeout: Optional[float] = None,
        **options: Unpack[WaitOptions],
    ) -> APIResponse[Export]:
        """Polls an export until it is ``completed`` or ``failed`` and returns it."""
    def download(
        self, export: Union[Export, str], destination: Destination, **options: Unpack[CallOptions]
    ) -> APIResponse[int]:
        """Streams a completed export's file into ``destination`` (a path or a binary file); returns the bytes written."""

@type_check_only
@final
class _ContactListsRaw:
    """Contact lists and their members."""

    @property
    def with_raw_response(self) -> _ContactListsRaw:
        """The same methods, each answering with a ``zexa.APIResponse``."""
    def create(
        self, *, name: str, description: Optional[str] = None, **options: Unpack[CallOptions]
    ) -> APIResponse[ContactList]:
        """Creates a contact list."""
    def list(
        self, *, page: Optional[int] = None, per_page: Optional[int] = None, **options: Unpack[CallOptions]
    ) -> APIResponse[Page[ContactList]]:
        """One page of contact lists; iterate it to walk every page."""
    def add_contacts(
        self, *, list_ids: Sequence[str], contact_ids: Sequence[str], **options: Unpack[CallOptions]
    ) -> APIResponse[None]:
        """Adds contacts to lists."""
    def remove_contacts(
        self, *, list_ids: Sequence[str], contact_ids: Sequence[str], **options: Unpack[CallOptions]
    ) -> APIResponse[None]:
        """Removes contacts from lists."""
    def contacts(
        self,
        list_id: str,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
        **options: Unpack[CallOptions],
    ) -> APIResponse[Page[Contact]]:
        """One page of a list's members; iterate it to walk every page."""

@type_check_only
@final
class _CampaignsRaw:
    """Broadcast campaigns."""

    @property
    def with_raw_response(self) -> _CampaignsRaw:
        """The same methods, each answering with a ``zexa.APIResponse``."""
    def create(
        self,
        *,
        name: str,
        channel: Channel,
        contact_list_id: str,
        sender_id: str,
        body: Optional[str] = None,
        template: Optional[Any] = None,
        scheduled_at: Union[datetime, str, None] = None,
        max_segments: Optional[int] = None,
        **options: Unpack[CallOptions],
    ) -> APIResponse[Campaign]:
        """Creates a campaign to a contact list, started now or at ``scheduled_at``."""
    def preview(
        self, contact_list_id: str, channel: Channel, body: str, **options: Unpack[CallOptions]
    ) -> APIResponse[CampaignPreview]:
        """What a campaign of ``body`` to the list would use, without creating anything."""
    def get(self, campaign_id: str, **options: Unpack[CallOptions]) -> APIResponse[Campaign]:
        """Fetches a campaign with its delivery statistics."""
    def list(
        self, *, page: Optional[int] = None, per_page: Optional[int] = None, **options: Unpack[CallOptions]
    ) -> APIResponse[Page[Campaign]]:
        """One page of campaigns; iterate it to walk every page."""
    def wait(
        self,
        campaign_id: str,
        *,
        poll_interval: Optional[float] = None,
        timeout: Optional[float] = None,
        on_progress: Optional[Callable[[Campaign], object]] = None,
        **options: Unpack[WaitOptions],
    ) -> APIResponse[Campaign]:
        """Polls a campaign until it is ``completed`` or ``failed`` and returns it."""

@type_check_only
@final
class _MessagesRaw:
    """Single messages on any channel."""

    @property
    def with_raw_response(self) -> _MessagesRaw:
        """The same methods, each answering with a ``zexa.APIResponse``."""
    def send(
        self,
        *,
        channel: Channel,
        to: str,
        sender_id: str,
        body: Optional[str] = None,
        template: Optional[Any] = None,
        max_segments: Optional[int] = None,
        **options: Unpack[CallOptions],
    ) -> APIResponse[Message]:
        """Sends one message; ``sender_id`` goes out as ``from``. Give ``body`` or ``template``."""
    def get(self, message_id: str, **options: Unpack[CallOptions]) -> APIResponse[Message]:
        """Fetches a message with its delivery status."""
    def send_many(
        self,
        messages: Iterable[BulkMessage],
        *,
        concurrency: Optional[int] = None,
        journal: Optional[Union[str, "os.PathLike[str]"]] = None,
        dry_run: bool = False,
        on_progress: Optional[ProgressCallback] = None,
        **options: Unpack[CallOptions],
    ) -> APIResponse[BulkResult]:
        """Sends many messages concurrently, within the rate limit, exactly once with a journal."""

@type_check_only
@final
class _SenderIdsRaw:
    """Registered sender IDs."""

    @property
    def with_raw_response(self) -> _SenderIdsRaw:
        """The same methods, each answering with a ``zexa.APIResponse``."""
    def list(
        self, *, page: Optional[int] = None, per_page: Optional[int] = None, **options: Unpack[CallOptions]
    ) -> APIResponse[Page[SenderId]]:
        """One page of sender IDs; iterate it to walk every page."""

@type_check_only
@final
class _WebhooksRaw:
    """Delivery-status webhooks."""

    @property
    def with_raw_response(self) -> _WebhooksRaw:
        """The same methods, each answering with a ``zexa.APIResponse``."""
    def create(self, *, url: str, events: Sequence[WebhookEventType], **options: Unpack[CallOptions]) -> APIResponse[Webhook]:
        """Registers a webhook URL for the given event types (e.g. ``message.delivered``)."""

@type_check_only
@final
class _CreditsResourceRaw:
    """The credit balance."""

    @property
    def with_raw_response(self) -> _CreditsResourceRaw:
        """The same methods, each answering with a ``zexa.APIResponse``."""
    def get(self, **options: Unpack[CallOptions]) -> APIResponse[Credits]:
        """Fetches the credit balance."""

# ---- raw views END ----
