"""Defaults for printers sellers commonly buy, chosen with ``model=`` in the printer URI.

A model only supplies defaults: any parameter written in the URI wins
(``tcp://10.0.0.5:9100?model=zebra-zd421&dpi=300``). Languages are the ones each model
understands out of the box; dpi is the usual head of the model's base version.
"""
from __future__ import annotations

MODELS: dict[str, dict[str, object]] = {
    # TSC-command label printers (Xprinter, TSC; most cheap Chinese 4-inch printers speak TSPL)
    "xprinter-xp420b": {"lang": "tspl", "dpi": 203},
    "xprinter-xp365b": {"lang": "tspl", "dpi": 203},
    "xprinter-xp470b": {"lang": "tspl", "dpi": 203},
    "tsc-te200": {"lang": "tspl", "dpi": 203},
    "tsc-te300": {"lang": "tspl", "dpi": 300},
    "tsc-da220": {"lang": "tspl", "dpi": 203},
    # Zebra
    "zebra-zd420": {"lang": "zpl", "dpi": 203},
    "zebra-zd421": {"lang": "zpl", "dpi": 203},
    "zebra-zd421-300": {"lang": "zpl", "dpi": 300},
    "zebra-gk420d": {"lang": "zpl", "dpi": 203},
    "zebra-lp2844": {"lang": "epl", "dpi": 203},
    # Godex (GZPL emulation on by default)
    "godex-g500": {"lang": "zpl", "dpi": 203},
    "godex-g530": {"lang": "zpl", "dpi": 300},
    # receipt printers used for order slips (ESC/POS raster)
    "xprinter-xp-80c": {"lang": "escpos", "width": 576, "size": "72x120"},
    "xprinter-xp-58": {"lang": "escpos", "width": 384, "size": "48x80"},
}
