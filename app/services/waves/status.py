"""Where a wave stands: each member verified, pending, short, dropped or excluded, with why."""
from __future__ import annotations

from app.statuses import LocalState
from app.store import labels as store_labels
from app.store import lookups
from app.store import waves as store_waves
from app.store.models import MEMBER_PENDING

SUMMARY_STATES = ("verified", "pending", "short", "problem", "dropped", "excluded", "planned")


def wave_status(db, wave_id: int) -> dict:
    """A JSON-ready picture of the wave. LookupError for an unknown wave. A pending member whose
    ship Ozon refused (or that was cancelled) shows as ``problem`` with the reason."""
    with db.read() as session:
        wave = store_waves.get_wave(session, wave_id)
        if wave is None:
            raise LookupError(f"no wave {wave_id}")
        rows = []
        for member in store_waves.members(session, wave_id):
            posting = lookups.get_posting(session, member.posting_number)
            label = store_labels.get(session, member.posting_number)
            state, reason = member.state, member.reason
            if state == MEMBER_PENDING and posting is not None and posting.local_state in (LocalState.CANCELLED, LocalState.PROBLEM):
                state, reason = "problem", posting.problem or posting.local_state
            rows.append({
                "posting_number": member.posting_number, "pick": member.pick_order or None, "state": state,
                "reason": reason, "status": posting.status if posting else None,
                "local_state": posting.local_state if posting else None,
                "label": label.state if label else None,
                "verified_at": member.verified_at.isoformat() if member.verified_at else None,
            })
        counts = dict.fromkeys(SUMMARY_STATES, 0)
        for row in rows:
            counts[row["state"]] = counts.get(row["state"], 0) + 1
        return {"wave": wave.id, "state": wave.state, "station": wave.station,
                "delivery_method_id": wave.delivery_method_id,
                "due_by": wave.due_by.isoformat() if wave.due_by else None,
                "created_at": wave.created_at.isoformat(),
                "shipped_at": wave.shipped_at.isoformat() if wave.shipped_at else None,
                "counts": counts, "postings": rows}
