"""Organisation and security: departments, employees, users, roles and their permissions."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
    false,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, IdMixin, Record, TrackedMixin, label, live_unique, table_label
from db.pinyin import PinyinSortedMixin

EMPLOYEE_STATUSES = ("active", "on_leave", "left")
DATA_SCOPES = ("own", "department", "department_tree", "all")
FUNCTION_ACTIONS = ("view", "create", "edit", "delete", "export", "print", "bulk_mail", "admin")


class Department(Base, Record, PinyinSortedMixin):
    """Our own departments, a tree (部门设置)."""

    __pinyin_source__ = "name"

    __tablename__ = "departments"
    __table_args__ = (
        live_unique("departments", "parent_id", "name"),
        CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_own_parent"),
        table_label("部门", "Department"),
    )

    name: Mapped[str] = mapped_column(String(100), info=label("部门名称", "Name"))
    code: Mapped[str | None] = mapped_column(String(30), info=label("部门代码", "Code"))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("departments.id", ondelete="RESTRICT"),
        index=True,
        info=label("上级部门", "Parent department"),
    )
    manager_id: Mapped[int | None] = mapped_column(
        ForeignKey("employees.id", ondelete="SET NULL", use_alter=True),
        info=label("部门主管", "Head"),
    )
    phone: Mapped[str | None] = mapped_column(String(40), info=label("电话", "Phone"))
    sort_order: Mapped[int] = mapped_column(
        default=0, server_default="0", info=label("排序", "Order")
    )
    notes: Mapped[str | None] = mapped_column(Text, info=label("备注", "Notes"))


class Employee(Base, Record):
    """Company employees (企业员工表, table 12); not every employee is a user."""

    __pinyin_source__ = "name"

    __tablename__ = "employees"
    __table_args__ = (
        CheckConstraint("status IN ('active', 'on_leave', 'left')", name="status_known"),
        CheckConstraint("gender IS NULL OR gender IN ('M', 'F')", name="gender_known"),
        live_unique("employees", "employee_no"),
        table_label("员工", "Employee"),
    )

    employee_no: Mapped[str | None] = mapped_column(String(30), info=label("工号", "Employee no."))
    name: Mapped[str] = mapped_column(String(60), info=label("姓名", "Name"))
    name_pinyin: Mapped[str | None] = mapped_column(
        String(200), index=True, info=label("姓名拼音", "Name (pinyin)")
    )
    gender: Mapped[str | None] = mapped_column(String(1), info=label("性别", "Gender"))
    department_id: Mapped[int | None] = mapped_column(
        ForeignKey("departments.id", ondelete="RESTRICT"),
        index=True,
        info=label("部门", "Department"),
    )
    position_id: Mapped[int | None] = mapped_column(
        ForeignKey("positions.id", ondelete="RESTRICT"), info=label("职务", "Position")
    )
    phone: Mapped[str | None] = mapped_column(String(40), info=label("电话", "Phone"))
    mobile: Mapped[str | None] = mapped_column(String(20), info=label("手机", "Mobile"))
    email: Mapped[str | None] = mapped_column(String(254), info=label("电子邮件", "E-mail"))
    hire_date: Mapped[dt.date | None] = mapped_column(Date, info=label("入职日期", "Hire date"))
    leave_date: Mapped[dt.date | None] = mapped_column(Date, info=label("离职日期", "Leave date"))
    status: Mapped[str] = mapped_column(
        String(10), default="active", server_default="active", info=label("状态", "Status")
    )
    notes: Mapped[str | None] = mapped_column(Text, info=label("备注", "Notes"))


class Role(Base, Record):
    """A permission role: built in (决策者, 部门主管, 员工, 管理员) or made by an administrator."""

    __tablename__ = "roles"
    __table_args__ = (
        live_unique("roles", "key"),
        table_label("角色", "Role"),
    )

    key: Mapped[str] = mapped_column(String(40), info=label("角色代码", "Key"))
    name_zh: Mapped[str] = mapped_column(String(60), info=label("中文名称", "Chinese name"))
    name_en: Mapped[str] = mapped_column(String(60), info=label("英文名称", "English name"))
    built_in: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false(), info=label("内置", "Built in")
    )
    description: Mapped[str | None] = mapped_column(Text, info=label("说明", "Description"))


class RoleFunctionPermission(Base, IdMixin):
    """What a role may do in a module (function permission)."""

    __tablename__ = "role_function_permissions"
    __table_args__ = (
        UniqueConstraint("role_id", "module", "action"),
        CheckConstraint(
            "action IN ('view', 'create', 'edit', 'delete', 'export', 'print', "
            "'bulk_mail', 'admin')",
            name="action_known",
        ),
        table_label("功能权限", "Function permission"),
    )

    role_id: Mapped[int] = mapped_column(
        ForeignKey("roles.id", ondelete="CASCADE"), info=label("角色", "Role")
    )
    module: Mapped[str] = mapped_column(String(40), info=label("模块", "Module"))
    action: Mapped[str] = mapped_column(String(20), info=label("操作", "Action"))


class RoleDataPermission(Base, IdMixin):
    """Which records of a kind a role sees (data permission)."""

    __tablename__ = "role_data_permissions"
    __table_args__ = (
        UniqueConstraint("role_id", "record_kind"),
        CheckConstraint(
            "scope IN ('own', 'department', 'department_tree', 'all')", name="scope_known"
        ),
        table_label("数据权限", "Data permission"),
    )

    role_id: Mapped[int] = mapped_column(
        ForeignKey("roles.id", ondelete="CASCADE"), info=label("角色", "Role")
    )
    record_kind: Mapped[str] = mapped_column(String(40), info=label("记录类型", "Record kind"))
    scope: Mapped[str] = mapped_column(String(20), info=label("范围", "Scope"))


class User(Base, Record):
    """An employee who may log in; on PostgreSQL also a login role of the server."""

    __tablename__ = "users"
    __table_args__ = (
        live_unique("users", "username"),
        UniqueConstraint("employee_id"),
        CheckConstraint("length(username) BETWEEN 3 AND 32", name="username_length"),
        table_label("用户", "User"),
    )

    username: Mapped[str] = mapped_column(String(32), info=label("用户名", "Username"))
    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"), info=label("员工", "Employee")
    )
    role_id: Mapped[int] = mapped_column(
        ForeignKey("roles.id", ondelete="RESTRICT"), index=True, info=label("角色", "Role")
    )
    db_role: Mapped[str | None] = mapped_column(
        String(63), unique=True, info=label("数据库角色", "Database role")
    )
    # Deferred: on PostgreSQL no user may read it (the server keeps the passwords there).
    password_hash: Mapped[str | None] = mapped_column(
        String(255), deferred=True, info=label("密码散列", "Password hash")
    )
    enabled: Mapped[bool] = mapped_column(
        Boolean, default=True, server_default=true(), info=label("启用", "Enabled")
    )
    language: Mapped[str] = mapped_column(
        String(10), default="zh_CN", server_default="zh_CN", info=label("界面语言", "Language")
    )
    last_login_at: Mapped[dt.datetime | None] = mapped_column(info=label("最近登录", "Last login"))
    password_changed_at: Mapped[dt.datetime | None] = mapped_column(
        info=label("密码修改时间", "Password changed at")
    )


class UserSetting(Base, TrackedMixin):
    """A per-user preference (shortcut panel parts, formats, layout) that follows the user."""

    __tablename__ = "user_settings"
    __table_args__ = (
        UniqueConstraint("user_id", "key"),
        table_label("用户设置", "User setting"),
    )

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), info=label("用户", "User")
    )
    key: Mapped[str] = mapped_column(String(100), info=label("设置项", "Key"))
    value: Mapped[str | None] = mapped_column(Text, info=label("值", "Value"))
