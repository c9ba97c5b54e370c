"""Contacts, contact lists, imports and exports against the sandbox."""

from __future__ import annotations

import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

import zexa
from conftest import Sandbox, ids


def test_create_get_update_delete(client: zexa.Client) -> None:
    lst = client.contact_lists.create(name="VIP")
    created = client.contacts.create(
        name="Maria Santos",
        phone="+244912345678",
        email="maria@example.com",
        lists=[lst.id],
        custom_fields={"city": "Luanda"},
    )
    assert isinstance(created, zexa.Contact)
    assert created.id.startswith("cnt_")
    assert created.name == "Maria Santos" and created.phone == "+244912345678"
    assert created.email == "maria@example.com"
    assert created.lists == (lst.id,)
    assert created.custom_fields == {"city": "Luanda"}
    assert created.created_at.tzinfo is not None and created.created_at.utcoffset().total_seconds() == 0
    assert abs((datetime.now(timezone.utc) - created.created_at).total_seconds()) < 120

    fetched = client.contacts.get(created.id)
    assert fetched == created

    updated = client.contacts.update(created.id, name="Maria S.", custom_fields={"city": "Benguela"})
    assert updated.name == "Maria S." and updated.phone == created.phone
    assert updated.custom_fields == {"city": "Benguela"}
    assert client.contacts.get(created.id) == updated

    assert client.contacts.delete(created.id) is None
    with pytest.raises(zexa.NotFoundError) as info:
        client.contacts.get(created.id)
    assert info.value.status_code == 404 and info.value.code == "not_found"


def test_delete_many(client: zexa.Client, make_contacts) -> None:  # type: ignore[no-untyped-def]
    contacts = make_contacts(3)
    assert client.contacts.delete_many([c.id for c in contacts[:2]]) is None
    assert ids(client.contacts.list()) == [contacts[2].id]


def test_list_filters(client: zexa.Client) -> None:
    a = client.contacts.create(name="Ana Paula", phone="+244911111111", email="ana@example.com")
    client.contacts.create(name="Bruno", phone="+244922222222")
    page = client.contacts.list(name="Ana")
    assert ids(page.data) == [a.id]
    assert ids(client.contacts.list(email="ana@example.com").data) == [a.id]
    assert ids(client.contacts.list(phone="+244911111111").data) == [a.id]
    assert len(client.contacts.list(valid=True).data) == 2
    assert page.total == 1 and page.page == 1 and page.per_page == 50
    assert not page.has_next_page() and page.next_page() is None
    lst = client.contact_lists.create(name="L")
    client.contact_lists.add_contacts(list_ids=[lst.id], contact_ids=[a.id])
    assert ids(client.contacts.list(list_id=lst.id)) == [a.id]


def test_local_validation_sends_nothing(client: zexa.Client, sandbox: Sandbox) -> None:
    before = sandbox.requests()
    with pytest.raises(zexa.InvalidInputError) as info:
        client.contacts.create(name="X", phone="0912345678")
    assert info.value.field == "phone"
    assert isinstance(info.value, ValueError) and isinstance(info.value, zexa.ZexaError)
    with pytest.raises(zexa.InvalidInputError):
        client.contacts.create(name="", phone="+244912345678")
    with pytest.raises(zexa.InvalidInputError) as info:
        client.contacts.list(per_page=101)
    assert info.value.field == "per_page"
    with pytest.raises(zexa.InvalidInputError):
        client.contacts.list(page=0)
    with pytest.raises(zexa.InvalidInputError):
        client.contacts.list(page=-1)
    with pytest.raises(zexa.InvalidInputError):
        client.contacts.delete_many([])
    assert sandbox.requests() == before


def test_conflict(client: zexa.Client) -> None:
    client.contacts.create(name="A", phone="+244933333333")
    with pytest.raises(zexa.ConflictError) as info:
        client.contacts.create(name="B", phone="+244933333333")
    assert info.value.status_code == 409


def test_lazy_pagination_over_250_contacts(client: zexa.Client, sandbox: Sandbox, make_contacts) -> None:  # type: ignore[no-untyped-def]
    created = make_contacts(250)
    first = client.contacts.list(per_page=100)
    assert first.total == 250 and len(first.data) == 100 and first.has_next_page()
    items = iter(first)
    before = sandbox.requests()
    head = [next(items) for _ in range(100)]
    assert sandbox.requests() == before, "taking the first page's items fetched nothing"
    head.append(next(items))
    assert sandbox.requests() == before + 1, "the 101st item fetched exactly one page"
    rest = list(items)
    assert sandbox.requests() == before + 2
    assert sorted(ids(head + rest)) == sorted(ids(created))

    second = first.next_page()
    assert second is not None and second.page == 2
    third = second.next_page()
    assert third is not None and len(third.data) == 50 and not third.has_next_page()
    assert third.next_page() is None


def test_contact_lists(client: zexa.Client, make_contacts) -> None:  # type: ignore[no-untyped-def]
    contacts = make_contacts(3)
    lst = client.contact_lists.create(name="Clientes", description="all of them")
    assert isinstance(lst, zexa.ContactList) and lst.id.startswith("lst_")
    assert lst.description == "all of them"
    other = client.contact_lists.create(name="Outros")
    page = client.contact_lists.list(per_page=1)
    assert page.total == 2 and sorted(ids(page)) == sorted([lst.id, other.id])

    client.contact_lists.add_contacts(list_ids=[lst.id], contact_ids=[c.id for c in contacts])
    members = client.contact_lists.contacts(lst.id, per_page=2)
    assert members.total == 3 and len(members.data) == 2
    assert sorted(ids(members)) == sorted(ids(contacts))

    client.contact_lists.remove_contacts(list_ids=[lst.id], contact_ids=[contacts[0].id])
    assert sorted(ids(client.contact_lists.contacts(lst.id))) == sorted(ids(contacts[1:]))
    with pytest.raises(zexa.NotFoundError):
        client.contact_lists.contacts("lst_missing")


CSV = b"Nome,Telefone,Cidade\nMaria,+244912345678,Luanda\nJoao,+244923456789,Huambo\nBad,0912,X\n"
VCF = (
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Maria Santos\r\nTEL;TYPE=CELL:+244 912 345 678\r\n"
    b"EMAIL:maria@example.com\r\nEND:VCARD\r\n"
)


def test_upload_and_import_mapped(client: zexa.Client, tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    path.write_bytes(CSV)
    for file in (str(path), path):
        preview = client.contacts.upload(file)
        assert isinstance(preview, zexa.UploadPreview)
        assert preview.upload_id.startswith("upl_")
        assert preview.columns == ("Nome", "Telefone", "Cidade") and preview.total_rows == 3
        assert preview.rows[0] == ("Maria", "+244912345678", "Luanda")
    preview = client.contacts.upload(CSV, filename="other.csv")
    lst = client.contact_lists.create(name="Imported")
    result = client.contacts.import_mapped(
        preview.upload_id,
        mapping={"Nome": "name", "Telefone": "phone", "Cidade": "custom:city"},
        lists=[lst.id],
    )
    assert isinstance(result, zexa.ImportResult)
    assert result.imported == 2 and result.skipped == 1
    assert len(result.errors) == 1 and isinstance(result.errors[0], zexa.ImportRowError)
    assert result.errors[0].row == 3
    members = list(client.contact_lists.contacts(lst.id))
    assert sorted(c.name for c in members) == ["Joao", "Maria"]
    assert {c.custom_fields["city"] for c in members if c.custom_fields} == {"Luanda", "Huambo"}
    # Bytes need their name (its extension tells the content type): the SDK invents none.
    with pytest.raises(zexa.InvalidInputError) as caught:
        client.contacts.upload(CSV)
    assert caught.value.field == "filename"
    # A path with an explicit file name.
    assert client.contacts.upload(path, filename="renamed.csv").total_rows == 3


def test_upload_vcard_and_import(client: zexa.Client, tmp_path: Path) -> None:
    preview = client.contacts.upload_vcard(VCF, filename="people.vcf")
    assert preview.total_rows == 1
    path = tmp_path / "people.vcf"
    path.write_bytes(VCF)
    assert client.contacts.upload_vcard(path).total_rows == 1
    result = client.contacts.import_vcard(preview.upload_id)
    assert result.imported == 1 and result.skipped == 0
    (contact,) = list(client.contacts.list())
    assert contact.name == "Maria Santos" and contact.phone == "+244912345678"


def test_upload_errors(client: zexa.Client, tmp_path: Path) -> None:
    with pytest.raises(zexa.InvalidInputError):
        client.contacts.upload(tmp_path / "missing.csv")
    with pytest.raises(TypeError):
        client.contacts.upload(123)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        client.contacts.upload(CSV, filename=5)  # type: ignore[arg-type]


def test_export(client: zexa.Client, make_contacts) -> None:  # type: ignore[no-untyped-def]
    make_contacts(2)
    export = client.contacts.export()
    assert isinstance(export, zexa.Export) and export.id.startswith("exp_")
    deadline = time.monotonic() + 10
    while export.status != "completed":
        assert time.monotonic() < deadline
        time.sleep(0.05)
        export = client.exports.get(export.id)
    assert export.download_url and export.download_url.endswith(".csv")
    # Fields the SDK does not model are kept.
    assert "completed_at" in export.to_dict() and export.to_dict()["format"] == "csv"
    with pytest.raises(zexa.NotFoundError):
        client.exports.get("exp_missing")
    with pytest.raises(zexa.ValidationError) as info:
        client.contacts.export(format="xlsx")
    assert info.value.status_code == 422 and info.value.code == "validation_error"
    # A 2xx answer that is not JSON (the CSV itself) through the escape hatch.
    with pytest.raises(zexa.DecodeError) as decode:
        client.request("GET", f"/_sandbox/exports/{export.id}.csv")
    assert decode.value.status_code == 200
