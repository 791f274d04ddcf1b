"""People: added, given a badge or a PIN, found again by one (``app.store.people`` keeps them).

Finding by a badge is one indexed look-up; finding by a PIN checks the PIN against each active
person's scrypt hash (some 50 ms each), so it is done in a read session, never in the writer's
transaction, and PINs are kept unique when they are set.
"""
from __future__ import annotations

from datetime import datetime, timezone

from app.services.people import credentials
from app.services.people.roles import ADMIN, ROLES
from app.store import people as store
from app.store.people import Person

MAX_NAME = 64


class PeopleError(ValueError):
    """A request the directory refuses; ``code`` names it in ``app.messages`` (``people_<code>``)."""

    def __init__(self, code: str, **data) -> None:
        super().__init__(f"{code}: {data}" if data else code)
        self.code, self.data = code, data


def _now() -> datetime:
    return datetime.now(timezone.utc)


def add(db, name: str, role: str, *, pin: str | None = None, now=_now) -> Person:
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME:
        raise PeopleError("bad_name", name=name)
    if role not in ROLES:
        raise PeopleError("bad_role", role=role)
    hashed = _new_pin_hash(db, pin) if pin else None

    def write(session):
        if store.by_name(session, name) is not None:
            raise PeopleError("exists", name=name)
        store.add(session, name, role, now())
        if hashed:
            store.set_fields(session, name, pin_hash=hashed)
        return store.by_name(session, name)
    db.call(write)
    return find_by_name(db, name)


def issue_badge(db, name: str) -> str:
    """A new badge for ``name`` (the old one stops working); returned once, to be printed."""
    badge = credentials.new_badge()
    if not db.call(lambda session: store.set_fields(session, name, badge_hash=credentials.badge_digest(badge))):
        raise PeopleError("unknown_person", name=name)
    return badge


def set_pin(db, name: str, pin: str) -> None:
    hashed = _new_pin_hash(db, pin, except_name=name)
    if not db.call(lambda session: store.set_fields(session, name, pin_hash=hashed)):
        raise PeopleError("unknown_person", name=name)


def set_role(db, name: str, role: str) -> None:
    if role not in ROLES:
        raise PeopleError("bad_role", role=role)
    if not db.call(lambda session: store.set_fields(session, name, role=role)):
        raise PeopleError("unknown_person", name=name)


def set_active(db, name: str, active: bool) -> None:
    values = {"active": active} if active else {"active": False, "badge_hash": None}
    if not db.call(lambda session: store.set_fields(session, name, **values)):
        raise PeopleError("unknown_person", name=name)


def everyone(db) -> list[Person]:
    with db.read() as session:
        return store.all_people(session)


def find_by_name(db, name: str) -> Person | None:
    with db.read() as session:
        row = store.by_name(session, name)
        return None if row is None else store._person(row)


def may_change_settings(db, name: str | None) -> bool:
    """Settings and people are an admin's: the person signed in must be one. A bench with no
    active admin (no people yet, or none made admin) stays open, so nobody is ever locked out."""
    with db.read() as session:
        admins = [p.name for p in store.all_people(session, active_only=True) if p.role == ADMIN]
    return not admins or name in admins


def identify(db, credential: str) -> Person | None:
    """The active person whose badge (scanned, with or without ``CMD:LOGIN:``) or PIN this is."""
    credential = (credential or "").strip()
    if not credential:
        return None
    with db.read() as session:
        if credentials.PIN_RE.fullmatch(credential):
            for person, hashed in store.pin_hashes(session):
                if credentials.pin_matches(credential, hashed):
                    return person
            return None
        return store.by_badge_hash(session, credentials.badge_digest(credential))


def _new_pin_hash(db, pin: str, *, except_name: str | None = None) -> str:
    try:
        pin = credentials.check_pin(pin)
    except credentials.BadPin:
        raise PeopleError("bad_pin") from None
    with db.read() as session:
        for person, hashed in store.pin_hashes(session):
            if person.name != except_name and credentials.pin_matches(pin, hashed):
                raise PeopleError("pin_taken")  # a PIN alone must name one person
    return credentials.hash_pin(pin)


def confirm_override(db, credential: str, names) -> tuple[str, bool]:
    """Who confirms an override away from the station's transaction (a hand-over's forced close):
    ``(their name, whether they may)``, found by the badge or PIN given; a bench whose people do not
    sign in keeps ``[station] supervisors`` (``credential`` a name of ``names``). A badge or PIN
    nobody has is ``("?", False)``: the credential itself is never recorded."""
    from app.services.people import roles
    from app.store import people as store

    person = identify(db, credential)
    if person is not None:
        return person.name, roles.may(person.role, "confirm_override")
    with db.read() as session:
        if store.anyone(session):
            return "?", False
    return credential, credential in set(names)

