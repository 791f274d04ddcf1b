"""Ozon Seller API endpoints the simulator answers, by path (all POST with a JSON body).

Methods Ozon has switched off (``app.services.ozon.retired``) are no routes: the server answers
them with the gateway's error before routing.
"""
from __future__ import annotations

from typing import Callable

from app.sim.ozon.handlers import (
    carriages, chat, delivery_steps, exemplars, own_carrier, partner, postings, products, reference, returns,
    ship_labels,
)

ROUTES: dict[str, Callable] = {
    "/v4/posting/fbs/unfulfilled/list": postings.unfulfilled_list,
    "/v4/posting/fbs/list": postings.posting_list,
    "/v3/posting/fbs/get": postings.posting_get,
    "/v2/posting/fbs/get-by-barcode": postings.posting_by_barcode,
    "/v3/product/info/list": products.info_list,
    "/v4/product/info/attributes": products.attributes,
    "/v2/warehouse/list": reference.warehouse_list,
    "/v2/delivery-method/list": reference.delivery_methods,
    "/v1/roles": reference.roles,
    "/v4/posting/fbs/ship": ship_labels.ship,
    "/v3/posting/fbs/package-label/create": ship_labels.label_create,
    "/v2/posting/fbs/package-label/get": ship_labels.label_get,
    "/v6/fbs/posting/product/exemplar/create-or-get": exemplars.create_or_get,
    "/v5/fbs/posting/product/exemplar/validate": exemplars.validate,
    "/v6/fbs/posting/product/exemplar/set": exemplars.set_exemplars,
    "/v5/fbs/posting/product/exemplar/status": exemplars.status,
    "/v1/fbs/posting/product/exemplar/update": exemplars.update,
    # the hand-over (FBS carriages and their documents; rFBS own carrier; disputes)
    "/v2/carriage/delivery/list": carriages.delivery_list,
    "/v1/carriage/create": carriages.create,
    "/v1/carriage/set-postings": carriages.set_postings,
    "/v1/carriage/approve": carriages.approve,
    "/v1/carriage/get": carriages.get,
    "/v1/carriage/cancel": carriages.cancel,
    "/v2/posting/fbs/act/check-status": carriages.act_check_status,
    "/v2/posting/fbs/act/get-pdf": carriages.act_pdf_file,
    "/v2/posting/fbs/act/get-barcode": carriages.act_barcode,
    "/v2/posting/fbs/act/get-barcode/text": carriages.act_barcode_text,
    "/v2/posting/fbs/act/get-postings": carriages.act_postings,
    "/v2/fbs/posting/tracking-number/set": own_carrier.tracking_number_set,
    "/v2/fbs/posting/delivering": own_carrier.delivering,
    "/v2/posting/fbs/arbitration": own_carrier.arbitration,
    # returns (FBS list; rFBS requests and their actions)
    "/v1/returns/list": returns.returns_list,
    "/v2/returns/rfbs/list": returns.rfbs_list,
    "/v2/returns/rfbs/get": returns.rfbs_get,
    "/v1/returns/rfbs/action/set": returns.rfbs_action,
    "/v2/fbs/posting/last-mile": delivery_steps.last_mile,
    "/v2/fbs/posting/delivered": delivery_steps.delivered,
    "/v3/posting/multiboxqty/set": partner.multibox_qty_set,
    "/v1/chat/start": chat.start,
    "/v1/chat/send/message": chat.send_message,
}
