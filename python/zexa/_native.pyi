"""Type stubs of ``zexa._native``, the compiled binding of the Rust core (private: use ``zexa``)."""

from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, final

# The model classes are defined by the binding too (python/src/models/); their stubs are in
# _models.pyi, written from the compiled classes by python/tools/model_stubs.py.
from ._models import *

__all__ = ["CORE_VERSION", "NativeClient", "NativeSandbox", "NativePage", "to_e164", "parse_webhook_event", "sms_segments", "sms_smart_encode", "campaigns_preview", "NetworkOptions", "run_cli"]
__all__ += ["Model", "Contact", "ContactList", "Campaign", "Message", "SenderId", "Webhook", "Credits", "Export", "UploadPreview", "ImportRowError", "ImportResult", "WebhookEventData", "WebhookEvent", "SmsCharacter", "SmsSegments", "SmsReplacement", "SmsSmartEncoded", "CampaignPreview", "model_literal_types"]  # the models (_models.pyi)

CORE_VERSION: str
"""The version of the Rust core."""

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
class NativePage:
    """One page of a list endpoint, items as models."""

    @property
    def data(self) -> List[Any]:
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
    def next_page(self) -> Optional[NativePage]:
        """Fetches the next page (GIL released); ``None`` after the last."""

@final
class NativeClient:
    """The core client; one method per API call, models as instances of their classes."""

    def __new__(
        cls,
        api_key: Optional[str] = None,
        *,
        base_url: Optional[str] = None,
        timeout: float = 30.0,
        max_retries: int = 2,
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
    ) -> Any:
        """Any endpoint; parsed JSON back."""
    def contacts_create(
        self,
        *,
        name: str,
        phone: str,
        email: Optional[str] = None,
        lists: Optional[Sequence[str]] = None,
        custom_fields: Optional[Dict[str, str]] = None,
    ) -> Contact: ...
    def contacts_get(self, contact_id: str) -> Contact: ...
    def contacts_update(
        self,
        contact_id: str,
        *,
        name: Optional[str] = None,
        phone: Optional[str] = None,
        email: Optional[str] = None,
        lists: Optional[Sequence[str]] = None,
        custom_fields: Optional[Dict[str, str]] = None,
    ) -> Contact: ...
    def contacts_delete(self, contact_id: str) -> None: ...
    def contacts_delete_many(self, contact_ids: Sequence[str]) -> None: ...
    def contacts_list(
        self,
        *,
        list_id: Optional[str] = None,
        name: Optional[str] = None,
        phone: Optional[str] = None,
        email: Optional[str] = None,
        gender: Optional[str] = None,
        valid: Optional[bool] = None,
        channel: Optional[str] = None,
        page: int = 1,
        per_page: int = 50,
    ) -> NativePage: ...
    def contacts_upload(
        self,
        *,
        vcard: bool,
        data: Optional[bytes] = None,
        path: Optional[str] = None,
        filename: Optional[str] = None,
    ) -> UploadPreview:
        """Uploads a file (``vcard`` selects the vCard endpoint); from ``data`` or else from ``path``."""
    def contacts_import_mapped(
        self, upload_id: str, *, mapping: Dict[str, str], lists: Optional[Sequence[str]] = None
    ) -> ImportResult: ...
    def contacts_import_vcard(self, upload_id: str, *, lists: Optional[Sequence[str]] = None) -> ImportResult: ...
    def contacts_export(self, *, list_id: Optional[str] = None, format: Optional[str] = None) -> Export: ...
    def exports_get(self, export_id: str) -> Export: ...
    def contact_lists_create(self, *, name: str, description: Optional[str] = None) -> ContactList: ...
    def contact_lists_list(self, *, page: int = 1, per_page: int = 50) -> NativePage: ...
    def contact_lists_add_contacts(self, *, list_ids: Sequence[str], contact_ids: Sequence[str]) -> None: ...
    def contact_lists_remove_contacts(self, *, list_ids: Sequence[str], contact_ids: Sequence[str]) -> None: ...
    def contact_lists_contacts(self, list_id: str, *, page: int = 1, per_page: int = 50) -> NativePage: ...
    def campaigns_create(
        self,
        *,
        name: str,
        channel: str,
        contact_list_id: str,
        sender_id: str,
        body: Optional[str] = None,
        template: Optional[Any] = None,
        scheduled_at: Optional[str] = None,
        max_segments: Optional[int] = None,
    ) -> Campaign: ...
    def campaigns_get(self, campaign_id: str) -> Campaign: ...
    def campaigns_list(self, *, page: int = 1, per_page: int = 50) -> NativePage: ...
    def campaigns_wait(
        self,
        campaign_id: str,
        *,
        poll_interval: float = 2.0,
        timeout: Optional[float] = None,
        on_progress: Optional[Callable[[Campaign], object]] = None,
    ) -> Campaign:
        """Polls a campaign until it is final (GIL released between polls)."""
    def messages_send(
        self,
        *,
        channel: str,
        to: str,
        sender_id: str,
        body: Optional[str] = None,
        template: Optional[Any] = None,
        max_segments: Optional[int] = None,
    ) -> Message: ...
    def messages_get(self, message_id: str) -> Message: ...
    def sender_ids_list(self, *, page: int = 1, per_page: int = 50) -> NativePage: ...
    def webhooks_create(self, *, url: str, events: Sequence[str]) -> Webhook: ...
    def credits_get(self) -> Credits: ...

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
