import sys

if sys.argv[1:2] == ["--camera-recorder"]:  # the packing camera's recorder program (app/devices/camera/link.py)
    from app.ui.camera.program import main as recorder

    sys.exit(recorder(sys.argv[2:]))

if sys.argv[1:2] == ["--say-in-a-window"]:  # why the window cannot open, in a box of its own (app/cli/gui.py)
    from app.ui.app import say_in_a_window

    sys.exit(say_in_a_window(sys.argv[2:]))

from app.cli import main  # noqa: E402

sys.exit(main())
