# packdesk: the two commands of the README (make demo, make test) and the set-up they share.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Debian/Ubuntu packages Qt (offscreen/xcb, QtPdf, QtMultimedia) and pyusb need at run time.
SYSTEM_PACKAGES := libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 \
                   libglib2.0-0 libxkbcommon0 libpulse0 libxrandr2 libusb-1.0-0 \
                   libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
                   libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 \
                   fonts-dejavu-core fonts-wqy-microhei

.PHONY: install test demo system-deps bench clean

install: system-deps $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

system-deps:
	@sh packaging/linux/system-deps.sh $(SYSTEM_PACKAGES)

test: install
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

demo: install
	$(BIN)/packdesk demo

bench: install
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info
