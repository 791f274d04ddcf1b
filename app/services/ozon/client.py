"""The Ozon Seller API client packdesk uses: one account, typed answers, typed errors.

    with OzonClient("https://api-seller.ozon.ru", client_id, api_key) as ozon:
        for page in ozon.iter_unfulfilled(cutoff_from=start, cutoff_to=end):
            ...
        ozon.ship("12345678-0001-1", [ShipPackage(products=((sku, 1),))])

Every method returns :mod:`app.services.ozon.models` dataclasses or raises an
:class:`~app.services.ozon.errors.OzonError`. Reads are retried; mutations (``ship``) are not
retried once they may have reached Ozon. Calls are paced by a per-account
:class:`~app.services.ozon.ratelimit.RateLimiter`. A client may be shared between threads
(pacing is thread-safe; ``requests.Session`` is used the usual way), but one per thread is simpler.
"""
from __future__ import annotations

import logging
import random
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from urllib.parse import urlsplit

import requests

from app.config_values import is_loopback

from .carriages import CarriageMethods
from .errors import OzonConfigError
from .exemplars import ExemplarMethods
from .labels import LABEL_CREATE, LABEL_GET, LabelDownloads, choose_task, label_batch, wait_for_task
from .models import (
    BIG_LABEL, DeliveryMethod, KeyInfo, LabelBatch, LabelTask, LabelTaskState, Posting, PostingPage, Product,
    ShipPackage, ShipResult, Warehouse,
)
from .parse import Pace, ParseError, format_datetime, parse_posting, parse_posting_page, unwrap_result
from .parse_catalog import (
    parse_delivery_method_page,
    parse_key_info,
    parse_label_task_state,
    parse_label_tasks,
    parse_product_attributes,
    parse_product_info,
    parse_ship_result,
    parse_warehouse_page,
)
from .ratelimit import DEFAULT_RPS, RateLimiter
from .returns import ReturnMethods
from .seller_delivery import SellerDeliveryMethods
from .last_mile import LastMileMethods
from .multibox import MultiboxMethods
from .chat import ChatMethods
from .transport import Transport, as_bad_response

log = logging.getLogger("packdesk.ozon.client")

__all__ = ["OzonClient", "MAX_PAGE_LIMIT", "MAX_LABELS_PER_CALL", "check_base_url"]

MAX_PAGE_LIMIT = 100          # v4 posting lists reject more
MAX_LABELS_PER_CALL = 20      # /v3/posting/fbs/package-label/create
MAX_PRODUCT_IDS = 1000        # /v3/product/info/list, /v4/product/info/attributes
DELIVERY_METHODS_LIMIT = 100  # /v2/delivery-method/list takes 1..100
WAREHOUSES_LIMIT = 100        # /v2/warehouse/list
_KEY_RE = re.compile(r"[A-Za-z0-9._~+/=-]+")
_CLIENT_ID_RE = re.compile(r"[A-Za-z0-9._-]+")


def check_base_url(base_url: str) -> str:
    """The base URL without a trailing slash; https, or http only to a loopback host."""
    parts = urlsplit(base_url.strip())
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host:
        raise OzonConfigError(f"the Ozon base URL must be an https:// URL, got {base_url!r}")
    if parts.scheme == "http" and not is_loopback(host):
        raise OzonConfigError(f"plain http:// is accepted only for a loopback host (simulator, tests), "
                              f"got {base_url!r}: use https://")
    return base_url.strip().rstrip("/")


def _chunks(items: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _unique_ints(values: Iterable[int], what: str) -> list[int]:
    out: list[int] = []
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise ValueError(f"{what} must be positive integers, got {value!r}")
        if value not in out:
            out.append(value)
    return out


def _ids(values: Iterable[int] | None, what: str) -> list[int]:
    return [] if values is None else _unique_ints(values, what)


def _materialise(*iterables: Iterable | None) -> tuple[list | None, ...]:
    """Lists of the given iterables, so that every page of an iteration sends the same filter."""
    return tuple(None if values is None else list(values) for values in iterables)


class OzonClient(ExemplarMethods, CarriageMethods, SellerDeliveryMethods, ReturnMethods, LastMileMethods,
                 MultiboxMethods, ChatMethods):
    """Typed access to the Seller API endpoints of the packing flow, for one Client-Id.

    ``rps``/``burst``/``method_rps`` shape the account's :class:`RateLimiter` (ignored when a
    shared ``limiter`` is given); ``timeout`` is (connect, read) seconds for every call;
    ``max_retries`` counts retries after the first attempt; ``sleep``/``clock``/``rng`` are
    seams for tests. Raises OzonConfigError for an unusable base URL, Client-Id or key.
    """

    def __init__(self, base_url: str, client_id: str, api_key: str, *, rps: float = DEFAULT_RPS,
                 burst: float | None = None, method_rps: dict[str, float] | None = None,
                 timeout: tuple[float, float] = (5.0, 30.0), max_retries: int = 4,
                 session: requests.Session | None = None, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic, limiter: RateLimiter | None = None,
                 backoff_base: float = 0.5, backoff_cap: float = 8.0, max_retry_after: float = 60.0,
                 rng: Callable[[], float] = random.random):
        self.base_url = check_base_url(base_url)
        client_id = str(client_id).strip()
        if not _CLIENT_ID_RE.fullmatch(client_id):
            raise OzonConfigError("the Ozon Client-Id is empty or has characters a Client-Id cannot have")
        if not isinstance(api_key, str) or not _KEY_RE.fullmatch(api_key):
            # Never echo the key, not even a malformed one.
            raise OzonConfigError("the Ozon API key is empty or has characters an API key cannot have "
                                  "(spaces, line breaks, quotes?)")
        connect, read = timeout
        if connect <= 0 or read <= 0:
            raise OzonConfigError("timeouts must be positive")
        if max_retries < 0:
            raise OzonConfigError("max_retries must not be negative")
        self.client_id = client_id
        self.limiter = limiter or RateLimiter(rps, burst=burst, method_rps=method_rps, clock=clock, sleep=sleep)
        self._transport = Transport(
            self.base_url, client_id, api_key, limiter=self.limiter, timeout=(float(connect), float(read)),
            max_retries=max_retries, session=session, sleep=sleep, backoff_base=backoff_base,
            backoff_cap=backoff_cap, max_retry_after=max_retry_after, rng=rng)
        self._downloads = LabelDownloads(timeout=(float(connect), float(read)))
        self._sleep, self._clock = sleep, clock

    def __repr__(self) -> str:
        return f"OzonClient(base_url={self.base_url!r}, client_id={self.client_id!r})"

    def close(self) -> None:
        self._transport.close()
        self._downloads.close()

    def __enter__(self) -> OzonClient:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # ------------------------------------------------------------------ plumbing

    def _read(self, path: str, body: dict, parse: Callable[[object], object], *, label: bool = False):
        decoded = self._transport.post(path, body, label=label)
        try:
            return parse(decoded)
        except ParseError as exc:
            raise as_bad_response(path, self._transport.redact(str(exc))) from None

    @staticmethod
    def _posting_filter(statuses, warehouse_ids, delivery_method_ids) -> dict:
        """The plural list filters of the v4 posting lists; empty or None means "any"."""
        extra: dict = {}
        statuses = [str(status) for status in statuses or ()]
        warehouse_ids = _ids(warehouse_ids, "warehouse ids")
        delivery_method_ids = _ids(delivery_method_ids, "delivery method ids")
        if statuses:
            extra["statuses"] = statuses
        if warehouse_ids:
            extra["warehouse_ids"] = warehouse_ids
        if delivery_method_ids:
            extra["delivery_method_ids"] = delivery_method_ids
        return extra

    def _posting_page(self, path: str, flt: dict, cursor: str | None, limit: int, pace: Pace) -> PostingPage:
        body: dict = {"filter": flt, "limit": max(1, min(int(limit), MAX_PAGE_LIMIT)),
                      "with": {"barcodes": True}}
        if cursor:
            body["cursor"] = cursor
        return self._read(path, body, lambda decoded: parse_posting_page(decoded, path, pace=pace))

    def _follow(self, path: str, fetch: Callable[[str | None], PostingPage]) -> Iterator[PostingPage]:
        cursor: str | None = None
        seen: set[str] = set()
        while True:
            page = fetch(cursor)
            yield page
            if not page.has_next:
                return
            if not page.cursor or page.cursor in seen:
                raise as_bad_response(path, "has_next is true but the cursor is missing or repeats")
            seen.add(page.cursor)
            cursor = page.cursor

    # ------------------------------------------------------------------ postings

    def unfulfilled_page(self, *, cutoff_from: datetime, cutoff_to: datetime, cursor: str | None = None,
                         limit: int = MAX_PAGE_LIMIT, statuses: Iterable[str] | None = None,
                         warehouse_ids: Iterable[int] | None = None,
                         delivery_method_ids: Iterable[int] | None = None, pace: Pace = iter) -> PostingPage:
        """One page of ``/v4/posting/fbs/unfulfilled/list`` (postings not yet delivered); ``pace``:
        see ``parse_posting_page``."""
        flt = {"cutoff_from": format_datetime(cutoff_from), "cutoff_to": format_datetime(cutoff_to),
               **self._posting_filter(statuses, warehouse_ids, delivery_method_ids)}
        return self._posting_page("/v4/posting/fbs/unfulfilled/list", flt, cursor, limit, pace)

    def iter_unfulfilled(self, *, cutoff_from: datetime, cutoff_to: datetime, limit: int = MAX_PAGE_LIMIT,
                         statuses: Iterable[str] | None = None, warehouse_ids: Iterable[int] | None = None,
                         delivery_method_ids: Iterable[int] | None = None, pace: Pace = iter) -> Iterator[PostingPage]:
        """Every page of the unfulfilled list, following the cursor until ``has_next`` is false."""
        statuses, warehouse_ids, delivery_method_ids = _materialise(statuses, warehouse_ids, delivery_method_ids)
        return self._follow("/v4/posting/fbs/unfulfilled/list", lambda cursor: self.unfulfilled_page(
            cutoff_from=cutoff_from, cutoff_to=cutoff_to, cursor=cursor, limit=limit, statuses=statuses,
            warehouse_ids=warehouse_ids, delivery_method_ids=delivery_method_ids, pace=pace))

    def list_page(self, *, since: datetime, to: datetime, cursor: str | None = None, limit: int = MAX_PAGE_LIMIT,
                  statuses: Iterable[str] | None = None, warehouse_ids: Iterable[int] | None = None,
                  delivery_method_ids: Iterable[int] | None = None,
                  changed_since: datetime | None = None, pace: Pace = iter) -> PostingPage:
        """One page of ``/v4/posting/fbs/list`` (history, including delivered and cancelled).

        ``changed_since`` keeps only postings whose status changed at or after it
        (``last_changed_status_date``), which makes incremental syncs cheap.
        """
        flt = {"since": format_datetime(since), "to": format_datetime(to),
               **self._posting_filter(statuses, warehouse_ids, delivery_method_ids)}
        if changed_since is not None:
            flt["last_changed_status_date"] = {"from": format_datetime(changed_since), "to": format_datetime(to)}
        return self._posting_page("/v4/posting/fbs/list", flt, cursor, limit, pace)

    def iter_list(self, *, since: datetime, to: datetime, limit: int = MAX_PAGE_LIMIT,
                  statuses: Iterable[str] | None = None, warehouse_ids: Iterable[int] | None = None,
                  delivery_method_ids: Iterable[int] | None = None,
                  changed_since: datetime | None = None, pace: Pace = iter) -> Iterator[PostingPage]:
        """Every page of the posting history in ``[since, to]``."""
        statuses, warehouse_ids, delivery_method_ids = _materialise(statuses, warehouse_ids, delivery_method_ids)
        return self._follow("/v4/posting/fbs/list", lambda cursor: self.list_page(
            since=since, to=to, cursor=cursor, limit=limit, statuses=statuses,
            warehouse_ids=warehouse_ids, delivery_method_ids=delivery_method_ids, changed_since=changed_since,
            pace=pace))

    def get_posting(self, posting_number: str) -> Posting:
        """``/v3/posting/fbs/get`` with barcodes and related postings."""
        body = {"posting_number": posting_number, "with": {"barcodes": True, "related_postings": True}}
        return self._read("/v3/posting/fbs/get", body, lambda decoded: parse_posting(unwrap_result(decoded)))

    def get_by_barcode(self, barcode: str) -> Posting:
        """``/v2/posting/fbs/get-by-barcode``: the posting summary behind an Ozon label barcode."""
        return self._read("/v2/posting/fbs/get-by-barcode", {"barcode": barcode},
                          lambda decoded: parse_posting(unwrap_result(decoded)))

    # ------------------------------------------------------------------ catalogue

    def product_info(self, skus: Iterable[int]) -> list[Product]:
        """``/v3/product/info/list`` by SKU (names, offer ids, barcodes; no weights)."""
        path = "/v3/product/info/list"
        products: list[Product] = []
        for chunk in _chunks(_unique_ints(skus, "SKUs"), MAX_PRODUCT_IDS):
            products += self._read(path, {"sku": list(chunk)},
                                   lambda decoded, chunk=chunk: parse_product_info(decoded, chunk, path))
        return products

    def product_attributes(self, skus: Iterable[int]) -> list[Product]:
        """``/v4/product/info/attributes`` by SKU: barcodes, weight (g) and dimensions (mm)."""
        path = "/v4/product/info/attributes"
        products: list[Product] = []
        for chunk in _chunks(_unique_ints(skus, "SKUs"), MAX_PRODUCT_IDS):
            last_id = ""
            seen: set[str] = set()
            got = 0
            while True:
                body = {"filter": {"sku": list(chunk), "visibility": "ALL"}, "limit": MAX_PRODUCT_IDS,
                        "last_id": last_id}
                page, next_id = self._read(path, body, lambda decoded: parse_product_attributes(decoded, path))
                products += page
                got += len(page)
                if not page or not next_id or next_id in seen or got >= len(chunk):
                    break
                seen.add(next_id)
                last_id = next_id
        return products

    def products(self, skus: Iterable[int]) -> list[Product]:
        """Both product calls merged per SKU: names/barcodes from both, weight and size from attributes."""
        wanted = _unique_ints(skus, "SKUs")
        if not wanted:
            return []
        info = {product.sku: product for product in self.product_info(wanted)}
        attributes = {product.sku: product for product in self.product_attributes(wanted)}
        merged: list[Product] = []
        for sku in wanted:
            a, b = info.get(sku), attributes.get(sku)
            if a is None and b is None:
                continue
            first, second = (a or b), (b or a)
            merged.append(Product(
                sku=sku, product_id=first.product_id or second.product_id,
                offer_id=first.offer_id or second.offer_id, name=first.name or second.name,
                barcodes=tuple(dict.fromkeys(first.barcodes + second.barcodes)), weight_g=b.weight_g if b else None,
                height_mm=b.height_mm if b else None, width_mm=b.width_mm if b else None,
                depth_mm=b.depth_mm if b else None, primary_image=first.primary_image or second.primary_image))
        return merged

    # ------------------------------------------------------------------ warehouses, methods, key

    def _all_pages(self, path: str, body: dict,
                   parse: Callable[[object, str], tuple[list, str | None, bool]]) -> list:
        """Every item of a cursor-paged reference list (``cursor`` + ``has_next``)."""
        found: list = []
        cursor: str | None = None
        seen: set[str] = set()
        while True:
            page, cursor, has_next = self._read(path, {**body, **({"cursor": cursor} if cursor else {})},
                                                lambda decoded: parse(decoded, path))
            found += page
            if not has_next:
                return found
            if not cursor or cursor in seen:
                raise as_bad_response(path, "has_next is true but the cursor is missing or repeats")
            seen.add(cursor)

    def warehouses(self) -> list[Warehouse]:
        """All FBS/rFBS warehouses (``/v2/warehouse/list``, cursor paging)."""
        return self._all_pages("/v2/warehouse/list", {"limit": WAREHOUSES_LIMIT}, parse_warehouse_page)

    def delivery_methods(self, warehouse_ids: Iterable[int] | None = None) -> list[DeliveryMethod]:
        """Delivery methods, of some warehouses or all (``/v2/delivery-method/list``, cursor paging)."""
        body: dict = {"limit": DELIVERY_METHODS_LIMIT}
        warehouse_ids = _ids(warehouse_ids, "warehouse ids")
        if warehouse_ids:
            body["filter"] = {"warehouse_ids": warehouse_ids}
        return self._all_pages("/v2/delivery-method/list", body, parse_delivery_method_page)

    def roles(self) -> KeyInfo:
        """The API key's roles and expiry (``/v1/roles``)."""
        return self._read("/v1/roles", {}, parse_key_info)

    # ------------------------------------------------------------------ ship and labels

    def ship(self, posting_number: str, packages: Sequence[ShipPackage]) -> ShipResult:
        """Pack a posting (``/v4/posting/fbs/ship``). A mutation: never retried once it may have arrived.

        Several packages split the posting; the result names every resulting posting. Ozon
        2026 treats ship as asynchronous: confirm with :meth:`get_posting`.
        """
        if not packages:
            raise ValueError("ship needs at least one package")
        wire = []
        for package in packages:
            items = [{"product_id": int(sku), "quantity": int(quantity)} for sku, quantity in package.products]
            if not items or any(item["quantity"] <= 0 or item["product_id"] <= 0 for item in items):
                raise ValueError("every package needs products with a positive SKU and quantity")
            wire.append({"products": items})
        path = "/v4/posting/fbs/ship"
        body = {"posting_number": posting_number, "packages": wire, "with": {"additional_data": True}}
        decoded = self._transport.post(path, body, idempotent=False)
        try:
            return parse_ship_result(decoded)
        except ParseError as exc:
            raise as_bad_response(path, str(exc), maybe_applied=True) from None

    def create_label_tasks(self, posting_numbers: Sequence[str]) -> tuple[LabelTask, ...]:
        """Ask Ozon to make the labels of up to 20 shipped postings (``/v3/posting/fbs/package-label/create``):
        one task per label size. A read for retries: a second task for the same postings harms nothing.
        Raises OzonLabelNotReady when Ozon says the postings are not ready yet."""
        numbers = list(dict.fromkeys(posting_numbers))
        if not numbers:
            raise ValueError("no posting numbers")
        if len(numbers) > MAX_LABELS_PER_CALL:
            raise ValueError(f"at most {MAX_LABELS_PER_CALL} postings per label call, got {len(numbers)}")
        return self._read(LABEL_CREATE, {"posting_numbers": numbers}, parse_label_tasks, label=True)

    def label_task(self, task_id: int) -> LabelTaskState:
        """Where a label task is (``/v2/posting/fbs/package-label/get``)."""
        return self._read(LABEL_GET, {"task_id": int(task_id)}, parse_label_task_state)

    def download_label(self, file_url: str) -> bytes:
        """A label file from Ozon's file host, without this account's credentials (see labels.py)."""
        return self._downloads.get_pdf(file_url)

    def fetch_labels(self, posting_numbers: Sequence[str], task_type: str = BIG_LABEL) -> LabelBatch:
        """The labels of up to 20 shipped postings: create the tasks, take the one of ``task_type``
        (the other size when Ozon made none), wait for it with growing pauses (at most
        ``TASK_TIMEOUT_S``), download its file. Postings Ozon left unprinted are in the batch's
        ``unprinted`` with Ozon's message; the PDF has a page per printed posting, in order."""
        numbers = list(dict.fromkeys(posting_numbers))
        task = choose_task(self.create_label_tasks(numbers), task_type)
        state = wait_for_task(lambda: self.label_task(task.task_id), sleep=self._sleep, clock=self._clock)
        return label_batch(numbers, task, state, self.download_label)
