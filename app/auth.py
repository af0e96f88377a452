"""Logging in and out, changing passwords, and the first administrator.

On PostgreSQL the server checks the password: logging in is connecting as the user's own
login role. On SQLite the program checks an argon2id hash stored in `users`.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

from sqlalchemy import Engine, func, insert, select, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app import passwords, schema
from app.access import CurrentUser, load_current_user
from app.errors import DatabaseUnavailableError, PermissionDeniedError, ValidationError
from db.engine import make_engine, make_session_factory, set_acting_user
from db.models.audit import AuditLog
from db.models.org import Employee, Role, User
from db.security import USERNAME_PATTERN, role_names

log = logging.getLogger(__name__)

MAX_USERNAME_INPUT = 64


@dataclass
class LoggedIn:
    """A user's working connection: the engine that acts as them, and who they are."""

    engine: Engine
    user: CurrentUser

    def close(self) -> None:
        record_session_event(self, "LOGOUT")
        self.engine.dispose()


def check_username(username: str) -> str:
    username = username.strip()
    if len(username) > MAX_USERNAME_INPUT or not re.fullmatch(USERNAME_PATTERN, username):
        raise ValidationError("invalid_username", field="username")
    return username


def login(url: URL, username: str, password: str, upgrade_command: str) -> LoggedIn:
    """Log `username` in to the database at `url`, or raise a MediaCrmError saying why not."""
    username = check_username(username)
    if not password:
        raise ValidationError("password_required", field="password")
    if url.get_backend_name() == "postgresql":
        return _login_postgresql(url, username, password, upgrade_command)
    return _login_sqlite(url, username, password)


def _login_postgresql(url: URL, username: str, password: str, upgrade_command: str) -> LoggedIn:
    database = url.database or ""
    login_role = role_names(database).login(username)
    engine = make_engine(url.set(username=login_role, password=password))
    try:
        with engine.connect():
            pass
    except OperationalError as exc:
        engine.dispose()
        target = f"{url.host or 'localhost'}:{url.port or 5432}/{database}"
        raise postgresql_login_error(exc, username, target) from exc
    try:
        schema.require_current_schema(engine, upgrade_command)
        with make_session_factory(engine)() as session:
            user_id = session.execute(text("SELECT mc_user_id()")).scalar()
            if user_id is None:
                raise DatabaseUnavailableError("account_disabled", user=username)
            user = load_current_user(session, user_id)
    except BaseException:
        engine.dispose()
        raise
    logged_in = LoggedIn(engine, user)
    record_session_event(logged_in, "LOGIN")
    return logged_in


def postgresql_login_error(
    exc: OperationalError, username: str, target: str
) -> DatabaseUnavailableError:
    message = str(exc.orig or exc)
    if "password authentication failed" in message or "no password supplied" in message:
        return DatabaseUnavailableError("authentication_failed", user=username)
    if "is not permitted to log in" in message:
        return DatabaseUnavailableError("account_disabled", user=username)
    if "SSL" in message or "certificate" in message:
        return DatabaseUnavailableError("tls_failed", detail=message.strip().splitlines()[0])
    detail = message.strip().splitlines()[0] if message.strip() else type(exc).__name__
    return DatabaseUnavailableError("cannot_connect", target=target, detail=detail)


def _login_sqlite(url: URL, username: str, password: str) -> LoggedIn:
    engine = make_engine(url)
    factory = make_session_factory(engine)
    try:
        with factory.begin() as session:
            user = session.scalars(
                select(User).where(User.username == username, User.deleted_at.is_(None))
            ).one_or_none()
            stored = user.password_hash if user is not None else None
            if user is None or not stored or not passwords.verify_password(stored, password):
                _record_failed_login(session, username)
                failure = DatabaseUnavailableError("authentication_failed", user=username)
            elif not user.enabled:
                _record_failed_login(session, username)
                failure = DatabaseUnavailableError("account_disabled", user=username)
            else:
                failure = None
                set_acting_user(engine, user.id, username)
                if passwords.needs_rehash(stored):
                    user.password_hash = passwords.hash_password(password)
                user.last_login_at = dt.datetime.now(dt.UTC)
                user_id = user.id
        if failure is not None:
            raise failure
        with factory() as session:
            current = load_current_user(session, user_id)
    except BaseException:
        engine.dispose()
        raise
    logged_in = LoggedIn(engine, current)
    record_session_event(logged_in, "LOGIN")
    return logged_in


def _record_failed_login(session: Session, username: str) -> None:
    session.execute(
        insert(AuditLog).values(
            occurred_at=dt.datetime.now(dt.UTC),
            db_user=username[:63],
            operation="LOGIN_FAILED",
            application="MediaCRM",
        )
    )


def record_session_event(logged_in: LoggedIn, operation: str) -> None:
    """Logins and logouts go to the audit trail (PostgreSQL before 17 has no login trigger)."""
    engine = logged_in.engine
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(
                text("SELECT mc_log_session(:operation, :note)"),
                {"operation": operation, "note": "MediaCRM"},
            )
        else:
            connection.execute(
                insert(AuditLog).values(
                    occurred_at=dt.datetime.now(dt.UTC),
                    db_user=logged_in.user.username,
                    user_id=logged_in.user.user_id,
                    operation=operation,
                    application="MediaCRM",
                )
            )


def change_own_password(logged_in: LoggedIn, old_password: str, new_password: str) -> None:
    passwords.check_password_policy(new_password)
    engine = logged_in.engine
    user = logged_in.user
    if engine.dialect.name == "postgresql":
        if old_password != engine.url.password:
            raise ValidationError("wrong_old_password", field="old_password")
        with engine.begin() as connection:
            connection.execute(
                text("SELECT mc_set_password(:username, :verifier)"),
                {
                    "username": user.username,
                    "verifier": passwords.scram_sha256_verifier(new_password),
                },
            )
        # The pool would open new connections with the old password: start a new one.
        logged_in.engine = make_engine(engine.url.set(password=new_password))
        engine.dispose()
        return
    with make_session_factory(engine).begin() as session:
        row = session.get(User, user.user_id)
        if row is None or not passwords.verify_password(row.password_hash or "", old_password):
            raise ValidationError("wrong_old_password", field="old_password")
        row.password_hash = passwords.hash_password(new_password)
        row.password_changed_at = dt.datetime.now(dt.UTC)


def administrator_exists(session: Session) -> bool:
    return bool(
        session.scalar(
            select(func.count())
            .select_from(User)
            .join(Role, Role.id == User.role_id)
            .where(Role.key == "admin", User.deleted_at.is_(None))
        )
    )


def create_first_administrator(
    engine: Engine, username: str, password: str, display_name: str | None = None
) -> int:
    """The first administrator (`db init-admin`, or the first-run dialog on SQLite).

    On PostgreSQL `engine` must connect as a superuser or the schema owner; it refuses when an
    administrator exists already. There is no built-in default password anywhere.
    """
    username = check_username(username)
    passwords.check_password_policy(password)
    with make_session_factory(engine).begin() as session:
        if administrator_exists(session):
            raise PermissionDeniedError("administrator_exists")
        admin_role = session.scalars(select(Role.id).where(Role.key == "admin")).one()
        employee = Employee(name=display_name or username, status="active")
        session.add(employee)
        session.flush()
        if engine.dialect.name == "postgresql":
            return int(
                session.execute(
                    text("SELECT mc_create_user(:username, :verifier, :role, :employee)"),
                    {
                        "username": username,
                        "verifier": passwords.scram_sha256_verifier(password),
                        "role": admin_role,
                        "employee": employee.id,
                    },
                ).scalar_one()
            )
        user = User(
            username=username,
            employee_id=employee.id,
            role_id=admin_role,
            password_hash=passwords.hash_password(password),
            password_changed_at=dt.datetime.now(dt.UTC),
        )
        session.add(user)
        session.flush()
        return user.id
