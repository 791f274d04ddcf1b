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
# the suite's and the benchmarks' own throwaway PostgreSQL (tests/store_helpers.py starts it)
TEST_PACKAGES := postgresql
# make test runs the PostgreSQL cases or fails saying why (a bare pytest skips them, saying why)
SUITE_ENV     := PACKDESK_TEST_POSTGRES=required

# The suite runs twice at once: at today's date, and with the wall clock moved by TEST_CLOCK (read by
# tests/future/sitecustomize.py in every Python process: +400d, @23:30, +400d@23:58...).
# time-machine goes into build/, not into the venv: a run at today's date never loads it.
# Each run spreads its tests over WORKERS processes (pytest-xdist): a test spends a third of its time
# waiting on the processes and sockets it drives, so 2 x 2 workers keep two cores busy. On 2 cores at
# 2.0 GHz: one run in one process 13 min, both at once 15 min; both at once with 2 workers each 11 min.
WORKERS ?= 2
PYTEST  := -m pytest -q -n $(WORKERS) --dist worksteal
TEST_CLOCK     ?= +400d
TEST_CLOCK_LIB := build/test-clock
TIME_MACHINE   := time-machine>=2.16
FUTURE_ENV      = QT_QPA_PLATFORM=offscreen PYTHONPATH=$(CURDIR)/tests/future:$(CURDIR)/$(TEST_CLOCK_LIB) \
                  TEST_CLOCK=$(TEST_CLOCK)

.PHONY: install test test-today test-future suite-today suite-future demo system-deps test-deps bench clean

install: system-deps $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

system-deps:
	@sh packaging/linux/system-deps.sh $(SYSTEM_PACKAGES)

test-deps:
	@sh packaging/linux/system-deps.sh $(TEST_PACKAGES)

test: install test-deps $(TEST_CLOCK_LIB)/.installed
	@echo "the suite twice at once: today and with the clock moved $(TEST_CLOCK) (each prints when done)"
	@$(MAKE) --no-print-directory -j2 --output-sync=target suite-today suite-future

test-today: install test-deps
	@$(MAKE) --no-print-directory suite-today

test-future: install test-deps $(TEST_CLOCK_LIB)/.installed
	@$(MAKE) --no-print-directory suite-future

suite-today:
	QT_QPA_PLATFORM=offscreen $(SUITE_ENV) $(BIN)/python $(PYTEST)

suite-future:
	@$(FUTURE_ENV) $(BIN)/python -c 'import datetime as d; print("wall clock moved to", d.datetime.now(d.UTC))'
	$(FUTURE_ENV) $(SUITE_ENV) $(BIN)/python $(PYTEST)

# pytest would also load an installed time-machine as a plugin (late, with a warning): its metadata goes
$(TEST_CLOCK_LIB)/.installed: $(STAMP)
	rm -rf $(TEST_CLOCK_LIB)
	$(BIN)/python -m pip install --quiet --target $(TEST_CLOCK_LIB) '$(TIME_MACHINE)'
	rm -rf $(TEST_CLOCK_LIB)/*.dist-info
	@touch $@

demo: install
	$(BIN)/packdesk demo

bench: install test-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info
