"""Ozon's buyer chat: ``/v1/chat/start`` and ``/v1/chat/send/message`` (app.sim.ozon.chat)."""
from __future__ import annotations

from app.sim.ozon.context import Context
from app.sim.ozon.params import Fields


def start(ctx: Context, body: dict) -> dict:
    request = Fields(body, "chatChatStartRequest")
    return {"result": {"chat_id": ctx.chats.start(request.string("posting_number", required=True))}}


def send_message(ctx: Context, body: dict) -> dict:
    request = Fields(body, "chatChatSendMessageRequest")
    chat_id = request.string("chat_id", required=True)
    return {"result": ctx.chats.send(chat_id, request.string("text", required=True))}
