"""Command-line administration of departments and user accounts, and the first administrator.

Passwords are read as one line from standard input when it is not a terminal (scripts), and
prompted for twice, unechoed, when it is.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from app import auth, users
from app.errors import ValidationError

if TYPE_CHECKING:
    from app.cli import Context

Translate = Callable[[str, str], str]


def register(commands: argparse._SubParsersAction, tr: Translate) -> None:
    department = commands.add_parser("department", help=tr("部门", "departments"))
    department_actions = department.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = department_actions.add_parser("add", help=tr("新建部门", "add a department"))
    add.add_argument("name")
    add.add_argument("--parent", help=tr("上级部门", "parent department"))
    add.set_defaults(handler=_department_add)
    listing = department_actions.add_parser("list", help=tr("列出部门", "list departments"))
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_department_list)

    user = commands.add_parser("user", help=tr("用户账户", "user accounts"))
    user_actions = user.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = user_actions.add_parser("add", help=tr("新建用户（密码从标准输入读取）", "add a user"))
    add.add_argument("username")
    add.add_argument("--role", required=True, help="admin, decision_maker, dept_head, staff")
    add.add_argument("--department", required=True)
    add.add_argument("--name", dest="display_name", help=tr("显示名称", "display name"))
    add.set_defaults(handler=_user_add)
    for action, handler, help_text in (
        ("disable", _user_disable, tr("停用用户", "disable a user")),
        ("enable", _user_enable, tr("启用用户", "enable a user")),
        ("reset-password", _user_reset_password, tr("重设密码", "reset a password")),
    ):
        parser = user_actions.add_parser(action, help=help_text)
        parser.add_argument("username")
        parser.set_defaults(handler=handler)
    listing = user_actions.add_parser("list", help=tr("列出用户", "list users"))
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_user_list)


def register_init_admin(db_actions: argparse._SubParsersAction, tr: Translate) -> None:
    init = db_actions.add_parser(
        "init-admin",
        help=tr("创建第一个管理员（密码从标准输入读取）", "create the first administrator"),
    )
    init.add_argument("username")
    init.add_argument("--name", dest="display_name", help=tr("显示名称", "display name"))
    init.set_defaults(handler=_init_admin)


def read_new_password(ctx: Context) -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(ctx.tr("新密码：", "New password: "))
    second = getpass.getpass(ctx.tr("再输入一次：", "Repeat it: "))
    if first != second:
        raise ValidationError("passwords_differ", field="password")
    return first


def _department_add(args: argparse.Namespace, ctx: Context) -> int:
    ctx.require_current_schema()
    with ctx.session() as session:
        department_id = users.add_department(session, args.name, args.parent)
    print(department_id)
    return 0


def _department_list(args: argparse.Namespace, ctx: Context) -> int:
    ctx.require_current_schema()
    with ctx.session() as session:
        rows = users.list_departments(session)
    if args.json:
        print(json.dumps([row.__dict__ for row in rows], ensure_ascii=False))
    else:
        for row in rows:
            print(f"{row.id}\t{row.path}")
    return 0


def _user_add(args: argparse.Namespace, ctx: Context) -> int:
    ctx.require_current_schema()
    password = read_new_password(ctx)
    with ctx.session() as session:
        user_id = users.add_user(
            session, args.username, password, args.role, args.department, args.display_name
        )
    print(user_id)
    return 0


def _user_disable(args: argparse.Namespace, ctx: Context) -> int:
    ctx.require_current_schema()
    with ctx.session() as session:
        users.set_user_enabled(session, args.username, False)
    return 0


def _user_enable(args: argparse.Namespace, ctx: Context) -> int:
    ctx.require_current_schema()
    with ctx.session() as session:
        users.set_user_enabled(session, args.username, True)
    return 0


def _user_reset_password(args: argparse.Namespace, ctx: Context) -> int:
    ctx.require_current_schema()
    password = read_new_password(ctx)
    with ctx.session() as session:
        users.reset_password(session, args.username, password)
    return 0


def _user_list(args: argparse.Namespace, ctx: Context) -> int:
    ctx.require_current_schema()
    with ctx.session() as session:
        rows = users.list_users(session, ctx.language)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": row.id,
                        "username": row.username,
                        "name": row.display_name,
                        "department": row.department,
                        "role": row.role_key,
                        "enabled": row.enabled,
                        "db_role": row.db_role,
                    }
                    for row in rows
                ],
                ensure_ascii=False,
            )
        )
    else:
        for row in rows:
            state = ctx.tr("启用", "enabled") if row.enabled else ctx.tr("停用", "disabled")
            print(
                f"{row.username}\t{row.display_name}\t{row.department or '-'}\t"
                f"{row.role_name}\t{state}"
            )
    return 0


def _init_admin(args: argparse.Namespace, ctx: Context) -> int:
    ctx.require_current_schema()
    password = read_new_password(ctx)
    user_id = auth.create_first_administrator(
        ctx.engine, args.username, password, args.display_name
    )
    print(user_id)
    return 0
