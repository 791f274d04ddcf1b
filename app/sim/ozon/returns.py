"""Returns in the simulated world: FBS returns (``/v1/returns/list``) and rFBS return requests
(``/v2/returns/rfbs/list``, ``/get``, ``/v1/returns/rfbs/action/set``).

A few delivered postings come back when the world is built (with ``mixed_statuses``); a lever
(``POST /_sim/returns``) returns any posting now. A return also knows what is physically in the
parcel (``contents``: the barcode, and for marked goods the marking code, of each unit the buyer
sent back), which Ozon does not: the bench finds out by scanning. The first built return (and a
lever with ``substitute``) holds another unit than the one that shipped: another product, or for
marked goods the same product with another marking code.

rFBS actions: the simulator's own ids (Ozon's are not documented): ``available_actions`` of
``/v2/returns/rfbs/get`` name them, the seller sends one of them back; one that is not offered now
is refused as Ozon refuses (400 ``INVALID_ARGUMENT``). Reject (-1) needs a reason and a comment.
"""
from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field
from datetime import datetime, timezone

from app.sim.ozon.errors import invalid
from app.sim.ozon.marks import gtin_of, sample_mark
from app.statuses import DELIVERED, DELIVERING

FBS, RFBS = "fbs", "rfbs"
# FBS visual statuses (sys_name, Ozon's Russian name as its reference words it, id): on the way to the
# seller, then at the pick-up point for them
FBS_ON_WAY = ("MovingToSeller", "Возврат на пути к продавцу", 4)
FBS_AT_PICKUP = ("ArrivedAtReturnPlace", "В пункте выдачи", 6)
# rFBS: state (group_state, state, state_name) and the actions offered in it
APPROVE, REJECT, RECEIVED, REFUND = 1, -1, 10, 20
ACTION_NAMES = {APPROVE: "Одобрить", REJECT: "Отклонить", RECEIVED: "Возврат получен", REFUND: "Вернуть деньги"}
RFBS_STATES = {
    "new": ("New", "Новая заявка", (APPROVE, REJECT)),
    "approved": ("Delivering", "Ожидает получения", (RECEIVED,)),
    "received": ("Checkout", "Получен продавцом", (REFUND, REJECT)),
    "refunded": ("Approved", "Деньги возвращены", ()),
    "rejected": ("Rejected", "Отклонена", ()),
}
NEXT_STATE = {APPROVE: "approved", REJECT: "rejected", RECEIVED: "received", REFUND: "refunded"}
REJECTION_REASONS = [{"id": 1, "name": "Товар без следов использования не соответствует", "hint": "",
                      "is_comment_required": True}]
BUILT_RETURNS = 3


@dataclass
class Return:
    id: int
    scheme: str
    posting_number: str
    order_id: int
    order_number: str
    sku: int
    offer_id: str
    name: str
    price: str
    quantity: int
    barcode: str          # FBS: the return's logistic barcode; rFBS: the return number
    created_at: float
    state: str            # FBS: the visual sys_name; rFBS: a key of RFBS_STATES
    changed_at: float
    contents: list[dict] = field(default_factory=list)  # what is in the parcel: [{barcode, mark}]
    substituted: bool = False
    type: str = "ClientReturn"
    history: list[dict] = field(default_factory=list)


def iso(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class ReturnsBook:
    def __init__(self, world) -> None:
        self.world = world
        self.returns: dict[int, Return] = {}
        self._ids = itertools.count(80_000_001)
        self._rng = random.Random(f"returns-{world.config.seed}")

    def build(self) -> None:
        """A few postings on their way come back (refused by the buyer at delivery: type
        ``Cancellation``; the first with another unit than shipped)."""
        if not (self.world.config.mixed_statuses and self.world.config.postings >= 20):
            return
        for index, number in enumerate(self.world.posting_numbers(DELIVERING)[:BUILT_RETURNS]):
            self.open(number, substitute=index == 0, refused=True)

    # -- levers and Ozon's side ----------------------------------------------------------------
    def open(self, posting_number: str, *, substitute: bool = False, sku: int | None = None,
             refused: bool = False) -> Return:
        """The buyer sends the posting back (``refused``: refused at delivery, its status stays)."""
        world = self.world
        with world.lock:
            posting = world.get(posting_number)
            if posting is None:
                raise KeyError(posting_number)
            line = next((x for x in posting.lines if sku in (None, x.sku)), None)
            if line is None:
                raise ValueError(f"posting {posting_number} has no product {sku}")
            product = world.product_by_sku[line.sku]
            now = world.clock()
            rid = next(self._ids)
            rfbs = posting.method.tpl_integration_type != "ozon"
            contents = self._contents(posting_number, product, substitute)
            ret = Return(rid, RFBS if rfbs else FBS, posting_number, posting.order_id, posting.order_number,
                         product.sku, product.offer_id, product.name, product.price, 1,
                         f"{posting.order_number}-R{rid % 1000:03d}" if rfbs else f"ii{rid:010d}",
                         now, "new" if rfbs else FBS_ON_WAY[0], now, contents, substitute)
            self.returns[rid] = ret
            ret.type = "Cancellation" if refused else "ClientReturn"
            if not refused and posting.status != DELIVERED:
                world.set_status(posting_number, DELIVERED)
            world.mark_changed()
            return ret

    def _contents(self, number: str, product, substitute: bool) -> list[dict]:
        shipped = [m for m in (self.world.exemplars.shipped_marks(number) or ())
                   if m[2:16] == gtin_of(product.barcodes[0])]
        if not substitute:
            return [{"barcode": product.barcodes[0], "mark": shipped[0] if shipped else None}]
        if product.needs_mark:  # the same product, but not the very unit that left
            return [{"barcode": product.barcodes[0], "mark": sample_mark(product.barcodes[0], 9000 + len(self.returns))}]
        other = next(p for p in self.world.products if p.sku != product.sku and not p.needs_mark)
        return [{"barcode": other.barcodes[0], "mark": None}]

    def arrive(self, return_id: int) -> Return:
        """An FBS return reaches the seller's pick-up point (lever)."""
        ret = self._get(return_id)
        ret.state, ret.changed_at = FBS_AT_PICKUP[0], self.world.clock()
        return ret

    def rfbs_action(self, return_id: int, action: int, comment: str, reason_id: int | None, where) -> None:
        with self.world.lock:
            ret = self.returns.get(return_id)
            if ret is None or ret.scheme != RFBS:
                raise where.error("return_id", "return not found")
            offered = RFBS_STATES[ret.state][2]
            if action not in offered:
                raise invalid(f"action {action} is not available for return {return_id} in state {ret.state}")
            if action == REJECT and (not reason_id or not comment):
                raise invalid("rejection_reason_id and comment are required to reject a return")
            ret.state, ret.changed_at = NEXT_STATE[action], self.world.clock()
            ret.history.append({"action": action, "comment": comment, "rejection_reason_id": reason_id})

    def _get(self, return_id: int) -> Return:
        with self.world.lock:
            if return_id not in self.returns:
                raise KeyError(return_id)
            return self.returns[return_id]

    # -- answers -----------------------------------------------------------------------------
    def of(self, scheme: str) -> list[Return]:
        with self.world.lock:
            return sorted((r for r in self.returns.values() if r.scheme == scheme), key=lambda r: r.id)

    def fbs_json(self, r: Return) -> dict:
        sys_name, display, status_id = FBS_AT_PICKUP if r.state == FBS_AT_PICKUP[0] else FBS_ON_WAY
        return {"id": r.id, "company_id": 100000, "return_reason_name": "Не подошёл",
                "type": r.type, "schema": "Fbs", "order_id": r.order_id,
                "order_number": r.order_number, "posting_number": r.posting_number, "source_id": r.id,
                "exemplars": [{"id": r.id * 10 + i} for i in range(r.quantity)],
                "product": {"sku": r.sku, "offer_id": r.offer_id, "name": r.name, "quantity": r.quantity,
                            "price": {"currency_code": "RUB", "price": float(r.price)}},
                "logistic": {"barcode": r.barcode, "return_date": iso(r.created_at)},
                "visual": {"status": {"id": status_id, "display_name": display, "sys_name": sys_name},
                           "change_moment": iso(r.changed_at)},
                "additional_info": {"is_opened": False, "is_super_econom": False}}

    def rfbs_json(self, r: Return) -> dict:
        group, name, _ = RFBS_STATES[r.state]
        return {"return_id": r.id, "return_number": r.barcode, "posting_number": r.posting_number,
                "order_number": r.order_number, "created_at": iso(r.created_at),
                "product": {"sku": r.sku, "offer_id": r.offer_id, "name": r.name, "price": r.price,
                            "currency_code": "RUB"},
                "state": {"group_state": group, "state": r.state, "state_name": name,
                          "money_return_state_name": ""}}

    def rfbs_get_json(self, r: Return) -> dict:
        _, name, offered = RFBS_STATES[r.state]
        listed = {k: v for k, v in self.rfbs_json(r).items() if k != "return_id"}  # not in the get's answer
        return {**listed, "available_actions": [{"id": a, "name": ACTION_NAMES[a]} for a in offered],
                "rejection_reason": REJECTION_REASONS, "comment": "", "client_photo": [],
                "return_reason": {"id": 3, "name": "Не подошёл", "is_defect": False},
                "ru_post_tracking_number": "", "warehouse_id": self.world.get(r.posting_number).method.warehouse.warehouse_id,
                "state": {"state": r.state, "state_name": name}}

    def lever_json(self, r: Return) -> dict:
        return {"id": r.id, "scheme": r.scheme, "posting_number": r.posting_number, "barcode": r.barcode,
                "sku": r.sku, "state": r.state, "contents": r.contents, "substituted": r.substituted,
                "history": list(r.history)}
