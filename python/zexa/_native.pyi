"""Type stubs of ``zexa._native``, the compiled binding of the Rust core (private: use ``zexa``)."""

from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Type, TypeVar, final

from typing_extensions import disjoint_base

__all__ = ["CORE_VERSION", "NativeClient", "NativeField", "NativePage", "Record", "model_of", "to_e164", "parse_webhook_event"]

CORE_VERSION: str
"""The version of the Rust core."""

_M = TypeVar("_M")
_F = TypeVar("_F", bound="NativeField")

@final
class Record:
    """A response model of the core, read one JSON field at a time."""

    def get(self, key: str, default: Any = None) -> Any:
        """The JSON field ``key``, converted to Python; ``default`` when the model does not have it."""
    def to_dict(self) -> Dict[str, Any]:
        """The whole model as a new dict of its JSON fields."""

@disjoint_base
class NativeField:
    """The descriptor of a model field: the JSON value of ``key``, converted by ``convert`` once."""

    def __new__(cls: Type[_F], key: str, convert: Optional[Callable[[Any], Any]] = None) -> _F: ...
    @property
    def key(self) -> str:
        """The JSON field's name."""
    @property
    def convert(self) -> Optional[Callable[[Any], Any]]:
        """The conversion applied to the JSON value, if any."""
    def __get__(self, obj: Any, owner: Any = None, /) -> Any: ...

def model_of(cls: Type[_M], record: Record) -> _M:
    """An instance of the model class ``cls`` over ``record`` (its ``_raw``), ``__init__`` not called."""

def to_e164(number: str, default_country_code: Optional[str] = None) -> str:
    """Converts a written phone number to E.164."""

def parse_webhook_event(payload: bytes) -> Record:
    """Parses a webhook request body into the core's event model."""

@final
class NativePage:
    """One page of a list endpoint, items as records."""

    @property
    def data(self) -> List[Record]:
        """This page's items, as records."""
    def models(self, cls: Type[_M]) -> List[_M]:
        """This page's items as instances of the model class ``cls`` (one ``_raw`` slot each)."""
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
    """The core client; one method per API call, models as records."""

    def __new__(
        cls,
        api_key: Optional[str] = None,
        *,
        base_url: Optional[str] = None,
        timeout: float = 30.0,
        max_retries: int = 2,
        app_name: Optional[str] = None,
        ca_cert_pem: Optional[bytes] = None,
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
    def with_options(self, *, timeout: Optional[float] = None, max_retries: Optional[int] = None) -> NativeClient:
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
    ) -> Record: ...
    def contacts_get(self, contact_id: str) -> Record: ...
    def contacts_update(
        self,
        contact_id: str,
        *,
        name: Optional[str] = None,
        phone: Optional[str] = None,
        email: Optional[str] = None,
        lists: Optional[Sequence[str]] = None,
        custom_fields: Optional[Dict[str, str]] = None,
    ) -> Record: ...
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
    ) -> Record:
        """Uploads a file (``vcard`` selects the vCard endpoint); from ``data`` or else from ``path``."""
    def contacts_import_mapped(
        self, upload_id: str, *, mapping: Dict[str, str], lists: Optional[Sequence[str]] = None
    ) -> Record: ...
    def contacts_import_vcard(self, upload_id: str, *, lists: Optional[Sequence[str]] = None) -> Record: ...
    def contacts_export(self, *, list_id: Optional[str] = None, format: Optional[str] = None) -> Record: ...
    def exports_get(self, export_id: str) -> Record: ...
    def contact_lists_create(self, *, name: str, description: Optional[str] = None) -> Record: ...
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
    ) -> Record: ...
    def campaigns_get(self, campaign_id: str) -> Record: ...
    def campaigns_list(self, *, page: int = 1, per_page: int = 50) -> NativePage: ...
    def campaigns_wait(
        self,
        campaign_id: str,
        *,
        poll_interval: float = 2.0,
        timeout: Optional[float] = None,
        on_progress: Optional[Callable[[Record], object]] = None,
    ) -> Record:
        """Polls a campaign until it is final (GIL released between polls)."""
    def messages_send(
        self,
        *,
        channel: str,
        to: str,
        sender_id: str,
        body: Optional[str] = None,
        template: Optional[Any] = None,
    ) -> Record: ...
    def messages_get(self, message_id: str) -> Record: ...
    def sender_ids_list(self, *, page: int = 1, per_page: int = 50) -> NativePage: ...
    def webhooks_create(self, *, url: str, events: Sequence[str]) -> Record: ...
    def credits_get(self) -> Record: ...
