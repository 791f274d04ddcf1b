"""Cases from the command line (``packdesk case``) and the Returns / Cases views bound to their data."""
import json
from datetime import datetime

from app.cli import main
from app.services.returns.board import cases_board, returns_board
from app.store import open_database
from app.store.models import PostingRow
from app.store.models_returns import ReturnRow

NUMBER = "12345678-0001-1"


def seeded(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'packdesk.db'}")
    now = datetime(2026, 1, 5, 10, 0)

    def write(session):
        session.add(PostingRow(posting_number=NUMBER, status="delivered"))
        session.add(ReturnRow(scheme="rfbs", ozon_id=7, posting_number=NUMBER, barcode="12345678-0001-R007",
                              kind="rfbs", sku=1, offer_id="A", name="Kettle", quantity=1, state="new",
                              state_name="Новая заявка", reason="", actions=[{"id": 1, "name": "Одобрить"}],
                              rejection_reasons=[], notes=[], created_at=now, local_state="new"))
    db.writer.call(write)
    return db


def test_a_case_is_opened_noted_attached_and_closed_from_the_command_line(tmp_path, capsys):
    seeded(tmp_path).close()
    toml = tmp_path / "packdesk.toml"
    toml.write_text('[station]\nname = "bench-1"\n', encoding="utf-8")
    base = ["--config", str(toml), "--data-dir", str(tmp_path), "--lang", "en", "case"]
    assert main([*base, "open", NUMBER, "--type", "damaged", "--note", "corner crushed"]) == 0
    assert "Case #1 (damaged) opened" in capsys.readouterr().out
    assert main([*base, "open", "99999999-0001-1", "--type", "damaged"]) == 1
    assert "not in this bench's cache" in capsys.readouterr().err
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8 a photo")
    assert main([*base, "attach", "1", str(photo)]) == 0
    assert main([*base, "attach", "1", str(tmp_path / "nothing.jpg")]) == 1
    assert "cannot be read" in capsys.readouterr().err
    assert main([*base, "note", "1", "buyer sent photos"]) == 0
    assert main([*base, "list", "--open", "--json"]) == 0
    capsys.readouterr()
    assert main([*base, "close", "1", "--resolution", "refund"]) == 0
    assert "closed: refund" in capsys.readouterr().out
    assert main([*base, "show", "1", "--json"]) == 0
    case = json.loads(capsys.readouterr().out)
    assert (case["state"], case["resolution"], [n["text"] for n in case["notes"]]) == (
        "closed", "refund", ["corner crushed", "buyer sent photos"])
    (attached,) = case["attachments"]
    assert (tmp_path / "evidence" / attached["path"]).read_bytes() == photo.read_bytes()
    assert main([*base, "list", "--open", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main([*base, "show", "5"]) == 1
    assert "No case #5" in capsys.readouterr().err


def test_the_views_show_the_returns_and_the_cases(tmp_path, qtbot):
    from app.services.returns import cases
    from app.ui.returns import CasesPanel, ReturnsPanel

    db = seeded(tmp_path)
    db.writer.call(lambda s: cases.open_case(s, NUMBER, "return", note="came back", by="Anna",
                                             now=datetime(2026, 1, 5, 11, 0)))
    board = returns_board(db, "bench-1")
    panel = ReturnsPanel()
    qtbot.addWidget(panel)
    actions = []
    panel.actionRequested.connect(lambda *a: actions.append(a))
    panel.show_board(board)
    assert panel.model.rowCount() == 1 and panel.model.item(0, 4).text() == "Новая заявка"
    assert not panel.send_button.isEnabled()  # nothing chosen yet
    panel.view.selectRow(0)
    assert panel.actions.count() == 1 and panel.send_button.isEnabled()
    panel.send_button.click()
    assert actions == [(board["returns"][0]["id"], 1, "", None)]
    assert panel.idle.isVisibleTo(panel) and not panel.close_button.isVisibleTo(panel)  # nothing open here

    view = CasesPanel()
    qtbot.addWidget(view)
    view.show_cases(cases_board(db))
    assert view.model.rowCount() == 1 and view.model.item(0, 2).text() == "return"
    view.view.selectRow(0)
    assert "came back" in view.details.toPlainText() and view.close_button.isEnabled()
    closed = []
    view.closeRequested.connect(lambda *a: closed.append(a))
    view.close_button.click()
    assert closed == [(1, "refund", "")]
    db.close()
