"""Task management and daily work: campaigns, tasks, opportunities, messages, logs, expenses."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, OwnedMixin, Record, label, live_unique, one_of, table_label
from db.types import Money

CAMPAIGN_KINDS = (
    "email",
    "event",
    "telemarketing",
    "print_ad",
    "online_ad",
    "exhibition",
    "other",
)
CAMPAIGN_STATUSES = ("planned", "active", "completed", "cancelled")
CAMPAIGN_MEMBER_STATUSES = ("targeted", "contacted", "responded", "converted", "opted_out")
TASK_KINDS = ("call", "visit", "email", "meeting", "follow_up", "todo", "other")
TASK_PRIORITIES = ("low", "normal", "high", "urgent")
TASK_STATUSES = ("new", "accepted", "in_progress", "done", "cancelled")
TASK_SOURCES = ("direct", "campaign", "complaint")
OPPORTUNITY_STATUSES = ("open", "won", "lost", "abandoned")
MESSAGE_KINDS = ("message", "notice", "system", "email_in", "email_out")
LOG_CATEGORIES = ("visit", "call", "meeting", "admin", "travel", "other")
EXPENSE_CATEGORIES = ("travel", "entertainment", "gift", "advertising", "event", "office", "other")
EXPENSE_STATUSES = ("draft", "submitted", "approved", "rejected", "paid")


class MarketingCampaign(Base, Record, OwnedMixin):
    """Marketing campaigns (企业市场活动表, table 13)."""

    __tablename__ = "marketing_campaigns"
    __table_args__ = (
        CheckConstraint(one_of("kind", CAMPAIGN_KINDS), name="kind_known"),
        CheckConstraint(one_of("status", CAMPAIGN_STATUSES), name="status_known"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),
        CheckConstraint("end_date >= start_date", name="end_after_start"),
        CheckConstraint("budget >= 0", name="budget_positive"),
        CheckConstraint("actual_cost >= 0", name="actual_cost_positive"),
        CheckConstraint("expected_revenue >= 0", name="expected_revenue_positive"),
        table_label("市场活动", "Marketing campaign"),
    )

    name: Mapped[str] = mapped_column(String(200), index=True, info=label("活动名称", "Name"))
    kind: Mapped[str] = mapped_column(String(20), index=True, info=label("活动类型", "Kind"))
    status: Mapped[str] = mapped_column(
        String(20),
        default="planned",
        server_default="planned",
        index=True,
        info=label("状态", "Status"),
    )
    start_date: Mapped[dt.date | None] = mapped_column(
        Date, index=True, info=label("开始日期", "Start date")
    )
    end_date: Mapped[dt.date | None] = mapped_column(Date, info=label("结束日期", "End date"))
    budget: Mapped[Decimal | None] = mapped_column(Money(), info=label("预算", "Budget"))
    actual_cost: Mapped[Decimal | None] = mapped_column(
        Money(), info=label("实际费用", "Actual cost")
    )
    expected_revenue: Mapped[Decimal | None] = mapped_column(
        Money(), info=label("预期收入", "Expected revenue")
    )
    target_description: Mapped[str | None] = mapped_column(
        Text, info=label("目标客户说明", "Target audience")
    )
    saved_query_id: Mapped[int | None] = mapped_column(
        ForeignKey("saved_queries.id", ondelete="SET NULL"),
        index=True,
        info=label("目标客户查询", "Target list query"),
    )
    notes: Mapped[str | None] = mapped_column(Text, info=label("备注", "Notes"))


class CampaignMember(Base, Record):
    """The customers and contacts a campaign targets (市场活动对象), with their response."""

    __tablename__ = "campaign_members"
    __table_args__ = (
        live_unique("campaign_members", "campaign_id", "customer_id", "contact_id"),
        # NULLs are distinct in a unique index: a second index keeps one customer-level row.
        Index(
            "uq_campaign_members_campaign_id_customer_id_no_contact_live",
            "campaign_id",
            "customer_id",
            unique=True,
            sqlite_where=text("deleted_at IS NULL AND contact_id IS NULL"),
            postgresql_where=text("deleted_at IS NULL AND contact_id IS NULL"),
        ),
        CheckConstraint(one_of("status", CAMPAIGN_MEMBER_STATUSES), name="status_known"),
        table_label("活动对象", "Campaign member"),
    )

    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("marketing_campaigns.id", ondelete="CASCADE"),
        index=True,
        info=label("市场活动", "Campaign"),
    )
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"),
        index=True,
        info=label("客户", "Customer"),
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"),
        index=True,
        info=label("联系人", "Contact"),
    )
    status: Mapped[str] = mapped_column(
        String(20),
        default="targeted",
        server_default="targeted",
        index=True,
        info=label("状态", "Status"),
    )
    responded_at: Mapped[dt.datetime | None] = mapped_column(info=label("回应时间", "Responded at"))


class Task(Base, Record, OwnedMixin):
    """Tasks (任务信息表, table 15); the owner is the employee the task is assigned to."""

    __tablename__ = "tasks"
    __table_args__ = (
        CheckConstraint("length(trim(title)) > 0", name="title_not_empty"),
        CheckConstraint(one_of("kind", TASK_KINDS), name="kind_known"),
        CheckConstraint(one_of("priority", TASK_PRIORITIES), name="priority_known"),
        CheckConstraint(one_of("status", TASK_STATUSES), name="status_known"),
        CheckConstraint(one_of("source", TASK_SOURCES), name="source_known"),
        CheckConstraint(
            "source <> 'campaign' OR campaign_id IS NOT NULL", name="campaign_source_has_campaign"
        ),
        CheckConstraint(
            "source <> 'complaint' OR complaint_id IS NOT NULL",
            name="complaint_source_has_complaint",
        ),
        CheckConstraint("percent_done BETWEEN 0 AND 100", name="percent_done_range"),
        CheckConstraint("completed_at >= started_at", name="completed_after_started"),
        table_label("任务", "Task"),
    )

    title: Mapped[str] = mapped_column(String(200), info=label("任务主题", "Title"))
    description: Mapped[str | None] = mapped_column(Text, info=label("任务内容", "Description"))
    kind: Mapped[str] = mapped_column(
        String(20), default="todo", server_default="todo", info=label("任务类型", "Kind")
    )
    priority: Mapped[str] = mapped_column(
        String(10),
        default="normal",
        server_default="normal",
        index=True,
        info=label("优先级", "Priority"),
    )
    status: Mapped[str] = mapped_column(
        String(20), default="new", server_default="new", index=True, info=label("状态", "Status")
    )
    source: Mapped[str] = mapped_column(
        String(20), default="direct", server_default="direct", info=label("任务来源", "Source")
    )
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("marketing_campaigns.id", ondelete="RESTRICT"),
        index=True,
        info=label("市场活动", "Campaign"),
    )
    complaint_id: Mapped[int | None] = mapped_column(
        ForeignKey("complaints.id", ondelete="RESTRICT"),
        index=True,
        info=label("客户投诉", "Complaint"),
    )
    customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"),
        index=True,
        info=label("客户", "Customer"),
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"),
        index=True,
        info=label("联系人", "Contact"),
    )
    opportunity_id: Mapped[int | None] = mapped_column(
        ForeignKey("opportunities.id", ondelete="SET NULL"),
        index=True,
        info=label("销售机会", "Opportunity"),
    )
    assigned_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"),
        index=True,
        info=label("派发人", "Assigned by"),
    )
    due_at: Mapped[dt.datetime | None] = mapped_column(index=True, info=label("截止时间", "Due at"))
    remind_at: Mapped[dt.datetime | None] = mapped_column(
        index=True, info=label("提醒时间", "Remind at")
    )
    started_at: Mapped[dt.datetime | None] = mapped_column(info=label("开始时间", "Started at"))
    completed_at: Mapped[dt.datetime | None] = mapped_column(info=label("完成时间", "Completed at"))
    result: Mapped[str | None] = mapped_column(Text, info=label("执行结果", "Result"))
    percent_done: Mapped[int] = mapped_column(
        default=0, server_default="0", info=label("完成百分比", "Percent done")
    )


class Opportunity(Base, Record, OwnedMixin):
    """Sales opportunities (销售机会), moving through the eight sales stages."""

    __tablename__ = "opportunities"
    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),
        CheckConstraint(one_of("status", OPPORTUNITY_STATUSES), name="status_known"),
        CheckConstraint("probability BETWEEN 0 AND 100", name="probability_range"),
        CheckConstraint("expected_amount >= 0", name="expected_amount_positive"),
        table_label("销售机会", "Sales opportunity"),
    )

    name: Mapped[str] = mapped_column(String(200), index=True, info=label("机会名称", "Name"))
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
    stage_id: Mapped[int] = mapped_column(
        ForeignKey("sales_stages.id", ondelete="RESTRICT"),
        index=True,
        info=label("销售阶段", "Stage"),
    )
    expected_amount: Mapped[Decimal | None] = mapped_column(
        Money(), info=label("预计金额", "Expected amount")
    )
    probability: Mapped[int] = mapped_column(
        default=0, server_default="0", info=label("成交概率(%)", "Probability (%)")
    )
    expected_close_on: Mapped[dt.date | None] = mapped_column(
        Date, index=True, info=label("预计成交日期", "Expected close")
    )
    status: Mapped[str] = mapped_column(
        String(20), default="open", server_default="open", index=True, info=label("状态", "Status")
    )
    lost_reason: Mapped[str | None] = mapped_column(
        String(500), info=label("失败原因", "Reason lost")
    )
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("marketing_campaigns.id", ondelete="RESTRICT"),
        index=True,
        info=label("来源活动", "Source campaign"),
    )
    quotation_id: Mapped[int | None] = mapped_column(
        ForeignKey("quotations.id", ondelete="RESTRICT"),
        index=True,
        info=label("报价单", "Quotation"),
    )
    order_id: Mapped[int | None] = mapped_column(
        ForeignKey("ad_orders.id", ondelete="RESTRICT"),
        index=True,
        info=label("广告订单", "Ad order"),
    )
    notes: Mapped[str | None] = mapped_column(Text, info=label("备注", "Notes"))


class Message(Base, Record):
    """Messages, notices and e-mail (信息/留言) of the information manager, threaded."""

    __tablename__ = "messages"
    __table_args__ = (
        CheckConstraint(one_of("kind", MESSAGE_KINDS), name="kind_known"),
        CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_own_parent"),
        CheckConstraint(
            "(related_table IS NULL AND related_id IS NULL)"
            " OR (related_table IS NOT NULL AND related_id IS NOT NULL)",
            name="related_complete",
        ),
        Index("ix_messages_related_table_related_id", "related_table", "related_id"),
        table_label("信息", "Message"),
    )

    sender_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"),
        index=True,
        info=label("发送人", "Sender"),
    )
    subject: Mapped[str] = mapped_column(String(200), info=label("主题", "Subject"))
    body: Mapped[str | None] = mapped_column(Text, info=label("内容", "Body"))
    kind: Mapped[str] = mapped_column(
        String(20),
        default="message",
        server_default="message",
        index=True,
        info=label("信息类型", "Kind"),
    )
    sent_at: Mapped[dt.datetime | None] = mapped_column(
        index=True, info=label("发送时间", "Sent at")
    )
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("messages.id", ondelete="SET NULL"),
        index=True,
        info=label("回复的信息", "In reply to"),
    )
    related_table: Mapped[str | None] = mapped_column(
        String(40), info=label("相关记录类型", "Related record kind")
    )
    related_id: Mapped[int | None] = mapped_column(info=label("相关记录编号", "Related record ID"))
    email_message_id: Mapped[str | None] = mapped_column(
        String(255), index=True, info=label("邮件标识", "E-mail Message-ID")
    )
    email_from: Mapped[str | None] = mapped_column(String(320), info=label("发件人地址", "From"))
    email_to: Mapped[str | None] = mapped_column(Text, info=label("收件人地址", "To"))


class MessageRecipient(Base, Record):
    """Who receives a message (信息收件人), and whether they have read or archived it."""

    __tablename__ = "message_recipients"
    __table_args__ = (
        UniqueConstraint("message_id", "user_id"),
        table_label("信息收件人", "Message recipient"),
    )

    message_id: Mapped[int] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"),
        index=True,
        info=label("信息", "Message"),
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"),
        index=True,
        info=label("收件人", "Recipient"),
    )
    read_at: Mapped[dt.datetime | None] = mapped_column(info=label("阅读时间", "Read at"))
    archived: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false(), info=label("已归档", "Archived")
    )


class BusinessLog(Base, Record, OwnedMixin):
    """The business log (事务日志) of the File menu: an employee's working day, entry by entry."""

    __tablename__ = "business_logs"
    __table_args__ = (
        CheckConstraint(one_of("category", LOG_CATEGORIES), name="category_known"),
        CheckConstraint("end_time >= start_time", name="end_after_start"),
        table_label("事务日志", "Business log"),
    )

    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"),
        index=True,
        info=label("员工", "Employee"),
    )
    log_date: Mapped[dt.date] = mapped_column(Date, index=True, info=label("日期", "Date"))
    start_time: Mapped[dt.time | None] = mapped_column(Time, info=label("开始时间", "From"))
    end_time: Mapped[dt.time | None] = mapped_column(Time, info=label("结束时间", "To"))
    category: Mapped[str] = mapped_column(String(20), index=True, info=label("类别", "Category"))
    customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"),
        index=True,
        info=label("客户", "Customer"),
    )
    subject: Mapped[str] = mapped_column(String(200), info=label("主题", "Subject"))
    content: Mapped[str | None] = mapped_column(Text, info=label("内容", "Content"))
    next_plan: Mapped[str | None] = mapped_column(Text, info=label("下一步计划", "Next steps"))


class Expense(Base, Record, OwnedMixin):
    """Expenses (费用) claimed by employees, for expense analysis."""

    __tablename__ = "expenses"
    __table_args__ = (
        CheckConstraint(one_of("category", EXPENSE_CATEGORIES), name="category_known"),
        CheckConstraint(one_of("status", EXPENSE_STATUSES), name="status_known"),
        CheckConstraint("amount > 0", name="amount_positive"),
        table_label("费用", "Expense"),
    )

    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"),
        index=True,
        info=label("员工", "Employee"),
    )
    expense_date: Mapped[dt.date] = mapped_column(Date, index=True, info=label("费用日期", "Date"))
    category: Mapped[str] = mapped_column(
        String(20), index=True, info=label("费用类别", "Category")
    )
    amount: Mapped[Decimal] = mapped_column(Money(), info=label("金额", "Amount"))
    customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"),
        index=True,
        info=label("客户", "Customer"),
    )
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("marketing_campaigns.id", ondelete="RESTRICT"),
        index=True,
        info=label("市场活动", "Campaign"),
    )
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="RESTRICT"),
        index=True,
        info=label("会展活动", "Event"),
    )
    description: Mapped[str | None] = mapped_column(Text, info=label("说明", "Description"))
    receipt_no: Mapped[str | None] = mapped_column(String(50), info=label("票据号", "Receipt no."))
    status: Mapped[str] = mapped_column(
        String(20),
        default="draft",
        server_default="draft",
        index=True,
        info=label("状态", "Status"),
    )
    approved_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"),
        index=True,
        info=label("审批人", "Approved by"),
    )
    approved_at: Mapped[dt.datetime | None] = mapped_column(info=label("审批时间", "Approved at"))
