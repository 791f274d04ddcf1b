"""Ozon's buyer chat (mixed into ``OzonClient``): a message to the buyer of a posting.

    chat_id = ozon.start_chat("12345678-0001-1")     # the posting's chat (the same one when started again)
    ozon.send_chat_message(chat_id, "Ваш трек-номер ...")

It needs Ozon's Premium Plus or Premium Pro: without it Ozon answers 403 or "not available with
existing subscription", raised as ``ChatUnavailable`` (a business refusal, not a refused API key:
the rest of the bench goes on). ``send_chat_message`` is a mutation, sent once.
"""
from __future__ import annotations

from .errors import OzonAuthError, OzonBusinessError
from .parse import ParseError

CHAT_START = "/v1/chat/start"
CHAT_SEND = "/v1/chat/send/message"
NOT_SUBSCRIBED = "not available with existing subscription"


class ChatUnavailable(OzonBusinessError):
    """The seller's subscription does not include the chat."""


def parse_chat_id(decoded) -> str:
    result = decoded.get("result") if isinstance(decoded, dict) else None
    chat_id = result.get("chat_id") if isinstance(result, dict) else None
    if not isinstance(chat_id, str) or not chat_id:
        raise ParseError(f"expected result.chat_id, got {str(decoded)[:200]}")
    return chat_id


def parse_sent(decoded) -> bool:
    result = decoded.get("result") if isinstance(decoded, dict) else None
    if not isinstance(result, str):
        raise ParseError(f"expected result, got {str(decoded)[:200]}")
    return result.lower() == "success"


def _unavailable(path: str, exc: Exception) -> ChatUnavailable | None:
    if isinstance(exc, OzonAuthError) and exc.http_status == 403 or NOT_SUBSCRIBED in str(exc).lower():
        said = str(exc).split(": ", 1)[-1]  # Ozon's own words, without "refused the API key"
        return ChatUnavailable(f"{path}: {said}", endpoint=path, ozon_code="NOT_AVAILABLE_WITH_SUBSCRIPTION",
                               http_status=getattr(exc, "http_status", None) or 403)
    return None


class ChatMethods:
    """Mixed into ``OzonClient`` (``_read`` of the client, ``_mutate`` of ``CarriageMethods``)."""

    def start_chat(self, posting_number: str) -> str:
        try:
            return self._read(CHAT_START, {"posting_number": str(posting_number)}, parse_chat_id)
        except (OzonAuthError, OzonBusinessError) as exc:
            raise _unavailable(CHAT_START, exc) or exc

    def send_chat_message(self, chat_id: str, text: str) -> bool:
        if not text or len(text) > 1000:
            raise ValueError("a chat message is 1 to 1000 characters")
        try:
            return self._mutate(CHAT_SEND, {"chat_id": str(chat_id), "text": text}, parse_sent)
        except (OzonAuthError, OzonBusinessError) as exc:
            raise _unavailable(CHAT_SEND, exc) or exc
