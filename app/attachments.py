"""Files attached to a customer (附件, File management, SPEC §3.2/§3.4), kept in the database
with their name, type, size and SHA-256, up to a size limit the administrator sets in the
company information (`company_info.attachment_max_mb`).

Attachments are customer data: adding one needs `customers`/`create` and a live customer the
user sees; deleting (to the recycle bin) and restoring go through app/records.py with
`customers`/`delete`. An attachment belongs to its customer's owner and department, so the
data permissions (and row-level security on PostgreSQL) show it to whoever sees the customer.
Lists never load the contents (a deferred column); `read_content` and `save_as` do.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app import records
from app.access import CurrentUser, visible_rows
from app.errors import NotFoundError, ValidationError
from app.fields import FieldSpec, Kind
from app.listing import ListColumn, ListSpec
from app.records import RecordKind, RecordValues, Values
from app.saving import flush
from db.base import Label
from db.models.company import CompanyInfo
from db.models.customers import Attachment, Customer
from db.models.org import Employee, User

DEFAULT_MAX_MB = 20
MB = 1024 * 1024
CHUNK = 1024 * 1024
GENERIC_TYPE = "application/octet-stream"
# Called with the bytes read or written so far; it may raise CancelledError to stop.
Tick = Callable[[int], None]


@dataclass(frozen=True)
class AttachmentInfo:
    """An attachment as lists show it, without its contents."""

    id: int
    version: int
    customer_id: int | None
    customer_name: str | None
    file_name: str
    mime_type: str | None
    size_bytes: int
    sha256: str
    description: str | None
    added_by: str | None  # the employee who added it
    added_at: Any  # datetime


def _require_live_customer(session: Session, values: Values, _record_id: int | None) -> None:
    """An attachment comes back from the recycle bin only to a customer that is not there."""
    live = session.scalar(
        select(Customer.id).where(
            Customer.id == values["customer_id"], Customer.deleted_at.is_(None)
        )
    )
    if live is None:
        raise ValidationError("customer_missing", field="customer_id")


ATTACHMENTS = RecordKind(
    key="attachments",
    model=Attachment,
    fields=(
        FieldSpec.of(Attachment.customer_id, Kind.LOOKUP),
        FieldSpec.of(Attachment.file_name, required=True),
        FieldSpec.of(Attachment.mime_type),
        FieldSpec.of(Attachment.size_bytes),
        FieldSpec.of(Attachment.description, Kind.MULTILINE),
    ),
    title_field="file_name",
    check_restore=_require_live_customer,
)


# The size limit.


def size_limit_mb(session: Session) -> int:
    """The largest attachment, in MB, as the company information sets it (20 if unset)."""
    found = session.scalar(
        select(CompanyInfo.attachment_max_mb)
        .where(CompanyInfo.deleted_at.is_(None))
        .order_by(CompanyInfo.id)
        .limit(1)
    )
    return int(found) if found is not None else DEFAULT_MAX_MB


def require_within_limit(session: Session, file_name: str, size_bytes: int) -> None:
    """Refuse a file larger than the limit, naming its size and the limit."""
    limit = size_limit_mb(session)
    if size_bytes > limit * MB:
        raise ValidationError(
            "attachment_too_large",
            field="file_name",
            name=file_name,
            size=format_size(size_bytes),
            limit=f"{limit} MB",
        )


def format_size(size_bytes: int) -> str:
    """A size as people read it: 512 B, 3.4 KB, 12.0 MB."""
    if size_bytes < 1024:
        return f"{size_bytes} B"
    if size_bytes < MB:
        return f"{size_bytes / 1024:.1f} KB"
    return f"{size_bytes / MB:.1f} MB"


def guess_type(file_name: str) -> str:
    return mimetypes.guess_type(file_name, strict=False)[0] or GENERIC_TYPE


# Adding files.


def add_file(
    session: Session,
    user: CurrentUser,
    customer_id: int,
    path: Path,
    *,
    description: str | None = None,
    tick: Tick | None = None,
) -> AttachmentInfo:
    """Attach the file at `path` to the customer. Its size on disk is checked against the
    limit before a byte is read; it is read in chunks (each reported to `tick`)."""
    customer = _writable_customer(session, user, customer_id)
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    require_within_limit(session, path.name, size)
    content = _read_file(path, session, tick)
    return _add(session, user, customer, path.name, content, guess_type(path.name), description)


def add_bytes(
    session: Session,
    user: CurrentUser,
    customer_id: int,
    file_name: str,
    content: bytes,
    *,
    mime_type: str | None = None,
    description: str | None = None,
) -> AttachmentInfo:
    """Attach `content` under `file_name` (data dropped from another program)."""
    customer = _writable_customer(session, user, customer_id)
    require_within_limit(session, file_name, len(content))
    mime = mime_type or guess_type(file_name)
    return _add(session, user, customer, file_name, content, mime, description)


def _writable_customer(session: Session, user: CurrentUser, customer_id: int) -> Customer:
    user.require("customers", "create")
    customer = session.scalars(
        visible_rows(user, Customer).where(
            Customer.id == customer_id, Customer.deleted_at.is_(None)
        )
    ).one_or_none()
    if customer is None:
        raise ValidationError("customer_missing", field="customer_id")
    return customer


def _read_file(path: Path, session: Session, tick: Tick | None) -> bytes:
    """The file's bytes; refused again if it grew past the limit while being read."""
    limit = size_limit_mb(session) * MB
    chunks: list[bytes] = []
    done = 0
    try:
        with path.open("rb") as file:
            while chunk := file.read(CHUNK):
                done += len(chunk)
                if done > limit:
                    require_within_limit(session, path.name, done)
                chunks.append(chunk)
                if tick is not None:
                    tick(done)
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    return b"".join(chunks)


def _unreadable(path: Path, exc: OSError) -> ValidationError:
    return ValidationError(
        "file_unreadable", field="file_name", path=str(path), reason=exc.strerror or str(exc)
    )


def _add(
    session: Session,
    user: CurrentUser,
    customer: Customer,
    file_name: str,
    content: bytes,
    mime_type: str,
    description: str | None,
) -> AttachmentInfo:
    name = file_name.strip()
    if not name:
        raise ValidationError("required", field="file_name", **_labels(Attachment.file_name))
    row = Attachment(
        customer_id=customer.id,
        file_name=name[:255],
        mime_type=mime_type[:255],
        size_bytes=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        description=(description or "").strip() or None,
        owner_id=customer.owner_id,
        department_id=customer.department_id,
        created_by_id=user.user_id,
        updated_by_id=user.user_id,
    )
    session.add(row)
    flush(session)
    return info(session, user, row.id)


def _labels(attribute: Any) -> dict[str, str]:
    found = attribute.property.columns[0].info["label"]
    return {"label_zh": found.zh, "label_en": found.en}


# Reading.

_ADDED_BY = aliased(Employee)


def _info_statement(user: CurrentUser) -> Any:
    return (
        visible_rows(
            user,
            Attachment,
            select(
                Attachment.id,
                Attachment.version,
                Attachment.customer_id,
                Customer.name,
                Attachment.file_name,
                Attachment.mime_type,
                Attachment.size_bytes,
                Attachment.sha256,
                Attachment.description,
                _ADDED_BY.name,
                Attachment.created_at,
            ),
        )
        .outerjoin(Customer, Customer.id == Attachment.customer_id)
        .outerjoin(User, User.id == Attachment.created_by_id)
        .outerjoin(_ADDED_BY, _ADDED_BY.id == User.employee_id)
    )


def info(session: Session, user: CurrentUser, attachment_id: int) -> AttachmentInfo:
    """One attachment the user sees (in the recycle bin too), without its contents."""
    row = session.execute(_info_statement(user).where(Attachment.id == attachment_id)).one_or_none()
    if row is None:
        raise NotFoundError(table="attachments", id=attachment_id)
    return AttachmentInfo(*row)


def customer_files(session: Session, user: CurrentUser, customer_id: int) -> list[AttachmentInfo]:
    """The customer's live attachments the user sees, newest first, without their contents."""
    found = session.scalar(
        visible_rows(user, Customer, select(Customer.id)).where(Customer.id == customer_id)
    )
    if found is None:
        raise NotFoundError(table="customers", id=customer_id)
    statement = _info_statement(user).where(
        Attachment.customer_id == customer_id, Attachment.deleted_at.is_(None)
    )
    rows = session.execute(statement.order_by(Attachment.created_at.desc(), Attachment.id.desc()))
    return [AttachmentInfo(*row) for row in rows]


def read_content(session: Session, user: CurrentUser, attachment_id: int) -> bytes:
    """The contents of a live attachment the user sees."""
    row = session.scalars(
        visible_rows(user, Attachment).where(
            Attachment.id == attachment_id, Attachment.deleted_at.is_(None)
        )
    ).one_or_none()
    if row is None:
        raise NotFoundError(table="attachments", id=attachment_id)
    return bytes(row.content)


def save_as(
    session: Session,
    user: CurrentUser,
    attachment_id: int,
    target: Path,
    *,
    tick: Tick | None = None,
) -> AttachmentInfo:
    """Write the attachment to `target` (replaced whole, never left half-written)."""
    found = info(session, user, attachment_id)
    content = read_content(session, user, attachment_id)
    target = Path(target)
    partial = target.with_name(f".{target.name}.part")
    try:
        with partial.open("wb") as file:
            for start in range(0, len(content), CHUNK):
                file.write(content[start : start + CHUNK])
                if tick is not None:
                    tick(min(start + CHUNK, len(content)))
        os.replace(partial, target)
    except OSError as exc:
        raise ValidationError(
            "file_unwritable", field="file_name", path=str(target), reason=exc.strerror or str(exc)
        ) from exc
    finally:
        partial.unlink(missing_ok=True)
    return found


# Name and description.
_NOT_IN_FILE_NAMES = set('\\/:*?"<>|')  # what Windows refuses, and folder separators


def describe(
    session: Session,
    user: CurrentUser,
    attachment_id: int,
    version: int,
    file_name: str,
    description: str | None,
) -> AttachmentInfo:
    """Rename an attachment or change its description; its contents stay as they are. The
    name keeps its extension: the file is opened by its program through it."""
    current = records.read(session, user, ATTACHMENTS, attachment_id)
    name = file_name.strip()
    if _NOT_IN_FILE_NAMES & set(name):
        raise ValidationError("file_name_invalid", field="file_name")
    extension = Path(str(current.values["file_name"])).suffix
    if name and Path(name).suffix.lower() != extension.lower():
        raise ValidationError("file_extension_changed", field="file_name", extension=extension)
    values = {**current.values, "file_name": name, "description": (description or "").strip()}
    records.update(session, user, ATTACHMENTS, attachment_id, version, values)
    return info(session, user, attachment_id)


# The recycle bin.


def delete(session: Session, user: CurrentUser, attachment_id: int, version: int) -> None:
    records.delete(session, user, ATTACHMENTS, attachment_id, version)


def restore(session: Session, user: CurrentUser, attachment_id: int) -> RecordValues:
    return records.restore(session, user, ATTACHMENTS, attachment_id)


# The list of every attachment (File management).


def attachment_list_spec() -> ListSpec:
    """Every live customer attachment the user sees: name, customer, type, size, who added
    it and when."""
    added_by = aliased(Employee)
    return ListSpec(
        model=Attachment,
        base=select(Attachment.id)
        .join(Customer, Customer.id == Attachment.customer_id)
        .outerjoin(User, User.id == Attachment.created_by_id)
        .outerjoin(added_by, added_by.id == User.employee_id)
        .where(Customer.deleted_at.is_(None)),
        columns=(
            ListColumn.of(Attachment.file_name),
            ListColumn.of(
                Customer.name,
                key="customer",
                sort=Customer.name_pinyin,
                label=Attachment.customer_id,
            ),
            ListColumn.of(Attachment.mime_type),
            ListColumn.of(Attachment.size_bytes, kind="int"),
            ListColumn.of(added_by.name, key="added_by", label=Label("添加人", "Added by")),
            ListColumn.of(
                Attachment.created_at, kind="datetime", label=Label("添加时间", "Added at")
            ),
        ),
        hidden_columns=(ListColumn.of(Attachment.customer_id, kind="int"),),
    )
