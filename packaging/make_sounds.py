"""Write the bench's feedback sounds (16-bit PCM mono WAV, 44.1 kHz) into resources/sounds/.

    python packaging/make_sounds.py

Simple tones, distinct by ear even in a noisy warehouse: rising = good, low buzz = wrong.
"""
from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 44100
OUT = Path(__file__).resolve().parents[1] / "resources" / "sounds"

# name -> list of (frequency Hz, seconds); 0 Hz is silence. "square" for the harsh ones.
SOUNDS = {
    "accepted": ([(1320, 0.08)], "sine"),
    "posting_done": ([(880, 0.10), (0, 0.03), (1175, 0.10), (0, 0.03), (1568, 0.18)], "sine"),
    "wrong_item": ([(220, 0.25), (0, 0.06), (220, 0.25)], "square"),
    "over_scan": ([(440, 0.12), (0, 0.05), (330, 0.12), (0, 0.05), (220, 0.20)], "square"),
    "error": ([(180, 0.6)], "square"),
}


def tone(freq: float, seconds: float, shape: str, volume: float = 0.45) -> bytes:
    frames = int(RATE * seconds)
    fade = max(1, int(RATE * 0.005))  # 5 ms in and out: no clicks
    out = bytearray()
    for i in range(frames):
        if freq <= 0:
            value = 0.0
        else:
            phase = math.sin(2 * math.pi * freq * i / RATE)
            value = (1.0 if phase >= 0 else -1.0) * 0.6 if shape == "square" else phase
        envelope = min(1.0, i / fade, (frames - i) / fade)
        out += struct.pack("<h", int(value * envelope * volume * 32767))
    return bytes(out)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (parts, shape) in SOUNDS.items():
        with wave.open(str(OUT / f"{name}.wav"), "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(RATE)
            wav.writeframes(b"".join(tone(f, s, shape) for f, s in parts))


if __name__ == "__main__":
    main()
