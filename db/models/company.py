"""Our own company: its details, products and services, print templates and saved queries."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    false,
    text,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Record, label, live_unique, one_of, table_label
from db.types import ExactDecimal, Money

PRODUCT_CATEGORIES = ("advertising", "subscription", "exhibition", "service", "other")
TEMPLATE_KINDS = (
    "envelope",
    "label",
    "list",
    "quotation",
    "order_confirmation",
    "receipt",
    "letter",
)
PAGE_SIZES = ("A4", "A5", "B5", "DL", "C5", "custom")
ORIENTATIONS = ("portrait", "landscape")


class CompanyInfo(Base, Record):
    """Our own company's details (本公司信息), printed on letters, quotations and receipts."""

    __tablename__ = "company_info"
    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),
        CheckConstraint("attachment_max_mb > 0", name="attachment_max_mb_positive"),
        table_label("本公司信息", "Company information"),
    )

    name: Mapped[str] = mapped_column(String(200), info=label("公司名称", "Name"))
    english_name: Mapped[str | None] = mapped_column(
        String(200), info=label("英文名称", "English name")
    )
    short_name: Mapped[str | None] = mapped_column(String(60), info=label("简称", "Short name"))
    credit_code: Mapped[str | None] = mapped_column(
        String(18), info=label("统一社会信用代码", "Unified social credit code")
    )
    legal_representative: Mapped[str | None] = mapped_column(
        String(60), info=label("法定代表人", "Legal representative")
    )
    address: Mapped[str | None] = mapped_column(String(300), info=label("地址", "Address"))
    postal_code: Mapped[str | None] = mapped_column(
        String(10), info=label("邮政编码", "Postal code")
    )
    phone: Mapped[str | None] = mapped_column(String(40), info=label("电话", "Phone"))
    fax: Mapped[str | None] = mapped_column(String(40), info=label("传真", "Fax"))
    email: Mapped[str | None] = mapped_column(String(254), info=label("电子邮件", "E-mail"))
    website: Mapped[str | None] = mapped_column(String(200), info=label("网址", "Website"))
    bank_name: Mapped[str | None] = mapped_column(String(120), info=label("开户银行", "Bank"))
    bank_account: Mapped[str | None] = mapped_column(
        String(40), info=label("银行账号", "Bank account")
    )
    tax_number: Mapped[str | None] = mapped_column(String(30), info=label("税号", "Tax number"))
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, info=label("标志", "Logo"))
    slogan: Mapped[str | None] = mapped_column(String(200), info=label("宣传语", "Slogan"))
    notes: Mapped[str | None] = mapped_column(Text, info=label("备注", "Notes"))
    attachment_max_mb: Mapped[int] = mapped_column(
        Integer,
        default=20,
        server_default=text("20"),
        info=label("附件大小上限(MB)", "Largest attachment (MB)"),
    )


class ProductService(Base, Record):
    """Our products and services (用户产品与服务): advertising, subscriptions, exhibition places."""

    __tablename__ = "products_services"
    __table_args__ = (
        live_unique("products_services", "code"),
        CheckConstraint(one_of("category", PRODUCT_CATEGORIES), name="category_known"),
        CheckConstraint("length(trim(code)) > 0", name="code_not_empty"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),
        CheckConstraint("price >= 0", name="price_positive"),
        table_label("产品与服务", "Product or service"),
    )

    code: Mapped[str] = mapped_column(String(30), info=label("编号", "Code"))
    name: Mapped[str] = mapped_column(String(120), index=True, info=label("名称", "Name"))
    category: Mapped[str] = mapped_column(String(20), index=True, info=label("类别", "Category"))
    description: Mapped[str | None] = mapped_column(Text, info=label("说明", "Description"))
    unit: Mapped[str | None] = mapped_column(String(20), info=label("单位", "Unit"))
    price: Mapped[Decimal | None] = mapped_column(Money(), info=label("单价", "Price"))
    active: Mapped[bool] = mapped_column(
        Boolean, default=True, server_default=true(), info=label("启用", "Active")
    )


class PrintTemplate(Base, Record):
    """Print templates (打印模板) for envelopes, labels, lists and documents."""

    __tablename__ = "print_templates"
    __table_args__ = (
        live_unique("print_templates", "kind", "name"),
        CheckConstraint(one_of("kind", TEMPLATE_KINDS), name="kind_known"),
        CheckConstraint(one_of("page_size", PAGE_SIZES), name="page_size_known"),
        CheckConstraint(one_of("orientation", ORIENTATIONS), name="orientation_known"),
        CheckConstraint(
            "page_size <> 'custom' OR (width_mm IS NOT NULL AND height_mm IS NOT NULL)",
            name="custom_size_given",
        ),
        CheckConstraint("width_mm > 0 AND height_mm > 0", name="size_positive"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),
        table_label("打印模板", "Print template"),
    )

    name: Mapped[str] = mapped_column(String(100), info=label("模板名称", "Name"))
    kind: Mapped[str] = mapped_column(String(30), index=True, info=label("模板类型", "Kind"))
    page_size: Mapped[str] = mapped_column(
        String(10), default="A4", server_default="A4", info=label("纸张", "Page size")
    )
    width_mm: Mapped[Decimal | None] = mapped_column(
        ExactDecimal(7, 2), info=label("宽度(毫米)", "Width (mm)")
    )
    height_mm: Mapped[Decimal | None] = mapped_column(
        ExactDecimal(7, 2), info=label("高度(毫米)", "Height (mm)")
    )
    orientation: Mapped[str] = mapped_column(
        String(10),
        default="portrait",
        server_default="portrait",
        info=label("方向", "Orientation"),
    )
    layout: Mapped[str] = mapped_column(
        Text, default="{}", server_default="{}", info=label("版式(JSON)", "Layout (JSON)")
    )
    is_default: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false(), info=label("默认模板", "Default")
    )
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"),
        index=True,
        info=label("所有者(空为共享)", "Owner (empty: shared)"),
    )


class SavedQuery(Base, Record):
    """Saved queries (保存的查询) of the comprehensive query, private or shared."""

    __tablename__ = "saved_queries"
    __table_args__ = (
        live_unique("saved_queries", "user_id", "module", "name"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),
        table_label("保存的查询", "Saved query"),
    )

    name: Mapped[str] = mapped_column(String(100), info=label("查询名称", "Name"))
    module: Mapped[str] = mapped_column(String(40), index=True, info=label("模块", "Module"))
    definition: Mapped[str] = mapped_column(Text, info=label("查询条件(JSON)", "Definition (JSON)"))
    description: Mapped[str | None] = mapped_column(Text, info=label("说明", "Description"))
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True, info=label("所有者", "Owner")
    )
    shared_department_id: Mapped[int | None] = mapped_column(
        ForeignKey("departments.id", ondelete="SET NULL"),
        index=True,
        info=label("共享给部门", "Shared with department"),
    )
    is_shared_all: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false(), info=label("全员共享", "Shared with all")
    )
