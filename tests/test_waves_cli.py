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
