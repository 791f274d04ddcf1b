"""People at the bench, on SQLite and PostgreSQL: a bench whose people sign in refuses scans with
nobody signed in, every event carries who did it, an idle bench signs its person out (injected
clock), and overrides take a supervisor's badge or PIN, a packer's refused."""
from __future__ import annotations

from datetime import timedelta

import pytest

from app.services.people import credentials, directory
from app.services.people.directory import PeopleError
from app.services.station import results as r
from station_helpers import EAN, MUG, NOW, Shop, write_shop
from store_helpers import db, pg_url, sqlite_template  # noqa: F401

MUG_POSTING = "10000002-0001-1"  # one mug, ships first


@pytest.fixture
def shop(db, tmp_path):  # noqa: F811
    write_shop(db)
    return Shop(db, tmp_path)


@pytest.fixture
def team(shop):
    """Anna packs (badge), Boris supervises (badge and PIN); returns their badges."""
    directory.add(shop.db, "Anna", "packer")
    directory.add(shop.db, "Boris", "supervisor", pin="4711")
    return {"anna": directory.issue_badge(shop.db, "Anna"), "boris": directory.issue_badge(shop.db, "Boris")}


def bench(shop, **kw):
    return shop.station(packer=None, supervisors=[], **kw)


def test_a_bench_without_people_works_as_before(shop):
    station = bench(shop)
    assert station.scan(MUG_POSTING).code == r.POSTING_OPENED


def test_nobody_signed_in_refuses_scans_and_counts_nothing(shop, team):
    station = bench(shop)
    refused = station.scan(EAN[MUG])
    assert refused.code == r.SIGN_IN_REQUIRED and not refused.ok
    assert "scan your badge" in refused.message("en")
    assert "пропуск" in refused.message("ru") and "工牌" in refused.message("zh")
    assert shop.units(MUG_POSTING) == [] and shop.posting(MUG_POSTING).claimed_by is None
    assert station.weigh(400).code == r.SIGN_IN_REQUIRED


def test_a_badge_signs_in_and_every_event_carries_the_person(shop, team):
    station = bench(shop)
    signed = station.scan(f"CMD:LOGIN:{team['anna']}")
    assert (signed.code, signed.data["person"]) == (r.PACKER_SIGNED_IN, "Anna")
    assert station.signed_in() == "Anna"
    assert station.scan(EAN[MUG]).code == r.POSTING_COMPLETE  # opened the mug's posting and counted it
    assert {e.packer for e in shop.events(MUG_POSTING)} == {"Anna"}
    assert station.scan("CMD:LOGOUT").code == r.PACKER_SIGNED_OUT
    assert station.signed_in() is None
    assert station.scan(EAN[MUG]).code == r.SIGN_IN_REQUIRED


def test_a_typed_pin_signs_in_a_wrong_one_does_not(shop, team):
    station = bench(shop)
    assert station.sign_in("0000").code == r.PACKER_UNKNOWN
    assert station.scan("CMD:LOGIN:NOSUCHBADGE").code == r.PACKER_UNKNOWN
    assert station.sign_in("4711").data["person"] == "Boris"
    assert all(credential not in str(e.data) for e in shop.events() for credential in ("4711", team["boris"]))


def test_a_new_badge_replaces_the_old_one(shop, team):
    station = bench(shop)
    new = directory.issue_badge(shop.db, "Anna")
    assert station.scan(f"CMD:LOGIN:{team['anna']}").code == r.PACKER_UNKNOWN
    assert station.scan(f"CMD:LOGIN:{new.lower()}").code == r.PACKER_SIGNED_IN  # as a scanner in lower case sends it


def test_the_idle_time_signs_the_person_out(shop, team):
    station = bench(shop, idle_sign_out_s=600)
    station.scan(f"CMD:LOGIN:{team['anna']}")
    shop.clock[0] = NOW + timedelta(seconds=599)
    assert station.expire_idle() is None
    assert station.scan(MUG_POSTING).code == r.POSTING_OPENED
    shop.clock[0] += timedelta(seconds=601)
    assert station.signed_in() is None
    refused = station.scan(EAN[MUG])
    assert refused.code == r.SIGN_IN_REQUIRED and refused.data["reason"] == "idle"
    assert "Anna" in refused.message("en")
    assert shop.units(MUG_POSTING) == []
    out = [e for e in shop.events() if e.kind == r.PACKER_SIGNED_OUT]
    assert [(e.data["person"], e.data["reason"]) for e in out] == [("Anna", "idle")]


def test_expire_idle_signs_out_without_a_scan(shop, team):
    station = bench(shop, idle_sign_out_s=60)
    station.scan(f"CMD:LOGIN:{team['anna']}")
    shop.clock[0] = NOW + timedelta(seconds=61)
    assert station.expire_idle().code == r.PACKER_SIGNED_OUT
    assert shop.station_row().signed_in_at is None


def _weight_held(station, team):
    station.scan(f"CMD:LOGIN:{team['anna']}")
    station.scan(MUG_POSTING)
    station.scan(EAN[MUG])
    assert station.weigh(900).code == r.WEIGHT_MISMATCH


def test_a_weight_override_needs_a_supervisors_badge(shop, team):
    station = bench(shop)
    _weight_held(station, team)
    refused = station.scan(f"CMD:OVERRIDE-WEIGHT:{team['anna']}")
    assert (refused.code, refused.data["person"]) == (r.NOT_AUTHORIZED, "Anna")
    assert station.scan("CMD:OVERRIDE-WEIGHT:Boris").code == r.SUPERVISOR_UNKNOWN  # a name is no badge
    done = station.scan(f"CMD:OVERRIDE-WEIGHT:{team['boris']}")
    assert done.code == r.WEIGHT_ACCEPTED
    override = next(e for e in shop.events(MUG_POSTING) if e.kind == "weight_override")
    assert (override.data["by"], override.packer) == ("Boris", "Anna")


def test_a_weight_override_by_a_supervisors_pin(shop, team):
    station = bench(shop)
    _weight_held(station, team)
    assert station.override_weight("4711").code == r.WEIGHT_ACCEPTED


def test_teaching_a_barcode_needs_a_supervisor(shop, team):
    station = bench(shop)
    station.scan(f"CMD:LOGIN:{team['anna']}")
    station.scan(MUG_POSTING)
    assert station.scan("4600000009991").code == r.UNKNOWN_BARCODE
    assert station.teach(None, None, team["anna"]).code == r.NOT_AUTHORIZED
    assert station.teach(None, None, team["boris"]).code == r.POSTING_COMPLETE  # taught, and the unit counted
    taught = next(e for e in shop.events(MUG_POSTING) if e.kind == r.BARCODE_TAUGHT)
    assert (taught.data["by"], taught.packer) == ("Boris", "Anna")


def test_pins_are_kept_hashed_unique_and_well_formed(shop, team):
    with pytest.raises(PeopleError) as taken:
        directory.add(shop.db, "Vera", "packer", pin="4711")
    assert taken.value.code == "pin_taken"
    with pytest.raises(PeopleError) as short:
        directory.set_pin(shop.db, "Anna", "12")
    assert short.value.code == "bad_pin"
    with pytest.raises(PeopleError) as twice:
        directory.add(shop.db, "Anna", "admin")
    assert twice.value.code == "exists"
    from app.store.models_people import PersonRow
    with shop.db.read() as session:
        stored = session.query(PersonRow).filter_by(name="Boris").one()
    assert stored.pin_hash.startswith("scrypt$") and "4711" not in stored.pin_hash
    assert stored.badge_hash == credentials.badge_digest(team["boris"]) != team["boris"]


def test_a_deactivated_person_cannot_sign_in(shop, team):
    directory.set_active(shop.db, "Anna", False)
    assert bench(shop).scan(f"CMD:LOGIN:{team['anna']}").code == r.PACKER_UNKNOWN


def test_a_short_posting_needs_a_supervisors_badge_or_pin(shop, team):
    station = bench(shop)
    station.scan(f"CMD:LOGIN:{team['anna']}")
    assert station.scan(MUG_POSTING).code == r.POSTING_OPENED
    refused = station.scan(f"CMD:SHORT:{team['anna']}:not on the shelf")  # a packer's badge
    assert (refused.code, refused.data["person"]) == (r.NOT_AUTHORIZED, "Anna")
    assert station.scan("CMD:SHORT:not on the shelf").code == r.SUPERVISOR_UNKNOWN  # a reason is no badge
    assert shop.posting(MUG_POSTING).local_state == "in_progress"  # nothing flagged yet
    short = station.scan("CMD:SHORT:4711:not on the shelf")
    assert (short.code, short.data["by"], short.data["reason"]) == (r.POSTING_SHORT, "Boris", "not on the shelf")
    assert shop.posting(MUG_POSTING).local_state == "problem"
    assert all("4711" not in str(e.data) for e in shop.events())
