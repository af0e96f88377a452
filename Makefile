# MediaCRM: `make run` starts the program, `make test` runs every test. Both set up .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: run test lint screenshots bench clean translations translations-update

# Qt Linguist: each screen area has its own resources/i18n/<area>_<language>.ts; the .qm
# files are build products (see ui/i18n.py). `make translations-update` refreshes
# mediacrm_zh_CN.ts from the sources below (other areas list their own sources).
TS_FILES := $(wildcard resources/i18n/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)
MEDIACRM_TS_SOURCES := ui/application.py ui/main_window.py ui/errors.py \
	ui/dialogs/login_dialog.py ui/dialogs/connection_dialog.py \
	ui/dialogs/first_run_dialog.py ui/dialogs/change_password_dialog.py

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(INSTALLED)

translations: $(QM_FILES)

resources/i18n/%.qm: resources/i18n/%.ts | $(INSTALLED)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations-update: $(INSTALLED)
	$(BIN)/pyside6-lupdate -no-obsolete -source-language en -target-language zh_CN \
		$(MEDIACRM_TS_SOURCES) -ts resources/i18n/mediacrm_zh_CN.ts

run: $(INSTALLED) translations
	$(BIN)/mediacrm

screenshots: $(INSTALLED) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m ui.screenshots

test: $(INSTALLED) translations
	$(BIN)/ruff check .
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: $(INSTALLED)
	$(BIN)/python bench/bench_demo_load.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache resources/i18n/*.qm
