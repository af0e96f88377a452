"""Engines for the two databases MediaCRM runs on, set up the same way everywhere."""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

APPLICATION_NAME = "MediaCRM"
CONNECT_TIMEOUT_SECONDS = 10


@dataclass
class ActingUser:
    """Who writes through an engine: on SQLite the audit triggers ask for it (on PostgreSQL
    the server knows its own connected user)."""

    user_id: int | None = None
    username: str | None = None


_acting_users: weakref.WeakKeyDictionary[Engine, ActingUser] = weakref.WeakKeyDictionary()


def acting_user(engine: Engine) -> ActingUser:
    return _acting_users.setdefault(engine, ActingUser())


def set_acting_user(engine: Engine, user_id: int | None, username: str | None) -> None:
    holder = acting_user(engine)
    holder.user_id, holder.username = user_id, username


def make_engine(url: URL, **options: Any) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, **options)
        holder = acting_user(engine)

        def configure(dbapi_connection: Any, _record: Any) -> None:
            _configure_sqlite_connection(dbapi_connection)
            dbapi_connection.create_function("mc_user_id", 0, lambda: holder.user_id)
            dbapi_connection.create_function("mc_db_user", 0, lambda: holder.username or "mediacrm")

        event.listen(engine, "connect", configure)
        return engine
    connect_args = {
        "application_name": APPLICATION_NAME,
        "connect_timeout": CONNECT_TIMEOUT_SECONDS,
        **options.pop("connect_args", {}),
    }
    return create_engine(url, connect_args=connect_args, pool_pre_ping=True, **options)


def _configure_sqlite_connection(dbapi_connection: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA busy_timeout = 5000")
    finally:
        cursor.close()


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
