"""Typed views of what the Ozon Seller API returns, as the rest of packdesk sees it.

The client parses Ozon's JSON into these frozen dataclasses; nothing above the client
touches raw JSON. Times are timezone-aware UTC datetimes. What a posting ``status`` means to the
bench: ``app.statuses``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class PostingProduct:
    sku: int
    offer_id: str
    name: str
    quantity: int
    price: str | None = None
    currency_code: str | None = None


@dataclass(frozen=True, slots=True)
class Addressee:
    """Whom an rFBS parcel goes to, as Ozon gives it to a seller shipping with their own carrier
    (``customer`` with its ``address``, ``addressee``'s phone); empty strings where Ozon gives none."""

    name: str
    phone: str = ""
    zip_code: str = ""
    region: str = ""
    city: str = ""
    address_tail: str = ""
    country: str = ""


@dataclass(frozen=True, slots=True)
class Posting:
    posting_number: str
    status: str
    substatus: str | None = None
    order_id: int | None = None
    order_number: str | None = None
    shipment_date: datetime | None = None
    in_process_at: datetime | None = None
    delivering_date: datetime | None = None
    delivery_method_id: int | None = None
    delivery_method_name: str | None = None
    warehouse_id: int | None = None
    tpl_provider_id: int | None = None
    tpl_integration_type: str | None = None
    tracking_number: str | None = None
    available_actions: tuple[str, ...] = ()
    requirements: dict = field(default_factory=dict)
    is_multibox: bool = False
    multi_box_qty: int = 1
    parent_posting_number: str | None = None
    delivery_schema: str | None = None
    is_express: bool = False
    cancel_reason: str | None = None
    cancellation_type: str | None = None  # who cancelled: seller, client/customer, ozon, system, delivery
    upper_barcode: str | None = None
    lower_barcode: str | None = None
    products: tuple[PostingProduct, ...] = ()
    related_postings: tuple[str, ...] = ()
    scanit: str | None = None  # the code on Ozon's new-format label (2026-10)
    addressee: Addressee | None = None  # rFBS with the seller's own carrier: where the carrier takes it


@dataclass(frozen=True, slots=True)
class PostingPage:
    postings: list[Posting]
    cursor: str | None
    has_next: bool
    skipped: int = 0  # postings in the page that could not be parsed (logged by the client)
    total: int | None = None  # how many postings the whole list holds, when Ozon says (``count``)


@dataclass(frozen=True, slots=True)
class Product:
    sku: int
    product_id: int | None
    offer_id: str
    name: str
    barcodes: tuple[str, ...] = ()
    weight_g: float | None = None
    height_mm: float | None = None
    width_mm: float | None = None
    depth_mm: float | None = None
    primary_image: str = ""  # the link of the product's main photo on Ozon's CDN ("" when it has none)


@dataclass(frozen=True, slots=True)
class Warehouse:
    id: int
    name: str
    is_rfbs: bool = False
    status: str | None = None


@dataclass(frozen=True, slots=True)
class DeliveryMethod:
    id: int
    name: str
    warehouse_id: int | None = None
    provider_id: int | None = None
    status: str | None = None
    cutoff: str | None = None
    tpl_integration_type: str | None = None  # ozon, aggregator (Ozon partner delivery), non_integrated...
    is_express: bool = False


@dataclass(frozen=True, slots=True)
class KeyInfo:
    roles: tuple[str, ...]
    expires_at: datetime | None


@dataclass(frozen=True, slots=True)
class ShipPackage:
    products: tuple[tuple[int, int], ...]  # (sku, quantity) pairs; Ozon wants the SKU in product_id


@dataclass(frozen=True, slots=True)
class ShipResult:
    posting_numbers: tuple[str, ...]


# Label task types of /v3/posting/fbs/package-label/create: one task per label size.
BIG_LABEL = "big_label"
SMALL_LABEL = "small_label"


@dataclass(frozen=True, slots=True)
class LabelTask:
    task_id: int
    task_type: str  # BIG_LABEL or SMALL_LABEL


@dataclass(frozen=True, slots=True)
class LabelTaskState:
    """``/v2/posting/fbs/package-label/get``: where a label task is."""
    status: str  # pending | in_progress | completed | error
    postings_count: int = 0
    printed_postings_count: int = 0
    unprinted: tuple[tuple[str, str], ...] = ()  # (posting number, Ozon's message)
    file_url: str | None = None
    error_code: str | None = None
    error_message: str | None = None


@dataclass(frozen=True, slots=True)
class LabelBatch:
    """The labels of one batch of postings: the PDF holds one page per ``printed`` posting, in
    that order (the request order with the unprinted ones left out); ``pdf`` is None when none
    printed. ``unprinted`` are asked for again later."""
    task_type: str
    printed: tuple[str, ...]
    unprinted: tuple[tuple[str, str], ...]
    pdf: bytes | None
