"""The administrator's command line: `mediacrm [--db URL] SUBCOMMAND …`.

A contract for scripts: results on stdout, messages on stderr, both UTF-8, and the exit
codes below. Runs without Qt.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from app import cli_accounts, cli_import, cli_search, config, dberrors, schema
from app.errors import (
    ConfigurationError,
    DatabaseUnavailableError,
    MediaCrmError,
    PermissionDeniedError,
    SchemaVersionError,
)
from app.messages import describe, text
from db.engine import make_engine, make_session_factory, set_acting_user

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2
EXIT_CONNECTION = 3  # cannot connect, authentication failed, or not permitted
EXIT_SCHEMA = 4

SUBCOMMANDS = ("db", "demo", "department", "import", "search", "user")

Handler = Callable[[argparse.Namespace, "Context"], int]


class Context:
    """What a subcommand needs: the database URL, the language, an engine made on demand."""

    def __init__(self, url: URL, language: str) -> None:
        self.url = url
        self.language = language
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = make_engine(self.url)
        return self._engine

    def tr(self, zh: str, en: str) -> str:
        return en if self.language.startswith("en") else zh

    def session(self) -> AbstractContextManager[Session]:
        """One transaction; on SQLite the command line acts with full rights, audited as
        the command line."""
        if self.url.get_backend_name() == "sqlite":
            set_acting_user(self.engine, None, "mediacrm-cli")
        return make_session_factory(self.engine).begin()

    def say(self, code: str, **params: object) -> None:
        print(text(code, self.language, **params), file=sys.stderr)

    def upgrade_command(self) -> str:
        return f"mediacrm --db {config.without_password(self.url)} db upgrade"

    def require_current_schema(self) -> None:
        if self.url.get_backend_name() == "sqlite":
            ensure_sqlite_exists(self.url)
        schema.require_current_schema(self.engine, self.upgrade_command())

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


def ensure_sqlite_exists(url: URL) -> None:
    path = Path(url.database or "")
    if not path.exists():
        raise ConfigurationError("sqlite_missing", path=str(path), url=str(path))


def wants_command_line(argv: Sequence[str]) -> bool:
    """Whether the arguments name an admin subcommand (else the program's window opens)."""
    return any(arg in SUBCOMMANDS for arg in argv) or any(arg in ("-h", "--help") for arg in argv)


def build_parser(language: str) -> argparse.ArgumentParser:
    def tr(zh: str, en: str) -> str:
        return en if language.startswith("en") else zh

    parser = argparse.ArgumentParser(
        prog="mediacrm", description=tr("MediaCRM 管理命令", "MediaCRM administration commands")
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help=tr(
            "数据库：sqlite:///路径、.db 文件或 postgresql://用户@主机:端口/数据库",
            "database: sqlite:///PATH, a .db file or postgresql://user@host:port/dbname",
        ),
    )
    parser.add_argument(
        "--lang", choices=config.LANGUAGES, help=tr("消息语言", "language of the messages")
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="SUBCOMMAND")

    db_parser = commands.add_parser("db", help=tr("数据库结构", "database schema"))
    db_commands = db_parser.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    upgrade = db_commands.add_parser(
        "upgrade", help=tr("创建或升级数据库结构", "create or upgrade the schema")
    )
    upgrade.set_defaults(handler=_db_upgrade)
    status = db_commands.add_parser("status", help=tr("显示结构版本", "show the schema version"))
    status.add_argument("--json", action="store_true", help=tr("输出 JSON", "print JSON"))
    status.set_defaults(handler=_db_status)
    cli_accounts.register_init_admin(db_commands, tr)

    demo = commands.add_parser("demo", help=tr("向空数据库装入演示数据", "load demo data"))
    demo.add_argument(
        "--customers", type=_positive_int, required=True, help=tr("客户数", "customers")
    )
    demo.add_argument("--seed", type=int, default=1, help=tr("随机种子", "random seed"))
    demo.set_defaults(handler=_demo)
    cli_accounts.register(commands, tr)
    cli_import.register(commands, tr)
    cli_search.register(commands, tr)
    return parser


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _db_upgrade(_args: argparse.Namespace, ctx: Context) -> int:
    if ctx.url.get_backend_name() == "sqlite":
        Path(ctx.url.database or "").parent.mkdir(parents=True, exist_ok=True)
    status = schema.upgrade(ctx.engine)
    ctx.say("upgraded", head=status.head)
    return EXIT_OK


def _db_status(args: argparse.Namespace, ctx: Context) -> int:
    if ctx.url.get_backend_name() == "sqlite":
        ensure_sqlite_exists(ctx.url)
    status = schema.schema_status(ctx.engine)
    if args.json:
        print(json.dumps(status.as_json()))
    else:
        print(f"current: {status.current or '-'}\nhead: {status.head}\nstate: {status.state}")
    return EXIT_SCHEMA if status.state == "ahead" else EXIT_OK


def _demo(args: argparse.Namespace, ctx: Context) -> int:
    ctx.require_current_schema()
    # Imported here: the demo's word lists and pinyin dictionaries take a second to load,
    # which every other subcommand would pay for nothing.
    from app import demo

    progress = _progress_printer()
    summary = demo.load_demo(
        ctx.engine, customers=args.customers, seed=args.seed, progress=progress
    )
    if progress is not None:
        print(file=sys.stderr)
    ctx.say(
        "demo_loaded",
        customers=summary.customers,
        contacts=summary.contacts,
        seconds=summary.seconds,
    )
    return EXIT_OK


def _progress_printer() -> Callable[[str, int, int], None] | None:
    """Progress on one updated line of a terminal; scripts (no terminal) get none."""
    if not sys.stderr.isatty():
        return None

    def show(stage: str, done: int, total: int) -> None:
        print(f"\r{stage}: {done:,}/{total:,}\033[K", end="", file=sys.stderr, flush=True)

    return show


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure: Any = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    argv = list(sys.argv[1:] if argv is None else argv)
    settings = config.load_settings()
    language = _language_from(argv) or settings.language
    parser = build_parser(language)
    args = parser.parse_args(argv)
    language = args.lang or language
    try:
        url = config.resolve_database_url(args.db)
    except ConfigurationError as exc:
        print(describe(exc, language), file=sys.stderr)
        return EXIT_USAGE
    ctx = Context(url, language)
    try:
        return _run_translating_database_errors(args, ctx)
    except ConfigurationError as exc:
        print(describe(exc, language), file=sys.stderr)
        return EXIT_USAGE
    except (DatabaseUnavailableError, PermissionDeniedError) as exc:
        print(describe(exc, language), file=sys.stderr)
        return EXIT_CONNECTION
    except SchemaVersionError as exc:
        print(describe(exc, language), file=sys.stderr)
        return EXIT_SCHEMA
    except OperationalError as exc:
        print(describe(schema.connection_error(ctx.engine, exc), language), file=sys.stderr)
        return EXIT_CONNECTION
    except MediaCrmError as exc:
        print(describe(exc, language), file=sys.stderr)
        return EXIT_PARTIAL
    finally:
        ctx.close()


def _run_translating_database_errors(args: argparse.Namespace, ctx: Context) -> int:
    try:
        return int(args.handler(args, ctx))
    except OperationalError:
        raise
    except DBAPIError as exc:
        translated = dberrors.translate(exc)
        if translated is None:
            raise
        raise translated from exc


def _language_from(argv: Sequence[str]) -> str | None:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None
