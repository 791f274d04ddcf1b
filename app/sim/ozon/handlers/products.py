"""The catalogue: ``/v3/product/info/list`` and ``/v4/product/info/attributes``."""
from __future__ import annotations

import base64

from app.sim.ozon.catalog import Product
from app.sim.ozon.context import Context
from app.sim.ozon.errors import invalid
from app.sim.ozon.params import Fields
from app.sim.ozon.photos import photo_url
from app.sim.ozon.views import CURRENCY, iso

MAX_IDS = 1000


def _selection(flt: Fields, products: list[Product], *, empty_means_all: bool) -> list[Product]:
    offer_ids = set(flt.str_list("offer_id"))
    product_ids = set(flt.int_list("product_id"))
    skus = set(flt.int_list("sku"))
    if len(offer_ids) + len(product_ids) + len(skus) > MAX_IDS:
        raise invalid(f"invalid {flt.request}: no more than {MAX_IDS} ids in total")
    if not (offer_ids or product_ids or skus):
        return list(products) if empty_means_all else []
    return [p for p in products if p.offer_id in offer_ids or p.product_id in product_ids or p.sku in skus]


def _info_item(product: Product, created_at: str | None, photo: str) -> dict:
    volume_l = product.depth_mm * product.width_mm * product.height_mm / 1_000_000
    return {
        "id": product.product_id,
        "name": product.name,
        "offer_id": product.offer_id,
        "barcodes": list(product.barcodes),
        "sources": [{
            "sku": product.sku, "source": "sds", "created_at": created_at,
            "shipment_type": "SHIPMENT_TYPE_GENERAL", "quant_code": "",
        }],
        "statuses": {
            "status": "price_sent", "status_name": "Продается", "status_description": "",
            "status_failed": "", "status_tooltip": "", "moderate_status": "approved",
            "validation_status": "success", "is_created": True, "status_updated_at": created_at,
        },
        "created_at": created_at,
        "updated_at": created_at,
        "currency_code": CURRENCY,
        "price": product.price,
        "old_price": "",
        "min_price": "",
        "marketing_price": product.price,
        "vat": "0.2",
        "volume_weight": round(volume_l / 5, 3),
        "is_kgt": False,
        "is_archived": False,
        "is_autoarchived": False,
        "is_discounted": False,
        "is_prepayment_allowed": True,
        "is_super": False,
        "has_discounted_fbo_item": False,
        "discounted_fbo_stocks": 0,
        "description_category_id": product.description_category_id,
        "type_id": product.type_id,
        "images": [],
        "images360": [],
        "primary_image": [photo],
        "color_image": [],
        "commissions": [],
        "errors": [],
        "model_info": {"model_id": product.product_id, "count": 1},
        "stocks": {"has_stock": True, "stocks": [{"present": 100, "reserved": 0, "sku": product.sku, "source": "fbs"}]},
        "visibility_details": {"has_price": True, "has_stock": True},
    }


def info_list(ctx: Context, body: dict) -> dict:
    """Products by ``offer_id``/``product_id``/``sku`` lists (at most 1000 ids in all)."""
    request = Fields(body, "GetProductInfoListRequest")
    world = ctx.world
    created_at = iso(world.built_at - 90 * 86_400)
    return {"items": [_info_item(p, created_at, photo_url(ctx.labels.file_base(), p.sku)) for p in _selection(request, world.products, empty_means_all=False)]}


def _attributes_item(product: Product) -> dict:
    return {
        "id": product.product_id,
        "name": product.name,
        "offer_id": product.offer_id,
        "sku": str(product.sku),  # the spec types it as a string here
        "barcode": product.barcodes[0],
        "barcodes": list(product.barcodes),
        "weight": product.weight_g,
        "weight_unit": "g",
        "height": product.height_mm,
        "width": product.width_mm,
        "depth": product.depth_mm,
        "dimension_unit": "mm",
        "description_category_id": product.description_category_id,
        "type_id": product.type_id,
        "primary_image": "",
        "color_image": "",
        "images": [],
        "attributes": [],
        "complex_attributes": [],
        "attributes_with_defaults": [],
        "pdf_list": [],
        "model_info": {"model_id": product.product_id, "count": 1},
    }


def _encode_last_id(product_id: int) -> str:
    return base64.b64encode(str(product_id).encode()).decode()


def attributes(ctx: Context, body: dict) -> dict:
    """Weights and sizes; ``last_id`` paging in product_id order."""
    request = Fields(body, "GetProductAttributesV4Request")
    limit = request.integer("limit", required=True, low=1, high=1000)
    last_id = request.string("last_id")
    after = None
    if last_id:
        try:
            after = int(base64.b64decode(last_id.encode(), validate=True).decode())
        except ValueError:
            raise request.error("last_id", "invalid last_id") from None
    direction = request.string("sort_dir", default="asc").lower()
    selected = sorted(_selection(request.obj("filter"), ctx.world.products, empty_means_all=True),
                      key=lambda p: p.product_id, reverse=direction == "desc")
    if after is not None:
        selected_ids = [p.product_id for p in selected]
        start = selected_ids.index(after) + 1 if after in selected_ids else len(selected)
    else:
        start = 0
    page = selected[start:start + limit]
    return {
        "result": [_attributes_item(p) for p in page],
        "last_id": _encode_last_id(page[-1].product_id) if page else "",
        "total": str(len(selected)),
    }
