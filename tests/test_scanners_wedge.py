"""Keyboard-wedge decoder, table-driven, on an injected clock (no sleeps)."""
import pytest

from app.devices.scanners import KeyEvent, Mod, Scan, Typed, WedgeDecoder
from scanners_helpers import GS, GTIN, LONG_CODE, QT_KEYS, FakeClock, WedgeScanner, typed_by_hand

SCANNED = [
    "4006381333931",  # EAN-13
    "OZN123456789",  # Ozon SKU label
    "12345678-0001-1",  # posting number
    "ABC-abc_123 !@#$%^&*()+={}[]|\\:;\"'<>,.?/~`",  # every US symbol
    LONG_CODE,  # Chestny ZNAK with GS
]


def decoder(clock, **options):
    options.setdefault("scan_codes", "x11")
    return WedgeDecoder(clock=clock, **options)


def run(dec, events):
    """Feed everything, then let time pass; returns (all outputs, held flags)."""
    outputs, held = [], []
    for event in events:
        result = dec.feed(event)
        held.append(result.held)
        outputs += result.outputs
    deadline = dec.next_deadline()
    if deadline is not None:
        outputs += dec.poll(deadline + 1.0)
    return outputs, held


def scans(outputs):
    return [o.code for o in outputs if isinstance(o, Scan)]


def typed_text(outputs):
    return "".join(o.text for o in outputs if isinstance(o, Typed))


@pytest.mark.parametrize("code", SCANNED)
@pytest.mark.parametrize("layout,platform,decoder_codes", [
    ("us", "x11", "x11"),  # US layout, read by scan code
    ("us", None, "x11"),  # US layout, text only
    ("ru", "x11", "x11"),  # Russian layout on Linux: scan codes rescue it
    ("ru", "windows", "windows"),  # Russian layout on Windows: set-1 make codes
    ("ru", None, "x11"),  # Russian layout, no scan codes: Cyrillic reverse map
    ("ru", None, None),  # decoder told there are no scan codes at all (macOS)
])
def test_scanner_burst_becomes_one_scan(code, layout, platform, decoder_codes):
    clock = FakeClock()
    dec = decoder(clock, scan_codes=decoder_codes)
    events = WedgeScanner(layout=layout, platform=platform).events(code, clock)
    outputs, held = run(dec, events)
    assert outputs == [Scan(code, "keyboard", None)]
    assert held == [e.key not in (QT_KEYS["Shift"], QT_KEYS["Control"]) for e in events]


@pytest.mark.parametrize("platform,layout_hint,expected", [
    ("x11", "auto", "12$4^6&8/9"),  # scan codes: right whatever the layout
    ("windows", "auto", "12$4^6&8/9"),
    (None, "ru", "12$4^6&8/9"),  # text only, told the layout is Russian
    (None, "auto", '12;4:6?8.9'),  # text only: no Cyrillic shows the layout, so it cannot be undone
])
def test_symbols_without_letters_under_the_russian_layout(platform, layout_hint, expected):
    clock = FakeClock()
    events = WedgeScanner(layout="ru", platform=platform).events("12$4^6&8/9", clock)
    outputs, _ = run(decoder(clock, scan_codes=platform or "x11", layout=layout_hint), events)
    assert scans(outputs) == [expected]


def test_scan_codes_are_read_for_the_platform_they_come_from():
    """X11 codes (evdev + 8) read as Windows set-1 codes give other keys: the flag matters."""
    clock = FakeClock()
    events = WedgeScanner(layout="ru", platform="x11").events("ABC123", clock)
    outputs, _ = run(decoder(clock, scan_codes="windows"), events)
    assert scans(outputs) != ["ABC123"]


@pytest.mark.parametrize("text,key,code,mods", [
    ("]", 0x5D, 27 + 8, Mod.CTRL),  # Ctrl+] as QTest sends it
    (GS, 0x5D, 27 + 8, Mod.CTRL),  # what X11/Windows deliver
    (GS, 0, 0, Mod.NONE),  # bare control character, no key info
    ("ъ", 0x42A, 27 + 8, Mod.CTRL),  # Russian layout: the same key is Ъ
    ("ъ", 0x42A, 0, Mod.CTRL),  # ... without a scan code
    ("", 0, 27 + 8, Mod.CTRL),  # nothing but the physical key
])
def test_ctrl_bracket_right_is_gs(text, key, code, mods):
    clock = FakeClock()
    dec = decoder(clock)
    before = WedgeScanner().events("0104006381333931", clock)[:-1]
    gs = KeyEvent(text=text, key=key, native_scan_code=code, modifiers=mods, timestamp=clock.advance(0.008))
    after = WedgeScanner().events("10ABC", clock)
    outputs, _ = run(dec, [*before, gs, *after])
    assert scans(outputs) == [f"0104006381333931{GS}10ABC"]


@pytest.mark.parametrize("layout,platform", [("us", "x11"), ("ru", "x11"), ("ru", None)])
def test_dropped_gs_of_a_long_chestny_znak_code_is_restored(layout, platform):
    clock = FakeClock()
    events = WedgeScanner(layout=layout, platform=platform, gs="drop").events(LONG_CODE, clock)
    outputs, _ = run(decoder(clock), events)
    assert scans(outputs) == [LONG_CODE]


@pytest.mark.parametrize("code", [
    f"01{GTIN}215abcde{GS}93dGVz",  # short format (milk, water): serial length unknown
    f"01{GTIN}215Gm<\"sH&w;D/_91ee1092" + "A" * 43,  # long format one crypto char short
    f"01{GTIN[:-1]}221" + LONG_CODE[18:],  # GTIN check digit wrong
])
def test_gs_is_not_guessed_when_the_structure_is_ambiguous(code):
    clock = FakeClock()
    events = WedgeScanner(gs="drop").events(code, clock)
    outputs, _ = run(decoder(clock), events)
    assert scans(outputs) == [code.replace(GS, "")]


@pytest.mark.parametrize("gaps", [(0.09,), (0.12, 0.07, 0.2), (0.06,)])
def test_human_typing_is_passed_through_not_scanned(gaps):
    clock = FakeClock()
    dec = decoder(clock)
    events = typed_by_hand("4006381333931", clock, gaps)
    enter = KeyEvent(text="\r", key="Return", native_scan_code=36, timestamp=clock.advance(gaps[0]))
    outputs, held = run(dec, [*events, enter])
    assert scans(outputs) == []
    assert typed_text(outputs) == "4006381333931\r"
    assert all(held)


def test_each_typed_key_comes_back_once_burst_gap_passed():
    clock = FakeClock()
    dec = decoder(clock)
    result = dec.feed(KeyEvent(text="7", key="7", native_scan_code=16, timestamp=clock.advance(1)))
    assert result.held and result.outputs == ()
    assert dec.next_deadline() == pytest.approx(clock.now + 0.040)
    assert dec.poll(clock.now + 0.039) == []
    (typed,) = dec.poll(clock.now + 0.041)
    assert typed.text == "7" and not dec.pending


def test_burst_interrupted_by_a_long_gap_is_not_a_scan():
    clock = FakeClock()
    dec = decoder(clock)
    first = WedgeScanner(suffix=None).events("40063813", clock)
    clock.advance(0.300)
    rest = WedgeScanner().events("33931", clock)
    outputs, _ = run(dec, [*first, *rest])
    assert "4006381333931" not in scans(outputs)
    assert isinstance(outputs[0], Typed) and outputs[0].text == "40063813"
    # the second part is a burst of its own (5 keys + Enter): a scan, but only of what it holds
    assert scans(outputs) == ["33931"]


@pytest.mark.parametrize("code,expect_scan", [("123", False), ("1234", True)])
def test_min_length(code, expect_scan):
    clock = FakeClock()
    outputs, _ = run(decoder(clock), WedgeScanner().events(code, clock))
    assert scans(outputs) == ([code] if expect_scan else [])
    assert typed_text(outputs) == ("" if expect_scan else code + "\r")


def retimed(events, gaps):
    """The same key presses with new gaps between them (the first keeps its time)."""
    out, at = [], events[0].timestamp
    for event, gap in zip(events, [0.0, *gaps]):
        at += gap
        out.append(KeyEvent(text=event.text, key=event.key, native_scan_code=event.native_scan_code,
                            modifiers=event.modifiers, timestamp=at))
    return out


@pytest.mark.parametrize("slow_at,expect_scan", [
    ((), True),
    ((6,), True),  # one hiccup after min_length keys: forgiven
    ((6, 9), True),
    ((5, 7, 9), False),  # the third one ends the burst
    ((2,), False),  # a slow gap before min_length keys: the first keys were typed
])
def test_slow_gaps_inside_a_burst(slow_at, expect_scan):
    events = WedgeScanner().events("4006381333931", FakeClock())
    gaps = [0.070 if i in slow_at else 0.008 for i in range(1, len(events))]
    outputs, _ = run(decoder(FakeClock()), retimed(events, gaps))
    if expect_scan:
        assert outputs == [Scan("4006381333931", "keyboard")]
    else:  # the keys before the breaking gap come back typed; a fast tail is a burst of its own
        assert isinstance(outputs[0], Typed) and "4006381333931" not in scans(outputs)
        assert typed_text(outputs) + "".join(scans(outputs)) in ("4006381333931\r", "4006381333931")


def test_slow_enter_after_a_fast_burst_is_typing():
    clock = FakeClock()
    events = WedgeScanner(suffix=None).events("4006381333931", clock)
    enter = KeyEvent(text="\r", key="Return", timestamp=clock.advance(0.1))
    outputs, _ = run(decoder(clock), [*events, enter])
    assert scans(outputs) == [] and typed_text(outputs) == "4006381333931\r"


@pytest.mark.parametrize("suffix,scanner_suffix", [("tab", "Tab"), ("none", None)])
def test_other_suffixes(suffix, scanner_suffix):
    clock = FakeClock()
    dec = decoder(clock, suffix=suffix)
    outputs, _ = run(dec, WedgeScanner(suffix=scanner_suffix).events("OZN123456789", clock))
    assert scans(outputs) == ["OZN123456789"]


def test_enter_is_not_a_suffix_when_tab_is_configured():
    clock = FakeClock()
    outputs, _ = run(decoder(clock, suffix="tab"), WedgeScanner().events("OZN123456789", clock))
    assert scans(outputs) == [] and typed_text(outputs) == "OZN123456789\r"


def test_modifier_presses_are_not_held_and_auto_repeat_is_typing():
    clock = FakeClock()
    dec = decoder(clock)
    assert dec.feed(KeyEvent(key="Shift", native_scan_code=50, modifiers=Mod.SHIFT,
                             timestamp=clock.advance(1))).held is False
    assert not dec.pending
    repeats = [KeyEvent(text="1", key="1", native_scan_code=10, auto_repeat=i > 0, timestamp=clock.advance(0.03))
               for i in range(6)]
    enter = KeyEvent(text="\r", key="Return", timestamp=clock.advance(0.03))
    outputs, _ = run(dec, [*repeats, enter])
    assert scans(outputs) == [] and typed_text(outputs) == "111111\r"


def test_other_ctrl_combinations_flush_in_order():
    clock = FakeClock()
    dec = decoder(clock)
    events = WedgeScanner(suffix=None).events("ab", clock)
    copy = KeyEvent(text="\x03", key="C", native_scan_code=54, modifiers=Mod.CTRL, timestamp=clock.advance(0.01))
    outputs, _ = run(dec, [*events, copy])
    assert [k.text for o in outputs for k in o.keys] == ["a", "b", "\x03"]


def test_events_without_timestamp_use_the_injected_clock():
    clock = FakeClock()
    dec = decoder(clock)
    for event in WedgeScanner().events("OZN1", FakeClock()):
        clock.advance(0.005)
        outputs = dec.feed(KeyEvent(text=event.text, key=event.key, native_scan_code=event.native_scan_code,
                                    modifiers=event.modifiers)).outputs
    assert outputs == (Scan("OZN1", "keyboard"),)
    dec.feed(KeyEvent(text="x", key="X"))
    clock.advance(0.2)
    assert [o.text for o in dec.poll()] == ["x"]


@pytest.mark.parametrize("options", [dict(suffix="cr"), dict(layout="de"), dict(burst_gap=0.2),
                                     dict(min_length=0), dict(scan_codes="amiga")])
def test_bad_decoder_options(options):
    with pytest.raises(ValueError):
        WedgeDecoder(**options)


@pytest.mark.parametrize("layout,platform", [("us", None), ("ru", None), ("us", "x11"), ("ru", "windows")])
def test_a_marking_code_typed_with_caps_lock_on_comes_back_exactly(layout, platform):
    clock = FakeClock()
    dec = decoder(clock, scan_codes=platform or "x11")
    events = WedgeScanner(layout=layout, platform=platform, caps_lock=True).events(LONG_CODE, clock)
    outputs, _ = run(dec, events)
    assert outputs == [Scan(LONG_CODE, "keyboard", None)]  # by scan code Caps Lock never mattered


def test_caps_lock_is_not_undone_for_codes_that_are_no_marking_codes():
    clock = FakeClock()
    dec = decoder(clock, scan_codes=None)
    events = WedgeScanner(platform=None, caps_lock=True).events("OZNabcdefghij42", clock)
    assert scans(run(dec, events)[0]) == ["oznABCDEFGHIJ42"]  # as typed: nothing proves Caps Lock here
