"""Serial scales (RS-232, USB-serial converters, CDC-ACM): the shared pyserial transport."""
from ...common.serial_port import FRAMINGS, SerialTransport

__all__ = ["FRAMINGS", "SerialTransport"]
