"""Byte transports for scales: one small module each (serial, tcp, hid, usb, sim)."""
from .base import Transport

__all__ = ["Transport"]
