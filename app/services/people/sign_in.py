"""A bench's session, decided inside the station's writer transaction (``Txn``).

The signed-in person is the station row's ``packer`` with ``signed_in_at`` set; ``updated_at``
(the last decision) tells how long the bench has been idle. Once anybody may sign in (the
``people`` table has an active person) a bench with nobody signed in refuses every decision but
signing in; a bench without people works as before (the name it was started with, if any, goes
into the events). Credentials are never logged: the events name the person, or say a badge or PIN
was unknown.
"""
from __future__ import annotations

from datetime import datetime

from app.services.people import roles
from app.services.station import results as r
from app.store import people as store
from app.store.bulk import naive_utc
from app.store.people import Person


def gate(t, idle_s: float) -> r.StationResult | None:
    """None: the decision may go on (``t.packer`` is then the person signed in); else the refusal."""
    row = t.row
    if row.signed_in_at is not None:
        if idle_for(row, t.now) > idle_s:
            who = row.packer
            _end(t)
            t.log(r.PACKER_SIGNED_OUT, None, {"person": who, "reason": "idle", "idle_s": idle_s})
            return _refuse(t, reason="idle", person=who or "")
        t.packer = row.packer
        return None
    if not (row.people if row.people is not None else store.anyone(t.session)):
        return None
    return _refuse(t)


def sign_in(t, person: Person | None, *, via: str) -> r.StationResult:
    """``person`` (found by the badge or PIN given; None: nobody has it) signs in at this bench;
    whoever was signed in there is signed out."""
    if person is None:
        t.log(r.PACKER_UNKNOWN, t.row.open_posting, {"via": via})
        return r.result(r.PACKER_UNKNOWN, t.row.open_posting, t.state(), via=via)
    if t.row.signed_in_at is not None and t.row.packer != person.name:
        t.log(r.PACKER_SIGNED_OUT, None, {"person": t.row.packer, "reason": "replaced"})
    t.row.packer, t.row.signed_in_at = person.name, t.now
    t.packer = person.name
    t.log(r.PACKER_SIGNED_IN, t.row.open_posting, {"person": person.name, "role": person.role, "via": via})
    return r.result(r.PACKER_SIGNED_IN, t.row.open_posting, t.state(), person=person.name, role=person.role)


def sign_out(t, reason: str = "asked") -> r.StationResult:
    who = t.row.packer if t.row.signed_in_at is not None else None
    if who is None:
        return _refuse(t)
    t.packer = who
    _end(t)
    t.log(r.PACKER_SIGNED_OUT, t.row.open_posting, {"person": who, "reason": reason})
    return r.result(r.PACKER_SIGNED_OUT, t.row.open_posting, t.state(), person=who, reason=reason)


def expire(t, idle_s: float) -> r.StationResult | None:
    """The idle time ran out with nobody scanning: sign out now (None: nothing to do)."""
    if t.row.signed_in_at is None or idle_for(t.row, t.now) <= idle_s:
        return None
    return sign_out(t, "idle")


def confirmer(t, person: Person | None, credential: str, legacy) -> tuple[str, bool] | r.StationResult:
    """Who confirms an override and whether they may: ``person`` found by the badge or PIN given.
    A bench without people keeps ``[station] supervisors`` (``legacy(name)``, ``credential`` a name)."""
    if person is not None:
        return person.name, roles.may(person.role, "confirm_override")
    if store.anyone(t.session):
        t.log(r.SUPERVISOR_UNKNOWN, t.row.open_posting, {})
        return r.result(r.SUPERVISOR_UNKNOWN, t.row.open_posting, t.state())
    return credential, legacy(credential)


def idle_for(row, now: datetime) -> float:
    if row.updated_at is None:
        return 0.0
    return (naive_utc(now) - naive_utc(row.updated_at)).total_seconds()


def _end(t) -> None:
    t.row.signed_in_at = None
    t.row.packer = None


def _refuse(t, **data) -> r.StationResult:
    t.log(r.SIGN_IN_REQUIRED, t.row.open_posting, data)
    return r.result(r.SIGN_IN_REQUIRED, t.row.open_posting, t.state(), **data)
