"""``StatusPanel``: the status bar's fields: Ozon sync (online/offline, the stages of the last pass
that did not finish, last sync, outbox, key expiry), printer, scale (live reading) and scanner.
Slots only store what they are told and repaint; the words are made in ``retranslate`` so a
language switch redraws them (the stage names come from the core's catalogue, in ``language()``)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QStatusBar

from app.messages import text
from app.messages.devices import device_state_words
from app.messages.sync import stage_names
from app.ui.scale_words import in_grams, reading, steadiness
from app.ui.size_fence import SizeFence

KEY_WARN_DAYS = 14
FIELD_MIN_WIDTH = 48  # px a field may shrink to before the window would have to grow past the screen
DEVICE_KEEP = 170  # px a device's field keeps before the others give way: "✓ Printer", a reading, a trouble's start
WORKS, TROUBLE = "✓", "⚠"  # first in a device's field: what is cut off at its end is never whether it works


class KeptLabel(QLabel):
    """A status field that keeps the widest room it has asked for until the language changes: a
    shorter text (a lighter reading, a smaller count, the camera's REC turning to "ready" at every
    posting put away) leaves it as wide as it was, so the fields after it do not move, and the bar
    is not laid out and repainted whole, at every change. Kept, a text seen once would cut the
    others short until the language changed, so two kinds keep no room: a ``passing`` text (what a
    field says while the bench starts: "Ozon: connecting…", a device's URI before its state) and
    an empty one (the failed stages' warning once a pass finishes). ``whole``: never cut (whether
    Ozon is online, the camera's REC): the other fields give way."""

    def __init__(self, *, whole: bool = False) -> None:
        super().__init__()
        self.whole, self.room, self.passing = whole, 0, False

    def setText(self, value: str, *, passing: bool = False) -> None:  # noqa: N802
        self.passing = passing
        super().setText(value)
        self.sizeHint()  # measured now: the room knows each text shown, also one replaced before a layout

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        if not self.text():
            self.room = hint.width()
        elif not self.passing:
            self.room = max(self.room, hint.width())
        return QSize(max(self.room, hint.width()), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint() if self.whole else super().minimumSizeHint()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:  # not on a font change: REC is bold, "ready" not
            self.room = 0  # measured again in the new words
            self.updateGeometry()
        super().changeEvent(event)


class FieldLabel(KeptLabel):
    """A status field that, unless ``whole``, gives way to the others when the bar is short: its
    text ends in "…" (never cut mid-word without a sign) and the whole text begins its tooltip.
    ``keep``: the px it keeps before the fields without one give way (a device's state)."""

    def __init__(self, *, whole: bool = False, keep: int = 0) -> None:
        super().__init__(whole=whole)
        self.keep = keep

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        hint = super().minimumSizeHint()
        return hint if self.whole else QSize(min(max(FIELD_MIN_WIDTH, self.keep), hint.width()), hint.height())

    def setText(self, value: str, tip: str | None = None, *, passing: bool = False) -> None:  # noqa: N802
        super().setText(value, passing=passing)
        self.setToolTip(value if tip is None else tip)
        self.setVisible(bool(value) or self.whole)  # an empty field takes no room and no spacing

    def paintEvent(self, event) -> None:  # noqa: N802
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width())
        align = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.style().drawItemText(QPainter(self), self.contentsRect(), align, self.palette(), self.isEnabled(),
                                  shown, self.foregroundRole())


# the camera's field: (text colour, background; None: the bar's own) for each level, bold unless plain
CAMERA_LOOKS = {"recording": ("#c62828", None), "warning": ("#8a5a00", "#fff3cd"), "": (None, None)}


class CameraField(KeptLabel):
    """The camera's field, never cut: red and bold while it records, amber on a light background
    when it failed. Its colours are a palette and its weight a font: as a style sheet rule on a
    property, each change re-polished the field, twice a posting (open, put away); in a probe
    timing the window's events (offscreen, its own cost included) the camera's slots took 1.3 ms a
    change with the re-polish, 1.0 ms without."""

    def __init__(self) -> None:
        super().__init__(whole=True)
        self.level: str | None = None

    def show_level(self, level: str) -> None:
        if level == self.level:
            return
        self.level = level
        colour, background = CAMERA_LOOKS[level]
        plain = QApplication.palette(self)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colour) if colour else plain.color(
            QPalette.ColorRole.WindowText))
        palette.setColor(QPalette.ColorRole.Window, QColor(background) if background else plain.color(
            QPalette.ColorRole.Window))
        self.setPalette(palette)
        self.setAutoFillBackground(background is not None)
        font = self.font()
        font.setBold(bool(level))
        self.setFont(font)


def _local(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        value = datetime.fromisoformat(iso.rstrip("Z"))
    except ValueError:
        return iso
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone().strftime("%H:%M:%S")


class StatusPanel(QObject):
    def __init__(self, bar: QStatusBar, *, printer: str = "", scale: str = "", scanner: str = "", camera: str = "",
                 language: Callable[[], str] = lambda: "en",
                 now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
        """``now``: an aware datetime (the key's expiry is compared with it)."""
        super().__init__(bar)
        self.bar, self.now = bar, now
        self.language = language
        # the camera's field is no FieldLabel: its tooltip says why it failed, and it has a background
        devices = ("printer", "scale", "scanner")
        self.fields = {name: CameraField() if name == "camera" else
                       FieldLabel(whole=name == "ozon", keep=DEVICE_KEEP if name in devices else 0)
                       for name in ("ozon", "stages", "last", "outbox", "key", "camera", *devices)}
        for name, label in self.fields.items():  # fenced: a new text in the room it had lays no bar out
            label.setObjectName(f"status_{name}")
            if name in ("printer", "scale", "scanner", "camera"):
                bar.addPermanentWidget(SizeFence(label))
            else:
                bar.addWidget(SizeFence(label))
        self.ozon = "starting"   # starting | online | offline | auth | unset
        self.summary: dict = {}
        self.printer, self.printer_state = printer, ""
        self.scale_uri, self.scale_state, self.weight = scale, "", None
        self.scanner_uri, self.scanner_state = scanner, "connected" if scanner == "keyboard" else ""
        self.camera = (camera, "starting" if camera else "off", "", "")  # uri, state, detail, clip
        bar.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    # --- slots ------------------------------------------------------------------------------
    def on_pass(self, summary: dict) -> None:
        self.summary = summary
        # Ozon is out of reach when its postings list is: other stages may fail on their own
        postings = (summary.get("stages") or {}).get("postings")
        self.ozon = "online" if postings == "ok" or summary.get("finished") else "offline"
        self.retranslate()

    def on_sync_failed(self, detail: str) -> None:
        if self.ozon != "auth":
            self.ozon = "offline"
        self.retranslate()

    def on_auth_failed(self, detail: str) -> None:
        self.ozon = "auth"
        self.retranslate()

    def on_not_set_up(self) -> None:
        """No Ozon account to sync (no Client-Id or no key): never "connecting…"."""
        self.ozon = "unset"
        self.retranslate()

    def on_scale_reading(self, grams: float, state: str) -> None:
        self.weight = (grams, state)
        self.fields["scale"].setText(self._scale_text(), self._scale_tip())

    def on_scale_state(self, state: str) -> None:
        self.scale_state = state
        if state != "connected":
            self.weight = None
        self.fields["scale"].setText(self._scale_text(), self._scale_tip())

    def on_scanner_state(self, state: str) -> None:
        self.scanner_state = state
        self.retranslate()

    def on_camera_state(self, state: str, detail: str, key: str) -> None:
        """The packing camera: recording (which posting), ready, or failed (why): a warning, in red."""
        self.camera = (self.camera[0], state, detail, key)
        self._show_camera()  # only its own field: it changes at every posting opened and put away

    def on_printer_state(self, state: str) -> None:
        self.printer_state = state
        self.retranslate()

    # --- words ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        f, s = self.fields, self.summary
        f["ozon"].setText({"starting": self.tr("Ozon: connecting…"), "online": self.tr("Ozon: online"),
                           "offline": self.tr("Ozon: offline"), "auth": self.tr("Ozon: key refused"),
                           "unset": self.tr("Ozon: not set up")}[self.ozon], passing=self.ozon == "starting")
        failed = s.get("failed_stages") or []
        f["stages"].setText(text("sync_stages_failed", self.language(), stages=", ".join(
            stage_names(failed, self.language()))) if failed else "")
        f["last"].setText(self.tr("Last sync: %1").replace("%1", _local(s.get("started_at")) or "—"))
        f["outbox"].setText(self.tr("Outbox: %1 open, %2 parked")
                            .replace("%1", str(s.get("outbox_open", 0))).replace("%2", str(s.get("outbox_parked", 0))))
        f["key"].setText(self._key_text(s.get("key_expires_at")))
        self._device(f["printer"], self.tr("Printer"), self.tr("Printer: %1"), self.printer, self.printer_state)
        f["scale"].setText(self._scale_text(), self._scale_tip())
        self._device(f["scanner"], self.tr("Scanner"), self.tr("Scanner: %1"), self.scanner_uri, self.scanner_state)
        self._show_camera()

    def _show_camera(self) -> None:
        label = self.fields["camera"]
        label.show_level({"recording": "recording", "failed": "warning"}.get(self.camera[1], ""))
        label.setText(self._camera_text(), passing=self.camera[1] == "starting")  # measured in its new font
        uri, state, detail, key = self.camera
        label.setToolTip(f"{label.text()} {key}" if state == "recording" and key else detail)

    def _camera_text(self) -> str:
        uri, state, detail, key = self.camera
        if not uri or state == "off":
            return self.tr("Camera: off")
        if state == "recording":
            return self.tr("● REC")  # which posting: in the tooltip and the pack view's banner
        if state == "failed":  # why: in the tooltip and the banner
            return self.tr("⚠ Camera: %1").replace("%1", self.tr("not available"))
        if state == "ready":
            return self.tr("Camera: ready")
        return self.tr("Camera: starting…")

    def _key_text(self, expires: str | None) -> str:
        if not expires:
            return ""
        try:
            when = datetime.fromisoformat(expires.rstrip("Z"))
        except ValueError:
            return ""
        when = when if when.tzinfo else when.replace(tzinfo=timezone.utc)
        if when - self.now() > timedelta(days=KEY_WARN_DAYS):
            return ""
        return self.tr("⚠ API key expires %1").replace("%1", when.astimezone().strftime("%d.%m.%Y"))

    def _device(self, field: FieldLabel, name: str, title: str, uri: str, state: str) -> None:
        """Whether the device works, first ("✓ Printer", "⚠ Printer: out of labels"), its URI and the
        library's reason in the tooltip: a packer reads the mark, and a bar at 1280 px has no room for
        URIs. The URI itself until the device reports a state."""
        if not uri:
            field.setText(title.replace("%1", self.tr("not set")))
            return
        if not state:
            field.setText(title.replace("%1", uri), passing=True)
            return
        said = device_state_words(state, self.language())  # a reason after the colon: in the tooltip
        if state == "connected":
            shown = f"{WORKS} {name}"
        else:
            shown = f"{TROUBLE} {title.replace('%1', said.partition(': ')[0])}"
        field.setText(shown, f"{shown}\n{title.replace('%1', said)}\n{uri}")

    def _scale_tip(self) -> str:
        """The whole reading in the pack view's words, and the scale's URI."""
        said = reading(*self.weight) if self.weight is not None else self._scale_text()
        return f"{said}\n{self.scale_uri}" if self.scale_uri else said

    def _scale_text(self) -> str:
        """Like the other devices, whether it works first: "✓ Scale: 287 g" when steady, "⚠ Scale:
        overload" in the pack view's words when not, no mark while it settles. The whole reading
        ("287 g, settling…") did not fit beside the other fields at 1280 px in Russian."""
        if not self.scale_uri:
            return self.tr("Scale: not set")
        if self.weight is None:
            return self.tr("Scale: %1").replace("%1", device_state_words(self.scale_state, self.language()) or "…")
        grams, state = self.weight
        if state in ("overload", "negative"):
            return f"{TROUBLE} " + self.tr("Scale: %1").replace("%1", steadiness(state))
        weighs = self.tr("Scale: %1 g").replace("%1", in_grams(grams))
        return f"{WORKS} {weighs}" if state in ("stable", "zero") else weighs
