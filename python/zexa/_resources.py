"""Resource namespaces of a ``Client``: ``client.contacts``, ``client.campaigns``..."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Mapping, Optional, Sequence, Union

from ._models import (
    Campaign,
    Contact,
    ContactList,
    Credits,
    Export,
    ImportResult,
    Message,
    SenderId,
    UploadPreview,
    Webhook,
)
from ._native import NativeClient, campaigns_preview
from ._page import Page
from ._sms import CampaignPreview

__all__ = [
    "Contacts",
    "ContactLists",
    "Campaigns",
    "Messages",
    "SenderIds",
    "Webhooks",
    "CreditsResource",
    "Exports",
    "FileInput",
    "Timestamp",
]

FileInput = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview]
"""A file to upload: a path, or its contents."""
Timestamp = Union[datetime, str, None]
"""A point in time: an aware ``datetime`` (naive means UTC), an ISO 8601 string, or ``None``."""


def _iso_utc(value: Timestamp) -> Optional[str]:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")
    raise TypeError(f"scheduled_at must be a datetime, an ISO 8601 str or None, not {type(value).__name__}")


def _upload(native: NativeClient, file: FileInput, filename: Optional[str], vcard: bool) -> UploadPreview:
    if filename is not None and not isinstance(filename, str):
        raise TypeError(f"filename must be a str, not {type(filename).__name__}")
    if isinstance(file, (bytes, bytearray, memoryview)):
        return native.contacts_upload(vcard=vcard, data=bytes(file), filename=filename)
    if isinstance(file, (str, os.PathLike)):
        path = os.fspath(file)
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        return native.contacts_upload(vcard=vcard, path=path, filename=filename)
    raise TypeError(f"file must be a path (str or os.PathLike) or bytes, not {type(file).__name__}")


def _str_list(name: str, values: Optional[Iterable[str]]) -> Optional[Sequence[str]]:
    if values is None:
        return None
    if isinstance(values, (str, bytes)):
        raise TypeError(f"{name} must be a list of str, not a single {type(values).__name__}")
    return list(values)


class _Resource:
    __slots__ = ("_native",)

    def __init__(self, native: NativeClient) -> None:
        self._native = native

    def __repr__(self) -> str:
        return f"<zexa.{type(self).__name__}>"


class Contacts(_Resource):
    """Contacts: create, get, update, delete, list and search, bulk import, export."""

    __slots__ = ()

    def create(
        self,
        *,
        name: str,
        phone: str,
        email: Optional[str] = None,
        lists: Optional[Sequence[str]] = None,
        custom_fields: Optional[Mapping[str, str]] = None,
    ) -> Contact:
        """Creates a contact; ``phone`` must be E.164 (see ``zexa.to_e164``)."""
        return (
            self._native.contacts_create(
                name=name,
                phone=phone,
                email=email,
                lists=_str_list("lists", lists),
                custom_fields=None if custom_fields is None else dict(custom_fields),
            )
        )

    def get(self, contact_id: str) -> Contact:
        """Fetches one contact."""
        return self._native.contacts_get(contact_id)

    def update(
        self,
        contact_id: str,
        *,
        name: Optional[str] = None,
        phone: Optional[str] = None,
        email: Optional[str] = None,
        lists: Optional[Sequence[str]] = None,
        custom_fields: Optional[Mapping[str, str]] = None,
    ) -> Contact:
        """Changes the given fields of a contact (the others are left as they are)."""
        return (
            self._native.contacts_update(
                contact_id,
                name=name,
                phone=phone,
                email=email,
                lists=_str_list("lists", lists),
                custom_fields=None if custom_fields is None else dict(custom_fields),
            )
        )

    def delete(self, contact_id: str) -> None:
        """Deletes one contact."""
        self._native.contacts_delete(contact_id)

    def delete_many(self, contact_ids: Sequence[str]) -> None:
        """Deletes several contacts in one call."""
        ids = _str_list("contact_ids", contact_ids)
        self._native.contacts_delete_many(list(ids or ()))

    def list(
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
    ) -> Page[Contact]:
        """One page of contacts matching the filters; iterate it to walk every page."""
        native = self._native.contacts_list(
            list_id=list_id,
            name=name,
            phone=phone,
            email=email,
            gender=gender,
            valid=valid,
            channel=channel,
            page=page,
            per_page=per_page,
        )
        return Page(native, Contact)

    def upload(self, file: FileInput, *, filename: Optional[str] = None) -> UploadPreview:
        """Uploads a CSV or Excel file (a path, or its bytes) and returns a preview to map columns from."""
        return _upload(self._native, file, filename, vcard=False)

    def upload_vcard(self, file: FileInput, *, filename: Optional[str] = None) -> UploadPreview:
        """Uploads a vCard (.vcf) file (a path, or its bytes) and returns a preview."""
        return _upload(self._native, file, filename, vcard=True)

    def import_mapped(
        self, upload_id: str, *, mapping: Mapping[str, str], lists: Optional[Sequence[str]] = None
    ) -> ImportResult:
        """Imports an uploaded file, mapping its columns to ``name``, ``phone``, ``email``, ``gender`` or ``custom:<key>``."""
        if not isinstance(mapping, Mapping):
            raise TypeError(f"mapping must be a mapping of column to field, not {type(mapping).__name__}")
        return (
            self._native.contacts_import_mapped(upload_id, mapping=dict(mapping), lists=_str_list("lists", lists))
        )

    def import_vcard(self, upload_id: str, *, lists: Optional[Sequence[str]] = None) -> ImportResult:
        """Imports an uploaded vCard file."""
        return self._native.contacts_import_vcard(upload_id, lists=_str_list("lists", lists))

    def export(self, *, list_id: Optional[str] = None, format: str = "csv") -> Export:
        """Starts an export of contacts (all, or one list's); poll it with ``client.exports.get``."""
        return self._native.contacts_export(list_id=list_id, format=format)


class Exports(_Resource):
    """Asynchronous contact exports."""

    __slots__ = ()

    def get(self, export_id: str) -> Export:
        """Fetches an export, to see whether it is ready for download."""
        return self._native.exports_get(export_id)


class ContactLists(_Resource):
    """Contact lists and their members."""

    __slots__ = ()

    def create(self, *, name: str, description: Optional[str] = None) -> ContactList:
        """Creates a contact list."""
        return self._native.contact_lists_create(name=name, description=description)

    def list(self, *, page: int = 1, per_page: int = 50) -> Page[ContactList]:
        """One page of contact lists; iterate it to walk every page."""
        return Page(self._native.contact_lists_list(page=page, per_page=per_page), ContactList)

    def add_contacts(self, *, list_ids: Sequence[str], contact_ids: Sequence[str]) -> None:
        """Adds contacts to lists."""
        self._native.contact_lists_add_contacts(
            list_ids=list(_str_list("list_ids", list_ids) or ()),
            contact_ids=list(_str_list("contact_ids", contact_ids) or ()),
        )

    def remove_contacts(self, *, list_ids: Sequence[str], contact_ids: Sequence[str]) -> None:
        """Removes contacts from lists."""
        self._native.contact_lists_remove_contacts(
            list_ids=list(_str_list("list_ids", list_ids) or ()),
            contact_ids=list(_str_list("contact_ids", contact_ids) or ()),
        )

    def contacts(self, list_id: str, *, page: int = 1, per_page: int = 50) -> Page[Contact]:
        """One page of a list's members; iterate it to walk every page."""
        return Page(self._native.contact_lists_contacts(list_id, page=page, per_page=per_page), Contact)


class Campaigns(_Resource):
    """Broadcast campaigns."""

    __slots__ = ()

    def create(
        self,
        *,
        name: str,
        channel: str,
        contact_list_id: str,
        sender_id: str,
        body: Optional[str] = None,
        template: Optional[Any] = None,
        scheduled_at: Timestamp = None,
        max_segments: Optional[int] = None,
    ) -> Campaign:
        """Creates a campaign to a contact list, started now or at ``scheduled_at``. Give ``body`` or ``template``.

        ``max_segments``: for SMS, the most segments each message may be billed as. A longer body
        raises ``zexa.InvalidInputError`` naming its encoding, segment count and the characters
        that forced UCS-2; nothing is created.
        """
        return (
            self._native.campaigns_create(
                name=name,
                channel=channel,
                contact_list_id=contact_list_id,
                sender_id=sender_id,
                body=body,
                template=template,
                scheduled_at=_iso_utc(scheduled_at),
                max_segments=max_segments,
            )
        )

    def preview(self, contact_list_id: str, channel: str, body: str) -> CampaignPreview:
        """What a campaign of ``body`` to the list would use, without creating anything.

        The recipients come from ONE request (the first page of the list's members, whose total
        counts them all); for SMS, ``segments_per_message`` and ``total_segments`` tell what the
        campaign is billed, and ``sms`` the encoding and the characters that forced UCS-2.
        """
        return campaigns_preview(self._native, contact_list_id, channel, body)

    def get(self, campaign_id: str) -> Campaign:
        """Fetches a campaign with its delivery statistics."""
        return self._native.campaigns_get(campaign_id)

    def list(self, *, page: int = 1, per_page: int = 50) -> Page[Campaign]:
        """One page of campaigns; iterate it to walk every page."""
        return Page(self._native.campaigns_list(page=page, per_page=per_page), Campaign)

    def wait(
        self,
        campaign_id: str,
        *,
        poll_interval: float = 2.0,
        timeout: Optional[float] = None,
        on_progress: Optional[Callable[[Campaign], object]] = None,
    ) -> Campaign:
        """Polls a campaign until it is ``completed`` or ``failed`` and returns it.

        Raises ``zexa.APITimeoutError`` when ``timeout`` seconds pass first. ``on_progress``, if
        given, is called with each polled campaign; an exception it raises stops the wait and
        is raised. Ctrl-C (``KeyboardInterrupt``) stops it too, after the poll in progress.
        """
        return self._native.campaigns_wait(
            campaign_id, poll_interval=poll_interval, timeout=timeout, on_progress=on_progress
        )


class Messages(_Resource):
    """Single messages on any channel."""

    __slots__ = ()

    def send(
        self,
        *,
        channel: str,
        to: str,
        sender_id: str,
        body: Optional[str] = None,
        template: Optional[Any] = None,
        max_segments: Optional[int] = None,
    ) -> Message:
        """Sends one message; ``sender_id`` goes out as ``from``. Give ``body`` or ``template``.

        ``max_segments``: for SMS, the most segments the body may be billed as. A longer body
        raises ``zexa.InvalidInputError`` naming its encoding, segment count and the characters
        that forced UCS-2; nothing is sent.
        """
        return self._native.messages_send(
            channel=channel, to=to, sender_id=sender_id, body=body, template=template, max_segments=max_segments
        )

    def get(self, message_id: str) -> Message:
        """Fetches a message with its delivery status."""
        return self._native.messages_get(message_id)


class SenderIds(_Resource):
    """Registered sender IDs."""

    __slots__ = ()

    def list(self, *, page: int = 1, per_page: int = 50) -> Page[SenderId]:
        """One page of sender IDs; iterate it to walk every page."""
        return Page(self._native.sender_ids_list(page=page, per_page=per_page), SenderId)


class Webhooks(_Resource):
    """Delivery-status webhooks."""

    __slots__ = ()

    def create(self, *, url: str, events: Sequence[str]) -> Webhook:
        """Registers a webhook URL for the given event types (e.g. ``message.delivered``)."""
        return self._native.webhooks_create(url=url, events=list(_str_list("events", events) or ()))


class CreditsResource(_Resource):
    """The credit balance."""

    __slots__ = ()

    def get(self) -> Credits:
        """Fetches the credit balance."""
        return self._native.credits_get()
