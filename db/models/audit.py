"""The audit trail: every change and login, with full before/after row images (SPEC §3.10)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, label, one_of, table_label, utc_now

OPERATIONS = (
    "INSERT",
    "UPDATE",
    "DELETE",
    "TRUNCATE",
    "LOGIN",
    "LOGOUT",
    "LOGIN_FAILED",
    "BULK_LOAD",
    "EXPORT",
)

# BIGINT on PostgreSQL; INTEGER on SQLite, where only INTEGER PRIMARY KEY autoincrements.
_BIG_ID = BigInteger().with_variant(Integer(), "sqlite")


class AuditLog(Base):
    """The audit log (审计日志): append-only, written by triggers, no version, never deleted."""

    __tablename__ = "audit_log"
    __table_args__ = (
        CheckConstraint(one_of("operation", OPERATIONS), name="operation_known"),
        # Serves "history of this record" and, by its leading column, "changes to this table";
        # separate indexes on table_name or record_id would only slow every audited write.
        Index(
            "ix_audit_log_table_name_record_id_occurred_at",
            "table_name",
            "record_id",
            "occurred_at",
        ),
        table_label("审计日志", "Audit log"),
    )

    id: Mapped[int] = mapped_column(_BIG_ID, primary_key=True, info=label("编号", "ID"))
    occurred_at: Mapped[dt.datetime] = mapped_column(
        default=utc_now,
        server_default=func.now(),
        index=True,
        info=label("发生时间", "Occurred at"),
    )
    db_user: Mapped[str | None] = mapped_column(
        String(63), info=label("数据库用户", "Database user")
    )
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True, info=label("用户", "User")
    )
    table_name: Mapped[str | None] = mapped_column(String(63), info=label("数据表", "Table"))
    record_id: Mapped[int | None] = mapped_column(_BIG_ID, info=label("记录编号", "Record ID"))
    operation: Mapped[str] = mapped_column(String(12), info=label("操作", "Operation"))
    before_row: Mapped[str | None] = mapped_column(
        Text, info=label("修改前(JSON)", "Before (JSON)")
    )
    after_row: Mapped[str | None] = mapped_column(Text, info=label("修改后(JSON)", "After (JSON)"))
    changed_columns: Mapped[str | None] = mapped_column(
        Text, info=label("修改的列", "Changed columns")
    )
    client_host: Mapped[str | None] = mapped_column(
        String(100), info=label("客户端主机", "Client host")
    )
    application: Mapped[str | None] = mapped_column(
        String(100), info=label("应用程序", "Application")
    )
    note: Mapped[str | None] = mapped_column(Text, info=label("说明", "Note"))
