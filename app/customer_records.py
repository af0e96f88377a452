"""What is recorded under a customer (SPEC §3.4, §3.5), as record kinds of app/records.py:
its contact history (客户联系历史), the salesperson log (业务员客户日志), its partners
(伙伴信息), supply and demand (客户供求信息, table 5) and its ads in any medium (客户媒体广告
记录, table 6).

They are customer data: the `customers` module's permissions apply (records.py checks them
by the table, db/permissions.py), each is visible when its customer is (on PostgreSQL by
row-level security), and each needs a live customer the user sees — as CONTACTS does. The
salesperson log is owned by its salesperson, like a customer by its owner.

Panels ask this module for a new record's defaults (`new_record_values`), for the choices
of a lookup field, some of which depend on the customer (`field_options`), and for each
kind's list (`list_spec`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from typing import Any

from sqlalchemy import ColumnElement, case, literal, select
from sqlalchemy.orm import Session

from app import ownership, records
from app.access import CurrentUser, visible_rows
from app.customers import CUSTOMERS, name_holds, require_visible_customer
from app.errors import ValidationError
from app.fields import Choice, FieldSpec, Kind, LookupOption
from app.listing import ListColumn, ListSpec
from app.records import LookupSource, RecordKind, Values
from db.base import Label
from db.models.customers import (
    Contact,
    ContactHistory,
    Customer,
    MediaAdRecord,
    PartnerRelation,
    SalespersonLog,
    SupplyDemandInfo,
)
from db.models.lookups import MediaOutlet
from db.models.org import Employee

__all__ = [
    "CHANNELS",
    "CONTACT_HISTORY",
    "CUSTOMER_RECORD_KINDS",
    "MEDIA_AD_RECORDS",
    "PARTNERS",
    "SALESPERSON_LOGS",
    "SUPPLY_DEMAND",
    "choice_text",
    "contact_options",
    "customer_options",
    "field_options",
    "list_spec",
    "new_record_values",
]

CHANNELS = (
    Choice("phone", "电话", "Phone call"),
    Choice("visit", "拜访", "Visit"),
    Choice("meeting", "会议", "Meeting"),
    Choice("email", "电子邮件", "E-mail"),
    Choice("wechat", "微信", "WeChat"),
    Choice("other", "其他", "Other"),
)
PARTNER_KINDS = (
    Choice("agency", "代理商", "Agency"),
    Choice("supplier", "供应商", "Supplier"),
    Choice("distributor", "经销商", "Distributor"),
    Choice("joint_venture", "合资合作", "Joint venture"),
    Choice("media_partner", "媒体合作", "Media partner"),
    Choice("other", "其他", "Other"),
)
SUPPLY_DEMAND_KINDS = (Choice("supply", "供应", "Supply"), Choice("demand", "需求", "Demand"))
SUPPLY_DEMAND_STATUSES = (Choice("open", "有效", "Open"), Choice("closed", "已关闭", "Closed"))

_EMPLOYEES = CUSTOMERS.lookups["owner_id"]  # employees in service, as owners are chosen


def _media_outlet_text(language: str) -> ColumnElement[Any]:
    """A medium's name, ours marked as such: 北京日报（本公司）."""
    ours = " (ours)" if language.startswith("en") else "（本公司）"
    return MediaOutlet.name + case((MediaOutlet.is_own.is_(True), literal(ours)), else_=literal(""))


# Rules shared by the kinds.


def _require_contact_of_customer(session: Session, values: Values) -> None:
    contact_id = values.get("contact_id")
    if contact_id is None:
        return
    owner = session.scalar(
        select(Contact.customer_id).where(Contact.id == contact_id, Contact.deleted_at.is_(None))
    )
    if owner != values["customer_id"]:
        raise ValidationError("contact_of_other_customer", field="contact_id")


def _in_service() -> tuple[ColumnElement[bool], ...]:
    return () if _EMPLOYEES.where is None else (_EMPLOYEES.where(),)


def _require_employee(session: Session, employee_id: int | None, field: str) -> None:
    found = session.scalar(
        select(Employee.id).where(
            Employee.id == employee_id, Employee.deleted_at.is_(None), *_in_service()
        )
    )
    if found is None:
        raise ValidationError("employee_missing", field=field, id=employee_id)


def _require_end_after_start(values: Values, start: str, end: str) -> None:
    both = values.get(end) is not None and values.get(start) is not None
    if both and values[end] < values[start]:
        raise ValidationError("end_before_start", field=end)


# Contact history.


def _prepare_contact_history(
    session: Session, user: CurrentUser, values: Values, record_id: int | None
) -> None:
    """Under a customer the user sees; a new one by default now, by the user (an edit
    that leaves the staff member out leaves it out: it never becomes the editor)."""
    require_visible_customer(session, user, values["customer_id"])
    if values.get("contacted_at") is None:
        values["contacted_at"] = dt.datetime.now(dt.UTC)
    if values.get("employee_id") is None and record_id is None:
        values["employee_id"] = user.employee_id
    _require_contact_of_customer(session, values)
    if values["employee_id"] is not None:
        _require_employee(session, values["employee_id"], "employee_id")


CONTACT_HISTORY = RecordKind(
    key="contact_history",
    model=ContactHistory,
    fields=(
        FieldSpec.of(ContactHistory.customer_id, Kind.LOOKUP, required=True),
        FieldSpec.of(ContactHistory.contacted_at, Kind.DATETIME),
        FieldSpec.of(ContactHistory.channel, Kind.CHOICE, choices=CHANNELS, required=True),
        FieldSpec.of(ContactHistory.contact_id, Kind.LOOKUP),
        FieldSpec.of(ContactHistory.employee_id, Kind.LOOKUP),
        FieldSpec.of(ContactHistory.subject, required=True),
        FieldSpec.of(ContactHistory.content, Kind.MULTILINE),
        FieldSpec.of(ContactHistory.result, Kind.MULTILINE),
        FieldSpec.of(ContactHistory.next_step, Kind.MULTILINE),
        FieldSpec.of(ContactHistory.follow_up_on),
    ),
    title_field="subject",
    lookups={"employee_id": _EMPLOYEES},
    prepare=_prepare_contact_history,
)


# The salesperson log.


def _prepare_salesperson_log(
    session: Session, user: CurrentUser, values: Values, _record_id: int | None
) -> None:
    """Under a customer the user sees; by default today, by the user. The entry is owned
    by its salesperson: the user, or someone the user may give customers to."""
    require_visible_customer(session, user, values["customer_id"])
    if values.get("log_date") is None:
        values["log_date"] = dt.date.today()
    if values.get("employee_id") is None:
        values["employee_id"] = user.employee_id
    if values["employee_id"] is None:
        raise ValidationError(
            "required", field="employee_id", label_zh="业务员", label_en="Salesperson"
        )
    _require_employee(session, values["employee_id"], "employee_id")
    try:
        department = ownership.require_may_assign(
            session, user, values["employee_id"], for_transfer=False
        )
    except ValidationError as error:
        params = {k: v for k, v in error.params.items() if k != "field"}
        raise ValidationError(error.code, field="employee_id", **params) from error
    values["owner_id"] = values["employee_id"]
    values["department_id"] = department


SALESPERSON_LOGS = RecordKind(
    key="salesperson_logs",
    model=SalespersonLog,
    fields=(
        FieldSpec.of(SalespersonLog.customer_id, Kind.LOOKUP, required=True),
        FieldSpec.of(SalespersonLog.log_date, required=False),
        FieldSpec.of(SalespersonLog.employee_id, Kind.LOOKUP, required=False),
        FieldSpec.of(SalespersonLog.content, Kind.MULTILINE, required=True),
        FieldSpec.of(SalespersonLog.next_plan, Kind.MULTILINE),
        FieldSpec.of(SalespersonLog.hours, min_value=0),
    ),
    title_field="content",
    lookups={"employee_id": _EMPLOYEES},
    prepare=_prepare_salesperson_log,
)


# Partners.


def _prepare_partner(
    session: Session, user: CurrentUser, values: Values, _record_id: int | None
) -> None:
    """Two customers the user sees, not the same one."""
    require_visible_customer(session, user, values["customer_id"])
    if values["partner_customer_id"] == values["customer_id"]:
        raise ValidationError("own_partner", field="partner_customer_id")
    require_visible_customer(session, user, values["partner_customer_id"], "partner_customer_id")


PARTNERS = RecordKind(
    key="partner_relations",
    model=PartnerRelation,
    fields=(
        FieldSpec.of(PartnerRelation.customer_id, Kind.LOOKUP, required=True),
        FieldSpec.of(PartnerRelation.partner_customer_id, Kind.LOOKUP, required=True),
        FieldSpec.of(PartnerRelation.kind, Kind.CHOICE, choices=PARTNER_KINDS, required=True),
        FieldSpec.of(PartnerRelation.since),
        FieldSpec.of(PartnerRelation.notes, Kind.MULTILINE),
    ),
    title_field="kind",
    prepare=_prepare_partner,
)


# Supply and demand (table 5).


def _prepare_supply_demand(
    session: Session, user: CurrentUser, values: Values, _record_id: int | None
) -> None:
    require_visible_customer(session, user, values["customer_id"])
    if values.get("status") is None:
        values["status"] = "open"
    _require_contact_of_customer(session, values)


SUPPLY_DEMAND = RecordKind(
    key="supply_demand",
    model=SupplyDemandInfo,
    fields=(
        FieldSpec.of(SupplyDemandInfo.customer_id, Kind.LOOKUP, required=True),
        FieldSpec.of(
            SupplyDemandInfo.kind, Kind.CHOICE, choices=SUPPLY_DEMAND_KINDS, required=True
        ),
        FieldSpec.of(SupplyDemandInfo.title, required=True),
        FieldSpec.of(SupplyDemandInfo.description, Kind.MULTILINE),
        FieldSpec.of(SupplyDemandInfo.quantity),
        FieldSpec.of(SupplyDemandInfo.valid_until),
        FieldSpec.of(SupplyDemandInfo.contact_id, Kind.LOOKUP),
        FieldSpec.of(SupplyDemandInfo.status, Kind.CHOICE, choices=SUPPLY_DEMAND_STATUSES),
    ),
    title_field="title",
    prepare=_prepare_supply_demand,
)


# Media advertising records (table 6).


def _prepare_media_ad(
    session: Session, user: CurrentUser, values: Values, _record_id: int | None
) -> None:
    require_visible_customer(session, user, values["customer_id"])
    if values.get("frequency") is None:
        values["frequency"] = 1
    _require_end_after_start(values, "ad_date", "end_date")


MEDIA_AD_RECORDS = RecordKind(
    key="media_ad_records",
    model=MediaAdRecord,
    fields=(
        FieldSpec.of(MediaAdRecord.customer_id, Kind.LOOKUP, required=True),
        FieldSpec.of(MediaAdRecord.media_outlet_id, Kind.LOOKUP, required=True),
        FieldSpec.of(MediaAdRecord.ad_date, required=True),
        FieldSpec.of(MediaAdRecord.end_date),
        FieldSpec.of(MediaAdRecord.ad_format),
        FieldSpec.of(MediaAdRecord.position),
        FieldSpec.of(MediaAdRecord.frequency, min_value=1),
        FieldSpec.of(MediaAdRecord.estimated_spend, Kind.MONEY, min_value=0),
        FieldSpec.of(MediaAdRecord.info_source),
        FieldSpec.of(MediaAdRecord.notes, Kind.MULTILINE),
    ),
    title_field="ad_format",
    lookups={
        "media_outlet_id": LookupSource(MediaOutlet, _media_outlet_text, MediaOutlet.name_pinyin)
    },
    prepare=_prepare_media_ad,
)

CUSTOMER_RECORD_KINDS = (
    CONTACT_HISTORY,
    SALESPERSON_LOGS,
    PARTNERS,
    SUPPLY_DEMAND,
    MEDIA_AD_RECORDS,
)


# Defaults and choices for the forms.


def _now_by_user(user: CurrentUser) -> Values:
    return {"contacted_at": dt.datetime.now(dt.UTC), "employee_id": user.employee_id}


def _today_by_user(user: CurrentUser) -> Values:
    return {"log_date": dt.date.today(), "employee_id": user.employee_id}


_DEFAULTS: dict[str, Callable[[CurrentUser], Values]] = {
    CONTACT_HISTORY.key: _now_by_user,
    SALESPERSON_LOGS.key: _today_by_user,
    MEDIA_AD_RECORDS.key: lambda _user: {"ad_date": dt.date.today()},
}


def new_record_values(user: CurrentUser, kind: RecordKind) -> Values:
    """What a new record's form starts with: its columns' defaults, and the moment and the
    user where the kind records who and when (a contact now, by the user)."""
    values = records.new_values(kind)
    found = _DEFAULTS.get(kind.key)
    if found is not None:
        values.update(found(user))
    return values


# A pick list of customers is searched as the user types, never read whole: a decision
# maker sees every customer, a million of them.
CUSTOMER_OPTIONS_LIMIT = 50


def customer_options(
    session: Session,
    user: CurrentUser,
    *,
    leave_out: int | None = None,
    text: str = "",
    keep: Collection[int | None] = (),
    limit: int = CUSTOMER_OPTIONS_LIMIT,
) -> list[LookupOption]:
    """The first `limit` live customers `user` sees that `text` finds (all, without text),
    by pinyin, and the customers in `keep` (the values on screen) whatever the text."""
    columns = select(Customer.id, Customer.name, Customer.mnemonic, Customer.name_pinyin)
    live = visible_rows(user, Customer, columns).where(Customer.deleted_at.is_(None))
    if leave_out is not None:
        live = live.where(Customer.id != leave_out)
    found = live.where(name_holds(text)) if text.strip() else live
    rows = list(session.execute(found.order_by(Customer.name_pinyin, Customer.id).limit(limit)))
    missing = {ident for ident in keep if ident is not None} - {row[0] for row in rows}
    if missing:
        rows += session.execute(live.where(Customer.id.in_(missing)))
    return [
        LookupOption(id_, name, f"{mnemonic or ''} {pinyin or ''}".lower())
        for id_, name, mnemonic, pinyin in rows
    ]


def contact_options(
    session: Session, user: CurrentUser, customer_id: int | None
) -> list[LookupOption]:
    """The live contacts of the customer, by pinyin."""
    if customer_id is None:
        return []
    rows = session.execute(
        visible_rows(
            user, Contact, select(Contact.id, Contact.name, Contact.mnemonic, Contact.name_pinyin)
        )
        .where(Contact.customer_id == customer_id, Contact.deleted_at.is_(None))
        .order_by(Contact.name_pinyin, Contact.id)
    )
    return [
        LookupOption(id_, name, f"{mnemonic or ''} {pinyin or ''}".lower())
        for id_, name, mnemonic, pinyin in rows
    ]


CUSTOMER_KEYS = ("customer_id", "partner_customer_id")  # searched: see customer_options


def field_options(
    session: Session,
    user: CurrentUser,
    kind: RecordKind,
    key: str,
    language: str,
    customer_id: int | None = None,
    *,
    text: str = "",
    keep: Collection[int | None] = (),
) -> list[LookupOption]:
    """The choices of the lookup field `key` of a record under `customer_id`: that
    customer's contacts, customers the user sees that `text` finds with those in `keep` (a
    partner: other than this one), or the kind's own lookup list."""
    if key == "contact_id":
        return contact_options(session, user, customer_id)
    if key == "customer_id":
        return customer_options(session, user, text=text, keep=keep)
    if key == "partner_customer_id":
        return customer_options(session, user, leave_out=customer_id, text=text, keep=keep)
    return records.lookup_options(session, kind, key, language)


def lookup_keys(kind: RecordKind) -> tuple[str, ...]:
    """The kind's lookup fields, in the form's order."""
    return tuple(spec.key for spec in kind.fields if spec.kind is Kind.LOOKUP)


# Lists.


def choice_text(spec: FieldSpec, column: Any, language: str) -> ColumnElement[Any]:
    """A choice column shown by its words in `language` (SQL, for a list)."""
    return case(
        {choice.code: choice.text(language) for choice in spec.choices},
        value=column,
        else_=column,
    )


def _choice_column(kind: RecordKind, column: Any, language: str) -> ListColumn:
    spec = kind.spec(column.key)
    return ListColumn.of(
        choice_text(spec, column, language).label(f"{column.key}_text"),
        key=column.key,
        label=Label(spec.label_zh, spec.label_en),
        sort=column,
    )


def list_spec(kind: RecordKind, language: str, *, with_customer: bool = False) -> ListSpec:
    """The list of a kind: under one customer (filter it by the hidden `customer_id`), or
    over all customers with the customer's name first."""
    model: Any = kind.model
    customer_columns: tuple[ListColumn, ...] = ()
    base = select(model.id)
    if with_customer:
        # An alias: the visibility rule's EXISTS over customers must not correlate with it.
        customer = Customer.__table__.alias("customer")
        customer_columns = (
            ListColumn.of(
                customer.c.name,
                key="customer",
                label=model.customer_id,
                sort=customer.c.name_pinyin,
            ),
        )
        base = base.join(customer, customer.c.id == model.customer_id)
    columns, base = _columns(kind, language, base)
    return ListSpec(
        model,
        (*customer_columns, *columns),
        base=base,
        hidden_columns=(ListColumn.of(model.customer_id, kind="int"),),
    )


def _columns(kind: RecordKind, language: str, base: Any) -> tuple[tuple[ListColumn, ...], Any]:
    if kind is CONTACT_HISTORY:
        return (
            ListColumn.of(ContactHistory.contacted_at, kind="datetime"),
            _choice_column(kind, ContactHistory.channel, language),
            ListColumn.of(Contact.name, key="contact", label=ContactHistory.contact_id),
            ListColumn.of(ContactHistory.subject),
            ListColumn.of(Employee.name, key="staff", label=ContactHistory.employee_id),
            ListColumn.of(ContactHistory.follow_up_on, kind="date"),
        ), base.outerjoin(Contact, Contact.id == ContactHistory.contact_id).outerjoin(
            Employee, Employee.id == ContactHistory.employee_id
        )
    if kind is SALESPERSON_LOGS:
        return (
            ListColumn.of(SalespersonLog.log_date, kind="date"),
            ListColumn.of(Employee.name, key="salesperson", label=SalespersonLog.employee_id),
            ListColumn.of(SalespersonLog.content),
            ListColumn.of(SalespersonLog.next_plan),
            ListColumn.of(SalespersonLog.hours, kind="money"),
        ), base.join(Employee, Employee.id == SalespersonLog.employee_id)
    if kind is PARTNERS:
        partner = Customer.__table__.alias("partner")
        return (
            ListColumn.of(
                partner.c.name,
                key="partner",
                label=PartnerRelation.partner_customer_id,
                sort=partner.c.name_pinyin,
            ),
            _choice_column(kind, PartnerRelation.kind, language),
            ListColumn.of(PartnerRelation.since, kind="date"),
            ListColumn.of(PartnerRelation.notes),
        ), base.join(partner, partner.c.id == PartnerRelation.partner_customer_id)
    if kind is SUPPLY_DEMAND:
        return (
            _choice_column(kind, SupplyDemandInfo.kind, language),
            ListColumn.of(SupplyDemandInfo.title),
            ListColumn.of(SupplyDemandInfo.quantity),
            ListColumn.of(SupplyDemandInfo.valid_until, kind="date"),
            _choice_column(kind, SupplyDemandInfo.status, language),
        ), base
    if kind is MEDIA_AD_RECORDS:
        return (
            ListColumn.of(
                _media_outlet_text(language).label("medium"),
                key="medium",
                label=MediaAdRecord.media_outlet_id,
                sort=MediaOutlet.name_pinyin,
            ),
            ListColumn.of(MediaAdRecord.ad_date, kind="date"),
            ListColumn.of(MediaAdRecord.ad_format),
            ListColumn.of(MediaAdRecord.position),
            ListColumn.of(MediaAdRecord.frequency, kind="int"),
            ListColumn.of(MediaAdRecord.estimated_spend, kind="money"),
            ListColumn.of(MediaAdRecord.info_source),
        ), base.join(MediaOutlet, MediaOutlet.id == MediaAdRecord.media_outlet_id)
    raise KeyError(kind.key)
