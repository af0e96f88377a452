# MediaCRM: `make run` starts the program, `make test` runs every test. Both set up .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: run test lint screenshots bench clean translations translations-update

# Qt Linguist: each screen area has its own resources/i18n/<area>_zh_CN.ts, made from the
# sources listed here (tests/ui/test_translation_files.py checks every string is in its file
# and translated, and every translated source is in one area); the .qm files are build
# products (see ui/i18n.py). `make translations-update` refreshes every .ts from its sources.
TS_FILES := $(wildcard resources/i18n/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)
TS_AREAS := mediacrm security forms panels settings customers worklog customer_tools customer_work \
	search
mediacrm_TS_SOURCES := ui/application.py ui/main_window.py ui/errors.py \
	ui/dialogs/login_dialog.py ui/dialogs/connection_dialog.py \
	ui/dialogs/first_run_dialog.py ui/dialogs/change_password_dialog.py \
	ui/modules.py ui/widgets/shortcut_panel.py ui/panels/pending_panel.py ui/smoke_test.py
security_TS_SOURCES := ui/security_labels.py ui/models/employee_model.py \
	ui/models/user_model.py ui/models/permission_models.py ui/models/audit_models.py \
	ui/panels/employees_panel.py ui/panels/permissions_panel.py \
	ui/panels/user_permission_tabs.py ui/panels/audit_panel.py \
	ui/dialogs/security_tools_dialog.py ui/dialogs/security_users_tab.py \
	ui/dialogs/security_departments_tab.py
forms_TS_SOURCES := ui/widgets/fields.py ui/widgets/form_view.py
panels_TS_SOURCES := ui/dialogs/list_query_dialog.py ui/dialogs/record_conflict_dialog.py \
	ui/dialogs/record_information_dialog.py ui/dialogs/recycle_bin_dialog.py \
	ui/printing.py ui/panels/record_panel.py ui/panels/reference_panels.py
settings_TS_SOURCES := ui/dialogs/settings_dialog.py ui/dialogs/help_dialog.py \
	ui/dialogs/about_dialog.py
customers_TS_SOURCES := ui/panels/customer_panel.py ui/dialogs/duplicate_warning_dialog.py \
	ui/panels/customer_tabs.py ui/dialogs/customer_record_dialog.py \
	ui/dialogs/quick_contact_dialog.py ui/panels/customer_record_panels.py
worklog_TS_SOURCES := ui/panels/business_log_panel.py ui/panels/customer_statistics_panel.py
customer_tools_TS_SOURCES := ui/dialogs/import_wizard.py ui/dialogs/transfer_dialog.py \
	ui/dialogs/merge_dialog.py ui/panels/import_export_panel.py
customer_work_TS_SOURCES := ui/panels/customer_sales_tab.py ui/panels/customer_attachments_tab.py \
	ui/panels/sales_tracking_panel.py ui/panels/file_management_panel.py
search_TS_SOURCES := ui/widgets/global_search.py

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(INSTALLED)

translations: $(QM_FILES)

resources/i18n/%.qm: resources/i18n/%.ts | $(INSTALLED)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations-update: $(INSTALLED)
	$(foreach area,$(TS_AREAS),$(BIN)/pyside6-lupdate -no-obsolete -source-language en \
		-target-language zh_CN $($(area)_TS_SOURCES) -ts resources/i18n/$(area)_zh_CN.ts &&) true

run: $(INSTALLED) translations
	$(BIN)/mediacrm

screenshots: $(INSTALLED) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m ui.screenshots

# The tests run in TEST_PROCESSES processes (pytest-xdist), each with databases of its own.
TEST_PROCESSES ?= 2

test: $(INSTALLED) translations
	$(BIN)/ruff check .
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n $(TEST_PROCESSES)

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: $(INSTALLED)
	$(BIN)/python bench/bench_demo_load.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache resources/i18n/*.qm
