"""A FastAPI service that texts customers through ``zexa.AsyncClient``.

One client for the whole app, opened and closed by the lifespan; every endpoint awaits the
SDK, so the event loop keeps serving other requests while a call waits on the network.

Run it against the sandbox (``cargo run -p zexa-sandbox`` prints its URL)::

    ZEXA_API_KEY=zx_sandbox_key ZEXA_BASE_URL=http://127.0.0.1:PORT/v1 \\
        uvicorn fastapi_app:app --app-dir examples/python

Its test, ``test_fastapi_app.py``, runs it in-process against an embedded sandbox.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import AsyncGenerator, Dict, List, Optional

from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel

import zexa


class Notification(BaseModel):
    """What a caller asks for: a text to a phone number."""

    phone: str
    text: str


class Sent(BaseModel):
    """What the service answers."""

    message_id: str
    status: str


def create_app(api_key: Optional[str] = None, base_url: Optional[str] = None) -> FastAPI:
    """The app; without ``api_key`` and ``base_url``, ``zexa.AsyncClient`` reads
    ``ZEXA_API_KEY`` and ``ZEXA_BASE_URL``."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncGenerator[None, None]:
        async with zexa.AsyncClient(api_key, base_url=base_url) as client:
            app.state.zexa = client
            yield

    app = FastAPI(lifespan=lifespan)

    def zexa_client(request: Request) -> zexa.AsyncClient:
        client: zexa.AsyncClient = request.app.state.zexa
        return client

    @app.post("/notify", response_model=Sent)
    async def notify(notification: Notification, request: Request) -> Sent:
        client = zexa_client(request)
        try:
            phone = zexa.to_e164(notification.phone, "244")
            message = await client.messages.send(channel="sms", to=phone, sender_id="ZEXA", body=notification.text)
        except zexa.InvalidInputError as error:
            raise HTTPException(status_code=422, detail=error.message) from error
        except zexa.APIError as error:
            # A failed send that may have executed must not be retried blindly by the caller.
            status = 502 if error.may_have_executed else 503
            raise HTTPException(status_code=status, detail=error.message) from error
        return Sent(message_id=message.id, status=message.status)

    @app.get("/messages/{message_id}", response_model=Sent)
    async def message_status(message_id: str, request: Request) -> Sent:
        try:
            message = await zexa_client(request).messages.get(message_id)
        except zexa.NotFoundError as error:
            raise HTTPException(status_code=404, detail="no such message") from error
        return Sent(message_id=message.id, status=message.status)

    @app.get("/contacts")
    async def contacts(request: Request, limit: int = 100) -> List[Dict[str, str]]:
        """The first ``limit`` contacts, pages fetched lazily with ``async for``."""
        names: List[Dict[str, str]] = []
        async for contact in await zexa_client(request).contacts.list(per_page=50):
            names.append({"id": contact.id, "name": contact.name})
            if len(names) >= limit:
                break
        return names

    return app


app = create_app()
