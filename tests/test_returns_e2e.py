"""The issue's proof for returns, as a user runs it: a posting packed by ``packdesk replay`` comes back
from the buyer with another unit than shipped (the simulator's return); the next ``replay`` syncs the
return, scans its barcode (``return_opened``, the posting's packing clip named beside the new
unpacking clip), scans the unit that came back (``return_unit_mismatch``) and closes it
(``return_closed``, a case opened); ``packdesk case list --json`` shows the case."""
import json
import subprocess
import sys

from app.statuses import DELIVERED
from app.store import models  # noqa: F401  (first: the evidence tables join its metadata)
from app.store import evidence as store_evidence
from app.store import open_database
from test_cli_replay import env_for, plain_postings, sim, units  # noqa: F401

PY = sys.executable


def _packdesk(sim, tmp_path, *argv, timeout=180):
    return subprocess.run([PY, "-m", "app", "--config", str(tmp_path / "packdesk.toml"), "--data-dir", str(tmp_path),
                           *argv], env=env_for(sim), capture_output=True, text=True, timeout=timeout)


def _replay(sim, tmp_path, name, script):
    (tmp_path / name).write_text("".join(json.dumps(e) + "\n" for e in script), encoding="utf-8")
    done = _packdesk(sim, tmp_path, "--lang", "en", "replay", str(tmp_path / name), "--drain-timeout", "60")
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_a_return_with_a_substituted_unit_is_caught_at_the_bench(sim, tmp_path):
    (number, lines), = plain_postings(sim, 1)
    (tmp_path / "packdesk.toml").write_text(
        '[station]\nname = "bench-1"\n[devices]\nscale = "sim://"\nprinter = "sim://"\n'
        'camera = "sim://?size=320x240&fps=10"\n', encoding="utf-8")
    packed = _replay(sim, tmp_path, "pack.jsonl", [{"scan": number}, {"wait_s": 1.0}, *units(lines)])
    assert packed[-1]["code"] == "weight_accepted", [e["code"] for e in packed]

    sim.world.set_status(number, DELIVERED)  # the buyer had it, and sends back another unit
    with sim.world.lock:
        came_back = sim.world.returns.open(number, substitute=True)
    shipped_codes = {code for _, _, code, _ in lines}
    (unit,) = came_back.contents
    assert unit["barcode"] not in shipped_codes

    answers = _replay(sim, tmp_path, "return.jsonl", [
        {"wait_s": 1.0}, {"scan": came_back.barcode}, {"wait_s": 1.5}, {"scan": unit["barcode"]},
        {"scan": "CMD:RETURN-CLOSE"}])
    codes = [a["code"] for a in answers]
    assert codes == ["waited", "return_opened", "waited", "return_unit_mismatch", "return_closed"], codes
    opened, mismatch, closed = answers[1], answers[3], answers[4]
    assert opened["posting"] == number and opened["data"]["return_number"] == came_back.barcode
    assert {u["sku"] for u in opened["data"]["shipped"]} == {sku for sku, _, _, _ in lines}
    assert [c["state"] for c in opened["data"]["packing_clips"]] == ["sealed"]  # the clip of the packing, beside
    # another product: one the bench knows, or a code no product in its cache has
    assert not mismatch["ok"] and mismatch["data"]["variant"] in ("other_product", "unknown")
    assert "did not ship" in mismatch["message"]
    assert closed["data"]["mismatch"] == 1 and closed["data"]["case"]

    with open_database(f"sqlite:///{tmp_path / 'packdesk.db'}") as db, db.read() as session:
        files = store_evidence.files_for(session, number)
    unpacking = [f for f in files if f["kind"] == "clip" and f["purpose"] == "return"]
    assert [f["state"] for f in unpacking] == ["sealed"], unpacking  # the new unpacking clip, sealed

    listed = _packdesk(sim, tmp_path, "case", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    (case,) = json.loads(listed.stdout)
    assert (case["posting_number"], case["type"], case["state"]) == (number, "wrong_item", "open")
