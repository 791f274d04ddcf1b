"""The bench's station (scan → verify → weigh → pack) and the scanner's router to it, the hand-over
and the returns."""
from __future__ import annotations


def open_station(bench):
    from app.services.station import Remote, Station

    station = Station.from_config(bench.db, bench.config,
                                  remote=Remote.for_client(bench.lookups) if bench.lookups is not None else None)
    if bench.config.ozon_accounts:
        station.account_names = {a.client_id: a.label for a in bench.config.accounts}
    return station


def open_router(bench):
    """The scanner's modes: packing (the station), the hand-over (asking Ozon through ``lookups``) and
    a return opened by its barcode."""
    from app.services.handover.mode import HandoverMode
    from app.services.modes import ScanRouter
    from app.services.returns.mode import ReturnMode

    config, station = bench.config, bench.station
    handover = HandoverMode(bench.db, station.name, remote=station.remote,
                            carriage_methods=bench.lookups.carriage_methods if bench.lookups is not None else None,
                            packer=lambda: station.packer, supervisors=config.station.supervisors,
                            tracking_pattern=config.handover.tracking_pattern)
    from app.services.people.directory import confirm_override

    names = tuple(config.station.supervisors)
    handover.confirm = lambda credential: confirm_override(bench.db, credential, names)  # badge or PIN
    returns = ReturnMode(bench.db, station.name, packer=lambda: station.packer)
    return ScanRouter(bench.db, station, [handover, returns])
