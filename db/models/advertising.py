"""Advertising (事务管理): our periodicals and sites, the rate card, quotations, orders,
their execution, payments and sales targets (SPEC §3.6, data tables 7 and 10)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    String,
    Text,
    column,
    false,
    text,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, OwnedMixin, Record, check_one_of, label, live_unique, table_label
from db.pinyin import PinyinSortedMixin
from db.types import ExactDecimal, Money

FREQUENCIES = ("weekly", "biweekly", "semimonthly", "monthly", "bimonthly", "quarterly")
ISSUE_STATUSES = ("planned", "closed", "published")
MEDIA = ("print", "online")
COLORS = ("colour", "bw", "na")
PRICING_MODELS = ("per_insertion", "per_day", "cpm")
QUOTATION_STATUSES = ("draft", "sent", "accepted", "rejected", "expired")
ORDER_STATUSES = ("draft", "confirmed", "in_progress", "completed", "cancelled")
PLAN_STATUSES = ("planned", "ready", "done", "cancelled")
EXECUTION_STATUSES = ("done", "partial", "failed")
PAYMENT_METHODS = ("bank_transfer", "cash", "cheque", "alipay", "wechat_pay", "other")

QUANTITY = ExactDecimal(12, 2)
PERCENT = ExactDecimal(5, 2)


def _percent_range(name: str) -> CheckConstraint:
    """0 ≤ column ≤ 100, with the bounds in the column's stored form on each database.

    ExactDecimal keeps scaled integers on SQLite, so a literal 100 in hand-written SQL would
    mean 1.00 there; a typed expression renders 100.00 on PostgreSQL and 10000 on SQLite.
    """
    return CheckConstraint(column(name, PERCENT).between(0, 100), name=f"{name}_range")


def _line_checks(table: str, parent: str) -> tuple:
    """Constraints shared by quotation and order lines."""
    return (
        live_unique(table, parent, "line_no"),
        CheckConstraint("line_no > 0", name="line_no_positive"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("unit_price >= 0", name="unit_price_not_negative"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
        _percent_range("discount_pct"),
        CheckConstraint(
            "ad_product_id IS NULL OR ad_service_id IS NULL", name="product_or_service"
        ),
        CheckConstraint("end_date >= start_date", name="period_order"),
    )


class Publication(Base, Record):
    """Our own periodicals (期刊), each one of our media outlets."""

    __tablename__ = "publications"
    __table_args__ = (
        live_unique("publications", "media_outlet_id"),
        check_one_of("frequency", FREQUENCIES),
        CheckConstraint("cover_price >= 0", name="cover_price_not_negative"),
        CheckConstraint(
            "annual_subscription_price >= 0", name="annual_subscription_price_not_negative"
        ),
        CheckConstraint("print_run >= 0", name="print_run_not_negative"),
        table_label("期刊", "Publication"),
    )

    media_outlet_id: Mapped[int] = mapped_column(
        ForeignKey("media_outlets.id", ondelete="RESTRICT"),
        index=True,
        info=label("媒体", "Media outlet"),
    )
    name: Mapped[str] = mapped_column(String(120), index=True, info=label("刊名", "Title"))
    issn: Mapped[str | None] = mapped_column(String(9), info=label("国际标准刊号", "ISSN"))
    cn_number: Mapped[str | None] = mapped_column(
        String(20), info=label("国内统一刊号", "CN number")
    )
    frequency: Mapped[str] = mapped_column(String(12), info=label("出版周期", "Frequency"))
    cover_price: Mapped[Decimal | None] = mapped_column(Money(), info=label("定价", "Cover price"))
    annual_subscription_price: Mapped[Decimal | None] = mapped_column(
        Money(), info=label("全年订价", "Annual subscription price")
    )
    page_size: Mapped[str | None] = mapped_column(String(30), info=label("开本", "Page size"))
    print_run: Mapped[int | None] = mapped_column(info=label("印数", "Print run"))
    active: Mapped[bool] = mapped_column(
        Boolean, default=True, server_default=true(), info=label("启用", "Active")
    )


class PublicationIssue(Base, Record):
    """Issues of a periodical (刊期), e.g. 2026年第11期, with their advertising deadline."""

    __tablename__ = "publication_issues"
    __table_args__ = (
        live_unique("publication_issues", "publication_id", "year", "number"),
        CheckConstraint("year BETWEEN 1900 AND 2999", name="year_plausible"),
        CheckConstraint("number > 0", name="number_positive"),
        CheckConstraint("pages > 0", name="pages_positive"),
        CheckConstraint("ad_closing_date <= publish_date", name="closing_before_publishing"),
        check_one_of("status", ISSUE_STATUSES),
        table_label("刊期", "Issue"),
    )

    publication_id: Mapped[int] = mapped_column(
        ForeignKey("publications.id", ondelete="RESTRICT"),
        index=True,
        info=label("期刊", "Publication"),
    )
    year: Mapped[int] = mapped_column(info=label("年份", "Year"))
    number: Mapped[int] = mapped_column(info=label("期号", "Number"))
    name: Mapped[str] = mapped_column(String(40), info=label("刊期名称", "Issue"))
    publish_date: Mapped[dt.date | None] = mapped_column(
        Date, index=True, info=label("出版日期", "Publication date")
    )
    ad_closing_date: Mapped[dt.date | None] = mapped_column(
        Date, index=True, info=label("广告截稿日期", "Ad closing date")
    )
    pages: Mapped[int | None] = mapped_column(info=label("页数", "Pages"))
    status: Mapped[str] = mapped_column(
        String(10),
        default="planned",
        server_default="planned",
        index=True,
        info=label("状态", "Status"),
    )


class OnlineChannel(Base, Record):
    """Our websites and their channels (网站/频道) that carry online advertising."""

    __tablename__ = "online_channels"
    __table_args__ = (
        live_unique("online_channels", "media_outlet_id", "site_name", "channel_name"),
        CheckConstraint("daily_page_views >= 0", name="daily_page_views_not_negative"),
        table_label("网站频道", "Online channel"),
    )

    media_outlet_id: Mapped[int] = mapped_column(
        ForeignKey("media_outlets.id", ondelete="RESTRICT"),
        index=True,
        info=label("媒体", "Media outlet"),
    )
    site_name: Mapped[str] = mapped_column(String(120), info=label("网站名称", "Site"))
    channel_name: Mapped[str | None] = mapped_column(String(120), info=label("频道名称", "Channel"))
    url: Mapped[str | None] = mapped_column(String(300), info=label("网址", "URL"))
    daily_page_views: Mapped[int | None] = mapped_column(
        info=label("日均浏览量", "Daily page views")
    )
    active: Mapped[bool] = mapped_column(
        Boolean, default=True, server_default=true(), info=label("启用", "Active")
    )


class AdService(Base, Record, PinyinSortedMixin):
    """Advertising services (广告服务表, table 10): design, copywriting, event sponsorship…"""

    __pinyin_source__ = "name"

    __tablename__ = "ad_services"
    __table_args__ = (
        live_unique("ad_services", "code"),
        CheckConstraint("standard_price >= 0", name="standard_price_not_negative"),
        table_label("广告服务", "Advertising service"),
    )

    code: Mapped[str] = mapped_column(String(30), info=label("服务代码", "Code"))
    name: Mapped[str] = mapped_column(String(120), index=True, info=label("服务名称", "Name"))
    description: Mapped[str | None] = mapped_column(Text, info=label("说明", "Description"))
    unit: Mapped[str | None] = mapped_column(String(20), info=label("单位", "Unit"))
    standard_price: Mapped[Decimal | None] = mapped_column(
        Money(), info=label("标准价格", "Standard price")
    )
    active: Mapped[bool] = mapped_column(
        Boolean, default=True, server_default=true(), info=label("启用", "Active")
    )


class AdProduct(Base, Record):
    """The advertising product library (广告产品库): our rate card, print and online."""

    __tablename__ = "ad_products"
    __table_args__ = (
        live_unique("ad_products", "code"),
        check_one_of("medium", MEDIA),
        CheckConstraint(
            "(medium = 'print' AND publication_id IS NOT NULL AND online_channel_id IS NULL)"
            " OR (medium = 'online' AND online_channel_id IS NOT NULL"
            " AND publication_id IS NULL)",
            name="carrier_matches_medium",
        ),
        check_one_of("color", COLORS),
        check_one_of("pricing_model", PRICING_MODELS),
        CheckConstraint("list_price >= 0", name="list_price_not_negative"),
        CheckConstraint("cpm_rate >= 0", name="cpm_rate_not_negative"),
        CheckConstraint("pricing_model <> 'cpm' OR cpm_rate IS NOT NULL", name="cpm_has_rate"),
        CheckConstraint("min_days > 0", name="min_days_positive"),
        CheckConstraint("valid_to >= valid_from", name="validity_order"),
        table_label("广告产品", "Advertising product"),
    )

    code: Mapped[str] = mapped_column(String(30), info=label("产品代码", "Code"))
    name: Mapped[str] = mapped_column(String(120), index=True, info=label("产品名称", "Name"))
    medium: Mapped[str] = mapped_column(String(10), index=True, info=label("媒介", "Medium"))
    publication_id: Mapped[int | None] = mapped_column(
        ForeignKey("publications.id", ondelete="RESTRICT"),
        index=True,
        info=label("期刊", "Publication"),
    )
    online_channel_id: Mapped[int | None] = mapped_column(
        ForeignKey("online_channels.id", ondelete="RESTRICT"),
        index=True,
        info=label("网站频道", "Online channel"),
    )
    position: Mapped[str] = mapped_column(String(40), info=label("广告位置", "Position"))
    size: Mapped[str | None] = mapped_column(String(40), info=label("规格", "Size"))
    color: Mapped[str] = mapped_column(
        String(6), default="na", server_default="na", info=label("色彩", "Colour")
    )
    pricing_model: Mapped[str] = mapped_column(String(15), info=label("计价方式", "Pricing model"))
    list_price: Mapped[Decimal] = mapped_column(Money(), info=label("刊例价", "List price"))
    cpm_rate: Mapped[Decimal | None] = mapped_column(
        Money(), info=label("千次展示价格", "CPM rate")
    )
    min_days: Mapped[int | None] = mapped_column(info=label("最少天数", "Minimum days"))
    active: Mapped[bool] = mapped_column(
        Boolean, default=True, server_default=true(), info=label("启用", "Active")
    )
    valid_from: Mapped[dt.date | None] = mapped_column(Date, info=label("生效日期", "Valid from"))
    valid_to: Mapped[dt.date | None] = mapped_column(Date, info=label("失效日期", "Valid to"))


class Quotation(Base, Record, OwnedMixin):
    """Quotations to customers (报价系统)."""

    __tablename__ = "quotations"
    __table_args__ = (
        live_unique("quotations", "quote_no"),
        CheckConstraint("valid_until >= quote_date", name="validity_order"),
        check_one_of("status", QUOTATION_STATUSES),
        CheckConstraint("length(currency) = 3", name="currency_code"),
        CheckConstraint("subtotal >= 0", name="subtotal_not_negative"),
        CheckConstraint("discount_amount >= 0", name="discount_amount_not_negative"),
        CheckConstraint("total >= 0", name="total_not_negative"),
        table_label("报价单", "Quotation"),
    )

    quote_no: Mapped[str] = mapped_column(String(30), info=label("报价单号", "Quotation no."))
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
    quote_date: Mapped[dt.date] = mapped_column(
        Date, index=True, info=label("报价日期", "Quotation date")
    )
    valid_until: Mapped[dt.date | None] = mapped_column(Date, info=label("有效期至", "Valid until"))
    status: Mapped[str] = mapped_column(
        String(10),
        default="draft",
        server_default="draft",
        index=True,
        info=label("状态", "Status"),
    )
    currency: Mapped[str] = mapped_column(
        String(3), default="CNY", server_default="CNY", info=label("币种", "Currency")
    )
    subtotal: Mapped[Decimal] = mapped_column(
        Money(), default=Decimal(0), server_default="0", info=label("小计", "Subtotal")
    )
    discount_amount: Mapped[Decimal] = mapped_column(
        Money(), default=Decimal(0), server_default="0", info=label("折扣金额", "Discount")
    )
    total: Mapped[Decimal] = mapped_column(
        Money(), default=Decimal(0), server_default="0", info=label("合计", "Total")
    )
    notes: Mapped[str | None] = mapped_column(Text, info=label("备注", "Notes"))


class QuotationLine(Base, Record):
    """Lines of a quotation (报价明细): a product or a service, priced."""

    __tablename__ = "quotation_lines"
    __table_args__ = (
        *_line_checks("quotation_lines", "quotation_id"),
        table_label("报价明细", "Quotation line"),
    )

    quotation_id: Mapped[int] = mapped_column(
        ForeignKey("quotations.id", ondelete="CASCADE"),
        index=True,
        info=label("报价单", "Quotation"),
    )
    line_no: Mapped[int] = mapped_column(info=label("行号", "Line"))
    ad_product_id: Mapped[int | None] = mapped_column(
        ForeignKey("ad_products.id", ondelete="RESTRICT"),
        index=True,
        info=label("广告产品", "Product"),
    )
    ad_service_id: Mapped[int | None] = mapped_column(
        ForeignKey("ad_services.id", ondelete="RESTRICT"),
        index=True,
        info=label("广告服务", "Service"),
    )
    publication_issue_id: Mapped[int | None] = mapped_column(
        ForeignKey("publication_issues.id", ondelete="RESTRICT"),
        index=True,
        info=label("刊期", "Issue"),
    )
    start_date: Mapped[dt.date | None] = mapped_column(Date, info=label("开始日期", "Start date"))
    end_date: Mapped[dt.date | None] = mapped_column(Date, info=label("结束日期", "End date"))
    description: Mapped[str | None] = mapped_column(String(500), info=label("说明", "Description"))
    quantity: Mapped[Decimal] = mapped_column(
        QUANTITY, default=Decimal(1), server_default="1", info=label("数量", "Quantity")
    )
    unit_price: Mapped[Decimal] = mapped_column(Money(), info=label("单价", "Unit price"))
    discount_pct: Mapped[Decimal] = mapped_column(
        PERCENT, default=Decimal(0), server_default="0", info=label("折扣(%)", "Discount (%)")
    )
    amount: Mapped[Decimal] = mapped_column(Money(), info=label("金额", "Amount"))


class AdOrder(Base, Record, OwnedMixin):
    """Advertising orders (广告订单表, table 7), with their contract."""

    __tablename__ = "ad_orders"
    __table_args__ = (
        live_unique("ad_orders", "order_no"),
        check_one_of("status", ORDER_STATUSES),
        CheckConstraint("total_amount >= 0", name="total_amount_not_negative"),
        CheckConstraint("paid_amount >= 0", name="paid_amount_not_negative"),
        table_label("广告订单", "Advertising order"),
    )

    order_no: Mapped[str] = mapped_column(String(30), info=label("订单号", "Order no."))
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
    quotation_id: Mapped[int | None] = mapped_column(
        ForeignKey("quotations.id", ondelete="SET NULL"),
        index=True,
        info=label("报价单", "Quotation"),
    )
    order_date: Mapped[dt.date] = mapped_column(
        Date, index=True, info=label("订单日期", "Order date")
    )
    status: Mapped[str] = mapped_column(
        String(12),
        default="draft",
        server_default="draft",
        index=True,
        info=label("状态", "Status"),
    )
    total_amount: Mapped[Decimal] = mapped_column(
        Money(), default=Decimal(0), server_default="0", info=label("订单金额", "Total")
    )
    paid_amount: Mapped[Decimal] = mapped_column(
        Money(), default=Decimal(0), server_default="0", info=label("已收金额", "Paid")
    )
    contract_no: Mapped[str | None] = mapped_column(
        String(40), index=True, info=label("合同号", "Contract no.")
    )
    signed_on: Mapped[dt.date | None] = mapped_column(Date, info=label("签约日期", "Signed on"))
    payment_terms: Mapped[str | None] = mapped_column(
        String(200), info=label("付款条件", "Payment terms")
    )
    notes: Mapped[str | None] = mapped_column(Text, info=label("备注", "Notes"))


class AdOrderLine(Base, Record):
    """Lines of an advertising order (订单明细): print insertions or an online period."""

    __tablename__ = "ad_order_lines"
    __table_args__ = (
        *_line_checks("ad_order_lines", "order_id"),
        CheckConstraint("impressions > 0", name="impressions_positive"),
        CheckConstraint("insertions > 0", name="insertions_positive"),
        table_label("订单明细", "Order line"),
    )

    order_id: Mapped[int] = mapped_column(
        ForeignKey("ad_orders.id", ondelete="CASCADE"),
        index=True,
        info=label("订单", "Order"),
    )
    line_no: Mapped[int] = mapped_column(info=label("行号", "Line"))
    ad_product_id: Mapped[int | None] = mapped_column(
        ForeignKey("ad_products.id", ondelete="RESTRICT"),
        index=True,
        info=label("广告产品", "Product"),
    )
    ad_service_id: Mapped[int | None] = mapped_column(
        ForeignKey("ad_services.id", ondelete="RESTRICT"),
        index=True,
        info=label("广告服务", "Service"),
    )
    publication_issue_id: Mapped[int | None] = mapped_column(
        ForeignKey("publication_issues.id", ondelete="RESTRICT"),
        index=True,
        info=label("刊期", "Issue"),
    )
    start_date: Mapped[dt.date | None] = mapped_column(
        Date, index=True, info=label("开始日期", "Start date")
    )
    end_date: Mapped[dt.date | None] = mapped_column(
        Date, index=True, info=label("结束日期", "End date")
    )
    impressions: Mapped[int | None] = mapped_column(
        BigInteger, info=label("展示次数", "Impressions")
    )
    insertions: Mapped[int | None] = mapped_column(info=label("刊登次数", "Insertions"))
    description: Mapped[str | None] = mapped_column(String(500), info=label("说明", "Description"))
    quantity: Mapped[Decimal] = mapped_column(
        QUANTITY, default=Decimal(1), server_default="1", info=label("数量", "Quantity")
    )
    unit_price: Mapped[Decimal] = mapped_column(Money(), info=label("单价", "Unit price"))
    discount_pct: Mapped[Decimal] = mapped_column(
        PERCENT, default=Decimal(0), server_default="0", info=label("折扣(%)", "Discount (%)")
    )
    amount: Mapped[Decimal] = mapped_column(Money(), info=label("金额", "Amount"))


class ExecutionPlan(Base, Record):
    """Execution plans of order lines (执行计划): what runs when, and the material it needs."""

    __tablename__ = "execution_plans"
    __table_args__ = (
        check_one_of("status", PLAN_STATUSES),
        table_label("执行计划", "Execution plan"),
    )

    order_line_id: Mapped[int] = mapped_column(
        ForeignKey("ad_order_lines.id", ondelete="CASCADE"),
        index=True,
        info=label("订单明细", "Order line"),
    )
    planned_date: Mapped[dt.date] = mapped_column(
        Date, index=True, info=label("计划日期", "Planned date")
    )
    publication_issue_id: Mapped[int | None] = mapped_column(
        ForeignKey("publication_issues.id", ondelete="RESTRICT"),
        index=True,
        info=label("刊期", "Issue"),
    )
    description: Mapped[str | None] = mapped_column(Text, info=label("内容", "Description"))
    material_due_on: Mapped[dt.date | None] = mapped_column(
        Date, index=True, info=label("交稿期限", "Material due")
    )
    material_received: Mapped[bool] = mapped_column(
        Boolean,
        default=False,
        server_default=false(),
        info=label("已收稿", "Material received"),
    )
    status: Mapped[str] = mapped_column(
        String(10),
        default="planned",
        server_default="planned",
        index=True,
        info=label("状态", "Status"),
    )
    employee_id: Mapped[int | None] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"),
        index=True,
        info=label("负责人", "Responsible"),
    )


class Execution(Base, Record):
    """Order execution records (订单执行): an ad that ran, with its proof."""

    __tablename__ = "executions"
    __table_args__ = (
        CheckConstraint("page_no > 0", name="page_no_positive"),
        CheckConstraint("impressions_delivered >= 0", name="impressions_delivered_not_negative"),
        CheckConstraint("clicks >= 0", name="clicks_not_negative"),
        check_one_of("status", EXECUTION_STATUSES),
        table_label("订单执行", "Execution"),
    )

    execution_plan_id: Mapped[int | None] = mapped_column(
        ForeignKey("execution_plans.id", ondelete="SET NULL"),
        index=True,
        info=label("执行计划", "Execution plan"),
    )
    order_line_id: Mapped[int] = mapped_column(
        ForeignKey("ad_order_lines.id", ondelete="RESTRICT"),
        index=True,
        info=label("订单明细", "Order line"),
    )
    executed_on: Mapped[dt.date] = mapped_column(
        Date, index=True, info=label("执行日期", "Executed on")
    )
    publication_issue_id: Mapped[int | None] = mapped_column(
        ForeignKey("publication_issues.id", ondelete="RESTRICT"),
        index=True,
        info=label("刊期", "Issue"),
    )
    page_no: Mapped[int | None] = mapped_column(info=label("页码", "Page"))
    impressions_delivered: Mapped[int | None] = mapped_column(
        BigInteger, info=label("实际展示次数", "Impressions delivered")
    )
    clicks: Mapped[int | None] = mapped_column(BigInteger, info=label("点击次数", "Clicks"))
    proof: Mapped[str | None] = mapped_column(
        String(500), info=label("样刊/截图", "Proof (tear sheet / screenshot)")
    )
    employee_id: Mapped[int | None] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"),
        index=True,
        info=label("执行人", "Executed by"),
    )
    notes: Mapped[str | None] = mapped_column(Text, info=label("备注", "Notes"))
    status: Mapped[str] = mapped_column(
        String(10),
        default="done",
        server_default="done",
        index=True,
        info=label("状态", "Status"),
    )


class Payment(Base, Record, OwnedMixin):
    """Payment records (收款记录) against advertising orders, with their invoice."""

    __tablename__ = "payments"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        check_one_of("method", PAYMENT_METHODS),
        table_label("收款记录", "Payment"),
    )

    order_id: Mapped[int] = mapped_column(
        ForeignKey("ad_orders.id", ondelete="RESTRICT"),
        index=True,
        info=label("订单", "Order"),
    )
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"),
        index=True,
        info=label("客户", "Customer"),
    )
    received_on: Mapped[dt.date] = mapped_column(
        Date, index=True, info=label("收款日期", "Received on")
    )
    amount: Mapped[Decimal] = mapped_column(Money(), info=label("金额", "Amount"))
    method: Mapped[str] = mapped_column(
        String(15),
        default="bank_transfer",
        server_default="bank_transfer",
        index=True,
        info=label("付款方式", "Method"),
    )
    reference_no: Mapped[str | None] = mapped_column(
        String(60), info=label("流水号", "Reference no.")
    )
    invoice_no: Mapped[str | None] = mapped_column(
        String(40), index=True, info=label("发票号", "Invoice no.")
    )
    invoice_date: Mapped[dt.date | None] = mapped_column(
        Date, info=label("开票日期", "Invoice date")
    )
    received_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"),
        index=True,
        info=label("收款人", "Received by"),
    )
    notes: Mapped[str | None] = mapped_column(Text, info=label("备注", "Notes"))


class SalesTarget(Base, Record):
    """Sales targets (销售目标) of an employee or a department for a period."""

    __tablename__ = "sales_targets"
    __table_args__ = (
        live_unique("sales_targets", "employee_id", "department_id", "period_start"),
        # NULLs are distinct in unique indexes on both databases: these two cover the
        # targets that name only an employee or only a department.
        Index(
            "uq_sales_targets_employee_id_period_start_live",
            "employee_id",
            "period_start",
            unique=True,
            sqlite_where=text("deleted_at IS NULL AND department_id IS NULL"),
            postgresql_where=text("deleted_at IS NULL AND department_id IS NULL"),
        ),
        Index(
            "uq_sales_targets_department_id_period_start_live",
            "department_id",
            "period_start",
            unique=True,
            sqlite_where=text("deleted_at IS NULL AND employee_id IS NULL"),
            postgresql_where=text("deleted_at IS NULL AND employee_id IS NULL"),
        ),
        CheckConstraint(
            "employee_id IS NOT NULL OR department_id IS NOT NULL", name="has_assignee"
        ),
        CheckConstraint("period_end >= period_start", name="period_order"),
        CheckConstraint("target_amount >= 0", name="target_amount_not_negative"),
        CheckConstraint("target_orders >= 0", name="target_orders_not_negative"),
        table_label("销售目标", "Sales target"),
    )

    period_start: Mapped[dt.date] = mapped_column(
        Date, index=True, info=label("开始日期", "Period start")
    )
    period_end: Mapped[dt.date] = mapped_column(Date, info=label("结束日期", "Period end"))
    employee_id: Mapped[int | None] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"),
        index=True,
        info=label("员工", "Employee"),
    )
    department_id: Mapped[int | None] = mapped_column(
        ForeignKey("departments.id", ondelete="RESTRICT"),
        index=True,
        info=label("部门", "Department"),
    )
    publication_id: Mapped[int | None] = mapped_column(
        ForeignKey("publications.id", ondelete="RESTRICT"),
        index=True,
        info=label("期刊", "Publication"),
    )
    target_amount: Mapped[Decimal] = mapped_column(Money(), info=label("目标金额", "Target amount"))
    target_orders: Mapped[int | None] = mapped_column(info=label("目标订单数", "Target orders"))
    notes: Mapped[str | None] = mapped_column(Text, info=label("备注", "Notes"))
