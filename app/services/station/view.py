"""What the pack view shows of the station: ``Station.snapshot()`` plus, for the open posting,
its deadline, delivery method and scheme (FBS/rFBS) and each line's barcodes (to show, and to
double-click in the demo). Read on the station's thread, handed to the window as a plain dict.

    snap = view_snapshot(station)
    snap["info"] == {"shipment_date": datetime | None, "delivery_method": "...", "scheme": "FBS",
                     "warehouse": "...", "express": False,
                     "account": "Shop B"}                        # {} when nothing is open; account:
                                                                 # "" unless the bench has several
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, select

from app.store import products as store_products
from app.store.models import PostingRow, WarehouseRow

_p = PostingRow.__table__.c
_w = WarehouseRow.__table__.c
_INFO = (
    select(_p.shipment_date, _p.delivery_method_name, _p.is_express, _w.name, _w.is_rfbs, _p.warehouse_id,
           _p.account)
    .select_from(PostingRow.__table__.outerjoin(WarehouseRow.__table__, _w.id == _p.warehouse_id))
    .where(_p.posting_number == bindparam("number"))
)


def view_snapshot(station) -> dict[str, Any]:
    with station.db.read() as session:  # one read transaction: the station's part and the view's
        return view_in(station, session)


def view_in(station, session, row=None) -> dict[str, Any]:
    """``view_snapshot`` read in ``session`` (a read session, or the decision's own transaction
    with the station's ``row`` as it was just written: ``Station.view``)."""
    snap = station.snapshot(session, row)
    snap["info"] = {}
    lines = snap.get("lines") or []
    number = snap.get("posting")  # the lines are this posting's
    if lines and number:
        barcodes = store_products.barcodes_of_posting(session, number)
        for line in lines:
            line["barcodes"] = barcodes.get(line["sku"], [])
    if number:
        row = session.execute(_INFO, {"number": number}).first()
        if row is not None:
            shipment, method, express, warehouse, rfbs, warehouse_id, account = row
            snap["info"] = {"shipment_date": shipment, "delivery_method": method or "",
                            "scheme": "rFBS" if rfbs else "FBS", "express": bool(express),
                            "warehouse": warehouse or (str(warehouse_id) if warehouse_id else ""),
                            # several Ozon accounts: whose posting it is (the name the config gives it)
                            "account": station.account_names.get(account, account) if station.account_names else ""}
    return snap
