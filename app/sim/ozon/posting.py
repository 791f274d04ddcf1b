"""One simulated FBS posting and the rules that follow from its state (actions, statuses)."""
from __future__ import annotations

from dataclasses import dataclass, field

from app.sim.ozon.places import DeliveryMethod
# Sub-status Ozon shows while an asynchronous ship is being processed (2026 flow; name not
# documented, see the module docs of app.sim.ozon).
SUBSTATUS_SHIP_IN_PROCESS = "ship_in_process"
SUBSTATUS_SHIP_FAILED = "ship_failed"

_SUBSTATUS_FOR = {
    "awaiting_packaging": "posting_created",
    "awaiting_deliver": "posting_not_in_carriage",
    "delivering": "posting_transferred_to_courier_service",
    "driver_pickup": "posting_driver_pick_up",
    "delivered": "posting_delivered",
    "cancelled": "posting_canceled",
    "cancelled_from_split_pending": "posting_canceled",
    "arbitration": "posting_in_arbitration",
    "client_arbitration": "posting_in_client_arbitration",
    "awaiting_registration": "posting_awaiting_registration",
    "acceptance_in_progress": "posting_acceptance_in_progress",
    "awaiting_approve": "posting_created",
    "not_accepted": "posting_not_in_sort_center",
    "sent_by_seller": "sent_by_seller",
}


def substatus_for(status: str) -> str:
    return _SUBSTATUS_FOR.get(status, "")


@dataclass(slots=True)
class Line:
    sku: int
    quantity: int


@dataclass(slots=True, eq=False)
class Posting:
    posting_number: str
    order_id: int
    order_number: str
    status: str
    substatus: str
    shipment_date: float  # epoch seconds, UTC
    in_process_at: float
    status_changed_at: float
    method: DeliveryMethod
    lines: list[Line]
    upper_barcode: str
    lower_barcode: str
    previous_substatus: str = ""
    delivering_date: float | None = None
    tracking_number: str = ""
    parent_posting_number: str = ""
    related: list[str] = field(default_factory=list)
    cancel_reason_id: int = 0
    cancel_reason: str = ""
    cancellation_type: str = ""
    cancellation_initiator: str = ""
    cancelled_after_ship: bool = False
    ship_state: str = ""  # "", "in_process" or "failed"
    ship_will_fail: bool = False
    label_ready_at: float | None = None
    is_express: bool = False
    is_multibox: bool = False
    multi_box_qty: int = 1
    multi_box_set_at: float | None = None  # when /v3/posting/multiboxqty/set last set it

    @property
    def sort_key(self) -> tuple[float, str]:
        return (self.shipment_date, self.posting_number)

    @property
    def scanit(self) -> str:
        """The code on Ozon's new-format label (2026-10; e.g. ``ii30525117479``), unique per posting."""
        return "ii" + self.lower_barcode[-11:]

    def set_status(self, status: str, substatus: str, at: float) -> None:
        if substatus != self.substatus:
            self.previous_substatus = self.substatus
        if status != self.status:
            self.status_changed_at = at
        self.status = status
        self.substatus = substatus

    def available_actions(self) -> list[str]:
        if self.status == "awaiting_packaging":
            if self.ship_state == "in_process":
                return ["cancel", "ship_async_in_process"]
            if self.ship_state == "failed":
                return ["cancel", "product_cancel", "ship_async_retry"]
            return ["cancel", "product_cancel", "ship"]
        if self.method.own_carrier:  # rFBS, the seller's own carrier: the seller moves it along
            if self.status == "awaiting_deliver":
                return ["cancel", "label_download", "label_download_big", "set_track_number", "non_int_delivering"]
            if self.status == "delivering":
                return ["set_track_number", "non_int_last_mile", "non_int_delivered"]
            return []
        if self.status == "awaiting_deliver":
            if self.method.partner_delivery:
                return ["cancel", "label_download", "label_download_big", "label_download_small"]
            return ["cancel", "label_download", "label_download_big"]
        if self.status in ("delivering", "driver_pickup"):
            return ["arbitration"]
        return []

    def mandatory_mark_skus(self, needs_mark: dict[int, bool]) -> list[str]:
        """SKUs (as strings, the spec's int64 encoding) that need Chestny ZNAK codes."""
        return [str(line.sku) for line in self.lines if needs_mark.get(line.sku)]
