"""What the Returns and Cases views show (read on a pool thread; Qt-free): the returns Ozon listed
with their state and the bench's, the one open at this bench with what shipped and what came back,
and the cases."""
from __future__ import annotations

from app.devices.scanners.gs1 import mask
from app.services.returns import cases as case_rules
from app.store import evidence as store_evidence
from app.store import products as store_products
from app.store import returns as store
from app.store.models_returns import UNIT_OK


def returns_board(db, station: str, *, limit: int = 500) -> dict:
    with db.read() as session:
        rows = store.listing(session, limit)
        listed = [{"id": r.id, "scheme": r.scheme, "barcode": r.barcode, "posting": r.posting_number,
                   "product": r.name, "quantity": r.quantity, "kind": r.kind, "state": r.state,
                   "group_state": r.group_state, "state_name": r.state_name,
                   "local_state": r.local_state, "station": r.station, "reason": r.reason,
                   "actions": list(r.actions or []), "rejection_reasons": list(r.rejection_reasons or []),
                   "created_at": r.created_at} for r in rows]
        row = store.open_at(session, station)
        here = None
        if row is not None:
            shipped = store.shipped(session, row.posting_number)
            units = store.units(session, row.id)
            skus = {u.sku for u in shipped} | {u.sku for u in units if u.sku}
            names = {sku: p.name for sku, p in store_products.products_by_sku(session, skus).items()}
            files = store_evidence.files_for(session, row.posting_number)
            here = {"id": row.id, "barcode": row.barcode, "posting": row.posting_number, "product": row.name,
                    "quantity": row.quantity, "notes": list(row.notes or []),
                    "shipped": [{"product": names.get(u.sku, str(u.sku)), "mark": mask(u.mark) if u.mark else "",
                                 "at": u.at, "station": u.station} for u in shipped],
                    "back": [{"product": names.get(u.sku, u.barcode) if u.sku else u.barcode,
                              "mark": mask(u.mark) if u.mark else "", "ok": u.verdict == UNIT_OK,
                              "reason": u.reason, "at": u.at} for u in units],
                    "clips": [{"path": f["path"], "purpose": f["purpose"], "state": f["state"]}
                              for f in files if f["kind"] == "clip"]}
    return {"returns": listed, "here": here}


def cases_board(db, *, open_only: bool = False) -> list[dict]:
    with db.read() as session:
        return [case_rules.as_dict(c) for c in case_rules.listing(session, open_only=open_only)]
