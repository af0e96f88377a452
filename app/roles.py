"""Roles and their permissions (角色管理): function permissions (module × action) and data
permissions (record kind × scope), combined into one permission management (SPEC §3.3).

Only holders of `security` `admin` change roles. On PostgreSQL a trigger re-applies the
grants as soon as a role's function permissions change; data permissions are read live by
the row-level-security policies. Why a user sees a record is in app/visibility.py.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import cast

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app import users
from app.access import CurrentUser, load_current_user
from app.errors import ConflictError, NotFoundError, ValidationError
from app.saving import flush
from db.models.org import Role, RoleDataPermission, RoleFunctionPermission, User
from db.permissions import ACTIONS, MODULE_TABLES, OWNED_TABLES, SCOPES, Scope

LEAST_ROLE = "staff"  # the built-in role that grants least, offered first for a new account
_KEY = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
_MAX_NAME_LENGTH = 60
# The administrator role always keeps the right to manage security: without it nobody
# could ever give it back.
_LOCKOUT_GUARD = ("admin", ("security", "admin"))


@dataclass(frozen=True)
class RoleRow:
    id: int
    key: str
    name_zh: str
    name_en: str
    built_in: bool
    users: int
    version: int

    def name(self, language: str) -> str:
        return self.name_en if language.startswith("en") else self.name_zh


@dataclass(frozen=True)
class RolePermissions:
    role_id: int
    version: int
    functions: frozenset[tuple[str, str]]
    scopes: dict[str, Scope]


@dataclass(frozen=True)
class EffectivePermissions:
    """What a user may do and see, through their role and their department."""

    user_id: int
    username: str
    display_name: str
    role_name: str
    department: str | None
    functions: frozenset[tuple[str, str]]
    scopes: dict[str, Scope]
    departments: dict[str, tuple[str, ...]]  # record kind → department paths in scope


def may_manage_roles(user: CurrentUser) -> bool:
    return user.may("security", "admin")


def may_review_permissions(user: CurrentUser) -> bool:
    """Reviewers (those who may view security, as for the audit trail) look at other
    users' permissions and at why a user sees a record."""
    return user.may("security", "view")


def list_roles(session: Session) -> list[RoleRow]:
    """Live roles, built-in first, with how many live users each has."""
    user_count = (
        select(func.count())
        .select_from(User)
        .where(User.role_id == Role.id, User.deleted_at.is_(None))
        .scalar_subquery()
    )
    rows = session.execute(
        select(Role, user_count)
        .where(Role.deleted_at.is_(None))
        .order_by(Role.built_in.desc(), Role.id)
    )
    return [
        RoleRow(role.id, role.key, role.name_zh, role.name_en, role.built_in, count, role.version)
        for role, count in rows
    ]


def create_role(
    session: Session,
    user: CurrentUser,
    key: str,
    name_zh: str,
    name_en: str,
    copy_from: int | None = None,
) -> int:
    """A custom role: with the permissions of role `copy_from`, or with none (every scope
    `own`), so that a new role never grants more than its author chose."""
    user.require("security", "admin")
    key = key.strip()
    if not _KEY.match(key):
        raise ValidationError("role_key_invalid", field="key")
    if session.scalars(select(Role.id).where(Role.key == key, Role.deleted_at.is_(None))).first():
        raise ValidationError("role_key_taken", field="key", name=key)
    name_zh, name_en = _checked_names(name_zh, name_en)
    template = role_permissions(session, copy_from) if copy_from is not None else None
    role = Role(
        key=key,
        name_zh=name_zh,
        name_en=name_en,
        built_in=False,
        created_by_id=user.user_id,
        updated_by_id=user.user_id,
    )
    session.add(role)
    flush(session)
    functions = template.functions if template else frozenset()
    scopes = template.scopes if template else {}
    session.add_all(
        RoleFunctionPermission(role_id=role.id, module=m, action=a) for m, a in functions
    )
    session.add_all(
        RoleDataPermission(role_id=role.id, record_kind=kind, scope=scopes.get(kind, "own"))
        for kind in OWNED_TABLES
    )
    flush(session)
    return role.id


def rename_role(
    session: Session, user: CurrentUser, role_id: int, version: int, name_zh: str, name_en: str
) -> None:
    user.require("security", "admin")
    role = _live_role(session, role_id, version)
    role.name_zh, role.name_en = _checked_names(name_zh, name_en)
    role.updated_by_id = user.user_id
    flush(session)


def delete_role(session: Session, user: CurrentUser, role_id: int, version: int) -> None:
    """Move a custom role no user has to the recycle bin; built-in roles stay."""
    user.require("security", "admin")
    role = _live_role(session, role_id, version)
    if role.built_in:
        raise ValidationError("built_in_role", name=role.name_zh)
    holders = session.scalar(
        select(func.count())
        .select_from(User)
        .where(User.role_id == role_id, User.deleted_at.is_(None))
    )
    if holders:
        raise ValidationError("role_in_use", name=role.name_zh, count=holders)
    role.deleted_at = dt.datetime.now(dt.UTC)
    role.deleted_by_id = user.user_id
    role.updated_by_id = user.user_id
    flush(session)


def role_permissions(session: Session, role_id: int) -> RolePermissions:
    role = session.get(Role, role_id)
    if role is None or role.deleted_at is not None:
        raise NotFoundError(table="roles", id=role_id)
    functions = frozenset(
        (module, action)
        for module, action in session.execute(
            select(RoleFunctionPermission.module, RoleFunctionPermission.action).where(
                RoleFunctionPermission.role_id == role_id
            )
        )
    )
    stored = dict(
        session.execute(
            select(RoleDataPermission.record_kind, RoleDataPermission.scope).where(
                RoleDataPermission.role_id == role_id
            )
        ).all()
    )
    # A kind without a row is `own`, as both app/access.py and the database policy read it.
    scopes = {kind: cast(Scope, stored.get(kind, "own")) for kind in OWNED_TABLES}
    return RolePermissions(role_id, role.version, functions, scopes)


def set_permissions(
    session: Session,
    user: CurrentUser,
    role_id: int,
    version: int,
    functions: Iterable[tuple[str, str]],
    scopes: Mapping[str, str],
) -> None:
    """Replace the role's function permissions and set the scopes of the kinds given.

    The role's version moves on, so two administrators editing one role cannot silently
    overwrite each other.
    """
    user.require("security", "admin")
    role = _live_role(session, role_id, version)
    wanted = frozenset(functions)
    _check_known(wanted, scopes)
    key, guarded = _LOCKOUT_GUARD
    if role.key == key and guarded not in wanted:
        raise ValidationError("admin_role_keeps_security_admin")
    current = role_permissions(session, role_id)
    for module, action in current.functions - wanted:
        session.execute(
            delete(RoleFunctionPermission).where(
                RoleFunctionPermission.role_id == role_id,
                RoleFunctionPermission.module == module,
                RoleFunctionPermission.action == action,
            )
        )
    session.add_all(
        RoleFunctionPermission(role_id=role_id, module=module, action=action)
        for module, action in wanted - current.functions
    )
    _set_scopes(session, role_id, scopes, current.scopes)
    role.updated_by_id = user.user_id
    # Touching the role moves its version on even when only its permission rows changed.
    role.updated_at = dt.datetime.now(dt.UTC)
    flush(session)


def effective_permissions(session: Session, user_id: int, language: str) -> EffectivePermissions:
    target = load_current_user(session, user_id)
    paths = {row.id: row.path for row in users.list_departments(session)}
    return EffectivePermissions(
        user_id=target.user_id,
        username=target.username,
        display_name=target.display_name,
        role_name=target.role_name(language),
        department=paths.get(target.department_id) if target.department_id else None,
        functions=target.functions,
        scopes={kind: target.scope(kind) for kind in OWNED_TABLES},
        departments={
            kind: tuple(sorted(paths[d] for d in departments if d in paths))
            for kind, departments in target.visible_departments.items()
        },
    )


def _set_scopes(
    session: Session, role_id: int, scopes: Mapping[str, str], current: Mapping[str, str]
) -> None:
    rows = {
        row.record_kind: row
        for row in session.scalars(
            select(RoleDataPermission).where(RoleDataPermission.role_id == role_id)
        )
    }
    for kind, scope in scopes.items():
        if current.get(kind) == scope and kind in rows:
            continue
        if kind in rows:
            rows[kind].scope = scope
        else:
            session.add(RoleDataPermission(role_id=role_id, record_kind=kind, scope=scope))


def _check_known(functions: frozenset[tuple[str, str]], scopes: Mapping[str, str]) -> None:
    for module, action in functions:
        if module not in MODULE_TABLES or action not in ACTIONS:
            raise ValidationError("unknown_permission", module=module, action=action)
    for kind, scope in scopes.items():
        if kind not in OWNED_TABLES or scope not in SCOPES:
            raise ValidationError("unknown_permission", module=kind, action=scope)


def _checked_names(name_zh: str, name_en: str) -> tuple[str, str]:
    name_zh, name_en = name_zh.strip(), name_en.strip()
    if not name_zh or len(name_zh) > _MAX_NAME_LENGTH:
        raise ValidationError("role_name_invalid", field="name_zh")
    if not name_en or len(name_en) > _MAX_NAME_LENGTH:
        raise ValidationError("role_name_invalid", field="name_en")
    return name_zh, name_en


def _live_role(session: Session, role_id: int, version: int) -> Role:
    role = session.get(Role, role_id)
    if role is None or role.deleted_at is not None:
        raise NotFoundError(table="roles", id=role_id)
    if role.version != version:
        raise ConflictError(expected=version, actual=role.version)
    return role
