"""What the packer hears and sees besides text: sounds, the big type, the red error flash."""
from app.ui.feedback.sound import NullSounder, QtSounder, RecordingSounder, Sounder, make_sounder, sound_for

__all__ = ["NullSounder", "QtSounder", "RecordingSounder", "Sounder", "make_sounder", "sound_for"]
