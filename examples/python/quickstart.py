"""Zexa quickstart: contacts, a list, a message, a campaign, credits.

Runs against the API named by ``ZEXA_BASE_URL`` / ``ZEXA_API_KEY``. When ``ZEXA_BASE_URL`` is
not set, it starts the local sandbox (``target/debug/zexa-sandbox``, built with
``cargo build -p zexa-sandbox``) and stops it at the end.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Optional

import zexa


def start_sandbox() -> "subprocess.Popen[str]":
    """Starts the local sandbox and points the environment at it."""
    root = Path(__file__).resolve().parents[2]
    binary = root / "target" / "debug" / "zexa-sandbox"
    proc = subprocess.Popen(
        [str(binary), "--addr", "127.0.0.1:0", "--delivery-ms", "200"], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    os.environ["ZEXA_BASE_URL"] = proc.stdout.readline().strip()
    os.environ.setdefault("ZEXA_API_KEY", "zx_sandbox_key")
    return proc


def show_progress(campaign: zexa.Campaign) -> None:
    """Prints one line per poll of the campaign."""
    print(f"  {campaign.status:<10} delivered={campaign.delivered or 0} failed={campaign.failed or 0}")


def main() -> None:
    """The quickstart flow."""
    with zexa.Client(app_name="quickstart") as client:
        maria = client.contacts.create(
            name="Maria Santos", phone="+244912345678", email="maria@example.com", custom_fields={"city": "Luanda"}
        )
        # A number as people write it, turned into E.164 first.
        joao = client.contacts.create(name="João Ferreira", phone=zexa.to_e164("0923 456 789", "244"))
        print(f"created {maria!r} and {joao!r} ({joao.phone})")

        customers = client.contact_lists.create(name="Clientes", description="quickstart audience")
        client.contact_lists.add_contacts(list_ids=[customers.id], contact_ids=[maria.id, joao.id])
        page = client.contact_lists.contacts(customers.id)
        print(f"list {customers.name}: {page.total} contacts")
        for contact in page:
            print(f"  {contact.name:<16} {contact.phone}")

        message = client.messages.send(channel="sms", to=maria.phone, sender_id="ZEXA", body="Olá Maria!")
        print(f"message {message.id} is {message.status}")

        # "Promoção" is UCS-2 (ç and ã are not in GSM-7): 70 characters a segment, not 160.
        body = "Promoção: 20% de desconto esta semana!"
        segments = zexa.sms_segments(body)
        forced = [c.character for c in segments.unicode_characters]
        print(f"{body!r}: {segments.segments} {segments.encoding} segment(s), because of {forced}")
        preview = client.campaigns.preview(customers.id, "sms", body)
        print(
            f"preview: {preview.recipients} recipient(s) x {preview.segments_per_message} segment(s)"
            f" = {preview.total_segments} segment(s)"
        )
        campaign = client.campaigns.create(
            name="Promoção de Junho",
            channel="sms",
            contact_list_id=customers.id,
            sender_id="ZEXA",
            body=body,
            max_segments=1,
        )
        print(f"campaign {campaign.id} to {campaign.total_recipients} recipients; waiting...")
        done = client.campaigns.wait(campaign.id, poll_interval=0.2, timeout=60, on_progress=show_progress)
        print(f"campaign {done.status}: delivered={done.delivered or 0} failed={done.failed or 0}")

        credits = client.credits.get()
        print(f"credits left: {credits.balance} {credits.currency}")


if __name__ == "__main__":
    sandbox: Optional["subprocess.Popen[str]"] = None
    if not os.environ.get("ZEXA_BASE_URL"):
        sandbox = start_sandbox()
    try:
        main()
    except zexa.ZexaError as error:
        print(f"error: {error}", file=sys.stderr)
        sys.exit(1)
    finally:
        if sandbox is not None:
            sandbox.terminate()
            sandbox.wait()
            if sandbox.stdout is not None:
                sandbox.stdout.close()
