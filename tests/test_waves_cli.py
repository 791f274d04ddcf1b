"""``packdesk wave plan|ship|status`` on a synced cache (in process)."""
import json

from app.cli import main
from labels_helpers import STATION, lbench  # noqa: F401


def run(capsys, tmp_path, *argv):
    config = tmp_path / "config.toml"
    config.write_text(f'[station]\nname = "{STATION}"\n', encoding="utf-8")
    code = main(["--config", str(config), "--data-dir", str(tmp_path), "--lang", "en", *argv])
    return code, capsys.readouterr().out


def test_plan_ship_status(lbench, capsys):
    lbench.engine().run_pass()
    code, out = run(capsys, lbench.data_dir, "wave", "plan", "--limit", "3", "--due", "2999-12-31", "--json")
    plan = json.loads(out)
    assert code == 0 and plan["count"] == 3 and len(plan["postings"]) == 3
    code, out = run(capsys, lbench.data_dir, "wave", "ship", str(plan["wave"]))
    assert code == 0 and "3 ship command(s) queued" in out
    code, out = run(capsys, lbench.data_dir, "wave", "status", str(plan["wave"]), "--json")
    status = json.loads(out)
    assert code == 0 and status["counts"]["pending"] == 3 and status["state"] == "shipped"
    assert [p["posting_number"] for p in status["postings"] if p["pick"]] == plan["postings"]
    code, out = run(capsys, lbench.data_dir, "wave", "status", "999")
    assert code == 1 and "no wave 999" in out
    code, out = run(capsys, lbench.data_dir, "wave", "plan", "--due", "yesterday-ish")
    assert code != 0


def test_plan_leaves_marked_postings_out_and_says_why(lbench, capsys):
    """Marking codes are scanned at the bench and accepted by Ozon before the ship: a label-first
    wave (shipped before the pack) cannot hold such a posting, and the plan says so to the seller."""
    lbench.engine().run_pass()
    world = lbench.sim.world
    marked = {n for n in world.posting_numbers("awaiting_packaging")
              if any(world.needs_mark[x.sku] for x in world.peek(n).lines)}
    assert marked  # the simulated shop sells marked goods
    code, out = run(capsys, lbench.data_dir, "wave", "plan", "--due", "2999-12-31", "--json")
    plan = json.loads(out)
    assert code == 0 and not marked & set(plan["postings"])
    reasons = {e["posting_number"]: e["reason"] for e in plan["excluded"]}
    assert marked <= set(reasons)
    assert all(reasons[n].startswith("Ozon needs mandatory mark for ") for n in marked)

    code, out = run(capsys, lbench.data_dir, "wave", "plan", "--due", "2999-12-31")
    number = sorted(marked)[0]
    line = next(x for x in out.splitlines() if number in x)
    assert code == 0 and "needs marking codes scanned and accepted by Ozon before the ship" in line
    assert "verify-first" in line


def test_a_plan_with_nothing_to_take_says_so_and_gives_no_wave_number(lbench, capsys):
    lbench.engine().run_pass()
    code, out = run(capsys, lbench.data_dir, "wave", "plan", "--delivery-method", "-1")
    assert code == 0 and out.strip() == "No wave planned: no posting awaiting packaging here can go in one (0 excluded)."
    code, out = run(capsys, lbench.data_dir, "wave", "plan", "--delivery-method", "-1", "--json")
    assert code == 0 and json.loads(out)["wave"] is None
