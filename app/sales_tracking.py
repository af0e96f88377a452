"""Sales tracking (销售跟踪, SPEC §3.9): each customer's step of the eight-step sales process,
changed with a date and a note, every change kept as a `SalesStageChange`.

Changing the step is an edit of the customer: it needs `customers`/`edit`, a live customer
the user sees (on PostgreSQL row-level security refuses it again), and the version of the
customer the user read, so that a change made on a stale screen is refused. The audit trail
records the customer's new step and the change row through the database's triggers, with
the acting user, as for a hand-over (app/ownership.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import records
from app.access import CurrentUser, visible_rows
from app.customers import CUSTOMERS
from app.errors import NotFoundError, ValidationError
from app.records import StaleRecordError
from app.saving import flush
from db.models.customers import Customer, SalesStageChange
from db.models.lookups import SalesStage
from db.models.org import Employee


@dataclass(frozen=True)
class Stage:
    """One step of the sales process."""

    id: int
    step: int
    code: str
    name_zh: str
    name_en: str | None
    probability: int

    def name(self, language: str) -> str:
        english = language.startswith("en")
        return (self.name_en or self.name_zh) if english else self.name_zh


@dataclass(frozen=True)
class StageChange:
    """One change of a customer's step, as the history shows it."""

    id: int
    customer_id: int
    changed_on: dt.date
    from_stage_id: int | None
    to_stage_id: int
    staff: str | None  # the employee who made the change
    note: str | None
    recorded_at: dt.datetime


@dataclass(frozen=True)
class StageChanged:
    """What `change_stage` did: the change written and the customer's new version."""

    change_id: int
    customer_id: int
    stage_id: int
    customer_version: int


def stages(session: Session) -> list[Stage]:
    """The live steps of the sales process, in their order."""
    rows = session.scalars(
        select(SalesStage).where(SalesStage.deleted_at.is_(None)).order_by(SalesStage.step)
    )
    return [
        Stage(row.id, row.step, row.code, row.name_zh, row.name_en, row.probability) for row in rows
    ]


def current_stage(session: Session, user: CurrentUser, customer_id: int) -> tuple[int | None, int]:
    """The customer's step (None: not yet on the way) and the version read with it."""
    row = _live_customer(session, user, customer_id)
    return row.sales_stage_id, row.version


def change_stage(
    session: Session,
    user: CurrentUser,
    customer_id: int,
    to_stage_id: int,
    changed_on: dt.date | None,
    note: str | None = None,
    *,
    version: int,
    today: dt.date | None = None,
) -> StageChanged:
    """Move the customer, read by the user at `version`, to `to_stage_id` on `changed_on`.

    Refused: no permission to edit customers, a customer the user does not see or that is
    in the recycle bin, a stale version (StaleRecordError with the customer as it stands),
    an unknown step, the step it already is at, a date in the future or before its last
    change (the history stays in the order it happened)."""
    user.require("customers", "edit")
    customer = _live_customer(session, user, customer_id)
    if customer.version != version:
        raise StaleRecordError(records.read(session, user, CUSTOMERS, customer_id))
    _require_stage(session, to_stage_id)
    if customer.sales_stage_id == to_stage_id:
        raise ValidationError("stage_unchanged", field="to_stage_id")
    _require_date(session, customer_id, changed_on, today or dt.date.today())
    assert changed_on is not None
    change = SalesStageChange(
        customer_id=customer_id,
        from_stage_id=customer.sales_stage_id,
        to_stage_id=to_stage_id,
        changed_on=changed_on,
        employee_id=user.employee_id,
        note=(note or "").strip() or None,
        created_by_id=user.user_id,
        updated_by_id=user.user_id,
    )
    session.add(change)
    customer.sales_stage_id = to_stage_id
    customer.updated_by_id = user.user_id
    flush(session)
    return StageChanged(change.id, customer_id, to_stage_id, customer.version)


def history(session: Session, user: CurrentUser, customer_id: int) -> list[StageChange]:
    """The customer's changes of step, newest first, with who made them and their notes."""
    _visible_customer(session, user, customer_id)
    statement = (
        visible_rows(
            user,
            SalesStageChange,
            select(
                SalesStageChange.id,
                SalesStageChange.customer_id,
                SalesStageChange.changed_on,
                SalesStageChange.from_stage_id,
                SalesStageChange.to_stage_id,
                Employee.name,
                SalesStageChange.note,
                SalesStageChange.created_at,
            ),
        )
        .outerjoin(Employee, Employee.id == SalesStageChange.employee_id)
        .where(
            SalesStageChange.customer_id == customer_id,
            SalesStageChange.deleted_at.is_(None),
        )
        .order_by(SalesStageChange.changed_on.desc(), SalesStageChange.id.desc())
    )
    return [StageChange(*row) for row in session.execute(statement)]


def stage_counts(session: Session, user: CurrentUser) -> dict[int | None, int]:
    """How many live customers the user sees are at each step (None: at none yet)."""
    statement = (
        visible_rows(user, Customer, select(Customer.sales_stage_id, func.count()))
        .where(Customer.deleted_at.is_(None))
        .group_by(Customer.sales_stage_id)
    )
    return {stage_id: int(count) for stage_id, count in session.execute(statement)}


def stage_names(session: Session, language: str) -> dict[int, str]:
    """Every step's name in `language`, by id (for lists that show a change's steps)."""
    return {stage.id: stage.name(language) for stage in stages(session)}


def _visible_customer(session: Session, user: CurrentUser, customer_id: int) -> Customer:
    row = session.scalars(
        visible_rows(user, Customer).where(Customer.id == customer_id)
    ).one_or_none()
    if row is None:
        raise NotFoundError(table="customers", id=customer_id)
    return row


def _live_customer(session: Session, user: CurrentUser, customer_id: int) -> Customer:
    row = _visible_customer(session, user, customer_id)
    if row.deleted_at is not None:
        raise NotFoundError(table="customers", id=customer_id)
    return row


def _require_stage(session: Session, stage_id: int | None) -> None:
    found = session.scalar(
        select(SalesStage.id).where(SalesStage.id == stage_id, SalesStage.deleted_at.is_(None))
    )
    if found is None:
        raise ValidationError("stage_unknown", field="to_stage_id")


def _require_date(
    session: Session, customer_id: int, changed_on: dt.date | None, today: dt.date
) -> None:
    if changed_on is None:
        raise ValidationError("stage_date_required", field="changed_on")
    if changed_on > today:
        raise ValidationError("stage_date_in_future", field="changed_on", date=changed_on)
    last = session.scalar(
        select(func.max(SalesStageChange.changed_on)).where(
            SalesStageChange.customer_id == customer_id,
            SalesStageChange.deleted_at.is_(None),
        )
    )
    if last is not None and changed_on < last:
        raise ValidationError("stage_date_before_last", field="changed_on", last=last)
