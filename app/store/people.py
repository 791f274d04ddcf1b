"""The ``people`` table (``app.store.models_people``): who may sign in at a bench, and as what."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.store.bulk import naive_utc
from app.store.models_people import PersonRow

_people = PersonRow.__table__


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    role: str
    active: bool
    has_badge: bool
    has_pin: bool


def _person(row: PersonRow) -> Person:
    return Person(row.id, row.name, row.role, row.active, row.badge_hash is not None, row.pin_hash is not None)


def add(session: Session, name: str, role: str, now: datetime) -> Person:
    session.execute(insert(_people).values(name=name, role=role, active=True, created_at=naive_utc(now)))
    return _person(by_name(session, name))


def by_name(session: Session, name: str) -> PersonRow | None:
    return session.scalars(select(PersonRow).where(PersonRow.name == name)).first()


def all_people(session: Session, *, active_only: bool = False) -> list[Person]:
    query = select(PersonRow).order_by(PersonRow.name)
    if active_only:
        query = query.where(PersonRow.active.is_(True))
    return [_person(row) for row in session.scalars(query)]


def anyone(session: Session) -> bool:
    """Somebody may sign in: the benches then want a person signed in before they decide."""
    return session.execute(select(_people.c.id).where(_people.c.active.is_(True)).limit(1)).first() is not None


def by_badge_hash(session: Session, digest: str) -> Person | None:
    row = session.scalars(select(PersonRow).where(PersonRow.badge_hash == digest,
                                                  PersonRow.active.is_(True))).first()
    return None if row is None else _person(row)


def pin_hashes(session: Session) -> list[tuple[Person, str]]:
    """Every active person with a PIN, and its hash (a PIN is found by checking each)."""
    rows = session.scalars(select(PersonRow).where(PersonRow.pin_hash.is_not(None), PersonRow.active.is_(True)))
    return [(_person(row), row.pin_hash) for row in rows]


def set_fields(session: Session, name: str, **values) -> bool:
    """Change ``values`` (badge_hash, pin_hash, role, active) of ``name``; False: no such person."""
    done = session.execute(update(_people).where(_people.c.name == name).values(**values))
    return done.rowcount > 0
