"""User accounts for login tests, on SQLite or PostgreSQL, created as an administrator would,
and the logins and logouts the audit trail recorded."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.engine import URL

from app import users
from db import security
from db.engine import make_engine, make_session_factory
from db.models.audit import AuditLog

PASSWORD = "Secret-Passw0rd"
DEPARTMENT = "广告部"
DISPLAY_NAMES = {"admin": "王伟", "wang": "王小明", "lilei": "李雷", "zhao": "赵敏"}


def add_people(url: URL, people: dict[str, tuple[str, bool]]) -> None:
    """Add users {username: (role key, enabled)} with PASSWORD. `url` must connect as a
    superuser on PostgreSQL; a database cloned from a template first gets its own roles."""
    engine = make_engine(url)
    try:
        if url.get_backend_name() == "postgresql":
            with engine.begin() as connection:
                security.install(connection)
        with make_session_factory(engine).begin() as session:
            users.add_department(session, DEPARTMENT)
            for username, (role, enabled) in people.items():
                name = DISPLAY_NAMES.get(username, username)
                users.add_user(session, username, PASSWORD, role, DEPARTMENT, name)
                if not enabled:
                    users.set_user_enabled(session, username, False)
    finally:
        engine.dispose()


def audit_trail(url: URL) -> list[tuple[str, str]]:
    """(operation, user) of every LOGIN and LOGOUT, oldest first."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                select(AuditLog.operation, AuditLog.db_user)
                .where(AuditLog.operation.in_(["LOGIN", "LOGOUT"]))
                .order_by(AuditLog.id)
            )
            return [(operation, user) for operation, user in rows]
    finally:
        engine.dispose()
