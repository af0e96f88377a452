"""Customer archive: customers, contacts and everything recorded about them (SPEC §3.4, §3.5)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    event,
    false,
    func,
    text,
)
from sqlalchemy.orm import Mapped, Mapper, mapped_column

from db.base import Base, OwnedMixin, Record, label, live_unique, one_of, table_label, utc_now
from db.customer_keys import NAME_KEY_LENGTH, customer_name_key
from db.search_keys import SearchFields, search_text
from db.types import ExactDecimal, Money, ascii_key

RATINGS = ("A", "B", "C", "D")
GENDERS = ("M", "F")
CONTACT_METHODS = ("phone", "mobile", "email", "wechat", "visit")
PARTNER_KINDS = ("agency", "supplier", "distributor", "joint_venture", "media_partner", "other")
SUPPLY_DEMAND_KINDS = ("supply", "demand")
SUPPLY_DEMAND_STATUSES = ("open", "closed")
CONTACT_CHANNELS = ("phone", "visit", "meeting", "email", "wechat", "other")
COMPLAINT_KINDS = ("complaint", "suggestion", "praise", "inquiry")
COMPLAINT_CHANNELS = ("phone", "email", "wechat", "letter", "visit", "website", "other")
SEVERITIES = ("low", "normal", "high", "urgent")
COMPLAINT_STATUSES = ("new", "in_progress", "resolved", "closed")


def _search_index(table: str) -> Index:
    """pg_trgm's index of the live rows' search text (db/search_keys.py); SQLite has none."""
    return Index(
        f"ix_{table}_live_search",
        "search_text",
        postgresql_using="gin",
        postgresql_ops={"search_text": "gin_trgm_ops"},
        postgresql_where=text("deleted_at IS NULL"),
    ).ddl_if(dialect="postgresql")


def _search_column() -> Mapped[str | None]:
    return mapped_column(Text, info=label("检索文本", "Search text"))


class Customer(Base, Record, OwnedMixin):
    """Enterprise customers (客户基本表, table 1)."""

    __pinyin_source__ = "name"

    __tablename__ = "customers"
    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),
        CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_own_parent"),
        CheckConstraint(
            "credit_code IS NULL OR length(credit_code) = 18", name="credit_code_length"
        ),
        CheckConstraint(one_of("rating", RATINGS, nullable=True), name="rating_known"),
        CheckConstraint(
            "employee_count IS NULL OR employee_count >= 0", name="employee_count_not_negative"
        ),
        CheckConstraint(
            "registered_capital IS NULL OR registered_capital >= 0",
            name="registered_capital_not_negative",
        ),
        CheckConstraint(
            "annual_revenue IS NULL OR annual_revenue >= 0", name="annual_revenue_not_negative"
        ),
        # Plain, not live_unique: a credit code stays taken while its customer is in the
        # recycle bin, so restoring it can never collide.
        UniqueConstraint("credit_code"),
        live_unique("customers", "customer_no"),
        # Lists sort by name: live rows in pinyin order, carrying what the permission filter
        # reads, so a key map or a count reads the index alone (PostgreSQL); and a staff
        # member's own customers in pinyin order.
        Index(
            "ix_customers_live_pinyin",
            "name_pinyin",
            "id",
            postgresql_include=["owner_id", "department_id"],
            postgresql_where=text("deleted_at IS NULL"),
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index(
            "ix_customers_live_owner_pinyin",
            "owner_id",
            "name_pinyin",
            "id",
            postgresql_where=text("deleted_at IS NULL"),
            sqlite_where=text("deleted_at IS NULL"),
        ),
        _search_index("customers"),
        table_label("客户", "Customer"),
    )

    customer_no: Mapped[str | None] = mapped_column(
        String(30), info=label("客户编号", "Customer no.")
    )
    name: Mapped[str] = mapped_column(String(200), index=True, info=label("客户名称", "Name"))
    name_pinyin: Mapped[str | None] = mapped_column(
        ascii_key(600), info=label("名称拼音", "Name (pinyin)")
    )
    search_text: Mapped[str | None] = _search_column()
    # The name as the duplicate check compares it (db/customer_keys.py), kept by every ORM
    # write; in byte order on PostgreSQL, which an equality lookup needs no locale for.
    name_key: Mapped[str | None] = mapped_column(
        ascii_key(NAME_KEY_LENGTH), index=True, info=label("名称查重键", "Name key")
    )
    short_name: Mapped[str | None] = mapped_column(String(60), info=label("简称", "Short name"))
    mnemonic: Mapped[str | None] = mapped_column(
        ascii_key(200), index=True, info=label("助记码", "Mnemonic")
    )
    english_name: Mapped[str | None] = mapped_column(
        String(200), info=label("英文名称", "English name")
    )
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"),
        index=True,
        info=label("上级单位", "Parent company"),
    )
    customer_type_id: Mapped[int] = mapped_column(
        ForeignKey("customer_types.id", ondelete="RESTRICT"),
        index=True,
        info=label("客户类型", "Customer type"),
    )
    industry_id: Mapped[int | None] = mapped_column(
        ForeignKey("industries.id", ondelete="RESTRICT"),
        index=True,
        info=label("行业", "Industry"),
    )
    # Not indexed, nor are rating and is_key_account: a few values each, shared by so many
    # customers that the planner would scan anyway; each index cost a million-customer
    # load about half a second.
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer_sources.id", ondelete="RESTRICT"), info=label("客户来源", "Source")
    )
    country_id: Mapped[int | None] = mapped_column(
        ForeignKey("countries.id", ondelete="RESTRICT"), info=label("国家", "Country")
    )
    region_id: Mapped[int | None] = mapped_column(
        ForeignKey("regions.id", ondelete="RESTRICT"), info=label("地区", "Region")
    )
    city_id: Mapped[int | None] = mapped_column(
        ForeignKey("cities.id", ondelete="RESTRICT"), index=True, info=label("城市", "City")
    )
    address: Mapped[str | None] = mapped_column(String(200), info=label("地址", "Address"))
    postal_code: Mapped[str | None] = mapped_column(
        String(6), info=label("邮政编码", "Postal code")
    )
    # Phone and e-mail are indexed for the duplicate check; the phone in byte order, so that
    # "0755-12345678-%" (the number with any extension) is a range of the index.
    phone: Mapped[str | None] = mapped_column(
        ascii_key(40), index=True, info=label("电话", "Phone")
    )
    fax: Mapped[str | None] = mapped_column(String(40), info=label("传真", "Fax"))
    website: Mapped[str | None] = mapped_column(String(200), info=label("网址", "Website"))
    email: Mapped[str | None] = mapped_column(
        ascii_key(254), index=True, info=label("电子邮件", "E-mail")
    )
    credit_code: Mapped[str | None] = mapped_column(
        String(18), info=label("统一社会信用代码", "Unified social credit code")
    )
    legal_representative: Mapped[str | None] = mapped_column(
        String(60), info=label("法定代表人", "Legal representative")
    )
    registered_capital: Mapped[Decimal | None] = mapped_column(
        Money(), info=label("注册资本(元)", "Registered capital (CNY)")
    )
    founded_on: Mapped[dt.date | None] = mapped_column(Date, info=label("成立日期", "Founded on"))
    employee_count: Mapped[int | None] = mapped_column(
        info=label("员工人数", "Number of employees")
    )
    annual_revenue: Mapped[Decimal | None] = mapped_column(
        Money(), info=label("年营业额(元)", "Annual revenue (CNY)")
    )
    sales_stage_id: Mapped[int | None] = mapped_column(
        ForeignKey("sales_stages.id", ondelete="RESTRICT"),
        index=True,
        info=label("销售阶段", "Sales stage"),
    )
    rating: Mapped[str | None] = mapped_column(String(1), info=label("客户等级", "Rating"))
    is_key_account: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false(), info=label("重点客户", "Key account")
    )
    blacklisted_reason: Mapped[str | None] = mapped_column(
        Text, info=label("列入黑名单原因", "Reason for blacklisting")
    )
    last_contact_at: Mapped[dt.datetime | None] = mapped_column(
        index=True, info=label("最近联系时间", "Last contact")
    )
    next_follow_up_on: Mapped[dt.date | None] = mapped_column(
        Date, index=True, info=label("下次跟进日期", "Next follow-up")
    )
    notes: Mapped[str | None] = mapped_column(Text, info=label("备注", "Notes"))


def _fill_name_key(_mapper: Mapper[Customer], _connection: object, target: Customer) -> None:
    target.name_key = customer_name_key(target.name)


# Every ORM write keeps the key; bulk loads compute it with customer_name_key themselves.
event.listen(Customer, "before_insert", _fill_name_key)
event.listen(Customer, "before_update", _fill_name_key)


def customer_search_fields(values: Mapping[str, Any]) -> SearchFields:
    """What a customer is searched by, from its column values (CUSTOMER_SEARCH_COLUMNS)."""
    return SearchFields(
        names=(values["name"], values["short_name"], values["english_name"]),
        mnemonic=values["mnemonic"],
        phones=(values["phone"], values["fax"]),
        email=values["email"],
        address=values["address"],
    )


def contact_search_fields(values: Mapping[str, Any]) -> SearchFields:
    """What a contact is searched by, from its column values (CONTACT_SEARCH_COLUMNS)."""
    return SearchFields(
        names=(values["name"],),
        mnemonic=values["mnemonic"],
        phones=(values["mobile"], values["phone"]),
        email=values["email"],
        address=values["address"],
    )


CUSTOMER_SEARCH_COLUMNS = (
    "name", "short_name", "english_name", "mnemonic", "phone", "fax", "email", "address",
)  # fmt: skip
CONTACT_SEARCH_COLUMNS = ("name", "mnemonic", "mobile", "phone", "email", "address")


def searched_tables() -> dict[
    str, tuple[tuple[str, ...], Callable[[Mapping[str, Any]], SearchFields]]
]:
    """Each searched table's search columns and how its SearchFields are made of them."""
    return {
        "customers": (CUSTOMER_SEARCH_COLUMNS, customer_search_fields),
        "contacts": (CONTACT_SEARCH_COLUMNS, contact_search_fields),
    }


def customer_search_text(customer: Customer) -> str:
    values = {column: getattr(customer, column) for column in CUSTOMER_SEARCH_COLUMNS}
    return search_text(customer_search_fields(values))


def _fill_customer_search_text(_mapper: Mapper[Customer], _c: object, target: Customer) -> None:
    target.search_text = customer_search_text(target)


def _fill_contact_search_text(_mapper: Mapper[Contact], _c: object, target: Contact) -> None:
    values = {column: getattr(target, column) for column in CONTACT_SEARCH_COLUMNS}
    target.search_text = search_text(contact_search_fields(values))


# Every ORM write keeps the search text in step, in the same transaction; bulk writers
# (import, demo) compute it with db.search_keys.search_text themselves.
event.listen(Customer, "before_insert", _fill_customer_search_text)
event.listen(Customer, "before_update", _fill_customer_search_text)


class CustomerExtension(Base, Record):
    """Further customer details, one row per customer (客户扩展表, table 2)."""

    __tablename__ = "customer_extensions"
    __table_args__ = (
        UniqueConstraint("customer_id"),
        CheckConstraint(
            "annual_ad_budget IS NULL OR annual_ad_budget >= 0", name="ad_budget_not_negative"
        ),
        table_label("客户扩展信息", "Customer extension"),
    )

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), info=label("客户", "Customer")
    )
    bank_name: Mapped[str | None] = mapped_column(String(100), info=label("开户银行", "Bank"))
    bank_account: Mapped[str | None] = mapped_column(
        String(40), info=label("银行账号", "Bank account")
    )
    tax_number: Mapped[str | None] = mapped_column(
        String(30), info=label("纳税人识别号", "Taxpayer ID")
    )
    invoice_title: Mapped[str | None] = mapped_column(
        String(200), info=label("发票抬头", "Invoice title")
    )
    invoice_address: Mapped[str | None] = mapped_column(
        String(200), info=label("开票地址", "Invoice address")
    )
    invoice_phone: Mapped[str | None] = mapped_column(
        String(40), info=label("开票电话", "Invoice phone")
    )
    business_scope: Mapped[str | None] = mapped_column(
        Text, info=label("经营范围", "Business scope")
    )
    main_products: Mapped[str | None] = mapped_column(Text, info=label("主要产品", "Main products"))
    annual_ad_budget: Mapped[Decimal | None] = mapped_column(
        Money(), info=label("年度广告预算(元)", "Annual advertising budget (CNY)")
    )
    preferred_media: Mapped[str | None] = mapped_column(
        Text, info=label("偏好媒体", "Preferred media")
    )
    decision_process: Mapped[str | None] = mapped_column(
        Text, info=label("决策流程", "Decision process")
    )
    competitors: Mapped[str | None] = mapped_column(Text, info=label("竞争对手", "Competitors"))
    wechat_official_account: Mapped[str | None] = mapped_column(
        String(100), info=label("微信公众号", "WeChat official account")
    )
    weibo: Mapped[str | None] = mapped_column(String(100), info=label("微博", "Weibo"))
    custom1: Mapped[str | None] = mapped_column(String(200), info=label("自定义1", "Custom 1"))
    custom2: Mapped[str | None] = mapped_column(String(200), info=label("自定义2", "Custom 2"))
    custom3: Mapped[str | None] = mapped_column(String(200), info=label("自定义3", "Custom 3"))


class Contact(Base, Record):
    """A customer's contact persons (联系人基本表, table 3)."""

    __pinyin_source__ = "name"

    __tablename__ = "contacts"
    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),
        CheckConstraint(one_of("gender", GENDERS, nullable=True), name="gender_known"),
        _search_index("contacts"),
        table_label("联系人", "Contact"),
    )

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"),
        index=True,
        info=label("客户", "Customer"),
    )
    # Not indexed: lists sort names by their pinyin and search them with ILIKE, which no
    # index serves; an index in the locale's order was the dearest of the load's to build.
    name: Mapped[str] = mapped_column(String(60), info=label("姓名", "Name"))
    name_pinyin: Mapped[str | None] = mapped_column(
        ascii_key(200), index=True, info=label("姓名拼音", "Name (pinyin)")
    )
    mnemonic: Mapped[str | None] = mapped_column(
        ascii_key(60), index=True, info=label("助记码", "Mnemonic")
    )
    search_text: Mapped[str | None] = _search_column()
    gender: Mapped[str | None] = mapped_column(String(1), info=label("性别", "Gender"))
    # Not indexed: a few dozen values, shared by many thousands of contacts each.
    form_of_address_id: Mapped[int | None] = mapped_column(
        ForeignKey("forms_of_address.id", ondelete="RESTRICT"),
        info=label("称谓", "Form of address"),
    )
    position_id: Mapped[int | None] = mapped_column(
        ForeignKey("positions.id", ondelete="RESTRICT"), info=label("职务", "Position")
    )
    job_title: Mapped[str | None] = mapped_column(String(100), info=label("职位", "Job title"))
    department: Mapped[str | None] = mapped_column(
        String(100), info=label("所在部门", "Department")
    )
    mobile: Mapped[str | None] = mapped_column(
        ascii_key(20), index=True, info=label("手机", "Mobile")
    )
    phone: Mapped[str | None] = mapped_column(
        ascii_key(40), index=True, info=label("电话", "Phone")
    )
    extension: Mapped[str | None] = mapped_column(String(10), info=label("分机", "Extension"))
    fax: Mapped[str | None] = mapped_column(String(40), info=label("传真", "Fax"))
    email: Mapped[str | None] = mapped_column(
        ascii_key(254), index=True, info=label("电子邮件", "E-mail")
    )
    wechat: Mapped[str | None] = mapped_column(String(60), info=label("微信", "WeChat"))
    qq: Mapped[str | None] = mapped_column(String(20), info=label("QQ", "QQ"))
    birthday: Mapped[dt.date | None] = mapped_column(Date, info=label("生日", "Birthday"))
    is_primary: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false(), info=label("主要联系人", "Primary contact")
    )
    is_decision_maker: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false(), info=label("决策人", "Decision maker")
    )
    address: Mapped[str | None] = mapped_column(String(200), info=label("地址", "Address"))
    postal_code: Mapped[str | None] = mapped_column(
        String(6), info=label("邮政编码", "Postal code")
    )
    notes: Mapped[str | None] = mapped_column(Text, info=label("备注", "Notes"))


class ContactExtension(Base, Record):
    """Further contact details, one row per contact (联系人扩展表, table 4)."""

    __tablename__ = "contact_extensions"
    __table_args__ = (
        UniqueConstraint("contact_id"),
        CheckConstraint(
            one_of("preferred_contact_method", CONTACT_METHODS, nullable=True),
            name="contact_method_known",
        ),
        table_label("联系人扩展信息", "Contact extension"),
    )

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), info=label("联系人", "Contact")
    )
    hobbies: Mapped[str | None] = mapped_column(String(200), info=label("爱好", "Hobbies"))
    education: Mapped[str | None] = mapped_column(String(40), info=label("学历", "Education"))
    hometown: Mapped[str | None] = mapped_column(String(100), info=label("籍贯", "Hometown"))
    marital_status: Mapped[str | None] = mapped_column(
        String(20), info=label("婚姻状况", "Marital status")
    )
    children: Mapped[str | None] = mapped_column(String(100), info=label("子女", "Children"))
    assistant_name: Mapped[str | None] = mapped_column(
        String(60), info=label("助理姓名", "Assistant")
    )
    assistant_phone: Mapped[str | None] = mapped_column(
        String(40), info=label("助理电话", "Assistant's phone")
    )
    preferred_contact_method: Mapped[str | None] = mapped_column(
        String(10), info=label("首选联系方式", "Preferred contact method")
    )
    do_not_email: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false(), info=label("拒收邮件", "Do not e-mail")
    )
    do_not_call: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false(), info=label("拒接电话", "Do not call")
    )
    custom1: Mapped[str | None] = mapped_column(String(200), info=label("自定义1", "Custom 1"))
    custom2: Mapped[str | None] = mapped_column(String(200), info=label("自定义2", "Custom 2"))
    custom3: Mapped[str | None] = mapped_column(String(200), info=label("自定义3", "Custom 3"))


class PartnerRelation(Base, Record):
    """A relation between two customers (伙伴信息): agency, supplier, media partner…"""

    __tablename__ = "partner_relations"
    __table_args__ = (
        CheckConstraint("partner_customer_id <> customer_id", name="not_own_partner"),
        CheckConstraint(one_of("kind", PARTNER_KINDS), name="kind_known"),
        live_unique("partner_relations", "customer_id", "partner_customer_id"),
        table_label("伙伴关系", "Partner relation"),
    )

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"),
        index=True,
        info=label("客户", "Customer"),
    )
    partner_customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"),
        index=True,
        info=label("合作伙伴", "Partner"),
    )
    kind: Mapped[str] = mapped_column(String(20), info=label("关系类型", "Kind"))
    since: Mapped[dt.date | None] = mapped_column(Date, info=label("合作开始日期", "Since"))
    notes: Mapped[str | None] = mapped_column(Text, info=label("备注", "Notes"))


class SupplyDemandInfo(Base, Record):
    """What a customer offers or looks for (客户供求信息表, table 5)."""

    __tablename__ = "supply_demand_infos"
    __table_args__ = (
        CheckConstraint(one_of("kind", SUPPLY_DEMAND_KINDS), name="kind_known"),
        CheckConstraint(one_of("status", SUPPLY_DEMAND_STATUSES), name="status_known"),
        CheckConstraint("length(trim(title)) > 0", name="title_not_empty"),
        table_label("供求信息", "Supply and demand"),
    )

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"),
        index=True,
        info=label("客户", "Customer"),
    )
    kind: Mapped[str] = mapped_column(String(10), index=True, info=label("供求类型", "Kind"))
    title: Mapped[str] = mapped_column(String(200), info=label("标题", "Title"))
    description: Mapped[str | None] = mapped_column(Text, info=label("详细说明", "Description"))
    quantity: Mapped[str | None] = mapped_column(String(100), info=label("数量", "Quantity"))
    valid_until: Mapped[dt.date | None] = mapped_column(
        Date, index=True, info=label("有效期至", "Valid until")
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"),
        index=True,
        info=label("联系人", "Contact"),
    )
    status: Mapped[str] = mapped_column(
        String(10), default="open", server_default="open", index=True, info=label("状态", "Status")
    )


class MediaAdRecord(Base, Record):
    """A customer's ads in any medium, ours or competitors' (客户媒体广告记录表, table 6)."""

    __tablename__ = "media_ad_records"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= ad_date", name="end_after_start"),
        CheckConstraint("frequency > 0", name="frequency_positive"),
        CheckConstraint(
            "estimated_spend IS NULL OR estimated_spend >= 0", name="spend_not_negative"
        ),
        table_label("媒体广告记录", "Media advertising record"),
    )

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"),
        index=True,
        info=label("客户", "Customer"),
    )
    media_outlet_id: Mapped[int] = mapped_column(
        ForeignKey("media_outlets.id", ondelete="RESTRICT"),
        index=True,
        info=label("媒体", "Media outlet"),
    )
    ad_date: Mapped[dt.date] = mapped_column(
        Date, index=True, info=label("刊登日期", "Date (from)")
    )
    end_date: Mapped[dt.date | None] = mapped_column(Date, info=label("结束日期", "Date (to)"))
    ad_format: Mapped[str | None] = mapped_column(
        String(60), info=label("规格/形式", "Size / format")
    )
    position: Mapped[str | None] = mapped_column(String(100), info=label("版位", "Position"))
    frequency: Mapped[int] = mapped_column(
        default=1, server_default="1", info=label("刊登次数", "Insertions")
    )
    estimated_spend: Mapped[Decimal | None] = mapped_column(
        Money(), info=label("估计投放金额(元)", "Estimated spend (CNY)")
    )
    info_source: Mapped[str | None] = mapped_column(
        String(200), info=label("信息来源", "Source of information")
    )
    notes: Mapped[str | None] = mapped_column(Text, info=label("备注", "Notes"))


class ContactHistory(Base, Record):
    """Each call, visit, meeting or message with a customer (客户联系历史记录)."""

    __tablename__ = "contact_histories"
    __table_args__ = (
        CheckConstraint(one_of("channel", CONTACT_CHANNELS), name="channel_known"),
        CheckConstraint("length(trim(subject)) > 0", name="subject_not_empty"),
        table_label("联系记录", "Contact history"),
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
    employee_id: Mapped[int | None] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"),
        index=True,
        info=label("经办人", "Staff member"),
    )
    contacted_at: Mapped[dt.datetime] = mapped_column(
        default=utc_now,
        server_default=func.now(),
        index=True,
        info=label("联系时间", "Contacted at"),
    )
    channel: Mapped[str] = mapped_column(String(10), info=label("联系方式", "Channel"))
    subject: Mapped[str] = mapped_column(String(200), info=label("主题", "Subject"))
    content: Mapped[str | None] = mapped_column(Text, info=label("联系内容", "Content"))
    result: Mapped[str | None] = mapped_column(Text, info=label("联系结果", "Result"))
    next_step: Mapped[str | None] = mapped_column(Text, info=label("下一步", "Next step"))
    follow_up_on: Mapped[dt.date | None] = mapped_column(
        Date, index=True, info=label("跟进日期", "Follow up on")
    )


class SalespersonLog(Base, Record, OwnedMixin):
    """A salesperson's work log about a customer (业务员客户日志, table 14)."""

    __tablename__ = "salesperson_logs"
    __table_args__ = (
        CheckConstraint("hours IS NULL OR hours >= 0", name="hours_not_negative"),
        table_label("业务员日志", "Salesperson log"),
    )

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"),
        index=True,
        info=label("客户", "Customer"),
    )
    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"),
        index=True,
        info=label("业务员", "Salesperson"),
    )
    log_date: Mapped[dt.date] = mapped_column(Date, index=True, info=label("日期", "Date"))
    content: Mapped[str] = mapped_column(Text, info=label("工作内容", "Work done"))
    next_plan: Mapped[str | None] = mapped_column(Text, info=label("下一步计划", "Next plan"))
    hours: Mapped[Decimal | None] = mapped_column(
        ExactDecimal(5, 2), info=label("工时(小时)", "Hours")
    )


class SalesStageChange(Base, Record):
    """A customer's move from one sales-process step to another (销售跟踪, SPEC §3.9)."""

    __tablename__ = "sales_stage_changes"
    __table_args__ = (
        CheckConstraint(
            "from_stage_id IS NULL OR from_stage_id <> to_stage_id", name="stage_changes"
        ),
        table_label("销售阶段变更", "Sales stage change"),
    )

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"),
        index=True,
        info=label("客户", "Customer"),
    )
    from_stage_id: Mapped[int | None] = mapped_column(
        ForeignKey("sales_stages.id", ondelete="RESTRICT"),
        index=True,
        info=label("原阶段", "From stage"),
    )
    to_stage_id: Mapped[int] = mapped_column(
        ForeignKey("sales_stages.id", ondelete="RESTRICT"),
        index=True,
        info=label("新阶段", "To stage"),
    )
    changed_on: Mapped[dt.date] = mapped_column(
        Date, index=True, info=label("变更日期", "Changed on")
    )
    employee_id: Mapped[int | None] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"),
        index=True,
        info=label("经办人", "Staff member"),
    )
    note: Mapped[str | None] = mapped_column(Text, info=label("说明", "Note"))


class Attachment(Base, Record, OwnedMixin):
    """A stored file, of a customer or of any other record (附件/文件管理)."""

    __tablename__ = "attachments"
    __table_args__ = (
        CheckConstraint(
            "(record_table IS NULL) = (record_id IS NULL)", name="record_pointer_complete"
        ),
        CheckConstraint(
            "customer_id IS NOT NULL OR record_table IS NOT NULL", name="belongs_somewhere"
        ),
        CheckConstraint("size_bytes >= 0", name="size_not_negative"),
        CheckConstraint("length(sha256) = 64", name="sha256_length"),
        Index(None, "record_table", "record_id"),
        table_label("附件", "Attachment"),
    )

    customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customers.id", ondelete="RESTRICT"),
        index=True,
        info=label("客户", "Customer"),
    )
    record_table: Mapped[str | None] = mapped_column(
        String(40), info=label("所属表", "Record table")
    )
    record_id: Mapped[int | None] = mapped_column(info=label("所属记录", "Record ID"))
    file_name: Mapped[str] = mapped_column(String(255), info=label("文件名", "File name"))
    mime_type: Mapped[str | None] = mapped_column(String(255), info=label("文件类型", "MIME type"))
    size_bytes: Mapped[int] = mapped_column(BigInteger, info=label("大小(字节)", "Size (bytes)"))
    sha256: Mapped[str] = mapped_column(String(64), info=label("SHA-256 校验值", "SHA-256"))
    content: Mapped[bytes] = mapped_column(
        LargeBinary, deferred=True, info=label("文件内容", "Content")
    )
    description: Mapped[str | None] = mapped_column(Text, info=label("说明", "Description"))


class Complaint(Base, Record, OwnedMixin):
    """A customer's complaint, suggestion, praise or inquiry (客户投诉表, table 18)."""

    __tablename__ = "complaints"
    __table_args__ = (
        CheckConstraint(one_of("kind", COMPLAINT_KINDS), name="kind_known"),
        CheckConstraint(one_of("channel", COMPLAINT_CHANNELS, nullable=True), name="channel_known"),
        CheckConstraint(one_of("severity", SEVERITIES), name="severity_known"),
        CheckConstraint(one_of("status", COMPLAINT_STATUSES), name="status_known"),
        CheckConstraint("length(trim(subject)) > 0", name="subject_not_empty"),
        CheckConstraint(
            "satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5", name="satisfaction_range"
        ),
        table_label("投诉与反馈", "Complaint / feedback"),
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
    kind: Mapped[str] = mapped_column(
        String(20),
        default="complaint",
        server_default="complaint",
        index=True,
        info=label("类别", "Kind"),
    )
    received_at: Mapped[dt.datetime] = mapped_column(
        default=utc_now,
        server_default=func.now(),
        index=True,
        info=label("受理时间", "Received at"),
    )
    channel: Mapped[str | None] = mapped_column(String(10), info=label("渠道", "Channel"))
    subject: Mapped[str] = mapped_column(String(200), info=label("主题", "Subject"))
    content: Mapped[str | None] = mapped_column(Text, info=label("内容", "Content"))
    severity: Mapped[str] = mapped_column(
        String(10),
        default="normal",
        server_default="normal",
        index=True,
        info=label("紧急程度", "Severity"),
    )
    status: Mapped[str] = mapped_column(
        String(20), default="new", server_default="new", index=True, info=label("状态", "Status")
    )
    handler_id: Mapped[int | None] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"),
        index=True,
        info=label("处理人", "Handler"),
    )
    resolution: Mapped[str | None] = mapped_column(Text, info=label("处理结果", "Resolution"))
    resolved_at: Mapped[dt.datetime | None] = mapped_column(info=label("解决时间", "Resolved at"))
    satisfaction: Mapped[int | None] = mapped_column(
        info=label("满意度(1-5)", "Satisfaction (1-5)")
    )


event.listen(Contact, "before_insert", _fill_contact_search_text)
event.listen(Contact, "before_update", _fill_contact_search_text)
