"""Returns synced from the simulator and opened at the bench: each unit scanned back is checked
against the very unit that shipped, the return survives a restart, a mismatch opens a case that
keeps the posting's evidence, and the bundle's timeline tells it; rFBS actions go through the outbox
and a lost answer is read back, never sent twice."""
from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from app.services.evidence import storage
from app.services.evidence.summary import describe
from app.services.evidence.timeline import Context, gather
from app.services.returns import cases
from app.services.returns.actions import ActionRefused, request_action
from app.sim.ozon.marks import sample_mark
from app.sim.ozon.returns import APPROVE, RECEIVED
from app.store.models import OutboxRow, PackedUnitRow
from app.store.models_returns import RETURN_CLOSED, ReturnRow
from handover_helpers import make_shop, reopen, shop  # noqa: F401  (fixture)


def utcnow():
    return datetime.now(timezone.utc).replace(tzinfo=None)


def shipped_with_mark(shop) -> tuple[str, str, str]:
    """A posting of one unit the bench verified with its marking code; (posting, EAN, the code that left)."""
    number = next(n for n in shop.packable() if [(x.quantity) for x in shop.world.peek(n).lines] == [1])
    shop.sync()
    line = shop.world.peek(number).lines[0]
    ean = shop.world.product_by_sku[line.sku].barcodes[0]
    mark = sample_mark(ean, 1)
    shop.bench.db.writer.call(lambda s: s.add(PackedUnitRow(posting_number=number, line_no=1, sku=line.sku, box_no=1,
                                                          barcode=ean, mark=mark, station="bench-1", at=utcnow())))
    return number, ean, mark


def returned(shop, number: str, **lever) -> ReturnRow:
    with shop.world.lock:
        made = shop.world.returns.open(number, **lever)
    shop.sync()
    with shop.bench.db.read() as session:
        return session.scalars(select(ReturnRow).where(ReturnRow.ozon_id == made.id)).one()


def test_each_unit_scanned_back_is_checked_against_the_very_unit_that_left(shop, tmp_path):
    number, ean, mark = shipped_with_mark(shop)
    row = returned(shop, number)
    opened = shop.scan(row.barcode)
    assert opened.code == "return_opened" and opened.posting == number and shop.router.mode == "return"
    assert [u["mark"] for u in opened.data["shipped"]] == [f"{mark[2:16]} {mark[18:21]}…"]  # masked

    other = shop.scan(sample_mark(ean, 2))  # the same product, another unit: substituted
    assert (other.code, other.data["variant"], other.ok) == ("return_unit_mismatch", "other_mark", False)
    assert "another unit" in other.message("en")
    assert shop.scan(ean).code == "return_scan_mark"  # a marked product by its EAN: its code, please
    assert shop.scan(mark).code == "return_unit_ok"
    again = shop.scan(mark)
    assert (again.code, again.data["variant"]) == ("return_unit_mismatch", "again")
    assert shop.scan("CMD:RETURN-NOTE:box crushed, seal broken").code == "return_note"
    assert shop.scan("4600000000000").code == "return_unit_mismatch"  # while a return is open: checked, not packed

    shop.bench.close()  # a restart: the return is still open at this bench, in the return mode
    shop.bench = reopen(tmp_path, shop.sim)
    assert shop.router.mode == "return"
    status = shop.router.status()
    assert (status.code, status.data["ok"], status.data["mismatch"]) == ("status", 1, 3)

    closed = shop.scan("CMD:RETURN-CLOSE")
    assert closed.code == "return_closed" and closed.data["case"] and shop.router.mode == "packing"
    with shop.bench.db.read() as session:
        assert session.get(ReturnRow, row.id).local_state == RETURN_CLOSED
        (case,) = cases.listing(session, posting=number)
        assert (case.type, case.state, case.return_id) == ("wrong_item", "open", row.id)
        assert "box crushed" in case.notes[0]["text"]
        assert {number} == set().union(*(rule(session, {number, "1-1-1"}) for rule in storage.KEEP_RULES))
        entries, _ = gather(session, Context(number, tmp_path, tmp_path / "evidence"))
    told = {e.area: [] for e in entries}
    for e in entries:
        told[e.area].append(describe(e, "ru", number))
    assert {"return", "case"} <= set(told)
    assert not [t for t in told["return"] + told["case"] if t.startswith("Запись:")], told  # each in words
    assert any("Ozon: возврат" in t for t in told["return"]) and any("НЕ совпала" in t for t in told["return"])

    shop.bench.db.writer.call(lambda s: cases.resolve(s, case.id, "refund", by="Anna", now=utcnow()))
    with shop.bench.db.read() as session:  # a closed case no longer holds the posting's evidence
        assert not set().union(*(rule(session, {number}) for rule in storage.KEEP_RULES))


def test_a_packing_scan_that_is_no_return_still_packs(shop):
    number = shop.packable()[0]
    shop.sync()
    assert shop.scan(number).code == "posting_opened" and shop.router.mode == "packing"


def test_a_return_the_sync_brings_opens_at_the_next_scan_and_packing_scans_read_nothing_for_returns(shop):
    from sqlalchemy import event

    number, _, _ = shipped_with_mark(shop)
    assert shop.scan("2999999999999").code == "unknown_barcode"  # the first scan reads the open returns (none)
    row = returned(shop, number)  # the pass brings the return and refreshes the bench's list
    packable = next(n for n in shop.packable() if n != number)
    statements: list[str] = []

    def seen(conn, cursor, statement, *args):
        statements.append(statement)

    engine = shop.bench.db.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        assert shop.scan(packable).code == "posting_opened"  # a packing scan: no read of the returns
        assert not [s for s in statements if "FROM returns" in s]
        assert shop.scan("CMD:CANCEL").ok
        assert shop.scan(row.barcode).code == "return_opened"
    finally:
        event.remove(engine, "before_cursor_execute", seen)


def test_a_return_opens_by_its_scan_as_soon_as_its_stage_wrote_it_not_when_the_pass_ends(shop, monkeypatch):
    """The pass goes on after the returns (labels fetched and printed: seconds, more with the network
    slow); a packer who scans the return's barcode meanwhile opens it."""
    number, _, _ = shipped_with_mark(shop)
    assert shop.scan("2999999999999").code == "unknown_barcode"  # the bench's list of return barcodes: read
    with shop.world.lock:
        made = shop.world.returns.open(number)
    opened_meanwhile = []
    labels = shop.bench.engine._fetch_labels

    def fetch_labels(summary):  # a later stage of the same pass: the packer scans now
        opened_meanwhile.append(shop.scan(made.barcode).code)
        return labels(summary)

    monkeypatch.setattr(shop.bench.engine, "_fetch_labels", fetch_labels)
    shop.sync()
    assert opened_meanwhile == ["return_opened"]


def test_rfbs_return_actions_go_through_the_outbox_and_a_lost_answer_is_read_back(shop):
    number = shop.packable("non_integrated")[0]
    shop.sync()
    row = returned(shop, number)
    assert row.scheme == "rfbs" and {a["id"] for a in row.actions} == {APPROVE, -1}
    with pytest.raises(ActionRefused) as refused:
        shop.bench.db.writer.call(lambda s: request_action(s, row.id, RECEIVED, station="bench-1", now=utcnow()))
    assert refused.value.code == "return_action_not_offered"

    shop.sim.faults.fail_next("/v1/returns/rfbs/action/set", status=0, apply=True)  # done, the answer lost
    queued = shop.bench.db.writer.call(lambda s: request_action(s, row.id, APPROVE, station="bench-1", now=utcnow()))
    again = shop.bench.db.writer.call(lambda s: request_action(s, row.id, APPROVE, station="bench-1", now=utcnow()))
    assert queued == again  # a double click queues once
    for _ in range(3):
        shop.sync()
    (command,) = shop.commands("rfbs_return_action")
    assert command.state == "done" and command.result.get("read_back") is True
    lever = shop.world.returns.lever_json(shop.world.returns.returns[row.ozon_id])
    assert [h["action"] for h in lever["history"]] == [APPROVE]  # sent once
    with shop.bench.db.read() as session:
        now = session.get(ReturnRow, row.id)
        assert now.state == "approved" and [a["id"] for a in now.actions] == [RECEIVED]
        assert now.group_state == "Delivering"  # the sync's list keeps Ozon's group (the words of en/zh)
        assert session.scalar(select(OutboxRow.id).where(OutboxRow.state == "parked")) is None


def test_rfbs_return_actions_from_the_command_line(shop):
    import json
    import subprocess
    import sys

    from test_cli_replay import env_for

    number = shop.packable("non_integrated")[0]
    shop.sync()
    row = returned(shop, number)
    (shop.tmp_path / "cli.toml").write_text('[station]\nname = "bench-1"\n', encoding="utf-8")

    def packdesk(*args):
        return subprocess.run([sys.executable, "-m", "app", "--config", str(shop.tmp_path / "cli.toml"),
                               "--data-dir", str(shop.tmp_path), "--lang", "en", "returns", *args],
                              env=env_for(shop.sim), capture_output=True, text=True, timeout=60)

    listed = packdesk("list", "--json")
    assert listed.returncode == 0, listed.stderr
    [mine] = [r for r in json.loads(listed.stdout) if r["id"] == row.id]
    assert (mine["scheme"], mine["posting_number"]) == ("rfbs", number)
    assert {a["id"] for a in mine["actions"]} == {APPROVE, -1}
    refused = packdesk("action", str(row.id), str(RECEIVED))
    assert refused.returncode == 1 and "offer" in refused.stderr  # Ozon does not offer it now
    rejected = packdesk("action", str(row.id), "-1")
    assert rejected.returncode == 1 and refused.stderr != rejected.stderr  # a rejection needs its reason
    queued = packdesk("action", str(row.id), str(APPROVE))
    assert queued.returncode == 0, queued.stderr
    shop.sync()
    (command,) = shop.commands("rfbs_return_action")
    assert command.state == "done"
    with shop.bench.db.read() as session:
        assert session.get(ReturnRow, row.id).state == "approved"
