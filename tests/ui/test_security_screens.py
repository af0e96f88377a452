"""The security screens on real databases, driven as a person would: employees, Security
tools, the permissions screen and the log review. The screens act as the administrator's
own login, so on PostgreSQL the database's grants take part."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.engine import URL

from app import employees, roles
from app.auth import LoggedIn
from app.employees import EmployeeInput
from app.errors import MediaCrmError
from app.messages import text
from db.engine import make_session_factory
from db.models.customers import Contact
from db.permissions import ACTIONS
from tests.prompters import Answers
from tests.security_world import PASSWORD, World, build_world
from ui.dialogs.security_tools_dialog import SecurityToolsDialog
from ui.models.permission_models import MODULES, ScopeTableModel
from ui.panels.audit_panel import AuditPanel, to_qt
from ui.panels.employees_panel import EmployeesPanel
from ui.panels.permissions_panel import PermissionsPanel

LANGUAGE = "en"


def select_row(qtbot: QtBot, view: object, model: object, id_: int) -> None:
    row = model.row_of_id(id_)  # type: ignore[attr-defined]
    assert row is not None
    view.selectRow(row)  # type: ignore[attr-defined]


# Employees.


def employees_panel(
    qtbot: QtBot, admin: LoggedIn, prompter: Answers | None = None
) -> EmployeesPanel:
    panel = EmployeesPanel(admin, LANGUAGE, prompter or Answers(confirm=None))
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_employee_form_refuses_bad_input_at_the_field_then_saves(
    qtbot: QtBot, qtmodeltester: object, admin: LoggedIn
) -> None:
    panel = employees_panel(qtbot, admin)
    panel.new_button.click()
    panel.name_edit.setText("刘洋")
    panel.email_edit.setText("liu.example.cn")
    with qtbot.waitSignal(panel.save_failed):
        panel.save_button.click()
    assert panel.field_error("email") == text("invalid_email", LANGUAGE)
    panel.email_edit.setText("liu@example.cn")
    panel.department_combo.setCurrentIndex(panel.department_combo.findText("A/A1"))
    with qtbot.waitSignal(panel.employee_saved) as saved:
        panel.save_button.click()
    assert panel.field_error("email") == ""
    with make_session_factory(admin.engine)() as session:
        row = employees.get_employee(session, admin.user, saved.args[0], LANGUAGE)
    assert (row.name, row.email, row.department) == ("刘洋", "liu@example.cn", "A1")
    assert panel.model.row_of_id(row.id) is not None
    qtmodeltester.check(panel.model)  # type: ignore[attr-defined]


def test_a_stale_employee_save_shows_both_versions_and_loses_nothing(
    qtbot: QtBot, admin: LoggedIn
) -> None:
    with make_session_factory(admin.engine).begin() as session:
        new_id = employees.save_employee(session, admin.user, EmployeeInput(name="刘洋"))
    panel = employees_panel(qtbot, admin)
    select_row(qtbot, panel.employee_view, panel.model, new_id)
    with make_session_factory(admin.engine).begin() as session:
        read = employees.get_employee(session, admin.user, new_id, LANGUAGE)
        employees.save_employee(
            session, admin.user, EmployeeInput(name="刘洋", phone="010-1"), new_id, read.version
        )
    panel.name_edit.setText("刘阳")
    with qtbot.waitSignal(panel.save_failed):
        panel.save_button.click()
    assert panel.conflict_box.isVisible()
    assert "010-1" in panel.conflict_label.text()
    assert panel.name_edit.text() == "刘阳"
    with qtbot.waitSignal(panel.employee_saved):
        panel.overwrite_button.click()
    with make_session_factory(admin.engine)() as session:
        kept = employees.get_employee(session, admin.user, new_id, LANGUAGE)
    assert (kept.name, kept.phone) == ("刘阳", None)


def test_employee_delete_goes_to_the_recycle_bin_and_restores(
    qtbot: QtBot, qtmodeltester: object, admin: LoggedIn
) -> None:
    with make_session_factory(admin.engine).begin() as session:
        new_id = employees.save_employee(session, admin.user, EmployeeInput(name="刘洋"))
    answers = Answers()
    panel = employees_panel(qtbot, admin, answers)
    select_row(qtbot, panel.employee_view, panel.model, new_id)
    with qtbot.waitSignal(panel.employee_deleted):
        panel.delete_button.click()
    assert "刘洋" in answers.asked[0]
    assert panel.model.row_of_id(new_id) is None
    panel.recycle_bin_check.setChecked(True)
    qtmodeltester.check(panel.model)  # type: ignore[attr-defined]
    select_row(qtbot, panel.employee_view, panel.model, new_id)
    assert panel.restore_button.isEnabled() and not panel.save_button.isEnabled()
    with qtbot.waitSignal(panel.employee_restored):
        panel.restore_button.click()
    panel.recycle_bin_check.setChecked(False)
    assert panel.model.row_of_id(new_id) is not None


# Security tools.


def security_tools(
    qtbot: QtBot, admin: LoggedIn, prompter: Answers | None = None
) -> SecurityToolsDialog:
    dialog = SecurityToolsDialog(admin, LANGUAGE, prompter or Answers(confirm=None))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_security_tools_add_a_user_then_disable_them(
    qtbot: QtBot, qtmodeltester: object, admin: LoggedIn, world: World
) -> None:
    answers = Answers()
    dialog = security_tools(qtbot, admin, answers)
    tab = dialog.users_tab
    tab.username_edit.setText("li.lei")
    tab.display_name_edit.setText("李雷")
    tab.department_combo.setCurrentIndex(tab.department_combo.findText("A/A1"))
    tab.role_combo.setCurrentIndex(tab.role_combo.findData("dept_head"))
    tab.password_edit.setText(PASSWORD)
    tab.repeat_password_edit.setText(PASSWORD + "x")
    with qtbot.waitSignal(tab.action_failed):
        tab.add_user_button.click()
    assert tab.add_error("repeat") == text("passwords_differ", LANGUAGE)
    tab.repeat_password_edit.setText(PASSWORD)
    with qtbot.waitSignal(tab.user_added):
        tab.add_user_button.click()
    qtmodeltester.check(tab.model)  # type: ignore[attr-defined]
    added = tab.selected()
    assert added is not None
    assert (added.username, added.display_name, added.department, added.role_key) == (
        "li.lei",
        "李雷",
        "A1",
        "dept_head",
    )
    with qtbot.waitSignal(tab.user_changed):
        tab.enable_button.click()
    assert "li.lei" in answers.asked[0]
    disabled = tab.selected()
    assert disabled is not None and not disabled.enabled
    assert tab.enable_button.text() == "Enable"
    with pytest.raises(MediaCrmError):
        world.login("li.lei").close()


def test_security_tools_refuse_disabling_yourself(qtbot: QtBot, admin: LoggedIn) -> None:
    dialog = security_tools(qtbot, admin, Answers())
    tab = dialog.users_tab
    tab.select_user("admin")
    with qtbot.waitSignal(tab.action_failed) as failed:
        tab.enable_button.click()
    assert failed.args[0] == text("cannot_disable_yourself", LANGUAGE)


def test_security_tools_edit_the_department_tree(qtbot: QtBot, admin: LoggedIn) -> None:
    dialog = security_tools(qtbot, admin, Answers())
    tab = dialog.departments_tab
    tab.name_edit.setText("广告部")
    tab.parent_combo.setCurrentIndex(tab.parent_combo.findText("B"))
    with qtbot.waitSignal(tab.departments_changed):
        tab.add_button.click()
    paths = [tab.parent_combo.itemText(i) for i in range(tab.parent_combo.count())]
    assert "B/广告部" in paths
    tab.select_department(tab.parent_combo.itemData(tab.parent_combo.findText("A")))
    tab.parent_combo.setCurrentIndex(tab.parent_combo.findText("A/A1"))
    with qtbot.waitSignal(tab.action_failed) as failed:
        tab.move_button.click()
    assert failed.args[0] == text("department_cycle", LANGUAGE)
    tab.select_department(tab.parent_combo.itemData(tab.parent_combo.findText("B/广告部")))
    with qtbot.waitSignal(tab.departments_changed):
        tab.delete_button.click()
    assert tab.deleted_list.count() == 1
    tab.deleted_list.setCurrentRow(0)
    with qtbot.waitSignal(tab.departments_changed):
        tab.restore_button.click()
    assert tab.deleted_list.count() == 0


# Permissions.


def permissions_panel(qtbot: QtBot, logged_in: LoggedIn) -> PermissionsPanel:
    panel = PermissionsPanel(logged_in, LANGUAGE, Answers(confirm=None))
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_permission_matrix_edit_is_saved(
    qtbot: QtBot, qtmodeltester: object, admin: LoggedIn
) -> None:
    panel = permissions_panel(qtbot, admin)
    tab = panel.roles_tab
    qtmodeltester.check(tab.role_model)  # type: ignore[attr-defined]
    tab.select_role("staff")
    qtmodeltester.check(tab.matrix_model)  # type: ignore[attr-defined]
    model = tab.matrix_model
    cell = model.index(MODULES.index("customers"), ACTIONS.index("delete"))
    assert model.data(cell, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.setData(cell, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    tab.scope_combos["tasks"].setCurrentIndex(tab.scope_combos["tasks"].findData("department"))
    with qtbot.waitSignal(tab.permissions_saved):
        tab.save_permissions_button.click()
    with make_session_factory(admin.engine)() as session:
        staff = next(row for row in roles.list_roles(session) if row.key == "staff")
        saved = roles.role_permissions(session, staff.id)
    assert ("customers", "delete") in saved.functions
    assert (saved.scopes["tasks"], saved.scopes["customers"]) == ("department", "own")
    assert model.data(cell, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_staff_see_the_roles_read_only(qtbot: QtBot, world: World) -> None:
    staff = world.login("staff_a")
    try:
        panel = permissions_panel(qtbot, staff)
        tab = panel.roles_tab
        cell = tab.matrix_model.index(0, 0)
        assert not tab.matrix_model.flags(cell) & Qt.ItemFlag.ItemIsUserCheckable
        assert not tab.matrix_model.setData(
            cell, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
        )
        assert not tab.save_permissions_button.isVisible()
        assert panel.tabs.count() == 1 and panel.explain_tab is None
    finally:
        staff.close()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_effective_permissions_and_why_a_user_sees_a_record(
    qtbot: QtBot, qtmodeltester: object, db_url: URL
) -> None:
    business = build_world(db_url)
    admin = business.login("admin")
    try:
        panel = permissions_panel(qtbot, admin)
        assert panel.effective_tab is not None and panel.explain_tab is not None
        effective = panel.effective_tab
        effective.show_user(business.user_id_of["head_a"])
        qtmodeltester.check(effective.scope_model)  # type: ignore[attr-defined]
        assert "Department head" in effective.summary_label.text()
        customers = effective.scope_model.row_of_id("customers")
        assert customers is not None
        scope_cell = effective.scope_model.index(customers, ScopeTableModel.Column.DEPARTMENTS)
        assert effective.scope_model.data(scope_cell) == "A, A/A1"
        explain = panel.explain_tab
        explain.explain_user_combo.setCurrentIndex(
            explain.explain_user_combo.findData(business.user_id_of["head_a"])
        )
        explain.record_kind_combo.setCurrentIndex(explain.record_kind_combo.findData("contacts"))
        explain.record_id_edit.setText(str(contact_of(admin, business.customer_of["staff_a1"])))
        with qtbot.waitSignal(explain.explanation_shown) as shown:
            explain.explain_button.click()
        lines = str(shown.args[0]).splitlines()
        assert lines[0].startswith("head_a can see")
        assert "belongs to the Customer" in lines[1]
        assert "A/A1, is under the user's department A" in lines[2]
    finally:
        admin.close()


def contact_of(logged_in: LoggedIn, customer_id: int) -> int:
    with make_session_factory(logged_in.engine)() as session:
        return session.scalars(select(Contact.id).where(Contact.customer_id == customer_id)).one()


# Log review.


def test_audit_panel_shows_a_change_and_the_record_as_it_was(
    qtbot: QtBot, qtmodeltester: object, admin: LoggedIn
) -> None:
    with make_session_factory(admin.engine).begin() as session:
        new_id = employees.save_employee(
            session, admin.user, EmployeeInput(name="刘洋", phone="010-1")
        )
    # SQLite's audit clock steps in milliseconds: keep the two changes apart.
    time.sleep(0.01)
    with make_session_factory(admin.engine).begin() as session:
        read = employees.get_employee(session, admin.user, new_id, LANGUAGE)
        employees.save_employee(
            session, admin.user, EmployeeInput(name="刘洋", phone="010-2"), new_id, read.version
        )
    panel = AuditPanel(admin, LANGUAGE)
    qtbot.addWidget(panel)
    panel.show()
    panel.table_combo.setCurrentIndex(panel.table_combo.findData("employees"))
    panel.record_id_edit.setText(str(new_id))
    panel.user_combo.setCurrentIndex(panel.user_combo.findData(admin.user.user_id))
    with qtbot.waitSignal(panel.entries_loaded) as loaded:
        panel.search_button.click()
    assert loaded.args[0] == 2
    qtmodeltester.check(panel.entry_model)  # type: ignore[attr-defined]
    update, insert = panel.entry_model.rows()
    assert (update.operation, insert.operation) == ("UPDATE", "INSERT")
    panel.select_entry(update.id)
    qtmodeltester.check(panel.change_model)  # type: ignore[attr-defined]
    changes = {row[0]: row[1:] for row in panel.change_model.rows()}
    assert changes["Phone"] == ("010-1", "010-2")
    assert "Version" in changes
    panel.as_of_edit.setDateTime(to_qt(insert.occurred_at))
    with qtbot.waitSignal(panel.record_shown):
        panel.as_of_button.click()
    qtmodeltester.check(panel.as_of_model)  # type: ignore[attr-defined]
    fields = dict(panel.as_of_model.rows())
    assert (fields["Name"], fields["Phone"], fields["Version"]) == ("刘洋", "010-1", "1")


def test_audit_panel_refuses_staff(qtbot: QtBot, world: World) -> None:
    staff = world.login("staff_a")
    try:
        panel = AuditPanel(staff, LANGUAGE)
        qtbot.addWidget(panel)
        assert panel.message_label.text() == text("permission_denied", LANGUAGE)
        assert panel.entry_model.rowCount() == 0
    finally:
        staff.close()
