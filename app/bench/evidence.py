"""The bench's evidence log and packing camera, following the station, the hand-over and the returns."""
from __future__ import annotations

from app.bench.problem import BenchProblem, Callback


def open_evidence(bench, camera_factory: Callback, on_state: Callback, lang: str) -> None:
    """The evidence log and, with a camera configured, its recorder (started here, in its own process)."""
    from app.devices.camera import RecorderLink, parse_camera_uri
    from app.devices.uri import DeviceUriError
    from app.services.evidence import Evidence, PackingFollower
    from app.services.evidence.storage import GB

    config = bench.config
    try:
        spec = parse_camera_uri(config.devices.camera)
    except DeviceUriError as exc:
        raise BenchProblem("config_invalid", exc) from None
    factory = None
    if spec is not None:
        make = camera_factory or (lambda spec, on_event: RecorderLink(spec, on_event).start())
        factory = lambda on_event: make(spec, on_event)  # noqa: E731
    bench.evidence = Evidence(bench.db, config.data_dir, station=config.station.name, camera_uri=config.devices.camera,
                              camera_factory=factory, quota_bytes=int(config.evidence.quota_gb * GB),
                              retention_days=config.evidence.retention_days, lang=lang, on_state=on_state).start()
    if bench.station is not None:
        station = bench.station
        bench.station.listen(PackingFollower(bench.evidence, station_name=config.station.name, lang=lang,
                                             packer=lambda: station.packer), after_answer=True)
    if bench.router is not None and "handover" in bench.router.modes:  # the hand-over's clip and act photo
        from app.services.handover.evidence import HandoverFollower
        station = bench.station
        bench.router.modes["handover"].listen(HandoverFollower(bench.evidence, station_name=config.station.name,
                                                               packer=lambda: station.packer))
    if bench.router is not None and "return" in bench.router.modes:  # the unpacking clip of a return
        from app.services.returns.evidence import ReturnFollower
        station = bench.station
        bench.router.modes["return"].listen(ReturnFollower(bench.evidence, station_name=config.station.name,
                                                           packer=lambda: station.packer))
