"""HEAD answered as GET without the body (RFC 9110 section 9.3.2).

FastAPI routes declared with `@router.get` accept GET only, so link checkers, monitors and `curl -I`, which send
HEAD, got 405 on every page. This ASGI middleware runs HEAD through the GET route (same status, same headers,
Content-Length included) and drops the body, so no route needs declaring twice."""

from __future__ import annotations

from typing import Any

Message = dict[str, Any]


class HeadAsGet:
    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Message, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body"):
                    return  # a streamed body's chunks: nothing goes out until the last one
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app(dict(scope, method="GET"), receive, send_headers_only)
