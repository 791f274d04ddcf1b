"""Reference data: warehouses (v2, cursor), delivery methods (v2, cursor) and the key's roles."""
from __future__ import annotations

from app.sim.ozon.context import Context
from app.sim.ozon.params import Fields
from app.sim.ozon.places import Warehouse
from app.sim.ozon.views import iso

KEY_LIFETIME_S = 80 * 86_400  # the demo key "expires" this long after start-up


def _warehouse(warehouse: Warehouse, created_at: str | None) -> dict:
    return {
        "warehouse_id": warehouse.warehouse_id,
        "name": warehouse.name,
        "status": warehouse.status,
        "is_rfbs": warehouse.is_rfbs,
        "is_kgt": False,
        "is_express": False,
        "is_comfort": False,
        "is_auto_assembly": False,
        "is_waybill_enabled": False,
        "with_item_list": False,
        "has_entrusted_acceptance": False,
        "has_postings_limit": False,
        "min_postings_limit": 0,
        "postings_limit": -1,
        "sla_cut_in": 1440,
        "cut_in_time": 0,
        "phone": "",
        "courier_phones": [],
        "courier_comment": "",
        "address_info": {"address": f"г. {warehouse.city}", "latitude": 0.0, "longitude": 0.0, "utc": "+03:00"},
        "created_at": created_at,
        "updated_at": created_at,
    }


def warehouse_list(ctx: Context, body: dict) -> dict:
    """``/v2/warehouse/list``: ``{"warehouses": [...], "cursor", "has_next"}``."""
    request = Fields(body, "WarehouseListV2Request")
    limit = request.integer("limit", default=100, low=1, high=200)
    cursor = request.string("cursor")
    if cursor and not cursor.isdigit():
        raise request.error("cursor", "invalid cursor")
    wanted = set(request.int_list("warehouse_ids"))
    world = ctx.world
    selected = [w for w in world.warehouses if not wanted or w.warehouse_id in wanted]
    start = int(cursor or 0)
    page = selected[start:start + limit]
    created_at = iso(world.built_at - 365 * 86_400)
    has_next = start + limit < len(selected)
    return {
        "warehouses": [_warehouse(w, created_at) for w in page],
        "cursor": str(start + len(page)) if has_next else "",
        "has_next": has_next,
    }


def delivery_methods(ctx: Context, body: dict) -> dict:
    """``/v2/delivery-method/list``: ``limit`` 1..100, ``cursor``; ``filter{warehouse_ids,
    delivery_method_ids, provider_ids, status}`` -> top level ``{delivery_methods, cursor, has_next}``.
    Not in the Aug 2025 spec: checked by hand (the answer fits ozonapi-async's v2 model)."""
    request = Fields(body, "DeliveryMethodListV2Request")
    limit = request.integer("limit", required=True, low=1, high=100)
    cursor = request.string("cursor")
    if cursor and not cursor.isdigit():
        raise request.error("cursor", "invalid cursor")
    flt = request.obj("filter")
    warehouse_ids = set(flt.int_list("warehouse_ids"))
    method_ids = set(flt.int_list("delivery_method_ids"))
    provider_ids = set(flt.int_list("provider_ids"))
    statuses = set(flt.str_list("status"))
    world = ctx.world
    selected = [
        m for m in world.methods
        if (not warehouse_ids or m.warehouse.warehouse_id in warehouse_ids)
        and (not method_ids or m.id in method_ids)
        and (not provider_ids or m.provider_id in provider_ids)
        and (not statuses or m.status in statuses)
    ]
    start = int(cursor or 0)
    page = selected[start:start + limit]
    has_next = start + limit < len(selected)
    created_at = iso(world.built_at - 300 * 86_400)
    return {
        "delivery_methods": [
            {
                "id": m.id,
                "name": m.name,
                "status": m.status,
                "warehouse_id": m.warehouse.warehouse_id,
                "provider_id": m.provider_id,
                "template_id": 1000 + world.methods.index(m),
                "cutoff": m.cutoff,
                "sla_cut_in": 1440,
                "is_express": False,
                "tpl_integration_type": m.tpl_integration_type,
                "created_at": created_at,
                "updated_at": created_at,
            }
            for m in page
        ],
        "cursor": str(start + len(page)) if has_next else "",
        "has_next": has_next,
    }


def roles(ctx: Context, body: dict) -> dict:
    """``/v1/roles``: what the key may do and when it expires (``expires_at``, 2026)."""
    from app.sim.ozon.handlers import ROUTES  # the full method list; imported late (cycle)

    Fields(body, "RolesByTokenRequest")
    return {
        "roles": [
            {"name": "Admin", "methods": sorted(ROUTES)},
        ],
        "expires_at": iso(ctx.world.built_at + KEY_LIFETIME_S),
    }
