"""Conferences and exhibitions, and journal subscriptions: attendance, telephone canvassing
and issue dispatch (SPEC §3.5, data tables 8 and 9)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, String, Text, false, text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, OwnedMixin, Record, check_one_of, label, live_unique, table_label
from db.types import ExactDecimal, Money

EVENT_KINDS = ("conference", "exhibition", "forum", "training", "other")
EVENT_STATUSES = ("planned", "open", "closed", "cancelled")
ATTENDANCE_ROLES = ("exhibitor", "visitor", "speaker", "sponsor")
SUBSCRIPTION_STATUSES = ("active", "expired", "cancelled", "pending")
SUBSCRIPTION_CHANNELS = ("phone", "post_office", "online", "agent", "direct")
CALL_OUTCOMES = ("subscribed", "interested", "call_back", "refused", "no_answer")
DISPATCH_METHODS = ("post", "courier", "hand", "email")
DISPATCH_STATUSES = ("dispatched", "delivered", "returned", "lost")


class Event(Base, Record, OwnedMixin):
    """Conferences, exhibitions and other events we organise (会议/展会)."""

    __tablename__ = "events"
    __table_args__ = (
        check_one_of("kind", EVENT_KINDS),
        check_one_of("status", EVENT_STATUSES),
        CheckConstraint("end_date >= start_date", name="period_order"),
        CheckConstraint("booth_count >= 0", name="booth_count_not_negative"),
        CheckConstraint("booth_price >= 0", name="booth_price_not_negative"),
        CheckConstraint("registration_fee >= 0", name="registration_fee_not_negative"),
        table_label("会议展会", "Event"),
    )

    name: Mapped[str] = mapped_column(String(200), index=True, info=label("名称", "Name"))
    kind: Mapped[str] = mapped_column(String(12), index=True, info=label("类型", "Kind"))
    organiser: Mapped[str | None] = mapped_column(String(120), info=label("主办单位", "Organiser"))
    venue: Mapped[str | None] = mapped_column(String(200), info=label("地点", "Venue"))
    city_id: Mapped[int | None] = mapped_column(
        ForeignKey("cities.id", ondelete="RESTRICT"), index=True, info=label("城市", "City")
    )
    start_date: Mapped[dt.date] = mapped_column(
        Date, index=True, info=label("开始日期", "Start date")
    )
    end_date: Mapped[dt.date] = mapped_column(Date, info=label("结束日期", "End date"))
    booth_count: Mapped[int | None] = mapped_column(info=label("展位数", "Booths"))
    booth_price: Mapped[Decimal | None] = mapped_column(
        Money(), info=label("展位价格", "Booth price")
    )
    registration_fee: Mapped[Decimal | None] = mapped_column(
        Money(), info=label("参会费", "Registration fee")
    )
    status: Mapped[str] = mapped_column(
        String(10),
        default="planned",
        server_default="planned",
        index=True,
        info=label("状态", "Status"),
    )
    notes: Mapped[str | None] = mapped_column(Text, info=label("备注", "Notes"))


class EventAttendance(Base, Record):
    """Customers' conference and exhibition attendance (客户参会记录表, table 8)."""

    __tablename__ = "event_attendances"
    __table_args__ = (
        live_unique("event_attendances", "event_id", "customer_id", "contact_id"),
        # NULLs are distinct in unique indexes: this one covers the customer-level rows.
        Index(
            "uq_event_attendances_event_id_customer_id_live",
            "event_id",
            "customer_id",
            unique=True,
            sqlite_where=text("deleted_at IS NULL AND contact_id IS NULL"),
            postgresql_where=text("deleted_at IS NULL AND contact_id IS NULL"),
        ),
        check_one_of("role", ATTENDANCE_ROLES),
        CheckConstraint("booth_area > 0", name="booth_area_positive"),
        CheckConstraint("fee >= 0", name="fee_not_negative"),
        table_label("参会记录", "Event attendance"),
    )

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), index=True, info=label("会议展会", "Event")
    )
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"),
        index=True,
        info=label("客户", "Customer"),
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"),
        index=True,
        info=label("联系人", "Contact"),
    )
    role: Mapped[str] = mapped_column(
        String(10),
        default="visitor",
        server_default="visitor",
        index=True,
        info=label("参会身份", "Role"),
    )
    booth_no: Mapped[str | None] = mapped_column(String(20), info=label("展位号", "Booth no."))
    booth_area: Mapped[Decimal | None] = mapped_column(
        ExactDecimal(8, 2), info=label("展位面积(㎡)", "Booth area (m²)")
    )
    fee: Mapped[Decimal | None] = mapped_column(Money(), info=label("费用", "Fee"))
    registered_on: Mapped[dt.date | None] = mapped_column(
        Date, index=True, info=label("报名日期", "Registered on")
    )
    attended: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false(), info=label("已出席", "Attended")
    )
    notes: Mapped[str | None] = mapped_column(Text, info=label("备注", "Notes"))


class Subscription(Base, Record, OwnedMixin):
    """Journal subscriptions (期刊订阅) of customers, with where the copies go."""

    __tablename__ = "subscriptions"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="period_order"),
        CheckConstraint("copies > 0", name="copies_positive"),
        CheckConstraint("unit_price >= 0", name="unit_price_not_negative"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
        check_one_of("status", SUBSCRIPTION_STATUSES),
        check_one_of("channel", SUBSCRIPTION_CHANNELS),
        table_label("期刊订阅", "Subscription"),
    )

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"),
        index=True,
        info=label("客户", "Customer"),
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"),
        index=True,
        info=label("收刊联系人", "Recipient contact"),
    )
    publication_id: Mapped[int] = mapped_column(
        ForeignKey("publications.id", ondelete="RESTRICT"),
        index=True,
        info=label("期刊", "Publication"),
    )
    start_date: Mapped[dt.date] = mapped_column(
        Date, index=True, info=label("起订日期", "Start date")
    )
    end_date: Mapped[dt.date] = mapped_column(Date, index=True, info=label("截止日期", "End date"))
    copies: Mapped[int] = mapped_column(default=1, server_default="1", info=label("份数", "Copies"))
    unit_price: Mapped[Decimal] = mapped_column(Money(), info=label("单价", "Unit price"))
    amount: Mapped[Decimal] = mapped_column(Money(), info=label("金额", "Amount"))
    status: Mapped[str] = mapped_column(
        String(10),
        default="pending",
        server_default="pending",
        index=True,
        info=label("状态", "Status"),
    )
    delivery_address: Mapped[str | None] = mapped_column(
        String(300), info=label("投递地址", "Delivery address")
    )
    postal_code: Mapped[str | None] = mapped_column(
        String(10), info=label("邮政编码", "Postal code")
    )
    recipient_name: Mapped[str | None] = mapped_column(
        String(60), info=label("收件人", "Recipient")
    )
    recipient_phone: Mapped[str | None] = mapped_column(
        String(40), info=label("收件人电话", "Recipient phone")
    )
    channel: Mapped[str] = mapped_column(
        String(12),
        default="phone",
        server_default="phone",
        index=True,
        info=label("订阅渠道", "Channel"),
    )
    order_no: Mapped[str | None] = mapped_column(
        String(40), index=True, info=label("订单号", "Order no.")
    )


class SubscriptionCall(Base, Record, OwnedMixin):
    """Telephone subscription canvassing records (电话征订记录, table 9, first half)."""

    __tablename__ = "subscription_calls"
    __table_args__ = (
        check_one_of("outcome", CALL_OUTCOMES),
        table_label("电话征订记录", "Subscription call"),
    )

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"),
        index=True,
        info=label("客户", "Customer"),
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"),
        index=True,
        info=label("联系人", "Contact"),
    )
    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"),
        index=True,
        info=label("征订员", "Caller"),
    )
    called_at: Mapped[dt.datetime] = mapped_column(index=True, info=label("通话时间", "Called at"))
    publication_id: Mapped[int] = mapped_column(
        ForeignKey("publications.id", ondelete="RESTRICT"),
        index=True,
        info=label("期刊", "Publication"),
    )
    outcome: Mapped[str] = mapped_column(String(12), index=True, info=label("结果", "Outcome"))
    call_back_on: Mapped[dt.date | None] = mapped_column(
        Date, index=True, info=label("回访日期", "Call back on")
    )
    notes: Mapped[str | None] = mapped_column(Text, info=label("备注", "Notes"))
    subscription_id: Mapped[int | None] = mapped_column(
        ForeignKey("subscriptions.id", ondelete="SET NULL"),
        index=True,
        info=label("订阅", "Subscription"),
    )


class IssueDispatch(Base, Record):
    """Issue dispatch records (发刊记录, table 9, second half): one issue sent to a subscriber."""

    __tablename__ = "issue_dispatches"
    __table_args__ = (
        live_unique("issue_dispatches", "subscription_id", "publication_issue_id"),
        CheckConstraint("copies > 0", name="copies_positive"),
        check_one_of("method", DISPATCH_METHODS),
        check_one_of("status", DISPATCH_STATUSES),
        table_label("发刊记录", "Issue dispatch"),
    )

    subscription_id: Mapped[int] = mapped_column(
        ForeignKey("subscriptions.id", ondelete="CASCADE"),
        index=True,
        info=label("订阅", "Subscription"),
    )
    publication_issue_id: Mapped[int] = mapped_column(
        ForeignKey("publication_issues.id", ondelete="RESTRICT"),
        index=True,
        info=label("刊期", "Issue"),
    )
    dispatched_on: Mapped[dt.date] = mapped_column(
        Date, index=True, info=label("发刊日期", "Dispatched on")
    )
    copies: Mapped[int] = mapped_column(default=1, server_default="1", info=label("份数", "Copies"))
    method: Mapped[str] = mapped_column(
        String(10), default="post", server_default="post", info=label("寄送方式", "Method")
    )
    tracking_no: Mapped[str | None] = mapped_column(
        String(60), index=True, info=label("运单号", "Tracking no.")
    )
    status: Mapped[str] = mapped_column(
        String(10),
        default="dispatched",
        server_default="dispatched",
        index=True,
        info=label("状态", "Status"),
    )
    notes: Mapped[str | None] = mapped_column(Text, info=label("备注", "Notes"))
