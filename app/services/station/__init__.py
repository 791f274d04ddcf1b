"""The packing station, Qt-free: scan → verify → weigh → pack, its state kept in the database.

    station = Station.from_config(db, config, remote=Remote.for_client(client))
    result = station.scan("12345678-0001-1")     # StationResult(ok, code, posting, state, data)
    result.message("ru")
"""
from app.services.station.classify import COMMANDS, Classified, classify
from app.services.station.remote import Lookup, Remote
from app.services.station.results import StationResult
from app.services.station.station import Station

__all__ = ["COMMANDS", "Classified", "Lookup", "Remote", "Station", "StationResult", "classify"]
