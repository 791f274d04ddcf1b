"""The packing camera's Qt side: the recorder program the core starts in its own process
(``program.py``; the core's seam is ``app/devices/camera``). Capture (``QCamera`` or generated
``sim://`` frames) → the overlay burned in (``overlay.py``) → ``QVideoFrameInput`` → ``QMediaRecorder``."""
