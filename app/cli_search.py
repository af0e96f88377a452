"""`mediacrm search TEXT`: the fuzzy query from the shell.

On PostgreSQL it runs as the MediaCRM user whose login the URL names (their permissions,
and the database's row-level security). Where the database gives the command line full
rights — SQLite's file, a login of no MediaCRM user such as the owner's — it searches
every record. Prints one hit a line (kind, id, name, matched field; a contact's company
after it), or with --json a JSON list of {kind, id, name, field}; `[]` and exit 0 when
nothing matches.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.access import CurrentUser
from app.cli_import import login_user, with_every_right
from app.search import fuzzy_search

if TYPE_CHECKING:
    from app.cli import Context

Translate = Callable[[str, str], str]
DEFAULT_LIMIT = 20
EXIT_OK = 0
# Who searches where the database gives the command line full rights: nobody in particular.
COMMAND_LINE = CurrentUser(
    user_id=0,
    username="mediacrm-cli",
    display_name="mediacrm-cli",
    employee_id=0,
    department_id=None,
    role_id=0,
    role_key="admin",
    role_name_zh="命令行",
    role_name_en="command line",
)


def register(commands: argparse._SubParsersAction, tr: Translate) -> None:
    parser = commands.add_parser(
        "search", help=tr("模糊查询客户和联系人", "fuzzy search of customers and contacts")
    )
    parser.add_argument("text", metavar="TEXT")
    parser.add_argument(
        "--limit",
        type=_limit,
        default=DEFAULT_LIMIT,
        help=tr("最多显示的结果数（默认 20）", "most hits shown (default 20)"),
    )
    parser.add_argument("--json", action="store_true", help=tr("输出 JSON", "print JSON"))
    parser.set_defaults(handler=_search)


def _limit(value: str) -> int:
    number = int(value)
    if not 1 <= number <= 1000:
        raise argparse.ArgumentTypeError("must be from 1 to 1000")
    return number


def _search(args: argparse.Namespace, ctx: Context) -> int:
    ctx.require_current_schema()
    with ctx.session() as session:
        user = login_user(session, ctx) or with_every_right(COMMAND_LINE)
        hits = fuzzy_search(session, user, args.text, args.limit)
    if args.json:
        found = [
            {"kind": hit.kind, "id": hit.id, "name": hit.name, "field": hit.field} for hit in hits
        ]
        print(json.dumps(found, ensure_ascii=False))
        return EXIT_OK
    for hit in hits:
        company = f"\t{hit.customer_name}" if hit.kind == "contact" else ""
        print(f"{hit.kind}\t{hit.id}\t{hit.name}\t{hit.field}{company}")
    return EXIT_OK
