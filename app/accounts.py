"""User accounts as the Security tools dialog manages them, checked against who acts.

app/users.py does the work (on PostgreSQL through SECURITY DEFINER functions that check the
caller again); these functions add what a person at a screen needs: the `security` `admin`
permission on SQLite too, the password typed twice, and no administrator locking
themselves out.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app import users
from app.access import CurrentUser
from app.errors import ValidationError
from app.login_flow import require_same_password


def add_user(
    session: Session,
    user: CurrentUser,
    username: str,
    display_name: str,
    department_id: int,
    role_key: str,
    password: str,
    repeated: str,
) -> int:
    user.require("security", "admin")
    paths = {row.id: row.path for row in users.list_departments(session)}
    if department_id not in paths:
        raise ValidationError("department_missing", field="department")
    require_same_password(password, repeated)
    return users.add_user(
        session, username, password, role_key, paths[department_id], display_name.strip() or None
    )


def set_enabled(session: Session, user: CurrentUser, username: str, enabled: bool) -> None:
    user.require("security", "admin")
    if username == user.username and not enabled:
        raise ValidationError("cannot_disable_yourself")
    users.set_user_enabled(session, username, enabled)


def reset_password(
    session: Session, user: CurrentUser, username: str, password: str, repeated: str
) -> None:
    user.require("security", "admin")
    require_same_password(password, repeated)
    users.reset_password(session, username, password)


def set_role(session: Session, user: CurrentUser, username: str, role_key: str) -> None:
    user.require("security", "admin")
    if username == user.username:
        # Taking one's own administrator role away cannot be undone from this screen.
        raise ValidationError("cannot_change_own_role", field="role")
    users.set_user_role(session, username, role_key)
