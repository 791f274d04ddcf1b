"""Ozon's state of a return in the packer's language: the words, the Returns view, the command line,
the dispute summary, and an rFBS group kept by the sync and let go when an action moves the state."""
from datetime import datetime, timezone

import pytest

from app.cli.returns import lines as return_lines
from app.messages.return_states import FBS_RETURN_STATES, RFBS_RETURN_GROUPS, ozon_return_state
from app.services.evidence.summary import describe
from app.services.evidence.timeline import Context
from app.services.ozon.returns import RfbsReturnDetail
from app.services.returns.actions import ActionSend
from app.services.returns.board import returns_board
from app.services.returns.timeline import returns_and_cases
from app.services.sync.outbox import Command
from app.store import open_database
from app.store.models import OUTBOX_DONE, OUTBOX_UNCERTAIN, PostingRow
from app.store.models_returns import ReturnRow

NOW = datetime(2026, 1, 5, 10, 0)
# every visual status of an FBS return Ozon's Seller API reference names (/v1/returns/list)
OZON_FBS_STATES = (
    "DisputeOpened OnSellerApproval ArrivedAtReturnPlace OnSellerClarification "
    "OnSellerClarificationAfterPartialCompensation OfferedPartialCompensation ReturnMoneyApproved "
    "PartialCompensationReturned CancelledDisputeNotOpen Rejected CrmRejected Cancelled Approved ApprovedByOzon "
    "ReceivedBySeller MovingToSeller ReturnCompensated ReturningToSellerByCourier Utilizing Utilized MoneyReturned "
    "PartialCompensationInProcess DisputeYouOpened CompensationRejected DisputeOpening CompensationOffered "
    "WaitingCompensation SendingError CompensationRejectedBySla CompensationRejectedBySeller MovingToOzon "
    "ReturnedToOzon MoneyReturnedBySystem WaitingShipment").split()


def test_every_state_ozon_names_has_words_in_each_language():
    assert {key.removeprefix("return_fbs_") for key in FBS_RETURN_STATES} == set(OZON_FBS_STATES)
    assert {key.removeprefix("return_rfbs_") for key in RFBS_RETURN_GROUPS} == {
        "new", "delivering", "checkout", "arbitration", "approved", "rejected"}
    for words in (*FBS_RETURN_STATES.values(), *RFBS_RETURN_GROUPS.values()):
        assert sorted(words) == ["en", "ru", "zh"] and all(words.values())


@pytest.mark.parametrize(("scheme", "state", "group", "name", "lang", "said"), [
    ("fbs", "MovingToSeller", "", "Возврат на пути к продавцу", "zh", "正在退回卖家"),
    ("fbs", "MovingToSeller", "", "Возврат на пути к продавцу", "en", "on the way to the seller"),
    ("fbs", "MovingToSeller", "", "Возврат на пути к продавцу", "ru", "Возврат на пути к продавцу"),  # Ozon's own
    ("fbs", "MovingToSeller", "", "", "ru", "возврат на пути к продавцу"),
    ("fbs", "SomethingNew", "", "Что-то новое", "zh", "Что-то новое"),  # no words yet: Ozon's
    ("fbs", "SomethingNew", "", "", "en", "SomethingNew"),
    ("rfbs", "approved", "Delivering", "Ожидает получения", "zh", "运输中"),
    ("rfbs", "approved", "DELIVERING", "Ожидает получения", "en", "on the way"),  # Ozon's case is not held
    ("rfbs", "approved", "Delivering", "Ожидает получения", "ru", "Ожидает получения"),
    ("rfbs", "approved", "", "Ожидает получения", "zh", "Ожидает получения"),  # the group not known (yet)
])
def test_a_returns_state_in_the_packers_language(scheme, state, group, name, lang, said):
    fields = {"scheme": scheme, "state": state, "group_state": group, "state_name": name}
    assert ozon_return_state(fields, lang) == said


@pytest.fixture
def db(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'packdesk.db'}")

    def write(session):
        session.add(PostingRow(posting_number="1-1-1", status="delivered"))
        session.add(ReturnRow(scheme="fbs", ozon_id=5, posting_number="1-1-1", barcode="ii0000000005",
                              kind="ClientReturn", sku=1, name="Kettle", state="MovingToSeller",
                              state_name="Возврат на пути к продавцу",
                              created_at=NOW, notes=[], actions=[], rejection_reasons=[]))
        session.add(ReturnRow(scheme="rfbs", ozon_id=7, posting_number="1-1-1", barcode="1-1-R007", kind="rfbs",
                              sku=1, name="Kettle", state="new", state_name="Новая заявка", group_state="New",
                              created_at=NOW, notes=[], actions=[{"id": 1, "name": "Одобрить"}], rejection_reasons=[]))
    database.writer.call(write)
    yield database
    database.close()


def test_the_returns_view_says_ozons_state_in_its_language(db, qtbot):
    from app.ui.returns import ReturnsPanel

    lang = ["zh"]
    panel = ReturnsPanel(language=lambda: lang[0])
    qtbot.addWidget(panel)
    panel.show_board(returns_board(db, "bench-1"))
    assert sorted(panel.model.item(row, 4).text() for row in range(2)) == ["新申请", "正在退回卖家"]
    lang[0] = "ru"
    panel.retranslate()
    assert sorted(panel.model.item(row, 4).text() for row in range(2)) == ["Возврат на пути к продавцу", "Новая заявка"]


def test_the_command_line_and_the_dispute_summary_say_it_too(db, tmp_path):
    with db.read() as session:
        rows = sorted(session.query(ReturnRow).all(), key=lambda r: r.id)
        listed = [{"id": r.id, "scheme": r.scheme, "posting_number": r.posting_number, "state": r.state,
                   "state_name": r.state_name, "group_state": r.group_state, "local_state": r.local_state,
                   "actions": []} for r in rows]
        entries = list(returns_and_cases(session, Context("1-1-1", tmp_path, tmp_path)))
    fbs, rfbs = return_lines(listed, "zh")
    assert "正在退回卖家" in fbs and "新申请" in rfbs
    said = sorted(describe(entry, "en") for entry in entries)
    assert "state: new request." in said[0] and "state: on the way to the seller." in said[1]
    assert "статус: Новая заявка." in sorted(describe(entry, "ru") for entry in entries)[0]


class _Ozon:
    """The one call an action's read-back makes: the request as Ozon holds it now."""

    def __init__(self, detail: RfbsReturnDetail) -> None:
        self.detail = detail

    def rfbs_return(self, return_id: int) -> RfbsReturnDetail:
        return self.detail


def test_an_action_that_moved_the_state_lets_the_old_group_go_until_the_next_list(db):
    with db.read() as session:
        row = session.query(ReturnRow).filter_by(scheme="rfbs").one()
        ident = row.id
    detail = RfbsReturnDetail("approved", "Ожидает получения", [{"id": 10, "name": "Возврат получен"}], [])
    command = Command(1, "rfbs_return_action", "1-1-1", {"return": ident, "return_id": 7, "action_id": 1,
                                                         "state_before": "new"},
                      OUTBOX_UNCERTAIN, 1, {}, NOW)
    outcome = ActionSend(_Ozon(detail), db, lambda: datetime.now(timezone.utc))(command)
    assert outcome.state == OUTBOX_DONE
    with db.read() as session:
        row = session.get(ReturnRow, ident)
        assert (row.state, row.group_state, row.state_name) == ("approved", "", "Ожидает получения")
    # meanwhile a Chinese packer reads Ozon's name, not the group it left
    fields = {"scheme": row.scheme, "state": row.state, "group_state": row.group_state, "state_name": row.state_name}
    assert ozon_return_state(fields, "zh") == "Ожидает получения"
