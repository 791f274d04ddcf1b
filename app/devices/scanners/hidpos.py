"""HID POS scanner reports (usage page 0x8C), Honeywell layout (devices-notes §1.1).

Offsets as hidapi returns a report, i.e. with the report ID as byte 0:

    0      report ID 0x02
    1      number of data bytes in this packet (at most 56)
    2..4   AIM symbology identifier, e.g. "]d2" (GS1 DataMatrix); zeros when the scanner sends none
    5..60  data
    61     Honeywell code id (0x77 'w' DataMatrix, 0x73 QR, 0x64 EAN-13, 0x6A Code 128)
    63     non-zero: more packets of this code follow

Zebra and Datalogic use other layouts: not read here.
"""
from __future__ import annotations

from dataclasses import dataclass

SCANNER_USAGE_PAGE = 0x8C
REPORT_ID = 0x02
DATA_AT, DATA_MAX, CODE_ID_AT, MORE_AT = 5, 56, 61, 63


@dataclass(frozen=True)
class Packet:
    data: bytes
    aim: str | None  # "]d2", or None when the scanner sends no AIM id
    code_id: int  # Honeywell's own symbology byte, 0 when absent
    more: bool  # the code continues in the next packet


def parse_report(report: bytes) -> Packet | None:
    """One input report -> a packet; None for reports that carry no scanned data (other IDs).

    Raises ValueError for a scanned-data report that contradicts itself."""
    if not report or report[0] != REPORT_ID:
        return None
    if len(report) < DATA_AT:
        raise ValueError(f"report of {len(report)} bytes is too short: {report.hex(' ')}")
    length = report[1]
    if length > DATA_MAX:
        raise ValueError(f"report says {length} data bytes, at most {DATA_MAX} fit: {report.hex(' ')}")
    if len(report) < DATA_AT + length:
        raise ValueError(f"report says {length} data bytes but has {len(report) - DATA_AT}: {report.hex(' ')}")
    aim_bytes = report[2:DATA_AT]
    aim = aim_bytes.decode("ascii") if aim_bytes[:1] == b"]" and aim_bytes.isascii() else None
    code_id = report[CODE_ID_AT] if len(report) > CODE_ID_AT else 0
    more = len(report) > MORE_AT and report[MORE_AT] != 0
    return Packet(bytes(report[DATA_AT:DATA_AT + length]), aim, code_id, more)


class HidPosFramer:
    """Reports -> complete codes, joining multi-packet ones. Same shape as ``LineFramer``."""

    def __init__(self, *, stale_timeout: float = 1.0) -> None:
        self.stale_timeout = stale_timeout
        self.notes: list[str] = []
        self._parts: list[bytes] = []
        self._aim: str | None = None
        self._since = 0.0

    def feed(self, report: bytes, now: float) -> list[tuple[bytes, str | None]]:
        try:
            packet = parse_report(report)
        except ValueError as exc:
            self.notes.append(f"bad report dropped with {len(self._parts)} earlier packets: {exc}")
            self._parts.clear()
            return []
        if packet is None:
            return []
        if not self._parts:
            self._aim = packet.aim
        self._parts.append(packet.data)
        self._since = now
        if packet.more:
            return []
        code, self._parts = b"".join(self._parts), []
        return [(code, self._aim)]

    def expire(self, now: float) -> list[tuple[bytes, str | None]]:
        if self._parts and now - self._since >= self.stale_timeout:
            self.notes.append(f"incomplete code dropped: {len(self._parts)} packets, last one said more follow")
            self._parts.clear()
        return []
