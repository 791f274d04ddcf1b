"""The acceptance shift of the marking codes: a replayed shift in which a third of the postings need
codes (one meets a duplicate code, one a code of another product, one is refused by Ozon and fixed at
the bench), against the simulator, the real app as a process.

Every marked posting ships exactly once, only after Ozon's status said ``ship_available``, with
exactly the codes scanned (the simulator's record); the refused one after its fix; no marking code
appears in any log file, in the event log or in what the replay printed.
"""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

from app.devices.scanners.gs1 import for_log
from app.sim.ozon import OzonSimulator, WorldConfig
from app.sim.ozon.marks import GS, sample_mark
from test_cli_replay import env_for, plain_postings

PLAIN, MARKED = 8, 4


def marked_postings(world, count):
    """``count`` marked postings, the first with two marked units at least (its second unit meets
    the first one's code again)."""
    found = []
    for number in world.posting_numbers("awaiting_packaging"):
        posting = world.peek(number)
        marked = sum(x.quantity for x in posting.lines if world.needs_mark[x.sku])
        if marked and all(world.product_by_sku[x.sku].barcodes[0].isdigit() for x in posting.lines):
            found.append((marked, posting))
    twice = next(posting for marked, posting in found if marked >= 2)
    rest = [posting for _, posting in found if posting is not twice][:count - 1]
    assert len(rest) == count - 1, "the seed has too few marked postings"
    return [twice, *rest]


class Issuer:
    """Codes the simulated registry issued, a new one each time."""

    def __init__(self, world):
        self.world, self.n = world, 0

    def __call__(self, sku: int) -> str:
        self.n += 1
        return sample_mark(self.world.product_by_sku[sku].barcodes[0], self.n)


def replay(sim, tmp_path, script: list[dict], *, lang: str, drain_s: int) -> subprocess.CompletedProcess:
    """``packdesk replay`` of ``script`` as a process, with the sim:// scale and printer."""
    (tmp_path / "shift.jsonl").write_text("".join(json.dumps(e) + "\n" for e in script), encoding="utf-8")
    (tmp_path / "packdesk.toml").write_text(
        '[station]\nname = "bench-1"\n[devices]\nscale = "sim://"\nprinter = "sim://"\n', encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "app", "--config", str(tmp_path / "packdesk.toml"), "--data-dir", str(tmp_path),
         "--lang", lang, "replay", str(tmp_path / "shift.jsonl"), "--drain-timeout", str(drain_s)],
        env=env_for(sim), capture_output=True, text=True, timeout=drain_s + 210)


def marked_steps(world, posting, issue, *, kind: str = ""):
    """(events, expected codes, the codes that should ship) for one marked posting."""
    steps, kept = [({"scan": posting.posting_number}, "posting_opened")], []
    units = [(x.sku, world.needs_mark[x.sku]) for x in posting.lines for _ in range(x.quantity)]
    first_marked = next(k for k, (_, needs) in enumerate(units) if needs)
    for k, (sku, needs) in enumerate(units):
        product = world.product_by_sku[sku]
        if not needs:
            steps.append(({"scan": product.barcodes[0]}, "item_accepted"))
            continue
        code = issue(sku)
        if k == first_marked and kind == "other_product":
            stranger = next(p for p in world.products if p.sku != sku)
            steps.append(({"scan": product.barcodes[0]}, "mark_required"))
            steps.append(({"scan": sample_mark(stranger.barcodes[0], 999)}, "marking_invalid"))
        if k == first_marked and kind == "refused":
            code = code[:-44] + "Z" * 43 + "="  # well formed: only Ozon's registry refuses it
        steps.append(({"scan": code}, "item_accepted"))
        if k == first_marked and kind == "duplicate":
            steps.append(({"scan": code}, "duplicate_unit"))
        kept.append(code)
    steps[-1] = (steps[-1][0], "posting_complete")
    weight = sum(world.product_by_sku[x.sku].weight_g * x.quantity for x in posting.lines)
    steps.append(({"weight_g": weight}, "weight_accepted"))
    return steps, kept


def test_a_shift_with_marked_postings(tmp_path):
    config = WorldConfig(postings=120, seed=31, ship_delay_s=0.2, label_delay_s=0.5, mark_check_s=0.3)
    with OzonSimulator(config) as sim:
        world, issue = sim.world, Issuer(sim.world)
        plain = plain_postings(sim, PLAIN)
        marked = marked_postings(world, MARKED)
        duplicate, other, refused, ordinary = marked
        steps, shipped_codes = [], {}
        plain_steps = []
        for number, lines in plain:
            block = [({"scan": number}, "posting_opened")]
            block += [({"scan": code}, "item_accepted") for _, qty, code, _ in lines for _ in range(qty)]
            block[-1] = (block[-1][0], "posting_complete")
            block.append(({"weight_g": sum(q * w for _, q, _, w in lines)}, "weight_accepted"))
            plain_steps.append(block)
        for posting, kind in ((duplicate, "duplicate"), (other, "other_product"), (refused, "refused"),
                              (ordinary, "")):
            block, kept = marked_steps(world, posting, issue, kind=kind)
            shipped_codes[posting.posting_number] = kept
            plain_steps.insert(2 * len(shipped_codes) - 1, block)
        for block in plain_steps:
            steps += block
        # the refused posting: Ozon refuses its forged code while the bench packs on; then it is fixed
        steps += [({"wait_s": 2.0}, None) for _ in range(8)]
        refused_sku = next(x.sku for x in refused.lines if world.needs_mark[x.sku])
        new_code = issue(refused_sku)
        steps += [({"scan": refused.posting_number}, "posting_opened"), ({"scan": new_code}, "mark_replaced")]
        forged = shipped_codes[refused.posting_number][0]
        shipped_codes[refused.posting_number][0] = new_code

        script = [event for event, _ in steps]
        proc = replay(sim, tmp_path, script, lang="ru", drain_s=90)
        assert proc.returncode == 0, proc.stderr[-3000:]
        lines = [json.loads(raw) for raw in proc.stdout.splitlines()]
        assert [x["event"] for x in lines] == [{"scan": for_log(e["scan"])} if "scan" in e else e for e in script]
        expected = [code for _, code in steps]
        assert [x["code"] if code else None for x, code in zip(lines, expected)] == expected
        assert all(x["message"] and not x["message"].isascii() for x in lines if not x["ok"])  # in Russian
        reopened = lines[-2]
        assert reopened["data"]["fix_marks"] == 1 and "MARK_NOT_FOUND" in reopened["data"]["codes"]

        for posting in marked:
            number = posting.posting_number
            assert sim.stats.ship_calls(number) == 1, number
            assert world.peek(number).status == "awaiting_deliver"
            history = world.exemplars.history(number)
            assert history.index(("status", "ship_available")) < history.index(("ship", ""))
            assert sorted(world.exemplars.shipped_marks(number)) == sorted(shipped_codes[number])
        assert ("status", "ship_not_available") in world.exemplars.history(refused.posting_number)
        for number, _ in plain:
            assert sim.stats.ship_calls(number) == 1 and world.peek(number).status == "awaiting_deliver"

        # no marking code, nor its serial or verification tail, in any log file, the event log or the output
        used = [c for codes in shipped_codes.values() for c in codes] + [forged]
        secrets = {piece for code in used for piece in (code, code.replace(GS, ""), code[18:31], code.split(GS)[2])}
        logs = list((tmp_path / "logs").glob("*.log*"))
        assert logs and any(path.stat().st_size for path in logs)
        texts = {str(path): path.read_text(encoding="utf-8", errors="replace") for path in logs}
        with sqlite3.connect(tmp_path / "packdesk.db") as db:
            texts["events"] = "\n".join(str(row) for row in db.execute("SELECT kind, data FROM events"))
            texts["outbox"] = "\n".join(str(row) for row in db.execute("SELECT last_error, result FROM outbox"))
            texts["postings"] = "\n".join(str(row) for row in db.execute("SELECT problem FROM postings"))
        texts["stdout"], texts["stderr"] = proc.stdout, proc.stderr
        leaks = {where: [s for s in secrets if s in text] for where, text in texts.items()}
        assert not any(leaks.values()), {where: len(found) for where, found in leaks.items() if found}


def test_a_phone_in_a_replayed_shift_ships_only_with_its_imei_accepted_by_ozon(tmp_path):
    """The IMEI step through the real app: the phone's EAN, an IMEI with a digit misread (refused
    with the reason), the right one; the parcel ships once Ozon said ship_available, with that IMEI."""
    from app.sim.ozon.demo_phone import add_phone

    config = WorldConfig(postings=40, seed=31, ship_delay_s=0.2, label_delay_s=0.5, mark_check_s=0.3)
    with OzonSimulator(config) as sim:
        world = sim.world
        number = add_phone(world)
        phone = world.product_by_sku[world.peek(number).lines[0].sku]
        imei = "356938035643809"
        steps = [({"scan": number}, "posting_opened"), ({"scan": phone.barcodes[0]}, "item_accepted"),
                 ({"scan": imei[:-1] + "8"}, "unit_id_invalid"), ({"scan": imei}, "unit_id_accepted"),
                 ({"weight_g": phone.weight_g}, "weight_accepted")]
        proc = replay(sim, tmp_path, [event for event, _ in steps], lang="zh", drain_s=60)
        assert proc.returncode == 0, proc.stderr[-3000:]
        lines = [json.loads(raw) for raw in proc.stdout.splitlines()]
        assert [x["code"] for x in lines] == [code for _, code in steps], lines
        assert lines[1]["data"]["asks"] == "imei" and lines[2]["data"]["reason"] == "check_digit"
        assert sim.stats.ship_calls(number) == 1 and world.peek(number).status == "awaiting_deliver"
        history = world.exemplars.history(number)
        assert history.index(("status", "ship_available")) < history.index(("ship", ""))
        assert world.exemplars.shipped_marks(number) == [imei]
