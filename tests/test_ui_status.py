"""The status bar warns about the API key two weeks before it expires, by the panel's clock."""
from datetime import datetime, timedelta, timezone

from PySide6.QtWidgets import QStatusBar

from app.ui.status import KEY_WARN_DAYS, StatusPanel

NOW = datetime(2026, 5, 10, 12, 0, tzinfo=timezone.utc)


def test_the_key_warning_shows_only_in_the_last_two_weeks(qtbot):
    bar = QStatusBar()
    qtbot.addWidget(bar)
    clock = [NOW]
    status = StatusPanel(bar, now=lambda: clock[0])
    expires = NOW + timedelta(days=KEY_WARN_DAYS + 1)
    status.on_pass({"finished": True, "key_expires_at": expires.isoformat().replace("+00:00", "Z")})
    assert status.fields["key"].text() == ""
    clock[0] = NOW + timedelta(days=2)
    status.on_pass(dict(status.summary))
    assert status.fields["key"].text() == f"⚠ API key expires {expires.astimezone().strftime('%d.%m.%Y')}"
    status.on_pass({"finished": True, "key_expires_at": None})
    assert status.fields["key"].text() == ""
