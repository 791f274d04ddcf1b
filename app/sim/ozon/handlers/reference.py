"""Reference data: warehouses (v2, cursor), delivery methods (v1, offset) and the key's roles."""
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
    """``/v1/delivery-method/list``: ``limit`` 1..50 with ``offset``."""
    request = Fields(body, "DeliveryMethodListRequest")
    limit = request.integer("limit", required=True, low=1, high=50)
    offset = request.integer("offset", default=0, low=0)
    flt = request.obj("filter")
    warehouse_id = flt.integer("warehouse_id")
    provider_id = flt.integer("provider_id")
    status = flt.string("status")
    world = ctx.world
    selected = [
        m for m in world.methods
        if (warehouse_id is None or m.warehouse.warehouse_id == warehouse_id)
        and (provider_id is None or m.provider_id == provider_id)
        and (not status or m.status == status)
    ]
    created_at = iso(world.built_at - 300 * 86_400)
    return {
        "result": [
            {
                "id": m.id,
                "name": m.name,
                "warehouse_id": m.warehouse.warehouse_id,
                "provider_id": m.provider_id,
                "template_id": 1000 + index,
                "company_id": int(ctx.client_id) if ctx.client_id.isdigit() else 0,
                "status": m.status,
                "cutoff": m.cutoff,
                "sla_cut_in": 1440,
                "created_at": created_at,
                "updated_at": created_at,
            }
            for index, m in enumerate(selected[offset:offset + limit])
        ],
        "has_next": offset + limit < len(selected),
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
