"""A printer profile: everything the encoders need to know, built from the printer's device URI.

Printer URI parameters (CONTRACT.md "Device URIs"; the last four are additions documented here):

    lang=tspl|zpl|epl|escpos   printer language (default tspl)
    dpi=203|300                head resolution (default 203)
    size=WxH                   label size in mm (default 75x120, the Ozon FBS label)
    invert=0|1                 flip the bit polarity the language normally uses (default 0)
    width=DOTS                 ESC/POS only: head width in dots, a multiple of 8 (default 576, 80 mm)
    baud=N                     serial printers only: line speed (default 9600)
    darkness=0..15             TSPL DENSITY / EPL D / ZPL ~SD (x2); default: keep the printer's setting
    speed=1..14                inches per second (TSPL SPEED / EPL S / ZPL ^PR); default: keep
    gap=MM                     gap between labels in mm, 0 = continuous (default 2), TSPL GAP / EPL Q
    zpl=compressed|hex|z64     ZPL only: ^GFA data encoding (default compressed)
    model=NAME                 defaults of a common printer (app/devices/printers/models.py); URI values win
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from app.devices.printers.models import MODELS
from app.devices.uri import DeviceUri, DeviceUriError

LANGS = ("tspl", "zpl", "epl", "escpos")
DPIS = (203, 300)
ZPL_FORMATS = ("compressed", "hex", "z64")
PRINTER_SCHEMES = {"tcp", "usb", "serial", "file", "cups", "win", "sim"}
PRINTER_PARAMS = {"lang", "dpi", "size", "invert", "width", "baud", "darkness", "speed", "gap", "zpl", "model"}

DEFAULT_SIZE_MM = (75.0, 120.0)
DEFAULT_ESCPOS_WIDTH = 576  # 80 mm receipt heads at 203 dpi; 58 mm heads: width=384


def mm_to_dots(mm: float, dpi: int) -> int:
    """Dots covering ``mm`` at ``dpi``, rounded half up (75 mm at 203 dpi -> 599)."""
    exact = Fraction(mm) * dpi / Fraction(254, 10)
    return int(exact + Fraction(1, 2))


@dataclass(frozen=True)
class PrinterProfile:
    lang: str = "tspl"
    dpi: int = 203
    size_mm: tuple[float, float] = DEFAULT_SIZE_MM
    head_dots: int = DEFAULT_ESCPOS_WIDTH  # ESC/POS: the bitmap is padded/cropped to this width
    invert: bool = False
    darkness: int | None = None  # 0..15; None: leave the printer's own setting alone
    speed: int | None = None  # inches per second; None: leave it alone
    gap_mm: float = 2.0
    zpl_format: str = "compressed"

    def __post_init__(self) -> None:
        if self.lang not in LANGS:
            raise ValueError(f"unknown printer language {self.lang!r}")
        if self.zpl_format not in ZPL_FORMATS:
            raise ValueError(f"unknown ZPL graphic format {self.zpl_format!r}")

    @property
    def label_dots(self) -> tuple[int, int]:
        """Label width and length in dots: the size of the bitmap a label is rendered to."""
        return mm_to_dots(self.size_mm[0], self.dpi), mm_to_dots(self.size_mm[1], self.dpi)

    @property
    def gap_dots(self) -> int:
        return mm_to_dots(self.gap_mm, self.dpi)


def _gap_mm(uri: DeviceUri, default: float) -> float:
    raw = uri.params.get("gap")
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 50:
        raise DeviceUriError("uri_gap", uri=repr(uri.text), value=repr(raw))
    return value


def _bounded(uri: DeviceUri, name: str, low: int, high: int) -> int | None:
    value = uri.integer(name, None, minimum=low)
    if value is not None and value > high:
        raise DeviceUriError("uri_between", uri=repr(uri.text), name=name, value=value, low=low, high=high)
    return value


def _with_model_defaults(uri: DeviceUri) -> DeviceUri:
    name = uri.params.get("model")
    if name is None:
        return uri
    if name not in MODELS:
        raise DeviceUriError("uri_unknown_model", uri=repr(uri.text), name=repr(name), known=", ".join(sorted(MODELS)))
    params = {key: str(value) for key, value in MODELS[name].items()}
    params.update((key, value) for key, value in uri.params.items() if key != "model")
    return DeviceUri(uri.scheme, uri.target, params, uri.text)


def profile_from_uri(uri: DeviceUri) -> PrinterProfile:
    """Check a printer URI's scheme and parameters and build its profile (DeviceUriError if wrong)."""
    uri.require(schemes=PRINTER_SCHEMES, params=PRINTER_PARAMS, kind="printer")
    uri = _with_model_defaults(uri)
    lang = uri.choice("lang", LANGS, "tspl")
    for name, only in (("width", "escpos"), ("zpl", "zpl")):
        if name in uri.params and lang != only:
            raise DeviceUriError("uri_lang_only", uri=repr(uri.text), name=name, only=only)
    if "baud" in uri.params and uri.scheme != "serial":
        raise DeviceUriError("uri_baud_serial", uri=repr(uri.text))
    width = uri.integer("width", DEFAULT_ESCPOS_WIDTH, minimum=8)
    if width % 8 or width > 2048:
        raise DeviceUriError("uri_width", uri=repr(uri.text), value=width)
    return PrinterProfile(
        lang=lang,
        dpi=uri.integer("dpi", 203, allowed=DPIS),
        size_mm=uri.size_mm("size", DEFAULT_SIZE_MM),
        head_dots=width,
        invert=uri.flag("invert"),
        darkness=_bounded(uri, "darkness", 0, 15),
        speed=_bounded(uri, "speed", 1, 14),
        gap_mm=_gap_mm(uri, 2.0),
        zpl_format=uri.choice("zpl", ZPL_FORMATS, "compressed"),
    )
