"""Ozon's buyer chat in the simulator: ``/v1/chat/start`` (one chat per posting, the same id when
started again) and ``/v1/chat/send/message``, with the seller's subscription as a switch.

- Without Premium Plus or Premium Pro (``subscription = False``) both methods answer 403
  PERMISSION_DENIED "Method not available with existing subscription", as Ozon does.
- FBS/rFBS: the seller may write first from payment until 72 hours after delivery; later ``chat/start``
  is refused (``CHAT_NOT_AVAILABLE_FOR_POSTING``).
- A message is plain text of 1 to 1000 characters.
"""
from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, field

from app.sim.ozon.errors import PERMISSION_DENIED, ApiError, invalid, not_found
from app.sim.ozon.world import World

NOT_SUBSCRIBED = "Method not available with existing subscription"
WINDOW_AFTER_DELIVERY_S = 72 * 3600
MAX_TEXT = 1000


@dataclass
class Chats:
    world: World
    subscription: bool = True
    by_posting: dict[str, str] = field(default_factory=dict)
    messages: dict[str, list[str]] = field(default_factory=dict)  # chat id -> texts, in order
    lock: threading.Lock = field(default_factory=threading.Lock)

    def _subscribed(self) -> None:
        if not self.subscription:
            raise ApiError(403, PERMISSION_DENIED, NOT_SUBSCRIBED)

    def start(self, number: str) -> str:
        self._subscribed()
        world = self.world
        with world.lock:
            posting = world.get(number)
            if posting is None:
                raise not_found("POSTING_NOT_FOUND")
            if posting.status == "delivered" and world.clock() - posting.status_changed_at > WINDOW_AFTER_DELIVERY_S:
                raise invalid("CHAT_NOT_AVAILABLE_FOR_POSTING")
        with self.lock:
            chat = self.by_posting.setdefault(number, str(uuid.uuid4()))
            self.messages.setdefault(chat, [])
            return chat

    def send(self, chat_id: str, text: str) -> str:
        self._subscribed()
        if not text or len(text) > MAX_TEXT:
            raise invalid(f"text must be 1 to {MAX_TEXT} characters")
        with self.lock:
            if chat_id not in self.messages:
                raise not_found("CHAT_NOT_FOUND")
            self.messages[chat_id].append(text)
        return "success"

    def of(self, number: str) -> list[str]:
        """The messages the seller sent the buyer of a posting."""
        with self.lock:
            return list(self.messages.get(self.by_posting.get(number, ""), []))
