"""Seeded generation of postings from the catalogue (start-up world and postings added later)."""
from __future__ import annotations

import random

from app.sim.ozon.catalog import Product
from app.sim.ozon.places import DeliveryMethod
from app.sim.ozon.posting import Line, Posting, substatus_for

_DAY = 86_400.0
_HOUR = 3_600.0

CANCEL_REASONS = {
    506: ("Покупатель отменил заказ", "client", "Покупатель"),
    352: ("Товар закончился на складе продавца", "seller", "Продавец"),
    402: ("Другое (вина продавца)", "seller", "Продавец"),
}
DEFAULT_CANCEL_REASON_ID = 506

_LINES_CUMULATIVE = (0.55, 0.80, 0.93)  # postings with 1, 2, 3 (else 4) different products
_MULTI_UNIT_SHARE = 0.15  # lines with 2-3 units
_SECOND_POSTING_SHARE = 0.08  # orders split by Ozon into two postings
_QUIET_FIRST = 10  # the first postings of a world are always awaiting_packaging


class PostingFactory:
    """Makes postings with unique numbers, order ids and label barcodes."""

    def __init__(self, rng: random.Random, products: list[Product], methods: list[DeliveryMethod],
                 partner: DeliveryMethod | None = None, partner_share: float = 0.0,
                 partner_rng: random.Random | None = None, own: list[DeliveryMethod] | None = None,
                 own_share: float = 0.0, own_rng: random.Random | None = None):
        self._rng = rng
        self._products = products
        self._methods = methods
        # partner-delivery postings draw from their own generator: a world without them is unchanged
        self._partner, self._partner_share = partner, partner_share
        self._partner_rng = partner_rng or random.Random(0)
        # the seller's own carrier (rFBS, non-integrated): its own generator too
        self._own, self._own_share, self._own_rng = own or [], own_share, own_rng or random.Random(0)
        self._order_bases: set[int] = set()
        self._serial = rng.randint(100_000_000, 400_000_000)
        self._lower_base = rng.randint(10**13, 5 * 10**13)
        self._order_id = rng.randint(20_000_000_000, 40_000_000_000)
        self.made = 0

    def mint_barcodes(self) -> tuple[str, str]:
        """A fresh (upper, lower) pair of label barcodes."""
        self._serial += 1
        return f"%101%{self._serial}", str(self._lower_base + self._serial)

    def next_order(self, now: float, mixed_statuses: bool, most: int = 2) -> list[Posting]:
        """The postings of one new order (one, sometimes two; never more than ``most``)."""
        rng = self._rng
        base = rng.randint(10_000_000, 99_999_999)
        while base in self._order_bases:
            base = rng.randint(10_000_000, 99_999_999)
        self._order_bases.add(base)
        order_number = f"{base:08d}-{rng.randint(1, 40):04d}"
        self._order_id += rng.randint(1, 97)
        in_process_at = now - rng.randint(10, 48 * 60) * 60.0
        postings = []
        for index in range(min(most, 2 if rng.random() < _SECOND_POSTING_SHARE else 1)):
            postings.append(self._posting(f"{order_number}-{index + 1}", order_number, in_process_at,
                                          now, mixed_statuses))
        return postings

    def _posting(self, number: str, order_number: str, in_process_at: float, now: float,
                 mixed_statuses: bool) -> Posting:
        rng = self._rng
        method = rng.choice(self._methods)
        if self._partner is not None and self._partner_rng.random() < self._partner_share:
            method = self._partner
        if self._own and self._own_rng.random() < self._own_share:
            method = self._own_rng.choice(self._own)
        day_start = now - now % _DAY
        shipment_date = day_start + rng.randint(0, 2) * _DAY + method.cutoff_hour * _HOUR
        if shipment_date < now + _HOUR:
            shipment_date += _DAY
        roll = rng.random()
        count = 1 + sum(1 for edge in _LINES_CUMULATIVE if roll >= edge)
        lines = [
            Line(sku=product.sku, quantity=rng.choice((2, 2, 3)) if rng.random() < _MULTI_UNIT_SHARE else 1)
            for product in rng.sample(self._products, min(count, len(self._products)))
        ]
        upper, lower = self.mint_barcodes()
        self.made += 1
        posting = Posting(
            posting_number=number,
            order_id=self._order_id,
            order_number=order_number,
            status="awaiting_packaging",
            substatus=substatus_for("awaiting_packaging"),
            shipment_date=shipment_date,
            in_process_at=min(in_process_at, now),
            status_changed_at=min(in_process_at, now),
            method=method,
            lines=lines,
            upper_barcode=upper,
            lower_barcode=lower,
        )
        if mixed_statuses and self.made > _QUIET_FIRST:
            self._maybe_advance(posting, now)
        return posting

    def _maybe_advance(self, posting: Posting, now: float) -> None:
        """A few postings already further along, as in a real seller's list."""
        roll = self._rng.random()
        if roll < 0.03:
            posting.set_status("awaiting_deliver", substatus_for("awaiting_deliver"), now - 3_600)
            posting.label_ready_at = now - 3_000
        elif roll < 0.05:
            posting.shipment_date -= 2 * _DAY
            posting.in_process_at -= 2 * _DAY
            posting.delivering_date = posting.shipment_date + 2 * _HOUR
            posting.set_status("delivering", substatus_for("delivering"), posting.delivering_date)
            posting.label_ready_at = posting.shipment_date
        elif roll < 0.08:
            cancel(posting, DEFAULT_CANCEL_REASON_ID, None, now - 1_800)


def cancel(posting: Posting, reason_id: int, reason: str | None, at: float) -> None:
    """Move a posting to ``cancelled`` with Ozon's cancellation details."""
    text, kind, initiator = CANCEL_REASONS.get(reason_id, CANCEL_REASONS[402])
    posting.cancelled_after_ship = posting.status not in ("awaiting_packaging", "awaiting_approve")
    posting.cancel_reason_id = reason_id
    posting.cancel_reason = reason or text
    posting.cancellation_type = kind
    posting.cancellation_initiator = initiator
    posting.ship_state = ""
    posting.set_status("cancelled", substatus_for("cancelled"), at)
