"""`mediacrm import customers FILE`: customers and their contacts from .xlsx or CSV.

Who imports: on PostgreSQL the MediaCRM user whose login the URL names (their data
permissions hold, the database's row-level security too), owning the new customers unless
`--owner` names another employee they may give customers to. Where the command line acts
with full rights (SQLite, a superuser or other account of no MediaCRM user) `--owner` is
required, and the import acts for that user with every permission.

Prints a summary on stderr (or, with --json, one JSON object on stdout) and exits 1 when a
row was rejected, the good rows being imported all the same; 2 when the file, the mapping
or an argument is wrong.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.access import CurrentUser, load_current_user
from app.customer_import import (
    ON_DUPLICATE,
    ImportOptions,
    Mapping,
    import_customers,
    resolve_owner,
)
from app.errors import NotFoundError, ValidationError
from app.import_files import detect_format
from app.messages import describe
from db.models.org import User
from db.permissions import ACTIONS, MODULE_TABLES, OWNED_TABLES

if TYPE_CHECKING:
    from app.cli import Context

Translate = Callable[[str, str], str]
EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2


def register(commands: argparse._SubParsersAction, tr: Translate) -> None:
    parser = commands.add_parser("import", help=tr("导入数据", "import data"))
    kinds = parser.add_subparsers(dest="import_kind", required=True, metavar="KIND")
    customers = kinds.add_parser(
        "customers", help=tr("从 .xlsx 或 CSV 导入客户及联系人", "customers from .xlsx or CSV")
    )
    customers.add_argument("file", metavar="FILE")
    customers.add_argument(
        "--mapping", metavar="FILE", help=tr("列对应文件（JSON）", "column mapping (JSON)")
    )
    customers.add_argument(
        "--on-duplicate",
        choices=ON_DUPLICATE,
        default="skip",
        help=tr("重复客户：跳过、更新或仍然新建", "duplicates: skip, update or insert anyway"),
    )
    customers.add_argument(
        "--owner", metavar="USERNAME", help=tr("客户负责人的用户名", "the owner's user name")
    )
    customers.add_argument("--json", action="store_true", help=tr("输出 JSON", "print JSON"))
    customers.set_defaults(handler=_import_customers)


def _import_customers(args: argparse.Namespace, ctx: Context) -> int:
    try:
        detect_format(args.file)
        mapping = Mapping.load(args.mapping) if args.mapping else None
    except ValidationError as exc:
        ctx.say(exc.code, **exc.params)
        return EXIT_USAGE
    ctx.require_current_schema()
    try:
        with ctx.session() as session:
            user = _acting_user(session, ctx, args.owner)
            owner = resolve_owner(session, user, args.owner)
            options = ImportOptions(on_duplicate=args.on_duplicate, owner=owner)
            result = import_customers(
                session, user, args.file, mapping, options, _progress_printer()
            )
    except ValidationError as exc:
        if exc.field not in ("file", "mapping", "owner"):
            raise
        print(describe(exc, ctx.language), file=sys.stderr)
        return EXIT_USAGE
    except NotFoundError as exc:
        print(describe(exc, ctx.language), file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        print(json.dumps(result.as_json(ctx.language), ensure_ascii=False))
    else:
        for issue in result.errors:
            print(f"{issue.line}\t{issue.field}\t{issue.message(ctx.language)}", file=sys.stderr)
        counts = {k: v for k, v in result.as_json(ctx.language).items() if k != "errors"}
        ctx.say("import_summary", **counts)
    return EXIT_PARTIAL if result.rejected else EXIT_OK


def _acting_user(session: Session, ctx: Context, owner: str | None) -> CurrentUser:
    """The MediaCRM user of the PostgreSQL login; else, acting with full rights, the owner
    named by --owner, with every permission."""
    logged_in = login_user(session, ctx)
    if logged_in is not None:
        return logged_in
    if owner is None:
        raise ValidationError("owner_required", field="owner")
    user_id = session.scalar(
        User.__table__.select()
        .with_only_columns(User.id)
        .where(User.username == owner, User.deleted_at.is_(None))
    )
    if user_id is None:
        raise NotFoundError("user_not_found", name=owner)
    return with_every_right(load_current_user(session, int(user_id)))


def login_user(session: Session, ctx: Context) -> CurrentUser | None:
    """The MediaCRM user whose PostgreSQL login the URL names; None on SQLite, or for a
    login of no MediaCRM user (a superuser, the database owner)."""
    if ctx.url.get_backend_name() != "postgresql":
        return None
    user_id = session.scalar(text("SELECT mc_user_id()"))
    return None if user_id is None else load_current_user(session, int(user_id))


def with_every_right(user: CurrentUser) -> CurrentUser:
    """`user` with every permission over all rows: how the command line acts where the
    database itself gives it full rights (SQLite's file, a superuser's login)."""
    return dataclasses.replace(
        user,
        functions=frozenset((module, action) for module in MODULE_TABLES for action in ACTIONS),
        scopes={kind: "all" for kind in OWNED_TABLES},
    )


def _progress_printer() -> Callable[[int, int], None] | None:
    """Progress on one updated line of a terminal; scripts (no terminal) get none."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(f"\r{done:,}/{total:,}\033[K", end="", file=sys.stderr, flush=True)

    return show
