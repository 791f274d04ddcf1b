"""packaging/linux: the udev rules are well-formed and cover every vendor discovery knows."""
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from app.devices.discovery import HID_SCALES, SCALE_VENDORS, SCANNER_VENDORS

LINUX = Path(__file__).resolve().parent.parent / "packaging" / "linux"
RULES = (LINUX / "99-packdesk.rules").read_text(encoding="utf-8")
PAIR = re.compile(r'^(?P<key>[A-Z_]+)(\{(?P<attr>[A-Za-z_]+)\})?(?P<op>==|!=|\+=|:=|=)"(?P<value>[^"]*)"$')
MATCH_KEYS = {"ACTION", "SUBSYSTEM", "KERNEL", "ATTR", "ATTRS", "ENV"}
ASSIGN_KEYS = {"GROUP", "MODE", "ENV", "GOTO", "TAG"}


def rules():
    for number, line in enumerate(RULES.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield number, line


def pairs(line):
    return [PAIR.match(part.strip()) for part in line.split(", ")]


def test_every_rule_line_is_well_formed():
    labels = set(re.findall(r'^LABEL="([^"]+)"$', RULES, re.M))
    for number, line in rules():
        if line.startswith("LABEL="):
            continue
        parsed = pairs(line)
        assert all(parsed), f"line {number}: {line}"
        for m in parsed:
            if m["op"] in ("==", "!="):
                assert m["key"] in MATCH_KEYS, f"line {number}: {m['key']} cannot be matched"
            else:
                assert m["key"] in ASSIGN_KEYS, f"line {number}: {m['key']} cannot be assigned"
            if m["key"] == "GOTO":
                assert m["value"] in labels, f"line {number}: no LABEL {m['value']}"
            if m["key"] == "MODE":
                assert m["value"] == "0660", f"line {number}: keep device nodes out of reach of other users"


def hidraw_vendors():
    section = RULES[RULES.index('SUBSYSTEM!="hidraw"'):RULES.index('LABEL="packdesk_hidraw_end"')]
    return {int(v, 16) for v in re.findall(r'ATTRS\{idVendor\}=="([0-9a-f]{4})"', section)}


@pytest.mark.parametrize("vid", sorted(set(SCANNER_VENDORS) | set(SCALE_VENDORS) | {v for v, _ in HID_SCALES}))
def test_hidraw_access_for_every_known_vendor(vid):
    assert vid in hidraw_vendors()


def test_printers_are_matched_by_usb_class():
    assert 'ENV{ID_USB_INTERFACES}=="*:0701??:*"' in RULES


@pytest.mark.skipif(shutil.which("sh") is None, reason="no POSIX shell")
def test_install_script_is_valid_sh():
    subprocess.run(["sh", "-n", str(LINUX / "install-udev.sh")], check=True)
