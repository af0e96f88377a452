"""`mediacrm search TEXT`: the fuzzy query from the shell, as the URL's user.

On PostgreSQL the MediaCRM user whose login the URL names searches (their data permissions
hold, the database's row-level security too). Where the command line acts with full rights
(SQLite, a superuser or other account of no MediaCRM user) it searches everything, or as
the user named by `--user`, with that user's permissions.

Prints one hit a line (kind, id, name, field, what matched; tab-separated), or with --json a
JSON list of {kind, id, name, field}; `[]` and exit 0 when nothing matches.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app import search
from app.access import CurrentUser, load_current_user
from app.errors import NotFoundError
from db.models.org import User
from db.permissions import ACTIONS, MODULE_TABLES, OWNED_TABLES

if TYPE_CHECKING:
    from app.cli import Context

Translate = Callable[[str, str], str]
EXIT_OK, EXIT_USAGE = 0, 2
DEFAULT_LIMIT = 20


def register(commands: argparse._SubParsersAction, tr: Translate) -> None:
    parser = commands.add_parser(
        "search", help=tr("模糊查询客户和联系人", "fuzzy search of customers and contacts")
    )
    parser.add_argument("text", metavar="TEXT")
    parser.add_argument(
        "--limit",
        type=_limit,
        default=DEFAULT_LIMIT,
        help=tr("最多显示条数（默认 20）", "most hits shown (default 20)"),
    )
    parser.add_argument(
        "--user",
        metavar="USERNAME",
        help=tr(
            "以该用户的权限查询（SQLite 或超级用户连接时）",
            "search with this user's permissions (SQLite or a superuser's connection)",
        ),
    )
    parser.add_argument("--json", action="store_true", help=tr("输出 JSON", "print JSON"))
    parser.set_defaults(handler=_search)


def _limit(value: str) -> int:
    number = int(value)
    if not 1 <= number <= 1000:
        raise argparse.ArgumentTypeError("must be between 1 and 1000")
    return number


def _search(args: argparse.Namespace, ctx: Context) -> int:
    ctx.require_current_schema()
    try:
        with ctx.session() as session:
            user = _acting_user(session, ctx, args.user)
            hits = search.search(session, user, args.text, args.limit)
    except NotFoundError as exc:
        ctx.say(exc.code, **exc.params)
        return EXIT_USAGE
    if args.json:
        print(json.dumps([hit.as_json() for hit in hits], ensure_ascii=False))
    else:
        for hit in hits:
            print(f"{hit.kind}\t{hit.id}\t{hit.name}\t{hit.field}\t{hit.text}")
    return EXIT_OK


def _acting_user(session: Session, ctx: Context, username: str | None) -> CurrentUser:
    """The MediaCRM user of the PostgreSQL login; else the user named by --user; else the
    command line itself, which sees everything."""
    if ctx.url.get_backend_name() == "postgresql":
        user_id = session.scalar(text("SELECT mc_user_id()"))
        if user_id is not None:
            return load_current_user(session, int(user_id))
    if username is not None:
        user_id = session.scalar(
            select(User.id).where(User.username == username, User.deleted_at.is_(None))
        )
        if user_id is None:
            raise NotFoundError("user_not_found", name=username)
        return load_current_user(session, int(user_id))
    return CurrentUser(
        user_id=0,
        username="mediacrm-cli",
        display_name="mediacrm-cli",
        employee_id=0,
        department_id=None,
        role_id=0,
        role_key="admin",
        role_name_zh="命令行",
        role_name_en="command line",
        functions=frozenset((module, action) for module in MODULE_TABLES for action in ACTIONS),
        scopes={kind: "all" for kind in OWNED_TABLES},
    )
