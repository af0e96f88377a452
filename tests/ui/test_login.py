"""The login dialog on real databases: who gets in, who is refused and with which words,
"remember me" through the keyring, and the connection settings."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from login_people import PASSWORD, add_people, audit_trail
from memory_keyring import MemoryKeyring, keyring_backend
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import URL, make_url

from app import config, credentials, schema
from app.messages import text
from db.engine import make_engine
from ui.dialogs.login_dialog import LoginDialog

LOGIN_TIMEOUT_MS = 30_000


pytestmark = pytest.mark.usefixtures("private_folders", "no_keyring")


@pytest.fixture
def sqlite_url(request: pytest.FixtureRequest, tmp_path: Path) -> URL:
    """A fresh, migrated SQLite database, for what only SQLite can show on the shared
    server (which trusts every password)."""
    path = tmp_path / "mediacrm.db"
    shutil.copyfile(request.getfixturevalue("_sqlite_template"), path)
    return URL.create("sqlite", database=str(path))


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    with keyring_backend(MemoryKeyring()) as backend:
        assert isinstance(backend, MemoryKeyring)
        yield backend


def open_dialog(
    qtbot: QtBot, url: URL | None, settings: config.Settings | None = None
) -> LoginDialog:
    dialog = LoginDialog(settings or config.Settings(), url)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def log_in(qtbot: QtBot, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username_edit.setText(username)
    dialog.password_edit.setText(password)
    with qtbot.waitSignal(dialog.user_logged_in, timeout=LOGIN_TIMEOUT_MS):
        dialog.login_button.click()


def refused(qtbot: QtBot, dialog: LoginDialog, username: str, password: str) -> str:
    """Try to log in; return the message the dialog shows."""
    dialog.username_edit.setText(username)
    dialog.password_edit.setText(password)
    with qtbot.waitSignal(dialog.login_failed, timeout=LOGIN_TIMEOUT_MS) as blocker:
        dialog.login_button.click()
    message = str(blocker.args[0])
    assert dialog.message_label.text() == message
    assert "Traceback" not in message
    assert dialog.login_button.isEnabled()
    return message


def test_the_right_password_logs_in(qtbot: QtBot, db_url: URL) -> None:
    add_people(db_url, {"wang": ("staff", True)})
    dialog = open_dialog(qtbot, db_url)
    log_in(qtbot, dialog, "wang", PASSWORD)
    assert dialog.logged_in is not None
    try:
        assert dialog.result() == LoginDialog.DialogCode.Accepted
        assert dialog.logged_in.user.username == "wang"
        assert dialog.logged_in.user.role_key == "staff"
        assert config.load_settings().last_username == "wang"
    finally:
        dialog.logged_in.close()


def test_the_dialog_stays_responsive_while_the_login_runs(qtbot: QtBot, sqlite_url: URL) -> None:
    add_people(sqlite_url, {"wang": ("staff", True)})
    dialog = open_dialog(qtbot, sqlite_url)
    dialog.username_edit.setText("wang")
    dialog.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(dialog.user_logged_in, timeout=LOGIN_TIMEOUT_MS) as blocker:
        dialog.login_button.click()
        # The result arrives through the event loop, so this is the state while it runs.
        assert dialog.busy_bar.isVisible()
        assert not dialog.login_button.isEnabled() and not dialog.password_edit.isEnabled()
        assert dialog.cancel_button.isEnabled()
    assert not dialog.busy_bar.isVisible()
    blocker.args[0].close()


def test_a_login_cancelled_while_it_runs_is_logged_out_again(qtbot: QtBot, sqlite_url: URL) -> None:
    add_people(sqlite_url, {"wang": ("staff", True)})
    dialog = open_dialog(qtbot, sqlite_url)
    dialog.username_edit.setText("wang")
    dialog.password_edit.setText(PASSWORD)
    with qtbot.assertNotEmitted(dialog.user_logged_in):
        dialog.login_button.click()
        dialog.cancel_button.click()
        QThreadPool.globalInstance().waitForDone()
        qtbot.waitUntil(lambda: not dialog.is_busy)
    assert dialog.result() == LoginDialog.DialogCode.Rejected
    assert audit_trail(sqlite_url) == [("LOGIN", "wang"), ("LOGOUT", "wang")]


@pytest.mark.parametrize("username", ["wang", "nobody"], ids=["wrong-password", "unknown-user"])
def test_wrong_password_and_unknown_user_get_the_same_message(
    qtbot: QtBot, tmp_path: Path, sqlite_url: URL, username: str
) -> None:
    add_people(sqlite_url, {"wang": ("staff", True)})
    dialog = open_dialog(qtbot, sqlite_url)
    message = refused(qtbot, dialog, username, "Wrong-Passw0rd")
    assert message == text("authentication_failed", "zh_CN", user=username)
    assert dialog.password_edit.hasSelectedText()


def test_a_disabled_user_is_refused_with_their_own_message(qtbot: QtBot, sqlite_url: URL) -> None:
    add_people(sqlite_url, {"wang": ("staff", False)})
    dialog = open_dialog(qtbot, sqlite_url, config.Settings(language="en"))
    message = refused(qtbot, dialog, "wang", PASSWORD)
    assert message == text("account_disabled", "en", user="wang")


@pytest.mark.parametrize(
    "username",
    ["admin' OR '1'='1", "admin'; DROP TABLE users; --", 'a"; SELECT 1; --', "x" * 10_000],
    ids=["or-true", "drop-table", "double-quote", "ten-thousand-characters"],
)
def test_sql_metacharacters_and_huge_user_names_are_refused_cleanly(
    qtbot: QtBot, sqlite_url: URL, username: str
) -> None:
    add_people(sqlite_url, {"admin": ("admin", True)})
    dialog = open_dialog(qtbot, sqlite_url)
    assert refused(qtbot, dialog, username, PASSWORD) == text("invalid_username", "zh_CN")
    assert dialog.username_edit.hasFocus() or not dialog.isActiveWindow()
    log_in(qtbot, dialog, "admin", PASSWORD)  # the database is intact, the dialog usable
    assert dialog.logged_in is not None
    dialog.logged_in.close()


def test_an_unreachable_server_gets_the_connection_message(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, config.parse_database_url("postgresql://x@127.0.0.1:9/db"))
    message = refused(qtbot, dialog, "wang", PASSWORD)
    assert message.startswith(text("cannot_connect", "zh_CN", target="§", detail="").split("§")[0])


def test_a_tls_failure_is_named_as_such(qtbot: QtBot, pg_server_url: URL, tmp_path: Path) -> None:
    url = pg_server_url.set(
        query={"sslmode": "verify-full", "sslrootcert": str(tmp_path / "missing-ca.crt")}
    )
    message = refused(qtbot, open_dialog(qtbot, url), "wang", PASSWORD)
    assert message.startswith(text("tls_failed", "zh_CN", detail="§").split("§")[0])


def test_remember_me_keeps_the_password_in_the_keyring_only(
    qtbot: QtBot, sqlite_url: URL, memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    add_people(sqlite_url, {"wang": ("staff", True)})
    settings = config.Settings()
    dialog = open_dialog(qtbot, sqlite_url, settings)
    dialog.remember_check.setChecked(True)
    log_in(qtbot, dialog, "wang", PASSWORD)
    assert dialog.logged_in is not None
    dialog.logged_in.close()
    assert credentials.remembered_password(sqlite_url, "wang") == PASSWORD
    assert PASSWORD not in config.settings_path().read_text(encoding="utf-8")

    again = open_dialog(qtbot, sqlite_url, settings)
    assert again.username_edit.text() == "wang"
    assert again.password_edit.text() == PASSWORD
    assert again.remember_check.isChecked()
    again.remember_check.setChecked(False)
    log_in(qtbot, again, "wang", PASSWORD)
    assert again.logged_in is not None
    again.logged_in.close()
    assert memory_keyring.passwords == {}


def test_without_a_keyring_remember_me_is_unavailable_and_says_why(
    qtbot: QtBot, sqlite_url: URL
) -> None:
    dialog = open_dialog(qtbot, sqlite_url)
    assert not dialog.remember_check.isEnabled()
    assert dialog.remember_check.toolTip()
    assert dialog.remember_note_label.isVisible()
    assert dialog.remember_note_label.text() == dialog.remember_check.toolTip()


# --- PostgreSQL with password checks: a throw-away SCRAM cluster -----------------------------


@pytest.fixture(scope="module")
def scram_database() -> Iterator[URL]:
    """A migrated MediaCRM database on a cluster that checks passwords; the URL carries no
    credentials, as the settings file would."""
    scram = pytest.importorskip("scram_cluster")
    with scram.scram_cluster() as cluster:
        with psycopg.connect(cluster.superuser_url(), autocommit=True) as connection:
            connection.execute("CREATE DATABASE mediacrm_login")
        superuser_url = make_url(cluster.superuser_url("mediacrm_login"))
        superuser_url = superuser_url.set(drivername="postgresql+psycopg")
        engine = make_engine(superuser_url)
        try:
            schema.upgrade(engine)
        finally:
            engine.dispose()
        add_people(superuser_url, {"wang": ("staff", True), "zhao": ("staff", False)})
        yield URL.create(
            "postgresql+psycopg", host=cluster.host, port=cluster.port, database="mediacrm_login"
        )


def test_postgresql_refuses_a_wrong_password(qtbot: QtBot, scram_database: URL) -> None:
    message = refused(qtbot, open_dialog(qtbot, scram_database), "wang", "Wrong-Passw0rd")
    assert message == text("authentication_failed", "zh_CN", user="wang")


def test_postgresql_refuses_a_disabled_user(qtbot: QtBot, scram_database: URL) -> None:
    message = refused(qtbot, open_dialog(qtbot, scram_database), "zhao", PASSWORD)
    assert message == text("account_disabled", "zh_CN", user="zhao")


def test_postgresql_lets_the_right_password_in(qtbot: QtBot, scram_database: URL) -> None:
    dialog = open_dialog(qtbot, scram_database)
    log_in(qtbot, dialog, "wang", PASSWORD)
    assert dialog.logged_in is not None
    assert dialog.logged_in.user.username == "wang"
    dialog.logged_in.close()
