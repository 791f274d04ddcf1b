"""Evidence of every parcel: the packing video and photos (``recording``, following the station:
``packing``), the hash-chained evidence log (``chain``), the storage rules (``storage``) and the
dispute bundle (``bundle``, ``summary``, ``verify``) whose timeline other areas add to (``timeline``)."""
from app.services.evidence.packing import PackingFollower
from app.services.evidence.recording import Evidence

__all__ = ["Evidence", "PackingFollower"]
